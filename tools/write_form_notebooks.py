"""Write the form notebooks (00 to 03) without outputs or widget state.

The notebooks are generated, not hand-edited, so they stay thin and never carry a user's
typed values into git. Run from the repository root:

    python tools/write_form_notebooks.py
"""

from __future__ import annotations

from pathlib import Path

from nbformat.v4 import new_code_cell, new_markdown_cell
from notebook_writer import write_notebook

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

SETUP = "import rejectkit as rk\n\nws = rk.open_workspace()\nrk.banner(ws)"
HOME = "[Back to the start page](00-start.ipynb)"

PAGES = {
    "00-start.ipynb": [
        new_markdown_cell(
            "# Start here: a rejection is feedback, not failure\n\n"
            "You were turned down after an interview. That stings, and it also tells you "
            "something. This kit helps you find out what: you log every application, review "
            "each interview moment by moment, write down the feedback you ask for and the "
            "changes you make, and after a few interviews the patterns show you what to "
            "practise next.\n\n"
            "**The first step is the smallest one: log the rejection.** Writing down how far "
            "you got and when you heard turns a bad afternoon into a data point you can "
            "learn from."
        ),
        new_markdown_cell(
            "The box below shows where your log lives. (In JupyterLab, run the notebook "
            "first: **Run > Run All Cells**.)"
        ),
        new_code_cell(SETUP),
        new_markdown_cell(
            "## Where your data lives\n\n"
            "Your log is a folder of plain CSV files, named in the box above. Nothing leaves "
            "your computer. You may open the files in Excel or LibreOffice: the forms notice "
            "when a file changed while they were open and never overwrite your edit. To check "
            "the files at any time, run `rejectkit check` in a terminal.\n\n"
            "The first time, you see **demo data**: thirty invented applications, so that "
            "every notebook has something to show. When you are ready, click **Start my own "
            "log** in the box above. The demo is moved aside, not deleted."
        ),
        new_markdown_cell(
            "## Your next steps\n\n"
            "Log your applications first, and record each outcome in three clicks: pick the "
            "application, click “rejected”, Save. Review each interview on the day, rating "
            "yourself from 1 to 5 on the ten touchpoints, from your first contact with the "
            "organisation to how you thanked the panel. Write down the feedback you are given "
            "and what you change because of it. Every page of the kit:"
        ),
        # Found, not written down: a new notebook in this folder appears here by itself.
        new_code_cell("rk.pages()"),
    ],
    "01-log-applications.ipynb": [
        new_markdown_cell(
            "# Log your applications\n\n"
            "Every application goes in your log, the ones that went nowhere too: a pattern "
            "needs all of them. Run the first cell, then use the form."
        ),
        new_code_cell(SETUP),
        new_markdown_cell(
            "**To record what happened** to an application, type part of its company or role "
            "in the first box and pick it, click the outcome (the date fills in as today), "
            "then Save.\n\n"
            "**To add a new application**, leave the first box empty and fill in the details."
        ),
        new_code_cell("rk.ApplicationForm(ws)"),
        new_markdown_cell(
            "Had an interview? [Review it while it is fresh](02-review-an-interview.ipynb).\n\n"
            + HOME
        ),
    ],
    "02-review-an-interview.ipynb": [
        new_markdown_cell(
            "# Review an interview\n\n"
            "Do this on the day, while you still remember. Rate yourself on each touchpoint "
            "from 1 to 5 (the hints say what a 1 and a 5 look like), or n/a when it did not "
            "come up, and note what to keep doing and what to do differently."
        ),
        new_code_cell(SETUP),
        new_markdown_cell(
            "To change a review you saved before, choose it in the first box: its values load "
            "back into the form."
        ),
        new_code_cell("rk.ReviewForm(ws)"),
        new_markdown_cell(
            "Turned down? Ask why, then [record the feedback](03-feedback-and-changes.ipynb).\n\n"
            + HOME
        ),
    ],
    "03-feedback-and-changes.ipynb": [
        new_markdown_cell(
            "# Record feedback and changes\n\n"
            "A short, polite request for feedback after a rejection is often answered. Write "
            "down what you were told, then decide what you will do differently."
        ),
        new_code_cell(SETUP),
        new_markdown_cell("## The feedback you were given"),
        new_code_cell("rk.FeedbackForm(ws)"),
        new_markdown_cell(
            "## A change to your strategy\n\n"
            "One change at a time, against one touchpoint, with the day you start: then the "
            "next reviews show whether it helped."
        ),
        new_code_cell("rk.StrategyForm(ws)"),
        new_markdown_cell(HOME),
    ],
}


def main(folder: Path = NOTEBOOKS) -> None:
    folder.mkdir(exist_ok=True)
    for name, cells in PAGES.items():
        write_notebook(folder / name, cells, name.split("-")[0])
        print(f"wrote {folder.name}/{name}")


if __name__ == "__main__":
    main()
