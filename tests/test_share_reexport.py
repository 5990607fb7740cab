"""Issue 14: the mentor's work is never lost, and a killed export leaves nothing behind.

Exporting over an earlier bundle keeps a filled ``mentor_notes.csv`` and every file the kit
did not write. An export killed with ``kill -9`` (a real subprocess, killed while its kernel
runs) leaves its hidden folder, which the next export sweeps, and no kernel running.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import nbformat
import psutil
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from rejectkit.sharing.bundle import MARKER, share
from rejectkit.sharing.place import kept_files, sweep

TODAY = date(2026, 11, 20)
PATTERNS = "04-patterns.ipynb"
ROOT = Path(__file__).resolve().parents[1]


def _notebooks(folder: Path, code: str) -> Path:
    folder.mkdir()
    nbformat.write(new_notebook(cells=[new_code_cell(code)]), folder / PATTERNS)
    return folder


@pytest.fixture
def quick(tmp_path):
    return _notebooks(tmp_path / "quick", "1 + 1")


@pytest.mark.slow
def test_a_second_export_keeps_the_mentors_notes_and_files(workspace, tmp_path, quick):
    out = tmp_path / "bundle"
    first = share(workspace, out, today=TODAY, notebooks=quick)
    assert first.kept == []
    marker = json.loads((out / MARKER).read_text("utf-8"))
    assert marker["format"] == 2 and "mentor_notes.csv" in marker["files"]
    filled = "alias,comment\nCompany 01,Ask them for the scoring rubric\n"
    (out / "mentor_notes.csv").write_text(filled, "utf-8")
    (out / "from-the-mentor").mkdir()
    (out / "from-the-mentor" / "reading.md").write_text("Read chapter 3 first.\n", "utf-8")
    second = share(workspace, out, today=TODAY, notebooks=quick)
    assert second.kept == ["from-the-mentor/reading.md", "mentor_notes.csv"]
    assert (out / "mentor_notes.csv").read_text("utf-8") == filled
    assert (out / "from-the-mentor" / "reading.md").read_text("utf-8") == "Read chapter 3 first.\n"
    assert "Kept from the earlier bundle: from-the-mentor/reading.md, mentor_notes.csv." in str(
        second
    )
    # Kept files are the mentor's: a third export keeps them again.
    assert share(workspace, out, today=TODAY, notebooks=quick).kept == second.kept
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_unchanged_file_of_the_kit_is_replaced_and_an_old_bundle_keeps_notes(tmp_path):
    old, fresh = tmp_path / "old", tmp_path / "fresh"
    for folder in (old, fresh):
        (folder / "data").mkdir(parents=True)
        (folder / "data" / "applications.csv").write_text("id\n", "utf-8")
        (folder / "mentor_notes.csv").write_text("alias,comment\n", "utf-8")
    # A bundle of the first format: a marker without the list of files.
    (old / MARKER).write_text('{"rejectkit": "share bundle", "format": 1}\n', "utf-8")
    (old / "notes.txt").write_text("mine", "utf-8")
    assert kept_files(old, fresh) == ["notes.txt"]
    (old / "mentor_notes.csv").write_text("alias,comment\n,Good work\n", "utf-8")
    assert kept_files(old, fresh) == ["mentor_notes.csv", "notes.txt"]


def test_the_sweep_leaves_a_live_exports_folder_alone(tmp_path):
    live = tmp_path / f".bundle.partial-{os.getppid()}-abc"
    dead = tmp_path / ".bundle.partial-999999999-abc"
    other = tmp_path / ".other.partial-999999999-abc"
    for folder in (live, dead, other):
        folder.mkdir()
    assert sweep(tmp_path / "bundle") == [dead.name]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name])


_RUN = """
import sys
from datetime import date
from pathlib import Path
from rejectkit.sharing.bundle import share
from rejectkit.store.workspace import Workspace
share(Workspace(sys.argv[1]), sys.argv[2], today=date(2026, 11, 20), notebooks=sys.argv[3])
"""


def _kernels(parent: psutil.Process) -> list[psutil.Process]:
    try:
        return [p for p in parent.children(recursive=True) if "ipykernel" in " ".join(p.cmdline())]
    except psutil.NoSuchProcess:
        return []


@pytest.mark.slow
def test_a_killed_export_leaves_nothing_after_the_next_run(workspace, tmp_path, quick):
    slow = _notebooks(tmp_path / "slow", "import time\ntime.sleep(120)")
    out = tmp_path / "bundle"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    export = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(_RUN), str(workspace.path), str(out), str(slow)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    parent = psutil.Process(export.pid)
    deadline = time.monotonic() + 120
    while not _kernels(parent) and time.monotonic() < deadline:
        assert export.poll() is None, "the export ended before its kernel started"
        time.sleep(0.2)
    kernels = _kernels(parent)
    assert kernels, "no kernel started within two minutes"
    # The hidden folder holds the anonymised data before the final scan.
    partial = [p for p in tmp_path.iterdir() if p.name.startswith(".bundle.partial-")]
    assert len(partial) == 1 and (partial[0] / "data").is_dir()
    os.kill(export.pid, signal.SIGKILL)
    export.wait(timeout=30)
    # The kernel notices that the export is gone and leaves.
    _gone, alive = psutil.wait_procs(kernels, timeout=30)
    assert alive == [], f"kernels still running: {[p.pid for p in alive]}"
    assert partial[0].exists()  # nothing could remove it ...
    share(workspace, out, today=TODAY, notebooks=quick)
    # ... until the next export.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bundle", "quick", "slow", "workspace"]
