"""The user's own copies of the kit's notebooks, kept in the workspace, outside the kit's folder.

JupyterLab saves a notebook's outputs (company names, contacts) into the file it opened, and
autosaves it. Serving the kit's tracked ``notebooks/`` folder would put a user's data into
the kit's git tree, so ``rejectkit lab`` serves ``<workspace>/notebooks/`` instead: copies
that this module makes and refreshes when the kit's versions change, never losing an edit.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..store.durable import write_file
from ..store.kit import notebooks_path
from ..store.schema import META

if TYPE_CHECKING:
    from ..store.workspace import Workspace

__all__ = ["Refresh", "strip_kit_notebook", "sync_notebooks"]

FOLDER = "notebooks"
# Which version of each kit notebook the user's copy started from (hashes of the cell
# sources, so that running a notebook and saving its outputs is not taken for an edit).
STATE = "notebooks.json"


@dataclass
class Refresh:
    """What :func:`sync_notebooks` did, in words the user reads at start-up."""

    folder: Path
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    # (notebook, where the user's edited copy was kept)
    kept: list[tuple[str, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        said = []
        if self.updated:
            said.append(f"Updated to the kit's new version: {', '.join(self.updated)}.")
        for name, aside in self.kept:
            said.append(
                f"The kit has a new version of {name}; your edited copy is kept as {aside}, "
                "next to it."
            )
        return said


def _sources(raw: bytes) -> str:
    """A fingerprint of what a person wrote in a notebook: cell kinds and sources only."""
    try:
        cells = json.loads(raw).get("cells", [])
    except (ValueError, AttributeError):
        return hashlib.sha256(raw).hexdigest()
    text = json.dumps(
        [
            (c.get("cell_type"), "".join(s) if isinstance(s := c.get("source", ""), list) else s)
            for c in cells
        ]
    )
    return hashlib.sha256(text.encode()).hexdigest()


def _aside_name(folder: Path, name: str) -> str:
    stem = name.removesuffix(".ipynb")
    for n in range(1, 1000):
        candidate = f"{stem} (your edits{'' if n == 1 else f' {n}'}).ipynb"
        if not (folder / candidate).exists():
            return candidate
    raise OSError(f"Too many kept copies of {name} in {folder}.")


def sync_notebooks(ws: Workspace, kit: Path | None = None) -> Refresh:
    """Copy the kit's notebooks into ``workspace/notebooks/`` and bring them up to date.

    A notebook the user never edited (running it and saving outputs is not an edit) follows
    the kit's new version; an edited one is kept beside the new version under a new name, so
    that nothing typed is lost and the kit's pages still work.

    >>> import tempfile
    >>> from rejectkit.store.location import init_workspace
    >>> ws = init_workspace(tempfile.mkdtemp())
    >>> refresh = sync_notebooks(ws)
    >>> (ws.path / "notebooks" / "00-start.ipynb").exists(), "00-start.ipynb" in refresh.added
    (True, True)
    """
    ws.check_writable()
    kit = kit or notebooks_path()
    folder = ws.path / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    try:
        state = json.loads((ws.path / META / STATE).read_text("utf-8"))
    except (OSError, ValueError):
        state = {}
    refresh = Refresh(folder)
    for source in sorted(kit.glob("*.ipynb")):
        name, new = source.name, source.read_bytes()
        new_print, copy = _sources(new), folder / name
        if not copy.exists():
            write_file(copy, new)
            refresh.added.append(name)
        elif state.get(name) != new_print:
            mine = _sources(copy.read_bytes())
            if mine != new_print:
                if mine != state.get(name):
                    # The user changed cells the kit is about to change too: keep theirs
                    # under a new name rather than merge by guesswork.
                    aside = _aside_name(folder, name)
                    write_file(folder / aside, copy.read_bytes())
                    refresh.kept.append((name, aside))
                write_file(copy, new)
                refresh.updated.append(name)
        state[name] = new_print
    ws.put_meta(STATE, json.dumps(state, indent=1, sort_keys=True).encode())
    return refresh


def strip_kit_notebook(model: dict, path: str, contents_manager, **_) -> None:
    """JupyterLab's pre-save hook: a notebook saved inside the kit's own folder is saved
    without outputs or widget state (they hold the user's data; the kit's tree is tracked).

    Wired in by ``rejectkit lab`` as ``ContentsManager.pre_save_hook``.
    """
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    try:
        target = Path(contents_manager._get_os_path(path)).resolve()
    except Exception:
        return
    kit_root = notebooks_path().resolve().parent
    if kit_root not in target.parents or (kit_root / "data") in target.parents:
        return
    nb = model["content"]
    nb.get("metadata", {}).pop("widgets", None)
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
