"""The application form, headless: real workspaces, real widgets, real clicks, exact rows."""

from __future__ import annotations

import errno
import multiprocessing
import os
from datetime import date

import pytest
from formkit import TODAY, last, rows, snapshot

from rejectkit.store.workspace import Workspace
from rejectkit.ui.forms import ApplicationForm

FORK = multiprocessing.get_context("fork")


@pytest.fixture
def form(workspace):
    return ApplicationForm(workspace, today=TODAY)


def fill_new(form, **values):
    defaults = {
        "company": "Quillfeather Books",
        "role": "Data Analyst",
        "applied_on": date(2026, 11, 21),
        "source": "referral",
        "location": "York",
        "contact_name": "Ada Quill",
        "contact_email": "ada.quill@example.org",
        "notes": 'Says "hi", likes, commas\nand two lines',
    }
    for name, value in {**defaults, **values}.items():
        form[name].value = value


def test_a_new_application_is_saved_as_one_exact_row(form, workspace):
    before = rows(workspace.path, "applications")
    fill_new(form)
    form.save_button.click()
    assert form.message == "Saved application A0031: Quillfeather Books, Data Analyst."
    assert rows(workspace.path, "applications") == [
        *before,
        {
            "id": "A0031",
            "company": "Quillfeather Books",
            "role": "Data Analyst",
            "applied_on": "2026-11-21",
            "source": "referral",
            "location": "York",
            "stage": "applied",
            "outcome": "open",
            "outcome_on": "",
            "contact_name": "Ada Quill",
            "contact_email": "ada.quill@example.org",
            "notes": 'Says "hi", likes, commas\nand two lines',
        },
    ]
    # The form is cleared for the next application.
    assert form["company"].value == "" and form["applied_on"].value == TODAY
    assert form.saved == "A0031"


def test_recording_a_rejection_takes_three_clicks(form, workspace):
    before = rows(workspace.path, "applications")
    label = next(k for k in form.picker.widget.options if k.startswith("A0030 "))
    form.picker.widget.value = label  # 1: pick the application
    form["outcome"].value = "rejected"  # 2: click "rejected" (the date fills in as today)
    form.save_button.click()  # 3: Save
    assert form.message == "Saved A0030 (Juniper Row Architects): rejected on 2026-11-25."
    after = rows(workspace.path, "applications")
    assert after[:-1] == before[:-1]
    assert after[-1] == {**before[-1], "outcome": "rejected", "outcome_on": "2026-11-25"}
    # Ready for the next one.
    assert form.picker.widget.value == "" and form["outcome"].value == "open"


def test_editing_one_field_changes_only_that_field(form, workspace):
    before = rows(workspace.path, "applications")
    form.picker.widget.value = "a0001"
    assert form["company"].value == "Northwind Analytics"
    assert form["outcome_on"].value == date(2026, 5, 27)
    form["notes"].value = "Asked for feedback twice"
    form.save_button.click()
    assert form.message == "Saved A0001 (Northwind Analytics): changed notes."
    assert rows(workspace.path, "applications") == [
        {**before[0], "notes": "Asked for feedback twice"},
        *before[1:],
    ]


def test_choosing_an_offer_moves_the_stage_to_offer(form):
    form.picker.widget.value = "A0030"
    form["outcome"].value = "offer"
    assert form["stage"].value == "offer"
    assert form["outcome_on"].value == TODAY
    form["outcome"].value = "open"
    assert form["outcome_on"].value is None


def test_clearing_the_picker_goes_back_to_a_new_application(form):
    form.picker.widget.value = "A0030"
    assert form.save_button.description == "Save changes to A0030"
    form.picker.widget.value = ""
    assert form.save_button.description == "Add this application"
    assert form["company"].value == ""


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"company": "  "}, "company", "is empty; this field is required"),
        ({"role": ""}, "role", "is empty; this field is required"),
        ({"applied_on": None}, "applied_on", "is empty; pick a date"),
        ({"applied_on": date(2026, 11, 26)}, "applied_on", "2026-11-26 is after today"),
        ({"applied_on": date(26, 11, 21)}, "applied_on", "0026-11-21 is before 2000"),
        (
            {"outcome": "rejected", "outcome_on": date(2026, 11, 1)},
            "outcome_on",
            "2026-11-01 is before the day you applied (2026-11-21)",
        ),
        (
            {"outcome": "withdrawn", "outcome_on": date(2027, 1, 5)},
            "outcome_on",
            "2027-01-05 is after today (2026-11-25): you can only record what happened",
        ),
        ({"outcome": "offer", "stage": "final"}, "stage", "the outcome is 'offer'"),
        ({"stage": None}, "stage", "is empty; click one of the choices"),
    ],
)
def test_refused_input_saves_nothing_and_says_why_next_to_the_field(
    form, workspace, values, field, message
):
    before = snapshot(workspace.path)
    fill_new(form, **values)
    form.save_button.click()
    assert snapshot(workspace.path) == before
    assert message in form.fields[field].message
    assert "⚠" in form.fields[field].error.value
    assert form.message.startswith("Nothing was saved: 1 field needs attention")
    # What the user typed is still there.
    assert form["notes"].value.startswith('Says "hi"')


def test_an_unknown_application_is_refused(form, workspace):
    before = snapshot(workspace.path)
    form.picker.widget.value = "Zebra Corp"
    form["outcome"].value = "rejected"
    form.save_button.click()
    assert snapshot(workspace.path) == before
    assert "'Zebra Corp' is not one of your applications" in form.fields["application"].message


