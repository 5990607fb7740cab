"""The message form and the due view, driven like a user: set values, click buttons."""

from __future__ import annotations

import base64
import html
import json
import re
from datetime import date
from email import policy
from email.parser import BytesParser
from html.parser import HTMLParser
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from icalendar import Calendar

from rejectkit.messages.drafts import draft_message
from rejectkit.ui.due_view import DueView
from rejectkit.ui.message_form import MessageForm

TODAY = date(2026, 11, 25)


class _Tags(HTMLParser):
    """The attributes of every tag in an HTML snippet, entities decoded as a browser would."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _rows(ws, table):
    return ws.read().tables[table].to_dict("records")


def _sent(ws):
    """Messages logged by the test, after the demo's own sent log (M0001-M0009)."""
    return [r for r in _rows(ws, "messages") if int(r["id"][1:]) > 9]


@pytest.fixture
def form(workspace):
    return MessageForm(workspace, today=TODAY)


def test_the_form_opens_on_the_latest_rejection_with_how_far_you_got(form):
    values = [v for _, v in form.application.options]
    # Rejected first, latest rejection first; then the rest, latest application first.
    assert values[:4] == ["A0020", "A0017", "A0012", "A0014"]
    assert values[12:14] == ["A0030", "A0029"]  # 12 rejections
    assert len(values) == 30
    assert form.application.value == "A0020"
    assert form.application.label == "Tidewater Games: Product Analyst (rejected 2026-10-27) A0020"
    note = html.unescape(re.sub("<[^>]+>", "", form.note.value))
    assert note.startswith(
        "A rejection logged is feedback, not failure. You reached the final round: only 3 of "
        "your 30 applications got this far."
    )
    assert "From your notes on the final interview (20 October): My new questions" in note


def test_choices_redraft_the_message(form, workspace):
    form.kind.value = "feedback_request"
    form.tone.value = "formal"
    form.personal.value = "The games-market discussion was fascinating."
    form.sender.value = "Sam Carter"
    expected = draft_message(
        workspace.read(),
        "feedback_request",
        application_id="A0020",
        tone="formal",
        personal="The games-market discussion was fascinating.",
        sender="Sam Carter",
    )
    panel = form.panel
    assert (panel.subject.value, panel.body.value) == (expected.subject, expected.body)
    assert (panel.to_name.value, panel.to_email.value) == (
        "Maya Penhallow",
        "maya.penhallow@example.com",
    )
    form.application.value = "A0002"
    assert panel.to_email.value == "" and "Fennick & Rowe Retail" in panel.body.value
    assert "No email address yet" in panel.actions.value


def test_the_under_a_minute_path_reply_then_feedback_request(workspace):
    form = MessageForm(workspace, today=TODAY, application_id="A0003")
    assert form.kind.value == "rejection_reply"
    form.panel.subject.value = "Thank you, Tom"
    form.panel.mark_sent.click()
    # After the reply, the form moves on to the feedback request (step 3 of the method).
    assert form.kind.value == "feedback_request"
    assert form.panel.subject.value == "Could I ask for your feedback?"
    assert "Next: the feedback request below" in form.panel.message.value
    form.panel.mark_sent.click()
    assert [
        (r["id"], r["application_id"], r["kind"], r["subject"], r["sent_on"])
        for r in _sent(workspace)
    ] == [
        ("M0010", "A0003", "rejection_reply", "Thank you, Tom", "2026-11-25"),
        ("M0011", "A0003", "feedback_request", "Could I ask for your feedback?", "2026-11-25"),
    ]
    assert _sent(workspace)[0]["to_email"] == "tom.ferrant@example.net"
    feedback = [r for r in _rows(workspace, "feedback") if r["application_id"] == "A0003"]
    assert [(r["id"], r["requested_on"], r["received_on"]) for r in feedback] == [
        ("F0007", "2026-11-25", "")
    ]
    assert (
        "Already sent: reply to the rejection on 2026-11-25; ask for feedback on 2026-11-25."
        in (form.note.value)
    )


def test_mark_as_sent_uses_the_sent_on_date_and_the_edits(form, workspace):
    form.kind.value = "thank_you"
    form.panel.to_email.value = "maya@tidewater.example"
    form.panel.sent_on.value = date(2026, 10, 20)
    form.panel.mark_sent.click()
    (row,) = _sent(workspace)
    assert (row["kind"], row["to_email"], row["sent_on"], row["contact_id"]) == (
        "thank_you",
        "maya@tidewater.example",
        "2026-10-20",
        "C0006",
    )
    # An earlier date than the last contact (2026-10-27) does not move the check-in back.
    contact = next(r for r in _rows(workspace, "contacts") if r["id"] == "C0006")
    assert contact["last_contact_on"] == "2026-10-27"


