"""What your interview log says about each touchpoint: pure pandas, no plotting.

Every function takes a :class:`~rejectkit.store.workspace.Data` and works on whole columns (groupby,
pivot, merge), never on one row at a time, so a log of hundreds of interviews takes no longer
to read than a handful. Each copes with no interviews, one interview, touchpoints never
rated, touchpoints of your own and all-equal ratings, and then says so in a sentence.

Definitions used throughout (and in the README):

- An interview counts for a touchpoint only where you gave that touchpoint a score; an empty
  score (not applicable) is skipped, so "your last three interviews" of a touchpoint are the
  last three where you rated it.
- **Last three**: the average of those last three ratings (where you stand now).
- **Change since your first interviews**: the average of your last *k* ratings minus the
  average of your first *k*, with *k* = min(3, ratings // 2), so the two groups never share an
  interview: ratings of 2, 3, 4 give k = 1 and a change of +2.
- **Most improved / slipping**: a change of at least +0.5 / at most -0.5 (half a rating step;
  smaller moves are within the noise of rating yourself).
- **Strongest / weakest**: ranked by the last-three average, ties broken by the overall
  average; at most half of your rated touchpoints land in each list, so none is in both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .findings import Findings

__all__ = [
    "Highlights",
    "interview_table",
    "score_table",
    "touchpoint_highlights",
    "touchpoint_summary",
]

WINDOW = 3
MIN_CHANGE = 0.5

NO_INTERVIEWS = (
    "No interviews logged yet. Once you log an interview and rate its touchpoints, "
    "your patterns appear here."
)


def touchpoint_keys(data) -> list[str]:
    return [t.key for t in data.touchpoints]


def touchpoint_labels(data) -> dict[str, str]:
    return {t.key: t.label for t in data.touchpoints}


def num(value: float) -> str:
    return f"{value:.1f}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def interview_table(data) -> pd.DataFrame:
    """Interviews by date (oldest first) with their organisation and ``order`` (1 = first)."""
    return data.derived("interview_table", _interview_table)


def _interview_table(data) -> pd.DataFrame:
    interviews = data.typed("interviews").rename(columns={"id": "interview_id"})
    apps = data.applications[["id", "company", "role"]].rename(columns={"id": "application_id"})
    out = interviews.merge(apps, on="application_id", how="left", validate="many_to_one")
    out = out.sort_values(["held_on", "interview_id"], kind="stable").reset_index(drop=True)
    out["order"] = np.arange(1, len(out) + 1)
    return out


def score_table(data) -> pd.DataFrame:
    """One row per review, joined with its interview and application, oldest interview first.

    ``score`` is a float (NaN = not applicable); ``label`` is the touchpoint's sentence;
    ``order`` is the interview's place by date.

    >>> from rejectkit.store.workspace import Workspace
    >>> scores = score_table(Workspace("data/sample").read())
    >>> first = scores.iloc[0]
    >>> first["interview_id"], first["touchpoint"], float(first["score"])
    ('I0001', 'first_interaction', 3.0)
    """
    return data.derived("score_table", _score_table)


def _score_table(data) -> pd.DataFrame:
    interviews = interview_table(data)[
        ["interview_id", "application_id", "company", "role", "held_on", "round", "result", "order"]
    ]
    reviews = data.typed("reviews")
    out = reviews.merge(interviews, on="interview_id", how="inner", validate="many_to_one")
    out["score"] = out["score"].astype("float64")
    out["label"] = out["touchpoint"].map(touchpoint_labels(data)).fillna(out["touchpoint"])
    rank = {k: i for i, k in enumerate(touchpoint_keys(data))}
    out["_rank"] = out["touchpoint"].map(rank)
    out = out.sort_values(["order", "_rank"], kind="stable").drop(columns="_rank")
    return out.reset_index(drop=True)


def touchpoint_summary(data, *, window: int = WINDOW) -> pd.DataFrame:
    """The numbers behind each touchpoint, indexed by key, in the kit's touchpoint order.

    Columns: ``label``, ``rated`` (interviews with a score), ``mean``, ``recent`` (average of
    the last ``window`` ratings), ``last_scores`` (those ratings as text), ``compared`` (*k*),
    ``first`` and ``latest`` (averages of the first and last *k* ratings) and ``change``.
    Touchpoints never rated have ``rated`` 0 and missing numbers.

    >>> from rejectkit.store.workspace import Workspace
    >>> s = touchpoint_summary(Workspace("data/sample").read())
    >>> s.loc["tell_me_about_yourself", ["first", "latest", "change"]].tolist()
    [2.0, 5.0, 3.0]
    """
    scores = score_table(data)
    rated = scores[scores["score"].notna()]
    keys = touchpoint_keys(data)
    by = rated["touchpoint"]
    group = rated.groupby(by, sort=False)["score"]
    n = group.transform("size")
    pos = group.cumcount()
    back = n - 1 - pos
    k = np.minimum(window, n // 2)
    score = rated["score"]

    def mean_where(mask):
        return score[mask].groupby(by[mask]).mean()

    recent = back < window
    table = pd.DataFrame(
        {
            "rated": group.size(),
            "mean": group.mean(),
            "recent": mean_where(recent),
            "last_scores": score[recent].astype(int).astype(str).groupby(by[recent]).agg(", ".join),
            "compared": k.groupby(by).first(),
            "first": mean_where((pos < k) & (k > 0)),
            "latest": mean_where((back < k) & (k > 0)),
        }
    ).reindex(keys)
    table.insert(0, "label", pd.Series(touchpoint_labels(data)).reindex(keys))
    table["rated"] = table["rated"].fillna(0).astype(int)
    table["compared"] = table["compared"].fillna(0).astype(int)
    # Rounded so that equal changes (7/3 - 0 and 14/3 - 7/3) compare as equal.
    table["change"] = (table["latest"] - table["first"]).round(2)
    table.index.name = "touchpoint"
    return table


@dataclass
class Highlights(Findings):
    """The weakest, strongest, most improved and slipping touchpoints (lists of keys)."""

    weakest: list[str] = field(default_factory=list)
    strongest: list[str] = field(default_factory=list)
    improved: list[str] = field(default_factory=list)
    slipping: list[str] = field(default_factory=list)


def touchpoint_highlights(data, *, n: int = 3) -> Highlights:
    """Which touchpoints are weakest, strongest, most improved and slipping, in sentences.

    >>> from rejectkit.store.workspace import Workspace
    >>> h = touchpoint_highlights(Workspace("data/sample").read())
    >>> h.slipping
    ['industry_questions']
    """
    summary = touchpoint_summary(data)
    title = "Weakest, strongest, most improved and slipping touchpoints"
    out = Highlights(title, [], summary.reset_index())
    rated = summary[summary["rated"] > 0].assign(_pos=np.arange((summary["rated"] > 0).sum()))
    if not len(interview_table(data)):
        out.sentences = [NO_INTERVIEWS]
        return out
    if not len(rated):
        out.sentences = [
            "You have logged interviews but rated no touchpoint yet: rate them in the "
            "review notebook and they appear here."
        ]
        return out

    each = min(n, len(rated) // 2)
    if rated["recent"].nunique() <= 1:
        level = num(rated["recent"].iloc[0])
        if len(rated) > 1:
            out.sentences.append(
                f"All your rated touchpoints stand level at {level} over your last interviews, "
                "so none stands out as strongest or weakest."
            )
        else:
            out.sentences.append(
                f"Only one touchpoint is rated so far ({rated['label'].iloc[0]}, {level}); "
                "rate more to compare them."
            )
    else:
        best = rated.sort_values(["recent", "mean", "_pos"], ascending=[False, False, True])
        worst = rated.sort_values(["recent", "mean", "_pos"], ascending=[True, True, True])
        out.strongest = list(best.index[:each])
        out.weakest = [k for k in worst.index[:each] if k not in out.strongest]

    changed = rated[rated["change"].notna()]
    improved = changed[changed["change"] >= MIN_CHANGE]
    slipping = changed[changed["change"] <= -MIN_CHANGE]
    out.improved = list(
        improved.sort_values(["change", "recent", "_pos"], ascending=[False, False, True]).index[:n]
    )
    out.slipping = list(
        slipping.sort_values(["change", "recent", "_pos"], ascending=[True, True, True]).index[:n]
    )

    def now(key):
        row = rated.loc[key]
        last = "last three interviews" if row["rated"] >= WINDOW else "rated interviews"
        return (
            f"{row['label']}: {num(row['recent'])} on average over your {last} "
            f"({row['last_scores']}), {num(row['mean'])} overall"
        )

    def moved(key):
        row = rated.loc[key]
        k = int(row["compared"])
        first = "first interview" if k == 1 else f"first {k} interviews"
        last = "last one" if k == 1 else f"last {k}"
        return (
            f"{row['label']}: from {num(row['first'])} in your {first} to "
            f"{num(row['latest'])} in your {last} ({row['change']:+.1f})"
        )

    out.sentences += [f"Weakest now: {now(k)}." for k in out.weakest]
    out.sentences += [f"Strongest now: {now(k)}." for k in out.strongest]
    out.sentences += [f"Most improved: {moved(k)}." for k in out.improved]
    out.sentences += [f"Slipping: {moved(k)}." for k in out.slipping]
    if not len(changed):
        out.sentences.append(
            "After one interview there is nothing to compare yet: changes show from your "
            "second rated interview."
        )
    elif not out.improved and not out.slipping:
        out.sentences.append(
            f"No touchpoint moved by {MIN_CHANGE} or more since your first interviews."
        )
    never = summary.loc[summary["rated"] == 0, "label"]
    if len(never):
        out.sentences.append(f"Not rated yet: {'; '.join(never)}.")
    return out
