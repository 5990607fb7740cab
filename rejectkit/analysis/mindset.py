"""Step 1 of the method, in the kit's own voice: a rejection logged is feedback, not failure."""

from __future__ import annotations

from ..store.schema import STAGES

__all__ = ["FEEDBACK_NOT_FAILURE", "how_far"]

FEEDBACK_NOT_FAILURE = "A rejection logged is feedback, not failure."

_REACHED = {
    "screening": "You got past the CV to a screening call",
    "interview": "You reached the interviews",
    "final": "You reached the final round",
    "offer": "You reached the offer stage",
}


def how_far(data, application_id: str) -> str:
    """How far the user got with one application, next to how far the others got.

    >>> from rejectkit.store.workspace import Workspace
    >>> how_far(Workspace("data/sample").read(), "A0020")
    'You reached the final round: only 3 of your 30 applications got this far.'
    """
    apps = data.applications
    row = apps.loc[apps["id"] == application_id]
    if not len(row) or row["stage"].iat[0] not in STAGES:
        return ""
    stage = row["stage"].iat[0]
    rank = apps["stage"].map({s: i for i, s in enumerate(STAGES)})
    total = len(apps)
    level = STAGES.index(stage)
    if stage == "applied":
        further = int((rank > level).sum())
        if not further:
            return (
                "This one ended at the application stage, like all your applications so far: "
                "the CV and cover letter are where to work first."
            )
        return (
            f"This one ended at the application stage. {further} of your {total} applications "
            "got further: compare this one with them to see what they had that it lacked."
        )
    reached = int((rank >= level).sum())
    if reached == 1:
        return f"{_REACHED[stage]}: the only one of your {total} applications to get this far."
    only = "only " if reached * 2 <= total else ""
    return f"{_REACHED[stage]}: {only}{reached} of your {total} applications got this far."
