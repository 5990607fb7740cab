"""Files that are never half-written: atomic replacement with fsync, rotated backups, and one
lock object per lock file and process.

The store (store.py) builds its saves on these; the kit's own files in a workspace (the prep
sheet, reminders, drafts) use :func:`write_file`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import threading
from pathlib import Path

from ..errors import SaveError

__all__ = [
    "atomic_write",
    "fsync_dir",
    "process_lock",
    "reason",
    "remember",
    "stage",
    "stat_key",
    "write_file",
    "written_by_us",
]

_LOCKS: dict[str, object] = {}
_LOCKS_GUARD = threading.Lock()
# A forked child must build its own lock objects (filelock refuses inherited ones).
os.register_at_fork(after_in_child=_LOCKS.clear)


# The files this process wrote last (absolute path: stat_key), which a read need not wait for.
_WRITTEN: dict[str, tuple] = {}


def stat_key(st: os.stat_result) -> tuple:
    """What tells one version of a file from the next without reading it."""
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def remember(path: Path) -> None:
    """Note that this process has just written ``path`` (see :func:`written_by_us`)."""
    with contextlib.suppress(OSError):
        _WRITTEN[os.path.abspath(path)] = stat_key(os.stat(path))


def written_by_us(path: Path) -> tuple | None:
    """The stat_key of ``path`` as this process last wrote it, or None."""
    return _WRITTEN.get(os.path.abspath(path))


def process_lock(path: Path):
    """The one ``filelock.FileLock`` of this process for the lock file ``path``.

    flock locks two descriptors of one process against each other, so separate lock objects
    for one file would deadlock nested saves; sharing one makes them re-entrant.
    """
    from filelock import FileLock

    key = str(Path(path).resolve())
    with _LOCKS_GUARD:
        if key not in _LOCKS:
            _LOCKS[key] = FileLock(key)
        return _LOCKS[key]


def write_file(path: str | os.PathLike, data: bytes) -> None:
    """Write one of the kit's own files in a workspace (such as ``prep-sheet.md``, not a
    table) so that it is never half-written: temp file, fsync, ``os.replace``. No lock or
    backup: the kit writes it again from the tables whenever it is needed.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "note.md"
    >>> write_file(target, b"# Note")
    >>> target.read_text()
    '# Note'
    """
    atomic_write(Path(path), data)


def stage(path: Path, data: bytes) -> str:
    """Write ``data`` to a new temp file next to ``path``, flushed to disk; return its name.

    Moving it over ``path`` (``os.replace``) then either happens whole or not at all. On
    failure the temp file is removed and the ``OSError`` raised.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        try:
            # mkstemp makes the file private (0600); keep the mode the user's file had.
            os.fchmod(fd, path.stat().st_mode & 0o7777 if path.exists() else 0o644)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries to disk, so a rename in it survives a power cut."""
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def reason(error: OSError) -> str:
    """A user's words for why a write failed."""
    return "the disk is full" if error.errno == errno.ENOSPC else (error.strerror or str(error))


def atomic_write(path: Path, data: bytes, backups: Path | None = None, keep: int = 0) -> None:
    """Replace ``path`` by ``data`` completely or not at all, keeping ``keep`` old versions
    in ``backups``. On failure the file is byte-identical and :class:`SaveError` says why."""
    tmp = None
    try:
        tmp = stage(path, data)
        if backups is not None and keep > 0 and path.exists():
            _rotate(path, backups, keep)
        os.replace(tmp, path)
        remember(path)
    except OSError as e:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise SaveError(
            f"Could not save {path.name}: {reason(e)}. The file on disk is unchanged; fix the "
            "cause and save again."
        ) from e
    fsync_dir(path.parent)


def _rotate(path: Path, backups: Path, keep: int) -> None:
    backups.mkdir(parents=True, exist_ok=True)
    name = path.name
    oldest = backups / f"{name}.{keep}"
    if oldest.exists():
        oldest.unlink()
    for k in range(keep - 1, 0, -1):
        src = backups / f"{name}.{k}"
        if src.exists():
            os.replace(src, backups / f"{name}.{k + 1}")
    try:
        # A hard link keeps the old version without copying it; the replace below only
        # re-points the file name.
        os.link(path, backups / f"{name}.1")
    except OSError:
        import shutil

        shutil.copy2(path, backups / f"{name}.1")
