"""The due list on a fixed today, check-ins, ghosting, and the .ics export."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar

from rejectkit.cli import main
from rejectkit.errors import ConflictError
from rejectkit.records.reminders import (
    add_contact,
    check_in,
    due,
    mark_ghosted,
    reminders,
    reminders_ics,
    write_reminders_ics,
)

TODAY = date(2026, 11, 25)
DEMO_DUE = {
    ("feedback_nudge", "F0006"),
    ("keep_warm", "C0001"),
    ("keep_warm", "C0002"),
    ("keep_warm", "C0003"),
    ("maybe_ghosted", "A0019"),
    ("maybe_ghosted", "A0021"),
    ("maybe_ghosted", "A0022"),
    ("maybe_ghosted", "A0024"),
    ("maybe_ghosted", "A0025"),
    ("maybe_ghosted", "A0026"),
}


def _keys(items):
    return {(r.kind, r.record_id) for r in items}


def test_the_demo_due_list_on_a_fixed_day(workspace):
    items = due(workspace.read(), today=TODAY)
    assert _keys(items) == DEMO_DUE
    assert [r.due_on for r in items] == sorted(r.due_on for r in items)
    nudge = next(r for r in items if r.kind == "feedback_nudge")
    assert (nudge.since, nudge.due_on, nudge.application_id) == (
        date(2026, 11, 5),
        date(2026, 11, 16),
        "A0020",
    )
    assert nudge.summary == "Nudge Tidewater Games about feedback"
    assert "You asked Maya Penhallow for feedback on your Product Analyst application on " in (
        nudge.description
    )
    contact = next(r for r in items if r.record_id == "C0002")
    assert (contact.due_on, contact.contact_id) == (date(2026, 10, 5), "C0002")
    assert contact.summary == "Check in with Dev Ashcombe (Kitefield Recruitment)"


def test_upcoming_reminders_are_not_due_yet(workspace):
    upcoming = {
        (r.kind, r.record_id): r.due_on
        for r in reminders(workspace.read(), today=TODAY)
        if r.due_on > TODAY
    }
    assert upcoming == {
        ("keep_warm", "C0004"): date(2027, 1, 8),
        ("keep_warm", "C0005"): date(2026, 11, 28),
        ("keep_warm", "C0006"): date(2027, 1, 25),
        # Applied 2026-10-26: more than 30 days have passed on the 26th.
        ("maybe_ghosted", "A0028"): date(2026, 11, 26),
        ("maybe_ghosted", "A0029"): date(2026, 12, 3),
        ("maybe_ghosted", "A0030"): date(2026, 12, 11),
        # Interviewed 2026-11-18 (I0015, pending): the wait counts from the interview.
        ("maybe_ghosted", "A0027"): date(2026, 12, 19),
    }


@pytest.mark.parametrize(
    ("days_since_asked", "feedback_days", "is_due"),
    [(10, 10, False), (11, 10, True), (4, 3, True), (3, 3, False), (0, 1, False)],
)
def test_a_feedback_nudge_is_due_after_more_than_n_days(
    workspace, days_since_asked, feedback_days, is_due
):
    today = date(2026, 11, 5) + timedelta(days=days_since_asked)
    items = due(workspace.read(), today=today, feedback_days=feedback_days)
    assert (("feedback_nudge", "F0006") in _keys(items)) is is_due


def test_no_nudge_once_feedback_arrived(workspace):
    workspace.update("feedback", "F0006", {"received_on": "2026-11-20", "went_well": "Pace."})
    assert not [r for r in due(workspace.read(), today=TODAY) if r.kind == "feedback_nudge"]


def test_a_nudge_sent_restarts_the_wait(workspace):
    workspace.add(
        "messages",
        {"application_id": "A0020", "kind": "feedback_nudge", "sent_on": "2026-11-20"},
    )
    data = workspace.read()
    assert ("feedback_nudge", "F0006") not in _keys(due(data, today=TODAY))
    later = [r for r in due(data, today=date(2026, 12, 1)) if r.kind == "feedback_nudge"]
    assert [(r.since, r.due_on) for r in later] == [(date(2026, 11, 20), date(2026, 12, 1))]


@pytest.mark.parametrize(
    ("record", "due_on"),
    [
        ({"last_contact_on": "2026-09-01", "next_contact_on": "2026-09-15"}, date(2026, 9, 15)),
        ({"last_contact_on": "2026-09-01", "cadence_days": "30"}, date(2026, 10, 1)),
        ({"last_contact_on": "2026-09-01"}, date(2026, 11, 30)),
        ({}, None),
    ],
    ids=["next-date-set", "from-cadence", "default-90-days", "never-contacted"],
)
def test_when_a_contact_falls_due(empty_workspace, record, due_on):
    empty_workspace.add("contacts", {"name": "Kim Lowe", **record})
    found = [r.due_on for r in reminders(empty_workspace.read(), today=TODAY)]
    assert found == ([due_on] if due_on else [])


def test_ghost_days_are_configurable_and_only_open_applications_count(workspace):
    data = workspace.read()
    ghosted = {r.record_id for r in due(data, today=TODAY, ghost_days=60) if "ghost" in r.kind}
    # Applied on or before 2026-09-25, more than 60 days before the 25th, and still open.
    assert ghosted == {"A0019", "A0021", "A0022"}


def test_an_empty_workspace_has_nothing_due(empty_workspace):
    assert reminders(empty_workspace.read(), today=TODAY) == []


# Writing ----------------------------------------------------------------------------------


def _contact(ws, contact_id):
    return next(r for r in ws.read().contacts.to_dict("records") if r["id"] == contact_id)


@pytest.mark.parametrize(
    ("contact_id", "today", "expected"),
    [
        ("C0002", TODAY, ("2026-11-25", "2027-01-24")),  # every 60 days
        ("C0004", TODAY, ("2026-11-25", "2027-03-25")),  # every 120 days
        ("C0001", date(2026, 7, 1), ("2026-07-14", "2026-10-12")),  # before the last: no change
    ],
)
def test_check_in_moves_the_next_date_by_the_cadence(workspace, contact_id, today, expected):
    check_in(workspace, contact_id, today=today)
    row = _contact(workspace, contact_id)
    assert (row["last_contact_on"], row["next_contact_on"]) == expected


def test_check_in_with_an_empty_cadence_uses_90_days(workspace):
    workspace.update("contacts", "C0003", {"cadence_days": ""})
    check_in(workspace, "C0003", today=TODAY)
    assert _contact(workspace, "C0003")["next_contact_on"] == "2027-02-23"
    assert ("keep_warm", "C0003") not in _keys(due(workspace.read(), today=TODAY))


def test_check_in_refuses_when_the_row_changed_on_disk(workspace):
    workspace.update("contacts", "C0001", {"next_contact_on": "2026-12-01"})
    with pytest.raises(ConflictError, match=r"C0001 in contacts\.csv changed since you loaded it"):
        check_in(workspace, "C0001", today=TODAY, expected={"next_contact_on": "2026-10-12"})
    assert _contact(workspace, "C0001")["last_contact_on"] == "2026-07-14"


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"cadence_days": "30"}, ("2026-11-25", "2026-12-25")),
        ({}, ("2026-11-25", "2027-02-23")),
        ({"last_contact_on": "2026-11-01"}, ("2026-11-01", "2027-01-30")),
        ({"next_contact_on": "2026-12-01"}, ("2026-11-25", "2026-12-01")),
    ],
)
def test_adding_a_contact_schedules_the_next_check_in(empty_workspace, record, expected):
    new_id = add_contact(empty_workspace, {"name": "Kim Lowe", **record}, today=TODAY)
    row = _contact(empty_workspace, new_id)
    assert (row["last_contact_on"], row["next_contact_on"]) == expected


def test_mark_ghosted_closes_the_application_once(workspace):
    saved = mark_ghosted(workspace, "A0021", today=TODAY)
    assert (saved["outcome"], saved["outcome_on"]) == ("ghosted", "2026-11-25")
    assert ("maybe_ghosted", "A0021") not in _keys(due(workspace.read(), today=TODAY))
    with pytest.raises(ConflictError, match="outcome: you loaded 'open', the file now has"):
        mark_ghosted(workspace, "A0021", today=TODAY)


# The calendar file ------------------------------------------------------------------------


def _events(data: bytes):
    cal = Calendar.from_ical(data)
    return cal, list(cal.walk("VEVENT"))


def test_ics_holds_one_all_day_event_per_reminder(workspace):
    items = reminders(workspace.read(), today=TODAY)
    cal, events = _events(reminders_ics(items, today=TODAY))
    assert str(cal["VERSION"]) == "2.0" and str(cal["PRODID"]) == "-//rejectkit//reminders//EN"
    assert len(events) == len(items) == 17
    by_uid = {str(e["UID"]): e for e in events}
    assert len(by_uid) == len(events)
    for r in items:
        event = by_uid[r.uid]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date and type(end) is date  # all-day, not a time of day
        assert start == max(r.due_on, TODAY) and end == start + timedelta(days=1)
        assert str(event["SUMMARY"]) == r.summary
        assert isinstance(event.decoded("DTSTAMP"), datetime)
    nudge = by_uid["feedback-nudge-F0006@rejectkit"]
    assert str(nudge["SUMMARY"]) == "Nudge Tidewater Games about feedback"
    assert str(nudge["DESCRIPTION"]).startswith("Due since 16 November 2026. You asked Maya")
    assert by_uid["keep-warm-C0004@rejectkit"].decoded("DTSTART") == date(2027, 1, 8)


def test_ics_uids_are_stable_across_exports(workspace):
    data = workspace.read()
    first = _events(reminders_ics(reminders(data, today=TODAY), today=TODAY))[1]
    later = date(2026, 12, 2)
    second = _events(reminders_ics(reminders(data, today=later), today=later))[1]
    uids = [str(e["UID"]) for e in first]
    assert uids == [str(e["UID"]) for e in second]
    assert "keep-warm-C0001@rejectkit" in uids and "maybe-ghosted-A0019@rejectkit" in uids
    # The overdue event moved to the new day instead of staying in the past.
    moved = next(e for e in second if str(e["UID"]) == "keep-warm-C0001@rejectkit")
    assert moved.decoded("DTSTART") == later


def test_write_reminders_ics_replaces_the_file_atomically(workspace, tmp_path):
    target = tmp_path / "cal" / "reminders.ics"
    target.parent.mkdir()
    write_reminders_ics(target, [], today=TODAY)  # an earlier calendar the kit wrote
    path = write_reminders_ics(target, reminders(workspace.read(), today=TODAY), today=TODAY)
    assert path == target and len(_events(target.read_bytes())[1]) == 17
    assert sorted(p.name for p in target.parent.iterdir()) == ["reminders.ics"]


# The command line -------------------------------------------------------------------------

DUE_OUTPUT = """\
Due on 25 November 2026: 10 reminders

