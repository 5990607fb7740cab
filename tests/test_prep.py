"""The next-interview prep sheet: what it picks, the notes it quotes, and the file it writes."""

from __future__ import annotations

import shutil
from datetime import date

import nbformat
import pytest
from conftest import NOTEBOOKS
from patterns_helpers import EDGES, build, build_edge, interview

from rejectkit.analysis.prep import prep_sheet, write_prep_sheet
from rejectkit.analysis.touchpoints import NO_INTERVIEWS
from rejectkit.cli import main
from rejectkit.store.location import init_workspace
from rejectkit.store.workspace import Workspace

CR, IQ, BQ, YQ = (
    "company_research",
    "industry_questions",
    "behavioural_questions",
    "your_questions",
)
TODAY = date(2026, 3, 20)


@pytest.fixture
def log(tmp_path):
    """Industry slips 4, 3, 2; your questions stay at 2; behavioural stays at 5; research
    climbs 3, 4, 5. By hand: work on industry (slipping) then your questions (weakest); keep
    doing behavioural (strongest) and research."""
    return build(
        tmp_path / "ws",
        [
            interview(
                "2026-01-05",
                scores={IQ: 4, YQ: 2, BQ: 5, CR: 3},
                company="Alder",
                notes={BQ: ("STAR answers", ""), YQ: ("", "Prepare two questions")},
            ),
            interview(
                "2026-02-05",
                scores={IQ: 3, YQ: 2, BQ: 5, CR: 4},
                company="Birch",
                notes={IQ: ("", "Read the sector news"), YQ: ("", "Prepare two questions")},
            ),
            interview(
                "2026-03-05",
                scores={IQ: 2, YQ: 2, BQ: 5, CR: 5},
                company="Cedar",
                notes={
                    IQ: ("", "Weekly reading on <regulation>\nand trends"),
                    CR: ("One-page brief", ""),
                },
            ),
        ],
        feedback=[
            {
                "app": 2,
                "received_on": "2026-03-10",
                "to_improve": "Know the sector",
                "touchpoints": IQ,
            },
        ],
    )


def test_the_sheet_lists_what_to_work_on_with_your_own_notes(log):
    sheet = prep_sheet(log, today=TODAY)
    assert sheet.startswith(
        "# Your next-interview prep sheet\n\n"
        "Prepared on 20 Mar 2026 from your 3 rated interviews (5 Jan 2026 to 5 Mar 2026).\n"
    )
    work = sheet[sheet.index("## Work on these") : sheet.index("## Keep doing")]
    assert work == (
        "## Work on these\n\n"
        "### 1. The industry-specific questions\n\n"
        "Last ratings: 4, 3, 2 (average 3.0); overall 3.0; change since your first interviews: "
        "-2.0.\n\n"
        "What you told yourself to do differently:\n\n"
        "- 5 Mar 2026, Cedar: Weekly reading on &lt;regulation&gt; and trends\n"
        "- 5 Feb 2026, Birch: Read the sector news\n\n"
        'Feedback said: "Know the sector"\n\n'
        "### 2. The questions you asked the interviewer\n\n"
        "Last ratings: 2, 2, 2 (average 2.0); overall 2.0; change since your first interviews: "
        "+0.0.\n\n"
        "What you told yourself to do differently:\n\n"
        "- 5 Feb 2026, Birch: Prepare two questions\n\n"  # the same note once, the newest
    )


def test_the_sheet_lists_what_to_keep_doing_and_what_feedback_says(log):
    sheet = prep_sheet(log, today=TODAY)
    keep = sheet[sheet.index("## Keep doing") : sheet.index("## What the feedback")]
    assert keep == (
        "## Keep doing\n\n"
        "### The behavioural questions\n\n"
        "Last ratings: 5, 5, 5 (average 5.0); overall 5.0; change since your first interviews: "
        "+0.0.\n\n"
        "- 5 Jan 2026, Alder: STAR answers\n\n"
        "### Your research about the organisation\n\n"
        "Last ratings: 3, 4, 5 (average 4.0); overall 4.0; change since your first interviews: "
        "+2.0.\n\n"
        "- 5 Mar 2026, Cedar: One-page brief\n\n"
    )
    assert sheet.endswith(
        "## What the feedback keeps mentioning\n\n"
        '- The industry-specific questions (once, 10 Mar 2026): "Know the sector"\n'
    )


def test_the_sheet_picks_as_many_touchpoints_as_asked(log):
    sheet = prep_sheet(log, today=TODAY, n=1)
    assert "### 1. The industry-specific questions" in sheet
    assert "### 2." not in sheet
    assert sheet.count("### ") == 2  # one to work on, one to keep


def test_the_next_interview_on_the_log_is_named(tmp_path):
    data = build(
        tmp_path / "ws",
        [
            interview("2026-03-01", "rejected", {CR: 2, IQ: 4}, company="Alder"),
            interview("2026-03-25", "pending", {}, company="Dogwood & Sons"),
        ],
    )
    sheet = prep_sheet(data, today=TODAY)
    assert "**Your next interview:** 25 Mar 2026, Dogwood &amp; Sons.\n" in sheet
    assert "Your next interview" not in prep_sheet(data, today=date(2026, 3, 26))


def test_write_prep_sheet_saves_it_in_the_workspace_in_one_step(log):
    first = write_prep_sheet(log, today=TODAY)
    target = log.path / "prep-sheet.md"
    assert first.path == target
    assert target.read_text("utf-8") == first.text == prep_sheet(log, today=TODAY)
    again = write_prep_sheet(log, today=date(2026, 4, 1))
    assert "Prepared on 1 Apr 2026" in target.read_text("utf-8") == again.text
    assert not list(log.path.glob(".*.tmp"))  # no temp file left behind
    # The workspace still reads cleanly with the sheet in it.
    assert not Workspace(log.path).read().problems
    assert first._repr_markdown_().endswith(f"*Saved to `{target}`: open it to print.*")


