"""The question log and the story bank: guessing a question's kind, reading a question typed on
the command line, saving an interview's questions (inside the review's own transaction) and
saving a story.

No widget here: the review form, the story form and ``rejectkit review --question`` call the
same functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ..errors import ConflictError, RecordError
from ..store.schema import HOW
from .saved import Saved, changed_fields

__all__ = [
    "KIND_RULES",
    "guess_kind",
    "question_from_text",
    "questions_of",
    "save_story",
    "sync_questions",
]

QUESTION_FIELDS = ("question", "kind", "how", "story_id", "note")
STORY_FIELDS = ("title", "situation", "task", "action", "result", "skills", "touchpoints")

# First match wins, so the narrow phrasings come before the broad ones: "tell me about
# yourself" before "tell me about a time", "questions for us" before any other question.
# Hand-written rather than a classifier: a dozen phrasings cover what interviewers ask, and a
# rule the user can read explains each guess (the guess is only a default in the form).
KIND_RULES: tuple[tuple[str, str], ...] = (
    (r"\babout yourself\b|\bintroduce yourself\b|\bwalk (me|us) through your (cv|background|"
     r"career)\b|\bwhy are you (looking|leaving|moving)\b", "tell_me_about_yourself"),
    (r"\bquestions? (for|to ask) (me|us|the panel)\b|\bany questions\b|\bquestions do you have\b",
     "your_questions"),
    (r"\btake[- ]home\b|\bcase study\b|\btechnical test\b|\bcoding\b|\b(sql|python) "
     r"(task|test|exercise)\b|\bexercise\b|\bassignment\b", "technical_test"),
    (r"\ba time (when )?you\b|\bdescribe a (time|situation)\b|\bgive (me |us )?an example\b|"
     r"\bexample of\b|\bhow did you (handle|deal)\b|\bconflict\b|\bdisagree|\bwent wrong\b|"
     r"\b(did not|didn't) go\b|\bproject that\b|\b(a|your) (failure|mistake)\b",
     "behavioural_questions"),
    (r"\b(know|heard) about (us|our)\b|\bwhy (do you want to )?(work|join)\b|\bwhy us\b|"
     r"\bour (products?|values|mission|customers|services)\b", "company_research"),
    (r"\bhow many\b|\bestimate\b|\bif you were an?\b|\bwould you rather\b|\bbrain ?teaser\b",
     "out_of_the_box_questions"),
    (r"\btrends?\b|\bmarket\b|\bregulat|\bindustry\b|\bsector\b|\bexperience with\b|"
     r"\bmetrics?\b|\btools?\b", "industry_questions"),
)  # fmt: skip
_RULES = [(re.compile(p, re.I), key) for p, key in KIND_RULES]
_STORY_ID = re.compile(r"T\d+", re.I)


def guess_kind(question: str, touchpoints: Iterable[str]) -> str | None:
    """The touchpoint a question most likely belongs to, or None when no rule fits.

    A touchpoint of your own is guessed when the question names it (``technical_test`` for
    "the technical test"); a rule whose touchpoint you do not have is skipped.

    >>> keys = ["tell_me_about_yourself", "behavioural_questions", "industry_questions"]
    >>> guess_kind("So, tell us about yourself", keys)
    'tell_me_about_yourself'
    >>> guess_kind("Walk us through the take-home", keys) is None
    True
    """
    known = list(touchpoints)
    text = " ".join(question.split())
    for pattern, key in _RULES:
        if key in known and pattern.search(text):
            return key
    folded = text.casefold()
    for key in known:
        words = key.replace("_", " ")
        if len(words) > 3 and words in folded:
            return key
    return None


def question_from_text(
    text: str, touchpoints: Iterable[str], story_ids: Iterable[str] = ()
) -> dict[str, str]:
    """A questions.csv row from ``"QUESTION | gap | T0002 | behavioural_questions | note: ..."``.

    After the question, the parts may come in any order: how it went (strong, solid, gap), a
    story id, a touchpoint key (else guessed from the question) and ``note: TEXT``.

    >>> question_from_text("Tell me about a conflict | gap | T0002",
    ...     ["behavioural_questions"], ["T0002"])  # doctest: +NORMALIZE_WHITESPACE
    {'question': 'Tell me about a conflict', 'kind': 'behavioural_questions', 'how': 'gap',
     'story_id': 'T0002', 'note': ''}
    """
    known, stories = list(touchpoints), {s.upper() for s in story_ids}
    question, *parts = (p.strip() for p in text.split("|"))
    row = {"question": question, "kind": "", "how": "", "story_id": "", "note": ""}
    if not question:
        raise RecordError("questions", {"--question": f"{text!r} has no question before the |"})
    for part in filter(None, parts):
        low = part.casefold()
        if low in HOW:
            row["how"] = low
        elif part in known:
            row["kind"] = part
        elif low.startswith("note:"):
            row["note"] = part[5:].strip()
        elif _STORY_ID.fullmatch(part):
            if part.upper() not in stories:
                raise RecordError(
                    "questions",
                    {"story_id": f"{part!r} is not in stories.csv; the stories are "
                                 f"{', '.join(sorted(stories)) or 'none yet'}"},
                )  # fmt: skip
            row["story_id"] = part.upper()
        else:
            raise RecordError(
                "questions",
                {"--question": f"{part!r} in {text!r} is none of: how it went "
                               f"({', '.join(HOW)}), a story id (T0001), a touchpoint key "
                               f"({', '.join(known)}) or 'note: TEXT'"},
            )  # fmt: skip
    if not row["kind"]:
        row["kind"] = guess_kind(question, known) or ""
    if not row["kind"]:
        raise RecordError(
            "questions",
            {"kind": f"could not be guessed from {question!r}; add the touchpoint key after a "
                     f"|, one of {', '.join(known)}"},
        )  # fmt: skip
    return row


def questions_of(ws, iid: str) -> list[dict[str, str]]:
    """The questions.csv rows of interview ``iid`` as the open transaction sees them."""
    frame = ws.current("questions")
    mine = frame.loc[frame["interview_id"] == iid]
    return [{k: str(v) for k, v in r.items()} for r in mine.to_dict("records")]


def sync_questions(
    ws,
    iid: str,
    questions: Iterable[Mapping[str, str]],
    *,
    expected: list[Mapping[str, str]] | None = None,
) -> tuple[int, list[str]]:
    """Make ``questions`` the question log of interview ``iid``; return how many it holds and
    the ids of the stories it added.

    Call it inside a transaction (``save_review`` does): a row with an ``id`` updates that
    question, one without is added, and a question of the interview not listed is deleted. A
    row with a ``story_title`` and no ``story_id`` adds that story to the bank first.
    ``expected`` is the log as the caller loaded it; if it changed since, nothing is saved.
    """
    now = questions_of(ws, iid)
    if expected is not None and now != [dict(r) for r in expected]:
        raise ConflictError(
            f"The questions of interview {iid} in questions.csv changed since you loaded "
            "them. Nothing was saved and your values are kept: reload, then add them again."
        )
    rows = [{k: str(q.get(k, "") or "").strip() for k in ("id", *QUESTION_FIELDS)}
            for q in questions]  # fmt: skip
    # A story typed as a new title in the form joins the bank in this same save.
    titles = [str(q.get("story_title", "") or "").strip() for q in questions]
    new_stories: dict[str, str] = {}
    for row, title in zip(rows, titles, strict=True):
        if title and not row["story_id"]:
            if title not in new_stories:
                new_stories[title] = ws.add("stories", {"title": title})
            row["story_id"] = new_stories[title]
    by_id = {r["id"]: r for r in now}
    keep = {r["id"] for r in rows if r["id"]}
    for gone in [r for r in now if r["id"] not in keep]:
        ws.delete("questions", gone["id"])
    added = []
    for row in rows:
        record = {k: row[k] for k in QUESTION_FIELDS}
        if not row["id"]:
            added.append({"interview_id": iid, **record})
        elif row["id"] not in by_id:
            raise ConflictError(
                f"Question {row['id']} is not a question of interview {iid}; reload the form."
            )
        elif changes := changed_fields(by_id[row["id"]], record):
            ws.update("questions", row["id"], changes)
    if added:
        ws.add_many("questions", added)
    return len(rows), list(new_stories.values())


def save_story(
    ws,
    record: Mapping[str, str],
    *,
    story_id: str | None = None,
    expected: Mapping[str, str] | None = None,
) -> Saved:
    """Add a story to the story bank, or with ``story_id`` change it where it differs from
    ``expected`` (the story as the caller loaded it).

    >>> import shutil, tempfile
    >>> from rejectkit.store import Workspace
    >>> ws = Workspace(shutil.copytree("data/sample", tempfile.mkdtemp() + "/w"))
    >>> save_story(ws, {"title": "The late dataset", "touchpoints": "behavioural_questions"}
    ...     ).message
    'Saved story T0006: The late dataset.'
    """
    record = {k: str(record.get(k, "") or "").strip() for k in STORY_FIELDS}
    if story_id is None:
        with ws.transaction("New story") as tx:
            key = ws.add("stories", record)
            tx.message = f"Story {key}"
        return Saved(key, f"Saved story {key}: {record['title']}.", tx.op)
    changes = changed_fields(expected, record) if expected else record
    if not changes:
        return Saved(story_id, f"Nothing changed in {story_id}, so there was nothing to save.")
    with ws.transaction(f"Story {story_id}") as tx:
        ws.update("stories", story_id, changes, expected=expected)
    return Saved(story_id, f"Saved story {story_id}: changed {', '.join(changes)}.", tx.op)
