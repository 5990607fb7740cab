"""The question log inside the review form, headless: one line per question, the kind guessed
and changeable, saved with the review as one change."""

from __future__ import annotations

from datetime import date

import pytest
from formkit import TODAY, html_texts, rows, snapshot

from rejectkit.store.history import read_history
from rejectkit.store.undo import undo
from rejectkit.ui.forms import ReviewForm


@pytest.fixture
def form(workspace):
    form = ReviewForm(workspace, today=TODAY)
    form.picker.widget.value = "A0029"
    form["held_on"].value = date(2026, 11, 20)
    form.rows["company_research"].score.value = "3"
    return form


def ask(form, question, how=None, story="", note="", kind=None):
    line = form.questions.entry
    line.question.value = question
    if kind:
        line.kind.value = kind
    line.how.value = how
    line.story.value = story
    line.note.value = note
    form.questions.add()
    return line


def test_three_questions_are_saved_with_the_review_as_one_change(form, workspace):
    before = snapshot(workspace.path)
    first = ask(form, "Tell me about a time you missed a deadline", "gap",
                "T0003 · The migration that slipped")  # fmt: skip
    assert first.kind.value == "behavioural_questions"  # guessed from the wording
    ask(form, "What do you know about our customers?", "solid", note="Read the annual report")
    third = ask(form, "Pitch us a product", "strong", kind="out_of_the_box_questions")
    assert third.kind.value == "out_of_the_box_questions"
    assert len(form.questions.lines) == 3 and form.questions.entry.question.value == ""
    form.save_button.click()
    assert form.message == (
        "Saved interview I0016 with 1 touchpoint and 3 questions. Application A0029 is now at "
        "the interview stage."
    )
    blank = {"interview_id": "I0016", "story_id": "", "note": ""}
    assert rows(workspace.path, "questions")[-3:] == [
        {**blank, "id": "Q0044", "question": "Tell me about a time you missed a deadline",
         "kind": "behavioural_questions", "how": "gap", "story_id": "T0003"},
        {**blank, "id": "Q0045", "question": "What do you know about our customers?",
         "kind": "company_research", "how": "solid", "note": "Read the annual report"},
        {**blank, "id": "Q0046", "question": "Pitch us a product",
         "kind": "out_of_the_box_questions", "how": "strong"},
    ]  # fmt: skip
    assert read_history(workspace)["op"].unique().tolist() == [1]
    assert form.questions.lines == []  # cleared for the next interview
    undo(workspace)
    assert snapshot(workspace.path) == before


def test_a_kind_you_chose_is_not_overruled_by_a_new_wording(form):
    line = form.questions.entry
    line.question.value = "Tell me about yourself"
    assert line.kind.value == "tell_me_about_yourself"
    line.kind.value = "first_impression"
    line.question.value = "Tell me about yourself, briefly"
    assert line.kind.value == "first_impression"


def test_a_question_typed_but_not_added_is_saved_too(form, workspace):
    form.questions.entry.question.value = "Why do you want to join us?"
    form.save_button.click()
    assert rows(workspace.path, "questions")[-1]["question"] == "Why do you want to join us?"


def test_a_question_line_with_no_kind_is_refused_next_to_it_and_typed_values_stay(form, workspace):
    before = snapshot(workspace.path)
    ask(form, "Tell me about yourself", "strong")
    line = form.questions.entry
    line.question.value = "Favourite colour?"
    line.note.value = "odd one"
    form.save_button.click()
    assert form.message.startswith("Nothing was saved: 1 field needs attention")
    assert "pick the kind of question (no rule guessed it from the wording)" in line.error.value
    assert form.questions.lines[0].error.value == ""
    assert (line.question.value, line.note.value) == ("Favourite colour?", "odd one")
    assert form.questions.lines[0].question.value == "Tell me about yourself"
    assert snapshot(workspace.path) == before
    line.kind.value = "out_of_the_box_questions"
    form.save_button.click()
    assert form.message.startswith("Saved interview I0016 with 1 touchpoint and 2 questions.")


def test_adding_an_empty_line_says_why_next_to_it(form):
    form.questions.add()
    assert "write the question you were asked" in form.questions.entry.error.value
    assert form.questions.lines == []


def test_a_new_story_typed_in_the_story_box_joins_the_bank(form, workspace):
    ask(form, "Tell me about a failure", "gap", "The lost weekend")
    form.save_button.click()
    assert "(new in your story bank: T0006)" in form.message
    assert rows(workspace.path, "stories")[-1]["title"] == "The lost weekend"
    assert rows(workspace.path, "questions")[-1]["story_id"] == "T0006"
    # The other forms' story lists see it at once.
    assert "T0006 · The lost weekend" in form.questions.entry.story.options


def test_editing_a_review_loads_its_questions_and_saves_removals(workspace):
    form = ReviewForm(workspace, today=TODAY)
    form.earlier.value = "I0004"
    lines = form.questions.lines
    assert [q.question.value for q in lines] == [
        "Tell me about a time you had a conflict with a stakeholder.",
        "Walk us through your approach to the SQL task.",
        "What questions do you have for us?",
        "Tell me about a time you used data to improve a service.",
    ]
    assert lines[0].story.value == "T0002 · Two definitions of a customer"
    lines[1].how.value = "solid"
    lines[3].remove.click()
    form.save_button.click()
    assert form.message.startswith("Saved interview I0004 with 11 touchpoints")
    mine = [q for q in rows(workspace.path, "questions") if q["interview_id"] == "I0004"]
    assert [(q["id"], q["how"]) for q in mine] == [("Q0010", "strong"), ("Q0011", "solid"),
                                                   ("Q0012", "gap")]  # fmt: skip
    assert not [t for t in html_texts(form) if "Something went wrong" in t]
