"""The one way out for every file the kit writes for people: reports, prep sheets, calendars,
``.eml`` drafts and exports.

:func:`write_output` never writes over a workspace's data files or anything in its
``.rejectkit/`` folder (the log, its history, backups and counters), never replaces a file
that the kit did not write unless asked to (``force``, the commands' ``--force``), and writes
through the durable writer, so a file is never half-written. A file counts as the kit's own
when it carries the kit's mark (its ``signature``: the report's header row, the prep sheet's
title, the calendar's PRODID, the draft's X-Mailer); nothing else is remembered anywhere.

:func:`neutralise` escapes the cells a spreadsheet would run as a formula, for every CSV file
the kit writes for people (the report, the share bundle).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pandas as pd

from ..errors import OutputError, SaveError
from .durable import fsync_dir, process_lock, reason, stage
from .schema import META, TABLES

__all__ = ["check_output_path", "neutralise", "write_output", "write_outputs"]

# A spreadsheet runs a cell starting with one of these as a formula (OWASP, "CSV injection").
_FORMULA = r"^[=+\-@\t\r]"
# How much of an existing file is read to look for the kit's mark.
_HEAD = 8192
_DATA_FILES = frozenset(t.file for t in TABLES.values())


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells that a spreadsheet would run as a formula, with an apostrophe in front.

    >>> cells = pd.DataFrame({"notes": ["=HYPERLINK(1)", "-2", "fine", "@SUM", "\\t=1", ""]})
    >>> neutralise(cells)["notes"].tolist()
    ["'=HYPERLINK(1)", "'-2", 'fine', "'@SUM", "'\\t=1", '']
    """
    out = frame.copy()
    for column in out.columns:
        cells = out[column].fillna("").astype("str")
        out[column] = cells.where(~cells.str.contains(_FORMULA, regex=True), "'" + cells)
    return out


def _workspace_of(path: Path) -> Path | None:
    """The workspace folder ``path`` is the kit's own file of, if it is one."""
    parts = path.parts
    if META in parts[:-1]:
        return Path(*parts[: parts.index(META)])
    if path.name in _DATA_FILES and (path.parent / META).is_dir():
        return path.parent
    return None


def check_output_path(path: str | os.PathLike, workspace: str | os.PathLike | None = None) -> Path:
    """Refuse ``path`` if writing there would replace a workspace's data or the kit's own
    files (also through a link); return it as an absolute path.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / ".rejectkit").mkdir()
    >>> check_output_path(folder / "applications.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    rejectkit.errors.OutputError: ...applications.csv is a data file of the workspace ...
    """
    path = Path(path).expanduser().absolute()
    candidates = [path, Path(os.path.realpath(path))]
    for p in candidates:
        if (ws := _workspace_of(p)) is not None:
            what = (
                "a data file of the workspace"
                if p.name in _DATA_FILES and p.parent == ws
                else "inside the kit's own folder of the workspace"
            )
            raise OutputError(
                f"{path} is {what} {ws}, so nothing was written: writing there would replace "
                "your log. Choose a place outside the workspace's data files and its "
                f"{META} folder."
            )
    if workspace is not None and path.exists():
        folder = Path(workspace)
        same = [f for f in _DATA_FILES if (folder / f).exists() and _same(folder / f, path)]
        if same:
            raise OutputError(
                f"{path} is the same file as {same[0]} of the workspace {folder} (a link to "
                "it), so nothing was written. Choose another file name."
            )
    return path


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def write_output(
    path: str | os.PathLike,
    data: bytes,
    *,
    signature: bytes | None,
    force: bool = False,
    workspace: str | os.PathLike | None = None,
) -> Path:
    """Write ``data`` to ``path`` completely or not at all; return the absolute path.

    Refused with :class:`OutputError`, naming the file: a workspace's data file or its
    ``.rejectkit/`` folder (see :func:`check_output_path`), a folder, a missing folder, and
    an existing file that does not hold ``signature`` (the kit's mark) unless ``force``.

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "note.md"
    >>> write_output(target, b"# Note", signature=b"# Note").read_text()
    '# Note'
    >>> _ = target.write_text("mine")
    >>> write_output(target, b"# Note", signature=b"# Note")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    rejectkit.errors.OutputError: ...note.md already exists and was not written by rejectkit...
    """
    return write_outputs({path: (data, signature)}, force=force, workspace=workspace)[0]


def write_outputs(
    files: dict[str | os.PathLike, tuple[bytes, bytes | None]],
    *,
    force: bool = False,
    workspace: str | os.PathLike | None = None,
) -> list[Path]:
    """:func:`write_output` for several files (path: (data, signature)), all checked before
    any is written, so a refusal leaves every one of them as it was."""
    checked = [
        (_refuse(Path(p), signature, force, workspace), data)
        for p, (data, signature) in files.items()
    ]
    for path, data in checked:
        _write(path, data)
    return [path for path, _ in checked]


def _refuse(path: Path, signature: bytes | None, force: bool, workspace) -> Path:
    path = check_output_path(path, workspace)
    if path.is_dir():
        raise OutputError(
            f"{path} is a folder; give a file name inside it, such as {path / 'report.csv'}."
        )
    if not path.parent.is_dir():
        raise OutputError(
            f"The folder {path.parent} does not exist, so {path.name} was not written; create "
            "the folder or choose another."
        )
    if (path.exists() or path.is_symlink()) and not force and not _marked(path, signature):
        raise OutputError(
            f"{path} already exists and was not written by rejectkit, so it was left as it is. "
            "Choose another name, or add --force to replace it."
        )
    return path


def _write(path: Path, data: bytes) -> None:
    # A file in a workspace's top folder (the prep sheet) is written under the workspace lock:
    # the next read sweeps temp files there, and must not take this one for a crashed save's.
    meta = path.parent / META
    tmp = None
    try:
        with process_lock(meta / "lock").acquire(timeout=30) if meta.is_dir() else _nothing():
            tmp = stage(path, data)
            # A link at ``path`` is replaced itself, never the file it points at.
            os.replace(tmp, path)
            tmp = None
            fsync_dir(path.parent)
    except TimeoutError:
        raise SaveError(
            f"Could not write {path}: a save of the workspace in {path.parent} held its lock for "
            "30 seconds. Nothing was written there; try again in a moment."
        ) from None
    except OSError as e:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise SaveError(
            f"Could not write {path}: {reason(e)}. Nothing was written there; choose a folder "
            "you can write to (or free some space) and try again."
        ) from None


@contextlib.contextmanager
def _nothing():
    yield


def _marked(path: Path, signature: bytes | None) -> bool:
    if signature is None:
        return False
    try:
        with open(path, "rb") as f:
            return signature in f.read(_HEAD)
    except OSError:
        return False
