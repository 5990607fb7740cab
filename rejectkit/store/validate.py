"""Checking the cells of a workspace against the data format, all problems in one pass.

Checks are vectorised: a column is checked through its distinct values (dates, choices and
scores repeat a lot), or with one pandas operation (ids, references), so that checking a
100,000-row log costs a fraction of reading it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from datetime import date

import numpy as np
import pandas as pd

from .csvread import RawTable
from .schema import TOUCHPOINTS, Column, Table

__all__ = ["CELL_LIMIT", "FIRST_YEAR", "LAST_YEAR", "check_date", "typed", "validate_tables"]

# After this many problems of one kind in one column, the rest are counted, not listed.
MAX_PER_CHECK = 20
# The most text one cell may hold (in bytes of UTF-8): a pasted e-mail thread fits many
# times over, and a workspace stays quick to read and safe to save.
CELL_LIMIT = 64 * 1024
# The years a date may fall in: a year outside is a typo (0026 for 2026), and pandas cannot
# hold a date before 1677 at all.
FIRST_YEAR, LAST_YEAR = 1950, 2100

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_SLASHED = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})")
_TOUCHPOINT_KEY = re.compile(r"[a-z][a-z0-9_]*")
_SCORES = ("1", "2", "3", "4", "5")


def check_date(value: str) -> str | None:
    """Why ``value`` is not an ISO ``YYYY-MM-DD`` date, or None if it is one.

    >>> check_date("2026-11-20") is None
    True
    >>> print(check_date("03/04/2025"))  # doctest: +NORMALIZE_WHITESPACE
    '03/04/2025' is not written YYYY-MM-DD and is ambiguous (3 April or March 4?); write
    2025-04-03 or 2025-03-04
    """
    if value != value.strip() and check_date(value.strip()) is None:
        return f"{value!r} has spaces before or after the date; write {value.strip()} without them"
    if _ISO.fullmatch(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return f"{value!r} is not a day in the calendar; write a real date as YYYY-MM-DD"
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            return (
                f"{value!r} is outside the years {FIRST_YEAR} to {LAST_YEAR} that the kit "
                "accepts (is the year mistyped?); write a date from "
                f"{FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31"
            )
        return None
    if _ISO.fullmatch(value[:10]) and value[10:11] in (" ", "T"):
        return f"{value!r} has a time as well; write only the date: {value[:10]}"
    if m := _SLASHED.fullmatch(value.strip()):
        a, b, y = (int(g) for g in m.groups())
        y = y + 2000 if y < 100 else y
        if a <= 12 and b <= 12 and a != b:
            return (
                f"{value!r} is not written YYYY-MM-DD and is ambiguous ({a} "
                f"{date(2000, b, 1):%B} or {date(2000, a, 1):%B} {b}?); write "
                f"{y:04d}-{b:02d}-{a:02d} or {y:04d}-{a:02d}-{b:02d}"
            )
        day, month = (a, b) if a > 12 else (b, a)
        if 1 <= month <= 12:
            return f"{value!r} is not written YYYY-MM-DD; write {y:04d}-{month:02d}-{day:02d}"
    return f"{value!r} is not a date; write dates as YYYY-MM-DD, for example 2026-11-20"


def _closest(value: str, allowed: Iterable[str]) -> str:
    allowed = list(allowed)
    match = difflib.get_close_matches(value.strip().lower(), allowed, n=1, cutoff=0.5)
    return f" Did you mean {match[0]!r}?" if match else ""


def _choice_message(what: str, allowed: Iterable[str]) -> Callable[[str], str]:
    allowed = list(allowed)

    def message(value: str) -> str:
        if value.strip() in allowed:
            return _spaces(value)
        return (
            f"{value!r} is not a known {what}; allowed: {', '.join(allowed)}."
            f"{_closest(value, allowed)}"
        )

    return message


def _spaces(value: str) -> str:
    return f"{value!r} has spaces before or after it; write {value.strip()!r} without them"


def _score_message(value: str) -> str:
    if value.strip() in _SCORES:
        return _spaces(value)
    if re.fullmatch(r"[+-]?\d+", value.strip()):
        return (
            f"{value!r} is outside 1 to 5; write 1, 2, 3, 4 or 5, or leave it empty for "
            "not applicable"
        )
    return (
        f"{value!r} is not a whole number from 1 to 5 (ratings are never rounded); write "
        "1, 2, 3, 4 or 5, or leave it empty for not applicable"
    )


def _count_message(value: str) -> str | None:
    if value.isascii() and value.isdigit() and int(value) > 0:
        return None
    if value != value.strip() and _count_message(value.strip()) is None:
        return _spaces(value)
    return f"{value!r} is not a whole number of days above 0; write, for example, 90"


class _Checker:
    """Collects the problems of one file, capping repeats of one kind per column."""

    def __init__(self, raw: RawTable):
        self.raw = raw
        self.frame = raw.frame

    def report(self, mask: np.ndarray, column: str, message: Callable[[int], str]) -> None:
        rows = np.flatnonzero(mask)
        for i in rows[:MAX_PER_CHECK]:
            self.raw.problem(self.raw.lines[i], column, message(i))
        if len(rows) > MAX_PER_CHECK:
            rest = len(rows) - MAX_PER_CHECK
            self.raw.problem(
                self.raw.lines[rows[MAX_PER_CHECK]],
                column,
                f"... and {rest} more rows with this kind of problem in this column",
            )

    def by_value(self, column: str, why: Callable[[str], str | None]) -> None:
        """Check each distinct non-empty value of ``column`` once with ``why``."""
        col = self.frame[column]
        reasons = {v: r for v in col.unique() if v != "" and (r := why(v)) is not None}
        if reasons:
            mask = col.isin(list(reasons)).to_numpy(dtype=bool)
            self.report(mask, column, lambda i: reasons[col.iat[i]])

    def value(self, column: str, i: int) -> str:
        return self.frame[column].iat[i]


def _isin(col: pd.Series, values: pd.Series | None) -> np.ndarray:
    """``col.isin(values)`` as a boolean array, fast for long columns of ids.

    pandas' isin on pyarrow strings turns ``values`` into a Python list first, which costs
    most of a second for 100,000 ids; pyarrow's own ``is_in`` hashes them in C.
    """
    if values is None or not len(values):
        return np.zeros(len(col), dtype=bool)
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:
        return col.isin(values).to_numpy(dtype=bool)
    found = pc.is_in(pa.array(col), value_set=pa.array(values))
    return found.to_numpy(zero_copy_only=False).astype(bool)


def validate_tables(raws: dict[str, RawTable]) -> None:
    """Check every table of ``raws`` (name to file as read) and add the problems found to each.

    Tables are checked in the order of ``schema.TABLES`` so references point backwards.
    """
    keys = [t.key for t in TOUCHPOINTS]
    if "touchpoints" in raws:
        keys += [k for k in raws["touchpoints"].frame["key"].tolist() if k]
    # A file that could not be read whole is reported once, by itself: the files referring to
    # it are not also told that its ids are missing.
    ids = {name: raw.frame[raw.table.key[0]] for name, raw in raws.items() if not raw.broken}
    broken = {name for name, raw in raws.items() if raw.broken}
    for raw in raws.values():
        _validate(raw, keys, ids, broken)


def _validate(
    raw: RawTable, touchpoints: list[str], ids: dict[str, pd.Series], broken: set[str]
) -> None:
    table, frame = raw.table, raw.frame
    if frame.empty:
        return
    check = _Checker(raw)
    _check_sizes(check)
    empty = {c: (frame[c] == "").to_numpy(dtype=bool) for c in table.names}
    for col in table.columns:
        name = col.name
        if col.required:
            check.report(empty[name], name, _required_message(table, name))
        if col.kind == "id":
            _check_ids(check, table, name, empty[name])
        elif col.kind == "ref":
            if col.ref in broken:
                continue
            bad = ~(_isin(frame[name], ids.get(col.ref)) | empty[name])
            check.report(bad, name, _ref_message(check, name, col.ref))
        elif (why := _value_check(col, touchpoints)) is not None:
            check.by_value(name, why)
    _check_unique(check, table)
    for start, end in table.ordered_dates:
        a, b = frame[start], frame[end]
        both = ~(empty[start] | empty[end])
        # ISO dates compare correctly as text; malformed ones were reported above.
        earlier = both & (b < a).to_numpy(dtype=bool) & _iso_mask(a) & _iso_mask(b)
        check.report(
            earlier,
            end,
            lambda i, s=start, e=end: (
                f"{check.value(e, i)} is before {s} {check.value(s, i)}; {e} cannot come first"
            ),
        )
    if table.name == "applications":
        offer = (frame["outcome"] == "offer").to_numpy(dtype=bool)
        bad = offer & (frame["stage"] != "offer").to_numpy(dtype=bool)
        check.report(
            bad,
            "stage",
            lambda i: (
                f"the outcome is 'offer' but the stage is {check.value('stage', i)!r}; an offer "
                "means the stage reached is 'offer'"
            ),
        )


def _value_check(col: Column, touchpoints: list[str]) -> Callable[[str], str | None] | None:
    """The check of one distinct cell value for columns checked value by value."""
    if col.kind == "date":
        return check_date
    if col.kind == "score":
        return lambda v: None if v in _SCORES else _score_message(v)
    if col.kind == "count":
        return _count_message
    if col.kind == "key":
        return _check_new_key
    if col.kind == "touchpoints":
        return lambda v: _check_touchpoint_list(v, touchpoints)
    if col.kind in ("choice", "touchpoint"):
        allowed = list(col.choices) if col.kind == "choice" else touchpoints
        known, message = set(allowed), _choice_message(col.name, allowed)
        return lambda v: None if v in known else message(v)
    return None


def _required_message(table: Table, column: str) -> Callable[[int], str]:
    hint = ""
    if column == "id" and table.id_prefix:
        hint = (
            f"; give the row an id like {table.id_prefix}0001 that no other row uses, "
            "or add the row with the kit's forms"
        )
    return lambda i: f"is empty; this column is required{hint}"


def _ref_message(check: _Checker, column: str, target: str) -> Callable[[int], str]:
    def message(i: int) -> str:
        value = check.value(column, i)
        if value != value.strip():
            return _spaces(value)
        return (
            f"{value!r} is not the id of any row in {target}.csv; use an id that "
            f"{target}.csv has, or add that row first"
        )

    return message


def _check_sizes(check: _Checker) -> None:
    """Cells over :data:`CELL_LIMIT`, in any column (also those the kit does not use)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    frame = check.frame
    for column in frame.columns:
        # Byte lengths in pyarrow's C kernel: a column of short cells costs microseconds.
        sizes = pc.binary_length(pa.array(frame[column], from_pandas=True))
        if len(sizes) == 0 or (pc.max(sizes).as_py() or 0) <= CELL_LIMIT:
            continue
        counts = sizes.to_numpy(zero_copy_only=False)
        over = np.nan_to_num(counts.astype(float)) > CELL_LIMIT
        check.report(
            over,
            column,
            lambda i, counts=counts: (
                f"the cell holds {_size(int(counts[i]))} of text ({int(counts[i]):,} bytes), "
                f"more than the {_size(CELL_LIMIT)} a cell may hold; shorten it, or keep the "
                "long text in a file of its own and write its name here"
            ),
        )


