"""Where a bundle goes: its folder checked, the new bundle moved in with one rename, what the
mentor added to an earlier bundle kept, and what a killed export left behind swept away.

A bundle is built in a hidden folder next to ``--out`` whose name holds the id of the process
building it (``.bundle.partial-4242-…``). An export killed on the way (``kill -9``, a closed
laptop) cannot remove it; the next export removes every such folder whose process is gone,
so anonymised data that was never scanned does not stay on your disk. (The notebook's kernel
watches the export too: ipykernel leaves when the process that started it is gone.)

The marker file of a bundle lists each file the kit wrote with its SHA-256. Exporting over an
earlier bundle keeps every other file, and every file of the kit's that has changed since
(``mentor_notes.csv`` filled by the mentor), so no comment is ever lost (issue 14).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

from ..errors import RejectkitError

__all__ = ["MARKER", "check_out", "kept_files", "new_stage", "place", "sweep", "write_marker"]

MARKER = ".rejectkit-bundle"
_OWNED = re.compile(r"\.(?:partial|old)-(\d+)-")


def check_out(out: Path) -> None:
    """Refuse a file, and a folder that holds files but no bundle."""
    if out.exists() and not out.is_dir():
        raise RejectkitError(f"{out} is a file; choose a folder for the bundle.")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise RejectkitError(
            f"{out} is not empty and is not a bundle written by rejectkit share, so nothing was "
            "written. Choose a new or empty folder (an earlier bundle is replaced, keeping "
            "mentor_notes.csv and every file the kit did not write)."
        )


def new_stage(out: Path) -> Path:
    """A new hidden folder next to ``out`` to build the bundle in, named after this process."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.partial-{os.getpid()}-"))


def sweep(out: Path) -> list[str]:
    """Remove the hidden folders that an export of ``out`` killed on the way left; return
    their names.

    >>> import tempfile, pathlib
    >>> parent = pathlib.Path(tempfile.mkdtemp())
    >>> (parent / ".b.partial-999999999-x").mkdir()
    >>> sweep(parent / "b"), list(parent.iterdir())
    (['.b.partial-999999999-x'], [])
    """
    import psutil

    removed = []
    if not out.parent.is_dir():
        return removed
    for folder in out.parent.glob(f".{_glob_escape(out.name)}.*-*-*"):
        owner = _OWNED.search(folder.name[len(out.name) + 1 :])
        if not (owner and folder.is_dir()):
            continue
        pid = int(owner.group(1))
        if pid != os.getpid() and _alive(psutil, pid, folder):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder.name)
    return removed


def _glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _alive(psutil, pid: int, folder: Path) -> bool:
    try:
        started = psutil.Process(pid).create_time()
    except (psutil.NoSuchProcess, psutil.AccessDenied, ValueError):
        return False
    # A process started after the folder was made only has its number again.
    return started <= folder.stat().st_ctime + 1


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_marker(stage: Path, notebooks: list[str]) -> None:
    """The marker of a bundle: what it is, and each file the kit wrote with its digest."""
    files = {
        p.relative_to(stage).as_posix(): _digest(p)
        for p in sorted(stage.rglob("*"))
        if p.is_file() and p.name != MARKER
    }
    marker = {"rejectkit": "share bundle", "format": 2, "notebooks": notebooks, "files": files}
    (stage / MARKER).write_text(json.dumps(marker, indent=1) + "\n", "utf-8")


def kept_files(out: Path, fresh: Path) -> list[str]:
    """The files of the earlier bundle at ``out`` that an export keeps: every file the kit
    did not write, and every one of the kit's that changed since (``fresh``: the new bundle,
    for a bundle written before the marker listed its files)."""
    if not (out / MARKER).exists():
        return []
    try:
        written = json.loads((out / MARKER).read_text("utf-8")).get("files")
    except (OSError, ValueError, AttributeError):
        written = None
    kept = []
    for path in sorted(p for p in out.rglob("*") if p.is_file() and p.name != MARKER):
        name = path.relative_to(out).as_posix()
        if written is not None:
            if written.get(name) != _digest(path):
                kept.append(name)
        elif name == "mentor_notes.csv":
            if path.read_text("utf-8", errors="replace").strip() != "alias,comment":
                kept.append(name)
        elif not (fresh / name).exists():
            kept.append(name)
    return kept


def place(stage: Path, out: Path) -> list[str]:
    """Move the built bundle ``stage`` to ``out`` in one rename, keeping what the mentor
    added to an earlier bundle there (see :func:`kept_files`); return the files kept."""
    check_out(out)
    if out.is_dir() and not any(out.iterdir()):
        out.rmdir()
    if not out.exists():
        os.rename(stage, out)
        return []
    kept = kept_files(out, stage)
    for name in kept:
        target = stage / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(out / name, target)
    # The earlier bundle is set aside, the new one moved in, then the old one deleted.
    old = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.old-{os.getpid()}-"))
    os.rename(out, old / "bundle")
    try:
        os.rename(stage, out)
    except OSError:
        os.rename(old / "bundle", out)
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)
    return kept
