"""The start page's list of pages: every numbered notebook next to it, titled by its heading."""

from __future__ import annotations

import json
import re

import nbformat
import pytest
from conftest import NOTEBOOKS

from rejectkit.ui.pages import PATTERN, pages, title_of


def _notebook(path, *cells):
    nb = nbformat.v4.new_notebook(cells=list(cells))
    nbformat.write(nb, path)
    return path


md = nbformat.v4.new_markdown_cell
code = nbformat.v4.new_code_cell


def test_every_numbered_notebook_is_listed_in_order_with_its_heading(tmp_path):
    _notebook(tmp_path / "00-start.ipynb", md("# Start here"))
    _notebook(tmp_path / "02-review.ipynb", md("# Review an interview\n\nText."))
    _notebook(tmp_path / "01-log.ipynb", code("x = 1"), md("Intro\n\n## Log your applications"))
    _notebook(tmp_path / "10-share.ipynb", md("Share without a heading"))
    _notebook(tmp_path / "Untitled.ipynb", md("# Scratch"))
    _notebook(tmp_path / "1-odd.ipynb", md("# Not two digits"))
    (tmp_path / ".ipynb_checkpoints").mkdir()
    _notebook(tmp_path / ".ipynb_checkpoints" / "03-x-checkpoint.ipynb", md("# Old"))
    (tmp_path / "04-notes.txt").write_text("# not a notebook")
    found = pages(tmp_path)
    assert [(p.name, p.title) for p in found] == [
        ("01-log.ipynb", "Log your applications"),
        ("02-review.ipynb", "Review an interview"),
        ("10-share.ipynb", "Share"),  # no heading: the name says it
    ]


@pytest.mark.parametrize(
    ("source", "title"),
    [
        ("# Plain", "Plain"),
        ("   ### Indented up to three ###", "Indented up to three"),
        ("Text first\n# Then the heading", "Then the heading"),
        ("    # Four spaces is code, not a heading", "Some page"),
        ("#No space is not a heading", "Some page"),
        ("", "Some page"),
    ],
)
def test_the_title_is_the_first_heading_of_the_first_markdown_cell(tmp_path, source, title):
    path = _notebook(tmp_path / "07-some-page.ipynb", md(source), md("# Later heading"))
    assert title_of(path) == title


def test_a_broken_notebook_still_gets_a_title(tmp_path):
    path = tmp_path / "08-import_data.ipynb"
    path.write_text('{"cells": "not a list"')
    assert title_of(path) == "Import data"


def test_titles_are_escaped_and_links_open_in_the_same_tab(tmp_path):
    _notebook(tmp_path / "05-a b.ipynb", md("# <script>alert(1)</script> & *you* `rk`"))
    html = pages(tmp_path)._repr_html_()
    assert "<script>" not in html
    assert (
        '<a href="05-a%20b.ipynb" target="_self">&lt;script&gt;alert(1)&lt;/script&gt; &amp; '
        "<i>you</i> <code>rk</code></a>"
    ) in html


def test_an_empty_folder_says_so(tmp_path):
    assert "No pages found" in pages(tmp_path)._repr_html_()
    assert repr(pages(tmp_path)) == "No pages found."


def test_the_kits_own_notebooks_all_have_a_heading_title():
    names = sorted(p.name for p in NOTEBOOKS.glob(PATTERN) if not p.name.startswith("00-"))
    found = pages(NOTEBOOKS)
    assert [p.name for p in found] == names
    for page in found:
        first = json.loads((NOTEBOOKS / page.name).read_text("utf-8"))["cells"][0]
        assert re.match(r"#+ ", "".join(first["source"])), page.name
        assert page.title in "".join(first["source"])