def test_an_edit_in_excel_meanwhile_is_a_conflict_not_an_overwrite(form, workspace):
    form.picker.widget.value = "A0030"
    # The user edits the file in another program while the form is open.
    Workspace(workspace.path).update("applications", "A0030", {"notes": "Edited in Excel"})
    edited = snapshot(workspace.path)
    form["outcome"].value = "rejected"
    form.save_button.click()
    assert snapshot(workspace.path) == edited
    assert "A0030 in applications.csv changed since you loaded it" in form.message
    assert "notes: you loaded '', the file now has 'Edited in Excel'" in form.message
    assert form["outcome"].value == "rejected" and form.picker.id == "A0030"
    # Reloading shows the file as it is now; the change can then be made again.
    form.reload_button.click()
    assert form["notes"].value == "Edited in Excel"
    form["outcome"].value = "rejected"
    form.save_button.click()
    assert rows(workspace.path, "applications")[-1]["outcome"] == "rejected"
    assert rows(workspace.path, "applications")[-1]["notes"] == "Edited in Excel"


def test_a_value_the_store_refuses_is_shown_next_to_its_field(form, workspace):
    before = snapshot(workspace.path)
    fill_new(form, company="Nul\x00Ltd")
    form.save_button.click()
    assert snapshot(workspace.path) == before
    assert "NUL character" in form.fields["company"].message
    assert form.message.startswith("Nothing was saved: the file format refuses this record")


def _hold_lock(path: str, held, release) -> None:
    with Workspace(path).locked():
        held.set()
        release.wait(30)


def test_a_lock_held_too_long_is_said_in_plain_words(sample_copy):
    form = ApplicationForm(Workspace(sample_copy, lock_timeout=0.2), today=TODAY)
    before = snapshot(sample_copy)
    held, release = FORK.Event(), FORK.Event()
    holder = FORK.Process(target=_hold_lock, args=(str(sample_copy), held, release))
    holder.start()
    try:
        assert held.wait(10)
        fill_new(form)
        form.save_button.click()
    finally:
        release.set()
        holder.join()
    assert snapshot(sample_copy) == before
    assert "Another save held the lock on the workspace" in form.message
    assert form["company"].value == "Quillfeather Books"


def test_a_full_disk_is_said_in_plain_words_and_the_file_is_unchanged(form, workspace, monkeypatch):
    before = snapshot(workspace.path)
    real_write = os.write

    def fail_on_temp_files(fd, data):
        # The store writes each file to a temporary ".applications.csv.*.tmp" first.
        if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).startswith(".applications.csv."):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    fill_new(form)
    monkeypatch.setattr(os, "write", fail_on_temp_files)
    form.save_button.click()
    monkeypatch.undo()
    assert snapshot(workspace.path) == before
    assert "Could not save applications.csv: the disk is full" in form.message
    assert form["company"].value == "Quillfeather Books"


def test_a_bug_inside_the_save_is_shown_in_the_form_not_lost(form, workspace, monkeypatch):
    def broken():
        raise RuntimeError("boom")

    monkeypatch.setattr(form, "_write", broken)
    fill_new(form)
    form.save_button.click()
    assert "Something went wrong inside the kit (a bug, not your input): RuntimeError: boom" in (
        form.message
    )
    assert "Traceback" in form.details.outputs[0]["text"]
    assert form["company"].value == "Quillfeather Books"


def test_on_saved_callbacks_get_the_key_and_their_errors_are_shown(form):
    got = []
    form.on_saved(got.append)

    @form.on_saved
    def failing(key):
        raise ValueError(f"callback failed for {key}")

    fill_new(form)
    form.save_button.click()
    assert got == ["A0031"]
    assert "ValueError: callback failed for A0031" in form.message


def test_an_empty_workspace_gets_its_first_application(empty_workspace):
    form = ApplicationForm(empty_workspace, today=TODAY)
    assert form.picker.widget.options == ()
    fill_new(form)
    form.save_button.click()
    assert last(empty_workspace.path, "applications")["id"] == "A0001"
    assert form.picker.widget.options == (
        "A0001 · Quillfeather Books · Data Analyst (applied 2026-11-21)",
    )


def test_spaces_around_a_value_in_the_file_do_not_count_as_a_change(workspace):
    path = workspace.file("applications")
    text = path.read_text("utf-8").replace(",Juniper Row Architects,", ",Juniper Row Architects ,")
    path.write_text(text, "utf-8")
    form = ApplicationForm(workspace, today=TODAY)
    form.picker.widget.value = "A0030"
    form["outcome"].value = "rejected"
    form.save_button.click()
    assert form.message == "Saved A0030 (Juniper Row Architects): rejected on 2026-11-25."
    # Only the outcome was written; the untouched company keeps its space.
    assert rows(workspace.path, "applications")[-1]["company"] == "Juniper Row Architects "


def test_a_broken_row_elsewhere_in_the_file_is_explained_and_nothing_saved(form, workspace):
    path = workspace.file("applications")
    path.write_text(path.read_text("utf-8").replace("2026-05-06", "06/05/2026", 1), "utf-8")
    before = snapshot(workspace.path)
    fill_new(form)
    form.save_button.click()
    assert snapshot(workspace.path) == before
    assert "applications.csv:3: applied_on: '06/05/2026' is not written YYYY-MM-DD" in (
        form.message
    )
    assert "Fix these in the file" in form.message
    assert form["company"].value == "Quillfeather Books"
