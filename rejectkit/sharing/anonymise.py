"""A workspace's tables with every identifying value replaced, ready to share.

What is identifying, column by column:

- organisations (``company``, ``organisation``): ``Company 03``; people (``contact_name``,
  ``name``, ``to_name``): ``Contact 07``; email addresses: ``Email 04``; locations:
  ``Place 01`` (or left empty with ``drop_locations``); a role that names an organisation or
  a person ("Analyst at Northwind"): ``Role 02``; names you ask to hide: ``Person 01``.
- free text (notes, what went well, what to do differently, feedback, strategy changes,
  round, source, subjects, your own touchpoints' labels) is scrubbed
  (:class:`~rejectkit.sharing.scrub.Scrubber`): every value above in every spelling
  (:mod:`rejectkit.sharing.spelling`), each part of a person's name of three letters or more,
  the first word of an organisation's name and each later word that is not a legal form or a
  common word, the name before the @ of each email and its domain (unless a public mail
  provider), plus links, email addresses (spelled out too), street addresses (``Address
  01``) and phone numbers found by pattern.
- dates move by the workspace's secret offset (whole weeks: weekdays and intervals stay
  true); with ``months`` they become the first of their month. Dates written YYYY-MM-DD
  inside free text move too.

A column the kit's format does not have (``recruiter_mobile``) is left out of the copy and
listed in ``left_out`` (:mod:`rejectkit.sharing.columns`): the kit has no rule for it.

Ids (A0001, I0004, ...), touchpoints, choices and scores stay as they are, so every count,
score and difference the analysis shows is the same on the anonymised copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..store.dataset import Data
from ..store.schema import TABLES
from .aliases import KINDS, AliasMap, normal
from .candidates import Candidate
from .columns import LeftOut, known_columns
from .leakscan import Needle, common_words, is_common
from .review import gather, unreviewed
from .scrub import Scrubber, pattern_key, patterns_in
from .spelling import fold, letters
from .textdates import DateShift
from .wordlists import GENERIC, PUBLIC_DOMAINS

__all__ = ["Anonymised", "ShareOptions", "anonymise"]

_IDENTITY = {
    ("applications", "company"): "company",
    ("contacts", "organisation"): "company",
    ("applications", "contact_name"): "contact",
    ("contacts", "name"): "contact",
    ("messages", "to_name"): "contact",
    ("applications", "contact_email"): "email",
    ("contacts", "email"): "email",
    ("messages", "to_email"): "email",
    ("applications", "location"): "place",
}
_ROLE = ("applications", "role")
_WORD = re.compile(r"[^\W\d_]+")
# What --drop-free-text empties; the strategy log's change is required, so it says so instead.
_PROSE = {"notes", "went_well", "do_differently", "keep_doing", "to_improve", "subject", "change"}
# The question log's and story bank's own words (issue 17), left out like notes.
_PROSE_OF = {("questions", "question"), ("questions", "note")} | {
    ("stories", c) for c in ("title", "situation", "task", "action", "result", "skills")
}
_NOT_SHARED = "(not shared)"
_DROPPED_PLACE = "[place]"
_ROW_DATE = {
    "applications": "applied_on",
    "interviews": "held_on",
    "feedback": "requested_on",
    "contacts": "last_contact_on",
    "changes": "changed_on",
    "messages": "sent_on",
}
_KIND_WORDS = {
    "company": "an organisation's name",
    "contact": "a contact's name",
    "person": "a name you asked to hide",
    "role": "a role that names an organisation",
    "place": "a location",
    "email": "an email address",
    "domain": "an email domain",
    "phone": "a phone number",
    "address": "a street address",
    "link": "a link",
    "contact part": "part of a contact's name",
    "person part": "part of a name you asked to hide",
    "company word": "a word of an organisation's name",
    "email name": "the name part of an email address",
}


@dataclass(frozen=True)
class ShareOptions:
    """How coarse the shared copy is. ``hide``: more names to replace wherever they appear."""

    hide: tuple[str, ...] = ()
    drop_locations: bool = False
    months: bool = False
    drop_free_text: bool = False
    #: Candidates (names nobody listed) you reviewed and share as written.
    keep: tuple[str, ...] = ()
    #: Columns the kit does not know, shared scrubbed as free text instead of left out.
    keep_columns: tuple[str, ...] = ()


@dataclass
class Anonymised:
    """The anonymised tables, the alias map they use, and what was replaced.

    ``replaced`` has one row per value: ``kind``, ``value``, ``alias``, ``count``; ``needles``
    is what the leak scan must not find in the bundle; ``left_out`` the columns of your files
    that the copy does not carry.
    """

    tables: dict[str, pd.DataFrame]
    aliases: AliasMap
    replaced: pd.DataFrame
    needles: list[Needle] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    #: Words of the scrubbed free text that may be names, not yet hidden or kept.
    candidates: list[Candidate] = field(default_factory=list)


def anonymise(
    data: Data, aliases: AliasMap, offset_days: int, options: ShareOptions | None = None
) -> Anonymised:
    """Anonymise every table of ``data``; ``aliases`` gains the new values' aliases.

    >>> from rejectkit.store.workspace import Workspace
    >>> anon = anonymise(Workspace("data/sample").read(), AliasMap(), 14)
    >>> anon.tables["applications"].loc[0, ["company", "applied_on"]].tolist()
    ['Company 01', '2026-05-18']
    """
    options = options or ShareOptions()
    # Unknown columns are dropped first: nothing below ever sees them (issue 14).
    tables, left_out = known_columns(data.tables, options.keep_columns)
    found = _identity_values(tables)
    free = _free_columns(options)
    extra = {(t, c) for t, f in tables.items() for c in f.columns if c not in TABLES[t].names}
    free |= set() if options.drop_free_text else extra
    texts = _texts(tables, free)
    found = pd.concat([found, _pattern_values(texts)], ignore_index=True)
    hide = pd.DataFrame({"kind": "person", "value": [h for h in options.hide if h.strip()]})
    found = pd.concat([found, hide.assign(date=pd.NaT)], ignore_index=True)
    _assign(aliases, found)

    literals = _literals(
        aliases, found, drop_places=options.drop_locations, ordinary=_lower_words(texts)
    )

    def pattern_alias(kind: str, text: str) -> str:
        return aliases.alias(kind, pattern_key(kind, text)) or f"[{kind}]"

    scrubber = Scrubber(
        literals, pattern_alias=pattern_alias, shift=DateShift(offset_days, months=options.months)
    )
    roles = tables["applications"]["role"]
    naming = [role for role in pd.unique(roles) if scrubber.names_something(role)]
    if naming:
        role_dates = _first_dates(tables["applications"], "role", naming)
        aliases.assign("role", role_dates)

    out: dict[str, pd.DataFrame] = {}
    counts: dict[tuple[str, str], int] = {}
    for name, frame in tables.items():
        frame = frame.copy()
        for column in TABLES[name].columns:
            col, key = column.name, (name, column.name)
            if column.kind == "date":
                frame[col] = _shift(frame[col], offset_days, options.months)
            elif key in _IDENTITY:
                frame[col] = _alias_column(frame[col], _IDENTITY[key], aliases, options, counts)
            elif key == _ROLE:
                frame[col] = _alias_column(frame[col], "role", aliases, options, counts)
            elif key in free:
                frame[col] = _map_unique(frame[col], scrubber.scrub)
            elif column.kind in ("key", "touchpoint", "touchpoints"):
                # Your own touchpoint's key may hold a name (issue 14).
                frame[col] = _map_unique(frame[col], lambda k: _key(scrubber.scrub(k), k))
            elif column.kind == "text" and _is_prose(name, col):
                frame[col] = np.where(frame[col] != "", _NOT_SHARED, "") if col == "change" else ""
        for col in [c for c in frame.columns if (name, c) in extra]:
            frame[col] = _map_unique(frame[col], scrubber.scrub) if (name, col) in free else ""
        out[name] = frame.astype("str")
    for (kind, value), n in scrubber.counts.items():
        value = pattern_key(kind, value)
        key = (kind, normal(value))
        if kind in KINDS:
            counts[key] = counts.get(key, 0) + n
    replaced = _replaced(aliases, counts, options)
    role_words = {fold(w) for role in pd.unique(roles) for w in _WORD.findall(role)}
    found_names = gather(out, free | {_ROLE}, _lower_words(texts), role_words)
    return Anonymised(
        out,
        aliases,
        replaced,
        _needles(found, literals),
        left_out,
        unreviewed(found_names, options),
    )


def _key(scrubbed: str, key: str) -> str:
    return key if scrubbed == key else re.sub(r"[^\w;]+", "_", scrubbed).casefold()


def _identity_values(tables) -> pd.DataFrame:
    parts = []
    for (name, column), kind in _IDENTITY.items():
        frame = tables[name]
        parts.append(
            pd.DataFrame({"kind": kind, "value": frame[column], "date": _dates(frame, name)})
        )
    found = pd.concat(parts, ignore_index=True)
    found = found[found["value"].str.strip() != ""]
    return pd.concat([found, _domains(found)], ignore_index=True)


def _domains(found: pd.DataFrame) -> pd.DataFrame:
    emails = found[(found["kind"] == "email") & found["value"].str.contains("@", regex=False)]
    domains = emails.assign(
        kind="domain", value=emails["value"].str.extract(r"@([^@]*)$", expand=False).str.strip()
    )
    return domains[~domains["value"].str.casefold().isin(PUBLIC_DOMAINS) & (domains["value"] != "")]


def _dates(frame: pd.DataFrame, name: str) -> pd.Series:
    column = _ROW_DATE.get(name)
    if column is None:
        return pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    return pd.to_datetime(frame[column], format="%Y-%m-%d", errors="coerce")


def _free_columns(options: ShareOptions) -> set[tuple[str, str]]:
    return {
        (t.name, c.name)
        for t in TABLES.values()
        for c in t.columns
        if c.kind == "text"
        and (t.name, c.name) not in _IDENTITY
        and (t.name, c.name) != _ROLE
        and not (options.drop_free_text and _is_prose(t.name, c.name))
    }


def _is_prose(table: str, column: str) -> bool:
    return column in _PROSE or (table, column) in _PROSE_OF


def _texts(tables, free) -> pd.DataFrame:
    """Every distinct free text with the earliest date of a row holding it."""
    parts = [
        pd.DataFrame({"text": tables[name][col], "date": _dates(tables[name], name)})
        for name, col in sorted(free)
    ]
    texts = pd.concat(parts, ignore_index=True)
    texts = texts[texts["text"].str.strip() != ""]
    return texts.groupby("text", sort=False, as_index=False)["date"].min()


def _pattern_values(texts: pd.DataFrame) -> pd.DataFrame:
    # Links, emails, street addresses and phone numbers are found per distinct text (a regex
    # and the phone matcher cannot run on a whole column at once); only texts with a digit,
    # an @, a dot or a spelled-out "dot" can hold one.
    maybe = texts[texts["text"].str.contains(r"[\d@.]|\bdot\b", regex=True, case=False)]
    rows = [
        (kind, pattern_key(kind, value), when, value)
        for text, when in zip(maybe["text"], maybe["date"], strict=True)
        for kind, value in patterns_in(text)
    ]
    # ``raw``: a phone number or an email address as written (the alias map keeps one
    # spelling: E.164, name@domain).
    found = pd.DataFrame(rows, columns=["kind", "value", "date", "raw"])
    found = pd.concat([found, _domains(found)], ignore_index=True)
    return found.astype({"kind": "str", "value": "str", "raw": "str"})


def _assign(aliases: AliasMap, found: pd.DataFrame) -> None:
    """New values get aliases in the order they first appear in your log, then by value."""
    found = found.assign(key=found["value"].map(normal))
    first = found.groupby(["kind", "key"], as_index=False).agg(
        value=("value", "first"), date=("date", "min")
    )
    first = first.sort_values(["date", "key"], na_position="last", kind="stable")
    for kind in KINDS:
        aliases.assign(kind, first.loc[first["kind"] == kind, "value"])


def _first_dates(frame: pd.DataFrame, column: str, values) -> list[str]:
    rows = frame[frame[column].isin(values)].assign(date=_dates(frame, "applications"))
    rows = rows.assign(key=rows[column].map(normal))
    order = rows.groupby("key", as_index=False).agg(value=(column, "first"), date=("date", "min"))
    return order.sort_values(["date", "key"], na_position="last")["value"].tolist()


def _lower_words(texts: pd.DataFrame) -> frozenset[str]:
    """The words your free text writes in lower case: ordinary words to you ("analytics")."""
    words = set()
    for text in texts["text"]:
        words.update(fold(w) for w in _WORD.findall(text) if w.islower())
    return frozenset(words)


def _literals(
    aliases: AliasMap, found: pd.DataFrame, *, drop_places: bool, ordinary: frozenset[str]
) -> dict:
    """normal form -> (kind, full value, alias) for everything free text may mention; the
    ``spelled`` attribute keeps each as first written, for the leak scan's report."""
    literals = _Literals()

    def add(text: str, kind: str, value: str, alias: str) -> None:
        if text.strip() and normal(text) not in literals:
            literals[normal(text)] = (kind, value, alias)
            literals.spelled[normal(text)] = " ".join(text.split())

    # Full values first: a part never takes the place of a whole value it equals.
    for kind in ("company", "contact", "person", "place", "address", "email", "domain", "link"):
        for value in aliases.values(kind):
            alias = (
                _DROPPED_PLACE if kind == "place" and drop_places else aliases.alias(kind, value)
            )
            add(value, kind, value, alias)
    for kind in ("contact", "person"):
        for value in aliases.values(kind):
            for part in _name_parts(value):
                add(part, kind, value, aliases.alias(kind, value))
    common = common_words()
    for value in aliases.values("company"):
        words = value.split()
        alias = aliases.alias("company", value)
        if len(words) > 1 and len(words[0]) >= 4 and words[0][0].isalpha():
            add(words[0], "company", value, alias)
        # A later word names it too ("Söhne" of "Müller & Söhne", issue 14), unless it is a
        # legal form, a word any organisation uses, one of the kit's own words or one your
        # notes write in lower case ("analytics", "games").
        for word in words[1:]:
            word, key = word.strip(".,;:()[]&+"), letters(word)
            if len(key) >= 4 and not (key in GENERIC or key in ordinary or is_common(word, common)):
                add(word, "company", value, alias)
    for value in aliases.values("email"):
        local = value.rpartition("@")[0]
        if len(local) >= 3:
            add(local, "email", value, aliases.alias("email", value))
    return literals


