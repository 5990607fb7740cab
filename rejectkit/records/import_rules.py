"""How another tool's file maps to the kit: header synonyms, status words, and dates.

Dates are the one thing never guessed: ``03/04/2026`` is 3 April in one country and March 4 in
another, so a file with day-first or month-first dates needs its format named once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime

import pandas as pd

from ..errors import ImportFileError
from ..store.schema import OUTCOMES, STAGES, TABLES

__all__ = [
    "DATE_FORMATS",
    "SKIP",
    "STATUS_WORDS",
    "TARGETS",
    "convert_dates",
    "guess_mapping",
    "normal",
    "parse_map",
    "parse_status",
    "status_of",
]

_APPS = TABLES["applications"]
# Where a source column can go: a column of applications.csv, "status" (a word giving both
# stage and outcome), or "" (not imported).
TARGETS = ("status", *(c for c in _APPS.names if c != "id"))
SKIP = "skip"

_SYNONYMS = {
    "company": "company, company name, employer, employer name, organisation, organization, "
    "organisation name, organization name, org, firm, business, client, hiring company",
    "role": "role, position, job title, title, job, job role, position title, job name, "
    "vacancy, post, role title, job position",
    "applied_on": "applied on, date applied, applied, application date, date of application, "
    "applied date, date, submitted, submitted on, date submitted, date sent, sent on",
    "source": "source, found via, found on, found through, job board, channel, platform, "
    "applied via, applied through, via, how applied, how found, method, referral, where found, "
    "found, found at, job source, lead source",
    "location": "location, city, place, office, where, region, country, town",
    "status": "status, application status, current status, state, progress, result",
    "stage": "stage, stage reached, furthest stage",
    "outcome": "outcome, final outcome",
    "outcome_on": "outcome on, outcome date, date of outcome, response date, decision date, "
    "date closed, closed on, rejection date, rejected on, date of response, reply date",
    "contact_name": "contact, contact name, recruiter, recruiter name, hiring manager, "
    "contact person, person, referrer",
    "contact_email": "contact email, email, e mail, recruiter email, contact e mail, mail",
    "notes": "notes, note, comments, comment, remarks, description, details, memo",
}
_EXACT = {
    _norm: target
    for target, words in _SYNONYMS.items()
    for _norm in (w.strip() for w in words.split(","))
}
# Single words that identify a column inside a longer header ("Name of company").
_WORDS = {
    "company": "company",
    "employer": "company",
    "organisation": "company",
    "organization": "company",
    "title": "role",
    "position": "role",
    "role": "role",
    "status": "status",
    "email": "contact_email",
    "recruiter": "contact_name",
    "note": "notes",
    "notes": "notes",
    "comment": "notes",
    "comments": "notes",
    "location": "location",
    "city": "location",
    "source": "source",
}

# Status words other trackers write, and what they mean here. "skip" is a job that was never
# applied to (a wishlist entry), which the log does not hold.
STATUS_WORDS: dict[str, tuple[str, str] | str] = {
    **{w: ("applied", "open") for w in (
        "applied", "application sent", "submitted", "sent", "pending", "waiting",
        "awaiting response", "under review", "in review", "in progress", "open", "active",
        "application received", "new",
    )},
    **{w: ("screening", "open") for w in (
        "screening", "screen", "phone screen", "recruiter screen", "recruiter call", "hr call",
        "hr screen", "screened", "assessment", "online assessment", "test",
    )},
    **{w: ("interview", "open") for w in (
        "interview", "interviewing", "interviewed", "interview scheduled", "in interview",
        "phone interview", "video interview", "first interview", "second interview",
        "technical interview",
    )},
    **{w: ("final", "open") for w in (
        "final", "final round", "final interview", "final stage", "onsite", "on site",
    )},
    **{w: ("offer", "offer") for w in (
        "offer", "offered", "offer received", "got offer", "got an offer", "offer accepted",
        "accepted", "hired",
    )},
    **{w: ("applied", "rejected") for w in (
        "rejected", "rejection", "not selected", "unsuccessful", "turned down",
        "declined by company", "position filled", "role filled", "not progressed",
    )},
    "rejected after screen": ("screening", "rejected"),
    "rejected after screening": ("screening", "rejected"),
    "rejected after interview": ("interview", "rejected"),
    "rejected after final": ("final", "rejected"),
    "offer declined": ("offer", "withdrawn"),
    **{w: ("applied", "ghosted") for w in (
        "ghosted", "no response", "no reply", "no answer", "never heard back", "no news",
        "silence", "not heard back",
    )},
    **{w: ("applied", "withdrawn") for w in ("withdrawn", "withdrew", "withdraw")},
    **dict.fromkeys(
        ("wishlist", "saved", "bookmarked", "interested", "to apply", "not applied"), SKIP
    ),
}  # fmt: skip

_ISO_LIKE = re.compile(
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?.*)?"
)
_TIME_TAIL = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?$")
_NUMERIC = re.compile(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{2,4})")
_WORDY = ("%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y", "%d-%b-%Y")
DATE_FORMATS = {
    "%d/%m/%Y": "31/12/2026 (day first)",
    "%m/%d/%Y": "12/31/2026 (month first)",
    "%d.%m.%Y": "31.12.2026",
    "%d-%m-%Y": "31-12-2026",
    "%d/%m/%y": "31/12/26",
    "%m/%d/%y": "12/31/26",
}


# Mapping -----------------------------------------------------------------------------------


def normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).replace("_", " ").split())


def guess_mapping(columns: list[str]) -> dict[str, str]:
    """Which kit column each source column goes to ("" = not imported), from its header.

    >>> guess_mapping(["Company Name", "Job Title", "Date Applied", "Status", "Salary"])
    {'Company Name': 'company', 'Job Title': 'role', 'Date Applied': 'applied_on', \
'Status': 'status', 'Salary': ''}
    """
    normals = {c: normal(c) for c in columns}
    has_outcome = any(_EXACT.get(n) == "outcome" for n in normals.values())
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for c, n in normals.items():
        target = _EXACT.get(n, "")
        if target == "stage" and not has_outcome:
            # A lone "Stage" column holds another tool's status words.
            target = "status"
        if target in taken:
            target = ""
        mapping[c] = target
        taken.add(target)
    for c, n in normals.items():
        if mapping[c]:
            continue
        for word in n.split():
            target = _WORDS.get(word, "")
            if target and target not in taken:
                mapping[c] = target
                taken.add(target)
                break
    return mapping


def parse_map(items: list[str] | None, columns: list[str]) -> dict[str, str]:
    """Read ``--map "Job Title=role"`` options into {source column: target}.

    >>> parse_map(["job title = role", "Salary="], ["Job Title", "Salary"])
    {'Job Title': 'role', 'Salary': ''}
    """
    out: dict[str, str] = {}
    by_normal = {normal(c): c for c in columns}
    for item in items or []:
        if "=" not in item:
            raise ImportFileError(
                f"--map {item!r} needs the form 'Source column=kit column', like 'Job Title=role'."
            )
        left, right = (s.strip() for s in item.rsplit("=", 1))
        column = left if left in columns else by_normal.get(normal(left))
        if column is None:
            raise ImportFileError(
                f"--map {item!r}: the file has no column {left!r}; its columns are "
                f"{', '.join(map(repr, columns))}."
            )
        target = right.lower().replace(" ", "_")
        if target in ("", SKIP, "-", "none", "ignore"):
            target = ""
        elif target not in TARGETS:
            raise ImportFileError(
                f"--map {item!r}: {right!r} is not a column of the kit; map to one of "
                f"{', '.join(TARGETS)}, or to nothing ('{left}=') to leave it out."
            )
        out[column] = target
    return out


def parse_status(items: list[str] | Mapping[str, str] | None) -> dict[str, tuple[str, str] | str]:
    """Read ``--status "No response=applied/ghosted"`` options into {word: (stage, outcome)}.

    >>> parse_status(["Phone call=screening/open", "Saved=skip"])
    {'phone call': ('screening', 'open'), 'saved': 'skip'}
    """
    if isinstance(items, Mapping):
        items = [f"{k}={v}" for k, v in items.items()]
    out: dict[str, tuple[str, str] | str] = {}
    for item in items or []:
        if "=" not in item:
            raise ImportFileError(
                f"--status {item!r} needs the form 'Word=stage/outcome', like "
                "'No response=applied/ghosted'."
            )
        word, meaning = (s.strip() for s in item.rsplit("=", 1))
        out[normal(word)] = _meaning(meaning, f"--status {item!r}")
    return out


def _meaning(text: str, where: str) -> tuple[str, str] | str:
    text = text.strip().lower()
    if text == SKIP:
        return SKIP
    stage, _, outcome = (s.strip() for s in text.partition("/"))
    if stage in STAGES and outcome in OUTCOMES:
        return stage, outcome
    raise ImportFileError(
        f"{where}: {text!r} is not 'stage/outcome' or 'skip'; stages are "
        f"{', '.join(STAGES)} and outcomes are {', '.join(OUTCOMES)}, for example "
        "'interview/rejected'."
    )


def status_of(word: str, extra: Mapping) -> tuple[str, str] | str | None:
    n = normal(word)
    if n in extra:
        return extra[n]
    if n in STATUS_WORDS:
        return STATUS_WORDS[n]
    if n in STAGES:
        return (n, "offer" if n == "offer" else "open")
    if n in OUTCOMES:
        return ("offer" if n == "offer" else "applied", n)
    try:
        return _meaning(n.replace(" ", "/", 1), "")
    except ImportFileError:
        return None


# Dates -------------------------------------------------------------------------------------


def _parse_date(value: str, fmt: str | None) -> tuple[str | None, str | None]:
    """(ISO date, None) or (None, why not)."""
    if m := _ISO_LIKE.fullmatch(value):
        try:
            return date(*(int(g) for g in m.groups()[:3])).isoformat(), None
        except ValueError:
            return None, f"{value!r} is not a day in the calendar"
    for candidate in ((fmt,) if fmt else ()) + _WORDY:
        for text in (value, _TIME_TAIL.sub("", value)):
            try:
                return datetime.strptime(text, candidate).date().isoformat(), None
            except ValueError:
                continue
    if fmt:
        return None, f"{value!r} does not match the date format {fmt} (nor YYYY-MM-DD)"
    if m := _NUMERIC.fullmatch(_TIME_TAIL.sub("", value)):
        a, b = int(m.group(1)), int(m.group(2))
        hint = "%d/%m/%Y" if a > 12 else "%m/%d/%Y" if b > 12 else "%d/%m/%Y or %m/%d/%Y"
        sep = next(ch for ch in value if ch in "/.-")
        hint = hint.replace("/", sep)
        return None, (
            f"{value!r} is day-first or month-first and the kit never guesses which; "
            f"name the format with --date-format {hint}"
        )
    return None, f"{value!r} is not a date the kit can read; write it as YYYY-MM-DD"


def convert_dates(col: pd.Series, fmt: str | None) -> tuple[pd.Series, pd.Series]:
    """The column as ISO dates, and the reason per row where a value could not be read."""
    parsed = {v: _parse_date(v, fmt) for v in col.unique() if v}
    iso = col.map(lambda v: parsed[v][0] or "" if v else "")
    why = col.map(lambda v: parsed[v][1] or "" if v else "")
    return iso.astype("str"), why.astype("str")
