"""The command line: thin shells over the same functions the notebooks call.

Every command takes ``--data DIR`` (else ``$REJECTKIT_DATA``, else the default workspace).
Bad data and refused saves print a plain message and exit 1; a Python traceback is a bug.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date

from .errors import RecordError, RejectkitError

__all__ = ["main"]

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    COMMANDS[func.__name__.removeprefix("cmd_").replace("_", "-")] = func
    return func


@command
def cmd_check(args: argparse.Namespace) -> int:
    """Check every file of the workspace; list each problem as FILE:LINE: COLUMN: message."""
    from .store.location import resolve_path
    from .store.workspace import Workspace

    data = Workspace(resolve_path(args.data)).read()
    for notice in data.notices:
        print(f"note: {notice}", file=sys.stderr)
    if data.problems:
        for problem in data.problems:
            print(problem)
        count = len(data.problems)
        print(
            f"{count} problem{'s' * (count != 1)} in {data.path}; nothing was changed.",
            file=sys.stderr,
        )
        return 1
    counts = ", ".join(
        f"{len(frame)} {name}"
        for name, frame in data.tables.items()
        if name != "touchpoints" or len(frame)
    )
    print(f"{data.path}: no problems ({counts})")
    return 0


@command
def cmd_init(args: argparse.Namespace) -> int:
    """Create a workspace: empty files with headers, or with --demo a copy of the demo data."""
    from .store.location import init_workspace, resolve_path

    ws = init_workspace(resolve_path(args.data), demo=args.demo)
    print(f"Created {'a demo' if args.demo else 'an empty'} workspace in {ws.path}")
    return 0


@command
def cmd_lab(args: argparse.Namespace) -> int:
    """Start JupyterLab on the kit's notebooks with your workspace (the demo on a first run).

    Prints the address to open (with its login token); Ctrl-C stops JupyterLab and every
    kernel it started.
    """
    from .run.lab import run_lab

    return run_lab(args.data, port=args.port, open_browser=not args.no_browser)


@command
def cmd_app(args: argparse.Namespace) -> int:
    """Serve the forms and charts as an app in your browser, without code (Voila).

    The pages are the kit's notebooks with their code hidden: the start page links the log,
    review, patterns, follow-up and share pages. Only this computer can open them unless
    --ip says otherwise. Ctrl-C stops the app and its kernels.
    """
    from .run.app import run_app

    return run_app(args.data, ip=args.ip, port=args.port, open_browser=not args.no_browser)


@command
def cmd_due(args: argparse.Namespace) -> int:
    """List what is due: feedback to nudge, contacts to check in with, silent applications."""
    from .records.reminders import due, reminders
    from .store.location import resolve_path
    from .store.workspace import Workspace

    data = Workspace(resolve_path(args.data)).load()
    today = args.today or date.today()
    limits = {"feedback_days": args.feedback_days, "ghost_days": args.ghost_days}
    items = due(data, today=today, **limits)
    when = f"{today.day} {today:%B %Y}"
    if not items:
        upcoming = reminders(data, today=today, **limits)
        print(f"Nothing is due on {when}.")
        if upcoming:
            r = upcoming[0]
            print(f"Next: {r.due_on.isoformat()}  {r.record_id}  {r.summary}")
        return 0
    print(f"Due on {when}: {len(items)} reminder{'s' * (len(items) != 1)}")
    for kind, heading in _DUE_HEADINGS.items():
        mine = [r for r in items if r.kind == kind]
        if mine:
            print(f"\n{heading} ({len(mine)})")
        for r in mine:
            print(f"  {r.due_on.isoformat()}  {r.record_id}  {r.summary}")
    print(
        "\nDraft the nudges and check-ins, and mark silent applications as ghosted, in "
        "notebooks/06-keep-warm-and-follow-up.ipynb; `rejectkit remind --ics FILE` puts the "
        "reminders in your calendar."
    )
    return 0


_DUE_HEADINGS = {
    "feedback_nudge": "Feedback to nudge",
    "keep_warm": "People to check in with",
    "maybe_ghosted": "Silent applications: ghosted?",
}


@command
def cmd_remind(args: argparse.Namespace) -> int:
    """Write the reminders as an iCalendar (.ics) file for Google Calendar, Outlook or Apple."""
    from .records.reminders import reminders, write_reminders_ics
    from .store.location import resolve_path
    from .store.workspace import Workspace

    data = Workspace(resolve_path(args.data)).load()
    today = args.today or date.today()
    items = reminders(
        data, today=today, feedback_days=args.feedback_days, ghost_days=args.ghost_days
    )
    path = write_reminders_ics(args.ics, items, today=today)
    now = sum(r.due_on <= today for r in items)
    print(
        f"Wrote {len(items)} reminder{'s' * (len(items) != 1)} ({now} due now, placed on "
        f"{today.isoformat()}) to {path}. Import it into your calendar; importing a newer "
        "file updates these events instead of adding new ones."
    )
    return 0


@command
def cmd_import(args: argparse.Namespace) -> int:
    """Import applications from a spreadsheet or another tracker's export (.csv or .xlsx).

    A dry run unless --apply: shows the column mapping, what would be added, the duplicates
    (same company, role and applied date), every row that cannot be read, and unknown status
    words. Exits 1 when some rows could not be used.
    """
    from .records.import_rules import parse_map, parse_status
    from .records.import_source import read_source
    from .records.importing import import_applications
    from .store.location import resolve_path
    from .store.workspace import Workspace

    source = read_source(args.file, sheet=args.sheet)
    plan = import_applications(
        Workspace(resolve_path(args.data)),
        args.file,
        mapping=parse_map(args.map, source.columns),
        date_format=args.date_format,
        statuses=parse_status(args.status),
        source=source,
        apply=args.apply,
    )
    print(plan.describe())
    return 0 if plan.clean else 1


@command
def cmd_history(args: argparse.Namespace) -> int:
    """Show the changes of one record (an id such as A0003), or the latest changes."""
    from .store.history import changes, format_changes
    from .store.location import resolve_path
    from .store.workspace import Workspace

    frame = changes(Workspace(resolve_path(args.data)), args.id, limit=args.limit)
    if frame.empty:
        print(f"No recorded changes{f' of {args.id}' if args.id else ''}.")
        return 0
    print(format_changes(frame))
    return 0


@command
def cmd_review(args: argparse.Namespace) -> int:
    """Save a review from the command line: the interview, its scores and the stage, as one
    change (`rejectkit undo` takes all of it back)."""
    from .records.saves import ratings_from_text, save_review
    from .store.location import resolve_path
    from .store.workspace import Workspace

    ws = Workspace(resolve_path(args.data))
    data = ws.load()
    keys = [tp.key for tp in data.touchpoints]
    notes: dict[str, dict[str, str]] = {}
    for option, column in ((args.keep, "keep_doing"), (args.change, "do_differently")):
        for item in option or ():
            key, sep, text = item.partition("=")
            if not sep:
                raise RecordError("reviews", {key: f"{item!r} is not TOUCHPOINT=TEXT"})
            notes.setdefault(key.strip(), {})[column] = text.strip()
    fields = {"held_on": args.held_on, "round": args.round, "format": args.format,
              "result": args.result, "went_well": args.went_well,
              "do_differently": args.do_differently}  # fmt: skip
    given = {k: v for k, v in fields.items() if v is not None}
    if args.interview:
        interviews = data.interviews
        found = interviews.loc[interviews["id"] == args.interview]
        if found.empty:
            raise RecordError(
                "interviews",
                {"--interview": f"{args.interview!r} is not in interviews.csv; the interviews "
                                f"are {', '.join(interviews['id']) or 'none yet'}"},
            )  # fmt: skip
        loaded = {k: str(v) for k, v in found.iloc[0].to_dict().items()}
        reviews = data.reviews
        existing = reviews.loc[reviews["interview_id"] == args.interview].to_dict("records")
        record = {**loaded, **given}
    else:
        if not args.application or not args.held_on:
            raise RecordError(
                "interviews",
                {"--interview": "is missing: give --interview ID to edit a review, or "
                                "--application ID and --held-on DATE for a new interview"},
            )  # fmt: skip
        loaded, existing = None, []
        record = {"result": "pending", **given, "application_id": args.application}
    ratings = ratings_from_text(args.scores or "", keys, existing=existing, notes=notes)
    saved = save_review(
        ws, record, ratings, interview_id=args.interview, final=args.final, expected=loaded
    )
    print(saved.message)
    return 0


@command
def cmd_undo(args: argparse.Namespace) -> int:
    """Undo the last save (all of its changes); the undo is recorded in the history too."""
    from .store.history import format_changes
    from .store.location import resolve_path
    from .store.undo import undo
    from .store.workspace import Workspace

    ws = Workspace(resolve_path(args.data))
    undone = undo(ws)
    if undone is None:
        print(f"Nothing to undo: no saves are recorded in the history of {ws.path}.")
        return 0
    first = undone.iloc[0]
    files = ", ".join(dict.fromkeys(undone["file"]))
    what = f" ({first['message']})" if first.get("message") else ""
    print(f"Undid save {first['op']}{what} of {first['at']} ({files}), which made these changes:")
    print(format_changes(undone.head(20), op=False))
    if len(undone) > 20:
        print(f"... and {len(undone) - 20} more; `rejectkit history` lists them all.")
    return 0


@command
def cmd_report(args: argparse.Namespace) -> int:
    """Write the applications of a period as CSV and as a printable HTML page."""
    from datetime import date

    from .analysis.report import write_report
    from .store.location import resolve_path
    from .store.workspace import Workspace

    start, end = _iso_day(args.start, "--from"), _iso_day(args.to, "--to")
    data = Workspace(resolve_path(args.data)).load()
    for path in write_report(data, start, end, args.out, today=date.today()):
        print(f"Wrote {path}")
    return 0


def _iso_day(text: str, option: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RejectkitError(
            f"{option} {text!r} is not a day written YYYY-MM-DD, for example 2026-05-01."
        ) from None


@command
def cmd_patterns(args: argparse.Namespace) -> int:
    """Print the patterns across your interviews: touchpoints, funnel, feedback, strategy."""
    from .analysis.comparisons import blind_spots, passed_vs_rejected, strategy_effects
    from .analysis.funnel import funnel_summary
    from .analysis.touchpoints import touchpoint_highlights
    from .store.location import resolve_path
    from .store.workspace import Workspace

    data = Workspace(resolve_path(args.data)).load()
    for find in (
        touchpoint_highlights,
        funnel_summary,
        passed_vs_rejected,
        blind_spots,
        strategy_effects,
    ):
        print(find(data), end="\n\n")
    return 0


@command
def cmd_prep_sheet(args: argparse.Namespace) -> int:
    """Write your next-interview prep sheet (prep-sheet.md in the workspace) and print it."""
    from .analysis.prep import write_prep_sheet
    from .store.location import resolve_path
    from .store.workspace import Workspace

    data = Workspace(resolve_path(args.data)).load()
    sheet = write_prep_sheet(data, args.out, today=args.today or date.today())
    print(sheet.text, end="")
    print(f"Saved to {sheet.path}", file=sys.stderr)
    return 0


@command
def cmd_share(args: argparse.Namespace) -> int:
    """Write an anonymised bundle of your analysis for a mentor: aliases instead of names,
    shifted dates, the patterns notebook run again on that copy, and a leak scan before
    anything is written."""
    from .sharing.bundle import ShareOptions, share
    from .store.location import resolve_path
    from .store.workspace import Workspace

    options = ShareOptions(
        hide=tuple(args.hide or ()),
        drop_locations=args.drop_locations,
        months=args.months,
        drop_free_text=args.drop_free_text,
    )
    print("Anonymising and running the patterns notebook on the copy ...", file=sys.stderr)
    bundle = share(
        Workspace(resolve_path(args.data)), args.out, today=date.today(), options=options
    )
    print(bundle)
    return 0


@command
def cmd_mentor_notes(args: argparse.Namespace) -> int:
    """Show the comments of a filled mentor_notes.csv against your real records."""
    from .sharing.mentor_notes import format_notes, mentor_notes
    from .store.location import resolve_path
    from .store.workspace import Workspace

    print(format_notes(mentor_notes(Workspace(resolve_path(args.data)), args.file)))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rejectkit",
        description="Turn a job rejection into a better next interview.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data",
        metavar="DIR",
        help="the workspace folder (default: $REJECTKIT_DATA, else data/workspace in the kit)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, func in COMMANDS.items():
        p = sub.add_parser(
            name, parents=[common], help=func.__doc__.splitlines()[0], description=func.__doc__
        )
        _ARGUMENTS.get(name, lambda p: None)(p)
    return parser


def _lab_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--port",
        type=int,
        default=None,
        help="port to serve on (default: 8888 for lab, 8866 for app, or the next free one)",
    )
    p.add_argument("--no-browser", action="store_true", help="do not open a browser")


def _app_arguments(p: argparse.ArgumentParser) -> None:
    _lab_arguments(p)
    p.add_argument(
        "--ip",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this computer only; 0.0.0.0 opens it "
        "to your network, with a warning)",
    )


def _init_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--demo", action="store_true", help="start from a copy of the demo data")


def _iso_date(value: str) -> date:
    from .store.validate import check_date

    if (problem := check_date(value)) is not None:
        raise argparse.ArgumentTypeError(problem)
    return date.fromisoformat(value)


def _days(value: str) -> int:
    if not (value.isascii() and value.isdigit() and int(value) > 0):
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of days above 0")
    return int(value)


def _reminder_arguments(p: argparse.ArgumentParser) -> None:
    from .records.reminders import FEEDBACK_DAYS, GHOST_DAYS

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


def _remind_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--ics", required=True, metavar="FILE", help="the calendar file to write")
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
    from .store.schema import FORMATS, RESULTS

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
        "--limit", type=int, default=20, metavar="N", help="show the last N changes (default 20)"
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


def _share_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help="the folder to write (new or empty; an earlier bundle there is replaced)",
    )
    p.add_argument(
        "--hide",
        action="append",
        metavar="NAME",
        help="one more name to replace wherever it appears (your own, a referrer's); repeat "
        "for more",
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


_ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "history": _history_arguments,
    "review": _review_arguments,
    "import": _import_arguments,
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    >>> main(["check", "--data", "data/sample"])  # doctest: +ELLIPSIS
    data/sample: no problems (...)
    0
    """
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except RejectkitError as e:
        print(f"rejectkit {args.command}: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`rejectkit patterns | head`); that is not an error.
        sys.stderr = None
        return 0
