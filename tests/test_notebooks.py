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
