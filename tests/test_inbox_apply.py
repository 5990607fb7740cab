"""From an email to the log: what each corpus email would change, applied as one save, undone
by one undo, and changing nothing when read again."""

from __future__ import annotations

import shutil
from email import message_from_bytes, policy

import pytest
from inbox_support import EMAILS, MANIFEST, TODAY, corpus_workspace, expected_changes, snapshot

from rejectkit.errors import ConflictError, RejectkitError
from rejectkit.inbox.apply import apply_plan, personal_sender, plan_email
from rejectkit.inbox.files import read_email
from rejectkit.inbox.read import Email
from rejectkit.inbox.reply import thread_of
from rejectkit.messages.drafts import draft_message, eml_bytes
from rejectkit.store.history import read_history
from rejectkit.store.undo import undo
from rejectkit.store.workspace import Workspace

DATA_FILES = ("applications.csv", "contacts.csv", "feedback.csv", "interviews.csv")
JOB_EMAILS = [r for r in MANIFEST if r["kind"] != "not_job"]


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return corpus_workspace(tmp_path_factory.mktemp("corpus") / "w").path


@pytest.fixture
def ws(template, tmp_path):
    return Workspace(shutil.copytree(template, tmp_path / "w"))


def _data(folder) -> dict[str, bytes]:
    return {k: v for k, v in snapshot(folder).items() if k in DATA_FILES}


@pytest.mark.parametrize("row", JOB_EMAILS, ids=lambda r: r["file"])
def test_each_email_proposes_exactly_its_changes_and_applies_them_once(ws, row):
    before = snapshot(ws.path)
    plan = plan_email(ws, read_email(EMAILS / row["file"]), today=TODAY)
    assert snapshot(ws.path) == before  # planning writes nothing
    assert {k: new for k, (_, new) in plan.changes.items()} == expected_changes(row)
    assert bool(plan.feedback) == (row["feedback"] == "1")
    assert plan.interview.get("held_on", "") == row["interview"]
    if row["application"] == "ask":
        assert plan.needs_choice
        with pytest.raises(RejectkitError, match="Nothing was saved; choose the application"):
            apply_plan(ws, plan)
        assert snapshot(ws.path) == before
        return
    apply_plan(ws, plan)
    app = ws.load().applications.set_index("id").loc[row["application"]]
    for field, value in expected_changes(row).items():
        assert app[field] == value
    if plan.has_changes:
        assert plan.op == 1 and set(read_history(ws)["op"]) == {1}
    else:
        assert plan.op is None and snapshot(ws.path) == before
    # Read again: nothing left to change, and no file is touched.
    after = snapshot(ws.path)
    again = plan_email(ws, read_email(EMAILS / row["file"]), today=TODAY)
    assert not again.has_changes, again.describe()
    apply_plan(ws, again)
    assert snapshot(ws.path) == after


def test_a_rejection_is_one_transaction_and_one_undo_restores_every_byte(ws):
    before = _data(ws.path)
    plan = apply_plan(ws, plan_email(ws, read_email(EMAILS / "r03_lumen_after_interview.eml")))
    history = read_history(ws)
    assert set(history["op"]) == {plan.op} == {1}
    assert set(history["file"]) == {"applications.csv", "contacts.csv", "feedback.csv"}
    assert history["message"].iat[0] == (
        "Email <r03_lumen_after_interview@mail.example>: rejection for A0003"
    )
    data = ws.load()
    assert data.feedback[["application_id", "received_on", "went_well", "to_improve"]].values.tolist() == [
        ["A0003", "2026-10-22",
         "The panel liked your clear explanation of the data pipeline project.",
         "They felt you would need more experience with dbt in production."]]  # fmt: skip
    assert data.contacts[["application_id", "name", "email", "last_contact_on",
                          "next_contact_on"]].values.tolist() == [
        ["A0003", "Grace Okafor", "grace.okafor@lumenhealth.example", "2026-10-22",
         "2027-01-20"]]  # fmt: skip
    undo(ws)
    assert _data(ws.path) == before


def test_a_change_made_meanwhile_refuses_the_save_and_writes_nothing(ws):
    plan = plan_email(ws, read_email(EMAILS / "r01_corvid_plain.eml"))
    ws.update("applications", "A0001", {"notes": "edited in Excel"})
    before = snapshot(ws.path)
    with pytest.raises(ConflictError, match=r"A0001 in applications\.csv changed since you loaded"):
        apply_plan(ws, plan)
    assert snapshot(ws.path) == before


def test_the_users_choice_settles_an_ambiguous_email(ws):
    email = read_email(EMAILS / "r10_marlowe_ambiguous.eml")
    assert plan_email(ws, email).needs_choice
    plan = apply_plan(ws, plan_email(ws, email, application_id="A0011"))
    apps = ws.load().applications.set_index("id")
    assert apps.loc["A0011", ["outcome", "outcome_on"]].tolist() == ["rejected", "2026-10-15"]
    assert apps.loc["A0010", "outcome"] == "open"
    assert plan.match.why == "A0011 Marlowe Insurance, Claims Data Analyst (chosen by you)"
    with pytest.raises(RejectkitError, match=r"--application 'A9999' is not in applications\.csv"):
        plan_email(ws, email, application_id="A9999")


