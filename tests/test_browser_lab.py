"""JupyterLab itself, in a real browser: the server starts and stops cleanly and a notebook
runs with the workspace configured."""

from __future__ import annotations

import nbformat
from browser_support import open_notebook, run_all


def test_a_notebook_runs_in_jupyterlab_with_the_workspace(lab, page):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import rejectkit as rk\nws = rk.open_workspace()\n"
            "print('applications:', len(ws.load().applications))"
        )
    ]
    nbformat.write(nb, lab.root / "smoke.ipynb")
    open_notebook(page, lab, "smoke.ipynb")
    run_all(page)
    page.locator(".jp-OutputArea-output").get_by_text("applications: 30").wait_for()
    # The news pop-up never covers the page.
    assert (
        page.get_by_text("Would you like to get notified about official Jupyter news?").count() == 0
    )
