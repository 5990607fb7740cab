"""The leak scan finds a value in every spelling a bundle may hold it, says where, and never
repeats it."""

from __future__ import annotations

import base64
import json

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from rejectkit.sharing.leakscan import Needle, common_words, is_common, mask, scan

NAME = Needle("a contact's name", "Zoë O'Brackwater")
COMPANY = Needle("an organisation's name", "Quillfeather & Sons")


@pytest.mark.parametrize(
    ("needle", "text"),
    [
        (NAME, "met Zoë O'Brackwater today"),
        (NAME, "met ZOË O'BRACKWATER today"),
        (NAME, "met zoë\n   o'brackwater today"),
        (NAME, "<p>Zoë O&#x27;Brackwater</p>"),
        (NAME, "<p>Zoë O&#39;Brackwater</p>"),
        (NAME, "<p>Zoë<br/>O'Brackwater</p>"),
        (NAME, "Zoë O\u2019Brackwater"),
        (NAME, "?who=Zo%C3%AB%20O%27Brackwater"),
        (NAME, "?who=Zo%C3%AB+O%27Brackwater"),
        (NAME, json.dumps("line one\nZoë O'Brackwater")),
        (NAME, json.dumps("line one\nZoë\nO'Brackwater", ensure_ascii=False)),
        (COMPANY, "Quillfeather &amp; Sons"),
        (COMPANY, json.dumps("<td>Quillfeather &amp; Sons</td>")),
        (COMPANY, "Quillfeather%20%26%20Sons"),
        (COMPANY, "Quillfeather+%26+Sons"),
        (COMPANY, "Quillfeather & Sons's panel"),
        (COMPANY, "case_study_Quillfeather & Sons"),
    ],
)
def test_a_value_is_found_in_every_spelling(tmp_path, needle, text):
    (tmp_path / "page.html").write_text(f"<html>\n{text}\n</html>", "utf-8")
    hits = scan(tmp_path, [needle])
    assert [(h.file, h.where, h.kind) for h in hits] == [("page.html", "line 2", needle.kind)]


@pytest.mark.parametrize(
    "text",
    ["Brackwaters", "xBrackwater", "Brack water", "Brack-water", "Brackwate"],
)
def test_only_whole_words_count(tmp_path, text):
    (tmp_path / "notes.md").write_text(f"a note about {text} here", "utf-8")
    assert scan(tmp_path, [Needle("part of a contact's name", "Brackwater")]) == []


def test_a_hit_never_repeats_the_value(tmp_path):
    (tmp_path / "data.csv").write_text("id,notes\nA0001,Ottoline Brackwater was kind\n", "utf-8")
    (hit,) = scan(tmp_path, [Needle("a contact's name", "Ottoline Brackwater")])
    assert str(hit) == "data.csv, line 2: a contact's name (O*****************r)"
    assert "ottoline" not in str(hit).casefold()


@pytest.mark.parametrize(
    ("value", "masked"),
    [("Northwind", "N*******d"), ("Al", "**"), ("Tom", "***"), ("Jo  Ann", "J****n")],
)
def test_mask(value, masked):
    assert mask(value) == masked


def _notebook(tmp_path, cells, **metadata):
    nb = new_notebook(cells=cells, metadata=metadata)
    path = tmp_path / "notebooks" / "04-patterns.ipynb"
    path.parent.mkdir(exist_ok=True)
    nbformat.write(nb, path)
    return path


def test_a_notebook_hit_names_the_cell_and_the_part(tmp_path):
    code = new_code_cell("rk.touchpoint_highlights(data)")
    code.outputs = [new_output("stream", name="stdout", text="A chat with Ottoline\n")]
    _notebook(
        tmp_path,
        [
            new_markdown_cell("# Patterns"),
            new_markdown_cell("As Quillfeather & Sons told me:\nbe brief."),
            code,
        ],
    )
    hits = scan(
        tmp_path,
        [COMPANY, Needle("part of a contact's name", "Ottoline")],
    )
    assert [str(h) for h in hits] == [
        "notebooks/04-patterns.ipynb, cell 2 (markdown source): an organisation's name "
        "(Q*****************s)",
        "notebooks/04-patterns.ipynb, cell 3 (outputs): part of a contact's name (O******e)",
    ]


def test_widget_state_in_the_notebook_metadata_is_read_too(tmp_path):
    state = {"state": {"m1": {"state": {"value": "Quillfeather & Sons"}}}}
    _notebook(tmp_path, [new_markdown_cell("# Patterns")], widgets=state)
    (hit,) = scan(tmp_path, [COMPANY])
    assert hit.where == "the notebook's metadata"


def test_picture_data_is_not_read_as_text_but_the_text_beside_it_is(tmp_path):
    # A base64 payload spells short words by chance ("+Lena/"); a name in the text is real.
    payload = base64.b64encode(b"\x00" * 30).decode() + "+Lena/" + "A" * 40
    cell = new_code_cell("rk.plot_funnel(data);")
    cell.outputs = [new_output("display_data", data={"image/png": payload, "text/plain": "x"})]
    path = _notebook(tmp_path, [cell])
    lena = Needle("part of a contact's name", "Lena")
    assert scan(tmp_path, [lena]) == []
    (tmp_path / "page.html").write_text(f'<img src="data:image/png;base64,{payload}">')
    assert scan(tmp_path, [lena]) == []
    cell.outputs[0]["data"]["text/plain"] = "<Figure for Lena>"
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), path)
    assert [h.where for h in scan(tmp_path, [lena])] == ["cell 1 (outputs)"]


def test_a_common_word_is_looked_for_only_in_the_data_files(tmp_path):
    (tmp_path / "README.md").write_text("You will see the patterns.\n", "utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "applications.csv").write_text("notes\nasked Will\n", "utf-8")
    hits = scan(tmp_path, [Needle("part of a contact's name", "Will", everywhere=False)])
    assert [h.file for h in hits] == ["data/applications.csv"]


def test_every_file_is_read_whatever_its_name_or_encoding(tmp_path):
    (tmp_path / ".hidden").write_bytes("Brackwater".encode("utf-16"))
    (tmp_path / "latin.txt").write_bytes("Brackwater café".encode("latin-1"))
    hits = scan(tmp_path, [Needle("part of a contact's name", "Brackwater")])
    assert sorted(h.file for h in hits) == [".hidden", "latin.txt"]


def test_the_kits_own_words_are_common_and_names_are_not():
    words = common_words()
    assert {"will", "may", "company", "contact", "monday", "data"} <= words
    # Names from docstring examples and email addresses in the kit's code do not count.
    assert not {"ottoline", "brackwater", "northwind", "lena", "hartigan"} & words
    assert is_common("Will", words) and not is_common("Will Ashcombe", words)


def test_nothing_found_in_a_clean_folder(tmp_path):
    (tmp_path / "a.csv").write_text("company\nCompany 01\n", "utf-8")
    assert scan(tmp_path, [COMPANY, NAME]) == []


def test_two_values_with_the_same_letters_are_one_hit(tmp_path):
    # A contact's name and the name part of their email match the same words.
    (tmp_path / "page.html").write_text("<p>Ottoline Brackwater said so</p>", "utf-8")
    needles = [
        Needle("a contact's name", "Ottoline Brackwater"),
        Needle("the name part of an email address", "ottoline.brackwater"),
    ]
    assert [h.kind for h in scan(tmp_path, needles)] == ["a contact's name"]
