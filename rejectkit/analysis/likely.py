"""The questions most likely to come up in your next interview, with a story for each.

Likely means: asked in an earlier round for the same application, or for the same role at
another organisation (interviewers of one process, and of one kind of job, ask alike), then
the questions that keep coming back across all your interviews (see
:func:`~rejectkit.analysis.stories.recurring_questions`), the most asked first.
"""

from __future__ import annotations

import pandas as pd

from ..dates import short_date
from .stories import question_table
from .touchpoints import interview_table, plural

__all__ = [
    "LIKELY",
    "SESSIONS",
    "likely_questions",
    "next_interview",
    "rehearsal_days",
    "rehearsal_plan",
]

LIKELY = 6
SESSIONS = 3  # rehearsals before an interview: spaced practice beats one cram the night before
_COLUMNS = ["question", "kind", "label", "why", "story_id", "story", "gaps"]


def next_interview(data, *, today) -> pd.Series | None:
    """The interview to prepare for: the first on or after ``today``, else the latest one
    still ``pending`` (its next round is the one to prepare), else None."""
    interviews = interview_table(data)
    upcoming = interviews[interviews["held_on"] >= pd.Timestamp(today)]
    if len(upcoming):
        return upcoming.iloc[0]
    pending = interviews[interviews["result"] == "pending"]
    return pending.iloc[-1] if len(pending) else None


def _story_for(group: pd.DataFrame, stories: pd.DataFrame) -> tuple[str, str]:
    """The story to rehearse for one group of questions: the one told most with a strong
    answer, else the one told most, else one of the bank listed for the question's kind."""
    told = group[group["story_id"] != ""]
    for rows in (told[told["how"] == "strong"], told):
        if len(rows):
            best = rows["story_id"].value_counts().index[0]
            return best, rows.loc[rows["story_id"] == best, "story"].iat[0]
    kind = group["kind"].mode().iat[0]
    fits = stories[stories["touchpoints"].str.split(";").apply(lambda ks: kind in ks)]
    if len(fits):
        return fits["id"].iat[0], fits["title"].iat[0]
    return "", ""


def likely_questions(data, *, today, n: int = LIKELY) -> pd.DataFrame:
    """Up to ``n`` questions to prepare for the next interview, each with ``why`` it is likely
    and the story (``story_id``, ``story``) to rehearse for it; empty when none is logged.

    >>> from datetime import date
    >>> from rejectkit.store.workspace import Workspace
    >>> likely = likely_questions(Workspace("data/sample").read(), today=date(2026, 11, 20))
    >>> likely.iloc[0][["question", "story"]].tolist()
    ['Tell me about yourself.', 'My 60-second pitch']
    """
    table = question_table(data)
    if not len(table):
        return pd.DataFrame(columns=_COLUMNS)
    nxt = next_interview(data, today=today)
    picked: dict[int, str] = {}
    if nxt is not None:
        same_app = table["application_id"] == nxt["application_id"]
        same_role = table["role"].str.casefold() == str(nxt["role"]).casefold()
        for r in table[same_app].sort_values("order", ascending=False).itertuples():
            picked.setdefault(r.group, f"asked at {r.company} on {short_date(r.held_on)}")
        for r in table[same_role & ~same_app].sort_values("order", ascending=False).itertuples():
            picked.setdefault(r.group, f"asked for the same role at {r.company}")
    local = set(picked)
    counts = table.groupby("group")["interview_id"].nunique()
    for group, count in counts[counts >= 2].sort_values(ascending=False, kind="stable").items():
        why = f"came up in {plural(int(count), 'interview')}"
        picked[group] = f"{picked[group]}; {why}" if group in picked else why
    # This process's and this role's own questions first, each kind by how often it came up.
    order = sorted(picked, key=lambda g: (g not in local, -int(counts[g])))[:n]
    rows = []
    for group in order:
        mine = table[table["group"] == group]
        story_id, story = _story_for(mine, data.stories)
        rows.append({
            "question": mine["question"].iat[0], "kind": mine["kind"].mode().iat[0],
            "label": mine["label"].iat[0], "why": picked[group], "story_id": story_id,
            "story": story, "gaps": int((mine["how"] == "gap").sum()),
        })  # fmt: skip
    return pd.DataFrame(rows, columns=_COLUMNS)


def rehearsal_days(today, interview_on, sessions: int = SESSIONS) -> list:
    """Up to ``sessions`` days evenly spaced between ``today`` and the interview (neither
    included); today itself when the interview is tomorrow.

    >>> from datetime import date
    >>> [d.isoformat() for d in rehearsal_days(date(2026, 12, 1), date(2026, 12, 9))]
    ['2026-12-03', '2026-12-05', '2026-12-07']
    >>> [d.isoformat() for d in rehearsal_days(date(2026, 12, 1), date(2026, 12, 2))]
    ['2026-12-01']
    """
    from datetime import timedelta

    days = (interview_on - today).days
    if days < 1:
        return []
    offsets = sorted({round(k * days / (sessions + 1)) for k in range(1, sessions + 1)})
    offsets = [o for o in offsets if 0 < o < days] or [0]
    return [today + timedelta(days=o) for o in offsets]


def rehearsal_plan(data, *, today, sessions: int = SESSIONS) -> pd.DataFrame:
    """When to rehearse which stories before your next interview (one held after ``today``):
    one row per session day and story, with the question the story answers.

    Columns: ``on`` (a date), ``session`` (1, 2, ...), ``interview_id``, ``held_on``,
    ``company``, ``round``, ``story_id``, ``story``, ``question``. Empty when no interview is
    ahead or no likely question has a story.
    """
    columns = ["on", "session", "interview_id", "held_on", "company", "round", "story_id",
               "story", "question"]  # fmt: skip
    nxt = next_interview(data, today=today)
    if nxt is None or nxt["held_on"].date() <= today:
        return pd.DataFrame(columns=columns)
    likely = likely_questions(data, today=today)
    likely = likely[likely["story_id"] != ""].drop_duplicates("story_id")
    rows = [
        {"on": day, "session": k, "interview_id": nxt["interview_id"],
         "held_on": nxt["held_on"].date(), "company": nxt["company"], "round": nxt["round"],
         "story_id": r.story_id, "story": r.story, "question": r.question}
        for k, day in enumerate(rehearsal_days(today, nxt["held_on"].date(), sessions), 1)
        for r in likely.itertuples()
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)
