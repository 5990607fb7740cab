"""The app (`rejectkit app`, Voila) in a real browser: the start page leads to the forms, a
new application and its rejection land in the files, and the patterns page shows its charts."""

from __future__ import annotations

import re
from datetime import date

import pytest
from browser_support import field, open_notebook, run_all, toggle
from formkit import rows

PATTERNS = "04-patterns.ipynb"


def test_log_an_application_and_its_rejection_in_the_app(app, page):
    page.goto(app.open_url("/voila/render/00-start.ipynb"))
    page.get_by_text("Your log lives in").wait_for(timeout=90_000)
    # No code anywhere in the app.
    assert page.locator(".jp-CodeCell .jp-InputArea, .jp-CodeMirrorEditor").count() == 0
    assert page.get_by_text("rk.open_workspace()").count() == 0
    page.get_by_role("link", name="Log your applications").click()
    page.wait_for_url(re.compile(r"/voila/render/01-log-applications\.ipynb"))
    add = page.get_by_role("button", name="Add this application")
    add.wait_for(timeout=90_000)

    field(page, "Which organisation did you apply to?").locator("input").fill("Quillfeather Labs")
    field(page, "Which role did you apply for?").locator("input").fill("Insights Analyst")
    field(page, "On which day did you apply?").locator("input").fill("2026-11-12")
    field(page, "Where is the job?").locator("input").fill("York")
    add.click()
    page.get_by_text("Saved application A0031: Quillfeather Labs, Insights Analyst.").wait_for()

    # Three clicks: pick it, click "rejected", Save.
    field(page, "Which application? Leave this empty to add a new one.").locator("input").fill(
        "A0031"
    )
    save = page.get_by_role("button", name="Save changes to A0031")
    save.wait_for()
    toggle(field(page, "What is the outcome so far?"), "rejected").click()
    today = date.today().isoformat()
    save.click()
    page.get_by_text(f"Saved A0031 (Quillfeather Labs): rejected on {today}.").wait_for()

    applications = rows(app.workspace, "applications")
    assert len(applications) == 31
    assert applications[-1] == {
        "id": "A0031", "company": "Quillfeather Labs", "role": "Insights Analyst",
        "applied_on": "2026-11-12", "source": "", "location": "York", "stage": "applied",
        "outcome": "rejected", "outcome_on": today, "contact_name": "", "contact_email": "",
        "notes": "",
    }  # fmt: skip


def _no_error_output(page) -> None:
    errors = page.locator(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
    ).all_inner_texts()
    assert not errors, errors
    assert page.get_by_text("There was an error when executing cell").count() == 0
    assert page.get_by_text("Traceback").count() == 0


@pytest.mark.parametrize("where", ["lab", "app"])
def test_the_patterns_page_shows_its_charts(where, request):
    server = request.getfixturevalue(where)
    page = request.getfixturevalue("page")  # after the server, so that it closes first
    if where == "lab":
        open_notebook(page, server, PATTERNS)
        run_all(page)
    else:
        page.goto(server.open_url(f"/voila/render/{PATTERNS}"))
    charts = page.locator(".jp-OutputArea-output img, .jp-OutputArea-output svg")
    charts.first.wait_for(timeout=120_000)
    if where == "lab":  # wait for the whole run: the last cell has a number, no cell is queued
        page.locator(".jp-InputPrompt", has_text="[*]").first.wait_for(
            state="detached", timeout=120_000
        )
    assert charts.count() >= 1
    box = charts.first.bounding_box()
    assert box["width"] > 100 and box["height"] > 100, box
    _no_error_output(page)
