"""The inbox form, driven like a user: paste or upload an email, Check, pick, Save, reply."""

from __future__ import annotations

from datetime import date, datetime
from email import message_from_bytes, policy

from inbox_support import EMAILS, corpus_workspace, snapshot

from rejectkit.store.history import read_history
from rejectkit.ui.inbox_form import EXAMPLE_EMAIL, InboxForm

TODAY = date(2026, 11, 25)


def _upload(form, path, name=None):
    data = path.read_bytes()
    form.upload.value = (
        {"name": name or path.name, "type": "message/rfc822", "size": len(data),
         "content": memoryview(data), "last_modified": datetime(2026, 11, 20)},
    )  # fmt: skip


def test_a_pasted_rejection_is_saved_and_the_threaded_reply_is_offered(tmp_path):
    ws = corpus_workspace(tmp_path / "w")
    form = InboxForm(ws, today=TODAY)
    assert form.text.value == ""  # not the demo: no example
    form.text.value = (EMAILS / "r17_cobalt_reply_quoting_invite.eml").read_text("utf-8")
    form.check_button.click()
    assert "what it is: rejection: &quot;won&#x27;t be moving forward&quot;" in form.result.value
    assert "would change outcome: open -&gt; rejected" in form.result.value
    assert form.picker.layout.display == "none" and not form.save_button.disabled
    assert read_history(ws).empty  # a check writes nothing
    form.save_button.click()
    assert form.message.value == (
        '<div style="color:#1b5e20">Saved A0018 (Cobalt Fintech, Analytics Engineer): outcome '
        "rejected, outcome_on 2026-10-29, contact_name Ben Adeyemi, contact_email "
        "ben.adeyemi@cobaltfintech.example. One change: Undo last save takes all of it back.</div>"
    )
    assert set(read_history(ws)["op"]) == {1}
    assert form.save_button.disabled
    reply = form.reply.panel
    assert (reply.to_name.value, reply.to_email.value) == (
        "Ben Adeyemi", "ben.adeyemi@cobaltfintech.example")  # fmt: skip
    assert reply.current().in_reply_to == "<r17_cobalt_reply_quoting_invite@mail.example>"
    reply.download.click()
    eml = next((ws.path / "outbox").glob("*.eml")).read_bytes()
    sent = message_from_bytes(eml, policy=policy.default)
    assert sent["To"] == "Ben Adeyemi <ben.adeyemi@cobaltfintech.example>"
    assert sent["In-Reply-To"] == "<r17_cobalt_reply_quoting_invite@mail.example>"
    assert "References: <i08_cobalt_invite_reply_thread@mail.example> <r17_cobalt" in eml.decode()


def test_an_ambiguous_email_shows_a_picker_and_saves_only_after_a_choice(tmp_path):
    ws = corpus_workspace(tmp_path / "w")
    form = InboxForm(ws, today=TODAY)
    _upload(form, EMAILS / "r10_marlowe_ambiguous.eml")  # an upload is checked at once
    assert form.picker.layout.display is None
    assert [v for _, v in form.picker.options] == ["", "A0010", "A0011"]
    assert form.save_button.disabled
    before = snapshot(ws.path)
    form.save_button.click()
    assert "Choose the application this email is about first (2 applications match" in (
        form.message.value
    )
    assert snapshot(ws.path) == before
    form.picker.value = "A0011"
    assert "A0011 Marlowe Insurance, Claims Data Analyst (chosen by you)" in form.result.value
    form.save_button.click()
    apps = ws.load().applications.set_index("id")
    assert apps.loc["A0011", "outcome"] == "rejected" and apps.loc["A0010", "outcome"] == "open"
    assert form.last_error is None


def test_an_email_no_application_matches_offers_every_application(tmp_path):
    ws = corpus_workspace(tmp_path / "w")
    form = InboxForm(ws, today=TODAY)
    form.text.value = (EMAILS / "i07_agency_unknown_client.eml").read_text("utf-8")
    form.check_button.click()
    assert len(form.picker.options) == 31  # "choose" and the 30 applications
    form.picker.value = "A0025"
    form.save_button.click()
    assert ws.load().applications.set_index("id").loc["A0025", "stage"] == "interview"
    assert "Next: prepare with your prep sheet" in form.reply_box.children[0].value


def test_mail_about_no_job_cannot_be_saved(tmp_path):
    ws = corpus_workspace(tmp_path / "w")
    form = InboxForm(ws, today=TODAY)
    form.text.value = (EMAILS / "n01_newsletter_offer_tips.eml").read_text("utf-8")
    form.check_button.click()
    assert form.save_button.disabled and "nothing to change" in form.result.value
    form.save_button.click()
    assert "This email is not about a job application: nothing to save." in form.message.value
    assert read_history(ws).empty


def test_a_broken_upload_is_a_message_in_the_form(tmp_path):
    ws = corpus_workspace(tmp_path / "w")
    form = InboxForm(ws, today=TODAY)
    broken = tmp_path / "mail.msg"
    broken.write_bytes(b"not an outlook file")
    _upload(form, broken)
    assert "mail.msg is not an Outlook message" in form.message.value
    assert form.last_error is None and form.plan is None
    form.upload.value = ()
    form.text.value = ""
    form.check_button.click()
    assert "Paste the email into the box, or upload the saved file." in form.message.value


def test_pasted_body_without_a_date_is_dated_today_and_says_so(tmp_path):
    ws = corpus_workspace(tmp_path / "w")
    form = InboxForm(ws, today=TODAY)
    form.text.value = (EMAILS / "r24_saffron_body_only.txt").read_text("utf-8")
    form.check_button.click()
    assert "note: the email has no date, so 2026-11-25 (today) is used" in form.result.value
    form.save_button.click()
    assert ws.load().applications.set_index("id").loc["A0023", "outcome_on"] == "2026-11-25"


def test_on_the_demo_the_example_email_is_ready_to_try(workspace):
    form = InboxForm(workspace, today=TODAY, example=True)
    assert form.text.value.startswith("From: Priya Anand <priya.anand@bramblewood.example>\n")
    assert EXAMPLE_EMAIL.name == "rejection.eml"
    form.save_button.click()  # Save checks first
    assert form.plan.match.application_id == "A0029"
    assert workspace.load().applications.set_index("id").loc["A0029", "outcome"] == "rejected"
    assert form.reply.panel.to_email.value == "priya.anand@bramblewood.example"
