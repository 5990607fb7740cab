"""The one store: every read and every write of a workspace goes through :class:`Workspace`.

A save takes the workspace lock, re-reads the file it changes, applies the change to what is on
disk now (so two notebooks and the command line never lose each other's rows), checks the
result, writes a temporary file in the same folder, fsyncs it, keeps the previous version as a
backup, moves the new file into place with ``os.replace`` and fsyncs the folder. A save either
fully happens or leaves the file byte-identical.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import (
    ConflictError,
    DataError,
    LockTimeoutError,
    RecordError,
    WorkspaceError,
)
from .csvread import RawTable, read_table
from .csvwrite import encode_table
from .dataset import Data
from .durable import atomic_write as _atomic_write
from .durable import process_lock, write_file
from .schema import TABLES, TOUCHPOINTS, Touchpoint
from .validate import validate_tables

__all__ = ["Data", "Workspace", "write_file"]

META = ".rejectkit"


class Workspace:
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

    def __repr__(self) -> str:
        return f"Workspace({str(self.path)!r})"

    # Reading ---------------------------------------------------------------------------

    def file(self, table: str) -> Path:
        return self.path / TABLES[table].file

    def _read_raw(
        self, names: Iterable[str] | None = None, *, check: bool = True
    ) -> dict[str, RawTable]:
        if not self.path.is_dir():
            raise WorkspaceError(
                f"The workspace {self.path} does not exist or is not a folder; create it with "
                "`rejectkit init --data DIR` or point --data / REJECTKIT_DATA at your workspace."
            )
        names = list(TABLES) if names is None else [n for n in TABLES if n in set(names)]
        raws = {n: read_table(self.file(n), TABLES[n]) for n in names}
        if check:
            validate_tables(raws)
        return raws

    def read(self) -> Data:
        """Read every file; problems are listed in ``Data.problems`` instead of raised.

        Reading again while no file changed (same inode, size and modification time; every
        save replaces the file, so it gets a new inode) returns the same tables without
        parsing them again: a notebook's banner and forms share one read.
        """
        if self.path.is_dir() and any(self.path.glob(".*.tmp")):
            self._sweep_now()
        stamp = self._stamp()
        if self._cache is None or self._cache[0] != stamp:
            self._cache = (stamp, self._parse_all())
        return self._cache[1].copy()

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
            raise DataError(data.problems, hint=_FIX_HINT)
        return data

    # Writing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the workspace lock, so that several saves happen as one."""
        from filelock import Timeout

        lock = self._lock()
        try:
            lock.acquire(timeout=self.lock_timeout)
        except Timeout:
            raise LockTimeoutError(
                f"Another save held the lock on the workspace {self.path} for more than "
                f"{self.lock_timeout:g} seconds, so nothing was saved. Try again in a moment; if "
                "no other notebook or command is saving, restart the kernel that holds it."
            ) from None
        try:
            if lock.lock_counter == 1:
                self._sweep()
            yield
        finally:
            lock.release()

    def _lock(self):

        meta = self.path / META
        if not meta.is_dir():
            if not self.path.is_dir():
                raise WorkspaceError(f"The workspace {self.path} is not a folder.")
            meta.mkdir(exist_ok=True)
        return process_lock(meta / "lock")

    def _sweep_now(self) -> None:
        """Remove temp files left by a crashed save, if no save is running right now."""
        from filelock import Timeout

        lock = self._lock()
        try:
            lock.acquire(timeout=0)
        except Timeout:
            return
        try:
            self._sweep()
        finally:
            lock.release()

    def _sweep(self) -> None:
        # Under the lock no save is in flight, so any temp file left is from a crashed one.
        for stale in [*self.path.glob(".*.tmp"), *(self.path / META).glob(".*.tmp")]:
            with contextlib.suppress(OSError):
                stale.unlink()

    def add(self, table: str, record: Mapping[str, str]) -> str:
        """Add one record and return its key (the new id, assigned by the kit)."""
        return self.add_many(table, [record])[0]

    def add_many(self, table: str, records: Iterable[Mapping[str, str]]) -> list[str]:
        """Add several records to one file in one save; return their keys."""
        records = [dict(r) for r in records]
        spec = TABLES[table]
        keys: list = []

        def change(frame, raws):
            if spec.id_prefix:
                ids = self._next_ids(table, frame, len(records))
                for r, new in zip(records, ids, strict=True):
                    r["id"] = new
            keys[:] = [_key_of(spec, r) for r in records]
            new = _frame_of(records, frame.columns, table, start=len(frame))
            return pd.concat([frame, new]), list(new.index)

        self._commit(table, change)
        return keys

    def update(
        self,
        table: str,
        key,
        changes: Mapping[str, str],
        *,
        expected: Mapping[str, str] | None = None,
    ) -> dict[str, str]:
        """Change fields of one record; return it as saved.

        ``expected`` is the record as the caller last saw it: if any of its fields differ on
        disk now (someone edited the file meanwhile), nothing is saved and
        :class:`ConflictError` says what changed.
        """
        spec = TABLES[table]
        changes = {k: _text(v, k) for k, v in changes.items()}
        if bad := [k for k in changes if k in spec.key]:
            raise RecordError(table, {bad[0]: "is assigned by the kit and cannot be changed"})
        saved: dict[str, str] = {}

        def change(frame, raws):
            i = self._find(table, frame, key, expected)
            frame = frame.copy()
            for column, value in changes.items():
                if column not in frame.columns:
                    raise RecordError(table, {column: f"is not a column of {spec.file}"})
                frame.iloc[i, frame.columns.get_loc(column)] = value
            saved.update(frame.iloc[i].to_dict())
            return frame, [frame.index[i]]

        self._commit(table, change)
        return saved

    def delete(self, table: str, key, *, expected: Mapping[str, str] | None = None) -> None:
        """Remove one record. Records that refer to it must be removed first."""
        spec = TABLES[table]

        def change(frame, raws):
            i = self._find(table, frame, key, expected)
            value = frame[spec.key[0]].iat[i]
            for other in raws.values():
                for col in other.table.columns:
                    if col.ref == table and (n := int((other.frame[col.name] == value).sum())):
                        raise ConflictError(
                            f"{value} is still used by {n} row{'s' * (n != 1)} of "
                            f"{other.file} ({col.name}); delete or change those first."
                        )
            return frame.drop(index=frame.index[i]), []

        self._commit(table, change, deleting=True)

    def replace(
        self, table: str, where: Mapping[str, str], records: Iterable[Mapping[str, str]]
    ) -> list:
        """Replace every record whose fields match ``where`` by ``records`` in one save.

        Used to save the reviews of one interview again after editing it.
        """
        records = [{**dict(r), **dict(where)} for r in records]
        spec = TABLES[table]
        if spec.id_prefix:
            raise ValueError(f"replace() is for tables without ids, not {table}")

        def change(frame, raws):
            match = np.ones(len(frame), dtype=bool)
            for column, value in where.items():
                match &= (frame[column] == value).to_numpy(dtype=bool)
            new = _frame_of(records, frame.columns, table, start=len(frame))
            return pd.concat([frame.loc[~match], new]), list(new.index)

        self._commit(table, change)
        return [_key_of(spec, r) for r in records]

    def _find(self, table: str, frame: pd.DataFrame, key, expected) -> int:
        spec = TABLES[table]
        key = (key,) if isinstance(key, str) else tuple(key)
        match = np.ones(len(frame), dtype=bool)
        for column, value in zip(spec.key, key, strict=True):
            match &= (frame[column] == value).to_numpy(dtype=bool)
        found = np.flatnonzero(match)
        shown = " / ".join(key)
        if not len(found):
            raise ConflictError(
                f"{shown} is no longer in {spec.file} (was it deleted or edited in another "
                "program?); reload the form to see the file as it is now."
            )
        i = int(found[0])
        if expected:
            differs = [
                f"{c}: you loaded {expected[c]!r}, the file now has {frame[c].iat[i]!r}"
                for c in expected
                if c in frame.columns and frame[c].iat[i] != _text(expected[c], c)
            ]
            if differs:
                raise ConflictError(
                    f"{shown} in {spec.file} changed since you loaded it ({'; '.join(differs)}). "
                    "Nothing was saved and your typed values are kept: reload to see the new "
                    "version, then make your change again."
                )
        return i

    def _commit(
        self, table: str, change: Callable, *, deleting: bool = False, undoes: str = ""
    ) -> None:
        """Apply ``change(frame, raws) -> (frame, touched labels)`` to the file on disk now.

        Rows keep their index label through the change, so a problem in an untouched row is
        reported at its real line, and a problem in a touched row as a field of the record.
        Every changed field is recorded in the history (see history.py); ``undoes`` is the
        save an undo reverts.
        """
        from . import history

        spec = TABLES[table]
        with self.locked():
            names = {table} | {c.ref for c in spec.columns if c.ref} | {"touchpoints"}
            if deleting:
                names |= {t.name for t in TABLES.values() if any(c.ref == table for c in t.columns)}
            raws = self._read_raw(names, check=False)
            raw = raws[table]
            if raw.problems:
                raise DataError(raw.problems, hint=_FIX_HINT)
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
            raws[table] = after
            validate_tables(raws)
            _raise_for(after, {int(lines[np.flatnonzero(labels == t)[0]]) for t in touched}, table)
            # The history's new version is written and fsynced first (the step that can run out
            # of disk), then the data file is replaced, then the history. A crash between the
            # two renames loses the history rows of that one save, never data, and the history
            # never claims a change that did not happen: undo relies on it being true, and
            # refuses rather than guesses whenever a field differs from what the history says.
            pending = history._prepare(self, table, raw.frame, frame, undoes)
            try:
                self._write(table, encode_table(frame, raw.dialect))
            except BaseException:
                pending.discard()
                raise
            pending.commit()

    def _next_ids(self, table: str, frame: pd.DataFrame, n: int) -> list[str]:
        spec = TABLES[table]
        counters_file = self.path / META / "counters.json"
        try:
            counters = json.loads(counters_file.read_text("utf-8"))
        except (OSError, ValueError):
            counters = {}
        ids = frame["id"]
        numbers = pd.to_numeric(
            ids[ids.str.startswith(spec.id_prefix)].str.slice(1), errors="coerce"
        )
        highest = int(numbers.max()) if numbers.notna().any() else 0
        top = max(int(counters.get(table, 0)), highest)
        ids = [f"{spec.id_prefix}{k:04d}" for k in range(top + 1, top + 1 + n)]
        counters[table] = top + n
        # The counter is written before the data: a crash in between skips an id, which is
        # harmless, where the other order could hand out a deleted record's id again.
        _atomic_write(counters_file, json.dumps(counters, indent=1).encode(), None, 0)
        return ids

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


