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


def _workspace(args: argparse.Namespace):
    """The workspace named by ``--data`` (else the default), refused with a way out when the
    folder is missing, is a file, or holds none of the kit's files."""
    from .errors import WorkspaceError
    from .store.location import resolve_path
    from .store.schema import TABLES
    from .store.workspace import Workspace

    path = resolve_path(args.data)
    fix = "give your log's folder with --data DIR, or create one with rejectkit init --data DIR"
    if path.exists() and not path.is_dir():
        raise WorkspaceError(f"{path} is a file, not a workspace folder; {fix}.")
    if not path.is_dir():
        raise WorkspaceError(f"The workspace {path} does not exist; {fix}.")
    if not any((path / table.file).exists() for table in TABLES.values()):
        raise WorkspaceError(
            f"{path} is not a workspace: it holds none of the kit's files (applications.csv, "
            f"interviews.csv, ...); {fix}."
        )
    return Workspace(path)


def command(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    COMMANDS[func.__name__.removeprefix("cmd_").replace("_", "-")] = func
    return func


@command
def cmd_check(args: argparse.Namespace) -> int:
    """Check every file of the workspace; list each problem as FILE:LINE: COLUMN: message."""

    data = _workspace(args).read()
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

    data = _workspace(args).load()
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
    """Write the reminders as an iCalendar (.ics) file for Google Calendar, Outlook or Apple,
    with rehearsals of your stories before your next interview."""
    from .analysis.likely import rehearsal_plan
    from .records.reminders import rehearsal_reminders, reminders, write_reminders_ics

    data = _workspace(args).load()
    today = args.today or date.today()
    items = reminders(
        data, today=today, feedback_days=args.feedback_days, ghost_days=args.ghost_days
    )
    items += rehearsal_reminders(rehearsal_plan(data, today=today), today=today)
    path = write_reminders_ics(args.ics, items, today=today, force=args.force)
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

    source = read_source(args.file, sheet=args.sheet)
    plan = import_applications(
        _workspace(args),
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
def cmd_inbox(args: argparse.Namespace) -> int:
    """Log what an email says: a rejection, an invitation, an offer (.eml, .msg, .mbox, text).

    A dry run unless --apply: shows what each email is and why, the application it is about,
    and each change. Exits 1 when an email needs your choice of application (give it with
    --application ID) or cannot be read; an .mbox shows only its job emails.
    """
    from .inbox.batch import progress_line, read_inbox, report

    if args.application and len(args.files) > 1:
        raise RejectkitError("--application picks the application of one email; give one FILE.")
    ws, status, shown = _workspace(args), 0, 0
    today = args.today or date.today()
    options = {"apply": args.apply, "application_id": args.application, "today": today,
               "progress": progress_line(sys.stderr), "reply": args.reply}  # fmt: skip
    for found in read_inbox(ws, args.files, **options):
        text, asks = report(found, apply=args.apply)
        print(text)
        status, shown = status | asks, shown + 1
    if not shown:
        print("No job emails found.")
    return status


@command
def cmd_history(args: argparse.Namespace) -> int:
    """Show the changes of one record (an id such as A0003), or the latest changes."""
    from .store.history import changes, format_changes

    frame = changes(_workspace(args), args.id, limit=args.limit)
    if frame.empty:
        print(f"No recorded changes{f' of {args.id}' if args.id else ''}.")
        return 0
    print(format_changes(frame))
    return 0


@command
def cmd_review(args: argparse.Namespace) -> int:
    """Save a review from the command line: the interview, its scores, its questions and the
    stage, as one change (`rejectkit undo` takes all of it back)."""
    from .records.saves import ratings_from_text, save_review
    from .records.stories import question_from_text

    ws = _workspace(args)
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
    questions = None
    if args.question:
        asked = data.questions.loc[data.questions["interview_id"] == (args.interview or "")]
        stories = data.stories["id"].tolist()
        questions = asked.to_dict("records") + [
            question_from_text(text, keys, stories) for text in args.question
        ]
    saved = save_review(ws, record, ratings, interview_id=args.interview, final=args.final,
                        expected=loaded, questions=questions)  # fmt: skip
    print(saved.message)
    return 0


@command
def cmd_undo(args: argparse.Namespace) -> int:
    """Undo the last save (all of its changes); the undo is recorded in the history too."""
    from .store.history import format_changes
    from .store.undo import undo

    ws = _workspace(args)
    undone = undo(ws)
    if undone is None:
        print(_nothing_to_undo(ws))
        return 0
    first = undone.iloc[0]
    files = ", ".join(dict.fromkeys(undone["file"]))
    what = f" ({first['message']})" if first.get("message") else ""
    print(f"Undid save {first['op']}{what} of {first['at']} ({files}), which made these changes:")
    print(format_changes(undone.head(20), op=False))
    if len(undone) > 20:
        print(f"... and {len(undone) - 20} more; `rejectkit history` lists them all.")
    return 0


def _nothing_to_undo(ws) -> str:
    from .store.history import read_history

    history = read_history(ws.path)
    if history.empty:
        return f"Nothing to undo: no saves are recorded in the history of {ws.path}."
    saves = history.loc[history["undoes"] == "", "op"].nunique()
    return (
        f"Nothing left to undo: all {saves} save{'s' * (saves != 1)} in the history of "
        f"{ws.path} {'have' if saves != 1 else 'has'} been undone. An undo is not undone in "
        "turn (there is no redo); make the change again instead. `rejectkit history` lists "
        "every save and its undo."
    )


@command
def cmd_report(args: argparse.Namespace) -> int:
    """Write the applications of a period as CSV and as a printable HTML page."""
    from datetime import date

    from .analysis.report import write_report

    start, end = _iso_day(args.start, "--from"), _iso_day(args.to, "--to")
    data = _workspace(args).load()
    for path in write_report(data, start, end, args.out, today=date.today(), force=args.force):
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
    """Print the patterns across your interviews: touchpoints, funnel, feedback, strategy,
    questions and stories."""
    from .analysis.comparisons import blind_spots, passed_vs_rejected, strategy_effects
    from .analysis.funnel import funnel_summary
    from .analysis.stories import (
        gap_kinds,
        recurring_questions,
        stories_passed_vs_rejected,
        untold_touchpoints,
    )
    from .analysis.touchpoints import touchpoint_highlights

    data = _workspace(args).load()
    for find in (
        touchpoint_highlights,
        funnel_summary,
        passed_vs_rejected,
        blind_spots,
        strategy_effects,
        recurring_questions,
        gap_kinds,
        stories_passed_vs_rejected,
        untold_touchpoints,
    ):
        print(find(data), end="\n\n")
    return 0


@command
def cmd_prep_sheet(args: argparse.Namespace) -> int:
    """Write your next-interview prep sheet (prep-sheet.md in the workspace) and print it."""
    from .analysis.prep import write_prep_sheet

    data = _workspace(args).load()
    sheet = write_prep_sheet(data, args.out, today=args.today or date.today(), force=args.force)
    print(sheet.text, end="")
    print(f"Saved to {sheet.path}", file=sys.stderr)
    return 0


@command
def cmd_share(args: argparse.Namespace) -> int:
    """Write an anonymised bundle of your analysis for a mentor: aliases instead of names,
    shifted dates, the patterns notebook run again on that copy, and a leak scan before
    anything is written."""
    from .sharing.bundle import ShareOptions, review, share

    options = ShareOptions(
        hide=tuple(args.hide or ()),
        drop_locations=args.drop_locations,
        months=args.months,
        drop_free_text=args.drop_free_text,
        keep=tuple(args.keep or ()),
        keep_columns=tuple(args.keep_column or ()),
    )
    ws = _workspace(args)
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

    print(format_notes(mentor_notes(_workspace(args), args.file)))
    return 0


class _Parser(argparse.ArgumentParser):
    """argparse's parser, which also says "did you mean" for a misspelt command."""

    def error(self, message: str):
        import difflib
        import re

        if found := re.search(r"invalid choice: '([^']*)'", message):
            close = difflib.get_close_matches(found.group(1), COMMANDS, n=1)
            if close:
                message = f"{found.group(1)!r} is not a command; did you mean {close[0]!r}?"
        super().error(message)


def _summary(doc: str) -> str:
    """The first sentence of a command's docstring, however many lines it spans."""
    text = " ".join(doc.split())
    return text.split(". ")[0].rstrip(".") + "."


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="rejectkit",
        description="Turn a job rejection into a better next interview.",
    )
    data_help = "the workspace folder (default: $REJECTKIT_DATA, else data/workspace in the kit)"
    # --data may come before the command (`rejectkit --data DIR check`) or after it; the
    # command's own copy must not reset one given before it, hence SUPPRESS there.
    parser.add_argument("--data", metavar="DIR", help=data_help)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", metavar="DIR", help=data_help, default=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, func in COMMANDS.items():
        p = sub.add_parser(name, parents=[common], help=_summary(func.__doc__),
                           description=func.__doc__)  # fmt: skip
        ARGUMENTS.get(name, lambda p: None)(p)
    return parser


def _os_message(error: OSError) -> str:
    from .store.durable import reason
    from .store.schema import META

    where = str(error.filename or "")
    if f"/{META}/" in where or where.endswith(f"/{META}"):
        where = where[: where.index(f"/{META}")] + f" (the kit's {META} folder)"
    what = f"read or write {where}" if where else "write the files it needed"
    return (
        f"could not {what}: {reason(error)}. Nothing was changed; fix the cause (free some "
        "space, make the folder writable) and run the command again."
    )


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
    except OSError as e:
        # What the library did not turn into a message of its own (a full disk while a
        # bundle is built, a folder made read-only meanwhile): said plainly, never a traceback.
        print(f"rejectkit {args.command}: {_os_message(e)}", file=sys.stderr)
        return 1
