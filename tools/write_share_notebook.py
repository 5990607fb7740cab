"""Write the share notebook (07) without outputs or widget state.

Generated, not hand-edited, like the other notebooks: one or two calls per cell into
``rejectkit``. Run from the repository root:

    python tools/write_share_notebook.py
"""

from __future__ import annotations

from pathlib import Path

from nbformat.v4 import new_code_cell, new_markdown_cell
from notebook_writer import write_notebook

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "07-share-with-a-mentor.ipynb"

CELLS = [
    new_markdown_cell(
        "# Share your patterns with a mentor\n\n"
        "A mentor or career coach can help you read your patterns, and should never need to "
        "know who you are or where you applied. This notebook writes a **bundle** for them: "
        "your log with every organisation, person, email address, phone number, link and "
        "place replaced by an alias such as `Company 03` or `Contact 07`, every date moved by "
        "a secret number of weeks (intervals and weekdays stay true), and the patterns "
        "notebook run again on that copy, as a notebook and as a web page that opens in any "
        "browser. Before anything is written, a leak scan reads every byte of the bundle for "
        "every name of your log, and refuses to write it if it finds one.\n\n"
        "Which alias stands for what stays here, in your workspace, so that you can read your "
        "mentor's comments back against your real records."
    ),
    new_code_cell("import rejectkit as rk\n\nws = rk.open_workspace()\nrk.banner(ws)"),
    new_markdown_cell(
        "## Small data can still give you away\n\n"
        "Aliases hide names, not facts. Someone who knows your field may recognise an "
        "organisation from the round names, the number of interviews, a distinctive detail in "
        "your notes or the weeks between two dates. Before you export:\n\n"
        "- add to **Also hide** anything else that points at you or them: your own name, a "
        "referrer's, a product, a project or a team name;\n"
        "- choose the coarser options if your mentor works in the same field or the same "
        "town: **leave locations out**, **show months instead of dates**, and **leave notes "
        "and feedback text out** (your scores, counts and charts stay the same);\n"
        "- click **Preview** to see every value that will be replaced (the table is only for "
        "you), then **Export**, and open the web page in the bundle to read it as your "
        "mentor will."
    ),
    new_code_cell("rk.ShareForm(ws, today=rk.today())"),
    new_markdown_cell(
        "## Your mentor's comments\n\n"
        "The bundle holds an empty `mentor_notes.csv`. When your mentor sends it back filled, "
        "upload it here (or give its path) to see each comment next to the real organisation, "
        "person or interview it is about. On the command line: "
        "`rejectkit mentor-notes mentor_notes.csv`."
    ),
    new_code_cell("rk.MentorNotesForm(ws)"),
    new_markdown_cell(
        "Next: [your patterns](04-patterns.ipynb), the notebook the bundle shares.\n\n"
        "[Back to the start page](00-start.ipynb)"
    ),
]


def main() -> None:
    write_notebook(NOTEBOOK, CELLS, "share")


if __name__ == "__main__":
    main()
