"""The form notebooks (00 to 03) show the banner and the forms, and running them again changes
nothing in the workspace. (That each notebook is what its source writes is in
test_notebook_sources.py.)"""

from __future__ import annotations

import json
import re
import shutil

import nbformat
import pytest
from conftest import NOTEBOOKS
from formkit import rows, snapshot

FORM_NOTEBOOKS = {
    "00-start.ipynb": ["rk.pages()"],
    "01-log-applications.ipynb": ["rk.ApplicationForm(ws)"],
    "02-review-an-interview.ipynb": ["rk.ReviewForm(ws)"],
    "03-feedback-and-changes.ipynb": ["rk.FeedbackForm(ws)", "rk.StrategyForm(ws)"],
}


@pytest.mark.parametrize(("name", "calls"), FORM_NOTEBOOKS.items())
def test_notebooks_are_thin_and_link_only_to_notebooks_that_exist(name, calls):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert code[0] == "import rejectkit as rk\n\nws = rk.open_workspace()\nrk.banner(ws)"
    assert code[1:] == calls
    for cell in nb.cells:
        for target in re.findall(r"\]\(([^)]+\.ipynb)\)", cell.source):
            assert (NOTEBOOKS / target).exists(), target


@pytest.mark.slow
def test_a_first_run_shows_the_demo_and_running_twice_changes_nothing(tmp_path, monkeypatch):
    from nbclient import NotebookClient

    workspace = tmp_path / "first-run"
    monkeypatch.setenv("REJECTKIT_DATA", str(workspace))
    work = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, work)
    after_first = None
    for _ in range(2):
        for name, calls in FORM_NOTEBOOKS.items():
            nb = nbformat.read(work / name, as_version=4)
            NotebookClient(
                nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(work)}}
            ).execute()
            outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
            views = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in
                     o.get("data", {})]  # fmt: skip
            forms = [c for c in calls if "Form(" in c]
            assert len(views) == 1 + len(forms), (name, outputs)
            state = json.dumps(nb.metadata.get("widgets", {}))
            assert "You are looking at demo data: every name is invented." in state
        if after_first is None:
            after_first = snapshot(workspace)
    assert snapshot(workspace) == after_first
    assert len(rows(workspace, "applications")) == 30  # the demo, once
