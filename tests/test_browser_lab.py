"""JupyterLab itself, in a real browser: the server starts and stops cleanly, a notebook runs
with the workspace configured, and the start page leads to every page."""

from __future__ import annotations

import shutil

import nbformat
from browser_support import open_notebook, run_all
from conftest import NOTEBOOKS

from rejectkit.ui.pages import pages


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


def test_the_start_page_lists_the_notebooks_and_opens_them_in_jupyterlab(lab, page):
    # A page added later (as the patterns, share and import pages will be) appears by itself.
    shutil.copy(NOTEBOOKS / "03-feedback-and-changes.ipynb", lab.root / "99-try-this.ipynb")
    open_notebook(page, lab, "00-start.ipynb")
    run_all(page)
    links = page.locator(".jp-OutputArea-output a")
    links.first.wait_for(timeout=90_000)
    texts = links.all_inner_texts()
    assert texts == [p.title for p in pages(lab.root)]
    assert texts[:3] == ["Log your applications", "Review an interview",
                         "Record feedback and changes"]  # fmt: skip
    # 99-try-this.ipynb comes last, under its heading.
    assert texts[-1] == "Record feedback and changes" and len(texts) >= 6
    page.get_by_role("link", name="Review an interview").click()
    # JupyterLab opens it in a tab of its own and stays where it is.
    page.locator(".lm-TabBar-tab.lm-mod-current", has_text="02-review-an-interview").wait_for()
    assert "/lab" in page.url
