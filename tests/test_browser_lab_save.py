"""`rejectkit lab` itself, in a real browser: it serves the user's copies of the notebooks from
the workspace, so running a notebook and saving it leaves the kit's tracked tree untouched."""

from __future__ import annotations

import json
import secrets
import sys
import time

import pytest
from browser_support import _free_port, _start, _stop, open_notebook, run_all
from conftest import NOTEBOOKS, ROOT, SAMPLE, _kit_tree_status


@pytest.fixture
def kit_lab(browser, tmp_path):
    """The real command, as `make lab` runs it, on a copy of the demo."""
    import shutil

    workspace = tmp_path / "workspace"
    shutil.copytree(SAMPLE, workspace)
    token, port = secrets.token_hex(16), _free_port()
    argv = [sys.executable, "-m", "rejectkit", "lab", "--data", str(workspace),
            "--port", str(port), "--no-browser"]  # fmt: skip
    server = _start(tmp_path, argv, "/api/status", token, port, tmp_path, workspace,
                    env={"JUPYTER_TOKEN": token})  # fmt: skip
    server.root = workspace / "notebooks"
    yield server
    _stop(server)


def test_a_notebook_saved_in_jupyterlab_lands_in_the_workspace_not_the_kit(kit_lab, page):
    before = _kit_tree_status()
    kit_copy = (NOTEBOOKS / "00-start.ipynb").read_bytes()
    open_notebook(page, kit_lab, "00-start.ipynb")
    run_all(page)
    page.locator(".jp-OutputArea-output").get_by_text("Your log lives in").first.wait_for(
        timeout=90_000
    )
    page.keyboard.press("Control+s")
    saved = kit_lab.root / "00-start.ipynb"
    deadline = time.monotonic() + 30
    while not any(c.get("outputs") for c in json.loads(saved.read_text())["cells"]):
        assert time.monotonic() < deadline, "JupyterLab never saved the run notebook"
        time.sleep(0.3)
    # The outputs (the user's data) are in the workspace's copy; the kit's tree is unchanged.
    outputs = [o for c in json.loads(saved.read_text())["cells"] for o in c.get("outputs", [])]
    assert any("Log your applications" in "".join(o["data"].get("text/html", ""))
               for o in outputs)  # fmt: skip
    assert (NOTEBOOKS / "00-start.ipynb").read_bytes() == kit_copy
    assert _kit_tree_status() == before
    assert not (ROOT / "notebooks" / ".ipynb_checkpoints").exists()
