"""The funnel, framed as the first step of the method: perspective.

Being invited to interview already means a hiring team picked you out of the pile, further
than most applicants get and further than most of your own applications. These numbers show
how far you got, where the rejections happened and how long answers took.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..store.schema import OUTCOMES, STAGES
from .findings import Findings
from .touchpoints import plural

__all__ = ["Funnel", "funnel_summary"]

STAGE_WORDS = {
    "applied": "Applied",
    "screening": "Screening",
    "interview": "Interview",
    "final": "Final round",
    "offer": "Offer",
}
_AFTER = {
    "applied": "after applying",
    "screening": "after screening",
    "interview": "after an interview",
    "final": "after a final round",
    "offer": "at the offer stage",
}
# Outcomes that are an answer from the employer (ghosted and withdrawn are not).
ANSWERS = ("offer", "rejected")


@dataclass
class Funnel(Findings):
    """How far applications got; ``table`` has one row per stage.

    ``table`` columns: ``stage``, ``label``, ``reached`` (applications that got at least this
    far), ``share`` (of all applications) and ``rejected`` (rejections at this stage).
    """

    outcomes: pd.Series = field(default_factory=lambda: pd.Series(dtype="int64"))
    days_to_answer: pd.Series = field(default_factory=lambda: pd.Series(dtype="int64"))
    interview_share: float = float("nan")
    ghosted_share: float = float("nan")

    def shown(self) -> pd.DataFrame:
        # With no applications a share is 0 of 0: shown as a dash, not "nan%".
        shown = self.table.assign(
            share=self.table["share"].map(lambda v: "–" if pd.isna(v) else f"{v:.0%}")
        )
        return shown.drop(columns="stage").rename(
            columns={
                "label": "Stage",
                "reached": "Applications that got this far",
                "share": "Share of applications",
                "rejected": "Rejected at this stage",
            }
        )


def funnel_summary(data) -> Funnel:
    """Applications by the furthest stage reached and by outcome, in encouraging sentences.

    The share reaching interview counts applications whose stage is interview, final or
    offer; the ghosted share is of all applications; days to an answer run from
    ``applied_on`` to ``outcome_on`` for offers and rejections.

    >>> from rejectkit.store.workspace import Workspace
    >>> f = funnel_summary(Workspace("data/sample").read())
    >>> f.table["reached"].tolist()
    [30, 14, 7, 3, 1]
    """
    apps = data.typed("applications")
    title = "How far your applications got"
    stage = pd.Categorical(apps["stage"], categories=STAGES, ordered=True)
    at_stage = pd.Series(stage).value_counts(sort=False).reindex(STAGES, fill_value=0)
    # Reaching a stage means reaching it or any stage after it.
    reached = at_stage[::-1].cumsum()[::-1]
    total = len(apps)
    rejected = (
        pd.Series(stage[(apps["outcome"] == "rejected").to_numpy(bool)])
        .value_counts(sort=False)
        .reindex(STAGES, fill_value=0)
    )
    table = pd.DataFrame(
        {
            "stage": list(STAGES),
            "label": [STAGE_WORDS[s] for s in STAGES],
            "reached": reached.to_numpy(),
            "share": reached.to_numpy() / total if total else np.full(len(STAGES), np.nan),
            "rejected": rejected.to_numpy(),
        }
    )
    outcomes = apps["outcome"].value_counts().reindex(OUTCOMES, fill_value=0)
    answered = apps[apps["outcome"].isin(ANSWERS) & apps["outcome_on"].notna()]
    days = (answered["outcome_on"] - answered["applied_on"]).dt.days.reset_index(drop=True)
    out = Funnel(title, [], table, outcomes=outcomes, days_to_answer=days)
    if not total:
        out.sentences = [
            "No applications logged yet. Add the jobs you apply for and your funnel appears here."
        ]
        return out

    interviewed = int(reached["interview"])
    out.interview_share = interviewed / total
    out.ghosted_share = outcomes["ghosted"] / total
    sentences = []
    if interviewed:
        sentences.append(
            f"You were invited to interview for {interviewed} of your "
            f"{plural(total, 'application')} ({out.interview_share:.0%}). Each invitation means "
            "a hiring team picked you out of the pile: most applicants never get that far."
        )
    else:
        sentences.append(
            f"None of your {plural(total, 'application')} has reached an interview yet. That is "
            "common early on; the screening and CV stages are where small changes pay off."
        )
    if reached["screening"]:
        sentences.append(
            f"{int(reached['screening'])} got past the first read of your application "
            f"({reached['screening'] / total:.0%}); {int(reached['final'])} reached a final "
            f"round and {plural(int(reached['offer']), 'offer')} followed."
        )
    if int(rejected.sum()):
        where = ", ".join(f"{n} {_AFTER[s]}" for s, n in rejected.items() if n)
        sentences.append(f"Where the rejections came: {where}.")
    if len(days):
        sentences.append(
            f"When an answer came, it took {int(days.median())} days from applying (median; "
            f"from {int(days.min())} to {int(days.max())} days)."
        )
    if outcomes["ghosted"]:
        sentences.append(
            f"{plural(int(outcomes['ghosted']), 'application')} ({out.ghosted_share:.0%}) never "
            "got an answer. Silence says more about busy hiring teams than about you."
        )
    if outcomes["open"]:
        is_are = "is" if outcomes["open"] == 1 else "are"
        sentences.append(f"{plural(int(outcomes['open']), 'application')} {is_are} still open.")
    out.sentences = sentences
    return out
