"""Dates written in free text, moved by the same secret shift as the log's own dates (issue
14): left as they were, "interview on 3 May 2026" next to a shifted ``held_on`` would give the
shift away.

Found, and written back in the style they were written in: ISO (``2026-05-03``), day and
month name (``3 May 2026``, ``3rd of May``, ``03 Sept.``), month name and day (``May 3rd``,
``May 3, 2026``), month name and year (``May 2026``), and numbers with ``/`` or ``.``
(``03/05/2026``, ``3.5.2026``: day first, as in Britain and Germany, unless the first number
cannot be a month's day... or the second cannot be a month). With ``months`` a date shows only
its month: ``May 2026``, ``2026-05``, ``05/2026``. Relative dates ("last Tuesday", "next
week") are left alone: they say nothing about the calendar.

A date without a year is shifted within 2026 (a year is needed to count the days; across the
end of February this may be a day off, and only the month and day are shown).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

__all__ = ["DateShift"]

_NAMES = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
_NAMES |= {name.casefold(): i for i, name in enumerate(calendar.month_abbr) if name}
_NAMES["sept"] = 9
# Capitalised, as English writes month names: "may 3" in lower case is rarely a date.
_MONTH = (
    r"(?P<month>(?:"
    + "|".join(f"{n[0].upper()}(?i:{n[1:]})" for n in sorted(_NAMES, key=len, reverse=True))
    + r")\.?)"
)
_DAY = r"(?P<day>[0-3]?\d)(?P<suffix>st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_FORMS = [
    ("iso", r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?![\d-])"),
    ("numeric", r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)"
     r"(?P<year>(?:19|20)\d\d)(?![\d/]|\.\d)"),
    ("day month", rf"(?<!\w){_DAY}(?P<of>\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?(?!\w)"),
    ("month day", rf"(?<!\w){_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?(?![\w:])"),
    ("month year", rf"(?<!\w){_MONTH}\s+{_YEAR}(?!\w)"),
]  # fmt: skip
_COMPILED = [(kind, re.compile(p)) for kind, p in _FORMS]
_ANY_YEAR = 2026


def _ordinal(day: int) -> str:
    return "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


class DateShift:
    """Moves every date written in a text by ``days`` (see the module docstring).

    >>> shift = DateShift(14)
    >>> shift("on 3 May 2026, May 3rd and 03/05/2026; not last Tuesday")
    'on 17 May 2026, May 17th and 17/05/2026; not last Tuesday'
    >>> DateShift(14, months=True)("on 3 May 2026 and 2026-05-30")
    'on May 2026 and 2026-06'
    """

    def __init__(self, days: int, *, months: bool = False):
        self.days = days
        self.months = months

    def __call__(self, text: str, hold: Callable[[str], str] = str) -> str:
        """``text`` with each date replaced by ``hold(shifted date as written)``."""
        # Each form in turn, on the text without the dates found before ("May 2026" of
        # "3 May 2026" is no second date).
        spans, rest = [], text
        for kind, pattern in _COMPILED:
            for m in pattern.finditer(rest):
                try:
                    day, style = self._parse(kind, m)
                except ValueError:  # 31/02/2026 is no date
                    continue
                spans.append((m.start(), m.end(), self._write(day + timedelta(self.days), style)))
                rest = rest[: m.start()] + "\ue002" * (m.end() - m.start()) + rest[m.end() :]
        for start, end, written in sorted(spans, reverse=True):
            text = text[:start] + hold(written) + text[end:]
        return text

    def _parse(self, kind: str, m: re.Match) -> tuple[date, dict]:
        g = {k: v for k, v in m.groupdict().items() if v is not None}
        if kind == "iso":
            return date(int(g["year"]), int(g["month"]), int(g["day"])), {"kind": kind}
        if kind == "numeric":
            a, b = int(g["a"]), int(g["b"])
            day_first = not (b > 12 >= a)
            d, mo = (a, b) if day_first else (b, a)
            style = dict(kind=kind, sep=g["sep"], pad=len(g["a"]) == 2, day_first=day_first)
            return date(int(g["year"]), mo, d), style
        month_word = g["month"]
        month = _NAMES[month_word.rstrip(".").casefold()]
        short = month_word.rstrip(".").casefold() != calendar.month_name[month].casefold()
        style = dict(kind=kind, short=short, dot=month_word.endswith("."), year="year" in g)
        if kind == "month year":
            return date(int(g["year"]), month, 15), style
        style |= dict(suffix="suffix" in g, of="of" in g, pad=g["day"].startswith("0"))
        return date(int(g.get("year", _ANY_YEAR)), month, int(g["day"])), style

    def _write(self, day: date, style: dict) -> str:
        kind = style["kind"]
        if kind == "iso":
            return f"{day:%Y-%m}" if self.months else day.isoformat()
        if kind == "numeric":
            if self.months:
                return f"{day.month:02d}{style['sep']}{day.year}"
            d, mo = (f"{day.day:02d}", f"{day.month:02d}") if style["pad"] else (day.day, day.month)
            first, second = (d, mo) if style["day_first"] else (mo, d)
            return f"{first}{style['sep']}{second}{style['sep']}{day.year}"
        names = calendar.month_abbr if style["short"] else calendar.month_name
        month = names[day.month] + ("." if style["dot"] else "")
        year = f" {day.year}" if style["year"] else ""
        if self.months or kind == "month year":
            return f"{month}{year}"
        number = f"{day.day:02d}" if style["pad"] else str(day.day)
        number += _ordinal(day.day) if style["suffix"] else ""
        if kind == "day month":
            return f"{number}{' of' if style['of'] else ''} {month}{year}"
        return f"{month} {number}{',' if style['year'] else ''}{year}"
