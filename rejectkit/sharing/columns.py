"""The allow-list of a bundle: only the columns of the kit's format go into it.

A workspace file may hold columns the kit does not know (``recruiter_mobile``,
``home_address``): the reader keeps them as they are, but the anonymiser has no rule for
them, so a bundle never carries them (issue 14). Each one left out is reported, by file and
column, so the export can say so; the report goes to you, never into the bundle (a column's
name may itself be identifying).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..store.schema import TABLES

__all__ = ["LeftOut", "known_columns"]

_WHY = "not a column of the kit's format, so the kit has no rule to anonymise it"


@dataclass(frozen=True)
class LeftOut:
    """A column of a workspace file that the bundle leaves out, and why."""

    file: str
    column: str
    why: str = _WHY

    def __str__(self) -> str:
        return f"{self.file}, column {self.column!r}: {self.why}"


def known_columns(
    tables: dict[str, pd.DataFrame], keep: tuple[str, ...] = ()
) -> tuple[dict[str, pd.DataFrame], list[LeftOut]]:
    """The tables with only the columns of :data:`~rejectkit.store.schema.TABLES` and the
    unknown ones you ``keep`` (by name, shared scrubbed as free text), and the columns left
    out.

    >>> frame = pd.DataFrame({"key": ["k"], "label": ["L"], "low_hint": [""],
    ...     "high_hint": [""], "home_address": ["Kastanienallee 7"]})
    >>> kept, left_out = known_columns({"touchpoints": frame})
    >>> list(kept["touchpoints"].columns), [str(c) for c in left_out]  # doctest: +ELLIPSIS
    (['key', 'label', 'low_hint', 'high_hint'], ["touchpoints.csv, column 'home_address': ..."])
    """
    kept, left_out = {}, []
    for name, frame in tables.items():
        table = TABLES[name]
        known = [c for c in frame.columns if c in table.names or c in keep]
        left_out += [LeftOut(table.file, str(c)) for c in frame.columns if c not in known]
        kept[name] = frame[known]
    return kept, left_out
