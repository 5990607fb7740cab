"""The one store: every read and every write of a workspace goes through :class:`Workspace`.

Every save is a transaction (see transaction.py): it takes the workspace lock once, re-reads
the files it changes, applies each change to what is on disk now (so two notebooks and the
command line never lose each other's rows), checks the result, and commits every changed file,
the id counters and one history entry together through an intent journal. A save either fully
happens or leaves every file byte-identical, even when the process is killed.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import (
    DataError,
    LockTimeoutError,
    SaveError,
    WorkspaceError,
)
from . import history
from .csvread import RawTable, read_table
from .csvwrite import encode_table
from .dataset import Data
from .durable import atomic_write as _atomic_write
from .durable import process_lock, reason, write_file
from .edits import FIX_HINT, Edits, raise_for
from .kit import is_kit_demo
from .schema import META, TABLES, TOUCHPOINTS, Touchpoint
from .transaction import JOURNAL, Transaction, _Write, commit, recover
from .validate import validate_tables

__all__ = ["Data", "Workspace", "write_file"]


def highest_number(ids: pd.Series, prefix: str) -> int:
    """The largest number among ids written ``prefix`` then digits, of any length, exactly.

    pandas' to_numeric turns a long one into a float and rounds it, so the next id could
    collide; among digit strings without leading zeros, the longest then the greatest in
    text order is the largest number, and only that one becomes a Python int.

    >>> highest_number(pd.Series(["A0007", "A99999999999999999999999", "x"]), "A")
    99999999999999999999999
    """
    digits = ids[ids.str.fullmatch(rf"{prefix}[0-9]+").fillna(False).astype(bool)].str.slice(1)
    digits = digits.str.lstrip("0")
    if not len(digits):
        return 0
    lengths = digits.str.len()
    longest = digits[lengths == lengths.max()]
    return int(longest.max() or 0)


class Workspace(Edits):
    """A folder of CSV files, and the only way the kit reads or writes them.

    >>> import tempfile
    >>> ws = Workspace(tempfile.mkdtemp())
    >>> ws.add("applications", {"company": "Northwind", "role": "Analyst",
    ...     "applied_on": "2026-11-02", "stage": "applied", "outcome": "open"})
    'A0001'
    """

    def __init__(
        self,
        path: str | os.PathLike,
        *,
        lock_timeout: float = 10.0,
        backups: int = 5,
        clock: Callable[[], datetime] | None = None,
    ):
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self.backups = backups
        # What the history stamps on each save; None reads the clock then (tests set it).
        self.clock = clock
        self._cache: tuple[tuple, Data] | None = None
        # The transaction open in each thread (the lock is per thread too).
        self._local = threading.local()
        # What the last recovery of an interrupted save did, until the next read shows it.
        self.recovered: str | None = None

    def __repr__(self) -> str:
        return f"Workspace({str(self.path)!r})"

    def __fspath__(self) -> str:
        # A workspace is where its files are: the history and other folder-level helpers
        # take a path, and accept a Workspace as one.
        return str(self.path)

    # Reading ---------------------------------------------------------------------------

    def file(self, table: str) -> Path:
        return self.path / TABLES[table].file

    def _read_raw(
        self, names: Iterable[str] | None = None, *, check: bool = True, settle: bool = False
    ) -> dict[str, RawTable]:
        if not self.path.is_dir():
            raise WorkspaceError(
                f"The workspace {self.path} does not exist or is not a folder; create it with "
                "`rejectkit init --data DIR` or point --data / REJECTKIT_DATA at your workspace."
            )
        names = list(TABLES) if names is None else [n for n in TABLES if n in set(names)]
        raws = {n: read_table(self.file(n), TABLES[n], settle=settle) for n in names}
        if check:
            validate_tables(raws)
        return raws

    def read(self) -> Data:
        """Read every file; problems are listed in ``Data.problems`` instead of raised.

        Reading again while no file changed (same inode, size and modification time; every
        save replaces the file, so it gets a new inode) returns the same tables without
        parsing them again: a notebook's banner and forms share one read.
        """
        if self.path.is_dir() and (self._temps() or (self.path / META / JOURNAL).exists()):
            self._sweep_now()
        stamp = self._stamp()
        if self._cache is None or self._cache[0] != stamp:
            self._cache = (stamp, self._parse_all())
        data = self._cache[1].copy()
        if self.recovered:
            # Said once, on the next read: a notebook open for days should not repeat it.
            data.notices = [self.recovered, *data.notices]
            self.recovered = None
        return data

    def _stamp(self) -> tuple:
        stamp = []
        for name in [*(TABLES[n].file for n in TABLES), f"{META}/demo"]:
            try:
                st = (self.path / name).stat()
                stamp.append((st.st_ino, st.st_size, st.st_mtime_ns))
            except OSError:
                stamp.append(None)
        return tuple(stamp)

    def _parse_all(self) -> Data:
        raws = self._read_raw()
        custom = raws["touchpoints"].frame
        touchpoints = TOUCHPOINTS + tuple(
            Touchpoint(k, label or k, low, high, builtin=False)
            for k, label, low, high in zip(
                custom["key"], custom["label"], custom["low_hint"], custom["high_hint"], strict=True
            )
            if k
        )
        return Data(
            path=self.path,
            tables={n: r.frame for n, r in raws.items()},
            touchpoints=touchpoints,
            notices=[n for r in raws.values() for n in r.notices],
            problems=sorted(p for r in raws.values() for p in r.problems),
            demo=(self.path / META / "demo").exists(),
        )

    def load(self) -> Data:
        """Read every file and raise :class:`DataError` listing every problem, if any."""
        data = self.read()
        if data.problems:
            raise DataError(data.problems, hint=FIX_HINT)
        return data

    # Writing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the workspace lock (saves inside still commit one by one; use
        :meth:`transaction` to make several saves one change)."""
        from filelock import Timeout

        try:
            lock = self._lock()
            lock.acquire(timeout=self.lock_timeout)
        except Timeout:
            raise LockTimeoutError(
                f"Another save held the lock on the workspace {self.path} for more than "
                f"{self.lock_timeout:g} seconds, so nothing was saved. Try again in a moment; if "
                "no other notebook or command is saving, restart the kernel that holds it."
            ) from None
        except OSError as e:
            raise SaveError(
                f"The workspace {self.path} cannot be written ({reason(e)}), so nothing was "
                "saved and every file is as it was. Make the folder writable (or copy the "
                "workspace to a place you can write to and use --data), then try again."
            ) from None
        try:
            if lock.lock_counter == 1:
                self._recover()
            yield
        finally:
            lock.release()

    def check_writable(self) -> None:
        """Refuse, with a way out, to change the kit's own demo folder."""
        if is_kit_demo(self.path):
            # The demo is tracked by git and the tests compare against it: no lock file, no
            # history, no share state may appear in it, let alone a changed row.
            raise WorkspaceError(
                f"{self.path} is the kit's demo, which the kit never changes. To try things "
                "out on it, make your own copy: rejectkit init --demo --data my-demo (then use "
                "--data my-demo)."
            )

    def _lock(self):
        self.check_writable()
        meta = self.path / META
        if not meta.is_dir():
            if not self.path.is_dir():
                raise WorkspaceError(f"The workspace {self.path} is not a folder.")
            meta.mkdir(exist_ok=True)
        return process_lock(meta / "lock")

    def _sweep_now(self) -> None:
        """Remove temp files left by a crashed save, if no save is running right now."""
        from filelock import Timeout

        try:
            lock = self._lock()
            lock.acquire(timeout=0)
        except (Timeout, OSError):
            # Another save is running (it cleans up after itself), or the workspace is
            # read-only (nothing can be swept, and reading still works).
            return
        try:
            self._recover()
        finally:
            lock.release()

    def _recover(self) -> None:
        # Under the lock no save is in flight, so a journal or a temp file is a crashed one's.
        said = recover(self.path, self._temps)
        if said:
            self.recovered = said
            self._cache = None

    def _temps(self) -> list[Path]:
        return [*self.path.glob(".*.tmp"), *(self.path / META).glob(".*.tmp")]

    @contextlib.contextmanager
    def transaction(self, message: str = "", *, undoes: str = "") -> Iterator[Transaction]:
        """Make every save inside the block one change: all files or none, one history entry,
        one undo. An error inside leaves every file byte-identical.

        Saves inside see each other's changes; nothing is written until the block ends. A
        transaction opened inside another is part of the outer one.

        >>> import tempfile
        >>> ws = Workspace(tempfile.mkdtemp())
        >>> with ws.transaction("Two applications") as tx:
        ...     a = ws.add("applications", {"company": "Northwind", "role": "Analyst",
        ...         "applied_on": "2026-11-02", "stage": "applied", "outcome": "open"})
        ...     b = ws.add("applications", {"company": "Contoso", "role": "Analyst",
        ...         "applied_on": "2026-11-03", "stage": "applied", "outcome": "open"})
        >>> tx.op, len(ws.read().applications)
        (1, 2)
        """
        outer = getattr(self._local, "tx", None)
        if outer is not None:
            yield outer
            return
        with self.locked():
            tx = Transaction(message, undoes)
            self._local.tx = tx
            try:
                yield tx
            finally:
                self._local.tx = None
            self._write_transaction(tx)

    def current(self, table: str) -> pd.DataFrame:
        """``table`` as the open transaction sees it (its own changes included), else as on
        disk now. For save functions that decide on what is there right now."""
        tx = getattr(self._local, "tx", None)
        if tx is None:
            return self._read_raw([table], check=False)[table].frame.copy()
        return self._tables(tx, {table})[table].frame.copy()

    def _tables(self, tx: Transaction, names: set[str]) -> dict[str, RawTable]:
        fresh = [n for n in names if n not in tx.after and n not in tx.seen]
        if fresh:
            tx.seen.update(self._read_raw(fresh, check=False, settle=True))
        return {n: tx.after.get(n) or tx.seen[n] for n in TABLES if n in names}

    def _write_transaction(self, tx: Transaction) -> None:
        changed = [n for n in tx.after if not tx.after[n].frame.equals(tx.seen[n].frame)]
        version = history.next_version(
            self.path,
            [(n, tx.seen[n].frame, tx.after[n].frame) for n in changed],
            clock=self.clock,
            message=tx.message,
            undoes=tx.undoes,
        )
        if version is None:
            return  # nothing changed: no file is written, and the history has no entry
        tx.op, history_bytes = version
        writes = [
            _Write(
                self.file(n),
                encode_table(tx.after[n].frame, tx.after[n].dialect),
                True,
                expect=tx.seen[n].stamp,
            )
            for n in changed
        ]
        if tx.counters is not None:
            counters = json.dumps(tx.counters, indent=1).encode()
            writes.append(_Write(self.path / META / "counters.json", counters))
        writes.append(_Write(history.history_path(self.path), history_bytes))
        commit(self.path, writes, keep=self.backups, describe=tx.message or f"save {tx.op}")

    def _commit(
        self, table: str, change: Callable, *, deleting: bool = False, check: bool = True
    ) -> None:
        """Apply ``change(frame, raws) -> (frame, touched labels)`` to ``table`` as the open
        transaction sees it (one of its own when none is open).

        Rows keep their index label through the change, so a problem in an untouched row is
        reported at its real line, and a problem in a touched row as a field of the record.
        ``check=False`` leaves the checks to :meth:`_check_staged`, for a change made of
        several steps that are only consistent together (an undo of several files).
        """
        spec = TABLES[table]
        with self.transaction() as tx:
            names = {table} | {c.ref for c in spec.columns if c.ref} | {"touchpoints"}
            if deleting:
                names |= {t.name for t in TABLES.values() if any(c.ref == table for c in t.columns)}
            raws = self._tables(tx, names)
            raw = raws[table]
            if raw.problems:
                raise DataError(raw.problems, hint=FIX_HINT)
            # A file this one refers to that could not be read whole: its ids are unknown, so
            # the change could not be checked against them.
            if broken := [
                p for n in names if n != table and raws[n].broken for p in raws[n].problems
            ]:
                raise DataError(broken, hint=FIX_HINT)
            frame, touched = change(raw.frame, raws)
            labels = frame.index.to_numpy()
            last = int(raw.lines.max()) if len(raw.lines) else 1
            old = labels < len(raw.lines)
            lines = np.where(
                old,
                raw.lines[np.minimum(labels, max(len(raw.lines) - 1, 0))] if len(raw.lines) else 0,
                last + 1 + labels - len(raw.lines),
            )
            frame = frame.reset_index(drop=True)
            after = RawTable(spec, frame, lines.astype(np.int64), raw.dialect)
            if check:
                raws[table] = after
                validate_tables(raws)
                touched_lines = {int(lines[np.flatnonzero(labels == t)[0]]) for t in touched}
                raise_for(after, touched_lines, table)
            # Staged only when every check passed: a refused step leaves the transaction as it
            # was, and nothing is written before the whole block has succeeded.
            tx.after[table] = after

    def _check_staged(self) -> None:
        """Check every file the open transaction changed, together with what they refer to."""
        tx = self._local.tx
        names = set(tx.after)
        for n in list(names):
            names |= {c.ref for c in TABLES[n].columns if c.ref} | {"touchpoints"}
            names |= {t.name for t in TABLES.values() if any(c.ref == n for c in t.columns)}
        raws = {n: RawTable(r.table, r.frame, r.lines, r.dialect)
                for n, r in self._tables(tx, names).items()}  # fmt: skip
        validate_tables(raws)
        problems = sorted(p for n in tx.after for p in raws[n].problems)
        if problems:
            raise DataError(problems, hint=FIX_HINT)

    def _next_ids(self, table: str, frame: pd.DataFrame, n: int) -> list[str]:
        spec = TABLES[table]
        tx = self._local.tx
        if tx.counters is None:
            try:
                tx.counters = json.loads((self.path / META / "counters.json").read_text("utf-8"))
            except (OSError, ValueError):
                tx.counters = {}
        highest = highest_number(frame["id"], spec.id_prefix)
        # The counter never goes back, so a deleted record's id is never handed out again; it
        # is committed with the data, in the same transaction.
        top = max(int(tx.counters.get(table, 0)), highest)
        tx.counters[table] = top + n
        return [f"{spec.id_prefix}{k:04d}" for k in range(top + 1, top + 1 + n)]

    def put_file(self, table: str, data: bytes) -> None:
        """Replace the whole file of ``table`` with ``data`` (to create a workspace or restore
        a backup); the old version is kept as a backup like any other save."""
        with self.locked():
            self._write(table, data)

    def put_meta(self, name: str, data: bytes | None) -> None:
        """Write (or with None, remove) one of the kit's own files in ``.rejectkit/``."""
        with self.locked():
            target = self.path / META / name
            if data is None:
                target.unlink(missing_ok=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                _atomic_write(target, data, None, 0)

    def _write(self, table: str, data: bytes) -> None:
        _atomic_write(self.file(table), data, self.path / META / "backups", self.backups)

    def backup(self, table: str, n: int = 1) -> Path:
        """The path of the ``n``-th most recent backup of ``table``'s file."""
        return self.path / META / "backups" / f"{TABLES[table].file}.{n}"
