"""What a mentor reads first: the bundle's README, the header of its page and the
``mentor_notes.csv`` to fill (issue 14: the mentor's page is made for the mentor, not the
mentee's notebook).

The page (:func:`mentor_header` above the notebook's outputs, see
:func:`rejectkit.sharing.notebooks.static_html`) says whose analysis it is (an alias), that
names are aliases and dates shifted, what to look at first (the next move and the weakest
touchpoints) and how to send comments back. Everything in it comes from the anonymised copy.
"""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path

import pandas as pd

__all__ = ["MENTEE", "NOTES_FILE", "mentor_header", "notes_rows", "write_extras"]

NOTES_FILE = "mentor_notes.csv"
# Whose analysis this is: the one alias that is not in the alias map (nobody else has it).
MENTEE = "Mentee 01"
_NOTED_KINDS = ("company", "contact", "role")


def _dates(options) -> str:
    text = (
        "Every date is moved by one secret number of whole weeks and then shows only its "
        "month (written as the first day of it)."
        if options.months
        else "Every date is moved by one secret number of whole weeks: intervals and weekdays "
        "are true, calendar dates are not."
    )
    left_out = [
        what
        for on, what in (
            (options.drop_locations, "locations"),
            (options.drop_free_text, "notes, reflections and feedback text"),
        )
        if on
    ]
    if left_out:
        text += f" Left out on purpose: {' and '.join(left_out)}."
    return text


def notes_rows(replaced: pd.DataFrame) -> list[tuple[str, str]]:
    """The rows ``mentor_notes.csv`` starts with: each organisation, contact and role alias
    the bundle uses, with an empty comment.

    >>> rows = pd.DataFrame({"kind": ["company", "email"], "alias": ["Company 01", "Email 01"],
    ...     "count": [2, 1]})
    >>> notes_rows(rows)
    [('Company 01', '')]
    """
    used = replaced[replaced["kind"].isin(_NOTED_KINDS) & (replaced["count"] > 0)]
    return [(alias, "") for alias in used["alias"]]


def mentor_header(data, options, notebook: str) -> str:
    """The HTML that opens the mentor's page (see the module docstring)."""
    from ..analysis.touchpoints import touchpoint_highlights

    found = touchpoint_highlights(data)
    first = list(dict.fromkeys(found.slipping + found.weakest))
    weakest = [data.label(k) for k in found.weakest]
    if first:
        move = (
            f"The next move: {html.escape(data.label(first[0]))}, the touchpoint the "
            "prep sheet puts first (slipping or weakest lately)."
        )
    else:
        move = "No touchpoint is rated yet, so there is no next move to suggest."
    weak = (
        "<li>The weakest touchpoints lately: "
        + "; ".join(html.escape(w) for w in weakest)
        + ".</li>"
        if weakest
        else ""
    )
    return f"""<header id="mentor-header" style="max-width:60em;margin:1em auto;padding:1em;
border:1px solid #888;border-radius:6px;font-family:sans-serif">
<h1>Job-search patterns of {MENTEE}, shared for your advice</h1>
<p><strong>Names are aliases and dates are shifted.</strong> {MENTEE} is an alias: this page
was exported from rejectkit, a kit for learning from job
rejections, by someone you mentor. Every organisation, person, email address, phone number,
link and place is an alias such as <code>Company 03</code> or <code>Contact 07</code>, the
same alias everywhere. {html.escape(_dates(options))}</p>
<h2>What to look at first</h2>
<ul><li>{move}</li>{weak}
<li>Then the charts below: scores over time, the funnel, passed against rejected.</li></ul>
<h2>Sending your comments back</h2>
<p>Open <code>{NOTES_FILE}</code> in this folder (a spreadsheet will do): it lists each
organisation, contact and role alias. Write your comment next to the one it is about, or
add a row (an alias, a record id such as <code>I0004</code>, a touchpoint key, or nothing
for a general remark), and send the file back. The data behind this page is in
<code>data/</code>; the notebook is <code>notebooks/{html.escape(notebook)}.ipynb</code>.</p>
</header>"""


def write_extras(stage: Path, tables, options, replaced: pd.DataFrame, notebook: str) -> None:
    """Write the README and the pre-filled ``mentor_notes.csv`` of a bundle."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([("alias", "comment"), *notes_rows(replaced)])
    (stage / NOTES_FILE).write_text(buffer.getvalue(), "utf-8")
    counts = "{} applications, {} interviews, {} reviews and {} feedback".format(
        *(len(tables[t]) for t in ("applications", "interviews", "reviews", "feedback"))
    )
    readme = _README.format(counts=counts, dates=_dates(options), notebook=notebook)
    (stage / "README.md").write_text(readme, "utf-8")


_README = """\
# Job-search patterns, shared for your advice

Someone you mentor exported this from rejectkit, a kit for learning from job rejections.
Every organisation, person, email address, phone number, link and place is replaced by an
alias such as `Company 03` or `Contact 07`, the same alias everywhere.
{dates}

## What is inside

- `{notebook}.html`: the page made for you: what to look at first, then the analysis with
  its charts; open it in any web browser.
- `charts/`: each chart as an SVG picture, its words kept as text.
- `notebooks/{notebook}.ipynb`: the same notebook with its outputs, for JupyterLab.
- `data/`: the anonymised log as CSV files and `prep-sheet.md`, the next-interview prep
  sheet built from it. The log holds {counts}.
- `mentor_notes.csv`: for your comments, one row per alias already there.

## Leaving comments

Write your comments into `mentor_notes.csv` (in a spreadsheet or a text editor): next to an
alias already listed, or in a row of your own. In `alias`, write an alias (`Company 03`), a
record id (`A0012` an application, `I0004` an interview, `F0002` feedback, `S0003` a
strategy change, `C0001` a contact) or a touchpoint key (`company_research`); leave it empty
for a general remark. Write your comment in `comment` and send the file back: your mentee
sees each comment next to their own record.

## Running the notebook again

With rejectkit installed, from this folder: `REJECTKIT_DATA="$PWD/data" jupyter lab`, then
open `notebooks/{notebook}.ipynb`.

Cells of the CSV files that start with `=`, `+`, `-` or `@` have an apostrophe in front, so
that a spreadsheet shows them as text instead of running them as a formula.
"""
