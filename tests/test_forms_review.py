"""The interview review form, headless: the interview row, one review row per touchpoint."""

from __future__ import annotations

from datetime import date

import pytest
from formkit import TODAY, last, rows, snapshot

from rejectkit.store.schema import TOUCHPOINTS
from rejectkit.store.workspace import Workspace
from rejectkit.ui.forms import ReviewForm

SCORES = {
    "first_interaction": "4",
    "first_impression": "5",
    "tell_me_about_yourself": "3",
    "behavioural_questions": "4",
    "company_research": "2",
    "industry_questions": "n/a",
    "out_of_the_box_questions": "3",
    "your_questions": "4",
    "thanking_interviewers": "5",
    "body_language_and_tone": "3",
    "technical_test": "1",
}


@pytest.fixture
def form(workspace):
    return ReviewForm(workspace, today=TODAY)


def fill(form, app="A0029", **values):
    form.picker.widget.value = app
    defaults = {
        "held_on": date(2026, 11, 20),
        "round": "phone screen",
        "format": "phone",
        "result": "pending",
        "went_well": "Calm start",
        "do_differently": "Research, research",
    }
    for name, value in {**defaults, **values}.items():
        form[name].value = value
    for key, score in SCORES.items():
        form.rows[key].score.value = score
    form.rows["company_research"].do_differently.value = "Read their annual report"
    form.rows["first_impression"].keep_doing.value = "Arrive ten minutes early"


def test_every_touchpoint_has_its_label_hint_and_a_not_applicable_choice(form):
    assert list(form.rows) == [t.key for t in TOUCHPOINTS] + ["technical_test"]
    row = form.rows["tell_me_about_yourself"]
    assert "<b>The &quot;Tell me about yourself&quot; question</b>" in row.heading.value
    assert (
        "1 = Rambling life story with no link to the role · 5 = A crisp story of past, present "
        "and why this role" in row.heading.value
    )
    assert row.score.options == ("n/a", "1", "2", "3", "4", "5")
    # The custom touchpoint the user declared in touchpoints.csv is there too, fully labelled.
    assert "The technical test or take-home task" in form.rows["technical_test"].heading.value


def test_a_review_saves_one_interview_row_and_one_row_per_touchpoint(form, workspace):
    reviews_before = rows(workspace.path, "reviews")
    fill(form)
    form.save_button.click()
    assert form.message == (
        "Saved interview I0016 with 11 touchpoints (1 not applicable). "
        "Application A0029 is now at the interview stage."
    )
    assert last(workspace.path, "interviews") == {
        "id": "I0016",
        "application_id": "A0029",
        "held_on": "2026-11-20",
        "round": "phone screen",
        "format": "phone",
        "result": "pending",
        "went_well": "Calm start",
        "do_differently": "Research, research",
    }
    notes = {
        "first_impression": ("Arrive ten minutes early", ""),
        "company_research": ("", "Read their annual report"),
    }
    assert rows(workspace.path, "reviews") == reviews_before + [
        {
            "interview_id": "I0016",
            "touchpoint": key,
            "score": "" if score == "n/a" else score,
            "keep_doing": notes.get(key, ("", ""))[0],
            "do_differently": notes.get(key, ("", ""))[1],
        }
        for key, score in SCORES.items()
    ]
    assert next(r for r in rows(workspace.path, "applications") if r["id"] == "A0029")["stage"] == (
        "interview"
    )
    # Cleared for the next interview.
    assert form.picker.widget.value == "" and form.rows["first_impression"].score.value is None


def test_touchpoints_left_out_are_not_written(form, workspace):
    fill(form)
    for key in ("industry_questions", "technical_test", "thanking_interviewers"):
        form.rows[key].score.value = None
    form.save_button.click()
    assert form.message.startswith("Saved interview I0016 with 8 touchpoints.")
    written = [
        r["touchpoint"] for r in rows(workspace.path, "reviews") if r["interview_id"] == "I0016"
    ]
    assert "technical_test" not in written and len(written) == 8


