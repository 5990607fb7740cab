"""Synthetic workspaces: a heavy user's log, made deterministically from a seed.

Used by the benchmarks and by tests that need a large log. Every name is invented from word
lists, and every email uses the ``example.com`` domain reserved for examples.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from rejectkit.store.csvread import Dialect
from rejectkit.store.csvwrite import encode_table
from rejectkit.store.schema import TABLES, TOUCHPOINTS
from rejectkit.store.workspace import Workspace

__all__ = ["generate_workspace"]

_FIRST = [
    "Northwind",
    "Bluefin",
    "Orchard",
    "Quillon",
    "Harbour",
    "Juniper",
    "Kestrel",
    "Lumen",
    "Marlow",
    "Nimbus",
    "Oakridge",
    "Pennant",
    "Redwater",
    "Silverline",
    "Tamsin",
    "Umber",
    "Vantage",
    "Willow",
    "Yarrow",
    "Zephyr",
    "Amber",
    "Brightmoor",
    "Calder",
    "Dunmore",
]
_SECOND = [
    "Analytics",
    "Logistics",
    "Health Trust",
    "Fintech",
    "Insurance",
    "Energy",
    "Labs",
    "Retail Group",
    "Media",
    "Robotics",
    "Foods",
    "Partners",
    "Housing",
    "Travel",
]
_ROLES = [
    "Data analyst",
    "Senior data analyst",
    "BI developer",
    "Analytics engineer",
    "Data scientist",
    "Reporting analyst",
    "Insights manager",
    "Product analyst",
]
_SOURCES = ["LinkedIn", "company website", "referral", "recruiter", "job board", ""]
_PLACES = ["Leeds", "Remote", "Manchester", "Bristol", "Hybrid, Leeds", "Glasgow", ""]
_PEOPLE = [
    "Ana Ruiz",
    "Tom Okafor",
    "Priya Nair",
    "Lena Fischer",
    "Sam Hughes",
    "Mei Chen",
    "Jonas Berg",
    "Ruth Adeyemi",
    "Omar Haddad",
    "Claire Dubois",
]
_NOTES = [
    "",
    "",
    "Applied through the careers page, cover letter tailored",
    'The advert said "fast-paced", ask about workload',
    "Recruiter called back, friendly",
    "Salary band not stated; ask at screening",
    "Role matches my SQL and dashboard work",
]
_ROUNDS = ["phone screen", "hiring manager", "technical", "panel", "final"]
_KEEP = [
    "Used the STAR structure",
    "Arrived early and calm",
    "Asked about the team's roadmap",
    "Sent a thank-you note the same day",
    "Gave a concrete example with numbers",
    "",
]
_CHANGE = [
    "Prepare two more examples",
    "Slow down and pause before answering",
    "Research recent news about the organisation",
    "Keep the intro under a minute",
    "",
]


def _pick(rng: np.random.Generator, options: list[str], n: int) -> np.ndarray:
    return np.asarray(options, dtype=object)[rng.integers(0, len(options), n)]


def _dates(start: date, offsets: np.ndarray) -> np.ndarray:
    base = np.datetime64(start.isoformat())
    return np.datetime_as_string(base + offsets.astype("timedelta64[D]"), unit="D").astype(object)


def generate_workspace(
    path: str | Path,
    *,
    applications: int = 2000,
    interviews: int = 400,
    seed: int = 1,
    start: date = date(2024, 1, 1),
) -> Workspace:
    """Write a consistent workspace of the given size at ``path`` (created if needed).

    Each interview has all ten touchpoints reviewed, with scores that drift upwards over time
    so trends exist. The same seed always gives the same bytes.

    >>> import tempfile
    >>> ws = generate_workspace(tempfile.mkdtemp(), applications=50, interviews=10)
    >>> data = ws.load()
    >>> len(data.applications), len(data.interviews), len(data.reviews), data.problems
    (50, 10, 100, [])
    """
    rng = np.random.default_rng(seed)
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    n = applications
    span = 700
    applied = np.sort(rng.integers(0, span, n))
    stage = rng.choice(
        ["applied", "screening", "interview", "final", "offer"], n, p=[0.55, 0.2, 0.15, 0.08, 0.02]
    )
    outcome = np.where(
        stage == "offer",
        "offer",
        rng.choice(["open", "rejected", "ghosted", "withdrawn"], n, p=[0.25, 0.5, 0.2, 0.05]),
    )
    answered = outcome != "open"
    outcome_on = np.where(answered, _dates(start, applied + rng.integers(3, 60, n)), "")
    has_contact = rng.random(n) < 0.3
    contact = np.where(has_contact, _pick(rng, _PEOPLE, n), "")
    email = np.where(
        has_contact, pd.Series(contact).str.lower().str.replace(" ", ".") + "@example.com", ""
    )
    apps = pd.DataFrame(
        {
            "id": [f"A{i:04d}" for i in range(1, n + 1)],
            "company": _pick(rng, _FIRST, n) + " " + _pick(rng, _SECOND, n),
            "role": _pick(rng, _ROLES, n),
            "applied_on": _dates(start, applied),
            "source": _pick(rng, _SOURCES, n),
            "location": _pick(rng, _PLACES, n),
            "stage": stage,
            "outcome": outcome,
            "outcome_on": outcome_on,
            "contact_name": contact,
            "contact_email": email,
            "notes": _pick(rng, _NOTES, n),
        }
    )
    # Interviews go to applications that reached at least screening, in date order.
    eligible = np.flatnonzero(stage != "applied")
    chosen = np.sort(rng.choice(eligible if len(eligible) else np.arange(n), interviews))
    held = applied[chosen] + rng.integers(5, 40, interviews)
    order = np.argsort(held, kind="stable")
    chosen, held = chosen[order], held[order]
    m = interviews
    result = rng.choice(["advanced", "rejected", "offer", "pending"], m, p=[0.4, 0.5, 0.03, 0.07])
    ivs = pd.DataFrame(
        {
            "id": [f"I{i:04d}" for i in range(1, m + 1)],
            "application_id": apps["id"].to_numpy()[chosen],
            "held_on": _dates(start, held),
            "round": _pick(rng, _ROUNDS, m),
            "format": rng.choice(["phone", "video", "onsite", "other"], m),
            "result": result,
            "went_well": _pick(rng, _KEEP, m),
            "do_differently": _pick(rng, _CHANGE, m),
        }
    )
    k = len(TOUCHPOINTS)
    progress = np.repeat(np.linspace(0, 1.5, m) if m else np.zeros(0), k)
    base = np.tile(rng.integers(2, 4, k), m)
    score = (
        np.clip(np.rint(base + progress + rng.normal(0, 0.7, m * k)), 1, 5).astype(int).astype(str)
    )
    score = np.where(rng.random(m * k) < 0.05, "", score)
    reviews = pd.DataFrame(
        {
            "interview_id": np.repeat(ivs["id"].to_numpy(), k),
            "touchpoint": np.tile([t.key for t in TOUCHPOINTS], m),
            "score": score,
            "keep_doing": _pick(rng, _KEEP, m * k),
            "do_differently": _pick(rng, _CHANGE, m * k),
        }
    )
    keys = np.asarray([t.key for t in TOUCHPOINTS], dtype=object)
    # Feedback on some rejected rounds, naming one or two touchpoints.
    asked = np.flatnonzero((result == "rejected") & (rng.random(m) < 0.15))
    f = len(asked)
    second = np.where(rng.random(f) < 0.5, ";" + _pick(rng, list(keys), f), "")
    feedback = pd.DataFrame(
        {
            "id": [f"F{i:04d}" for i in range(1, f + 1)],
            "application_id": ivs["application_id"].to_numpy()[asked],
            "requested_on": _dates(start, held[asked] + 2),
            "received_on": np.where(
                rng.random(f) < 0.8, _dates(start, held[asked] + rng.integers(3, 20, f)), ""
            ),
            "went_well": _pick(rng, _KEEP, f),
            "to_improve": _pick(rng, _CHANGE, f),
            "touchpoints": _pick(rng, list(keys), f) + second,
        }
    )
    c = max(1, m // 100) if m else 0
    changes = pd.DataFrame(
        {
            "id": [f"S{i:04d}" for i in range(1, c + 1)],
            "changed_on": _dates(start, np.sort(rng.integers(0, span, c))),
            "touchpoint": _pick(rng, list(keys), c),
            "change": _pick(rng, [x for x in _CHANGE if x], c),
        }
    )
    kept = np.flatnonzero(has_contact & (rng.random(n) < 0.1))
    contacts = pd.DataFrame(
        {
            "id": [f"C{i:04d}" for i in range(1, len(kept) + 1)],
            "application_id": apps["id"].to_numpy()[kept],
            "name": contact[kept],
            "organisation": apps["company"].to_numpy()[kept],
            "email": email[kept],
            "last_contact_on": _dates(start, applied[kept] + 10),
            "next_contact_on": _dates(start, applied[kept] + 100),
            "cadence_days": "90",
            "notes": "",
        }
    )
    tables = {
        "applications": apps,
        "interviews": ivs,
        "reviews": reviews,
        "feedback": feedback,
        "changes": changes,
        "contacts": contacts,
    }
    ws = Workspace(path)
    with ws.locked():
        for name, table in TABLES.items():
            frame = tables.get(name, pd.DataFrame({c: [] for c in table.names}))
            ws.put_file(name, encode_table(frame.astype("str"), Dialect()))
    return ws