def _size(n: int) -> str:
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MB"
    return f"{n / 1024:.0f} KB" if n % 1024 else f"{n // 1024} KB"


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def _singular(table: Table) -> str:
    return {"feedback": "feedback", "changes": "strategy change"}.get(
        table.name, table.name.removesuffix("s")
    )


def _iso_mask(col: pd.Series) -> np.ndarray:
    return (col.str.len() == 10).to_numpy(dtype=bool, na_value=False)


def _check_ids(check: _Checker, table: Table, name: str, empty: np.ndarray) -> None:
    col = check.frame[name]
    pattern = rf"{table.id_prefix}\d+"
    bad = ~(col.str.fullmatch(pattern).to_numpy(dtype=bool, na_value=False) | empty)
    check.report(
        bad,
        name,
        lambda i: (
            _spaces(col.iat[i])
            if col.iat[i] != col.iat[i].strip()
            else f"{col.iat[i]!r} is not {_a(_singular(table))} id; ids look like "
            f"{table.id_prefix}0001 (the letter, then digits) and the kit assigns them"
        ),
    )


def _check_unique(check: _Checker, table: Table) -> None:
    frame, raw = check.frame, check.raw
    key = list(table.key)
    filled = np.ones(len(frame), dtype=bool)
    for k in key:
        filled &= (frame[k] != "").to_numpy(dtype=bool)
    dup = frame.duplicated(subset=key, keep="first").to_numpy(dtype=bool) & filled
    if not dup.any():
        return
    first_line: dict[tuple, int] = {}
    for i in np.flatnonzero(frame.duplicated(subset=key, keep=False).to_numpy(dtype=bool) & filled):
        first_line.setdefault(tuple(frame[k].iat[i] for k in key), int(raw.lines[i]))
    if len(key) == 1:
        check.report(
            dup,
            key[0],
            lambda i: (
                f"duplicate id {frame[key[0]].iat[i]!r} (also on line "
                f"{first_line[(frame[key[0]].iat[i],)]}); ids must be unique, so give one of the "
                "rows a new id or remove it"
            ),
        )
    else:
        check.report(
            dup,
            key[-1],
            lambda i: (
                f"{' and '.join(f'{k} {frame[k].iat[i]!r}' for k in key)} appear together again "
                f"(first on line {first_line[tuple(frame[k].iat[i] for k in key)]}); keep one row"
            ),
        )