@pytest.mark.parametrize(
    ("app", "final", "result", "stage"),
    [
        ("A0029", True, "advanced", "final"),  # applied -> final
        ("A0027", False, "pending", "interview"),  # screening -> interview
        ("A0023", False, "advanced", "offer"),  # never backward from offer
        ("A0027", False, "offer", "offer"),
    ],
)
def test_the_stage_only_ever_moves_forward(form, workspace, app, final, result, stage):
    fill(form, app=app, result=result)
    form["final"].value = final
    form.save_button.click()
    assert form.saved == "I0016", form.message
    assert next(r for r in rows(workspace.path, "applications") if r["id"] == app)["stage"] == stage


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"held_on": date(2026, 11, 26)}, "held_on", "2026-11-26 is after today (2026-11-25)"),
        (
            {"held_on": date(2031, 3, 1)},
            "held_on",
            "an interview you review has already happened. Check the date.",
        ),
        ({"held_on": date(1999, 12, 31)}, "held_on", "1999-12-31 is before 2000"),
        ({"held_on": None}, "held_on", "is empty; pick a date"),
        (
            {"held_on": date(2026, 11, 1)},
            "held_on",
            "2026-11-01 is before the day you applied (2026-11-02)",
        ),
        ({"result": None}, "result", "is empty; click one of the choices"),
    ],
)
def test_refused_interviews_save_nothing_and_say_why(form, workspace, values, field, message):
    before = snapshot(workspace.path)
    fill(form, **values)
    form.save_button.click()
    assert snapshot(workspace.path) == before
    assert message in form.fields[field].message
    assert form.rows["first_impression"].score.value == "5"  # typed values are kept


@pytest.mark.parametrize(
    ("app", "message"),
    [("", "is empty; pick an application"), ("Nowhere Ltd", "'Nowhere Ltd' is not one of")],
)
def test_the_application_must_be_one_of_yours(form, workspace, app, message):
    before = snapshot(workspace.path)
    fill(form, app=app)
    form.save_button.click()
    assert snapshot(workspace.path) == before
    assert message in form.fields["application_id"].message


def test_notes_without_a_score_are_flagged_on_their_row(form, workspace):
    before = snapshot(workspace.path)
    fill(form)
    form.rows["your_questions"].score.value = None
    form.rows["your_questions"].keep_doing.value = "Asked about the roadmap"
    form.save_button.click()
    assert snapshot(workspace.path) == before
    assert "chose no score: click 1 to 5, or n/a" in form.rows["your_questions"].error.value
    form.rows["your_questions"].score.value = "4"
    form.save_button.click()
    assert form.saved == "I0016"
    assert form.rows["your_questions"].error.value == ""


def test_editing_an_earlier_review_loads_it_and_saves_it_back(form, workspace):
    interviews = rows(workspace.path, "interviews")
    reviews = rows(workspace.path, "reviews")
    form.earlier.value = "I0004"
    assert form.picker.id == "A0005"
    assert form["held_on"].value == date(2026, 6, 29)
    assert (form["round"].value, form["format"].value, form["result"].value) == (
        "panel",
        "onsite",
        "rejected",
    )
    assert form.rows["company_research"].score.value == "2"
    assert form.rows["your_questions"].do_differently.value == (
        "Prepare two questions about the team's roadmap"
    )
    assert form.save_button.description == "Save changes to I0004"
    form.rows["company_research"].score.value = "3"
    form.rows["industry_questions"].score.value = "n/a"
    form["went_well"].value = "The panel liked my examples."
    form.save_button.click()
    # Its four logged questions loaded with it and were saved back unchanged.
    assert form.message == (
        "Saved interview I0004 with 11 touchpoints (1 not applicable) and 4 questions."
    )
    asked = [q["id"] for q in rows(workspace.path, "questions") if q["interview_id"] == "I0004"]
    assert asked == ["Q0010", "Q0011", "Q0012", "Q0013"]
    assert rows(workspace.path, "interviews") == [
        {**r, "went_well": "The panel liked my examples."} if r["id"] == "I0004" else r
        for r in interviews
    ]
    changed = {"company_research": {"score": "3"}, "industry_questions": {"score": ""}}
    mine = [r for r in reviews if r["interview_id"] == "I0004"]
    assert rows(workspace.path, "reviews") == [
        r for r in reviews if r["interview_id"] != "I0004"
    ] + [{**r, **changed.get(r["touchpoint"], {})} for r in mine]  # in the form's order
    assert form.earlier.value == "" and form.picker.widget.value == ""


