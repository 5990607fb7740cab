"""Write the patterns notebook (04) without outputs or widget state.

The notebook is generated, not hand-edited, so it stays thin: one or two calls per cell into
``rejectkit``. Run from the repository root:

    python tools/write_patterns_notebook.py
"""

from __future__ import annotations

from pathlib import Path

from nbformat.v4 import new_code_cell, new_markdown_cell
from notebook_writer import write_notebook

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "04-patterns.ipynb"

CELLS = [
    new_markdown_cell(
        "# Patterns across your interviews\n\n"
        "After each interview you rated every touchpoint and noted what went well and what to "
        "do differently. Here those notes add up: which touchpoints are improving, which are "
        "slipping, what the feedback keeps saying, and what to work on before your next "
        "interview. Run all cells (Run > Run All Cells). Nothing here changes your log; only "
        "the prep sheet at the end is saved again, as `prep-sheet.md` in your workspace."
    ),
    new_code_cell("import rejectkit as rk\n\nws = rk.open_workspace()\ndata = ws.load()"),
    new_markdown_cell(
        "## 1. Your touchpoint ratings over time\n\n"
        "Thin lines are each interview's rating; the thick line is the average of your last "
        "three ratings of that touchpoint, so where it ends is where you stand now. Pick the "
        "touchpoints to compare."
    ),
    new_code_cell("rk.trend_picker(data)"),
    new_markdown_cell(
        "## 2. Every interview at a glance\n\n"
        "One row per interview (oldest at the top), one column per touchpoint. Hatched cells "
        "were not applicable in that interview."
    ),
    new_code_cell("rk.plot_score_heatmap(data);"),
    new_markdown_cell(
        "## 3. Weakest, strongest, most improved and slipping\n\n"
        '"Last three" is your average over the last three interviews where you rated the '
        "touchpoint; the change compares your latest interviews with your first ones."
    ),
    new_code_cell("rk.touchpoint_highlights(data)"),
    new_code_cell("rk.plot_touchpoint_changes(data);"),
    new_markdown_cell(
        "## 4. How far you got\n\n"
        "The first step of the method is perspective: every interview invitation means a "
        "hiring team chose you from the pile. This is how far your applications got, where "
        "the rejections came and how long answers took."
    ),
    new_code_cell("rk.funnel_summary(data)"),
    new_code_cell("rk.plot_funnel(data);"),
    new_markdown_cell(
        "## 5. Rounds you passed against rounds you did not\n\n"
        "Your ratings in rounds that led to a next round or an offer, against rounds that "
        "ended in a rejection. Each figure says how many interviews stand behind it."
    ),
    new_code_cell("rk.passed_vs_rejected(data)"),
    new_code_cell("rk.plot_passed_vs_rejected(data);"),
    new_markdown_cell(
        "## 6. Your ratings against the feedback you received\n\n"
        "For each touchpoint that feedback asked you to improve: how you had rated it "
        "yourself in that interview. A 4 or 5 there is a blind spot worth a second look."
    ),
    new_code_cell("rk.blind_spots(data)"),
    new_markdown_cell(
        "## 7. Strategy changes, before and after\n\n"
        "Each entry of your strategy log, with the touchpoint's average over up to three "
        "rated interviews before the change and up to three after it."
    ),
    new_code_cell("rk.strategy_effects(data)"),
    new_code_cell("rk.plot_strategy_changes(data);"),
    new_markdown_cell(
        "## 8. Your next-interview prep sheet\n\n"
        "The touchpoints to work on, with your own notes on what to do differently, the ones "
        "to keep doing, and what feedback keeps mentioning. It is saved as `prep-sheet.md` in "
        "your workspace each time this cell runs: open it from there to print it."
    ),
    new_code_cell("rk.write_prep_sheet(data, today=rk.today())"),
    new_markdown_cell(
        "Next: [review your next interview](02-review-an-interview.ipynb) while it is fresh, "
        "and note what you change in [feedback and changes](03-feedback-and-changes.ipynb).\n\n"
        "[Back to the start page](00-start.ipynb)"
    ),
]


def main() -> None:
    write_notebook(NOTEBOOK, CELLS, "patterns")


if __name__ == "__main__":
    main()
