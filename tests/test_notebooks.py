"""Every notebook runs top to bottom on a copy of the demo workspace, and none is committed
with outputs, execution counts or widget state (personal data hides there)."""

from __future__ import annotations

import shutil

import nbformat
import pytest
from conftest import NOTEBOOKS

NOTEBOOK_FILES = sorted(p for p in NOTEBOOKS.glob("*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOK_FILES, "notebooks/ holds no notebooks"


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_committed_without_outputs_or_widget_state(path):
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name} cell {i} holds outputs"
            assert cell.execution_count is None, f"{path.name} cell {i} has an execution count"
        assert not cell.get("attachments"), f"{path.name} cell {i} holds attachments"
    assert "widgets" not in nb.metadata, f"{path.name} stores widget state in its metadata"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_runs_top_to_bottom_on_the_demo(path, sample_copy, tmp_path, monkeypatch):
    from nbclient import NotebookClient

    monkeypatch.setenv("REJECTKIT_DATA", str(sample_copy))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    work = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, work)
    nb = nbformat.read(work / path.name, as_version=4)
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(work)}}
    ).execute()
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert not errors, errors
    # Error messages from the kit are shown as text, never as a traceback.
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "Traceback" not in text


def test_a_problem_in_the_files_shows_as_a_message_not_a_traceback(sample_copy, monkeypatch):
    from nbclient import NotebookClient

    apps = sample_copy / "applications.csv"
    apps.write_text(apps.read_text("utf-8").replace("2026-05-04", "04/05/2026", 1), "utf-8")
    monkeypatch.setenv("REJECTKIT_DATA", str(sample_copy))
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import rejectkit as rk\nws = rk.open_workspace()\ndata = ws.load()"
        )
    ]
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True).execute()
    outputs = nb.cells[0].outputs
    text = "".join(o.get("text", "") for o in outputs)
    assert "applications.csv:2: applied_on: '04/05/2026' is not written YYYY-MM-DD" in text
    assert not [o for o in outputs if o.output_type == "error" and o.get("traceback")]
    assert "Traceback" not in text