class _Literals(dict):
    def __init__(self):
        super().__init__()
        self.spelled: dict[str, str] = {}


def _name_parts(name: str) -> list[str]:
    words = name.replace("-", " ").split() + [w for w in name.split() if "-" in w]
    return [w.strip(".,") for w in words if len(w.strip(".,")) >= 3]


def _alias_column(series, kind, aliases: AliasMap, options: ShareOptions, counts) -> pd.Series:
    keys = series.map(normal)
    for key, n in keys[keys != ""].value_counts().items():
        counts[(kind, key)] = counts.get((kind, key), 0) + int(n)
    if kind == "place" and options.drop_locations:
        return pd.Series("", index=series.index, dtype="str")
    mapped = _map_unique(series, lambda v: aliases.alias(kind, v) or v)
    return mapped.where(series.str.strip() != "", "")


def _map_unique(series: pd.Series, func) -> pd.Series:
    unique = pd.unique(series)
    return series.map(dict(zip(unique, map(func, unique), strict=True))).astype("str")


def _shift(series: pd.Series, offset_days: int, months: bool) -> pd.Series:
    days = pd.to_datetime(series, format="%Y-%m-%d", errors="coerce") + pd.Timedelta(
        days=offset_days
    )
    text = days.dt.strftime("%Y-%m-01" if months else "%Y-%m-%d")
    return text.where(days.notna(), series).astype("str")


