"""The options of each command (the commands themselves are in log.py and views.py)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

__all__ = ["ARGUMENTS"]


def _server_arguments(p: argparse.ArgumentParser, port: int) -> None:
    p.add_argument(
        "--port",
        type=int,
        default=None,
        metavar="N",
        help=f"port to serve on (default: {port}, or the next free one, which is then said)",
    )
    p.add_argument("--no-browser", action="store_true", help="do not open a browser")


def _lab_arguments(p: argparse.ArgumentParser) -> None:
    _server_arguments(p, 8888)


def _app_arguments(p: argparse.ArgumentParser) -> None:
    _server_arguments(p, 8866)
    p.add_argument(
        "--ip",
        metavar="ADDRESS",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this computer only; 0.0.0.0 opens it "
        "to your network, with a warning)",
    )


def _init_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--demo", action="store_true", help="start from a copy of the demo data")


def _iso_date(value: str) -> date:
    from ..store.validate import check_date

    if (problem := check_date(value)) is not None:
        raise argparse.ArgumentTypeError(problem)
    return date.fromisoformat(value)


def _whole(value: str, what: str) -> int:
    """A count given on the command line: digits only, 1 or more."""
    if not (value.isascii() and value.isdigit() and int(value) > 0):
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number {what}")
    return int(value)


def _days(value: str) -> int:
    return _whole(value, "of days above 0")


def _positive(value: str) -> int:
    return _whole(value, "of 1 or more")


def _reminder_arguments(p: argparse.ArgumentParser) -> None:
    from ..records.reminders import FEEDBACK_DAYS, GHOST_DAYS

    p.add_argument(
        "--today",
        type=_iso_date,
        metavar="DATE",
        help="the day to list reminders for, as YYYY-MM-DD (default: today)",
    )
    p.add_argument(
        "--feedback-days",
        type=_days,
        default=FEEDBACK_DAYS,
        metavar="N",
        help=f"nudge about feedback asked for more than N days ago (default {FEEDBACK_DAYS})",
    )
    p.add_argument(
        "--ghost-days",
        type=_days,
        default=GHOST_DAYS,
        metavar="N",
        help=f"flag open applications silent for more than N days (default {GHOST_DAYS})",
    )


def _force_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--force",
        action="store_true",
        help="replace an existing file that rejectkit did not write (never a data file)",
    )


def _remind_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--ics", required=True, metavar="FILE", help="the calendar file to write")
    _force_argument(p)
    _reminder_arguments(p)


def _import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="the .csv or .xlsx file to import")
    p.add_argument(
        "--map",
        action="append",
        metavar='"COLUMN=FIELD"',
        help="map a column of the file to a kit column (company, role, applied_on, status, "
        "source, location, stage, outcome, outcome_on, contact_name, contact_email, notes), "
        "or to nothing ('Salary=') to leave it out; repeat for more columns",
    )
    p.add_argument(
        "--date-format",
        metavar="FMT",
        help="how the file writes dates, such as %%d/%%m/%%Y (31/12/2026) or %%m/%%d/%%Y; "
        "needed for any date not written YYYY-MM-DD",
    )
    p.add_argument(
        "--status",
        action="append",
        metavar='"WORD=STAGE/OUTCOME"',
        help="what a status word of the file means, such as 'No response=applied/ghosted', or "
        "'Saved=skip' for jobs never applied to; repeat for more words",
    )
    p.add_argument("--sheet", metavar="NAME", help="the sheet of an .xlsx file (default: first)")
    p.add_argument("--apply", action="store_true", help="write the new rows (default: dry run)")


def _review_arguments(p: argparse.ArgumentParser) -> None:
    from ..store.schema import FORMATS, RESULTS

    which = p.add_argument_group("which interview (one of)")
    which.add_argument("--interview", metavar="ID", help="edit the review of this interview")
    which.add_argument(
        "--application", metavar="ID", help="a new interview for this application (A0003)"
    )
    p.add_argument(
        "--scores",
        metavar='"TOUCHPOINT=N,..."',
        help="scores 1 to 5 (or n/a), such as 'first_interaction=4,your_questions=2'; when "
        "editing, touchpoints not named keep their score",
    )
    p.add_argument("--keep", action="append", metavar='"TOUCHPOINT=TEXT"',
                   help="what to keep doing at a touchpoint; repeat for more")  # fmt: skip
    p.add_argument("--change", action="append", metavar='"TOUCHPOINT=TEXT"',
                   help="what to do differently at a touchpoint; repeat for more")  # fmt: skip
    p.add_argument(
        "--question",
        action="append",
        metavar='"QUESTION | HOW | STORY | KIND | note: TEXT"',
        help="a question you were asked, added to the interview's question log; after the "
        "question, in any order: strong, solid or gap, a story id (T0001), a touchpoint key "
        "(else guessed from the wording) and 'note: TEXT'; repeat for more",
    )
    p.add_argument("--held-on", metavar="DATE", help="the day of the interview, YYYY-MM-DD")
    p.add_argument("--round", help="phone screen, hiring manager, panel, final ...")
    p.add_argument("--format", choices=FORMATS, help="how it was held")
    p.add_argument("--result", choices=RESULTS, help="the result so far (new: pending)")
    p.add_argument("--final", action="store_true", help="it was the final round")
    p.add_argument("--went-well", metavar="TEXT", help="overall, what went well")
    p.add_argument("--do-differently", metavar="TEXT", help="overall, what to do differently")


def _history_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", nargs="?", metavar="ID", help="a record id, such as A0003 or I0002")
    p.add_argument(
        "--limit",
        type=_positive,
        default=20,
        metavar="N",
        help="show the last N changes (default 20)",
    )


def _report_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="start", required=True, metavar="DATE", help="first day")
    p.add_argument("--to", required=True, metavar="DATE", help="last day (included)")
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="FILE.csv or FILE.html writes that one; any other name writes FILE.csv and FILE.html",
    )
    _force_argument(p)


def _prep_sheet_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--today",
        type=_iso_date,
        metavar="DATE",
        help="the date the sheet is prepared on, as YYYY-MM-DD (default: today)",
    )
    p.add_argument(
        "--out",
        metavar="PATH",
        help="where to save the sheet (a file, or a folder for prep-sheet.md; "
        "default: the workspace)",
    )
    _force_argument(p)


def _share_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--out",
        metavar="DIR",
        help="the folder to write (new or empty; an earlier bundle there is replaced, "
        "keeping mentor_notes.csv and files the kit did not write); needed unless --review",
    )
    p.add_argument(
        "--review",
        action="store_true",
        help="write nothing but the review file: list the words that may be names nobody "
        "listed, the columns left out and how many values would be replaced",
    )
    p.add_argument(
        "--hide",
        action="append",
        metavar="NAME",
        help="one more name to replace wherever it appears (your own, a referrer's, a word "
        "--review lists); repeat for more; remembered for the next export",
    )
    p.add_argument(
        "--keep",
        action="append",
        metavar="NAME",
        help="a word --review lists that is no name (a tool, a town you do not mind): "
        "shared as written; repeat for more; remembered for the next export",
    )
    p.add_argument(
        "--keep-column",
        action="append",
        metavar="COLUMN",
        help="a column of your files that the kit does not know, shared scrubbed as free "
        "text instead of left out; repeat for more",
    )
    p.add_argument("--drop-locations", action="store_true", help="leave locations out")
    p.add_argument(
        "--months", action="store_true", help="show only the month of each date, not the day"
    )
    p.add_argument(
        "--drop-free-text",
        action="store_true",
        help="leave out notes, reflections and feedback text (scores and counts stay)",
    )


def _mentor_notes_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="the mentor_notes.csv your mentor sent back")


def _inbox_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="saved emails (.eml, .msg, or text) or mail folders (.mbox)",
    )
    p.add_argument(
        "--apply",
        action="store_true",
        help="write the changes (one save per email); without it nothing is written",
    )
    p.add_argument(
        "--application",
        metavar="ID",
        default="",
        help="the application the email is about (A0012), when the kit asks which one",
    )
    p.add_argument(
        "--today",
        type=_iso_date,
        metavar="DATE",
        help="the date for an email that has none (pasted text), as YYYY-MM-DD (default: today)",
    )
    p.add_argument(
        "--reply",
        metavar="TONE",
        nargs="?",
        const="warm",
        default="",
        help="with --apply, draft the reply to each rejection (brief, warm or formal; default "
        "warm) as an .eml in the workspace's outbox/, addressed to the sender and threaded",
    )


ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "history": _history_arguments,
    "review": _review_arguments,
    "import": _import_arguments,
    "inbox": _inbox_arguments,
    "init": _init_arguments,
    "lab": _lab_arguments,
    "app": _app_arguments,
    "due": _reminder_arguments,
    "remind": _remind_arguments,
    "report": _report_arguments,
    "prep-sheet": _prep_sheet_arguments,
    "share": _share_arguments,
    "mentor-notes": _mentor_notes_arguments,
}
