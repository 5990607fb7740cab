"""Undo of the last save: every change it made, in every file, is reverted in one transaction.

Undo walks back through the saves (the latest one that is neither an undo nor undone already),
restores each file it changed byte for byte (a deleted record goes back to its old row), and
refuses with a :class:`ConflictError` instead of guessing when a record changed since that save.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..errors import ConflictError
from .history import read_history, record_keys
from .schema import TABLES
from .workspace import Workspace

__all__ = ["last_save", "undo"]


def last_save(ws: Workspace) -> pd.DataFrame | None:
    """The history rows of the save :func:`undo` would revert now, or None if there is none.

    Undo walks back: it takes the latest save that is neither an undo nor undone already.
    """
    history = read_history(ws.path)
    undone = set(pd.to_numeric(history["undoes"].replace("", None)).dropna().astype(int))
    candidates = history.loc[(history["undoes"] == "") & ~history["op"].isin(undone), "op"]
    if candidates.empty:
        return None
    return history.loc[history["op"] == int(candidates.max())].reset_index(drop=True)


def undo(ws: Workspace) -> pd.DataFrame | None:
    """Revert the last save that was not undone yet; return its history rows, or None if
    there is nothing to undo. The undo is a save like any other, so it is recorded too.

    Raises :class:`ConflictError` if a record it would revert changed since that save.

    >>> import tempfile
    >>> ws = Workspace(tempfile.mkdtemp())
    >>> key = ws.add("applications", {"company": "Northwind", "role": "Analyst",
    ...     "applied_on": "2026-11-02", "stage": "applied", "outcome": "open"})
    >>> undo(ws)["action"].iloc[0], len(ws.read().applications)
    ('add', 0)
    """
    with ws.locked():
        entries = last_save(ws)
        if entries is None:
            return None
        op = int(entries["op"].iat[0])
        by_file = {t.file: t.name for t in TABLES.values()}
        files = list(dict.fromkeys(entries["file"]))
        if unknown := [f for f in files if f not in by_file]:
            raise ConflictError(f"Save {op} changed {unknown[0]}, which the kit no longer knows.")
        # Files that refer to others first: the reviews an interview's save added are gone
        # before the interview is, so no step sees a rating without its interview.
        tables = sorted((by_file[f] for f in files), key=_depth, reverse=True)
        message = entries["message"].iat[0] if "message" in entries else ""
        with ws.transaction(f"Undo of save {op}" + (f" ({message})" if message else ""),
                            undoes=str(op)):  # fmt: skip
            for table in tables:
                mine = entries.loc[entries["file"] == TABLES[table].file].reset_index(drop=True)

                def change(frame, raws, table=table, mine=mine):
                    return _revert(frame, raws, table, mine, op)

                adds = bool((mine["action"] == "add").any())
                ws._commit(table, change, deleting=adds, check=False)
            ws._check_staged()
        return entries


def _depth(table: str) -> int:
    """How many references lead from ``table`` down to a table that refers to none."""
    refs = {c.ref for c in TABLES[table].columns if c.ref and c.ref != table}
    return 1 + max((_depth(r) for r in refs), default=0)


def _revert(frame: pd.DataFrame, raws: Mapping, table: str, entries: pd.DataFrame, op: int):
    spec = TABLES[table]
    columns = pd.Index(frame.columns)
    keys = pd.Index(record_keys(frame, spec.key))
    record = entries["record"].to_numpy(dtype=object)
    action = entries["action"].to_numpy(dtype=object)
    field = entries["field"].to_numpy(dtype=object)
    row = keys.get_indexer(record)
    col = columns.get_indexer(field)
    values = frame.to_numpy(dtype=object, copy=True)
    current = np.full(len(entries), None, dtype=object)
    ok = (row >= 0) & (col >= 0)
    current[ok] = values[row[ok], col[ok]]
    _refuse_if_changed(spec.file, op, entries, action, row, col, current)

    upd = np.flatnonzero(action == "update")
    values[row[upd], col[upd]] = entries["old"].to_numpy(dtype=object)[upd]
    out = pd.DataFrame(values, columns=columns, index=frame.index).astype("str")
    removed = set(record[action == "add"])
    _check_unreferenced(table, removed, raws)
    moves = entries.loc[action == "move"]
    gone = keys.isin(list(removed | set(moves["record"])))
    order = list(out.index[~gone])
    moved_rows = keys.get_indexer(moves["record"].to_numpy(dtype=object))
    inserts = list(zip(moves["old"].astype(int), out.index[moved_rows], strict=True))
    deleted = entries.loc[action == "delete"]
    if len(deleted):
        first = deleted.drop_duplicates("record")
        fresh = (
            deleted.pivot(index="record", columns="field", values="old")
            .astype(object)
            .reindex(index=first["record"], columns=columns, fill_value="")
            .fillna("")
            .astype("str")
        )
        fresh.index = range(len(out), len(out) + len(fresh))
        inserts += list(zip(first["row"].astype(int), fresh.index, strict=True))
        out = pd.concat([out, fresh])
    # Put each record back at its old row, lowest first, so that every earlier insert is
    # already in place when a later one counts its position.
    for target, label in sorted(inserts, key=lambda x: x[0]):
        order.insert(min(target - 1, len(order)), label)
    touched = list(frame.index[np.unique(row[upd])]) + [label for _, label in inserts]
    return out.loc[order], touched


def _refuse_if_changed(file, op, entries, action, row, col, current) -> None:
    record, field = entries["record"].to_numpy(dtype=object), entries["field"]
    expect = entries["new"].to_numpy(dtype=object)
    must_match = (action == "update") | (action == "add")
    missing = (must_match | (action == "move")) & (row < 0)
    no_column = must_match & (row >= 0) & (col < 0)
    differs = must_match & (row >= 0) & (col >= 0) & (current != expect)
    back = (action == "delete") & (row >= 0)
    conflicts = [f"{r} is no longer in {file}" for r in record[missing]]
    conflicts += [f"{file} no longer has the column {f!r}" for f in field[no_column]]
    conflicts += [
        f"{r} {f} is now {c!r}; save {op} had set it to {e!r}"
        for r, f, c, e in zip(
            record[differs], field[differs], current[differs], expect[differs], strict=True
        )
    ]
    conflicts += [f"{r} is in {file} again" for r in record[back]]
    if conflicts:
        shown = list(dict.fromkeys(conflicts))
        more = f"; and {len(shown) - 5} more" if len(shown) > 5 else ""
        raise ConflictError(
            f"Cannot undo save {op} of {file}: it changed since ({'; '.join(shown[:5])}{more}). "
            "Nothing was changed; make the change you want with the forms instead."
        )


def _check_unreferenced(table: str, removed: set, raws: Mapping) -> None:
    if not removed:
        return
    for other in raws.values():
        for col in other.table.columns:
            if col.ref == table:
                used = other.frame[col.name].isin(list(removed))
                if used.any():
                    value = other.frame[col.name][used].iat[0]
                    raise ConflictError(
                        f"Cannot undo the adding of {value}: {int(used.sum())} row(s) of "
                        f"{other.file} ({col.name}) now refer to it. Nothing was changed; "
                        "delete those first if you really want it gone."
                    )
