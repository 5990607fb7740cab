"""Where the kit's own folders are: its notebooks and its demo, which the kit only reads."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import WorkspaceError

__all__ = ["is_kit_demo", "notebooks_path", "sample_path"]

_PACKAGE = Path(__file__).resolve().parents[1]


def notebooks_path() -> Path:
    """The folder of the kit's notebooks."""
    for candidate in (_PACKAGE.parent / "notebooks", _PACKAGE / "notebooks"):
        if candidate.is_dir():
            return candidate
    raise WorkspaceError("The notebooks folder is missing from this installation of rejectkit.")


def sample_path() -> Path:
    """The shipped demo workspace (fictional data)."""
    for candidate in (_PACKAGE.parent / "data" / "sample", _PACKAGE / "sample"):
        if (candidate / "applications.csv").exists():
            return candidate
    raise WorkspaceError("The demo workspace is missing from this installation of rejectkit.")


def is_kit_demo(path: str | os.PathLike) -> bool:
    """Whether ``path`` is the kit's own demo folder, which no command may change (it is
    tracked by git, and the tests compare against it)."""
    try:
        return Path(path).resolve() == sample_path().resolve()
    except (OSError, WorkspaceError):
        return False
