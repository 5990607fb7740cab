"""Undo of the last save: every change it made is reverted through the store, and recorded.

Undo walks back through the saves (the latest one that is neither an undo nor undone already),
restores the file byte for byte (a deleted record goes back to its old row), and refuses with
a :class:`ConflictError` instead of guessing when a record changed since that save.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .errors import ConflictError
from .history import read_history, record_keys
from .schema import TABLES
from .store import Workspace

__all__ = ["last_save", "undo"]


def last_save(ws: Workspace) -> pd.DataFrame | None:
    """The history rows of the save :func:`undo` would revert now, or None if there is none.

    Undo walks back: it takes the latest save that is neither an undo nor undone already.
    """
    history = read_history(ws)
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
        file = entries["file"].iat[0]
        table = next((t.name for t in TABLES.values() if t.file == file), None)
        if table is None:
            raise ConflictError(f"Save {op} changed {file}, which the kit no longer knows.")

        def change(frame, raws):
            return _revert(frame, raws, table, entries, op)

        adds = bool((entries["action"] == "add").any())
        ws._commit(table, change, deleting=adds, undoes=str(op))
        return entries


def _revert(frame: pd.DataFrame, raws: Mapping, table: str, entries: pd.DataFrame, op: int):
    spec = TABLES[table]
    columns = list(frame.columns)
    keys = record_keys(frame, spec.key)
    where = pd.Index(keys).get_indexer(entries["record"].to_numpy(dtype=object))
    present = where >= 0
    action = entries["action"].to_numpy(dtype=object)
    field = entries["field"].to_numpy(dtype=object)
    known = np.isin(field, columns)
    current = np.full(len(entries), None, dtype=object)
    values = frame.to_numpy(dtype=object)
    ok = present & known
    current[ok] = values[where[ok], [columns.index(f) for f in field[ok]]]
    expect = entries["new"].to_numpy(dtype=object)
    conflicts = []
    for i in np.flatnonzero(np.isin(action, ["update", "add"])):
        record = entries["record"].iat[i]
        if not present[i]:
            conflicts.append(f"{record} is no longer in {spec.file}")
        elif not known[i]:
            conflicts.append(f"{spec.file} no longer has the column {field[i]!r}")
        elif current[i] != expect[i]:
            conflicts.append(
                f"{record} {field[i]} is now {current[i]!r}; save {op} had set it to {expect[i]!r}"
            )
    for record in pd.unique(entries["record"][action == "delete"]):
        if record in set(keys):
            conflicts.append(f"{record} is in {spec.file} again")
    for record in pd.unique(entries["record"][action == "move"]):
        if record not in set(keys):
            conflicts.append(f"{record} is no longer in {spec.file}")
    if conflicts:
        shown = "; ".join(dict.fromkeys(conflicts))
        raise ConflictError(
            f"Cannot undo save {op} of {spec.file}: it changed since ({shown}). Nothing was "
            "changed; make the change you want with the forms instead."
        )

    out = frame.copy()
    upd = np.flatnonzero(action == "update")
    for i in upd:
        out.iloc[where[i], columns.index(field[i])] = entries["old"].iat[i]
    removed = set(entries["record"][action == "add"])
    _check_unreferenced(table, removed, raws)
    moves = entries.loc[action == "move"]
    gone = np.isin(keys, list(removed | set(moves["record"])))
    order = list(out.index[~gone])
    inserts = [
        (int(old), out.index[int(np.flatnonzero(keys == record)[0])])
        for record, old in zip(moves["record"], moves["old"], strict=True)
    ]
    fresh = []
    start = len(out)
    for _, group in entries.loc[action == "delete"].groupby("record", sort=False):
        fresh.append(
            dict.fromkeys(columns, "") | dict(zip(group["field"], group["old"], strict=True))
        )
        inserts.append((int(group["row"].iat[0]), start + len(fresh) - 1))
    if fresh:
        index = range(start, start + len(fresh))
        out = pd.concat([out, pd.DataFrame(fresh, columns=columns, index=index).astype("str")])
    # Put each record back at its old row, lowest first, so that every earlier insert is
    # already in place when a later one counts its position.
    for target, label in sorted(inserts, key=lambda x: x[0]):
        order.insert(min(target - 1, len(order)), label)
    touched = [frame.index[w] for w in set(where[upd])] + [label for _, label in inserts]
    return out.loc[order], touched


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