def _replaced(aliases: AliasMap, counts, options: ShareOptions) -> pd.DataFrame:
    entries = aliases.entries()
    entries = entries.assign(
        count=[
            counts.get((k, normal(v)), 0)
            for k, v in zip(entries["kind"], entries["value"], strict=True)
        ]
    )
    if options.drop_locations:
        entries.loc[entries["kind"] == "place", "alias"] = _DROPPED_PLACE
    # Names you asked to hide are listed even where the log never mentions them.
    return entries[(entries["count"] > 0) | (entries["kind"] == "person")].reset_index(drop=True)


def _needles(found: pd.DataFrame, literals: dict) -> list[Needle]:
    """Every full value and every part the scrubber replaces, for the leak scan."""
    words = common_words()
    needles = {}
    for text, (kind, value, _alias) in literals.items():
        if normal(value) != text:
            kind = {
                "contact": "contact part",
                "person": "person part",
                "company": "company word",
                "email": "email name",
            }.get(kind, kind)
        spelled = literals.spelled.get(text, text)
        needles[text] = Needle(_KIND_WORDS[kind], spelled, everywhere=not is_common(text, words))
    # Phone numbers as written, besides their one spelling in the alias map.
    for kind in ("phone", "email"):
        rows = found[found["kind"] == kind]
        for value in [*rows["value"], *rows["raw"].dropna()]:
            needles.setdefault(normal(value), Needle(_KIND_WORDS[kind], value))
    return list(needles.values())
