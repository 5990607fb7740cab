"""The day an email was sent, from its Date header or from a date as a mail program prints it
in a forward or a pasted header ("Mon, Nov 2, 2026 at 9:05 AM", "3. November 2026 um 10:12").

The standard library reads RFC 5322 dates; the printed forms of Gmail, Outlook, Apple Mail and
Thunderbird in English, German and French are tried after it, as formats of ``strptime``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

__all__ = ["days_named", "parse_date"]

_DATE_FORMATS = (
    "%a, %b %d, %Y at %I:%M %p",  # Gmail's forward: Mon, Nov 3, 2026 at 10:12 AM
    "%a, %b %d, %Y at %H:%M",
    "%A, %B %d, %Y %I:%M %p",  # Outlook: Monday, November 3, 2026 10:12 AM
    "%A, %B %d, %Y at %I:%M %p",
    "%A, %d %B %Y %H:%M",  # Outlook, UK: Monday, 3 November 2026 10:12
    "%d %B %Y at %H:%M",
    "%d %B %Y %H:%M",
    "%B %d, %Y at %I:%M:%S %p %Z",  # Apple Mail
    "%B %d, %Y at %I:%M %p",
    "%d.%m.%Y %H:%M",  # German
    "%d.%m.%Y",
    "%d/%m/%Y %H:%M",  # French
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
)
_MONTHS = {
    "januar": "January", "februar": "February", "märz": "March", "mai": "May", "juni": "June",
    "juli": "July", "oktober": "October", "dezember": "December", "janvier": "January",
    "février": "February", "mars": "March", "avril": "April", "juin": "June",
    "juillet": "July", "août": "August", "septembre": "September", "octobre": "October",
    "novembre": "November", "décembre": "December",
}  # fmt: skip


def parse_date(text: str) -> date | None:
    """The day of a Date header, or of a date as mail programs print it in a forward.

    >>> parse_date("Tue, 3 Nov 2026 23:30:00 -0800"), parse_date("Mon, Nov 2, 2026 at 9:05 AM")
    (datetime.date(2026, 11, 3), datetime.date(2026, 11, 2))
    """
    text = " ".join(text.replace("\u202f", " ").split())
    if not text:
        return None
    try:
        # The day as the sender wrote it (their time zone), which is the day they decided.
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    words = re.sub(
        r"\b(" + "|".join(_MONTHS) + r")\b", lambda m: _MONTHS[m.group(1).lower()], text, flags=re.I
    )
    words = re.sub(r"^(?:\w+\.?,\s*)?(?=\d{1,2}\.?\s+[A-Z])", "", words)  # "lundi 3 novembre"
    words = re.sub(r"(\d{1,2})\.\s+(?=[A-Z])", r"\1 ", words)  # "3. November 2026"
    words = re.sub(r"\s+(?:um|à)\s+", " at ", words)
    for candidate in (words, re.sub(r"\s*\(?[A-Z]{2,5}\)?$", "", words)):
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
    found = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if found:
        try:
            return date(*map(int, found.groups()))
        except ValueError:
            return None
    return None


_ENGLISH = ("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december")  # fmt: skip
_MONTH_NUMBER = {
    **{m: i for i, m in enumerate(_ENGLISH, 1)},
    **{m[:3]: i for i, m in enumerate(_ENGLISH, 1)},
    "sept": 9,
    **{k: _ENGLISH.index(v.lower()) + 1 for k, v in _MONTHS.items()},
}
_MONTH_WORD = "|".join(sorted(map(re.escape, _MONTH_NUMBER), key=len, reverse=True))
# "2 October", "2nd of October 2026", "14. Oktober", "3 novembre" / "October 2", "Oct 2nd, 2026"
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?({_MONTH_WORD})\b\.?(?:,?\s+(\d{{4}}))?", re.I
)
_MONTH_DAY = re.compile(
    rf"\b({_MONTH_WORD})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I
)


def days_named(text: str, sent: date) -> list[date]:
    """The calendar days ``text`` names ("on 2 October", "14. Oktober", "October 2nd"), from
    ``sent`` on; a day without a year is the next one after ``sent``.

    >>> days_named("Could you come on 2 October, or on Oct 5th?", date(2026, 9, 20))
    [datetime.date(2026, 10, 2), datetime.date(2026, 10, 5)]
    >>> days_named("Wir laden Sie am 14. Januar ein.", date(2026, 11, 20))
    [datetime.date(2027, 1, 14)]
    """
    found: set[date] = set()
    for pattern, order in ((_DAY_MONTH, (0, 1)), (_MONTH_DAY, (1, 0))):
        for m in pattern.finditer(text):
            day_text, month_text = m.group(1 + order[0]), m.group(1 + order[1])
            month = _MONTH_NUMBER.get(month_text.lower())
            year = int(m.group(3)) if m.group(3) else sent.year
            try:
                when = date(year, month, int(day_text))
                if not m.group(3) and when < sent:
                    when = date(year + 1, month, int(day_text))
            except (TypeError, ValueError):
                continue
            if when >= sent:
                found.add(when)
    return sorted(found)