def test_copy_buttons_carry_the_edited_text(form):
    form.panel.body.value = 'Line "one" & <two>\nZoë\'s </script> line'
    buttons = [a for tag, a in _Tags(form.panel.actions.value).tags if tag == "button"]
    assert len(buttons) == 2
    copied = []
    for attrs in buttons:
        # The script ends with the text as a JSON string literal: `})(this,"...")`.
        literal = attrs["onclick"].rsplit("})(this,", 1)[1][:-1]
        copied.append(json.loads(literal))
    assert copied == ['Line "one" & <two>\nZoë\'s </script> line', form.panel.subject.value]
    assert "navigator.clipboard.writeText" in buttons[0]["onclick"]


def test_the_mail_link_opens_the_edited_message(form):
    form.panel.subject.value = "Thanks & more?"
    form.panel.body.value = "Hi #1\n100% grateful\n"
    (link,) = [a["href"] for tag, a in _Tags(form.panel.actions.value).tags if tag == "a"]
    parts = urlsplit(link)
    query = parse_qs(parts.query)
    assert (parts.scheme, unquote(parts.path)) == ("mailto", "maya.penhallow@example.com")
    assert (query["subject"], query["body"]) == (["Thanks & more?"], ["Hi #1\r\n100% grateful\r\n"])


def test_download_writes_the_eml_and_offers_it(form, workspace):
    form.panel.subject.value = "Edited subject"
    form.panel.download.click()
    path = workspace.path / "outbox" / "2026-11-25-rejection_reply-A0020.eml"
    msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert msg["Subject"] == "Edited subject" and msg["X-Unsent"] == "1"
    (link,) = [a for tag, a in _Tags(form.panel.message.value).tags if tag == "a"]
    assert link["download"] == path.name
    assert base64.b64decode(link["href"].split(",", 1)[1]) == path.read_bytes()
    assert str(path) in html.unescape(form.panel.message.value)


def test_errors_are_shown_in_the_form(form, workspace):
    folder = workspace.path / "templates"
    folder.mkdir()
    (folder / "thank_you.warm.txt").write_text("Subject: Hi\n\n{{ salary }}\n", "utf-8")
    form.kind.value = "thank_you"
    shown = html.unescape(form.message.value)
    assert "thank_you.warm.txt uses a field the kit does not fill in: 'salary'" in shown
    assert form.panel.mark_sent.disabled and form.panel.body.value == ""
    form.kind.value = "rejection_reply"
    assert form.message.value == "" and not form.panel.mark_sent.disabled
    form.panel.to_email.value = "maya at tidewater"
    form.panel.download.click()
    assert "is not one a mail program can use" in html.unescape(form.panel.message.value)


def test_a_broken_workspace_is_reported_not_raised(sample_copy):
    from rejectkit.store.workspace import Workspace

    text = (sample_copy / "applications.csv").read_text("utf-8")
    (sample_copy / "applications.csv").write_text(
        text.replace("final,rejected", "finale,rejected", 1)
    )
    form = MessageForm(Workspace(sample_copy), today=TODAY)
    assert "'finale' is not a known stage" in html.unescape(form.message.value)
    view = DueView(Workspace(sample_copy), today=TODAY)
    assert "'finale' is not a known stage" in html.unescape(view.message.value)


# The due view -----------------------------------------------------------------------------


@pytest.fixture
def view(workspace):
    return DueView(workspace, today=TODAY)


def test_the_due_view_lists_what_is_due(view):
    assert set(view.buttons) == {
        ("feedback_nudge", "F0006"),
        ("keep_warm", "C0001"),
        ("keep_warm", "C0002"),
        ("keep_warm", "C0003"),
        *(("maybe_ghosted", a) for a in ("A0019", "A0021", "A0022", "A0024", "A0025", "A0026")),
    }
    assert view.summary.value == (
        "Due on 25 November 2026: 1 feedback nudge, 3 check-ins, 6 silent applications."
    )
    assert sorted(view.buttons[("feedback_nudge", "F0006")]) == ["Draft nudge"]
    assert sorted(view.buttons[("maybe_ghosted", "A0019")]) == ["Mark as ghosted"]


