"""The saves a user makes, one function each and one transaction each, with no widget in them.

A form collects values and calls one of these; the app and the command line call the same
ones. Each returns a :class:`Saved`: the key of the record, one line for the user, and the
history entry it wrote (one entry, so one "Undo last save" takes all of it back).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..errors import ConflictError, RecordError
from ..store.schema import STAGES
from .saved import Saved, changed_fields
from .stories import sync_questions

__all__ = [
    "Saved",
    "changed_fields",
    "ratings_from_text",
    "save_application",
    "save_feedback",
    "save_review",
    "save_strategy_change",
]

INTERVIEW_FIELDS = ("application_id", "held_on", "round", "format", "result", "went_well",
                    "do_differently")  # fmt: skip


def save_review(
    ws,
    interview: Mapping[str, str],
    ratings: Iterable[Mapping[str, str]],
    *,
    interview_id: str | None = None,
    final: bool = False,
    expected: Mapping[str, str] | None = None,
    expected_ratings: list[Mapping[str, str]] | None = None,
    questions: Iterable[Mapping[str, str]] | None = None,
    expected_questions: list[Mapping[str, str]] | None = None,
) -> Saved:
    """Save an interview, its touchpoint ratings, its questions and the application's stage,
    all or nothing: one history entry, one undo.

    ``interview`` holds the fields of interviews.csv; ``ratings`` one row per touchpoint
    (``touchpoint``, ``score`` 1-5 or "" for not applicable, ``keep_doing``,
    ``do_differently``). With ``interview_id`` the interview is edited and its ratings are
    replaced; ``expected`` and ``expected_ratings`` are them as the caller loaded them, so an
    edit made meanwhile in another program is refused rather than overwritten. The stage
    moves forward (never back) to ``offer`` when the result is an offer, ``final`` when
    ``final`` is set, otherwise ``interview``. ``questions`` (questions.csv rows: ``question``,
    ``kind``, ``how``, ``story_id``, ``note``, and ``id`` for one already saved) become the
    interview's question log (see :func:`~rejectkit.records.stories.sync_questions`); None
    leaves the log as it is.

    >>> import shutil, tempfile
    >>> from rejectkit.store import Workspace
    >>> ws = Workspace(shutil.copytree("data/sample", tempfile.mkdtemp() + "/w"))
    >>> saved = save_review(ws, {"application_id": "A0003", "held_on": "2026-11-20",
    ...     "result": "pending"}, [{"touchpoint": "company_research", "score": "4"}])
    >>> saved.message
    'Saved interview I0016 with 1 touchpoint. Application A0003 is now at the interview stage.'
    """
    record = {k: str(interview.get(k, "") or "").strip() for k in INTERVIEW_FIELDS}
    ratings = [dict(r) for r in ratings]
    app_id = record["application_id"]
    target = "offer" if record["result"] == "offer" else "final" if final else "interview"
    with ws.transaction(f"Review of interview {interview_id or 'new'}") as tx:
        if interview_id is None:
            iid = ws.add("interviews", record)
            tx.message = f"Review of interview {iid}"
        else:
            iid = interview_id
            _check_unchanged(ws, iid, expected, expected_ratings)
            if changes := changed_fields(expected or _interview(ws, iid), record):
                ws.update("interviews", iid, changes, expected=expected)
        ws.replace("reviews", {"interview_id": iid}, ratings)
        asked, stories = 0, []
        if questions is not None:
            asked, stories = sync_questions(ws, iid, questions, expected=expected_questions)
        moved = _advance(ws, app_id, target)
    n = len(ratings)
    skipped = sum(r.get("score", "") == "" for r in ratings)
    na = f" ({skipped} not applicable)" if skipped else ""
    told = f" and {asked} question{'s' * (asked != 1)}" if asked else ""
    if stories:
        told += f" (new in your story bank: {', '.join(stories)})"
    message = f"Saved interview {iid} with {n} touchpoint{'s' * (n != 1)}{na}{told}.{moved}"
    return Saved(iid, message, tx.op)


def _interview(ws, iid: str) -> dict[str, str]:
    interviews = ws.current("interviews")
    found = interviews.loc[interviews["id"] == iid]
    if found.empty:
        raise ConflictError(
            f"Interview {iid} is not in interviews.csv; pick one that is (`rejectkit history` "
            "shows what happened to it)."
        )
    return {k: str(v) for k, v in found.iloc[0].to_dict().items()}


def _ratings(ws, iid: str) -> list[dict[str, str]]:
    reviews = ws.current("reviews")
    mine = reviews.loc[reviews["interview_id"] == iid].sort_values("touchpoint")
    return [{k: str(v) for k, v in r.items()} for r in mine.to_dict("records")]


def _check_unchanged(ws, iid: str, expected, expected_ratings) -> None:
    """Refuse to save over an interview or its ratings edited in another program."""
    interviews = ws.current("interviews")
    now = interviews.loc[interviews["id"] == iid]
    if now.empty:
        what = "is no longer in interviews.csv (deleted in another program?)"
    elif expected is not None and {k: str(v) for k, v in now.iloc[0].to_dict().items()} != dict(
        expected
    ):
        what = "in interviews.csv changed since you loaded it"
    elif expected_ratings is not None and _ratings(ws, iid) != [dict(r) for r in expected_ratings]:
        what = "has ratings in reviews.csv that changed since you loaded them"
    else:
        return
    raise ConflictError(
        f"Interview {iid} {what}. Nothing was saved and your values are kept: reload to "
        "see the file as it is now, then make your change again."
    )


def _advance(ws, app_id: str, target: str) -> str:
    """Move the application's stage forward to ``target``; never backward."""
    apps = ws.current("applications")
    found = apps.loc[apps["id"] == app_id, "stage"]
    if found.empty:
        raise RecordError(
            "interviews",
            {"application_id": f"{app_id!r} is not in applications.csv; pick an application"},
        )
    now = found.iat[0]
    if now in STAGES and STAGES.index(now) >= STAGES.index(target):
        return ""
    ws.update("applications", app_id, {"stage": target}, expected={"stage": now})
    return f" Application {app_id} is now at the {target} stage."


