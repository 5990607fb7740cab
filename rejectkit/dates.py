"""How the kit writes a date in prose, in one place: "3 December 2026", "3 Dec 2026".

Files keep ISO dates (2026-12-03); these are for sentences a person reads.
"""

from __future__ import annotations

from datetime import date

__all__ = ["long_date", "short_date"]


def long_date(value: date | str, *, year: bool = True) -> str:
    """``3 December 2026`` (or ``3 December`` without the year); "" for an empty value.

    >>> long_date("2026-12-03"), long_date(date(2026, 12, 3), year=False)
    ('3 December 2026', '3 December')
    """
    if not value:
        return ""
    d = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{d.day} {d:%B %Y}" if year else f"{d.day} {d:%B}"


def short_date(value) -> str:
    """``3 Dec 2026``, for tables and chart notes; missing dates say so.

    >>> short_date(date(2026, 8, 12)), short_date(None)
    ('12 Aug 2026', 'an unknown date')
    """
    if value is None or value != value:  # None, NaN or NaT
        return "an unknown date"
    return f"{value.day} {value:%b %Y}"
