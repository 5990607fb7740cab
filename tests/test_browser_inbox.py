"""The inbox page of the app in a real browser: drop a saved rejection email on it, Save, and
the reply draft downloads addressed to the sender, threaded under their email."""

from __future__ import annotations

import re
from email import message_from_bytes, policy

from formkit import rows

from rejectkit.ui.inbox_form import EXAMPLE_EMAIL


def test_drop_an_email_save_it_and_download_the_threaded_reply(app, page, tmp_path):
    page.goto(app.open_url("/voila/render/10-read-an-email.ipynb"))
    page.get_by_text("Drop the email here").wait_for(timeout=90_000)
    # The upload button opens the file chooser, as for a user picking the saved email.
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=re.compile(r"Upload email")).click()
    chooser.value.set_files(str(EXAMPLE_EMAIL))
    page.get_by_text("what it is: rejection: 'sorry to let you know'").wait_for()
    page.get_by_text("would change outcome: open -> rejected").wait_for()
    page.get_by_role("button", name=re.compile(r"\bSave$")).click()
    page.get_by_text(re.compile(r"Saved A0029 \(Bramblewood Charity Alliance, Impact Data "
                                r"Analyst\): outcome rejected, outcome_on 2026-11-24")).wait_for()  # fmt: skip
    page.get_by_text("Next: reply with grace.").wait_for()

    app_row = next(r for r in rows(app.workspace, "applications") if r["id"] == "A0029")
    assert (app_row["outcome"], app_row["outcome_on"], app_row["contact_name"],
            app_row["contact_email"]) == (
        "rejected", "2026-11-24", "Priya Anand", "priya.anand@bramblewood.example")  # fmt: skip

    page.get_by_role("button", name="Download .eml").click()
    link = page.get_by_role("link", name="Download it")
    with page.expect_download() as info:
        link.click()
    saved = tmp_path / "reply.eml"
    info.value.save_as(saved)
    reply = message_from_bytes(saved.read_bytes(), policy=policy.default)
    assert reply["To"] == "Priya Anand <priya.anand@bramblewood.example>"
    assert reply["In-Reply-To"] == "<impact-analyst-2291@bramblewood.example>"
    assert reply["References"] == "<impact-analyst-2291@bramblewood.example>"
    assert reply["X-Unsent"] == "1"
    assert "Priya" in reply.get_content()
