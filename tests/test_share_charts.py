"""Issue 14, pictures carry only aliases: every chart of the bundle is drawn from the
anonymised copy, its words checked by the leak scan before it is written, mathtext off, and
written as SVG with its text as text, so the tests (and the scan) read every word it shows.
"""

from __future__ import annotations

import base64
import io
import re
import shutil
from datetime import date
from html import unescape

import matplotlib.pyplot as plt
import pytest
from conftest import NOTEBOOKS
from leak_canary import CONTACTS, build, traces
from nbformat.v4 import new_code_cell, new_notebook

from rejectkit.sharing.aliases import AliasMap
from rejectkit.sharing.anonymise import ShareOptions, anonymise
from rejectkit.sharing.bundle import _write_tables, leak_scan, share
from rejectkit.sharing.notebooks import run_notebook
from rejectkit.sharing.pictures import CHARTS, chart_texts, write_charts
from rejectkit.store.workspace import Workspace

TODAY = date(2026, 11, 20)
# A touchpoint of the canary's own whose label holds a name, once in mathtext.
LABEL = "Rapport with $S$iobhán and Haruki"
_TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.S)


def _svg_words(svg: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", t)) for t in _TEXT.findall(svg))


@pytest.fixture
def canary(tmp_path):
    ws = build(tmp_path / "ws", ["Siobhán liked the dashboard of Zyxwv Analytics"])
    ws.add("touchpoints", dict(key="rapport", label=LABEL))
    interviews = ws.load().tables["interviews"]["id"].tolist()
    for i, interview in enumerate(interviews):
        rows = ws.load().tables["reviews"]
        rows = rows[rows["interview_id"] == interview][["touchpoint", "score"]]
        rated = [dict(r) for r in rows.to_dict("records")] + [
            dict(touchpoint="rapport", score=str(2 + i))
        ]
        ws.replace("reviews", {"interview_id": interview}, rated)
    return ws


def test_every_chart_drawn_from_the_anonymised_copy_holds_no_canary(canary, tmp_path):
    anon = anonymise(canary.load(), AliasMap(), 14, ShareOptions())
    assert anon.tables["touchpoints"].at[0, "label"] == "Rapport with $Contact 01 and Contact 02"
    _write_tables(tmp_path / "data", anon.tables)
    written, hits = write_charts(Workspace(tmp_path / "data").read(), tmp_path / "charts",
                                 anon.needles)  # fmt: skip
    assert hits == []
    assert len(written) == len(CHARTS) == 6
    words = {f: _svg_words((tmp_path / "charts" / f).read_text("utf-8")) for f in written}
    # Text is kept as text (svg.fonttype none): the labels can be read back.
    assert "Contact 01" in words["01-score-trends.svg"] + words["02-score-heatmap.svg"]
    assert all(words.values())
    assert traces(tmp_path / "charts") == []
    assert leak_scan(tmp_path / "charts", anon.needles) == []


def test_a_chart_whose_words_hold_a_name_is_not_written(canary, tmp_path):
    needles = anonymise(canary.load(), AliasMap(), 14, ShareOptions()).needles
    # The real log, not the anonymised copy: its touchpoint label names Siobhán.
    written, hits = write_charts(canary.read(), tmp_path / "charts", needles)
    assert hits and "part of a contact's name" in {h.kind for h in hits}
    assert all(h.file.startswith("charts/") and "a label" in h.where for h in hits)
    assert not {h.file.removeprefix("charts/") for h in hits} & set(written)
    assert sorted(p.name for p in (tmp_path / "charts").iterdir()) == sorted(written)


def test_mathtext_is_drawn_as_typed():
    fig, ax = plt.subplots()
    ax.set_title("$S$iobhán")
    assert chart_texts(fig) == ["$S$iobhán"]
    buffer = io.StringIO()
    with plt.rc_context({"svg.fonttype": "none"}):
        fig.savefig(buffer, format="svg")
    assert "$S$iobhán" in _svg_words(buffer.getvalue())


@pytest.mark.slow
def test_the_kernel_draws_no_mathtext(tmp_path):
    nb = new_notebook(cells=[new_code_cell("import matplotlib\nprint(matplotlib.rcParams"
                                           "['text.parse_math'], matplotlib.rcParams"
                                           "['svg.fonttype'])")])  # fmt: skip
    (tmp_path / "nb").mkdir()
    ran = run_notebook(nb, "x.ipynb", data=tmp_path, cwd=tmp_path / "nb", today=TODAY, timeout=120)
    assert ran.cells[0].outputs[0]["text"] == "False none\n"


def _png_with(text: str) -> str:
    fig, ax = plt.subplots(figsize=(2, 2))
    ax.plot([1, 2])
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Description": text})
    return base64.b64encode(buffer.getvalue()).decode()


@pytest.mark.slow
def test_the_bundles_charts_hold_no_canary_and_a_planted_one_is_found(canary, tmp_path):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, notebooks)
    out = tmp_path / "bundle"
    bundle = share(canary, out, today=TODAY, notebooks=notebooks,
                   options=ShareOptions(hide=("Haruki",), keep=("Rapport",)))  # fmt: skip
    svgs = sorted((out / "charts").glob("*.svg"))
    assert [p.name for p in svgs] == [f for f in bundle.files if f.startswith("charts/")] or [
        f"charts/{p.name}" for p in svgs
    ] == [f for f in bundle.files if f.startswith("charts/")]
    assert len(svgs) == 6
    assert all(_svg_words(p.read_text("utf-8")) for p in svgs)
    assert traces(out) == []
    needles = anonymise(canary.load(), AliasMap.load(canary), 0, ShareOptions()).needles
    assert leak_scan(out, needles) == []
    # Planted into the bundle's own files, a canary in a PNG data URI and in an SVG is found.
    page = out / "04-patterns.html"
    html = page.read_text("utf-8")
    first = re.search(r'src="data:image/png;base64,([^"]+)"', html)
    assert first
    page.write_text(html.replace(first.group(1), _png_with(CONTACTS[0])), "utf-8")
    svg = svgs[0].read_text("utf-8")
    svgs[0].write_text(svg.replace("Contact 01", CONTACTS[1], 1), "utf-8")
    hits = {(h.file, h.kind) for h in leak_scan(out, needles)}
    assert ("04-patterns.html", "a contact's name") in hits
    assert (f"charts/{svgs[0].name}", "a contact's name") in hits
