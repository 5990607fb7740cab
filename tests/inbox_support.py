"""The email corpus of tests/emails/ and a workspace holding the applications it is about."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

EMAILS = Path(__file__).resolve().parent / "emails"
MANIFEST = list(csv.DictReader((EMAILS / "manifest.csv").open(encoding="utf-8")))
# The day a test pretends it is, for an email that carries no date of its own.
TODAY = date(2026, 11, 20)


def corpus_workspace(folder: Path):
    """A new workspace whose applications.csv is the corpus's (30 fictional applications)."""
    from rejectkit.store.location import init_workspace

    ws = init_workspace(folder)
    ws.put_file("applications", (EMAILS / "applications.csv").read_bytes())
    return ws


def expected_changes(row: dict) -> dict[str, str]:
    """The application changes the manifest expects of one email, as {field: new value}."""
    pairs = (item.split("=", 1) for item in row["changes"].split(";") if item)
    return {k: v.replace("TODAY", TODAY.isoformat()) for k, v in pairs}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a workspace, as bytes (its .rejectkit folder included, the lock not)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "lock"
    }
