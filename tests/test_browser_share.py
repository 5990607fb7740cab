"""The mentor's side of a bundle, in a real browser: the static page and the notebook in
JupyterLab both show the patterns, with charts and no real names."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from browser_support import open_notebook
from conftest import SAMPLE

from rejectkit.sharing.bundle import share
from rejectkit.store.workspace import Workspace


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    work = tmp_path_factory.mktemp("share")
    shutil.copytree(SAMPLE, work / "log")
    share(Workspace(work / "log"), work / "for-my-mentor", today=date(2026, 11, 25))
    return work / "for-my-mentor"


def _charts(page) -> list:
    images = page.locator("img")
    images.first.wait_for(timeout=60_000)
    sizes = [images.nth(i).bounding_box() for i in range(images.count())]
    return [s for s in sizes if s and s["width"] >= 100 and s["height"] >= 100]


def test_the_static_page_shows_the_patterns_without_real_names(browser, bundle, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto((bundle / "04-patterns.html").as_uri())
        assert len(_charts(page)) >= 5
        text = page.inner_text("body")
        assert "Company 0" in text
        for real in ("Northwind Analytics", "Orchard Health Trust", "Tidewater Games"):
            assert real not in text
    except Exception:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
        raise
    finally:
        page.close()


def test_the_notebook_opens_in_jupyterlab_with_its_outputs(lab, page, bundle):
    shutil.copy(bundle / "notebooks" / "04-patterns.ipynb", lab.root / "from-mentee.ipynb")
    open_notebook(page, lab, "from-mentee.ipynb")
    # Opened, not run: the charts are the ones the export made from the anonymised copy.
    assert len(_charts(page)) >= 3
    assert page.locator(".jp-OutputArea-output").get_by_text("Company 0").count() > 0
    assert page.get_by_text("Northwind Analytics").count() == 0
