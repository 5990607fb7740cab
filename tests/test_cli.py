"""`rejectkit check` and `rejectkit init`, run as a user runs them: a real process."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import SAMPLE


def run(*args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "rejectkit", *args],
        capture_output=True,
        text=True,
        timeout=60,
        **kwargs,
    )


def test_check_on_the_demo_passes_with_a_summary():
    result = run("check", "--data", str(SAMPLE))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == (
        f"{SAMPLE}: no problems (1 touchpoints, 30 applications, 15 interviews, 154 reviews, "
        "6 feedback, 6 contacts, 5 changes, 9 messages, 5 stories, 43 questions)\n"
    )


def test_check_lists_every_problem_and_changes_nothing(sample_copy):
    apps = sample_copy / "applications.csv"
    text = apps.read_text("utf-8").replace("2026-05-04", "04/05/2026", 1)
    apps.write_text(text, "utf-8")
    reviews = sample_copy / "reviews.csv"
    reviews.write_text(reviews.read_text("utf-8").replace(",4,", ",4.5,", 1), "utf-8")
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sample_copy.iterdir()}
    result = run("check", "--data", str(sample_copy))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(
        "applications.csv:2: applied_on: '04/05/2026' is not written YYYY-MM-DD"
    )
    assert lines[1].startswith("reviews.csv:")
    assert ": score: '4.5' is not a whole number" in lines[1]
    assert "Traceback" not in result.stderr
    assert "2 problems in" in result.stderr
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sample_copy.iterdir()}
    assert after == before


@pytest.mark.parametrize("content", [b"", b"\x00\x01binary", b"<<<<<<< HEAD\n"])
def test_check_never_shows_a_traceback(sample_copy, content):
    (sample_copy / "interviews.csv").write_bytes(content)
    result = run("check", "--data", str(sample_copy))
    assert result.returncode == 1
    assert result.stdout.startswith("interviews.csv:1: ")
    assert "Traceback" not in result.stdout + result.stderr


def test_check_prints_notices_for_what_it_tolerated(sample_copy):
    apps = sample_copy / "applications.csv"
    apps.write_bytes(b"\xef\xbb\xbf" + apps.read_bytes().replace(b"\n", b"\r\n"))
    result = run("check", "--data", str(sample_copy))
    assert result.returncode == 0
    assert "note: applications.csv: starts with a byte-order mark" in result.stderr
    assert "note: applications.csv: lines end in CR LF" in result.stderr


def test_check_of_a_missing_folder_is_a_plain_error(tmp_path):
    result = run("check", "--data", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "does not exist; give your log's folder with --data DIR" in result.stderr
    assert "Traceback" not in result.stderr


def test_init_creates_an_empty_workspace_that_passes_check(tmp_path):
    target = tmp_path / "mine"
    assert run("init", "--data", str(target)).returncode == 0
    assert (target / "applications.csv").read_text() == (
        "id,company,role,applied_on,source,location,stage,outcome,outcome_on,contact_name,"
        "contact_email,notes\n"
    )
    assert run("check", "--data", str(target)).returncode == 0
    again = run("init", "--data", str(target))
    assert again.returncode == 1
    assert "already holds a workspace; nothing was changed" in again.stderr


def test_the_data_folder_comes_from_the_environment(sample_copy):
    import os

    result = run("check", env={**os.environ, "REJECTKIT_DATA": str(sample_copy)})
    assert result.returncode == 0
    assert result.stdout.startswith(f"{sample_copy}: no problems")


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["patterns"],
        ["due", "--today", "2026-11-25"],
        ["history"],
        ["import", "IMPORT_FILE", "--date-format", "%d/%m/%Y"],
    ],
)
def test_read_only_commands_leave_the_workspace_untouched(sample_copy, args):
    from conftest import ROOT

    args = [
        str(ROOT / "rejectkit/examples/job-search-2026.csv") if a == "IMPORT_FILE" else a
        for a in args
    ]
    before = sorted(p.relative_to(sample_copy) for p in sample_copy.rglob("*"))
    result = run(*args, "--data", str(sample_copy))
    assert "Traceback" not in result.stderr
    assert sorted(p.relative_to(sample_copy) for p in sample_copy.rglob("*")) == before
