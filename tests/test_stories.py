"""The story bank: save_story and the story form, headless, against real files."""

from __future__ import annotations

import pytest
from formkit import TODAY, last, rows, snapshot

from rejectkit.errors import ConflictError, RecordError
from rejectkit.records.stories import save_story
from rejectkit.store.history import read_history
from rejectkit.ui.forms import StoryForm

STAR = {
    "title": "The late dataset",
    "situation": "A supplier's file came a week late.",
    "task": "Ship the report on time anyway.",
    "action": "Built it on last month's file and swapped in the new one on arrival.",
    "result": "On time; two figures changed after the swap.",
    "skills": "planning;communication",
    "touchpoints": "behavioural_questions;out_of_the_box_questions",
}


def test_a_story_is_added_with_every_star_field(workspace):
    saved = save_story(workspace, STAR)
    assert saved.message == "Saved story T0006: The late dataset."
    assert last(workspace.path, "stories") == {"id": "T0006", **STAR}
    assert set(read_history(workspace)["op"]) == {saved.op}


def test_editing_a_story_changes_only_what_differs(workspace):
    loaded = rows(workspace.path, "stories")[0]
    saved = save_story(workspace, {**loaded, "result": "Used in every weekly meeting."},
                       story_id="T0001", expected=loaded)  # fmt: skip
    assert saved.message == "Saved story T0001: changed result."
    assert rows(workspace.path, "stories")[0] == {
        **loaded,
        "result": "Used in every weekly meeting.",
    }
    history = read_history(workspace)
    assert history[["action", "record", "field"]].values.tolist() == [["update", "T0001", "result"]]


def test_a_story_edited_meanwhile_in_another_program_is_not_overwritten(workspace):
    loaded = rows(workspace.path, "stories")[0]
    path = workspace.path / "stories.csv"
    path.write_text(path.read_text("utf-8").replace("The waiting-list dashboard", "Dashboard"))
    before = snapshot(workspace.path)
    with pytest.raises(ConflictError, match="changed since you loaded it"):
        save_story(workspace, {**loaded, "task": "x"}, story_id="T0001", expected=loaded)
    assert snapshot(workspace.path) == before


@pytest.mark.parametrize(
    ("change", "field", "says"),
    [
        ({"title": ""}, "title", "is empty; this column is required"),
        ({"touchpoints": "behavioural;your_questions"}, "touchpoints",
         "'behavioural' in 'behavioural;your_questions' is not a known touchpoint"),
    ],
)  # fmt: skip
def test_a_story_the_format_refuses_is_not_saved(workspace, change, field, says):
    before = snapshot(workspace.path)
    with pytest.raises(RecordError) as refused:
        save_story(workspace, {**STAR, **change})
    assert says in refused.value.fields[field]
    assert snapshot(workspace.path) == before


@pytest.fixture
def form(workspace):
    return StoryForm(workspace, today=TODAY)


def test_the_form_adds_a_story(form, workspace):
    for name in ("title", "situation", "task", "action", "result"):
        form[name].value = STAR[name]
    form["skills"].value = " planning ;communication; "
    form["touchpoints"].value = ("behavioural_questions", "out_of_the_box_questions")
    form.save_button.click()
    assert form.message == "Saved story T0006: The late dataset."
    assert last(workspace.path, "stories") == {"id": "T0006", **STAR}
    assert form["title"].value == "" and form["touchpoints"].value == ()
    assert ("T0006 · The late dataset", "T0006") in form.earlier.options  # the bank refreshed


def test_the_form_refuses_a_story_without_a_title_next_to_the_field(form, workspace):
    before = snapshot(workspace.path)
    form["situation"].value = "A supplier's file came a week late."
    form.save_button.click()
    assert form.fields["title"].message == "is empty; this field is required"
    assert form.message.startswith("Nothing was saved: 1 field needs attention")
    assert form["situation"].value == "A supplier's file came a week late."  # typed value kept
    assert snapshot(workspace.path) == before


def test_the_form_loads_a_story_and_saves_an_edit(form, workspace):
    form.earlier.value = "T0003"
    assert form["title"].value == "The migration that slipped"
    assert form["touchpoints"].value == ("behavioural_questions", "out_of_the_box_questions")
    assert form.save_button.description == "Save changes to T0003"
    form["result"].value = "One week late, nothing broken."
    form.save_button.click()
    assert form.message == "Saved story T0003: changed result."
    saved = next(r for r in rows(workspace.path, "stories") if r["id"] == "T0003")
    assert saved["result"] == "One week late, nothing broken."
    assert saved["skills"] == "ownership;planning"  # untouched fields are not rewritten


def test_questions_and_stories_are_anonymised_in_the_share_bundle(workspace):
    from rejectkit.sharing.aliases import AliasMap
    from rejectkit.sharing.anonymise import ShareOptions, anonymise

    save_story(workspace, {**STAR, "situation": "Tom Ferrant at Bluefin Logistics rang me."})
    workspace.add("questions", {"interview_id": "I0002", "question": "Why Bluefin Logistics?",
                                "kind": "company_research", "note": "Ask tom.ferrant@example.net"})  # fmt: skip
    anon = anonymise(workspace.load(), AliasMap(), 21, ShareOptions())
    story, question = anon.tables["stories"].iloc[-1], anon.tables["questions"].iloc[-1]
    assert "Bluefin" not in story["situation"] and "Ferrant" not in story["situation"]
    assert "Company" in question["question"] and "Bluefin" not in question["question"]
    assert "ferrant" not in question["note"].casefold()
    assert question["kind"] == "company_research" and question["interview_id"] == "I0002"
