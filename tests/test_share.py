"""The shared bundle: nothing identifying in any byte, the same patterns, nothing partial on a
refusal, formula cells neutralised, stable aliases, and mentor notes back to real names.

One bundle of the canary workspace is exported for the whole module (a notebook run takes
seconds); the refusals are checked before any kernel starts.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from datetime import date
from types import SimpleNamespace

import nbformat
import numpy as np
import pandas as pd
import pytest
from conftest import NOTEBOOKS
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell
from share_canary import HIDE, build_canary, leaks

from rejectkit.analysis.comparisons import blind_spots, passed_vs_rejected, strategy_effects
from rejectkit.analysis.funnel import funnel_summary
from rejectkit.analysis.touchpoints import score_table, touchpoint_summary
from rejectkit.cli import main
from rejectkit.errors import RejectkitError
from rejectkit.sharing.aliases import AliasMap
from rejectkit.sharing.anonymise import ShareOptions, anonymise
from rejectkit.sharing.bundle import MARKER, leak_scan, share
from rejectkit.sharing.leakscan import LeakError
from rejectkit.store.workspace import Workspace

TODAY = date(2026, 11, 20)
# Words of the canary's notes that the candidate finder lists and that are no names.
KEEP = ("HYPERLINK", "Büro")
PATTERNS = "04-patterns.ipynb"


def _saved_with_real_outputs(path):
    """The patterns notebook as a user leaves it after running it on their own log: outputs,
    widget state, execution times and an attachment, all full of real names."""
    nb = nbformat.read(path, as_version=4)
    code = next(c for c in nb.cells if c.cell_type == "code")
    code.execution_count = 7
    code.outputs = [new_output("stream", name="stdout", text="Quillfeather Dynamics, Ottoline\n")]
    code.metadata["execution"] = {"iopub.execute_input": "2026-11-20T10:00:00Z"}
    nb.metadata["widgets"] = {"state": {"m": {"state": {"value": "Zorbanex Holdings"}}}}
    markdown = nb.cells[0]
    markdown["attachments"] = {"note.txt": {"text/plain": "Fenwickson Zarathustra"}}
    nbformat.write(nb, path)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    root = tmp_path_factory.mktemp("share")
    ws = build_canary(root / "workspace")
    notebooks = root / "notebooks"
    shutil.copytree(NOTEBOOKS, notebooks)
    _saved_with_real_outputs(notebooks / PATTERNS)
    out = root / "bundle"
    out.mkdir()  # an empty folder is as good as a new one
    bundle = share(
        ws, out, today=TODAY, options=ShareOptions(hide=HIDE, keep=KEEP), notebooks=notebooks
    )
    return SimpleNamespace(ws=ws, out=out, bundle=bundle, root=root, notebooks=notebooks)


def _offset(ws) -> int:
    secret = ws.path / ".rejectkit" / "share" / "secret.json"
    return 7 * json.loads(secret.read_text())["offset_weeks"]


@pytest.mark.slow
def test_no_planted_value_is_in_any_byte_of_the_bundle(exported):
    assert leaks(exported.out) == []
    # The kit's own scan agrees, with everything it knows of the workspace.
    real = exported.ws.load()
    needles = anonymise(real, AliasMap.load(exported.ws), 0, ShareOptions(hide=HIDE)).needles
    assert leak_scan(exported.out, needles) == []


@pytest.mark.slow
def test_the_bundle_holds_what_a_mentor_needs_and_nothing_private(exported):
    files = sorted(p.relative_to(exported.out).as_posix() for p in exported.out.rglob("*"))
    assert files == [
        MARKER,
        "04-patterns.html",
        "README.md",
        "charts",
        "charts/01-score-trends.svg",
        "charts/02-score-heatmap.svg",
        "charts/03-touchpoint-changes.svg",
        "charts/04-funnel.svg",
        "charts/05-passed-vs-rejected.svg",
        "charts/06-strategy-changes.svg",
        "data",
        "data/applications.csv",
        "data/changes.csv",
        "data/contacts.csv",
        "data/feedback.csv",
        "data/interviews.csv",
        "data/messages.csv",
        "data/prep-sheet.md",
        "data/questions.csv",
        "data/reviews.csv",
        "data/stories.csv",
        "data/touchpoints.csv",
        "mentor_notes.csv",
        "notebooks",
        "notebooks/04-patterns.ipynb",
    ]
    assert exported.bundle.files == [f for f in files if "." in f.rsplit("/", 1)[-1]]
    notes = (exported.out / "mentor_notes.csv").read_text().splitlines()
    assert notes[0] == "alias,comment" and "Company 01," in notes and "Contact 01," in notes
    readme = (exported.out / "README.md").read_text("utf-8")
    assert "intervals and weekdays are true" in readme
    assert "5 applications, 7 interviews, 77 reviews and 2 feedback" in readme
    # The alias map and the secret stay in the workspace.
    private = exported.ws.path / ".rejectkit" / "share"
    assert sorted(p.name for p in private.iterdir()) == ["aliases.csv", "review.csv", "secret.json"]
    texts = [p.read_bytes() for p in exported.out.rglob("*") if p.is_file()]
    assert not any(b"kind,alias,value" in t or b"offset_weeks" in t for t in texts)
    # No path of this computer: the temporary folders, the workspace, the test's own folder.
    for text in texts:
        assert b"rejectkit-share-" not in text
        assert str(exported.root).encode() not in text
    # Modification times say nothing about the real day of the export.
    assert {p.stat().st_mtime for p in exported.out.rglob("*")} == {946684800}


@pytest.mark.slow
def test_the_bundle_has_the_same_records(exported):
    real = exported.ws.load()
    shared = Workspace(exported.out / "data").load()
    for table in ("applications", "interviews", "reviews", "feedback", "contacts", "changes"):
        assert len(shared.tables[table]) == len(real.tables[table]), table
    assert shared.reviews["score"].tolist() == real.reviews["score"].tolist()


def _same_apart_from_names_and_dates(real: pd.DataFrame, shared: pd.DataFrame, offset: int):
    assert list(real.columns) == list(shared.columns)
    assert len(real) == len(shared)
    for column in real.columns:
        a, b = real[column].reset_index(drop=True), shared[column].reset_index(drop=True)
        if pd.api.types.is_datetime64_any_dtype(a):
            assert (a.isna() == b.isna()).all(), column
            assert ((b - a).dropna().dt.days == offset).all(), column
            assert (a.dropna().dt.day_of_week == b.dropna().dt.day_of_week).all(), column
        elif pd.api.types.is_numeric_dtype(a) or pd.api.types.is_bool_dtype(a):
            np.testing.assert_array_equal(a.to_numpy(float), b.to_numpy(float), err_msg=column)


@pytest.mark.slow
@pytest.mark.parametrize(
    "table",
    [
        lambda d: touchpoint_summary(d),
        lambda d: score_table(d),
        lambda d: funnel_summary(d).table,
        lambda d: funnel_summary(d).outcomes.to_frame(),
        lambda d: funnel_summary(d).days_to_answer.to_frame(),
        lambda d: passed_vs_rejected(d).table,
        lambda d: blind_spots(d).table,
        lambda d: strategy_effects(d).table,
    ],
    ids=[
        "touchpoint_summary",
        "score_table",
        "funnel",
        "outcomes",
        "days_to_answer",
        "passed_vs_rejected",
        "blind_spots",
        "strategy_effects",
    ],
)
def test_the_charts_data_is_unchanged_apart_from_names_and_dates(exported, table):
    real = exported.ws.load()
    shared = Workspace(exported.out / "data").load()
    _same_apart_from_names_and_dates(table(real), table(shared), _offset(exported.ws))


@pytest.mark.slow
def test_touchpoints_and_ids_are_the_same_and_names_are_aliases(exported):
    real, shared = (
        score_table(exported.ws.load()),
        score_table(Workspace(exported.out / "data").load()),
    )
    for column in ("interview_id", "touchpoint", "result", "order"):
        assert real[column].tolist() == shared[column].tolist()
    assert set(shared["company"]) == {"Company 01", "Company 02", "Company 03"}


@pytest.mark.slow
def test_cells_a_spreadsheet_would_run_are_neutralised(exported):
    cells = set()
    for path in (exported.out / "data").glob("*.csv"):
        rows = list(csv.reader(io.StringIO(path.read_text("utf-8"))))
        for row in rows[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (path.name, cell)
                cells.add((path.name, cell))
    assert {
        ("applications.csv", '\'=HYPERLINK("Link 03","click")'),
        ("applications.csv", "'-- phone screen only"),
        ("changes.csv", "'+ practise case studies the Contact 01 way"),
        ("contacts.csv", "'@Contact 03 on the Company 04 Slack"),
    } <= cells


@pytest.mark.slow
def test_the_notebook_is_run_again_and_cleaned(exported):
    nb = nbformat.read(exported.out / "notebooks" / PATTERNS, as_version=4)
    nbformat.validate(nb)
    assert set(nb.metadata) <= {"kernelspec", "language_info"}
    code = [c for c in nb.cells if c.cell_type == "code"]
    # Every cell but the first (which only opens the workspace) shows something.
    assert all(c.outputs for c in code[1:])
    for cell in nb.cells:
        assert "attachments" not in cell
        assert "execution" not in cell.metadata
        for output in cell.get("outputs", []):
            assert output.output_type != "error"
            assert "application/vnd.jupyter.widget-view+json" not in output.get("data", {})
    picker = next(c for c in code if "trend_picker" in c.source)
    assert "image/png" in picker.outputs[0]["data"]
    sheet = next(c for c in code if "prep_sheet" in c.source)
    assert "Saved to `data/prep-sheet.md`" in sheet.outputs[0]["data"]["text/markdown"]


@pytest.mark.slow
def test_the_prep_sheet_is_dated_on_the_shifted_calendar(exported):
    from datetime import timedelta

    sheet = (exported.out / "data" / "prep-sheet.md").read_text("utf-8")
    shifted = TODAY + timedelta(days=_offset(exported.ws))
    assert f"Prepared on {shifted.day} {shifted:%b %Y}" in sheet


@pytest.mark.slow
def test_the_html_page_is_static_and_shows_the_charts(exported):
    from bs4 import BeautifulSoup

    page = (exported.out / "04-patterns.html").read_text("utf-8")
    soup = BeautifulSoup(page, "html.parser")
    # The mentor's header first, then the notebook's own headings.
    headings = [h.get_text(strip=True) for h in soup.find_all("h1")]
    assert headings[0] == "Job-search patterns of Mentee 01, shared for your advice"
    assert headings[1].startswith("Patterns across your interviews")
    assert soup.find_all("script") == []
    pictures = [i["src"] for i in soup.find_all("img")]
    assert len(pictures) >= 6 and all(src.startswith("data:image/png") for src in pictures)
    assert not [t for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)]
    assert "Company 01" in soup.get_text()


@pytest.mark.slow
def test_mentor_notes_come_back_to_real_names(exported, tmp_path, capsys):
    notes = tmp_path / "mentor_notes.csv"
    shutil.copy(exported.out / "mentor_notes.csv", notes)
    with notes.open("a", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(
            [
                ["Company 01", "Their case study suits you; compare with Company 02."],
                ["I0002", "What went wrong in this final?"],
                ["case_study", "Practise more of these."],
                ["", "Keep going."],
                ["Company 99", "?"],
            ]
        )
    assert main(["mentor-notes", str(notes), "--data", str(exported.ws.path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Company 01 = Quillfeather Dynamics (organisation)",
        "    Their case study suits you; compare with Company 02 [Zorbanex Holdings].",
        "I0002 = final at Quillfeather Dynamics HQ interview on 2026-05-29 with Quillfeather "
        "Dynamics (Analyst for Quillfeather Dynamics)",
        "    What went wrong in this final?",
        "case_study = The Quillfeather-style case study (touchpoint)",
        "    Practise more of these.",
        "General remark",
        "    Keep going.",
        "Company 99 = not an alias, record or touchpoint of your log (was the bundle made "
        "elsewhere?)",
        "    ?",
    ]


def test_mentor_notes_from_a_spreadsheet_with_semicolons(tmp_path, capsys):
    ws = build_canary(tmp_path / "workspace")
    AliasMap([("contact", "Contact 01", "Ottoline Brackwater")]).save(ws)
    notes = tmp_path / "notes.csv"
    notes.write_bytes("\ufeffalias;comment\r\ncontact 1;Ask her again\r\n".encode())
    assert main(["mentor-notes", str(notes), "--data", str(ws.path)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "contact 1 = Ottoline Brackwater (contact)"


def _planted(tmp_path, cell):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, notebooks)
    nb = nbformat.read(notebooks / PATTERNS, as_version=4)
    nb.cells.insert(3, cell)
    nbformat.write(nb, notebooks / PATTERNS)
    return notebooks


@pytest.mark.slow
@pytest.mark.parametrize(
    ("cell", "where", "masked"),
    [
        (
            new_markdown_cell("As Quillfeather Dynamics\ntold me: be brief."),
            "cell 4 (markdown source): an organisation's name (Q*******************s)",
            "Q*******************s",
        ),
        (
            new_code_cell("# ask OTTOLINE about it\nrk.funnel_summary(data)"),
            "cell 4 (code source): part of a contact's name (O******e)",
            "O******e",
        ),
        (
            new_raw_cell("ottoline.brackwater@quillfeather.example"),
            "cell 4 (raw source): an email address (o**************************************e)",
            "o**************************************e",
        ),
    ],
    ids=["markdown", "code", "raw"],
)
def test_a_name_typed_into_a_notebook_stops_the_export(exported, tmp_path, cell, where, masked):
    notebooks = _planted(tmp_path, cell)
    out = tmp_path / "bundle"
    with pytest.raises(LeakError) as refused:
        share(
            exported.ws,
            out,
            today=TODAY,
            options=ShareOptions(hide=HIDE, keep=KEEP),
            notebooks=notebooks,
        )
    message = str(refused.value)
    assert message.startswith("Nothing was shared: the leak scan found")
    assert f"notebooks/04-patterns.ipynb, {where}" in message
    assert masked in message
    assert "quillfeather" not in message.casefold().replace("q*", "")
    assert "ottoline" not in message.casefold()
    # Nothing partial: no bundle, no hidden staging folder.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notebooks"]


def test_a_folder_that_is_not_a_bundle_is_never_written_into(workspace, tmp_path):
    out = tmp_path / "photos"
    out.mkdir()
    (out / "holiday.jpg").write_bytes(b"not really")
    with pytest.raises(RejectkitError, match="is not empty and is not a bundle"):
        share(workspace, out, today=TODAY)
    assert [p.name for p in out.iterdir()] == ["holiday.jpg"]
    (tmp_path / "file").write_text("x")
    with pytest.raises(RejectkitError, match="is a file"):
        share(workspace, tmp_path / "file", today=TODAY)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "photos", "workspace"]


def test_the_command_says_why_it_refused(workspace, tmp_path, capsys):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("x")
    argv = ["share", "--data", str(workspace.path), "--out", str(tmp_path / "notes")]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "rejectkit share: " in err and "is not empty and is not a bundle" in err
    assert "Traceback" not in err


@pytest.mark.slow
def test_a_notebook_that_fails_leaves_nothing_behind(workspace, tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nb = new_notebook(cells=[new_code_cell("1 + 1"), new_code_cell("raise ValueError('boom')")])
    nbformat.write(nb, notebooks / PATTERNS)
    out = tmp_path / "bundle"
    with pytest.raises(RejectkitError, match=r"04-patterns.ipynb stopped at cell 2 .*boom"):
        share(workspace, out, today=TODAY, notebooks=notebooks)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notebooks", "workspace"]


@pytest.mark.slow
def test_a_second_export_replaces_the_bundle_with_the_same_aliases(exported, capsys):
    out, ws = exported.out, exported.ws
    before = {p.name: p.read_bytes() for p in (out / "data").glob("*.csv")}
    aliases = AliasMap.load(ws).entries()
    (out / "stray.txt").write_text("left by the mentor")
    argv = ["share", "--data", str(ws.path), "--out", str(out), "--hide", HIDE[0]]
    assert main(argv) == 0
    assert capsys.readouterr().out.startswith(f"Wrote a bundle for your mentor to {out}: ")
    # A file the kit did not write is the mentor's: it stays.
    assert (out / "stray.txt").read_text() == "left by the mentor"
    assert {p.name: p.read_bytes() for p in (out / "data").glob("*.csv")} == before
    assert AliasMap.load(ws).entries().equals(aliases)
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".")] == []
    assert leaks(out) == []
    assert os.listdir(out / "notebooks") == [PATTERNS]
