"""A canary workspace for the share tests: distinctive fake names, emails, phone numbers, links
and organisations planted in every field and in free text in several forms.

Every distinctive word has eight letters or more, so that the independent leak check below can
search every byte of a bundle (pictures' base64 included) without a chance match.

``leaks(folder)`` is the tests' own search, written apart from rejectkit.sharing.leakscan so that a bug
there cannot hide a leak: plain substring search of each planted value in each encoding.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from urllib.parse import quote, quote_plus

from rejectkit.store.location import init_workspace
from rejectkit.store.workspace import Workspace

COMPANIES = ["Quillfeather Dynamics", "Zorbanex Holdings", "Vantablue Robotics Ltd"]
ORGANISATION = "Glimmerstone Partners"
CONTACTS = ["Ottoline Brackwater", "Fenwickson Zarathustra", "Xanthippa Mulberrington-Quedgeley"]
EMAILS = [
    "ottoline.brackwater@quillfeather.example",
    "fenwickson.zarathustra@zorbanex.example",
    "xanthippa.mulberrington@glimmerstone.example",
]
PLACES = ["Kettlewickham", "Droitmarsh"]
PHONES = ["+44 20 7946 0321", "(555) 010-9999", "030 9018207"]
LINKS = [
    "https://careers.quillfeather.example/jobs/4471?ref=brackwater",
    "www.zorbanex.example/team",
]
HIDE = ("Marguerite Pemberwick",)
ROLE = "Analyst for Quillfeather Dynamics"

# What must never appear in a bundle: the full values, and the parts the kit promises to
# scrub (each name part, an organisation's first word, the name before the @, the domain).
PLANTED = {
    "company": [*COMPANIES, ORGANISATION, "Quillfeather", "Zorbanex", "Vantablue", "Glimmerstone"],
    "contact": [
        *CONTACTS,
        "Ottoline",
        "Brackwater",
        "Fenwickson",
        "Zarathustra",
        "Xanthippa",
        "Mulberrington",
        "Quedgeley",
    ],
    "email": [
        *EMAILS,
        "ottoline.brackwater",
        "fenwickson.zarathustra",
        "xanthippa.mulberrington",
        "quillfeather.example",
        "zorbanex.example",
        "glimmerstone.example",
    ],
    "place": PLACES,
    "phone": [*PHONES, "+442079460321", "5550109999"],
    "link": LINKS,
    "hidden": [*HIDE, "Marguerite", "Pemberwick"],
    "role": [ROLE],
}

NOTES = [
    # upper case, possessive, split across a line, inside an email, in a link, a phone number
    "QUILLFEATHER DYNAMICS were late; Ottoline's questions were sharp. Call +44 20 7946 0321.",
    "Zorbanex's panel asked about Vantablue\nRobotics Ltd; wrote to "
    "ottoline.brackwater@quillfeather.example after.",
    "Job ad: https://careers.quillfeather.example/jobs/4471?ref=brackwater, team page "
    "www.zorbanex.example/team, cell (555) 010-9999",
    "BRACKWATER said Marguerite Pemberwick (me) was too quiet; mention pemberwick's portfolio",
    "Met in Kettlewickham, office in DROITMARSH; Büro 030 9018207; Xanthippa mentioned "
    "Glimmerstone and fenwickson.zarathustra. Next round 2026-06-02.",
    '=HYPERLINK("https://evil.example/x","click")',
]


def build_canary(root: Path) -> Workspace:
    """A workspace where every field that can identify someone holds a planted value."""
    ws = init_workspace(root)
    ws.put_file(
        "touchpoints",
        b"key,label,low_hint,high_hint\n"
        b"case_study,The Quillfeather-style case study,Lost in Zorbanex Holdings data,"
        b"Explained it like Ottoline Brackwater would\n",
    )
    apps = [
        dict(company=COMPANIES[0], role=ROLE, applied_on="2026-05-04", location=PLACES[0],
             stage="final", outcome="rejected", outcome_on="2026-06-10",
             contact_name=CONTACTS[0], contact_email=EMAILS[0], notes=NOTES[0],
             source="referral from Xanthippa Mulberrington-Quedgeley"),
        dict(company=COMPANIES[1], role="Data Analyst", applied_on="2026-05-11",
             location=PLACES[1], stage="interview", outcome="rejected",
             outcome_on="2026-06-01", contact_name=CONTACTS[1], contact_email=EMAILS[1],
             notes=NOTES[1], source="LinkedIn"),
        dict(company=COMPANIES[2], role="BI Analyst", applied_on="2026-05-20",
             location=PLACES[0], stage="offer", outcome="offer", outcome_on="2026-07-15",
             contact_name=CONTACTS[2], contact_email=EMAILS[2], notes=NOTES[2], source=""),
        dict(company=COMPANIES[0].upper(), role="Senior Analyst", applied_on="2026-06-01",
             location="", stage="applied", outcome="ghosted", outcome_on="", notes=NOTES[5]),
        dict(company="quillfeather dynamics", role="Analyst", applied_on="2026-06-08",
             location=PLACES[1], stage="screening", outcome="rejected", outcome_on="2026-06-20",
             notes="-- phone screen only"),
    ]  # fmt: skip
    ids = ws.add_many("applications", apps)
    rounds = [
        (ids[0], "2026-05-18", "phone screen with Ottoline", "advanced"),
        (ids[0], "2026-05-29", "final at Quillfeather Dynamics HQ", "rejected"),
        (ids[1], "2026-05-25", "panel", "rejected"),
        (ids[2], "2026-06-03", "first", "advanced"),
        (ids[2], "2026-06-17", "second", "advanced"),
        (ids[2], "2026-07-01", "final", "offer"),
        (ids[4], "2026-06-15", "screen", "rejected"),
    ]
    interview_ids = ws.add_many(
        "interviews",
        [
            dict(application_id=a, held_on=on, round=r, format="video", result=res,
                 went_well=NOTES[i % 5], do_differently=NOTES[(i + 3) % 5])
            for i, (a, on, r, res) in enumerate(rounds)
        ],
    )  # fmt: skip
    keys = [
        "first_interaction",
        "first_impression",
        "tell_me_about_yourself",
        "behavioural_questions",
        "company_research",
        "industry_questions",
        "out_of_the_box_questions",
        "your_questions",
        "thanking_interviewers",
        "body_language_and_tone",
        "case_study",
    ]
    for n, interview_id in enumerate(interview_ids):
        ws.replace(
            "reviews",
            {"interview_id": interview_id},
            [
                dict(touchpoint=k, score="" if (n + j) % 7 == 6 else str(1 + (n * 3 + j * 2) % 5),
                     keep_doing=NOTES[(n + j) % 5] if j == 2 else "",
                     do_differently=NOTES[(n + j + 1) % 6] if j == 4 else "")
                for j, k in enumerate(keys)
            ],
        )  # fmt: skip
    ws.add_many(
        "feedback",
        [
            dict(application_id=ids[0], requested_on="2026-06-11", received_on="2026-06-18",
                 went_well="Fenwickson Zarathustra liked the case study",
                 to_improve=NOTES[3], touchpoints="company_research;case_study"),
            dict(application_id=ids[1], requested_on="2026-06-02", received_on="",
                 went_well="", to_improve="", touchpoints=""),
        ],
    )  # fmt: skip
    contact_ids = ws.add_many(
        "contacts",
        [
            dict(application_id=ids[0], name=CONTACTS[0], organisation=COMPANIES[0],
                 email=EMAILS[0], last_contact_on="2026-06-18", next_contact_on="2026-09-16",
                 cadence_days="90", notes="Ottoline prefers +44 20 7946 0321"),
            dict(application_id="", name=CONTACTS[2], organisation=ORGANISATION,
                 email=EMAILS[2], last_contact_on="2026-07-20", next_contact_on="",
                 cadence_days="", notes="@Xanthippa on the Glimmerstone Slack"),
        ],
    )  # fmt: skip
    ws.add_many(
        "changes",
        [
            dict(changed_on="2026-06-05", touchpoint="company_research",
                 change="Read Zorbanex-style annual reports before each interview"),
            dict(changed_on="2026-06-12", touchpoint="case_study",
                 change="+ practise case studies the Brackwater way"),
        ],
    )  # fmt: skip
    ws.add_many(
        "messages",
        [
            dict(application_id=ids[0], contact_id=contact_ids[0], kind="thank_you",
                 tone="warm", to_name=CONTACTS[0], to_email=EMAILS[0],
                 subject="Thank you, Ottoline", sent_on="2026-05-30"),
            dict(application_id=ids[1], contact_id="", kind="rejection_reply", tone="brief",
                 to_name=CONTACTS[1], to_email=EMAILS[1],
                 subject="Zorbanex Holdings: thank you", sent_on="2026-06-02"),
        ],
    )  # fmt: skip
    return ws


def _forms(value: str) -> set[str]:
    words = value.split()
    joins = [" ", "\n", "\\n", "%20", "+", "&nbsp;", "  "]
    spelled = {j.join(words) for j in joins}
    out = set()
    for v in spelled:
        escaped = html.escape(v)
        out |= {
            v,
            escaped,
            html.escape(v, quote=False),
            escaped.replace("&#x27;", "&#39;"),
            quote(v),
            quote(v, safe=""),
            quote_plus(v),
            json.dumps(v)[1:-1],
            json.dumps(v, ensure_ascii=False)[1:-1],
        }
    return {f.casefold() for f in out}


def leaks(folder: Path) -> list[tuple[str, str, str]]:
    """(file, kind, value) for every planted value found anywhere in ``folder``, in any case
    and any of the encodings a bundle uses."""
    found = []
    files = [p for p in Path(folder).rglob("*") if p.is_file()]
    texts = {p: p.read_bytes().decode("utf-8", errors="replace").casefold() for p in files}
    for kind, values in PLANTED.items():
        for value in values:
            forms = _forms(value)
            for path, text in texts.items():
                if any(f in text for f in forms):
                    found.append((str(path.relative_to(folder)), kind, value))
    return found
