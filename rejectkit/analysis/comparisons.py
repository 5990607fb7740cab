"""Your ratings set against what happened: rounds passed or not, the feedback you received,
and the changes you made to your strategy. Pure pandas, like :mod:`rejectkit.analysis.touchpoints`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..dates import short_date
from .findings import Findings
from .touchpoints import (
    MIN_CHANGE,
    NO_INTERVIEWS,
    WINDOW,
    interview_table,
    num,
    plural,
    score_table,
    touchpoint_keys,
    touchpoint_labels,
)

__all__ = ["Comparison", "blind_spots", "feedback_themes", "passed_vs_rejected", "strategy_effects"]

# Fewer than three interviews on one side and one unusual day decides the average.
MIN_GROUP = 3
PASSED = ("advanced", "offer")
FAILED = ("rejected",)
# A self-rating of 4 or 5 on a touchpoint the feedback asked you to improve.
BLIND_SPOT = 4


def _result_groups(result: pd.Series) -> np.ndarray:
    return np.select(
        [result.isin(PASSED).to_numpy(bool), result.isin(FAILED).to_numpy(bool)],
        ["passed", "rejected"],
        default="",
    )


@dataclass
class Comparison(Findings):
    """Touchpoint averages of passed against rejected rounds, and how many of each there were."""

    passed: int = 0
    rejected: int = 0


def passed_vs_rejected(data, *, min_interviews: int = MIN_GROUP) -> Comparison:
    """Touchpoint averages in rounds you passed (advanced or offer) against rounds that ended
    in a rejection, with the number of interviews behind each figure.

    ``enough`` is False where either side has fewer than ``min_interviews`` ratings; the
    ``warning`` says so in words when either side has fewer than that many interviews.

    >>> from rejectkit.store.workspace import Workspace
    >>> c = passed_vs_rejected(Workspace("data/sample").read())
    >>> c.table.set_index("touchpoint").loc["your_questions", ["passed_n", "rejected_n"]].tolist()
    [7, 7]
    """
    title = "What separates rounds you passed from rounds you did not"
    interviews = interview_table(data)
    groups = pd.Series(_result_groups(interviews["result"]))
    n_passed, n_rejected = int((groups == "passed").sum()), int((groups == "rejected").sum())
    columns = ["touchpoint", "label", "passed_mean", "passed_n", "rejected_mean", "rejected_n"]
    if not len(interviews):
        return Comparison(title, [NO_INTERVIEWS], pd.DataFrame(columns=columns))

    scores = score_table(data)
    scores = scores[scores["score"].notna()]
    scores = scores.assign(group=_result_groups(scores["result"]))
    scores = scores[scores["group"] != ""]
    stats = scores.pivot_table(
        index="touchpoint", columns="group", values="score", aggfunc=["mean", "count"]
    )
    stats.columns = [f"{g}_{'n' if a == 'count' else a}" for a, g in stats.columns]
    keys = [k for k in touchpoint_keys(data) if k in stats.index]
    table = stats.reindex(index=keys, columns=columns[2:])
    table[["passed_n", "rejected_n"]] = table[["passed_n", "rejected_n"]].fillna(0).astype(int)
    table["difference"] = (table["passed_mean"] - table["rejected_mean"]).round(2)
    table["enough"] = (table["passed_n"] >= min_interviews) & (
        table["rejected_n"] >= min_interviews
    )
    table.insert(0, "label", pd.Series(touchpoint_labels(data)).reindex(keys))
    table = table.rename_axis("touchpoint").reset_index()

    counted = (
        f"You passed {plural(n_passed, 'interview round')} (advanced or offer) and "
        f"{plural(n_rejected, 'round')} ended in a rejection."
    )
    sentences = [counted]
    warning = ""
    if n_passed < min_interviews or n_rejected < min_interviews:
        warning = (
            f"With fewer than {min_interviews} interviews on either side, these averages "
            "cannot tell what separates them yet; read them as anecdotes, not patterns."
        )
    if not n_passed or not n_rejected:
        sentences.append(
            "There is nothing to compare until you have at least one round you passed and "
            "one that ended in a rejection."
        )
        return Comparison(title, sentences, table, warning, n_passed, n_rejected)
    telling = table[table["enough"] & (table["difference"].abs() >= MIN_CHANGE)]
    telling = telling.reindex(telling["difference"].abs().sort_values(ascending=False).index)
    sentences += [
        f"{r.label}: {num(r.passed_mean)} in rounds you passed ({plural(r.passed_n, 'interview')})"
        f" against {num(r.rejected_mean)} in rounds you did not "
        f"({plural(r.rejected_n, 'interview')})."
        for r in telling.head(3).itertuples()
    ]
    if not len(telling) and not warning:
        sentences.append(
            f"No touchpoint differs by {MIN_CHANGE} or more between the two: what decided "
            "those rounds was probably not in your own ratings."
        )
    return Comparison(title, sentences, table, warning, n_passed, n_rejected)


def _feedback_rows(data) -> pd.DataFrame:
    feedback = data.typed("feedback")
    feedback = feedback[feedback["touchpoints"] != ""]
    rows = feedback.assign(touchpoint=feedback["touchpoints"].str.split(";")).explode("touchpoint")
    rows["touchpoint"] = rows["touchpoint"].astype("str").str.strip()
    return rows[rows["touchpoint"] != ""].reset_index(drop=True)


def blind_spots(data) -> Findings:
    """For each touchpoint feedback asked you to improve, how you had rated it yourself in the
    last interview for that application. A rating of 4 or 5 there is a blind spot.

    >>> from rejectkit.store.workspace import Workspace
    >>> b = blind_spots(Workspace("data/sample").read())
    >>> b.table.loc[b.table["verdict"] == "blind spot", "touchpoint"].tolist()
    ['industry_questions']
    """
    title = "Your own ratings against the feedback you received"
    rows = _feedback_rows(data)
    if not len(rows):
        return Findings(
            title,
            [
                "No feedback names a touchpoint yet. When you receive feedback, note which "
                "touchpoints it is about and it is compared with your own ratings here."
            ],
        )
    last = interview_table(data).drop_duplicates("application_id", keep="last")
    rows = rows.merge(
        last[["application_id", "interview_id", "held_on", "round", "company"]],
        on="application_id",
        how="left",
    )
    reviews = data.typed("reviews")[["interview_id", "touchpoint", "score"]]
    rows = rows.merge(reviews, on=["interview_id", "touchpoint"], how="left")
    rows["score"] = rows["score"].astype("float64")
    rows["label"] = rows["touchpoint"].map(touchpoint_labels(data)).fillna(rows["touchpoint"])
    rows["verdict"] = np.select(
        [rows["score"] >= BLIND_SPOT, rows["score"] == 3, rows["score"] <= 2],
        ["blind spot", "partly seen", "you saw it too"],
        default="not rated",
    )
    rows = rows.rename(columns={"id": "feedback_id"})
    columns = ["feedback_id", "company", "interview_id", "held_on", "round", "touchpoint"]
    table = rows[[*columns, "label", "score", "verdict", "to_improve"]]
    spots = table[table["verdict"] == "blind spot"]
    sentences = [
        f"Blind spot: {r.label}, at {r.company} ({short_date(r.held_on)}). You rated it "
        f'{int(r.score)} out of 5, but the feedback said: "{r.to_improve}"'
        for r in spots.itertuples()
    ]
    seen = int((table["verdict"] == "you saw it too").sum())
    if seen:
        sentences.append(
            f"In {plural(seen, 'case')} the feedback named a touchpoint you had already rated 2 "
            "or lower: you saw it coming, which means your self-ratings can be trusted there."
        )
    if not len(spots):
        sentences.insert(
            0, "No blind spots: you never rated 4 or 5 what feedback asked you to improve."
        )
    return Findings(title, sentences, table)


def feedback_themes(data) -> pd.DataFrame:
    """Touchpoints named in feedback, most mentioned first, with the latest words about each.

    Columns: ``touchpoint``, ``label``, ``mentions``, ``latest_on`` (when the most recent
    came) and ``to_improve`` (its text).
    """
    rows = _feedback_rows(data)
    columns = ["touchpoint", "label", "mentions", "latest_on", "to_improve"]
    if not len(rows):
        return pd.DataFrame(columns=columns)
    rows = rows.sort_values(["received_on", "id"], kind="stable", na_position="first")
    themes = rows.groupby("touchpoint").agg(
        mentions=("id", "size"),
        latest_on=("received_on", "last"),
        to_improve=("to_improve", "last"),
    )
    themes["label"] = themes.index.map(touchpoint_labels(data))
    themes = themes.sort_values("mentions", ascending=False, kind="stable").reset_index()
    return themes[columns]


def strategy_effects(data, *, window: int = WINDOW) -> Findings:
    """For each entry of the strategy log, the touchpoint's average over the ``window`` rated
    interviews just before the change and the ``window`` just after (an interview on the day
    of the change counts as after: the change was made before it).

    >>> from rejectkit.store.workspace import Workspace
    >>> e = strategy_effects(Workspace("data/sample").read())
    >>> e.table.loc[0, ["before_mean", "after_mean"]].round(2).tolist()
    [2.33, 4.33]
    """
    title = "Strategy changes, before and after"
    changes = data.typed("changes").rename(columns={"change": "change_text"})
    columns = ["id", "changed_on", "touchpoint", "label", "change_text"]
    if not len(changes):
        return Findings(
            title,
            [
                "Your strategy log is empty. When you change how you prepare a touchpoint, note "
                "it in the strategy log and its effect shows here."
            ],
            pd.DataFrame(columns=columns),
        )
    scores = score_table(data)
    rated = scores.loc[scores["score"].notna(), ["touchpoint", "held_on", "order", "score"]]
    pairs = changes[["id", "changed_on", "touchpoint"]].merge(rated, on="touchpoint")
    after = (pairs["held_on"] >= pairs["changed_on"]).to_numpy(bool)
    pairs["side"] = np.where(after, "after", "before")
    # Nearest interviews to the change first, on each side.
    pairs["distance"] = np.where(after, pairs["order"], -pairs["order"])
    pairs = pairs.sort_values(["id", "side", "distance"], kind="stable")
    pairs = pairs[pairs.groupby(["id", "side"]).cumcount() < window]
    stats = pairs.pivot_table(index="id", columns="side", values="score", aggfunc=["mean", "count"])
    stats.columns = [f"{s}_{'n' if a == 'count' else a}" for a, s in stats.columns]
    stats = stats.reindex(columns=["before_mean", "before_n", "after_mean", "after_n"])
    table = changes.merge(stats, left_on="id", right_index=True, how="left")
    table[["before_n", "after_n"]] = table[["before_n", "after_n"]].fillna(0).astype(int)
    table["difference"] = (table["after_mean"] - table["before_mean"]).round(2)
    table["label"] = table["touchpoint"].map(touchpoint_labels(data)).fillna(table["touchpoint"])
    table = table.sort_values(["changed_on", "id"], kind="stable").reset_index(drop=True)
    table = table[[*columns, "before_mean", "before_n", "after_mean", "after_n", "difference"]]

    def sentence(r):
        head = f"{short_date(r.changed_on)}, {r.label} ({r.change_text})"
        if not r.after_n:
            return f"{head}: no rated interview since this change yet."
        after = f"{num(r.after_mean)} over the {plural(r.after_n, 'interview')} after"
        if not r.before_n:
            return f"{head}: {after}; no rated interview before it to compare with."
        before = f"{num(r.before_mean)} over the {plural(r.before_n, 'interview')} before"
        return f"{head}: from {before} to {after} ({r.difference:+.1f})."

    return Findings(title, [sentence(r) for r in table.itertuples()], table)
