"""No command writes over the log: every file the kit writes for people goes one way out
(rejectkit.store.outputs), which refuses the workspace's data and its .rejectkit/ folder,
asks for --force before replacing a file it did not write, and escapes formula cells."""

from __future__ import annotations

import csv
import io
import os
from datetime import date
from pathlib import Path

import pytest

from rejectkit.analysis.prep import write_prep_sheet
from rejectkit.cli import main
from rejectkit.errors import OutputError
from rejectkit.messages.drafts import Draft
from rejectkit.records.sent import write_eml
from rejectkit.store.outputs import neutralise, write_output
from rejectkit.store.workspace import Workspace

PERIOD = ["--from", "2026-05-01", "--to", "2026-05-31"]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (the .rejectkit/ folder too), by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink() and p.name != "lock"
    }


def _commands(ws: Path, out: Path) -> dict[str, list[str]]:
    data = ["--data", str(ws)]
    return {
        "report": ["report", *data, *PERIOD, "--out", str(out)],
        "prep-sheet": ["prep-sheet", *data, "--today", "2026-11-20", "--out", str(out)],
        "remind": ["remind", *data, "--today", "2026-11-25", "--ics", str(out)],
    }


INSIDE = [
    "applications.csv",
    "reviews.csv",
    "interviews.csv",
    ".rejectkit/history.csv",
    ".rejectkit/counters.json",
    ".rejectkit/backups/applications.csv.1",
    ".rejectkit/new-file.csv",
]


@pytest.fixture
def saved_once(workspace):
    # A save, so the workspace has a history, counters and a backup to protect.
    workspace.update("applications", "A0001", {"notes": "called back"})
    return workspace


@pytest.mark.parametrize("command", ["report", "prep-sheet", "remind"])
@pytest.mark.parametrize("target", INSIDE)
def test_no_command_writes_over_the_log_or_the_kits_folder(saved_once, command, target, capsys):
    ws = saved_once.path
    before = snapshot(ws)
    assert main([*_commands(ws, ws / target)[command], "--force"]) == 1
    err = capsys.readouterr().err
    assert str(ws / target) in err and "so nothing was written" in err
    assert "Traceback" not in err
    assert snapshot(ws) == before


@pytest.mark.parametrize("command", ["report", "prep-sheet", "remind"])
def test_a_link_to_a_data_file_is_refused_too(saved_once, tmp_path, command, capsys):
    ws = saved_once.path
    link = tmp_path / "innocent.csv"
    link.symlink_to(ws / "applications.csv")
    before = snapshot(ws)
    assert main([*_commands(ws, link)[command], "--force"]) == 1
    assert "is a data file of the workspace" in capsys.readouterr().err
    assert snapshot(ws) == before and link.is_symlink()


def test_a_hard_link_to_a_data_file_is_refused(saved_once, tmp_path, capsys):
    ws = saved_once.path
    twin = tmp_path / "twin.csv"
    os.link(ws / "applications.csv", twin)
    before = snapshot(ws)
    assert main([*_commands(ws, twin)["report"], "--force"]) == 1
    assert "is the same file as applications.csv" in capsys.readouterr().err
    assert snapshot(ws) == before


@pytest.mark.parametrize("command", ["report", "prep-sheet", "remind"])
def test_a_file_the_kit_did_not_write_needs_force(workspace, tmp_path, command, capsys):
    name = {"report": "mine.csv", "prep-sheet": "mine.md", "remind": "mine.ics"}[command]
    target = tmp_path / name
    target.write_bytes(b"my own notes\n")
    argv = _commands(workspace.path, target)[command]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert f"{target} already exists and was not written by rejectkit" in err
    assert "add --force to replace it" in err
    assert target.read_bytes() == b"my own notes\n"
    assert main([*argv, "--force"]) == 0
    assert target.read_bytes() != b"my own notes\n"
    # Written by the kit now: writing it again needs no --force.
    assert main(argv) == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "workspace") == [name]


def test_the_prep_sheet_in_the_workspace_is_written_again_without_force(workspace):
    first = write_prep_sheet(workspace.read(), today=date(2026, 11, 20))
    again = write_prep_sheet(workspace.read(), today=date(2026, 11, 21))
    assert first.path == again.path == workspace.path / "prep-sheet.md"
    assert "Prepared on 21 Nov 2026" in again.path.read_text("utf-8")


