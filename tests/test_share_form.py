"""The share notebook's forms, driven like a user: type, tick, click, read what they show."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime

import nbformat
import pytest
from bs4 import BeautifulSoup
from conftest import NOTEBOOKS
from nbformat.v4 import new_markdown_cell

from rejectkit.sharing.aliases import AliasMap
from rejectkit.sharing.anonymise import ShareOptions, anonymise
from rejectkit.sharing.bundle import leak_scan
from rejectkit.ui.share_form import MentorNotesForm, ShareForm

TODAY = date(2026, 11, 20)


def _rows(html: str) -> list[list[str]]:
    soup = BeautifulSoup(html, "html.parser")
    return [[td.get_text() for td in tr.find_all("td")] for tr in soup.find_all("tr")[1:]]


def test_the_preview_shows_what_will_be_replaced_escaped(empty_workspace):
    ws = empty_workspace
    ws.add(
        "applications",
        dict(company="<b>Quillfeather & Sons</b>", role="Analyst", applied_on="2026-05-04",
             stage="applied", outcome="rejected", location="Kettlewickham",
             contact_name="Ottoline Brackwater",
             notes="Ottoline's team; I am Marguerite Pemberwick"),
    )  # fmt: skip
    form = ShareForm(ws, today=TODAY)
    form.hide.value = "Marguerite Pemberwick\n\n  \nSam Nowhere"
    form.drop_locations.value = True
    form.preview_button.click()
    assert "<b>Quillfeather" not in form.table.value
    assert "&lt;b&gt;Quillfeather &amp; Sons&lt;/b&gt;" in form.table.value
    assert _rows(form.table.value) == [
        ["Organisation", "<b>Quillfeather & Sons</b>", "Company 01", "1"],
        ["Contact", "Ottoline Brackwater", "Contact 01", "2"],
        ["Name you hid", "Marguerite Pemberwick", "Person 01", "1"],
        ["Name you hid", "Sam Nowhere", "Person 02", "0"],
        ["Location", "Kettlewickham", "[place]", "1"],
    ]
    assert "5 values of your log would be replaced, 5 times in all" in form.message.value
    # A preview writes no alias map and no secret: only the review file of its candidates.
    assert sorted(p.name for p in (ws.path / ".rejectkit" / "share").iterdir()) == ["review.csv"]


def test_the_form_offers_hide_or_keep_for_each_candidate(empty_workspace, tmp_path):
    ws = empty_workspace
    ws.add(
        "applications",
        dict(company="Acme Widgets", role="Analyst", applied_on="2026-05-04", stage="applied",
             outcome="rejected", notes="Talked with Shiv; we used Quorrelax for the chart."),
    )  # fmt: skip
    form = ShareForm(ws, today=TODAY, out=str(tmp_path / "bundle"))
    form.preview_button.click()
    assert list(form.choices) == ["Shiv", "Quorrelax"]
    assert "2 words may be names nobody listed" in form.message.value
    # Export before deciding: refused, next to the form, nothing written.
    form.export_button.click()
    assert "Nothing was shared: your free text holds 2 words" in form.message.value
    assert "&#x27;Shiv&#x27;" in form.message.value
    assert not (tmp_path / "bundle").exists()
    form.choices["Shiv"].value = "hide"
    form.choices["Quorrelax"].value = "keep"
    options = form.options()
    assert options.hide == ("Shiv",) and options.keep == ("Quorrelax",)
    form.preview_button.click()
    assert list(form.choices) == []


def test_the_options_come_from_the_form(workspace):
    form = ShareForm(workspace, today=TODAY)
    form.hide.value = " Ada Quist \nPemberwick\n"
    form.months.value = form.drop_free_text.value = True
    assert form.options() == ShareOptions(
        hide=("Ada Quist", "Pemberwick"), drop_locations=False, months=True, drop_free_text=True
    )
    assert form.out.value == str(workspace.path.parent / "workspace-share")


def test_a_folder_that_is_not_a_bundle_is_refused_in_plain_words(workspace, tmp_path):
    form = ShareForm(workspace, today=TODAY)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "cv.pdf").write_bytes(b"%PDF")
    form.out.value = str(tmp_path / "mine")
    form.export_button.click()
    assert "is not empty and is not a bundle written by rejectkit share" in form.message.value
    assert "Traceback" not in form.message.value
    form.out.value = "  "
    form.export_button.click()
    assert "Give a folder for the bundle" in form.message.value


@pytest.mark.slow
def test_a_planted_name_is_refused_and_named_in_the_form(workspace, tmp_path):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, notebooks)
    nb = nbformat.read(notebooks / "04-patterns.ipynb", as_version=4)
    nb.cells.insert(2, new_markdown_cell("Lena Hartigan said my pitch was long."))
    nbformat.write(nb, notebooks / "04-patterns.ipynb")
    form = ShareForm(workspace, today=TODAY, notebooks=notebooks)
    form.out.value = str(tmp_path / "bundle")
    form.export_button.click()
    text = BeautifulSoup(form.message.value, "html.parser").get_text()
    assert text.startswith("Nothing was shared: the leak scan found 1 identifying value")
    assert "notebooks/04-patterns.ipynb, cell 3 (markdown source): a contact's name" in text
    assert "L***********n" in text and "Hartigan" not in text
    assert form.bundle is None
    assert not (tmp_path / "bundle").exists()


@pytest.mark.slow
def test_the_demo_exports_a_bundle_that_opens_and_passes_the_scan(workspace, tmp_path):
    form = ShareForm(workspace, today=TODAY)
    form.out.value = str(tmp_path / "for-my-mentor")
    form.export_button.click()
    assert "Wrote a bundle for your mentor to" in form.message.value, form.message.value
    assert not form.export_button.disabled
    out = tmp_path / "for-my-mentor"
    assert [li.get_text() for li in BeautifulSoup(form.table.value, "html.parser")("li")] == (
        form.bundle.files
    )
    assert "04-patterns.html" in form.bundle.files
    # It opens: the notebook is valid for JupyterLab, the page parses for a browser.
    nbformat.validate(nbformat.read(out / "notebooks" / "04-patterns.ipynb", as_version=4))
    page = BeautifulSoup((out / "04-patterns.html").read_text("utf-8"), "html.parser")
    assert page.find("h1") is not None and page.find_all("script") == []
    # The kit's scan, with everything it knows of the demo, finds nothing...
    needles = anonymise(workspace.load(), AliasMap.load(workspace), 0).needles
    assert leak_scan(out, needles) == []
    # ... and neither does a plain search for every name, organisation and email with a space
    # or an @ (which base64 picture data cannot spell by chance).
    data = workspace.load()
    values = {
        *data.applications["company"],
        *data.applications["contact_name"],
        *data.applications["contact_email"],
        *data.contacts["name"],
        *data.contacts["organisation"],
        *data.messages["to_email"],
    }
    values = {v.casefold() for v in values if " " in v or "@" in v}
    assert len(values) > 40
    for path in out.rglob("*"):
        if path.is_file():
            text = path.read_text("utf-8", errors="replace").casefold()
            assert not [v for v in values if v in text], path


def test_mentor_notes_are_read_back_from_an_upload_or_a_path(workspace, tmp_path):
    AliasMap([("company", "Company 01", "Northwind Analytics")]).save(workspace)
    content = b"alias,comment\nCompany 01,<i>Great</i> research\nI0001,Shorter pitch\n"
    form = MentorNotesForm(workspace)
    form.read_button.click()
    assert "Give the path of the mentor_notes.csv" in form.output.value
    form.upload.value = ({"name": "mentor_notes.csv", "type": "text/csv", "size": len(content),
                          "content": memoryview(content),
                          "last_modified": datetime(2026, 11, 20, tzinfo=UTC)},)  # fmt: skip
    form.read_button.click()
    assert _rows(form.output.value) == [
        ["Company 01", "Northwind Analytics (organisation)", "<i>Great</i> research"],
        [
            "I0001",
            "hiring manager interview on 2026-05-20 with Northwind Analytics (Data Analyst)",
            "Shorter pitch",
        ],
    ]
    assert "<i>Great" not in form.output.value
    path = tmp_path / "notes.csv"
    path.write_bytes(content)
    other = MentorNotesForm(workspace)
    other.path.value = str(path)
    other.read_button.click()
    assert _rows(other.output.value) == _rows(form.output.value)
    other.path.value = str(tmp_path / "missing.csv")
    other.read_button.click()
    assert "does not exist" in other.output.value
