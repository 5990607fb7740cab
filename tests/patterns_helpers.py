"""Small hand-made workspaces for the patterns tests, written through the store like any save.

``build`` takes interviews as compact tuples so that each test shows its data next to the
answer it expects.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from rejectkit.store.location import init_workspace
from rejectkit.store.workspace import Workspace


def interview(on, result="rejected", scores=None, *, app=None, notes=None, company=None):
    """One interview: ``scores`` maps touchpoint -> 1..5 or None (not applicable); ``notes``
    maps touchpoint -> (keep_doing, do_differently); ``app`` names an application (index
    into the applications list), else the interview gets an application of its own."""
    return {
        "on": on,
        "result": result,
        "scores": scores or {},
        "app": app,
        "notes": notes or {},
        "company": company,
    }


def build(
    root: Path,
    interviews=(),
    *,
    applications=(),
    feedback=(),
    changes=(),
    touchpoints=(),
):
    """A workspace at ``root`` holding exactly the given records; returns its loaded Data.

    ``applications`` are dicts of application fields (defaults fill the rest); ``feedback``
    dicts may name ``app`` (index into all applications) instead of ``application_id``.
    """
    ws = init_workspace(root)
    if touchpoints:
        ws.add_many("touchpoints", list(touchpoints))
    apps = [
        {
            "company": f"Org {i + 1}",
            "role": "Analyst",
            "applied_on": "2026-01-01",
            "stage": "applied",
            "outcome": "open",
            **a,
        }
        for i, a in enumerate(applications)
    ]
    own = []
    for i, iv in enumerate(interviews):
        if iv["app"] is None:
            own.append(len(apps))
            apps.append(
                {
                    "company": iv["company"] or f"Company {i + 1}",
                    "role": "Analyst",
                    "applied_on": "2026-01-01",
                    "stage": "interview",
                    "outcome": "rejected",
                }
            )
        else:
            own.append(iv["app"])
    app_ids = ws.add_many("applications", apps) if apps else []
    if interviews:
        ids = ws.add_many(
            "interviews",
            [
                {"application_id": app_ids[own[i]], "held_on": iv["on"], "result": iv["result"]}
                for i, iv in enumerate(interviews)
            ],
        )
        reviews = [
            {
                "interview_id": ids[i],
                "touchpoint": tp,
                "score": "" if score is None else str(score),
                "keep_doing": iv["notes"].get(tp, ("", ""))[0],
                "do_differently": iv["notes"].get(tp, ("", ""))[1],
            }
            for i, iv in enumerate(interviews)
            for tp, score in iv["scores"].items()
        ]
        if reviews:
            ws.add_many("reviews", reviews)
    if feedback:
        ws.add_many(
            "feedback",
            [
                {k: v for k, v in {**f, "application_id": app_ids[f["app"]]}.items() if k != "app"}
                if "app" in f
                else f
                for f in feedback
            ],
        )
    if changes:
        ws.add_many("changes", list(changes))
    return Workspace(root).load()


def heavy(root: Path, *, applications=2000, interviews=400, seed=7):
    """A heavy user's log written straight as CSV (the store would check each save and take
    longer than the analysis under test): ``applications`` applications, ``interviews``
    interviews with all ten touchpoints rated (one in ten not applicable), feedback and a
    strategy log. Returns the loaded Data."""
    from rejectkit.store.schema import STAGES, TOUCHPOINTS

    rng = np.random.default_rng(seed)
    init_workspace(root)
    start = pd.Timestamp("2024-01-01")
    app_ids = [f"A{i:04d}" for i in range(1, applications + 1)]
    applied = start + pd.to_timedelta(np.sort(rng.integers(0, 700, applications)), unit="D")
    stage = rng.choice(STAGES, applications, p=[0.6, 0.2, 0.12, 0.06, 0.02])
    outcome = np.where(
        stage == "offer",
        "offer",
        rng.choice(
            ["rejected", "ghosted", "open", "withdrawn"], applications, p=[0.6, 0.25, 0.1, 0.05]
        ),
    )
    outcome_on = np.where(
        outcome == "open",
        "",
        (applied + pd.to_timedelta(rng.integers(5, 60, applications), unit="D")).strftime(
            "%Y-%m-%d"
        ),
    )
    pd.DataFrame(
        {
            "id": app_ids,
            "company": [f"Org {i}" for i in range(applications)],
            "role": "Analyst",
            "applied_on": applied.strftime("%Y-%m-%d"),
            "source": "",
            "location": "",
            "stage": stage,
            "outcome": outcome,
            "outcome_on": outcome_on,
            "contact_name": "",
            "contact_email": "",
            "notes": "",
        }
    ).to_csv(root / "applications.csv", index=False)
    iv_ids = [f"I{i:04d}" for i in range(1, interviews + 1)]
    iv_apps = rng.choice(app_ids, interviews)
    held = start + pd.to_timedelta(np.sort(rng.integers(0, 720, interviews)), unit="D")
    pd.DataFrame(
        {
            "id": iv_ids,
            "application_id": iv_apps,
            "held_on": held.strftime("%Y-%m-%d"),
            "round": "panel",
            "format": "video",
            "result": rng.choice(["advanced", "rejected", "offer", "pending"], interviews),
            "went_well": "",
            "do_differently": "",
        }
    ).to_csv(root / "interviews.csv", index=False)
    keys = [t.key for t in TOUCHPOINTS]
    scores = rng.integers(1, 6, (interviews, len(keys))).astype(str)
    scores[rng.random(scores.shape) < 0.1] = ""
    pd.DataFrame(
        {
            "interview_id": np.repeat(iv_ids, len(keys)),
            "touchpoint": np.tile(keys, interviews),
            "score": scores.ravel(),
            "keep_doing": "",
            "do_differently": "Practise it out loud",
        }
    ).to_csv(root / "reviews.csv", index=False)
    pd.DataFrame(
        {
            "id": [f"F{i:04d}" for i in range(1, 101)],
            "application_id": iv_apps[:100],
            "requested_on": "",
            "received_on": "",
            "went_well": "",
            "to_improve": "Be specific",
            "touchpoints": rng.choice(keys, 100),
        }
    ).to_csv(root / "feedback.csv", index=False)
    pd.DataFrame(
        {
            "id": [f"S{i:04d}" for i in range(1, 41)],
            "changed_on": (start + pd.to_timedelta(np.arange(40) * 18, unit="D")).strftime(
                "%Y-%m-%d"
            ),
            "touchpoint": rng.choice(keys, 40),
            "change": "Something new",
        }
    ).to_csv(root / "changes.csv", index=False)
    return Workspace(root).load()


# The edge cases every function must survive, with the sentence that says what happened.
EDGES = {
    "no interviews": dict(interviews=[]),
    "one interview": dict(
        interviews=[
            interview("2026-01-01", "rejected", {"company_research": 3, "industry_questions": 4})
        ]
    ),
    "not reviewed": dict(
        interviews=[interview("2026-01-01", "rejected"), interview("2026-02-01", "advanced")]
    ),
    "never rated": dict(
        interviews=[
            interview("2026-01-01", scores={"company_research": None}),
            interview("2026-02-01", scores={"company_research": None}),
        ]
    ),
    "custom touchpoint": dict(
        interviews=[
            interview("2026-01-01", scores={"technical_test": 2, "company_research": 3}),
            interview("2026-02-01", scores={"technical_test": 4, "company_research": 3}),
        ],
        touchpoints=[{"key": "technical_test", "label": "The technical test or take-home task"}],
        changes=[
            {"changed_on": "2026-01-15", "touchpoint": "technical_test", "change": "Time-box"}
        ],
    ),
    "all scores equal": dict(
        interviews=[
            interview(
                f"2026-0{m}-01",
                r,
                {"company_research": 3, "industry_questions": 3, "behavioural_questions": 3},
            )
            for m, r in ((1, "rejected"), (2, "advanced"), (3, "rejected"))
        ]
    ),
}


def build_edge(root: Path, name: str):
    """The workspace of one of the ``EDGES``, loaded."""
    spec = dict(EDGES[name])
    return build(root, spec.pop("interviews"), **spec)