def _check_touchpoint_list(value: str, known: list[str]) -> str | None:
    parts = [p.strip() for p in value.split(";")]
    unknown = [p for p in parts if p and p not in known]
    if not unknown:
        return None
    return (
        f"{unknown[0]!r} in {value!r} is not a known touchpoint; list touchpoint keys "
        f"separated by ';' from: {', '.join(known)}.{_closest(unknown[0], known)}"
    )


def _check_new_key(value: str) -> str | None:
    if value in {t.key for t in TOUCHPOINTS}:
        return f"{value!r} is already one of the ten touchpoints; give your own one a new key"
    if not _TOUCHPOINT_KEY.fullmatch(value):
        return (
            f"{value!r} is not a usable key; use lower-case letters, digits and _, starting "
            "with a letter, like technical_test"
        )
    return None


def typed(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    """A copy of a checked table with dates as datetimes and scores and counts as integers.

    Empty cells become missing values (NaT or <NA>); text columns stay text.

    >>> from rejectkit.store.schema import TABLES
    >>> t = typed(pd.DataFrame({"interview_id": ["I0001"], "touchpoint": ["x"], "score": [""],
    ...     "keep_doing": [""], "do_differently": [""]}, dtype="str"), TABLES["reviews"])
    >>> t["score"].isna().tolist()
    [True]
    """
    out = frame.copy()
    for col in table.columns:
        if col.name not in out:
            continue
        if col.kind == "date":
            out[col.name] = pd.to_datetime(out[col.name], format="%Y-%m-%d", errors="coerce")
        elif col.kind in ("score", "count"):
            numbers = pd.to_numeric(out[col.name].replace("", None), errors="coerce")
            out[col.name] = numbers.astype("Int64")
    return out
