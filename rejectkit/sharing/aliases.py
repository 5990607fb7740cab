"""The private side of sharing: the alias of every identifying value, and the secret date shift.

Both live only in the workspace, in ``.rejectkit/share/``, and never go into a bundle:

- ``aliases.csv`` (``kind,alias,value``) turns ``Company 03`` back into the organisation it
  stands for, so ``rejectkit mentor-notes`` can show a mentor's comments against your real
  records. An alias, once given, is kept: the same value has the same alias in every export.
- ``secret.json`` holds the date offset, a whole number of weeks drawn once with
  :mod:`secrets`, so intervals and weekdays stay true but calendar dates do not.

Two spellings of one value (``Siobhán``, ``SIOBHAN``) are one value with one alias: the map
is keyed by :func:`~rejectkit.sharing.spelling.normal`.
"""

from __future__ import annotations

import io
import json
import re
import secrets
from collections.abc import Iterable

import pandas as pd

from ..errors import RejectkitError
from ..store.workspace import Workspace
from .spelling import normal

__all__ = ["KINDS", "AliasMap", "date_offset", "normal"]

# kind -> the word of its aliases. Contacts are the people of your log (a contact of an
# application, of the contacts file or of a message: one person, one alias everywhere);
# Person is a name you asked to hide.
KINDS = {
    "company": "Company",
    "contact": "Contact",
    "person": "Person",
    "role": "Role",
    "place": "Place",
    "address": "Address",
    "email": "Email",
    "domain": "Domain",
    "phone": "Phone",
    "link": "Link",
}
_WORDS = {word.casefold(): kind for kind, word in KINDS.items()}
_ALIAS = re.compile(r"^\s*([A-Za-z]+)\s*0*(\d+)\s*$")

ALIASES_FILE = "share/aliases.csv"
SECRET_FILE = "share/secret.json"
# The shift is drawn from 9 to 156 weeks either way: never so small that a date gives the
# real one away, never so large that the years look odd.
_MIN_WEEKS, _MAX_WEEKS = 9, 156


class AliasMap:
    """Which alias stands for which value, by kind.

    >>> aliases = AliasMap()
    >>> aliases.assign("company", ["Northwind", "Fennick & Rowe", "NORTHWIND "])
    >>> aliases.alias("company", "NORTHWIND"), aliases.alias("company", "Fennick & Rowe")
    ('Company 01', 'Company 02')
    >>> aliases.lookup("company 2")
    ('company', 'Fennick & Rowe')
    """

    def __init__(self, rows: Iterable[tuple[str, str, str]] = ()):
        self._alias: dict[tuple[str, str], str] = {}
        self._value: dict[str, tuple[str, str, str]] = {}
        self._count: dict[str, int] = dict.fromkeys(KINDS, 0)
        for kind, alias, value in rows:
            self._add(kind, alias, value)

    def _add(self, kind: str, alias: str, value: str) -> None:
        if kind not in KINDS or not value.strip():
            return
        match = _ALIAS.match(alias)
        if not match or _WORDS.get(match.group(1).casefold()) != kind:
            return
        self._alias.setdefault((kind, normal(value)), alias)
        self._value.setdefault(_key(alias), (kind, value, alias))
        self._count[kind] = max(self._count[kind], int(match.group(2)))

    def __len__(self) -> int:
        return len(self._alias)

    def alias(self, kind: str, value: str) -> str | None:
        """The alias of ``value`` as a ``kind``, or None if it has none yet."""
        return self._alias.get((kind, normal(value)))

    def assign(self, kind: str, values: Iterable[str]) -> None:
        """Give the values without an alias the next numbers of ``kind``, in the order given."""
        for value in values:
            if value.strip() and (kind, normal(value)) not in self._alias:
                self._count[kind] += 1
                self._add(kind, f"{KINDS[kind]} {self._count[kind]:02d}", value)

    def lookup(self, alias: str) -> tuple[str, str] | None:
        """``(kind, value)`` behind an alias as a mentor may write it (``company 3``), or None."""
        found = self._value.get(_key(alias))
        return found[:2] if found else None

    def entries(self) -> pd.DataFrame:
        """Every alias: columns ``kind``, ``alias``, ``value``, in kind then number order."""
        rows = [(kind, alias, value) for kind, value, alias in self._value.values()]
        frame = pd.DataFrame(rows, columns=["kind", "alias", "value"], dtype="str")
        order = {k: i for i, k in enumerate(KINDS)}
        frame["_k"] = frame["kind"].map(order)
        frame["_n"] = frame["alias"].str.extract(r"(\d+)$", expand=False).astype("int64")
        return frame.sort_values(["_k", "_n"]).drop(columns=["_k", "_n"]).reset_index(drop=True)

    def values(self, kind: str) -> list[str]:
        """The values of one kind that have an alias."""
        return [value for k, value, _alias in self._value.values() if k == kind]

    @classmethod
    def load(cls, ws: Workspace) -> AliasMap:
        """The workspace's alias map (empty before the first export)."""
        path = ws.path / ".rejectkit" / ALIASES_FILE
        if not path.exists():
            return cls()
        try:
            frame = pd.read_csv(path, dtype="str", keep_default_na=False, encoding="utf-8")
            rows = zip(frame["kind"], frame["alias"], frame["value"], strict=True)
            return cls(rows)
        except (OSError, ValueError, KeyError) as e:
            raise RejectkitError(
                f"The alias map {path} cannot be read ({e}). It is the kit's own file: restore "
                "it from a backup, or move it aside to give every value a new alias."
            ) from None

    def save(self, ws: Workspace) -> None:
        """Write the map into the workspace's ``.rejectkit/share/`` (atomic, under the lock)."""
        buffer = io.StringIO()
        self.entries().to_csv(buffer, index=False, lineterminator="\n")
        ws.put_meta(ALIASES_FILE, buffer.getvalue().encode("utf-8"))


def _key(alias: str) -> str:
    match = _ALIAS.match(alias)
    return f"{match.group(1).casefold()} {int(match.group(2))}" if match else normal(alias)


def date_offset(ws: Workspace) -> int:
    """The workspace's secret date shift in days (a whole number of weeks, never zero).

    Drawn once with :mod:`secrets` and kept in ``.rejectkit/share/secret.json``, so every
    export shifts the same record to the same day.
    """
    path = ws.path / ".rejectkit" / SECRET_FILE
    with ws.locked():
        if path.exists():
            try:
                weeks = int(json.loads(path.read_text("utf-8"))["offset_weeks"])
            except (OSError, ValueError, KeyError, TypeError):
                raise RejectkitError(
                    f"The share secret {path} cannot be read. Move it aside to draw a new "
                    "date shift (earlier bundles then show other dates)."
                ) from None
            if weeks:
                return 7 * weeks
        size = secrets.randbelow(_MAX_WEEKS - _MIN_WEEKS + 1) + _MIN_WEEKS
        weeks = size if secrets.randbelow(2) else -size
        ws.put_meta(SECRET_FILE, json.dumps({"offset_weeks": weeks}).encode())
    return 7 * weeks