def test_a_later_email_updates_the_contact_it_added(ws):
    apply_plan(ws, plan_email(ws, read_email(EMAILS / "i01_tallis_invite.eml")))
    plan = plan_email(ws, read_email(EMAILS / "r27_tallis_outlook_reply.eml"))
    assert plan.contact_id == "C0001" and plan.contact["last_contact_on"] == "2026-10-20"
    apply_plan(ws, plan)
    contacts = ws.load().contacts
    assert contacts[["id", "name", "last_contact_on"]].values.tolist() == [
        ["C0001", "Mark Ellison", "2026-10-20"]
    ]
    apps = ws.load().applications.set_index("id")
    assert apps.loc["A0004", ["stage", "outcome", "outcome_on"]].tolist() == [
        "interview", "rejected", "2026-10-20"]  # fmt: skip


def test_a_second_rejection_keeps_the_first_date(ws):
    apply_plan(ws, plan_email(ws, read_email(EMAILS / "r01_corvid_plain.eml")))
    later = Email(subject="BI Developer", sender_name="Ana Ruiz", text="Sorry, we have decided "
                  "not to move forward with your application.",
                  sender_email="ana.ruiz@corvidsystems.example", date=TODAY)  # fmt: skip
    plan = plan_email(ws, later)
    assert plan.changes == {} and plan.notes == ["A0001 was already rejected on 2026-10-20"]


@pytest.mark.parametrize(
    "name, address, person",
    [
        ("Ana Ruiz", "ana.ruiz@corvid.example", ("Ana Ruiz", "ana.ruiz@corvid.example")),
        ("Ana Ruiz via Greenhouse", "no-reply@greenhouse.io", ("Ana Ruiz", "")),
        ("Corvid Careers", "careers@corvid.example", ("", "")),
        ("The Hiring Team", "ana@corvid.example", ("", "ana@corvid.example")),
        ("", "jo.ng@gmail.com", ("", "jo.ng@gmail.com")),
        ("Marlowe Insurance", "marlowe@myworkday.com", ("Marlowe Insurance", "")),
        ("jo@x.example", "jo@x.example", ("", "jo@x.example")),
    ],
)
def test_who_counts_as_a_person_to_reply_to(name, address, person):
    assert personal_sender(Email(sender_name=name, sender_email=address)) == person


def test_the_reply_is_addressed_to_the_sender_and_threaded_under_the_email(ws):
    email = read_email(EMAILS / "r17_cobalt_reply_quoting_invite.eml")
    apply_plan(ws, plan_email(ws, email))
    draft = draft_message(ws.load(), "rejection_reply", application_id="A0018")
    sent = message_from_bytes(eml_bytes(draft.edited(**thread_of(email))), policy=policy.default)
    assert sent["To"] == "Ben Adeyemi <ben.adeyemi@cobaltfintech.example>"
    assert sent["In-Reply-To"] == "<r17_cobalt_reply_quoting_invite@mail.example>"
    assert sent["References"] == ("<i08_cobalt_invite_reply_thread@mail.example> "
                                  "<r17_cobalt_reply_quoting_invite@mail.example>")  # fmt: skip
    assert sent["X-Unsent"] == "1"
    # Nothing of the email is quoted in the reply by default.
    assert "streaming data" not in sent.get_content()
    # A forward carries the forwarder's Message-ID, not the original's: no thread to join.
    assert thread_of(read_email(EMAILS / "r18_gannet_forwarded_gmail.eml")) == {}


def test_an_older_email_read_after_a_newer_one_does_not_undo_it(ws):
    apply_plan(ws, plan_email(ws, read_email(EMAILS / "o01_quillon_offer.eml")))  # 10 November
    plan = plan_email(ws, read_email(EMAILS / "r04_quillon_final_cp1252.eml"))  # 28 October
    assert "outcome" not in plan.changes and "outcome_on" not in plan.changes
    assert plan.notes == ["A0005 has a later outcome (offer on 2026-11-10); the outcome stays"]
    apply_plan(ws, plan)
    assert ws.load().applications.set_index("id").loc["A0005", "outcome"] == "offer"


def test_an_invitation_naming_its_day_adds_the_pending_interview_once(ws):
    email = read_email(EMAILS / "i04_blauwal_einladung.eml")  # "der 14. Oktober um 10 Uhr"
    plan = apply_plan(ws, plan_email(ws, email))
    interviews = ws.load().interviews
    assert interviews[["id", "application_id", "held_on", "result"]].values.tolist() == [
        ["I0001", "A0014", "2026-10-14", "pending"]
    ]
    assert "  added pending interview on 2026-10-14" in plan.describe()
    assert not plan_email(ws, email).has_changes


def test_an_invitation_naming_two_days_adds_none_and_says_why(ws):
    email = Email(subject="Interview", sender_name="Mark Ellison", date=TODAY,
                  sender_email="mark.ellison@tallisfoods.example",
                  text="We'd like to invite you to an interview on 2 December or 4 December.")  # fmt: skip
    plan = plan_email(ws, email)
    assert plan.interview == {}
    assert plan.notes == ["the email names 2 days (2026-12-02, 2026-12-04): log the interview "
                          "once its day is fixed"]  # fmt: skip
