"""The data format: which CSV files a workspace holds, their columns, and the touchpoints.

This module is the single source of truth for the format documented in the README
("The data format"); a test checks that the README lists every column defined here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "FORMATS",
    "HOW",
    "META",
    "OUTCOMES",
    "RESULTS",
    "STAGES",
    "TABLES",
    "TOUCHPOINTS",
    "Column",
    "Table",
    "Touchpoint",
]

# The kit's own files in a workspace (history, backups, lock, journal) live in this folder.
META = ".rejectkit"

STAGES = ("applied", "screening", "interview", "final", "offer")
OUTCOMES = ("open", "offer", "rejected", "withdrawn", "ghosted")
FORMATS = ("phone", "video", "onsite", "other")
RESULTS = ("pending", "advanced", "rejected", "offer", "withdrew")
# How one interview question went (questions.csv): a gap is what to rehearse next.
HOW = ("strong", "solid", "gap")


@dataclass(frozen=True)
class Touchpoint:
    """One moment of an interview process that the user rates from 1 to 5."""

    key: str
    label: str
    low: str = ""
    high: str = ""
    builtin: bool = True


TOUCHPOINTS = (
    Touchpoint(
        "first_interaction",
        "Your first interaction with the organisation",
        "Late, generic or unprepared first contact",
        "Prompt, personal and clearly interested from the first message",
    ),
    Touchpoint(
        "first_impression",
        "Your first impression with the interview panel",
        "Flustered or late, a weak start",
        "On time, calm, warm greeting and a confident start",
    ),
    Touchpoint(
        "tell_me_about_yourself",
        'The "Tell me about yourself" question',
        "Rambling life story with no link to the role",
        "A crisp story of past, present and why this role",
    ),
    Touchpoint(
        "behavioural_questions",
        "The behavioural questions",
        "Vague answers without a concrete example",
        "Specific examples with situation, action and result",
    ),
    Touchpoint(
        "company_research",
        "Your research about the organisation",
        "Knew little beyond the job advert",
        "Knew the products, news and values and used them in answers",
    ),
    Touchpoint(
        "industry_questions",
        "The industry-specific questions",
        "Could not answer the technical or industry questions",
        "Answered with depth and current knowledge of the field",
    ),
    Touchpoint(
        "out_of_the_box_questions",
        "The out-of-the-box questions",
        "Froze or gave up on the unexpected question",
        "Thought aloud calmly and reached a sensible answer",
    ),
    Touchpoint(
        "your_questions",
        "The questions you asked the interviewer",
        "No questions, or only about pay and holidays",
        "Thoughtful questions about the team, the work and success",
    ),
    Touchpoint(
        "thanking_interviewers",
        "How you thanked the interviewers",
        "No thanks, or a generic note days later",
        "A personal thank-you the same day that recalls the conversation",
    ),
    Touchpoint(
        "body_language_and_tone",
        "Your overall body language and tone of voice",
        "Closed posture, rushed or monotone voice",
        "Open posture, eye contact, steady pace and warm tone",
    ),
)


@dataclass(frozen=True)
class Column:
    """One column of a workspace file.

    ``kind`` says how a cell is checked: ``text`` (anything), ``id`` (an id this table
    assigns), ``ref`` (an id of ``ref``), ``date`` (ISO ``YYYY-MM-DD``), ``choice``
    (one of ``choices``), ``score`` (integer 1 to 5), ``count`` (positive integer),
    ``touchpoint`` (a touchpoint key), ``touchpoints`` (keys separated by ``;``) and
    ``key`` (a new touchpoint key, lower-case letters, digits and ``_``).
    """

    name: str
    kind: str = "text"
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str | None = None
    doc: str = ""


@dataclass(frozen=True)
class Table:
    """One CSV file of a workspace."""

    name: str
    columns: tuple[Column, ...]
    id_prefix: str | None = None
    # The columns whose values together must be unique (the id, or a pair for reviews).
    key: tuple[str, ...] = ("id",)
    doc: str = ""
    # Pairs of date columns (start, end) where the end may not come before the start.
    ordered_dates: tuple[tuple[str, str], ...] = field(default=())

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def _c(name, kind="text", required=False, choices=(), ref=None, doc=""):
    return Column(name, kind, required, tuple(choices), ref, doc)


# Order matters: a table only refers to tables listed before it, so loading in this
# order can check every reference in one pass.
TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "touchpoints",
            (
                _c("key", "key", True, doc="your own touchpoint key, like technical_test"),
                _c("label", "text", True, doc="the full sentence shown in forms and charts"),
                _c("low_hint", doc="what a 1 looks like"),
                _c("high_hint", doc="what a 5 looks like"),
            ),
            key=("key",),
            doc="touchpoints of your own, rated alongside the ten (optional file)",
        ),
        Table(
            "applications",
            (
                _c("id", "id", True),
                _c("company", required=True),
                _c("role", required=True),
                _c("applied_on", "date", True),
                _c("source", doc="where you found the job: LinkedIn, referral, ..."),
                _c("location"),
                _c("stage", "choice", True, STAGES, doc="the furthest stage reached"),
                _c("outcome", "choice", True, OUTCOMES),
                _c("outcome_on", "date", doc="the date of the outcome"),
                _c("contact_name"),
                _c("contact_email"),
                _c("notes"),
            ),
            id_prefix="A",
            doc="one row per job you applied for",
            ordered_dates=(("applied_on", "outcome_on"),),
        ),
        Table(
            "interviews",
            (
                _c("id", "id", True),
                _c("application_id", "ref", True, ref="applications"),
                _c("held_on", "date", True),
                _c("round", doc='free text, such as "phone screen"'),
                _c("format", "choice", False, FORMATS),
                _c("result", "choice", True, RESULTS),
                _c("went_well"),
                _c("do_differently"),
            ),
            id_prefix="I",
            doc="one row per interview round",
        ),
        Table(
            "reviews",
            (
                _c("interview_id", "ref", True, ref="interviews"),
                _c("touchpoint", "touchpoint", True),
                _c("score", "score", doc="1 to 5; empty means not applicable"),
                _c("keep_doing"),
                _c("do_differently"),
            ),
            key=("interview_id", "touchpoint"),
            doc="your self-rating of one touchpoint in one interview",
        ),
        Table(
            "feedback",
            (
                _c("id", "id", True),
                _c("application_id", "ref", True, ref="applications"),
                _c("requested_on", "date"),
                _c("received_on", "date"),
                _c("went_well"),
                _c("to_improve"),
                _c("touchpoints", "touchpoints", doc="touchpoint keys, separated by ;"),
            ),
            id_prefix="F",
            doc="feedback you asked for and received",
            ordered_dates=(("requested_on", "received_on"),),
        ),
        Table(
            "contacts",
            (
                _c("id", "id", True),
                _c("application_id", "ref", ref="applications"),
                _c("name", required=True),
                _c("organisation"),
                _c("email"),
                _c("last_contact_on", "date"),
                _c("next_contact_on", "date"),
                _c("cadence_days", "count", doc="days between check-ins, 90 if empty"),
                _c("notes"),
            ),
            id_prefix="C",
            doc="people to keep warm",
        ),
        Table(
            "changes",
            (
                _c("id", "id", True),
                _c("changed_on", "date", True),
                _c("touchpoint", "touchpoint", True),
                _c("change", required=True, doc="what you now do differently"),
            ),
            id_prefix="S",
            doc="your strategy log",
        ),
        Table(
            "messages",
            (
                _c("id", "id", True),
                _c("application_id", "ref", ref="applications"),
                _c("contact_id", "ref", ref="contacts"),
                _c(
                    "kind",
                    "choice",
                    True,
                    (
                        "rejection_reply",
                        "feedback_request",
                        "thank_you",
                        "keep_warm",
                        "feedback_nudge",
                    ),
                ),
                _c("tone", doc="brief, warm, formal, or a tone of your own templates"),
                _c("to_name"),
                _c("to_email"),
                _c("subject"),
                _c("sent_on", "date", True),
            ),
            id_prefix="M",
            doc="the messages you marked as sent (the sent log)",
        ),
        Table(
            "stories",
            (
                _c("id", "id", True),
                _c("title", required=True, doc="a short name you recognise the story by"),
                _c("situation"),
                _c("task"),
                _c("action"),
                _c("result"),
                _c("skills", doc="the skills it shows, separated by ;"),
                _c("touchpoints", "touchpoints", doc="touchpoint keys it answers, separated by ;"),
            ),
            id_prefix="T",
            doc="your story bank: examples told in the STAR shape",
        ),
        Table(
            "questions",
            (
                _c("id", "id", True),
                _c("interview_id", "ref", True, ref="interviews"),
                _c("question", required=True, doc="the question as you remember it"),
                _c("kind", "touchpoint", True, doc="the touchpoint it belongs to"),
                _c("how", "choice", False, HOW, doc="how your answer went"),
                _c("story_id", "ref", ref="stories", doc="the story you told, if any"),
                _c("note"),
            ),
            id_prefix="Q",
            doc="the questions asked in one interview, and how each went",
        ),
    )
}