@pytest.mark.parametrize(
    ("out", "expected"),
    [
        ("/", "/ is a folder; give a file name inside it"),
        (".", "is a folder; give a file name inside it"),
        ("missing/x.csv", "missing does not exist"),
        ("/proc/report.csv", "Could not write /proc/report.csv"),
    ],
)
def test_an_out_that_cannot_be_written_is_a_clear_message(workspace, out, expected, capsys):
    assert main(["report", "--data", str(workspace.path), *PERIOD, "--out", out]) == 1
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_an_eml_draft_is_never_written_over_a_file_of_the_users(workspace):
    draft = Draft("Thanks", "Thank you.\n", "Jo Ng", "jo@example.org", "thank_you", "brief",
                  application_id="A0001")  # fmt: skip
    path = write_eml(workspace.path, draft, today=date(2026, 4, 2))
    assert b"X-Mailer: rejectkit" in path.read_bytes()
    assert write_eml(workspace.path, draft, today=date(2026, 4, 2)) == path  # its own: again
    path.write_bytes(b"my own mail")
    with pytest.raises(OutputError, match="already exists and was not written by rejectkit"):
        write_eml(workspace.path, draft, today=date(2026, 4, 2))
    assert path.read_bytes() == b"my own mail"


@pytest.mark.parametrize("inside", [".rejectkit/bundle", "applications.csv", "."])
def test_share_out_inside_the_workspace_is_refused(saved_once, inside, capsys):
    ws = saved_once.path
    before = snapshot(ws)
    assert main(["share", "--data", str(ws), "--out", str(ws / inside)]) == 1
    err = capsys.readouterr().err
    assert "nothing was written" in err and "Traceback" not in err
    assert snapshot(ws) == before


def test_write_output_refuses_a_folder_of_another_workspace(tmp_path):
    other = tmp_path / "other"
    (other / ".rejectkit").mkdir(parents=True)
    with pytest.raises(OutputError, match="is a data file of the workspace"):
        write_output(other / "reviews.csv", b"x", signature=None, force=True)
    assert not (other / "reviews.csv").exists()


# Formula cells ----------------------------------------------------------------------------

FORMULAS = [
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("formula", FORMULAS)
def test_the_report_csv_escapes_formula_cells_like_the_bundle(workspace, tmp_path, formula):
    ws = Workspace(workspace.path)
    ws.update("applications", "A0001", {"company": formula, "role": formula})
    out = tmp_path / "may.csv"
    assert main(["report", "--data", str(ws.path), *PERIOD, "--out", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    cells = [c for r in rows for c in r]
    assert f"'{formula}" in cells
    assert not any(c[:1] in "=+-@\t\r" for c in cells if c)
    frame = __import__("pandas").DataFrame({"x": [formula]}, dtype="str")
    assert neutralise(frame)["x"].tolist() == [f"'{formula}"]


# Markdown links ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "kept", "gone"),
    [
        ("see [my CV](javascript:alert(document.cookie))", "see my CV", "javascript"),
        ("[x](JaVaScRiPt:alert(1))", "x", "alert"),
        ("[pic](data:text/html;base64,PHNjcmlwdD4=)", "pic", "data:"),
        ("[f](file:///etc/passwd)", "f", "file:"),
        ("[v](vbscript:msgbox)", "v", "vbscript"),
        ("<javascript:alert(1)>", "javascript\\:alert(1)", "<javascript"),
        ("[ad](https://example.org/job)", "[ad](https://example.org/job)", "javascript"),
        ("[mail](mailto:jo@example.org)", "[mail](mailto:jo@example.org)", "javascript"),
    ],
)
def test_the_prep_sheet_keeps_only_http_and_mailto_links(workspace, note, kept, gone):
    data = workspace.read()
    rated = data.interviews[data.interviews["id"].isin(data.reviews["interview_id"])]
    latest = rated.sort_values("held_on")["id"].iloc[-1]
    mine = data.reviews[data.reviews["interview_id"] == latest].drop(columns=["interview_id"])
    workspace.replace(
        "reviews", {"interview_id": latest}, mine.assign(do_differently=note).to_dict("records")
    )
    text = write_prep_sheet(workspace.read(), today=date(2026, 11, 20), n=10).text
    assert kept in text
    assert gone not in text.replace(kept, "")
