"""The commands that keep the log: check, init, import, inbox, history, review, undo."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from ..errors import RecordError, RejectkitError
from .base import command, workspace_of

__all__: list[str] = []


@command
def cmd_check(args: argparse.Namespace) -> int:
    """Check every file of the workspace; list each problem as FILE:LINE: COLUMN: message."""

    data = workspace_of(args).read()
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
    from ..store.location import init_workspace, resolve_path

    ws = init_workspace(resolve_path(args.data), demo=args.demo)
    print(f"Created {'a demo' if args.demo else 'an empty'} workspace in {ws.path}")
    return 0


@command
def cmd_import(args: argparse.Namespace) -> int:
    """Import applications from a spreadsheet or another tracker's export (.csv or .xlsx).

    A dry run unless --apply: shows the column mapping, what would be added, the duplicates
    (same company, role and applied date), every row that cannot be read, and unknown status
    words. Exits 1 when some rows could not be used.
    """
    from ..records.import_rules import parse_map, parse_status
    from ..records.import_source import read_source
    from ..records.importing import import_applications

    source = read_source(args.file, sheet=args.sheet)
    plan = import_applications(
        workspace_of(args),
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
    from ..inbox.batch import progress_line, read_inbox, report

    if args.application and len(args.files) > 1:
        raise RejectkitError("--application picks the application of one email; give one FILE.")
    ws, status, shown = workspace_of(args), 0, 0
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
    from ..store.history import changes, format_changes

    frame = changes(workspace_of(args), args.id, limit=args.limit)
    if frame.empty:
        print(f"No recorded changes{f' of {args.id}' if args.id else ''}.")
        return 0
    print(format_changes(frame))
    return 0


@command
def cmd_review(args: argparse.Namespace) -> int:
    """Save a review from the command line: the interview, its scores, its questions and the
    stage, as one change (`rejectkit undo` takes all of it back)."""
    from ..records.saves import ratings_from_text, save_review
    from ..records.stories import question_from_text

    ws = workspace_of(args)
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
    from ..store.history import format_changes
    from ..store.undo import undo

    ws = workspace_of(args)
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
    from ..store.history import read_history

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
