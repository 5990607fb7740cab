"""The record-level changes a :class:`~rejectkit.store.Workspace` offers: add, update, delete,
replace. Each builds a ``change(frame, raws)`` and hands it to ``Workspace._commit``, which
applies it inside the open transaction (or one of its own).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from ..errors import ConflictError, DataError, RecordError
from .csvread import RawTable
from .schema import TABLES

__all__ = ["FIX_HINT", "Edits", "frame_of", "key_of", "raise_for", "text_of"]


class Edits:
    """Mixed into Workspace: the saves a form, a command or a record function calls."""

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
            keys[:] = [key_of(spec, r) for r in records]
            new = frame_of(records, frame.columns, table, start=len(frame))
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
        changes = {k: text_of(v, k) for k, v in changes.items()}
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
            new = frame_of(records, frame.columns, table, start=len(frame))
            return pd.concat([frame.loc[~match], new]), list(new.index)

        self._commit(table, change)
        return [key_of(spec, r) for r in records]

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
                if c in frame.columns and frame[c].iat[i] != text_of(expected[c], c)
            ]
            if differs:
                raise ConflictError(
                    f"{shown} in {spec.file} changed since you loaded it ({'; '.join(differs)}). "
                    "Nothing was saved and your typed values are kept: reload to see the new "
                    "version, then make your change again."
                )
        return i


FIX_HINT = (
    "Fix these in the file (run `rejectkit check` to list them again), then try again; "
    "nothing was changed."
)


def text_of(value, column: str) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if "\x00" in text:
        raise RecordError("record", {column: "holds a NUL character, which a CSV file cannot keep"})
    return text


def frame_of(records: list[dict], columns, table: str, start: int) -> pd.DataFrame:
    known = set(columns)
    for r in records:
        if extra := [k for k in r if k not in known]:
            raise RecordError(table, {extra[0]: f"is not a column of {table}.csv"})
    return pd.DataFrame(
        {c: pd.array([text_of(r.get(c, ""), c) for r in records], dtype="str") for c in columns},
        index=range(start, start + len(records)),
    )


def key_of(spec, record: Mapping[str, str]):
    values = tuple(str(record.get(k, "")) for k in spec.key)
    return values[0] if len(values) == 1 else values


def raise_for(after: RawTable, touched_lines: set[int], table: str) -> None:
    mine = [p for p in after.problems if p.line in touched_lines]
    if mine:
        fields: dict[str, str] = {}
        for p in mine:
            fields.setdefault(p.column or "record", p.message)
        raise RecordError(table, fields)
    if after.problems:
        raise DataError(after.problems, hint=FIX_HINT)
