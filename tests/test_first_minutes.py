"""What a newcomer meets first: the demo stays untouched by every command, and mistakes on the
command line get a message that says what to do, never a traceback."""

from __future__ import annotations

import pytest
from conftest import SAMPLE

from rejectkit.cli import main


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as e:  # argparse's own refusals
        code = e.code
    out, err = capsys.readouterr()
    return code, out, err


def _snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    "argv",
    [
        ["share", "--out", "{tmp}/bundle"],
        ["undo"],
        ["import", "rejectkit/examples/job-search-2026.csv", "--apply",
         "--date-format", "%d/%m/%Y", "--status", "Phone call=screening/open"],
        ["review", "--interview", "I0001", "--scores", "first_interaction=5"],
    ],
)  # fmt: skip
def test_no_command_changes_the_kits_demo(capsys, tmp_path, argv, monkeypatch):
    monkeypatch.chdir(SAMPLE.parents[1])
    before = _snapshot(SAMPLE)
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, _, err = _run(capsys, *argv, "--data", str(SAMPLE))
    assert code == 1
    assert "is the kit's demo, which the kit never changes" in err
    assert "rejectkit init --demo --data my-demo" in err and "Traceback" not in err
    assert _snapshot(SAMPLE) == before and not (SAMPLE / ".rejectkit").exists()
    assert not (tmp_path / "bundle").exists()


def test_the_suggested_copy_of_the_demo_takes_the_same_command(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _run(capsys, "init", "--demo", "--data", "my-demo")[0] == 0
    code, out, _ = _run(capsys, "undo", "--data", "my-demo")
    assert code == 0 and out.startswith("Nothing to undo: no saves are recorded")


@pytest.mark.parametrize(
    ("argv", "code", "said"),
    [
        (["history", "--data", "{file}"], 1,
         "{file} is a file, not a workspace folder; give your log's folder with --data DIR, "
         "or create one with rejectkit init --data DIR."),
        (["history", "--data", "{missing}"], 1,
         "The workspace {missing} does not exist; give your log's folder with --data DIR, or "
         "create one with rejectkit init --data DIR."),
        (["check", "--data", "{empty}"], 1,
         "{empty} is not a workspace: it holds none of the kit's files (applications.csv, "
         "interviews.csv, ...); give your log's folder with --data DIR, or create one with "
         "rejectkit init --data DIR."),
        (["history", "--limit", "-3", "--data", "{sample}"], 2,
         "argument --limit: '-3' is not a whole number of 1 or more"),
        (["history", "--limit", "x", "--data", "{sample}"], 2,
         "argument --limit: 'x' is not a whole number of 1 or more"),
        (["chek"], 2, "'chek' is not a command; did you mean 'check'?"),
        (["mentor-note"], 2, "'mentor-note' is not a command; did you mean 'mentor-notes'?"),
        (["zzzz"], 2, "invalid choice: 'zzzz'"),
    ],
)  # fmt: skip
def test_a_mistake_on_the_command_line_says_what_to_do(capsys, tmp_path, argv, code, said):
    (tmp_path / "afile").write_text("x")
    (tmp_path / "empty").mkdir()
    where = {"file": tmp_path / "afile", "missing": tmp_path / "nope",
             "empty": tmp_path / "empty", "sample": SAMPLE}  # fmt: skip
    argv = [a.format(**where) for a in argv]
    got, _out, err = _run(capsys, *argv)
    assert got == code
    assert said.format(**where) in err, err
    assert "Traceback" not in err and "Error:" not in err


@pytest.mark.parametrize("where", ["before", "after"])
def test_data_may_come_before_or_after_the_command(capsys, where):
    argv = (
        ["--data", str(SAMPLE), "check"] if where == "before" else ["check", "--data", str(SAMPLE)]
    )
    code, out, _ = _run(capsys, *argv)
    assert code == 0 and out.startswith(f"{SAMPLE}: no problems (")


def test_a_second_undo_says_every_save_is_undone_not_that_there_are_none(capsys, workspace):
    workspace.update("applications", "A0001", {"notes": "Rang back"})
    assert _run(capsys, "undo", "--data", str(workspace.path))[0] == 0
    code, out, _ = _run(capsys, "undo", "--data", str(workspace.path))
    assert code == 0
    assert out == (
        f"Nothing left to undo: all 1 save in the history of {workspace.path} has been undone. "
        "An undo is not undone in turn (there is no redo); make the change again instead. "
        "`rejectkit history` lists every save and its undo.\n"
    )


def test_the_help_lists_every_command_with_a_whole_sentence(capsys):
    code, out, _ = _run(capsys, "--help")
    assert code == 0
    flat = " ".join(out.split())
    assert ("share Write an anonymised bundle of your analysis for a mentor: aliases instead of "
            "names, shifted dates, the patterns notebook run again on that copy, and a leak scan "
            "before anything is written.") in flat  # fmt: skip
    assert ("review Save a review from the command line: the interview, its scores, its "
            "questions and the stage, as one change") in flat  # fmt: skip


@pytest.mark.parametrize(("command", "port", "other"), [("lab", "8888", "8866"),
                                                       ("app", "8866", "8888")])  # fmt: skip
def test_each_server_names_its_own_port(capsys, command, port, other):
    _, out, _ = _run(capsys, command, "--help")
    flat = " ".join(out.split())
    assert f"--port N port to serve on (default: {port}, or the next free one" in flat
    assert other not in flat
    if command == "app":
        assert "--ip ADDRESS" in flat


def test_the_funnel_of_an_empty_log_shows_no_nan(empty_workspace):
    from rejectkit.analysis.funnel import funnel_summary

    shown = funnel_summary(empty_workspace.load()).shown()
    assert list(shown["Share of applications"]) == ["–"] * 5
    assert "nan" not in shown.to_string().lower()


def test_a_save_the_disk_refuses_is_said_in_the_form_with_what_it_keeps(workspace, monkeypatch):
    import errno
    import os
    from datetime import date

    from rejectkit.ui.forms import ApplicationForm

    form = ApplicationForm(workspace, today=date(2026, 11, 21))
    form["company"].value = "Gannet Outdoor"
    form["role"].value = "Data Analyst"
    form["applied_on"].value = date(2026, 11, 21)
    before = _snapshot(workspace.path)

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    form.save_button.click()
    monkeypatch.undo()
    text = form.message
    assert text.startswith("Could not save applications.csv: "), text
    assert text.endswith("is unchanged; fix the cause and save again. What you typed is still "
                         "in the form."), text  # fmt: skip
    assert form["company"].value == "Gannet Outdoor"

    def data(snapshot):
        return {k: v for k, v in snapshot.items() if k.suffix == ".csv" and len(k.parts) == 1}

    assert data(_snapshot(workspace.path)) == data(before)