def save_application(
    ws,
    record: Mapping[str, str],
    *,
    app_id: str | None = None,
    expected: Mapping[str, str] | None = None,
) -> Saved:
    """Add an application, or with ``app_id`` change it (its outcome, say) where it differs
    from ``expected``, the record as the caller loaded it.

    >>> import shutil, tempfile
    >>> from rejectkit.store import Workspace
    >>> ws = Workspace(shutil.copytree("data/sample", tempfile.mkdtemp() + "/w"))
    >>> old = ws.read().applications.set_index("id").loc["A0003"].to_dict()
    >>> save_application(ws, {**old, "outcome": "rejected", "outcome_on": "2026-11-25"},
    ...     app_id="A0003", expected={"id": "A0003", **old}).message
    'Saved A0003 (Bluefin Logistics): rejected on 2026-11-25.'
    """
    record = {k: str(v) for k, v in record.items() if k != "id"}
    if app_id is None:
        with ws.transaction("New application") as tx:
            key = ws.add("applications", record)
            tx.message = f"New application {key}"
        return Saved(key, f"Saved application {key}: {record['company']}, {record['role']}.", tx.op)
    changes = changed_fields(expected or {}, record) if expected else record
    if not changes:
        return Saved(app_id, f"Nothing changed in {app_id}, so there was nothing to save.")
    with ws.transaction(f"Application {app_id}") as tx:
        ws.update("applications", app_id, changes, expected=expected)
    company = record.get("company", "")
    if {"outcome", "outcome_on"} & set(changes) and record.get("outcome", "open") != "open":
        when = f" on {record['outcome_on']}" if record.get("outcome_on") else ""
        return Saved(app_id, f"Saved {app_id} ({company}): {record['outcome']}{when}.", tx.op)
    return Saved(app_id, f"Saved {app_id} ({company}): changed {', '.join(changes)}.", tx.op)


def save_feedback(ws, record: Mapping[str, str]) -> Saved:
    """Add the feedback an organisation gave (or that you asked for it) to feedback.csv."""
    with ws.transaction("Feedback") as tx:
        key = ws.add("feedback", record)
        tx.message = f"Feedback {key}"
        apps = ws.current("applications")
    company = apps.loc[apps["id"] == record.get("application_id"), "company"]
    about = f" ({company.iat[0]})" if len(company) else ""
    return Saved(key, f"Saved feedback {key} for {record.get('application_id')}{about}.", tx.op)


def save_strategy_change(ws, record: Mapping[str, str], *, label: str = "") -> Saved:
    """Add a change of strategy for a touchpoint to changes.csv (``label`` names it)."""
    with ws.transaction("Strategy change") as tx:
        key = ws.add("changes", record)
        tx.message = f"Strategy change {key}"
    shown = label or record.get("touchpoint", "")
    return Saved(key, f"Saved change {key} for “{shown}”, from {record.get('changed_on')}.", tx.op)


def ratings_from_text(
    scores: str,
    touchpoints: Iterable[str],
    *,
    existing: Iterable[Mapping[str, str]] = (),
    notes: Mapping[str, Mapping[str, str]] | None = None,
) -> list[dict[str, str]]:
    """Ratings from ``"first_interaction=4,your_questions=n/a"`` on top of ``existing`` ones
    (their notes stay); ``notes`` maps a touchpoint to ``keep_doing``/``do_differently`` text.

    >>> ratings_from_text("company_research=4, your_questions=n/a",
    ...     ["company_research", "your_questions"])  # doctest: +NORMALIZE_WHITESPACE
    [{'touchpoint': 'company_research', 'score': '4', 'keep_doing': '', 'do_differently': ''},
     {'touchpoint': 'your_questions', 'score': '', 'keep_doing': '', 'do_differently': ''}]
    """
    known = list(touchpoints)
    rows = {r["touchpoint"]: {k: str(r.get(k, "")) for k in _RATING} for r in existing}
    for part in filter(None, (p.strip() for p in scores.split(","))):
        key, sep, value = (s.strip() for s in part.partition("="))
        value = value.casefold()
        if not sep or key not in known:
            raise RecordError(
                "reviews",
                {"scores": f"{part!r} is not TOUCHPOINT=SCORE with a known touchpoint; the "
                           f"touchpoints are {', '.join(known)}"},
            )  # fmt: skip
        if value not in {"1", "2", "3", "4", "5", "n/a", "na"}:
            raise RecordError(
                "reviews",
                {key: f"score {value!r} is not allowed; give 1 to 5, or n/a if it did not "
                      "come up"},
            )  # fmt: skip
        row = rows.setdefault(key, {k: "" for k in _RATING} | {"touchpoint": key})
        row["score"] = "" if value.startswith("n") else value
    for key, texts in (notes or {}).items():
        if key not in known:
            raise RecordError(
                "reviews", {key: f"is not a touchpoint; the touchpoints are {', '.join(known)}"}
            )
        row = rows.setdefault(key, {k: "" for k in _RATING} | {"touchpoint": key})
        row.update({k: v for k, v in texts.items() if k in ("keep_doing", "do_differently")})
    return [rows[k] for k in known if k in rows]


_RATING = ("touchpoint", "score", "keep_doing", "do_differently")