@pytest.mark.parametrize(
    "edit",
    [
        lambda ws: ws.update("interviews", "I0004", {"round": "panel interview"}),
        lambda ws: ws.replace(
            "reviews",
            {"interview_id": "I0004"},
            [{"touchpoint": "first_interaction", "score": "4"}],
        ),
    ],
    ids=["interview edited", "reviews edited"],
)
def test_an_edit_in_another_program_meanwhile_is_a_conflict(form, workspace, edit):
    form.earlier.value = "I0004"
    edit(Workspace(workspace.path))
    edited = snapshot(workspace.path)
    form.rows["company_research"].score.value = "5"
    form.save_button.click()
    assert snapshot(workspace.path) == edited
    assert "changed since you loaded" in form.message
    assert "Nothing was saved" in form.message
    assert form.rows["company_research"].score.value == "5" and form.earlier.value == "I0004"


def test_a_failed_rating_save_takes_the_new_interview_back_out(empty_workspace):
    ws = empty_workspace
    ws.add("touchpoints", {"key": "technical_test", "label": "The technical test"})
    ws.add(
        "applications",
        {"company": "Ember", "role": "Analyst", "applied_on": "2026-11-01", "stage": "applied",
         "outcome": "open"},
    )  # fmt: skip
    form = ReviewForm(ws, today=TODAY)
    form.picker.widget.value = "A0001"
    form.rows["technical_test"].score.value = "3"
    # Meanwhile the custom touchpoint is removed from touchpoints.csv in another program.
    Workspace(ws.path).delete("touchpoints", "technical_test")
    before = snapshot(ws.path)
    form.save_button.click()
    assert snapshot(ws.path) == before
    assert "'technical_test' is not a known touchpoint" in form.message
    assert rows(ws.path, "interviews") == []


def test_a_custom_touchpoint_added_later_appears_after_a_reload(empty_workspace):
    form = ReviewForm(empty_workspace, today=TODAY)
    form.rows["first_impression"].score.value = "4"
    Workspace(empty_workspace.path).add(
        "touchpoints",
        {"key": "presentation", "label": "The presentation you prepared",
         "low_hint": "Over time", "high_hint": "Clear and on time"},
    )  # fmt: skip
    form.reload_button.click()
    assert list(form.rows)[-1] == "presentation"
    assert "1 = Over time · 5 = Clear and on time" in form.rows["presentation"].heading.value
    # What was typed in the other rows survives the reload.
    assert form.rows["first_impression"].score.value == "4"


NOTE = 'a lone\rcarriage return, a crlf\r\nand "quotes", then a comma'


def test_one_save_is_one_history_entry_and_one_undo_click_restores_every_file(workspace):
    """Save writes the interview, its ratings and the stage; "Undo last save" takes all back."""
    from rejectkit.store.history import read_history
    from rejectkit.ui.history_panel import HistoryPanel

    files = ("interviews.csv", "reviews.csv", "applications.csv")
    before = {f: (workspace.path / f).read_bytes() for f in files}
    form = ReviewForm(workspace, today=TODAY)
    fill(form, app="A0029", went_well=NOTE)
    form.rows["your_questions"].keep_doing.value = NOTE
    form["final"].value = True
    form.save_button.click()
    assert "Saved interview I0016" in form.message and "final stage" in form.message, form.message
    history = read_history(workspace.path)
    assert set(history["op"]) == {1}
    assert set(history["file"]) == set(files)
    assert history["message"].iat[0] == "Review of interview I0016"
    # Read back by the kit: the csv module's text mode would turn the lone CR into a newline.
    assert workspace.read().interviews["went_well"].iat[-1] == NOTE
    assert set(workspace.read().reviews["keep_doing"]) >= {NOTE}
    assert NOTE in set(history["new"])
    panel = HistoryPanel(workspace)
    panel.undo_button.click()
    panel.confirm_button.click()
    assert "Undid save 1" in panel.message.value, panel.message.value
    assert {f: (workspace.path / f).read_bytes() for f in files} == before
    assert set(read_history(workspace.path)["op"]) == {1, 2}
    form.close()
    panel.close()