_FIX_HINT = (
    "Fix these in the file (run `rejectkit check` to list them again), then try again; "
    "nothing was changed."
)


def _text(value, column: str) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if "\x00" in text:
        raise RecordError("record", {column: "holds a NUL character, which a CSV file cannot keep"})
    return text


def _frame_of(records: list[dict], columns, table: str, start: int) -> pd.DataFrame:
    known = set(columns)
    for r in records:
        if extra := [k for k in r if k not in known]:
            raise RecordError(table, {extra[0]: f"is not a column of {table}.csv"})
    return pd.DataFrame(
        {c: pd.array([_text(r.get(c, ""), c) for r in records], dtype="str") for c in columns},
        index=range(start, start + len(records)),
    )


def _key_of(spec, record: Mapping[str, str]):
    values = tuple(str(record.get(k, "")) for k in spec.key)
    return values[0] if len(values) == 1 else values


def _raise_for(after: RawTable, touched_lines: set[int], table: str) -> None:
    mine = [p for p in after.problems if p.line in touched_lines]
    if mine:
        fields: dict[str, str] = {}
        for p in mine:
            fields.setdefault(p.column or "record", p.message)
        raise RecordError(table, fields)
    if after.problems:
        raise DataError(after.problems, hint=_FIX_HINT)