def test_draft_nudge_then_mark_as_sent_clears_it(view, workspace):
    view.tone.value = "brief"
    view.buttons[("feedback_nudge", "F0006")]["Draft nudge"].click()
    assert view.panel.subject.value == "Re: Feedback on my application for Product Analyst"
    assert "my note of 5 November" in view.panel.body.value
    view.panel.mark_sent.click()
    (row,) = _sent(workspace)
    assert (row["kind"], row["application_id"], row["sent_on"]) == (
        "feedback_nudge",
        "A0020",
        "2026-11-25",
    )
    assert ("feedback_nudge", "F0006") not in view.buttons


def test_checked_in_today_moves_the_contact_on(view, workspace):
    view.buttons[("keep_warm", "C0002")]["Checked in today"].click()
    contact = next(r for r in _rows(workspace, "contacts") if r["id"] == "C0002")
    assert (contact["last_contact_on"], contact["next_contact_on"]) == ("2026-11-25", "2027-01-24")
    assert ("keep_warm", "C0002") not in view.buttons
    assert "next check-in on 2027-01-24" in view.message.value


def test_a_check_in_drafted_and_sent_moves_the_contact_on(view, workspace):
    view.buttons[("keep_warm", "C0003")]["Draft check-in"].click()
    assert view.panel.to_name.value == "Alex Morrow"
    view.panel.mark_sent.click()
    contact = next(r for r in _rows(workspace, "contacts") if r["id"] == "C0003")
    assert (contact["last_contact_on"], contact["next_contact_on"]) == ("2026-11-25", "2027-02-23")
    assert ("keep_warm", "C0003") not in view.buttons


def test_mark_as_ghosted(view, workspace):
    view.buttons[("maybe_ghosted", "A0021")]["Mark as ghosted"].click()
    app = next(r for r in _rows(workspace, "applications") if r["id"] == "A0021")
    assert (app["outcome"], app["outcome_on"]) == ("ghosted", "2026-11-25")
    assert ("maybe_ghosted", "A0021") not in view.buttons


def test_a_stale_button_reports_the_conflict(view, workspace):
    workspace.update("applications", "A0022", {"outcome": "rejected", "outcome_on": "2026-11-20"})
    view.buttons[("maybe_ghosted", "A0022")]["Mark as ghosted"].click()
    assert "changed since you loaded it" in html.unescape(view.message.value)
    app = next(r for r in _rows(workspace, "applications") if r["id"] == "A0022")
    assert app["outcome"] == "rejected"


def test_export_writes_the_calendar_into_the_workspace(view, workspace):
    view.export.click()
    path = workspace.path / "reminders.ics"
    cal = Calendar.from_ical(path.read_bytes())
    assert len(list(cal.walk("VEVENT"))) == 17
    assert "Wrote 17 reminders to" in view.export_message.value
    (link,) = [a for tag, a in _Tags(view.export_message.value).tags if tag == "a"]
    assert base64.b64decode(link["href"].split(",", 1)[1]) == path.read_bytes()


_CLIPBOARD_PAGE = """<!doctype html><html><body><div id="box">{button}</div><pre id="out"></pre>
<script>
var got = [];
Object.defineProperty(navigator, "clipboard", {{value: {{writeText: function (text) {{
  got.push(text); return Promise.resolve(); }}}}}});
document.querySelector("#box button").click();
setTimeout(function () {{
  document.getElementById("out").textContent = JSON.stringify(
    {{got: got, label: document.querySelector("#box button").textContent}});
}}, 50);
</script></body></html>"""


@pytest.mark.browser
def test_the_copy_button_copies_the_exact_text_in_a_real_browser(tmp_path):
    import os
    import shutil
    import subprocess

    from rejectkit.ui.message_form import copy_button

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs Chromium for the browser tests")
        pytest.skip("no Chromium on this machine")
    text = 'Line "one" & <two>\nZoë\'s </script> \\ line\t😀'
    page = tmp_path / "copy.html"
    page.write_text(_CLIPBOARD_PAGE.format(button=copy_button("Copy message", text)), "utf-8")
    dom = subprocess.run(
        [
            browser,
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--virtual-time-budget=2000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    result = json.loads(html.unescape(re.search(r'<pre id="out">(.*)</pre>', dom, re.S)[1]))
    # The clipboard got the text exactly, and the button said so.
    assert result == {"got": [text], "label": "Copied"}


def test_an_empty_log_shows_empty_forms(empty_workspace):
    form = MessageForm(empty_workspace, today=TODAY)
    assert form.application.options == () and form.panel.mark_sent.disabled
    view = DueView(empty_workspace, today=TODAY)
    assert view.buttons == {} and view.summary.value == "Nothing is due on 25 November 2026."
