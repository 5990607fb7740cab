"""Issue 14, part 2: every spelling of a known name is scrubbed, and the leak scan finds it.

Each case is a note holding one spelling of a name of the canary workspace (tests/leak_canary.py).
Anonymised, the note must leave a clean copy (the tests' own search finds no trace, the kit's
scan no hit). Written as it is into a bundle's file, or typed into a notebook, the same
spelling must stop the export; taking it out, as the refusal says, gives a clean bundle.
"""

from __future__ import annotations

import shutil
import unicodedata
from datetime import date

import nbformat
import pytest
from conftest import NOTEBOOKS
from leak_canary import build, traces
from nbformat.v4 import new_markdown_cell, new_notebook

from rejectkit.sharing.aliases import AliasMap
from rejectkit.sharing.anonymise import ShareOptions, anonymise
from rejectkit.sharing.bundle import _write_tables, leak_scan, share
from rejectkit.sharing.leakscan import scan

# id, note, what the scrubbed note must read (the spelling replaced by its alias)
CASES = [
    ("unaccented", "Siobhan was kind", "Contact 01 was kind"),
    ("upper case", "SIOBHÁN O'BRIEN was kind", "Contact 01 was kind"),
    ("no apostrophe", "OBrien asked about SQL", "Contact 01 asked about SQL"),
    ("curly apostrophe", "O\u2019Brien asked about SQL", "Contact 01 asked about SQL"),
    ("NFD", unicodedata.normalize("NFD", "Siobhán O'Brien was kind"), "Contact 01 was kind"),
    ("spelled-out email", "write to siobhan dot obrien at zyxwv-analytics dot de",
     "write to Email 01"),
    ("link without scheme", "see linkedin.com/in/hnakamura-4711 first", "see Link 01 first"),
    ("later company word", "the Söhne team was late", "the Company 02 team was late"),
    ("company written together", "zyxwvanalytics hires", "Company 01 hires"),
    ("company as a handle", "ask @ZyxwvAnalytics", "ask @Company 01"),
    ("soft hyphen", "Naka\u00admura called", "Contact 02 called"),
    ("zero-width space", "Naka\u200bmura called", "Contact 02 called"),
    ("word joiner in a full name", "Haruki\u2060 Nakamura called", "Contact 02 called"),
    ("line-break hyphen", "Naka-\nmura called", "Contact 02 called"),
    ("full-width", "ＮＡＫＡＭＵＲＡ called", "Contact 02 called"),
    ("ss for ß", "Lotte Weiss called", "Contact 03 called"),
    ("ß for ss in an email name", "mail lotte.weiß soon", "mail Email 03 soon"),
    ("capital ẞ", "WEIẞ called", "Contact 03 called"),
    ("hidden name, curly possessive", "KOWALCZYK\u2019s advice", "Person 01\u2019s advice"),
]  # fmt: skip
HIDE = ("Kowalczyk",)
IDS = [c[0] for c in CASES]


@pytest.fixture(scope="module")
def anonymised(tmp_path_factory):
    """The canary workspace with one note, anonymised; built once per note."""
    done = {}

    def make(note):
        if note not in done:
            ws = build(tmp_path_factory.mktemp("spelling") / "workspace", [note])
            done[note] = anonymise(ws.load(), AliasMap(), 14, ShareOptions(hide=HIDE))
        return done[note]

    return make


@pytest.mark.parametrize(("note", "scrubbed"), [c[1:] for c in CASES], ids=IDS)
def test_a_spelling_of_a_known_name_is_scrubbed(anonymised, tmp_path, note, scrubbed):
    anon = anonymised(note)
    assert anon.tables["applications"]["notes"].iat[0] == scrubbed
    _write_tables(tmp_path / "bundle" / "data", anon.tables)
    assert traces(tmp_path / "bundle") == []
    assert leak_scan(tmp_path / "bundle", anon.needles) == []


@pytest.mark.parametrize("note", [c[1] for c in CASES], ids=IDS)
@pytest.mark.parametrize("file", ["data/notes.csv", "04-patterns.html"])
def test_the_leak_scan_finds_every_spelling(anonymised, tmp_path, note, file):
    anon = anonymised(note)
    target = tmp_path / "bundle" / file
    target.parent.mkdir(parents=True)
    target.write_text(f"<p>first line</p>\n<p>{note}</p>\n", "utf-8")
    hits = leak_scan(tmp_path / "bundle", anon.needles)
    assert hits and {h.file for h in hits} == {file}
    assert hits[0].where == "line 2"


@pytest.mark.parametrize("note", [c[1] for c in CASES], ids=IDS)
def test_a_spelling_typed_into_a_notebook_is_refused_and_the_fix_works(anonymised, tmp_path, note):
    anon = anonymised(note)
    folder = tmp_path / "bundle" / "notebooks"
    folder.mkdir(parents=True)
    nb = new_notebook(cells=[new_markdown_cell("# Patterns"), new_markdown_cell(note)])
    nbformat.write(nb, folder / "04-patterns.ipynb")
    hits = leak_scan(tmp_path / "bundle", anon.needles)
    assert [h.where for h in hits][:1] == ["cell 2 (markdown source)"]
    # The refusal says: take it out of the notebook and export again.
    del nb.cells[1]
    nbformat.write(nb, folder / "04-patterns.ipynb")
    assert leak_scan(tmp_path / "bundle", anon.needles) == []


def test_the_canary_search_sees_what_it_must(tmp_path):
    # The tests' own search is no weaker than the cases: every raw note leaves a trace.
    for _id, note, _ in CASES[:-1]:
        (tmp_path / "n.txt").write_text(note, "utf-8")
        assert traces(tmp_path), _id


@pytest.mark.slow
def test_a_bundle_with_every_spelling_is_clean(tmp_path):
    ws = build(tmp_path / "workspace", [c[1] for c in CASES])
    notebooks = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, notebooks)
    out = tmp_path / "bundle"
    share(ws, out, today=date(2026, 11, 20), options=ShareOptions(hide=HIDE), notebooks=notebooks)
    assert traces(out) == []
    needles = anonymise(ws.load(), AliasMap.load(ws), 0, ShareOptions(hide=HIDE)).needles
    assert scan(out, needles) == []


def test_no_canary_word_is_one_of_the_kits_own_words():
    # A word the kit writes in lower case is looked for in the data files only: the canary's
    # names must not be among them, or the cases above would prove less than they say.
    from leak_canary import SECRETS

    from rejectkit.sharing.leakscan import common_words
    from rejectkit.sharing.notebooks import template_words

    assert not set(SECRETS) & common_words(template_words())


def test_a_later_company_word_your_notes_write_in_lower_case_stays(tmp_path):
    # "Logistik" of "Oberkampf Logistik" is an ordinary word to whoever writes "logistik";
    # "Söhne", never written in lower case, names "Müller & Söhne".
    ws = build(tmp_path / "workspace", ["the Söhne team knows logistik well"])
    anon = anonymise(ws.load(), AliasMap(), 14, ShareOptions())
    assert anon.tables["applications"]["notes"].iat[0] == "the Company 02 team knows logistik well"
    assert "Logistik" not in {n.value for n in anon.needles}
