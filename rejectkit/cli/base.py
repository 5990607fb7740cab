"""What every command shares: the registry the parser is built from, and the workspace a
command works on."""

from __future__ import annotations

import argparse
from collections.abc import Callable

__all__ = ["COMMANDS", "command", "workspace_of"]

# In the order `rejectkit --help` lists them (see ORDER in __init__).
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def workspace_of(args: argparse.Namespace):
    """The workspace named by ``--data`` (else the default), refused with a way out when the
    folder is missing, is a file, or holds none of the kit's files."""
    from ..errors import WorkspaceError
    from ..store.location import resolve_path
    from ..store.schema import TABLES
    from ..store.workspace import Workspace

    path = resolve_path(args.data)
    fix = "give your log's folder with --data DIR, or create one with rejectkit init --data DIR"
    if path.exists() and not path.is_dir():
        raise WorkspaceError(f"{path} is a file, not a workspace folder; {fix}.")
    if not path.is_dir():
        raise WorkspaceError(f"The workspace {path} does not exist; {fix}.")
    if not any((path / table.file).exists() for table in TABLES.values()):
        raise WorkspaceError(
            f"{path} is not a workspace: it holds none of the kit's files (applications.csv, "
            f"interviews.csv, ...); {fix}."
        )
    return Workspace(path)


def command(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    COMMANDS[func.__name__.removeprefix("cmd_").replace("_", "-")] = func
    return func
