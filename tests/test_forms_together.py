"""The forms together: they see each other's saves, escape user text, show the demo banner,
and let a new user keep a log that passes `rejectkit check` without touching a CSV."""

from __future__ import annotations

from datetime import date

import pytest
from formkit import TODAY, html_texts, rows, snapshot

import rejectkit as rk
from rejectkit.cli import main
from rejectkit.store.location import open_workspace
from rejectkit.store.schema import TOUCHPOINTS
from rejectkit.store.workspace import Workspace
from rejectkit.ui.banner import banner
from rejectkit.ui.forms import ApplicationForm, FeedbackForm, ReviewForm, StrategyForm


def all_forms(ws):
    return [F(ws, today=TODAY) for F in (ApplicationForm, ReviewForm, FeedbackForm, StrategyForm)]


def add_application(form, company="Larchmere Studios", role="Analyst"):
    form["company"].value = company
    form["role"].value = role
    form["applied_on"].value = date(2026, 11, 3)
    form.save_button.click()
    assert form.saved, form.message
    return form.saved


def test_a_save_in_one_form_shows_up_in_the_others_without_a_restart(workspace):
    apps, review, feedback, _ = all_forms(workspace)
    new = add_application(apps)
    label = f"{new} · Larchmere Studios · Analyst (applied 2026-11-03)"
    assert label in review.picker.widget.options
    assert label in feedback.picker.widget.options
    review.picker.widget.value = label
    review.rows["first_impression"].score.value = "4"
    review.save_button.click()
    assert review.saved == "I0016"
    assert ("I0016 · 2026-11-25 · Larchmere Studios", "I0016") in review.earlier.options
    # The review moved the application to the interview stage; the application form, which
    # had it open without changes, shows the new stage instead of causing a conflict later.
    assert apps.picker.id is None
    apps.picker.widget.value = new
    assert apps["stage"].value == "interview"


def test_an_open_form_takes_the_new_stage_when_it_has_no_unsaved_changes(workspace):
    apps, review, _, _ = all_forms(workspace)
    apps.picker.widget.value = "A0029"
    review.picker.widget.value = "A0029"
    review.save_button.click()
    assert apps["stage"].value == "interview"
    apps["outcome"].value = "rejected"
    apps.save_button.click()
    assert rows(workspace.path, "applications")[28]["outcome"] == "rejected", apps.message


def test_reload_picks_up_a_file_edited_in_another_program(workspace):
    review = ReviewForm(workspace, today=TODAY)
    Workspace(workspace.path).add(
        "applications",
        {"company": "Ostler & Vane", "role": "BI Developer", "applied_on": "2026-11-20",
         "stage": "applied", "outcome": "open"},
    )  # fmt: skip
    assert not any("Ostler" in o for o in review.picker.widget.options)
    review.reload_button.click()
    assert "A0031 · Ostler & Vane · BI Developer (applied 2026-11-20)" in (
        review.picker.widget.options
    )


EVIL = "<img src=x onerror=alert(1)>"


def test_user_text_is_escaped_in_every_html_widget(tmp_path):
    ws = open_workspace(tmp_path / "<i>my log</i>")  # even the folder name is user text
    ws.add("touchpoints", {"key": "pitch", "label": "<b onmouseover=alert(2)>Pitch</b>",
                           "low_hint": "<script>alert(3)</script>", "high_hint": EVIL})  # fmt: skip
    apps, review, feedback, strategy = forms = all_forms(ws)
    shown = banner(ws)
    new = add_application(apps, company=EVIL, role="<script>alert(4)</script>")
    assert f"Saved application {new}: &lt;img src=x onerror=alert(1)&gt;, &lt;script&gt;" in (
        apps.status.value
    )
    review.picker.widget.value = new
    review.rows["pitch"].score.value = "3"
    review.rows["pitch"].keep_doing.value = EVIL
    review.save_button.click()
    feedback.picker.widget.value = new
    feedback.save_button.click()
    assert "(&lt;img src=x onerror=alert(1)&gt;)" in feedback.status.value
    strategy["touchpoint"].value = "pitch"
    strategy["change"].value = EVIL
    strategy.save_button.click()
    assert "&lt;b onmouseover=alert(2)&gt;" in strategy.status.value
    review.earlier.value = "I0016"
    apps.picker.widget.value = new
    texts = [t for f in [*forms, shown] for t in html_texts(f)]
    assert any("&lt;script&gt;alert(3)&lt;/script&gt;" in t for t in texts)
    assert any("&lt;i&gt;my log&lt;/i&gt;" in t for t in texts)
    for text in texts:
        for raw in ("<img", "<script", "<b onmouseover", "<i>"):
            assert raw not in text, text


def test_forms_and_the_banner_display_as_widgets(workspace):
    for shown in [*all_forms(workspace), banner(workspace)]:
        bundle = shown._repr_mimebundle_()
        assert "application/vnd.jupyter.widget-view+json" in bundle
    assert {"ApplicationForm", "ReviewForm", "FeedbackForm", "StrategyForm", "banner"} <= set(
        rk.__all__
    )
    assert rk.ApplicationForm is ApplicationForm


def test_a_workspace_with_problems_still_opens_and_says_so(workspace):
    path = workspace.file("changes")
    path.write_text(path.read_text("utf-8") + "S0099,03/04/2026,your_questions,x\n", "utf-8")
    form = StrategyForm(workspace, today=TODAY)
    assert "Your workspace has 1 problem" in form.notice.value
    assert "rejectkit check" in form.notice.value


