"""The feedback and strategy change forms, headless."""

from __future__ import annotations

from datetime import date

import pytest
from formkit import TODAY, rows, snapshot

from rejectkit.store.schema import TOUCHPOINTS
from rejectkit.ui.forms import FeedbackForm, StrategyForm


@pytest.fixture
def feedback(workspace):
    return FeedbackForm(workspace, today=TODAY)


@pytest.fixture
def strategy(workspace):
    return StrategyForm(workspace, today=TODAY)


def fill_feedback(form, **values):
    form.picker.widget.value = values.pop("app", "A0030")
    defaults = {
        "requested_on": date(2026, 11, 20),
        "received_on": date(2026, 11, 24),
        "went_well": "Clear examples; good rapport",
        "to_improve": "Questions for the panel",
    }
    for name, value in {**defaults, **values}.items():
        form[name].value = value
    form.topics["technical_test"].value = True
    form.topics["your_questions"].value = True


def test_feedback_is_saved_as_one_exact_row(feedback, workspace):
    before = rows(workspace.path, "feedback")
    fill_feedback(feedback)
    feedback.save_button.click()
    assert feedback.message == "Saved feedback F0007 for A0030 (Juniper Row Architects)."
    assert rows(workspace.path, "feedback") == [
        *before,
        {
            "id": "F0007",
            "application_id": "A0030",
            "requested_on": "2026-11-20",
            "received_on": "2026-11-24",
            "went_well": "Clear examples; good rapport",
            "to_improve": "Questions for the panel",
            # In the order of the touchpoint list, the user's own ones last.
            "touchpoints": "your_questions;technical_test",
        },
    ]
    assert feedback.picker.widget.value == "" and not feedback.topics["your_questions"].value
    assert feedback["received_on"].value == TODAY


def test_the_touchpoints_are_listed_by_their_full_labels_with_the_custom_one(feedback):
    labels = [box.description for box in feedback.topics.values()]
    assert labels == [t.label for t in TOUCHPOINTS] + ["The technical test or take-home task"]


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (
            {"requested_on": date(2026, 11, 24), "received_on": date(2026, 11, 20)},
            "received_on",
            "2026-11-20 is before the day you asked (2026-11-24)",
        ),
        ({"received_on": date(2026, 12, 2)}, "received_on", "2026-12-02 is after today"),
        ({"requested_on": date(206, 11, 2)}, "requested_on", "0206-11-02 is before 2000"),
        ({"app": ""}, "application_id", "is empty; pick an application"),
        ({"app": "A0099"}, "application_id", "'A0099' is not one of your applications"),
    ],
)
def test_refused_feedback_saves_nothing_and_says_why(feedback, workspace, values, field, message):
    before = snapshot(workspace.path)
    fill_feedback(feedback, **values)
    feedback.save_button.click()
    assert snapshot(workspace.path) == before
    assert message in feedback.fields[field].message
    assert feedback["to_improve"].value == "Questions for the panel"


def test_a_strategy_change_is_saved_as_one_exact_row(strategy, workspace):
    before = rows(workspace.path, "changes")
    strategy["touchpoint"].value = "tell_me_about_yourself"
    strategy["change"].value = "  New 60-second pitch for Tell me about yourself \n"
    strategy.save_button.click()
    assert strategy.message == (
        'Saved change S0006 for “The "Tell me about yourself" question”, from 2026-11-25.'
    )
    assert rows(workspace.path, "changes") == [
        *before,
        {
            "id": "S0006",
            "changed_on": "2026-11-25",
            "touchpoint": "tell_me_about_yourself",
            "change": "New 60-second pitch for Tell me about yourself",
        },
    ]
    assert strategy["change"].value == "" and strategy["touchpoint"].value is None


def test_the_strategy_form_offers_every_touchpoint_by_label(strategy):
    assert strategy["touchpoint"].options[-1] == (
        "The technical test or take-home task",
        "technical_test",
    )
    assert len(strategy["touchpoint"].options) == 11


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"change": "   "}, "change", "is empty; this field is required"),
        ({"touchpoint": None}, "touchpoint", "is empty; pick the touchpoint"),
        ({"changed_on": None}, "changed_on", "is empty; pick a date"),
        ({"changed_on": date(2036, 1, 1)}, "changed_on", "more than a year ahead"),
    ],
)
def test_refused_changes_save_nothing_and_say_why(strategy, workspace, values, field, message):
    before = snapshot(workspace.path)
    defaults = {"touchpoint": "your_questions", "change": "Two questions about the team"}
    for name, value in {**defaults, **values}.items():
        strategy[name].value = value
    strategy.save_button.click()
    assert snapshot(workspace.path) == before
    assert message in strategy.fields[field].message


def test_a_change_planned_for_next_month_is_fine(strategy, workspace):
    strategy["changed_on"].value = date(2026, 12, 7)
    strategy["touchpoint"].value = "technical_test"
    strategy["change"].value = "Practise SQL window functions weekly"
    strategy.save_button.click()
    assert rows(workspace.path, "changes")[-1]["changed_on"] == "2026-12-07"
