"""A mentor's comments, read back against your real records.

The mentor fills the bundle's ``mentor_notes.csv`` (``alias,comment``; the bundle lists each
organisation, contact and role alias with an empty comment): an alias (``Company 03``), a
record id (``I0004``), a touchpoint key, or nothing for a general remark. The private alias map
of your workspace (see :mod:`rejectkit.sharing.aliases`) turns each back into what it stands
for; aliases inside a comment are spelled out too.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import RejectkitError
from ..store.csvread import read_table
from ..store.schema import Column, Table
from ..store.workspace import Workspace
from .aliases import KINDS, AliasMap

__all__ = ["KEYS_FILE", "MentorNote", "format_notes", "mentor_notes"]

# Touchpoint keys of your own that the bundle writes otherwise (``rapport_person_01``).
KEYS_FILE = "share/keys.csv"

NOTES = Table(
    "mentor_notes",
    (Column("alias"), Column("comment", required=True)),
    key=(),
    doc="a mentor's comments on a shared bundle",
)
_ID = re.compile(r"^\s*([AIFCSM])(\d{4,})\s*$", re.I)
_IN_TEXT = re.compile(rf"\b(?:{'|'.join(KINDS.values())})\s+\d+\b", re.I)
_TABLE_OF = {
    "A": "applications",
    "I": "interviews",
    "F": "feedback",
    "C": "contacts",
    "S": "changes",
    "M": "messages",
}
_KIND_WORDS = {
    "company": "organisation",
    "contact": "contact",
    "person": "a name you hid",
    "role": "role",
    "place": "place",
    "address": "street address",
    "email": "email address",
    "domain": "email domain",
    "phone": "phone number",
    "link": "link",
}


@dataclass(frozen=True)
class MentorNote:
    """One comment: what the mentor wrote, and what it refers to in your own log."""

    alias: str
    comment: str
    real: str
    line: int


def mentor_notes(ws: Workspace, path: str | os.PathLike) -> list[MentorNote]:
    """The comments of a filled ``mentor_notes.csv``, each with the real record it is about.

    >>> import tempfile, pathlib
    >>> from rejectkit.store.workspace import Workspace
    >>> notes = pathlib.Path(tempfile.mkdtemp()) / "mentor_notes.csv"
    >>> _ = notes.write_text("alias,comment\\nI0001,Good start\\n")
    >>> mentor_notes(Workspace("data/sample"), notes)[0].real
    'hiring manager interview on 2026-05-20 with Northwind Analytics (Data Analyst)'
    """
    raw = read_table(Path(path), NOTES)
    if not raw.exists:
        raise RejectkitError(f"{path} does not exist; give the mentor_notes.csv you got back.")
    if raw.problems:
        listed = "\n".join(str(p) for p in raw.problems[:10])
        raise RejectkitError(
            f"{path} cannot be read as mentor notes (columns alias, comment):\n{listed}"
        )
    data = ws.read()
    aliases = AliasMap.load(ws)
    frame = raw.frame
    if "alias" not in frame.columns:
        frame = frame.assign(alias="")
    notes = []
    for alias, comment, line in zip(frame["alias"], frame["comment"], raw.lines, strict=True):
        # A row the bundle filled in (an alias) stays without a comment until the mentor
        # writes one.
        if not comment.strip():
            continue
        comment = _IN_TEXT.sub(lambda m: _spelled(m.group(), aliases), comment.strip())
        notes.append(MentorNote(alias.strip(), comment, _real(alias, aliases, data), int(line)))
    return notes


def _spelled(alias: str, aliases: AliasMap) -> str:
    found = aliases.lookup(alias)
    return f"{alias} [{found[1]}]" if found else alias


def _real(alias: str, aliases: AliasMap, data) -> str:
    alias = alias.strip()
    if not alias:
        return ""
    if found := aliases.lookup(alias):
        kind, value = found
        return f"{value} ({_KIND_WORDS[kind]})"
    if match := _ID.match(alias):
        return _record(match.group(1).upper() + match.group(2), data)
    alias = _shared_keys(data).get(alias, alias)
    if alias in {t.key for t in data.touchpoints}:
        return f"{data.label(alias)} (touchpoint)"
    return "not an alias, record or touchpoint of your log (was the bundle made elsewhere?)"


def _shared_keys(data) -> dict[str, str]:
    path = Path(data.path) / ".rejectkit" / KEYS_FILE if getattr(data, "path", None) else None
    if path is None or not path.exists():
        return {}
    lines = path.read_text("utf-8").splitlines()[1:]
    return dict(line.split(",", 1) for line in lines if "," in line)


def _record(key: str, data) -> str:
    table = data.tables[_TABLE_OF[key[0]]]
    rows = table[table["id"] == key]
    if not len(rows):
        return f"no record {key} in your log (deleted since the export?)"
    row = rows.iloc[0]
    apps = data.tables["applications"].set_index("id")

    def app(ref: str) -> str:
        if ref not in apps.index:
            return ""
        return f"{apps.at[ref, 'company']} ({apps.at[ref, 'role']})"

    prefix = key[0]
    if prefix == "A":
        return f"{row['company']} ({row['role']}), applied {row['applied_on']}"
    if prefix == "I":
        where = app(row["application_id"])
        return f"{row['round'] or 'an'} interview on {row['held_on']} with {where}"
    if prefix == "F":
        return f"feedback from {app(row['application_id'])}, received {row['received_on'] or '-'}"
    if prefix == "C":
        return f"{row['name']} ({row['organisation'] or 'no organisation'})"
    if prefix == "S":
        return f"strategy change of {row['changed_on']}: {row['change']}"
    return f"{row['kind']} message to {row['to_name'] or '-'}, sent {row['sent_on']}"


def format_notes(notes: list[MentorNote]) -> str:
    """The notes as text: each alias with what it stands for, then the comment, indented.

    >>> note = MentorNote("Company 01", "Good research", "Northwind (organisation)", 2)
    >>> print(format_notes([note]))
    Company 01 = Northwind (organisation)
        Good research
    """
    if not notes:
        return "The file holds no comments yet."
    blocks = []
    for note in notes:
        head = f"{note.alias} = {note.real}" if note.alias else "General remark"
        body = "\n".join(f"    {line}" for line in note.comment.splitlines() or [""])
        blocks.append(f"{head}\n{body}")
    return "\n".join(blocks)
