"""A canary workspace for issue 14, with names the kit's demo and the first canary never use:
accents, an apostrophe, a ``ß``, a multi-word company with ``&``, and columns the kit does not
know.

``traces(folder)`` is the tests' own search, written apart from rejectkit.sharing so that a bug
there cannot hide a leak: every file decoded (JSON escapes, HTML entities), folded its own way
(NFKD, no accents, no format characters, case-folded, apostrophes dropped, line-break hyphens
joined) and searched for each secret word as a whole word, and for the joined spellings
anywhere.
"""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata
from pathlib import Path

from rejectkit.store.location import init_workspace
from rejectkit.store.workspace import Workspace

COMPANIES = ["Zyxwv Analytics", "Müller & Söhne", "Oberkampf Logistik"]
CONTACTS = ["Siobhán O'Brien", "Haruki Nakamura", "Lotte Weiß"]
EMAILS = [
    "siobhan.obrien@zyxwv-analytics.de",
    "h.nakamura@mueller-soehne.de",
    "lotte.weiss@oberkampf.example",
]
# Columns the kit does not know, with values nothing else in the log holds.
EXTRA = {
    "applications": {
        "recruiter_mobile": "+49 151 23456789",
        "home_address": "Kastanienallee 7, 10435 Berlin",
    },
    "interviews": {"panel_names": "Yevgenia Quarrendon"},
    "contacts": {"private_note": "Dorotheenhof Kellerwald"},
}
# Whole words that must not be in a bundle, in their folded form.
SECRETS = [
    "siobhan", "obrien", "zyxwv", "muller", "mueller", "sohne", "soehne", "haruki",
    "nakamura", "hnakamura", "lotte", "weiss", "oberkampf", "kastanienallee", "10435",
    "23456789", "yevgenia", "quarrendon", "dorotheenhof", "kellerwald",
]  # fmt: skip
# Joined spellings, searched inside words too.
JOINED = ["siobhanobrien", "zyxwvanalytics", "harukinakamura", "lotteweiss"]


def build(root: Path, notes: list[str] = ()) -> Workspace:
    """Three applications with an interview, ten reviews and a contact each; ``notes`` go
    into the applications' notes (one each, cycling) and the interviews' reflections."""
    ws = init_workspace(root)
    notes = list(notes) or [""]
    apps = [
        dict(company=c, role="Data Analyst", applied_on=f"2026-0{4 + i}-0{2 + i}",
             location="Berlin", stage="offer" if i == 0 else "interview", outcome="rejected" if i else "offer",
             outcome_on=f"2026-0{5 + i}-1{i}", contact_name=CONTACTS[i],
             contact_email=EMAILS[i], notes=notes[i % len(notes)])
        for i, c in enumerate(COMPANIES)
    ]  # fmt: skip
    ids = ws.add_many("applications", apps)
    interviews = ws.add_many(
        "interviews",
        [
            dict(application_id=a, held_on=f"2026-0{5 + i}-0{1 + i}", round="panel",
                 format="video", result="advanced" if i == 0 else "rejected",
                 went_well=" ".join(notes), do_differently="")
            for i, a in enumerate(ids)
        ],
    )  # fmt: skip
    keys = [
        "first_interaction", "first_impression", "tell_me_about_yourself",
        "behavioural_questions", "company_research", "industry_questions",
        "out_of_the_box_questions", "your_questions", "thanking_interviewers",
        "body_language_and_tone",
    ]  # fmt: skip
    for n, interview in enumerate(interviews):
        ws.replace(
            "reviews",
            {"interview_id": interview},
            [dict(touchpoint=k, score=str(1 + (n + j) % 5)) for j, k in enumerate(keys)],
        )
    ws.add_many(
        "contacts",
        [
            dict(application_id=a, name=CONTACTS[i], organisation=COMPANIES[i],
                 email=EMAILS[i], last_contact_on="2026-07-01", notes="")
            for i, a in enumerate(ids)
        ],
    )  # fmt: skip
    for table, columns in EXTRA.items():
        _add_columns(ws, table, columns)
    return ws


def _add_columns(ws: Workspace, table: str, columns: dict[str, str]) -> None:
    path = ws.path / f"{table}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8"))))
    rows[0] += list(columns)
    for row in rows[1:]:
        row += list(columns.values())
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    ws.put_file(table, out.getvalue().encode("utf-8"))


_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|\\n")
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/=]{200,}")


def fold(text: str) -> str:
    """The tests' own folding (see the module docstring)."""
    text = _JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else "\n", text)
    text = html.unescape(text)
    text = "".join(
        c
        for c in unicodedata.normalize("NFKD", text)
        if unicodedata.category(c) not in ("Mn", "Cf")
    )
    text = text.casefold().replace("ı", "i")
    text = re.sub(r"['\u2018\u2019\u02bc`]", "", text)
    return re.sub(r"-[ \t]*\n\s*", "", text)


def traces(folder: Path) -> list[tuple[str, str]]:
    """``(file, secret)`` for every secret found in any file under ``folder``."""
    found = []
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        text = fold(_BASE64_RUN.sub(" ", path.read_bytes().decode("utf-8", errors="replace")))
        joined = re.sub(r"[^a-z0-9]", "", text)
        name = path.relative_to(folder).as_posix()
        found += [(name, s) for s in SECRETS if re.search(rf"(?<![a-z0-9]){s}(?![a-z0-9])", text)]
        found += [(name, s) for s in JOINED if s in joined]
    return found
