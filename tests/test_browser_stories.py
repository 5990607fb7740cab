"""Questions and stories in a real browser (the app, Voila): three questions and a new story
typed in the review form land in the files as one save and show on the stories page."""

from __future__ import annotations

import pytest
from browser_support import field, toggle
from formkit import rows

pytestmark = pytest.mark.browser

QUESTION = "Type a question you were asked"
STORY = "story told (pick, or type a new title)"


def _entry(page):
    """The question line at the bottom of the log, where the next question is typed."""
    return page.locator(f".widget-hbox:has(> .widget-text input[placeholder='{QUESTION}'])").last


def _ask(page, question: str, how: str, story: str, kind_label: str) -> None:
    lines = page.locator(f"input[placeholder='{QUESTION}']")
    before = lines.count()
    line = _entry(page)
    line.locator(f"input[placeholder='{QUESTION}']").fill(question)
    # The kind is guessed in the kernel from the wording; wait until the page shows it.
    guessed = line.locator("select option:checked").filter(has_text=kind_label)
    guessed.wait_for(state="attached", timeout=10_000)
    toggle(line, how).click()
    line.locator(f"input[placeholder='{STORY}']").fill(story)
    page.get_by_role("button", name="Add this question").click()
    lines.nth(before).wait_for(timeout=10_000)  # a new empty line opened under it


def test_three_questions_and_a_story_from_the_review_form_show_on_the_stories_page(app, page):
    page.goto(app.open_url("/voila/render/02-review-an-interview.ipynb"))
    save = page.get_by_role("button", name="Save this review")
    save.wait_for(timeout=90_000)
    field(page, "Which application was the interview for?").locator("input").fill("A0029")
    field(page, "On which day was the interview?").locator("input").fill("2026-11-20")

    _ask(page, "So, tell me about yourself", "strong", "T0005 · My 60-second pitch",
         'The "Tell me about yourself" question')  # fmt: skip
    _ask(page, "Tell me about a time you failed", "gap", "The lost weekend",
         "The behavioural questions")  # fmt: skip
    _ask(page, "What trends do you see in architecture?", "solid", "",
         "The industry-specific questions")  # fmt: skip
    save.click()
    page.get_by_text(
        "Saved interview I0016 with 0 touchpoints and 3 questions (new in your story bank: "
        "T0006). Application A0029 is now at the interview stage."
    ).wait_for(timeout=30_000)

    blank = {"interview_id": "I0016", "note": ""}
    assert rows(app.workspace, "questions")[-3:] == [
        {**blank, "id": "Q0044", "question": "So, tell me about yourself",
         "kind": "tell_me_about_yourself", "how": "strong", "story_id": "T0005"},
        {**blank, "id": "Q0045", "question": "Tell me about a time you failed",
         "kind": "behavioural_questions", "how": "gap", "story_id": "T0006"},
        {**blank, "id": "Q0046", "question": "What trends do you see in architecture?",
         "kind": "industry_questions", "how": "solid", "story_id": ""},
    ]  # fmt: skip
    assert rows(app.workspace, "stories")[-1]["title"] == "The lost weekend"

    page.goto(app.open_url("/voila/render/09-stories.ipynb"))
    page.get_by_text("The lost weekend: told in 1 round (0 passed, 0 rejected).").wait_for(
        timeout=90_000
    )
    page.get_by_text("My 60-second pitch: told in 8 rounds (5 passed, 1 rejected).").wait_for()
    page.get_by_text(
        '"Tell me about yourself." came up in 11 interviews (2 gaps); you told: My 60-second pitch.'
    ).wait_for()
    assert page.get_by_text("Traceback").count() == 0