Feedback to nudge (1)
  2026-11-16  F0006  Nudge Tidewater Games about feedback

People to check in with (3)
  2026-10-05  C0002  Check in with Dev Ashcombe (Kitefield Recruitment)
  2026-10-12  C0001  Check in with Rhian Mercer (Orchard Health Trust)
  2026-11-18  C0003  Check in with Alex Morrow (Northern Data Meetup)

Silent applications: ghosted? (6)
  2026-10-02  A0019  No answer from Kingfisher Lane Telecom: ghosted?
  2026-10-15  A0021  No answer from Lanternfish Analytics: ghosted?
  2026-10-18  A0022  No answer from Hollowbrook Water Services: ghosted?
  2026-10-29  A0024  No answer from Meadowgate Pharmacy Group: ghosted?
  2026-11-05  A0025  No answer from Wrenfield Civic Data: ghosted?
  2026-11-12  A0026  No answer from Fernhill Sports Network: ghosted?
"""


def test_cli_due_prints_the_due_list(sample_copy, capsys):
    assert main(["due", "--data", str(sample_copy), "--today", "2026-11-25"]) == 0
    assert capsys.readouterr().out.startswith(DUE_OUTPUT)


def test_cli_due_with_other_waits(sample_copy, capsys):
    args = ["due", "--data", str(sample_copy), "--today", "2026-11-25"]
    assert main([*args, "--feedback-days", "30", "--ghost-days", "60"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Due on 25 November 2026: 6 reminders\n")
    assert "F0006" not in out and "A0024" not in out and "A0022" in out


def test_cli_due_when_nothing_is_due(empty_workspace, capsys):
    assert main(["due", "--data", str(empty_workspace.path), "--today", "2026-11-25"]) == 0
    assert capsys.readouterr().out == "Nothing is due on 25 November 2026.\n"


def test_cli_remind_writes_the_calendar(sample_copy, tmp_path, capsys):
    target = tmp_path / "out.ics"
    args = ["remind", "--ics", str(target), "--data", str(sample_copy), "--today", "2026-11-25"]
    assert main(args) == 0
    assert capsys.readouterr().out == (
        f"Wrote 17 reminders (10 due now, placed on 2026-11-25) to {target}. Import it into "
        "your calendar; importing a newer file updates these events instead of adding new "
        "ones.\n"
    )
    assert len(_events(target.read_bytes())[1]) == 17


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--today", "25/11/2026"], "'25/11/2026' is not written YYYY-MM-DD; write 2026-11-25"),
        (["--feedback-days", "0"], "'0' is not a whole number of days above 0"),
        (["--ghost-days", "ten"], "'ten' is not a whole number of days above 0"),
    ],
)
def test_cli_due_refuses_bad_arguments(sample_copy, capsys, args, message):
    with pytest.raises(SystemExit) as stopped:
        main(["due", "--data", str(sample_copy), *args])
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err


def test_cli_due_on_a_broken_workspace_says_what_is_wrong(sample_copy, capsys):
    text = (sample_copy / "contacts.csv").read_text("utf-8")
    (sample_copy / "contacts.csv").write_text(text.replace("2026-10-12", "12/10/2026"), "utf-8")
    assert main(["due", "--data", str(sample_copy), "--today", "2026-11-25"]) == 1
    err = capsys.readouterr().err
    assert "contacts.csv:2: next_contact_on: '12/10/2026'" in err and "Traceback" not in err
