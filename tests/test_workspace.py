"""Where the log lives, the demo on a first run, and never a tracked path."""

from __future__ import annotations

import subprocess

import pytest
from conftest import ROOT, SAMPLE

from rejectkit.errors import WorkspaceError
from rejectkit.store.location import (
    default_path,
    init_workspace,
    open_workspace,
    resolve_path,
    start_own_log,
)


def test_resolution_order(monkeypatch, tmp_path):
    monkeypatch.setenv("REJECTKIT_DATA", str(tmp_path / "env"))
    assert resolve_path(tmp_path / "flag") == tmp_path / "flag"
    assert resolve_path() == tmp_path / "env"
    monkeypatch.delenv("REJECTKIT_DATA")
    assert resolve_path() == default_path()


def test_the_default_workspace_is_ignored_by_git():
    default = default_path()
    assert default == ROOT / "data" / "workspace"
    probe = default / "applications.csv"
    result = subprocess.run(["git", "check-ignore", "-q", str(probe)], cwd=ROOT)
    assert result.returncode == 0, f"{probe} would be tracked by git"


def test_a_first_run_gets_a_labelled_copy_of_the_demo(tmp_path):
    ws = open_workspace(tmp_path / "new")
    data = ws.load()
    assert data.demo is True
    assert len(data.applications) == 30
    assert (ws.path / "applications.csv").read_bytes() == (SAMPLE / "applications.csv").read_bytes()
    # Opening again keeps what is there.
    ws.add("changes", {"changed_on": "2026-11-25", "touchpoint": "your_questions", "change": "x"})
    assert len(open_workspace(tmp_path / "new").load().changes) == 6


def test_the_demo_is_never_written_in_place(tmp_path):
    before = {p.name: p.read_bytes() for p in SAMPLE.iterdir()}
    ws = open_workspace(tmp_path / "new")
    ws.add("changes", {"changed_on": "2026-11-25", "touchpoint": "your_questions", "change": "x"})
    assert {p.name: p.read_bytes() for p in SAMPLE.iterdir()} == before


def test_start_own_log_moves_the_demo_aside(tmp_path):
    ws = open_workspace(tmp_path / "new")
    archive = start_own_log(ws)
    data = ws.load()
    assert data.demo is False
    assert all(len(frame) == 0 for frame in data.tables.values())
    assert (archive / "applications.csv").read_bytes() == (SAMPLE / "applications.csv").read_bytes()
    with pytest.raises(WorkspaceError, match="holds your own data"):
        start_own_log(ws)


def test_init_refuses_a_file_and_an_existing_workspace(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(WorkspaceError, match="is a file, not a folder"):
        init_workspace(tmp_path / "file")
    init_workspace(tmp_path / "ws")
    with pytest.raises(WorkspaceError, match="already holds a workspace"):
        init_workspace(tmp_path / "ws", demo=True)


def test_the_demo_data_is_fictional():
    # Every email in the demo uses a domain reserved for examples (RFC 2606).
    import re

    text = "".join(p.read_text("utf-8") for p in SAMPLE.glob("*.csv"))
    emails = re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", text)
    assert emails
    assert {d for d in emails} <= {"example.com", "example.org", "example.net"}
