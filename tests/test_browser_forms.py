"""The forms in JupyterLab, used as a person uses them: Run All, pick, click, type, Save; then
the files say exactly what was entered, and a refused value is explained next to its field."""

from __future__ import annotations

from browser_support import field, open_notebook, run_all, text_box, toggle
from formkit import rows, snapshot

from rejectkit.store.schema import TOUCHPOINTS

REVIEW = "02-review-an-interview.ipynb"
# One score per built-in touchpoint (the demo's own technical_test is left out: not rated).
SCORES = dict(
    zip(
        [t.key for t in TOUCHPOINTS],
        ["4", "3", "5", "2", "4", "1", "3", "n/a", "5", "2"],
        strict=True,
    )
)
KEEP = ("behavioural_questions", "Open with the situation in one sentence")
CHANGE = ("company_research", "Read their last two annual reports first")


def open_review_form(lab, page):
    open_notebook(page, lab, REVIEW)
    run_all(page)
    save = page.get_by_role("button", name="Save this review")
    save.wait_for(timeout=90_000)
    return save


def test_a_review_typed_in_jupyterlab_is_saved_exactly(lab, page):
    open_review_form(lab, page)
    # Run All once more, as people do: still one form, and it is the one that saves.
    run_all(page)
    page.locator(".jp-InputPrompt", has_text="[4]:").wait_for()
    save = page.get_by_role("button", name="Save this review")
    save.wait_for()
    assert save.count() == 1
    field(page, "Which application was the interview for?").locator("input").fill("A0030")
    field(page, "On which day was the interview?").locator("input").fill("2026-11-20")
    field(page, "Which round was it?").locator("input").fill("hiring manager")
    toggle(field(page, "How was it held?"), "video").click()
    for tp in TOUCHPOINTS:
        row = field(page, tp.label)
        toggle(row, SCORES[tp.key]).click()
    text_box(field(page, TOUCHPOINTS[3].label), "Keep doing:").fill(KEEP[1])
    text_box(field(page, TOUCHPOINTS[4].label), "Do differently:").fill(CHANGE[1])
    save.click()

    confirmation = "Saved interview I0016 with 10 touchpoints (1 not applicable)."
    page.get_by_text(confirmation).wait_for()
    assert page.get_by_text("Application A0030 is now at the interview stage.").count() == 1
    interviews = rows(lab.workspace, "interviews")
    assert len(interviews) == 16
    assert interviews[-1] == {
        "id": "I0016", "application_id": "A0030", "held_on": "2026-11-20",
        "round": "hiring manager", "format": "video", "result": "pending", "went_well": "",
        "do_differently": "",
    }  # fmt: skip
    mine = {
        r["touchpoint"]: r for r in rows(lab.workspace, "reviews") if r["interview_id"] == "I0016"
    }
    assert {k: r["score"] for k, r in mine.items()} == {
        k: "" if v == "n/a" else v for k, v in SCORES.items()
    }
    assert {(k, r["keep_doing"], r["do_differently"]) for k, r in mine.items() if
            r["keep_doing"] or r["do_differently"]} == {(KEEP[0], KEEP[1], ""),
                                                        (CHANGE[0], "", CHANGE[1])}  # fmt: skip
    stage = {r["id"]: r["stage"] for r in rows(lab.workspace, "applications")}
    assert stage["A0030"] == "interview"


def test_refused_values_are_explained_next_to_the_field_and_nothing_is_written(lab, page):
    before = snapshot(lab.workspace)
    # The review form: an interview "held" years from now.
    save = open_review_form(lab, page)
    field(page, "Which application was the interview for?").locator("input").fill("A0030")
    day = field(page, "On which day was the interview?")
    day.locator("input").fill("2031-01-01")
    save.click()
    day.get_by_text("2031-01-01 is after today").wait_for()
    assert "an interview you review has already happened" in day.inner_text()
    page.get_by_text("Nothing was saved: 1 field needs attention").wait_for()
    assert snapshot(lab.workspace) == before

    # The application form: a new application without its company.
    open_notebook(page, lab, "01-log-applications.ipynb")
    run_all(page)
    page.get_by_role("button", name="Add this application").wait_for(timeout=90_000)
    field(page, "Which role did you apply for?").locator("input").fill("Data Analyst")
    page.get_by_role("button", name="Add this application").click()
    company = field(page, "Which organisation did you apply to?")
    company.get_by_text("is empty; this field is required").wait_for()
    assert snapshot(lab.workspace) == before


_LABEL_BOXES = """labels => {
    const found = {};
    for (const b of document.querySelectorAll('.widget-html b')) {
        const text = b.textContent.trim();
        if (labels.includes(text)) {
            const r = b.getBoundingClientRect();
            found[text] = {x: r.left, y: r.top, right: r.right, bottom: r.bottom};
        }
    }
    return found;
}"""


def _overlap(a, b) -> bool:
    return (
        a["x"] < b["right"]
        and b["x"] < a["right"]
        and a["y"] < b["bottom"]
        and b["y"] < a["bottom"]
    )


def test_every_touchpoint_label_is_readable_at_the_default_width(lab, page, tmp_path):
    open_review_form(lab, page)
    width = page.viewport_size["width"]
    labels = [t.label for t in TOUCHPOINTS]
    for label in labels:
        heading = field(page, label).locator("b").first
        heading.scroll_into_view_if_needed()
        assert heading.is_visible(), label
        box = heading.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (label, box, width)
    # All at once, in one layout: no label covers another. The height grows so that the
    # whole form is on screen for the picture; the width stays JupyterLab's default.
    page.set_viewport_size({"width": width, "height": 4000})
    page.wait_for_timeout(500)
    boxes = page.evaluate(_LABEL_BOXES, labels)
    assert sorted(boxes) == sorted(labels)
    for i, a in enumerate(labels):
        assert boxes[a]["right"] <= width, a
        for b in labels[i + 1 :]:
            assert not _overlap(boxes[a], boxes[b]), (a, b)
    shot = tmp_path / "review-form.png"
    form = page.locator(".widget-vbox", has=page.get_by_role("button", name="Save this review"))
    form.first.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    print(f"screenshot of the review form: {shot}")