def test_write_prep_sheet_to_a_folder_or_a_file_of_your_choice(log, tmp_path):
    folder = tmp_path / "prints"
    folder.mkdir()
    assert write_prep_sheet(log, folder, today=TODAY).path == folder / "prep-sheet.md"
    named = write_prep_sheet(log, folder / "monday.md", today=TODAY)
    assert named.path.read_text("utf-8").startswith("# Your next-interview prep sheet")


EDGE_SAYS = {
    "no interviews": NO_INTERVIEWS,
    "one interview": "### 1. Your research about the organisation\n\nLast ratings: 3 (average 3.0); "
    'overall 3.0.\n\nYou left no "do differently" note for it yet: write one now.',
    "never rated": "You have logged interviews but rated no touchpoint yet",
    "not reviewed": "You have logged interviews but rated no touchpoint yet",
    "custom touchpoint": "## Keep doing\n\n### The technical test or take-home task\n\n"
    "Last ratings: 2, 4 (average 3.0); overall 3.0; change since your first interviews: +2.0.",
    "all scores equal": "Nothing stands out as weak or slipping.",
}


@pytest.mark.parametrize("edge", list(EDGES))
def test_the_sheet_is_written_for_every_edge_case(tmp_path, edge):
    data = build_edge(tmp_path / "ws", edge)
    sheet = write_prep_sheet(data, today=TODAY)
    text = (data.path / "prep-sheet.md").read_text("utf-8")
    assert text == sheet.text
    assert text.startswith("# Your next-interview prep sheet\n\nPrepared on 20 Mar 2026")
    assert EDGE_SAYS[edge] in text


def test_the_demo_sheet_works_on_industry_questions_first(tmp_path):
    ws = init_workspace(tmp_path / "demo", demo=True)
    sheet = write_prep_sheet(ws.load(), today=date(2026, 11, 20))
    assert "*Built from the fictional demo data" in sheet.text
    assert "### 1. The industry-specific questions" in sheet.text
    assert "- 18 Nov 2026, Ashgrove University Press: Learn the basics of academic publishing" in (
        sheet.text
    )
    keep = sheet.text[sheet.text.index("## Keep doing") :]
    assert '### The "Tell me about yourself" question' in keep
    assert "### The behavioural questions" in keep
    assert (ws.path / "prep-sheet.md").exists()


def test_the_prep_sheet_command_prints_and_saves_it(sample_copy, capsys):
    assert main(["prep-sheet", "--data", str(sample_copy)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("# Your next-interview prep sheet")
    assert captured.out == (sample_copy / "prep-sheet.md").read_text("utf-8")
    assert captured.err.strip() == f"Saved to {sample_copy / 'prep-sheet.md'}"


@pytest.mark.slow
def test_the_patterns_notebook_shows_all_eight_items_and_writes_the_sheet(
    sample_copy, tmp_path, monkeypatch
):
    from nbclient import NotebookClient

    monkeypatch.setenv("REJECTKIT_DATA", str(sample_copy))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    work = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, work)
    nb = nbformat.read(work / "04-patterns.ipynb", as_version=4)
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(work)}}
    ).execute()
    shown = {}
    for cell in nb.cells:
        if cell.cell_type == "code":
            kinds = {k for o in cell.outputs for k in o.get("data", {})}
            shown[cell.source.splitlines()[-1]] = kinds
    assert "application/vnd.jupyter.widget-view+json" in shown["rk.trend_picker(data)"]
    # The picker's chart lives in its Output widget's state.
    states = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    pictures = [
        o
        for m in states.values()
        if m["model_name"] == "OutputModel"
        for o in m["state"]["outputs"]
        if "image/png" in o.get("data", {})
    ]
    assert len(pictures) == 1
    for chart in (
        "score_heatmap",
        "touchpoint_changes",
        "funnel",
        "passed_vs_rejected",
        "strategy_changes",
    ):
        assert "image/png" in shown[f"rk.plot_{chart}(data);"], chart
    for findings in (
        "touchpoint_highlights",
        "funnel_summary",
        "passed_vs_rejected",
        "blind_spots",
        "strategy_effects",
    ):
        assert "text/html" in shown[f"rk.{findings}(data)"], findings
    assert "text/markdown" in shown["rk.write_prep_sheet(data, today=rk.today())"]
    # The picker also carries its first chart as a picture, for a copy saved without widgets.
    assert "image/png" in shown["rk.trend_picker(data)"]
    sheet = (sample_copy / "prep-sheet.md").read_text("utf-8")
    assert f"Prepared on {date.today().day} {date.today():%b %Y}" in sheet
    assert "### 1. The industry-specific questions" in sheet


def test_the_prep_sheet_command_takes_the_day_and_a_place(sample_copy, tmp_path, capsys):
    out = tmp_path / "monday.md"
    argv = ["prep-sheet", "--data", str(sample_copy), "--today", "2026-11-20", "--out", str(out)]
    assert main(argv) == 0
    assert out.read_text("utf-8").splitlines()[2].startswith("Prepared on 20 Nov 2026 ")
    assert not (sample_copy / "prep-sheet.md").exists()


def test_the_prep_sheet_command_refuses_an_ambiguous_day(sample_copy, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["prep-sheet", "--data", str(sample_copy), "--today", "03/04/2026"])
    assert exit_.value.code == 2
    assert "'03/04/2026' is not written YYYY-MM-DD and is ambiguous" in capsys.readouterr().err
    assert not (sample_copy / "prep-sheet.md").exists()
