"""The command line: thin shells over the same functions the notebooks call.

Every command takes ``--data DIR`` (else ``$REJECTKIT_DATA``, else the default workspace).
Bad data and refused saves print a plain message and exit 1; a Python traceback is a bug.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date

from .cli_options import ARGUMENTS
from .dates import long_date
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
    when = long_date(today)
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
    from .sharing.bundle import ShareOptions, review, share
    from .store.location import resolve_path
    from .store.workspace import Workspace

    options = ShareOptions(
        hide=tuple(args.hide or ()),
        drop_locations=args.drop_locations,
        months=args.months,
        drop_free_text=args.drop_free_text,
        keep=tuple(args.keep or ()),
        keep_columns=tuple(args.keep_column or ()),
    )
    ws = Workspace(resolve_path(args.data))
    if args.review:
        print(review(ws, options))
        return 0
    if not args.out:
        raise RejectkitError("Give --out DIR, the folder for the bundle (or --review to check).")
    print("Anonymising and running the patterns notebook on the copy ...", file=sys.stderr)
    print(share(ws, args.out, today=date.today(), options=options))
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
        ARGUMENTS.get(name, lambda p: None)(p)
    return parser


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
