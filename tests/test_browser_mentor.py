"""Issue 14, a page for the mentor, in a real Chromium: the bundle's page opens with a
header saying whose analysis it is (an alias), that names are aliases and dates shifted, what
to look at first and how to send comments back; it shows no code cell and no canary text."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest
from conftest import NOTEBOOKS
from leak_canary import JOINED, SECRETS, build, fold

from rejectkit.sharing.anonymise import ShareOptions
from rejectkit.sharing.bundle import share


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    root = tmp_path_factory.mktemp("mentor")
    ws = build(root / "ws", ["Talked with Shiv about the Söhne team; Siobhán was kind."])
    notebooks = root / "notebooks"
    shutil.copytree(NOTEBOOKS, notebooks)
    options = ShareOptions(hide=("Shiv",))
    share(ws, root / "bundle", today=date(2026, 11, 20), options=options, notebooks=notebooks)
    return root / "bundle"


def test_the_mentor_page_has_its_header_no_code_and_no_canary(browser, bundle, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto((bundle / "04-patterns.html").as_uri())
        header = page.locator("#mentor-header")
        header.wait_for(timeout=30_000)
        said = header.inner_text()
        assert "Job-search patterns of Mentee 01" in said
        assert "Names are aliases and dates are shifted." in said
        assert "What to look at first" in said and "The next move:" in said
        assert "The weakest touchpoints lately:" in said
        assert "mentor_notes.csv" in said and "send the file back" in said
        # The header comes first, above the analysis.
        top = page.locator("h1").first.inner_text()
        assert top.startswith("Job-search patterns of Mentee 01")
        # No code cell: no input area, no prompt, no line of the notebook's code.
        assert page.locator(".jp-CodeCell .jp-InputArea").count() == 0
        assert page.locator(".jp-InputPrompt, .jp-OutputPrompt").count() == 0
        text = page.inner_text("body")
        assert "import rejectkit" not in text and "rk." not in text
        assert "Run all" not in text
        assert page.locator("img").count() >= 5
        folded = fold(text)
        joined = re.sub(r"[^a-z0-9]", "", folded)
        leaks = [s for s in SECRETS if re.search(rf"(?<![a-z0-9]){s}(?![a-z0-9])", folded)]
        leaks += [s for s in JOINED if s in joined]
        assert leaks == [] and "shiv" not in folded
    except Exception:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
        raise
    finally:
        page.close()
