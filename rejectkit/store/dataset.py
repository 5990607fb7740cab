"""A workspace as read: the tables as text DataFrames, the touchpoints, and what was noticed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import Problem
from .schema import TABLES, Touchpoint
from .validate import typed

__all__ = ["Data"]


@dataclass
class Data:
    """A workspace as read: one text DataFrame per file, plus what was noticed on the way.

    >>> from rejectkit.store.workspace import Workspace
    >>> data = Workspace("data/sample").read()
    >>> len(data.applications) > 0
    True
    """

    path: Path
    tables: dict[str, pd.DataFrame]
    touchpoints: tuple[Touchpoint, ...]
    notices: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    demo: bool = False
    # Tables derived from these (typed tables, the joined score table), computed once: every
    # chart of the patterns notebook starts from the same join.
    _derived: dict = field(default_factory=dict, repr=False, compare=False)

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    def copy(self) -> Data:
        """A copy whose tables and lists can be changed without touching this one."""
        return Data(
            path=self.path,
            # Shallow copies are enough: with pandas' copy-on-write, changing one copies it.
            tables={n: f.copy(deep=False) for n, f in self.tables.items()},
            touchpoints=self.touchpoints,
            notices=list(self.notices),
            problems=list(self.problems),
            demo=self.demo,
        )

    def derived(self, key: str, compute) -> pd.DataFrame:
        """``compute(self)``, worked out once per ``key`` for this Data.

        Each caller gets its own shallow copy, which pandas' copy-on-write keeps from
        changing what the next caller gets.
        """
        if key not in self._derived:
            self._derived[key] = compute(self)
        return self._derived[key].copy(deep=False)

    def typed(self, name: str) -> pd.DataFrame:
        """The table ``name`` with dates as datetimes and scores as integers."""
        return self.derived(f"typed:{name}", lambda d: typed(d.tables[name], TABLES[name]))

    def label(self, key: str) -> str:
        """The full sentence of a touchpoint key, or the key itself if it is unknown."""
        for t in self.touchpoints:
            if t.key == key:
                return t.label
        return key
