"""Your questions and stories across interviews: which questions keep coming back, where your
answers had gaps, which stories you told and how those rounds ended. Pure pandas (and
rapidfuzz for similar wording), like :mod:`rejectkit.analysis.touchpoints`.

Definitions (also in the README):

- Two questions are **the same question** when their wording scores at least
  :data:`SIMILAR` out of 100 with rapidfuzz's ``token_set_ratio`` after case, punctuation and
  a leading "so"/"and"/"ok" are dropped (so "So, tell me a little about yourself" is "Tell me
  about yourself"). A wording of one or two words is compared letter by letter instead, since
  "Why?" is contained in every question that asks why. A question joins the first group
  (oldest first) whose first wording it matches.
- A question **recurs** when its group was asked in at least two interviews.
- Stories in rounds passed and rejected follow the touchpoint comparison's rule: with fewer
  than three rounds on either side, the counts are anecdotes and no share is given.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .comparisons import FAILED, MIN_GROUP, PASSED
from .findings import Findings
from .touchpoints import interview_table, plural, touchpoint_labels

__all__ = [
    "SIMILAR",
    "gap_kinds",
    "group_questions",
    "question_table",
    "recurring_questions",
    "similar",
    "stories_passed_vs_rejected",
    "story_usage",
    "untold_touchpoints",
]

SIMILAR = 85
_FILLER = re.compile(r"^(so|and|ok|okay|now|right|well)\s+")
_SHORT = 3  # words: below this a wording is compared letter by letter


def _normal(text: str) -> str:
    from rapidfuzz import utils

    return _FILLER.sub("", utils.default_process(str(text)))


def _score(x: str, y: str) -> float:
    from rapidfuzz import fuzz

    if min(len(x.split()), len(y.split())) < _SHORT:
        return float(fuzz.ratio(x, y))
    return float(fuzz.token_set_ratio(x, y))


def similar(a: str, b: str) -> float:
    """How alike two question wordings are, 0 to 100 (see the module's definitions).

    >>> similar("Tell me about yourself.", "So, tell me a little about yourself?")
    100.0
    >>> similar("Why?", "Why do you want to work here?") < SIMILAR
    True
    """
    return _score(_normal(a), _normal(b))


def group_questions(texts: list[str], *, threshold: float = SIMILAR) -> list[int]:
    """The group number of each wording in ``texts`` (in order; 0 is the first group).

    >>> group_questions(["Tell me about yourself", "Why us?", "So tell me about yourself"])
    [0, 1, 0]
    """
    normal = [_normal(t) for t in texts]
    leaders: list[str] = []  # each group's first wording
    groups: list[int] = []
    # Hand-written leader grouping rather than a clustering library: a few lines, the oldest
    # wording names the group, and unlike questions are never chained together through a
    # third one that resembles both.
    for text in normal:
        found = next((g for g, lead in enumerate(leaders) if _score(text, lead) >= threshold), -1)
        if found < 0:
            leaders.append(text)
            found = len(leaders) - 1
        groups.append(found)
    return groups


def question_table(data) -> pd.DataFrame:
    """One row per question asked, oldest interview first, with its interview's date, round,
    result and organisation, the story's title, the kind's label and its ``group``."""
    return data.derived("question_table", _question_table)


def _question_table(data) -> pd.DataFrame:
    interviews = interview_table(data)[
        ["interview_id", "application_id", "company", "role", "held_on", "round", "result",
         "order"]
    ]  # fmt: skip
    questions = data.questions.rename(columns={"id": "question_id"})
    out = questions.merge(interviews, on="interview_id", how="inner", validate="many_to_one")
    titles = data.stories.drop_duplicates("id").set_index("id")["title"]
    out["story"] = out["story_id"].map(titles).fillna("")
    out["label"] = out["kind"].map(touchpoint_labels(data)).fillna(out["kind"])
    out = out.sort_values(["order", "question_id"], kind="stable").reset_index(drop=True)
    out["group"] = group_questions(out["question"].tolist()) if len(out) else []
    return out


def recurring_questions(data, *, at_least: int = 2) -> Findings:
    """Questions asked (in similar words) in at least ``at_least`` interviews, most asked first.

    >>> from rejectkit.store.workspace import Workspace
    >>> r = recurring_questions(Workspace("data/sample").read())
    >>> first = r.table.iloc[0]
    >>> first["question"], int(first["interviews"])
    ('Tell me about yourself.', 10)
    """
    title = "Questions that keep coming back"
    table = question_table(data)
    columns = ["question", "label", "interviews", "gaps", "last_how", "stories", "last_on"]
    if not len(table):
        return Findings(title, [_NO_QUESTIONS], pd.DataFrame(columns=columns))
    stats = table.groupby("group", sort=False).agg(
        question=("question", "first"),
        kind=("kind", lambda s: s.mode().iat[0]),
        interviews=("interview_id", "nunique"),
        gaps=("how", lambda s: int((s == "gap").sum())),
        last_how=("how", "last"),
        stories=("story", lambda s: "; ".join(dict.fromkeys(x for x in s if x))),
        last_on=("held_on", "max"),
    )
    stats["label"] = stats["kind"].map(touchpoint_labels(data)).fillna(stats["kind"])
    stats = stats[stats["interviews"] >= at_least]
    stats = stats.sort_values(["interviews", "last_on"], ascending=False, kind="stable")
    table = stats.reset_index()[["group", "kind", *columns]]
    sentences = [
        f'"{r.question}" came up in {plural(r.interviews, "interview")}'
        + (f" ({plural(r.gaps, 'gap')})" if r.gaps else "")
        + (f"; you told: {r.stories}." if r.stories else "; you have told no story for it yet.")
        for r in table.head(5).itertuples()
    ]
    if not len(table):
        sentences = ["No question has come up in more than one interview yet."]
    return Findings(title, sentences, table)


_NO_QUESTIONS = (
    "No questions logged yet. Add the questions you were asked in the review form (or with "
    "`rejectkit review --question`) and the ones that keep coming back show here."
)


def gap_kinds(data) -> Findings:
    """For each kind of question, how your answers went, the kinds with most gaps first.

    >>> from rejectkit.store.workspace import Workspace
    >>> g = gap_kinds(Workspace("data/sample").read())
    >>> g.sentences[0]
    'The industry-specific questions: a gap in 6 of 8 answers.'
    """
    title = "Where your answers had gaps"
    table = question_table(data)
    columns = ["kind", "label", "asked", "strong", "solid", "gap"]
    if not len(table):
        return Findings(title, [_NO_QUESTIONS], pd.DataFrame(columns=columns))
    counts = pd.crosstab(table["kind"], table["how"]).reindex(
        columns=["strong", "solid", "gap"], fill_value=0
    )
    counts["asked"] = table.groupby("kind").size()
    counts["label"] = counts.index.map(touchpoint_labels(data))
    counts = counts.sort_values(["gap", "asked"], ascending=False, kind="stable")
    out = counts.rename_axis("kind").reset_index()[columns]
    out.columns.name = None
    sentences = [
        f"{r.label}: a gap in {r.gap} of {plural(r.asked, 'answer')}."
        for r in out[out["gap"] > 0].head(3).itertuples()
    ] or ["No answer was marked as a gap."]
    return Findings(title, sentences, out)


def _told(data) -> pd.DataFrame:
    """One row per story and interview it was told in, with the round's side."""
    table = question_table(data)
    told = table[table["story_id"] != ""].drop_duplicates(["story_id", "interview_id"])
    side = np.select(
        [told["result"].isin(PASSED).to_numpy(bool), told["result"].isin(FAILED).to_numpy(bool)],
        ["passed", "rejected"],
        default="other",
    )
    return told.assign(side=side)


def story_usage(data) -> Findings:
    """Each story of the bank: how often it was told, in which rounds, how those ended.

    >>> from rejectkit.store.workspace import Workspace
    >>> u = story_usage(Workspace("data/sample").read())
    >>> u.table.set_index("story_id").loc["T0005", ["told", "passed", "rejected"]].tolist()
    [7, 5, 1]
    """
    title = "Your stories, and the rounds you told them in"
    stories = data.stories.rename(columns={"id": "story_id"})
    columns = ["story_id", "title", "told", "passed", "rejected", "rounds", "touchpoints"]
    if not len(stories):
        return Findings(
            title,
            ["Your story bank is empty. Add the examples you tell in interviews (situation, "
             "task, action, result) and each is followed here."],
            pd.DataFrame(columns=columns),
        )  # fmt: skip
    told = _told(data)
    told = told.assign(
        where=told["held_on"].dt.strftime("%Y-%m-%d") + " " + told["round"] + " ("
        + told["result"] + ")"
    )  # fmt: skip
    per = told.groupby("story_id").agg(
        told=("interview_id", "size"),
        passed=("side", lambda s: int((s == "passed").sum())),
        rejected=("side", lambda s: int((s == "rejected").sum())),
        rounds=("where", "; ".join),
    )
    table = stories[["story_id", "title", "touchpoints"]].merge(
        per, left_on="story_id", right_index=True, how="left"
    )
    table[["told", "passed", "rejected"]] = table[["told", "passed", "rejected"]].fillna(0)
    table[["told", "passed", "rejected"]] = table[["told", "passed", "rejected"]].astype(int)
    table["rounds"] = table["rounds"].fillna("")
    table = table[columns]
    sentences = [
        f"{r.title}: told in {plural(r.told, 'round')}"
        + (f" ({r.passed} passed, {r.rejected} rejected)." if r.told else "; not told yet.")
        for r in table.itertuples()
    ]
    return Findings(title, sentences, table)


def stories_passed_vs_rejected(data, *, min_rounds: int = MIN_GROUP) -> Findings:
    """Stories told in rounds you passed (advanced, offer) against rounds that ended in a
    rejection. A share of rounds passed is given only for a story told in at least
    ``min_rounds`` rounds on each side; with fewer, the counts are called anecdotes.

    >>> from rejectkit.store.workspace import Workspace
    >>> c = stories_passed_vs_rejected(Workspace("data/sample").read())
    >>> c.sentences[1]  # doctest: +NORMALIZE_WHITESPACE
    'Two definitions of a customer: told in 1 round you passed and 4 you did not; fewer than
    3 on a side, so no share is given.'
    """
    title = "Stories in rounds you passed and rounds you did not"
    usage = story_usage(data).table
    table = usage[usage["told"] > 0][["story_id", "title", "passed", "rejected"]].copy()
    table["enough"] = (table["passed"] >= min_rounds) & (table["rejected"] >= min_rounds)
    both = table["passed"] + table["rejected"]
    table["passed_share"] = np.where(
        table["enough"], table["passed"] / both.where(both > 0), np.nan
    )
    table = table.reset_index(drop=True)
    if not len(table):
        return Findings(title, ["No story is linked to a question yet."], table)
    told = _told(data)
    n_passed = told.loc[told["side"] == "passed", "interview_id"].nunique()
    n_rejected = told.loc[told["side"] == "rejected", "interview_id"].nunique()
    warning = ""
    if n_passed < min_rounds or n_rejected < min_rounds:
        warning = (
            f"You told a story in {plural(n_passed, 'round')} you passed and {n_rejected} that "
            f"ended in a rejection: with fewer than {min_rounds} on either side these are "
            "anecdotes, not patterns."
        )
    sentences = []
    for r in table.itertuples():
        counts = f"told in {plural(r.passed, 'round')} you passed and {r.rejected} you did not"
        if r.enough:
            sentences.append(f"{r.title}: {counts} ({r.passed_share:.0%} passed).")
        else:
            sentences.append(
                f"{r.title}: {counts}; fewer than {min_rounds} on a side, so no share is given."
            )
    return Findings(title, sentences, table, warning)


def untold_touchpoints(data) -> Findings:
    """Touchpoints you were asked questions about but for which no story in your bank is
    listed: the stories to write next.

    >>> from rejectkit.store.workspace import Workspace
    >>> untold_touchpoints(Workspace("data/sample").read()).table["kind"].tolist()
    ['company_research', 'your_questions']
    """
    title = "Questions with no story yet"
    table = question_table(data)
    covered = {
        k.strip() for cell in data.stories["touchpoints"] for k in str(cell).split(";") if k.strip()
    }
    asked = table[~table["kind"].isin(covered)]
    columns = ["kind", "label", "asked", "gap", "question"]
    if not len(asked):
        said = "Every kind of question you were asked has a story in your bank."
        return Findings(
            title, [said if len(table) else _NO_QUESTIONS], pd.DataFrame(columns=columns)
        )
    out = asked.groupby("kind", sort=False).agg(
        label=("label", "first"),
        asked=("question_id", "size"),
        gap=("how", lambda s: int((s == "gap").sum())),
        question=("question", "last"),
    )
    out = out.sort_values(["asked"], ascending=False, kind="stable").reset_index()[columns]
    sentences = [
        f'{r.label}: asked {plural(r.asked, "time")}, most recently "{r.question}"; no story '
        "in your bank answers it."
        for r in out.itertuples()
    ]
    return Findings(title, sentences, out)
