"""One save that changes several files: staged in memory, committed through an intent journal.

``with ws.transaction("Review of I0016") as tx:`` runs every ``ws.add``, ``update``,
``delete`` and ``replace`` inside it against the files as they will be, and writes nothing
until the block ends. Then, under the lock it took once, the commit

1. writes and fsyncs a temp file for every changed file (data files, the id counters, the
   history with one entry for the whole transaction),
2. writes the journal ``.rejectkit/journal.json`` naming each temp file and its target (a
   rename of its own, fsynced: this is the moment the save happens),
3. renames every temp file over its target, fsyncs the folders, and removes the journal.

A crash before step 2 leaves only temp files, which the next open removes (rolled back); a
crash after it leaves a journal, which the next open finishes (rolled forward). Either way
every file is all old or all new. Hand-written because no well-kept library commits several
files at once; each rename is the standard library's atomic ``os.replace``.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConflictError, SaveError
from .csvread import RawTable
from .durable import _rotate, fsync_dir, reason, remember, stage, stat_key
from .filebytes import file_stamp
from .schema import META

__all__ = ["JOURNAL", "Transaction", "recover"]

JOURNAL = "journal.json"


@dataclass
class Transaction:
    """What one ``with ws.transaction(...)`` block has changed so far, not yet on disk.

    ``seen`` holds each file as read when the transaction first needed it, ``after`` the
    version it will write of each file it changed.
    """

    message: str = ""
    undoes: str = ""
    seen: dict[str, RawTable] = field(default_factory=dict)
    after: dict[str, RawTable] = field(default_factory=dict)
    counters: dict[str, int] | None = None
    op: int | None = None  # the history entry it wrote, once committed


@dataclass
class _Write:
    target: Path
    data: bytes
    backup: bool = False
    tmp: str | None = None
    # The file as the transaction read it (csvread.file_stamp); None: not checked.
    expect: tuple | None = None


def commit(folder: Path, writes: list[_Write], *, keep: int, describe: str) -> None:
    """Write ``writes`` so that all of them happen or none: temp files, journal, renames."""
    meta = folder / META
    journal = meta / JOURNAL
    staged_journal = None
    try:
        for wr in writes:
            wr.target.parent.mkdir(parents=True, exist_ok=True)
            wr.tmp = stage(wr.target, wr.data)
        # Just before anything is replaced: is every file still the one this save read? A
        # program that wrote it meanwhile (in place or by a rename) would lose its write.
        _refuse_changed(writes)
        for wr in writes:
            # The version being replaced joins the backups first: harmless if the save then
            # fails, since it is also still the file itself.
            if wr.backup and keep > 0 and wr.target.exists():
                _rotate(wr.target, meta / "backups", keep)
        entries = [[_relative(folder, wr.tmp), _relative(folder, wr.target)] for wr in writes]
        body = json.dumps({"save": describe, "files": entries}, indent=1).encode()
        staged_journal = stage(journal, body)
        fsync_dir(folder)  # the temp files' names are on disk before the journal points at them
        _refuse_changed(writes, quick=True)  # the last moment before the save happens
        os.replace(staged_journal, journal)
        fsync_dir(meta)
    except (OSError, ConflictError) as e:
        for tmp in [wr.tmp for wr in writes] + [staged_journal]:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        if isinstance(e, ConflictError):
            raise
        # The data files by name; the kit's own files (counters, history) are not the user's
        # business, only the folder they are in.
        data = [wr.target.name for wr in writes if wr.backup] or ["the change"]
        unchanged = "The file on disk is" if len(data) == 1 else "Every file on disk is"
        why = reason(e)
        failed = next((wr for wr in writes if wr.tmp is None), None)
        if failed is not None and not failed.backup and e.errno != errno.ENOSPC:
            why = f"the workspace's {META} folder could not be written: {why}"
        raise SaveError(
            f"Could not save {', '.join(data)}: {why}. {unchanged} unchanged; fix the cause and "
            "save again."
        ) from e
    # From here on the save has happened: the journal finishes it even after a crash.
    renamed: list[str] = []
    try:
        _finish(folder, entries, renamed)
    except OSError as e:
        if not renamed and _abandon(journal, writes):
            raise SaveError(
                f"Could not save {describe}: {reason(e)}. Every file on disk is unchanged; fix "
                "the cause and save again."
            ) from e
        raise SaveError(
            f"The save of {describe} was interrupted ({reason(e)}); it is finished the next "
            "time the workspace is opened (`rejectkit check`). Nothing is lost."
        ) from e


def _refuse_changed(writes: list[_Write], *, quick: bool = False) -> None:
    for wr in writes:
        if wr.expect is None:
            continue
        now = file_stamp(wr.target) if not quick else _quick_stamp(wr.target)
        then = wr.expect if not quick else wr.expect[:3]
        if now != then:
            raise ConflictError(
                f"{wr.target.name} was changed by another program while saving, so nothing was "
                "saved (its change is kept). Close the program that writes it, or wait until it "
                "has saved, then save again: what you typed is still in the form."
            )


def _quick_stamp(path: Path) -> tuple:
    try:
        return stat_key(os.stat(path))
    except FileNotFoundError:
        return ("absent",)


def _abandon(journal: Path, writes: list[_Write]) -> bool:
    """Take back a commit none of whose renames happened; False if even that fails."""
    try:
        journal.unlink()
        fsync_dir(journal.parent)
    except OSError:
        return False
    for wr in writes:
        with contextlib.suppress(OSError):
            os.unlink(wr.tmp)
    return True


def _finish(folder: Path, entries: list[list[str]], renamed: list[str] | None = None) -> None:
    for tmp, target in entries:
        if (folder / tmp).exists():
            os.replace(folder / tmp, folder / target)
            remember(folder / target)
            if renamed is not None:
                renamed.append(target)
    for parent in {(folder / target).parent for _, target in entries}:
        fsync_dir(parent)
    (folder / META / JOURNAL).unlink(missing_ok=True)
    fsync_dir(folder / META)


def recover(folder: Path, temps: Callable[[], list[Path]]) -> str | None:
    """Finish or roll back a commit a crash interrupted; one line saying which, or None.

    Called under the workspace lock, so no save is in flight: a journal means the crash came
    after the moment of saving (finish it), temp files alone that it came before (drop them).
    """
    journal = folder / META / JOURNAL
    said = None
    if journal.exists():
        try:
            body = json.loads(journal.read_text("utf-8"))
            entries = [[str(t), str(f)] for t, f in body["files"]]
        except (OSError, ValueError, KeyError, TypeError):
            entries, body = None, {}
        if entries is not None and all(_inside(folder, p) for e in entries for p in e):
            _finish(folder, entries)
            files = ", ".join(dict.fromkeys(Path(f).name for _, f in entries))
            said = f"Finished a save that was interrupted ({body.get('save', '')}: {files})."
        else:
            # Only the kit writes the journal, in one rename; one it cannot read was not
            # written by it, and following it could overwrite any file.
            journal.rename(journal.with_name(JOURNAL + ".unreadable"))
            said = (
                f"Set aside an unreadable record of an interrupted save (in {META}/, the "
                "kit's folder); the data files were left as they are."
            )
    leftover = temps()
    for stale in leftover:
        with contextlib.suppress(OSError):
            stale.unlink()
    if leftover and said is None:
        said = "Rolled back a save that was interrupted before it was written: no file changed."
    return said


def _relative(folder: Path, path: str | Path) -> str:
    return os.path.relpath(path, folder)


def _inside(folder: Path, name: str) -> bool:
    path = (folder / name).resolve()
    return path.is_relative_to(folder.resolve()) and not Path(name).is_absolute()
