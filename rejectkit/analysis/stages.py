"""How long applications spent in each stage, read from the change history."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from ..store.schema import TABLES

__all__ = ["stage_durations"]


def stage_durations(history: pd.DataFrame, *, until: datetime | None = None) -> pd.DataFrame:
    """How long each application spent in each stage, from its history.

    Returns one row per (application, stage) visit: ``application_id``, ``stage``,
    ``entered``, ``left`` (NaT while it is still there, unless ``until`` is given) and
    ``days`` (float). Saves that were undone, and the undos themselves, are left out, so a
    mistaken change does not show as a short visit. An application imported in one go
    enters its stage at the time of the import.

    >>> h = pd.DataFrame({"op": [1, 2], "at": ["2026-05-01T09:00:00+00:00",
    ...     "2026-05-11T09:00:00+00:00"], "action": ["add", "update"],
    ...     "file": "applications.csv", "record": "A0001", "row": 1, "field": "stage",
    ...     "old": ["", "applied"], "new": ["applied", "interview"], "undoes": ""})
    >>> stage_durations(h)[["stage", "days"]].values.tolist()
    [['applied', 10.0], ['interview', nan]]
    """
    undone = set(pd.to_numeric(history["undoes"].replace("", None)).dropna().astype(int))
    keep = (
        (history["file"] == TABLES["applications"].file)
        & (history["field"] == "stage")
        & (history["undoes"] == "")
        & ~history["op"].astype(int).isin(undone)
        & history["action"].isin(["add", "update", "delete"])
    )
    h = history.loc[keep, ["op", "at", "action", "record", "new"]].copy()
    h["at"] = pd.to_datetime(h["at"], format="ISO8601", utc=True)
    h = h.sort_values(["record", "at", "op"], kind="stable")
    h["left"] = h.groupby("record")["at"].shift(-1)
    h = h.loc[h["action"] != "delete"]
    if until is not None:
        end = pd.Timestamp(until)
        end = end.tz_localize("UTC") if end.tzinfo is None else end.tz_convert("UTC")
        h["left"] = h["left"].fillna(end)
    out = pd.DataFrame(
        {
            "application_id": h["record"].astype("str"),
            "stage": h["new"].astype("str"),
            "entered": h["at"],
            "left": h["left"],
            "days": (h["left"] - h["at"]).dt.total_seconds() / 86400,
        }
    )
    return out.reset_index(drop=True)
