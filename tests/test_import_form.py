"""The import form and the history panel, driven like a user: set values, click, read the file."""

from __future__ import annotations

import io
from datetime import datetime

from rejectkit.ui.history_panel import HistoryPanel
from rejectkit.ui.import_form import EXAMPLE, ImportForm


def _rows(ws, start):
    apps = ws.load().applications
    cols = ["id", "company", "role", "applied_on", "source", "stage", "outcome", "notes"]
    return apps.iloc[start:][cols].values.tolist()


def test_example_file_previewed_mapped_and_imported(workspace):
    before = len(workspace.load().applications)
    form = ImportForm(workspace, path=EXAMPLE)
    form.read_button.click()
    assert {c: d.value for c, d in form.mapping_widgets.items()} == {
        "Company Name": "company",
        "Job Title": "role",
        "Date Applied": "applied_on",
        "Status": "status",
        "Where Found": "source",
        "Notes": "notes",
    }
    form.mapping_widgets["Notes"].value = ""  # the user leaves the notes out

    form.preview_button.click()  # no date format yet: every dated row is refused
    assert form.plan.add.empty
    assert "is day-first or month-first" in form.result.value
    assert "Nothing was written yet" in form.message.value

    form.date_format.value = "%d/%m/%Y"
    form.preview_button.click()
    assert list(form.status_widgets) == ["Phone call"]
    assert [line for line, _, _ in form.plan.duplicates] == [2, 3]
    assert len(workspace.load().applications) == before  # a preview writes nothing

    form.status_widgets["Phone call"].value = "screening/open"
    form.import_button.click()
    assert "Imported 4 applications" in form.message.value
    assert _rows(workspace, before) == [
        ["A0031", "Gannet Outdoor", "Data Analyst", "2026-03-19", "job board", "applied",
         "ghosted", ""],
        ["A0032", "Mistral Payments", "Junior Analyst", "2026-03-27", "referral", "interview",
         "open", ""],
        ["A0033", "Holloway & Pike", "Reporting Analyst", "2026-04-08", "recruiter", "screening",
         "open", ""],
        ["A0034", "Saffron Leaf Foods", "Insight Analyst", "2026-04-15", "LinkedIn", "offer",
         "withdrawn", ""],
    ]  # fmt: skip
    assert form.plan.skipped == [(8, "Wishlist")]


def test_an_uploaded_xlsx_is_read_with_its_sheets(empty_workspace):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Old"
    book.active.append(["Company", "Role", "Applied"])
    book.active.append(["Old Co", "Clerk", datetime(2025, 1, 2)])
    new = book.create_sheet("2026")
    new.append(["Employer", "Position", "Date applied", "Status"])
    new.append(["<Acme & Co>", "Analyst", datetime(2026, 3, 4), "Ghosted"])
    buf = io.BytesIO()
    book.save(buf)
    form = ImportForm(empty_workspace)
    form.upload.value = (
        {"name": "tracker.xlsx", "type": "", "size": len(buf.getvalue()),
         "content": memoryview(buf.getvalue()), "last_modified": datetime(2026, 11, 20)},
    )  # fmt: skip
    assert form.path.value == "tracker.xlsx"
    assert list(form.sheet.options) == ["Old", "2026"] and form.sheet.value == "Old"
    form.sheet.value = "2026"
    form.import_button.click()  # re-reads the chosen sheet first
    assert empty_workspace.load().applications[
        ["company", "applied_on", "outcome"]
    ].values.tolist() == [["<Acme & Co>", "2026-03-04", "ghosted"]]
    assert "&lt;Acme &amp; Co&gt;" in form.result.value and "<Acme" not in form.result.value


def test_mistakes_show_in_the_form(empty_workspace, tmp_path):
    form = ImportForm(empty_workspace)
    form.preview_button.click()
    assert "Choose a file first" in form.message.value
    path = tmp_path / "x.csv"
    path.write_bytes(b"Company,Employer,Role,Applied\nA,B,C,2026-01-02\n")
    form.path.value = str(path)
    form.read_button.click()
    form.mapping_widgets["Employer"].value = "company"
    form.preview_button.click()
    assert (
        "Both &#x27;Company&#x27; and &#x27;Employer&#x27; are mapped to company"
        in form.message.value
    )
    form.path.value = str(tmp_path / "missing.csv")
    form.preview_button.click()
    assert "There is no file" in form.message.value


def test_history_panel_shows_changes_and_undoes_after_confirming(workspace):
    original = workspace.file("applications").read_bytes()
    workspace.update("applications", "A0003", {"notes": "<b>bold</b> & more"})
    panel = HistoryPanel(workspace)
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in panel.table.value
    panel.undo_button.click()
    assert panel.message.value == "Undo save 1 of " + panel.message.value[15:31] + (
        ": 1 change(s) to applications.csv (A0003)?"
    )
    assert panel.confirm.layout.display is None
    panel.cancel_button.click()
    assert workspace.file("applications").read_bytes() != original
    panel.undo_button.click()
    panel.confirm_button.click()
    assert workspace.file("applications").read_bytes() == original
    assert "Undid save 1" in panel.message.value
    assert panel.table.value.count("<tr") == 3  # header, the change and its undo
    panel.undo_button.click()
    assert panel.message.value == "Nothing to undo."


def test_history_panel_shows_a_conflict_instead_of_undoing(workspace):
    workspace.update("applications", "A0003", {"notes": "mine"})
    path = workspace.file("applications")
    path.write_bytes(path.read_bytes().replace(b",mine\n", b",edited in Excel\n"))
    panel = HistoryPanel(workspace)
    panel.undo_button.click()
    panel.confirm_button.click()
    assert "Cannot undo save 1 of applications.csv" in panel.message.value
    assert b",edited in Excel\n" in path.read_bytes()