def test_the_banner_says_demo_and_starts_an_own_log_only_after_a_confirmation(tmp_path):
    ws = open_workspace(tmp_path / "log")
    apps = ApplicationForm(ws, today=TODAY)
    shown = banner(ws)
    assert "You are looking at demo data: every name is invented." in shown.text.value
    assert shown.confirm.layout.display == "none"
    demo = snapshot(ws.path)
    shown.start_button.click()
    assert shown.confirm.layout.display is None and "nothing is lost" in shown.confirm_text.value
    shown.cancel_button.click()
    assert snapshot(ws.path) == demo and shown.confirm.layout.display == "none"
    shown.start_button.click()
    shown.yes_button.click()
    assert "Your own log is ready and empty" in shown.message.value
    assert rows(ws.path, "applications") == []
    assert (ws.path / ".rejectkit" / "demo-data" / "applications.csv").read_bytes() == (
        demo["applications.csv"]
    )
    assert "Your log lives in" in shown.text.value and shown.start_button.layout.display == "none"
    # Open forms forget the demo applications at once.
    assert apps.picker.widget.options == ()


def test_done_when_a_new_user_keeps_a_whole_log_with_the_forms_alone(tmp_path, capsys):
    path = tmp_path / "my-log"
    ws = open_workspace(path)
    start = banner(ws)
    start.start_button.click()
    start.yes_button.click()
    apps, review, feedback, strategy = all_forms(ws)

    # Log an application.
    for name, value in {"company": "Harbourlight Media", "role": "Insights Analyst",
                        "applied_on": date(2026, 10, 12), "source": "LinkedIn",
                        "location": "Glasgow", "contact_name": "Isla Munro",
                        "contact_email": "isla.munro@example.com"}.items():  # fmt: skip
        apps[name].value = value
    apps.save_button.click()
    assert apps.message == "Saved application A0001: Harbourlight Media, Insights Analyst."

    # Review the interview on all ten touchpoints, with notes.
    review.picker.widget.value = review.picker.widget.options[0]
    review["held_on"].value = date(2026, 11, 2)
    review["round"].value = "panel"
    review["format"].value = "video"
    review["result"].value = "rejected"
    review["final"].value = True
    review["went_well"].value = "Good stories about dashboards"
    review["do_differently"].value = "Know their audience figures"
    for i, t in enumerate(TOUCHPOINTS):
        row = review.rows[t.key]
        row.score.value = str(1 + i % 5)
        row.keep_doing.value = f"keep {t.key}"
        row.do_differently.value = f"change {t.key}"
    review.save_button.click()
    assert review.message == (
        "Saved interview I0001 with 10 touchpoints. Application A0001 is now at the final stage."
    )

    # Record its rejection: pick, click, save.
    apps.picker.widget.value = apps.picker.widget.options[0]
    apps["outcome"].value = "rejected"
    apps["outcome_on"].value = date(2026, 11, 9)
    apps.save_button.click()
    assert apps.message == "Saved A0001 (Harbourlight Media): rejected on 2026-11-09."

    # Log the feedback received and a strategy change.
    feedback.picker.widget.value = "A0001"
    feedback["requested_on"].value = date(2026, 11, 9)
    feedback["received_on"].value = date(2026, 11, 16)
    feedback["to_improve"].value = "Research the audience; shorter opening"
    feedback.topics["company_research"].value = True
    feedback.topics["tell_me_about_yourself"].value = True
    feedback.save_button.click()
    assert feedback.saved == "F0001", feedback.message
    strategy["touchpoint"].value = "tell_me_about_yourself"
    strategy["change"].value = "New 60-second pitch for Tell me about yourself"
    strategy.save_button.click()
    assert strategy.saved == "S0001", strategy.message

    assert rows(path, "applications")[0] == {
        "id": "A0001", "company": "Harbourlight Media", "role": "Insights Analyst",
        "applied_on": "2026-10-12", "source": "LinkedIn", "location": "Glasgow",
        "stage": "final", "outcome": "rejected", "outcome_on": "2026-11-09",
        "contact_name": "Isla Munro", "contact_email": "isla.munro@example.com", "notes": "",
    }  # fmt: skip
    assert len(rows(path, "reviews")) == 10
    assert rows(path, "feedback")[0]["touchpoints"] == "tell_me_about_yourself;company_research"
    capsys.readouterr()
    assert main(["check", "--data", str(path)]) == 0
    assert Workspace(path).load().problems == []


@pytest.mark.parametrize("form_class", [ApplicationForm, ReviewForm, FeedbackForm, StrategyForm])
def test_every_label_is_a_sentence_not_a_key(workspace, form_class):
    form = form_class(workspace, today=TODAY)
    for field in form.fields.values():
        text = field.label.value
        assert "_" not in text.split("<small")[0], text
        assert "?" in text, text


def test_importing_the_kit_does_not_import_the_widgets():
    import subprocess
    import sys

    code = "import sys, rejectkit; rejectkit.Workspace; print('ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_closed_form_is_no_longer_refreshed(workspace):
    apps, review, _, _ = all_forms(workspace)
    review.close()
    before = review.picker.choices
    add_application(apps)
    assert review.picker.choices == before
    assert review.widget.comm is None
