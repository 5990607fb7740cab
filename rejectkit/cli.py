"""The command line: thin shells over the same functions the notebooks call.

Every command takes ``--data DIR`` (else ``$REJECTKIT_DATA``, else the default workspace).
Bad data and refused saves print a plain message and exit 1; a Python traceback is a bug.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date

from .errors import RejectkitError

__all__ = ["main"]

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    COMMANDS[func.__name__.removeprefix("cmd_").replace("_", "-")] = func
    return func


@command
def cmd_check(args: argparse.Namespace) -> int:
    """Check every file of the workspace; list each problem as FILE:LINE: COLUMN: message."""
    from .store import Workspace
    from .workspace import resolve_path

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
    from .workspace import init_workspace, resolve_path

    ws = init_workspace(resolve_path(args.data), demo=args.demo)
    print(f"Created {'a demo' if args.demo else 'an empty'} workspace in {ws.path}")
    return 0


@command
def cmd_lab(args: argparse.Namespace) -> int:
    """Start JupyterLab on the kit's notebooks with your workspace (the demo on a first run).

    Prints the address to open (with its login token); Ctrl-C stops JupyterLab and every
    kernel it started.
    """
    from .lab import run_lab

    return run_lab(args.data, port=args.port, open_browser=not args.no_browser)


@command
def cmd_app(args: argparse.Namespace) -> int:
    """Serve the forms and charts as an app in your browser, without code (Voila).

    The pages are the kit's notebooks with their code hidden: the start page links the log,
    review, patterns, follow-up and share pages. Only this computer can open them unless
    --ip says otherwise. Ctrl-C stops the app and its kernels.
    """
    from .app import run_app

    return run_app(args.data, ip=args.ip, port=args.port, open_browser=not args.no_browser)


@command
def cmd_due(args: argparse.Namespace) -> int:
    """List what is due: feedback to nudge, contacts to check in with, silent applications."""
    from .reminders import due, reminders
    from .store import Workspace
    from .workspace import resolve_path

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
    from .reminders import reminders, write_reminders_ics
    from .store import Workspace
    from .workspace import resolve_path

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
    from .validate import check_date

    if (problem := check_date(value)) is not None:
        raise argparse.ArgumentTypeError(problem)
    return date.fromisoformat(value)


def _days(value: str) -> int:
    if not (value.isascii() and value.isdigit() and int(value) > 0):
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of days above 0")
    return int(value)


def _reminder_arguments(p: argparse.ArgumentParser) -> None:
    from .reminders import FEEDBACK_DAYS, GHOST_DAYS

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


_ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "init": _init_arguments,
    "lab": _lab_arguments,
    "app": _app_arguments,
    "due": _reminder_arguments,
    "remind": _remind_arguments,
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
