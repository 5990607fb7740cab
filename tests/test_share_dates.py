"""Issue 14: dates written in free text move by the same secret shift as the log's own dates,
in the style they were written, or show only their month with ``--months``; relative dates
stay as they are."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from leak_canary import build

from rejectkit.sharing.aliases import AliasMap
from rejectkit.sharing.anonymise import ShareOptions, anonymise
from rejectkit.sharing.textdates import DateShift

# written, shifted by +14 days, shown by month after a shift of -70 days
CASES = [
    ("3 May 2026", "17 May 2026", "February 2026"),
    ("03 May 2026", "17 May 2026", "February 2026"),
    ("3rd May 2026", "17th May 2026", "February 2026"),
    ("3rd of May", "17th of May", "February"),
    ("May 3rd", "May 17th", "February"),
    ("May 3, 2026", "May 17, 2026", "February 2026"),
    ("Sept. 30", "Oct. 14", "Jul."),
    ("28 Dec 2026", "11 Jan 2027", "Oct 2026"),
    ("03/05/2026", "17/05/2026", "02/2026"),
    ("3.5.2026", "17.5.2026", "02.2026"),
    ("05/13/2026", "05/27/2026", "03/2026"),
    ("2026-05-03", "2026-05-17", "2026-02"),
    ("May 2026", "May 2026", "March 2026"),
]  # fmt: skip
LEFT_ALONE = [
    "last Tuesday",
    "next week, on Friday",
    "I may 3 times ask",
    "31/02/2026 is no date",
    "rated 4/5 twice",
    "at 10.30 sharp",
    "the May panel",
]


@pytest.mark.parametrize(("written", "shifted", "month"), CASES, ids=[c[0] for c in CASES])
def test_a_date_in_text_is_shifted_as_written(written, shifted, month):
    assert DateShift(14)(f"round on {written}, then") == f"round on {shifted}, then"
    assert DateShift(-70, months=True)(f"round on {written}.") == f"round on {month}."


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_relative_dates_and_other_numbers_stay(text):
    assert DateShift(14)(text) == text


@settings(max_examples=200, deadline=None)
@given(day=st.dates(date(2000, 1, 1), date(2040, 12, 31)), weeks=st.integers(-156, 156))
def test_every_written_style_moves_by_the_same_days(day, weeks):
    moved = day + timedelta(weeks=weeks)
    shift = DateShift(7 * weeks)
    assert shift(day.isoformat()) == moved.isoformat()
    assert shift(f"{day.day} {day:%B %Y}") == f"{moved.day} {moved:%B %Y}"
    assert shift(f"{day:%d/%m/%Y}") == f"{moved:%d/%m/%Y}"


def test_the_note_and_the_column_move_together(tmp_path):
    ws = build(tmp_path / "ws", ["Interview on 3 May 2026 (03/05/2026), booked last Tuesday."])
    anon = anonymise(ws.load(), AliasMap(), 28, ShareOptions())
    assert anon.tables["applications"].at[0, "notes"] == (
        "Interview on 31 May 2026 (31/05/2026), booked last Tuesday."
    )
    months = anonymise(ws.load(), AliasMap(), 28, ShareOptions(months=True))
    assert months.tables["applications"].at[0, "notes"] == (
        "Interview on May 2026 (05/2026), booked last Tuesday."
    )
    assert months.tables["applications"].at[0, "applied_on"] == "2026-04-01"
