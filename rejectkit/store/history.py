"""The change history: every save the store makes, field by field (undo is in undo.py).

The store calls :func:`next_version` when it commits a transaction, under the workspace lock,
with each file as it was and as it will be; the history's new version is written in the same
commit as the data files, so the two never disagree. The history lives in
``.rejectkit/history.csv`` (the kit's own bookkeeping, next to the backups: editing it by hand
would mislead undo). One row per changed field:

``op``      the save it belongs to (1, 2, 3, ...; one save, one transaction, may change
            several files: a review changes the interview, its ratings and the stage)
``at``      when, ISO 8601 with the UTC offset
``action``  ``add``, ``update``, ``delete``, or ``move`` (a record re-written at the end of
            its file, as saving the reviews of an interview does; old/new are row numbers)
``file``    the workspace file, like ``applications.csv``
``record``  the record's id (``I0003/company_research`` for a review)
``row``     the record's row in the file (1 = first row under the header) after the change;
            before it for ``delete`` and ``move``, so that undo can put it back where it was
``field``, ``old``, ``new``
``undoes``  for the rows of an undo, the save it reverted
``message`` what the save was, in words ("Review of interview I0016")

This module takes a folder and a clock, not a :class:`~rejectkit.store.Workspace`, so the store
can use it without the two importing each other (a Workspace is a path-like, so either works).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import DataError, Problem
from .csvread import Dialect, read_table
from .csvwrite import encode_table
from .schema import META, TABLES, Column, Table

__all__ = [
    "COLUMNS",
    "changes",
    "diff_frames",
    "format_changes",
    "read_history",
    "record_keys",
]

COLUMNS = ("op", "at", "action", "file", "record", "row", "field", "old", "new", "undoes",
           "message")  # fmt: skip
FILE = "history.csv"
HISTORY = Table(f"{META}/history", tuple(Column(c, required=c != "message") for c in COLUMNS))
_HEADER = ",".join(COLUMNS) + "\n"


def history_path(path: str | os.PathLike) -> Path:
    """Where the history of the workspace at ``path`` is kept."""
    return Path(path) / META / FILE


def read_history(folder: str | os.PathLike) -> pd.DataFrame:
    """Every recorded change of ``ws``, oldest first, all columns text (``op`` as integer).

    >>> import tempfile
    >>> from rejectkit.store import Workspace
    >>> ws = Workspace(tempfile.mkdtemp())
    >>> _ = ws.add("applications", {"company": "Northwind", "role": "Analyst",
    ...     "applied_on": "2026-11-02", "stage": "applied", "outcome": "open"})
    >>> read_history(ws)[["action", "record", "field", "new"]].iloc[0].tolist()
    ['add', 'A0001', 'id', 'A0001']
    """
    path = history_path(folder)
    return _parse(_read_bytes(path), path)


def changes(
    folder: str | os.PathLike, record: str | None = None, *, limit: int | None = 20
) -> pd.DataFrame:
    """The changes of one record (its id; an interview's id also finds its reviews), or the
    latest ``limit`` changes of the workspace; oldest first.

    >>> import tempfile
    >>> from rejectkit.store import Workspace
    >>> ws = Workspace(tempfile.mkdtemp())
    >>> key = ws.add("applications", {"company": "Northwind", "role": "Analyst",
    ...     "applied_on": "2026-11-02", "stage": "applied", "outcome": "open"})
    >>> _ = ws.update("applications", key, {"stage": "interview"})
    >>> changes(ws, "A0001")[["action", "field", "old", "new"]].iloc[-1].tolist()
    ['update', 'stage', 'applied', 'interview']
    """
    frame = read_history(folder)
    if record:
        record = record.strip()
        mine = (frame["record"] == record) | frame["record"].str.startswith(record + "/")
        frame = frame.loc[mine]
    if limit is not None and limit >= 0:
        frame = frame.iloc[max(len(frame) - limit, 0) :]
    return frame.reset_index(drop=True)


def format_changes(frame: pd.DataFrame, *, op: bool = True, width: int = 32) -> str:
    """Changes as an aligned text table, long values cut to ``width`` characters.

    >>> h = pd.DataFrame({"op": [4], "at": ["2026-11-20T14:03:05+00:00"], "action": ["update"],
    ...     "file": ["applications.csv"], "record": ["A0003"], "row": [3], "field": ["stage"],
    ...     "old": ["applied"], "new": ["interview"], "undoes": [""]})
    >>> print(format_changes(h))
    save  when              change  file              record  field  old      new
    4     2026-11-20 14:03  update  applications.csv  A0003   stage  applied  interview
    """
    shown = pd.DataFrame(
        {
            "save": frame["op"].astype(str)
            + np.where(frame["undoes"] != "", " (undo of " + frame["undoes"] + ")", ""),
            "when": frame["at"].str.slice(0, 16).str.replace("T", " "),
            "change": frame["action"],
            "file": frame["file"],
            "record": frame["record"],
            "field": frame["field"],
            "old": frame["old"].map(lambda v: _short(v, width)),
            "new": frame["new"].map(lambda v: _short(v, width)),
        }
    )
    if not op:
        shown = shown.drop(columns=["save", "when", "file"])
    widths = {c: max(len(c), int(shown[c].str.len().max() or 0)) for c in shown.columns}
    lines = ["  ".join(c.ljust(widths[c]) for c in shown.columns).rstrip()]
    lines += [
        "  ".join(str(v).ljust(widths[c]) for c, v in zip(shown.columns, row, strict=True)).rstrip()
        for row in shown.itertuples(index=False, name=None)
    ]
    return "\n".join(lines)


def _short(value: str, width: int) -> str:
    value = value.replace("\r\n", "\n").replace("\n", " / ")
    return value if len(value) <= width else value[: width - 1] + "…"


# Recording ---------------------------------------------------------------------------------


def diff_frames(before: pd.DataFrame, after: pd.DataFrame, key: tuple[str, ...]) -> pd.DataFrame:
    """The field-level changes from ``before`` to ``after`` (text frames of one file), matched
    by ``key``: columns ``action``, ``record``, ``row``, ``field``, ``old``, ``new``.

    >>> b = pd.DataFrame({"id": ["A1", "A2"], "stage": ["applied", "applied"]}, dtype="str")
    >>> a = pd.DataFrame({"id": ["A1", "A3"], "stage": ["final", "applied"]}, dtype="str")
    >>> diff_frames(b, a, ("id",))[["action", "record", "field", "old", "new"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['delete', 'A2', 'id', 'A2', ''], ['delete', 'A2', 'stage', 'applied', ''],
     ['update', 'A1', 'stage', 'applied', 'final'],
     ['add', 'A3', 'id', '', 'A3'], ['add', 'A3', 'stage', '', 'applied']]
    """
    return pd.DataFrame(_diff(before, after, key))


def _diff(before: pd.DataFrame, after: pd.DataFrame, key: tuple[str, ...]) -> dict:
    # Plain numpy arrays, one frame at most at the end: this runs inside every save.
    columns = np.array(after.columns, dtype=object)
    if list(before.columns) != list(after.columns):
        before = before.reindex(columns=list(after.columns), fill_value="")
    kb, ka = record_keys(before, key), record_keys(after, key)
    # pandas hashes; numpy's isin compares object arrays pairwise (minutes on a big log).
    # dtype=object keeps pandas on its C hash table: an inferred "str" index turns the
    # values into a Python list first, which costs a second per 100,000 keys.
    index_b, index_a = pd.Index(kb, dtype=object), pd.Index(ka, dtype=object)
    deleted = ~index_b.isin(ka)
    added = ~index_a.isin(kb)
    parts = [_melt(before, kb, deleted, "delete", columns)]
    common = np.flatnonzero(~added)
    where = index_b.get_indexer(ka[common])
    # Column by column in pyarrow, so only the changed cells ever become Python objects.
    rows, cols, olds, news = [], [], [], []
    for j, name in enumerate(columns):
        b = _arrow(before[name]).take(where)
        a = _arrow(after[name]).take(common)
        changed = np.flatnonzero(pc.not_equal(b, a).to_numpy(zero_copy_only=False))
        if len(changed):
            rows.append(changed)
            cols.append(np.full(len(changed), j))
            olds.append(np.asarray(b.take(changed).to_pylist(), dtype=object))
            news.append(np.asarray(a.take(changed).to_pylist(), dtype=object))
    r = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    c = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
    order = np.lexsort((c, r))
    r, c = r[order], c[order]
    old = np.concatenate(olds)[order] if olds else np.zeros(0, dtype=object)
    new = np.concatenate(news)[order] if news else np.zeros(0, dtype=object)
    parts.append(("update", ka[common][r], common[r] + 1, columns[c], old, new))
    # Saves only drop rows and append rows, so a kept record is in its old place exactly when
    # its old position is the highest seen so far; any other was re-written at the end.
    moved = where != np.maximum.accumulate(where) if len(where) else np.zeros(0, dtype=bool)
    old_row, new_row = where[moved] + 1, common[moved] + 1
    parts.append(
        ("move", ka[common][moved], old_row, np.full(len(old_row), "", dtype=object),
         old_row.astype(str).astype(object), new_row.astype(str).astype(object))
    )  # fmt: skip
    parts.append(_melt(after, ka, added, "add", columns))
    names = ("action", "record", "row", "field", "old", "new")
    out = {"action": np.concatenate([np.full(len(p[1]), p[0], dtype=object) for p in parts])}
    for i, name in enumerate(names[1:], 1):
        out[name] = np.concatenate([np.asarray(p[i], dtype=object) for p in parts])
    out["row"] = out["row"].astype(np.int64)
    return out


def record_keys(frame: pd.DataFrame, key: tuple[str, ...]) -> np.ndarray:
    """The ``record`` of each row as the history writes it (``I0003/company_research``)."""
    text = frame[key[0]].astype("str")
    for k in key[1:]:
        text = text.str.cat(frame[k].astype("str"), sep="/")
    return text.to_numpy(dtype=object)


def _melt(frame: pd.DataFrame, keys: np.ndarray, mask: np.ndarray, action: str, columns):
    rows = np.flatnonzero(mask)
    values = frame.iloc[rows].to_numpy(dtype=object)
    r, c = np.nonzero(values != "")
    cells = values[r, c]
    empty = np.full(len(r), "", dtype=object)
    old, new = (cells, empty) if action == "delete" else (empty, cells)
    return action, keys[rows][r], rows[r] + 1, columns[c], old, new


def _arrow(column: pd.Series):
    """The column as a pyarrow string array (no copy for pandas' pyarrow strings)."""
    return pa.array(column.astype("str"), type=pa.large_string())


def next_version(
    folder: str | os.PathLike,
    changed: list[tuple[str, pd.DataFrame, pd.DataFrame]],
    *,
    clock: Callable[[], datetime] | None = None,
    message: str = "",
    undoes: str = "",
) -> tuple[int, bytes] | None:
    """The history file with one more save, for ``(table, before, after)`` of each file it
    changed: its number and the file's new bytes, or None when nothing changed.

    The store writes these bytes in the same commit as the data files (transaction.py).
    ``clock`` says when (tests inject it); ``message`` what the save was, for the reader.
    """
    parts = []
    for table, before, after in changed:
        entries = _diff(before, after, TABLES[table].key)
        if len(entries["action"]):
            parts.append((TABLES[table].file, entries))
    if not parts:
        return None
    target = history_path(folder)
    old = _read_bytes(target)
    header = _HEADER.encode()
    if old and old.split(b"\n", 1)[0].rstrip(b"\r") != header.rstrip(b"\n"):
        # Written by an older kit (no ``message`` column): rewrite it once in today's columns.
        old = encode_table(_parse(old, target)[list(COLUMNS)].astype("str"), Dialect())
    if old and not old.endswith(b"\n"):
        old += b"\n"  # saved by hand without a final newline: keep the next row on its own
    op = _last_op(old) + 1
    # The one place the kit reads the clock for the history; tests pass a clock instead.
    when = (clock or _now)().isoformat(timespec="seconds")
    rows = {c: [] for c in COLUMNS}
    for file, entries in parts:
        n = len(entries["action"])
        for c in ("action", "record", "field", "old", "new"):
            rows[c].append(entries[c])
        rows["row"].append(entries["row"].astype(str).astype(object))
        for c, value in (("op", str(op)), ("at", when), ("file", file), ("undoes", undoes),
                         ("message", message)):  # fmt: skip
            rows[c].append(np.full(n, value, dtype=object))
    frame = pd.DataFrame({c: np.concatenate(rows[c]) for c in COLUMNS}, dtype="str")
    # The kit's own writer, as for every data file: a lone CR or a quote in a note is quoted
    # and reads back as it was (csv.writer leaves a lone CR bare).
    body = encode_table(frame, Dialect())
    return op, (old + body[len(header) :] if old else body)


_RECORD_START = re.compile(rb"(\d+),\d{4}-\d\d-\d\dT")


def _last_op(data: bytes) -> int:
    """The op of the last record, found from the end without parsing the whole file.

    A record starts after a newline that is outside quotes (an even number of quotes before
    it) with ``op,`` and a timestamp; a note that merely looks like one sits inside quotes.
    """
    end = len(data) - 1
    while end > 0:
        start = data.rfind(b"\n", 0, end) + 1
        m = _RECORD_START.match(data, start)
        if m and data.count(b'"', 0, start) % 2 == 0:
            return int(m.group(1))
        end = start - 1
    return 0


def _now() -> datetime:
    return datetime.now().astimezone()


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""


def _parse(data: bytes, path: Path) -> pd.DataFrame:
    if not data.strip():
        return pd.DataFrame({c: pd.Series([], dtype="str") for c in COLUMNS}).astype(
            {"op": "int64", "row": "int64"}
        )
    raw = read_table(path, HISTORY, data=data)
    frame = raw.frame
    problems = list(raw.problems)
    for column in ("op", "row"):
        number = pd.to_numeric(frame[column], errors="coerce")
        for i in np.flatnonzero(number.isna().to_numpy() & (frame[column] != "").to_numpy()):
            problems.append(
                Problem(
                    f"{META}/{FILE}",
                    int(raw.lines[i]),
                    column,
                    f"{frame[column].iat[i]!r} is not a whole number",
                )
            )
        frame[column] = number.fillna(0).astype("int64")
    if problems:
        raise DataError(
            problems,
            hint=(
                f"The history ({META}/{FILE}) is written by the kit only; your data files are "
                "unaffected. Fix the line shown, or move the file aside to start a new history."
            ),
        )
    return frame[list(COLUMNS)]
