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
    """Start JupyterLab on the kit's notebooks with your workspace (the demo on a first run)."""
    from .lab import run_lab

    return run_lab(args.data, port=args.port, open_browser=not args.no_browser)


@command
def cmd_patterns(args: argparse.Namespace) -> int:
    """Print the patterns across your interviews: touchpoints, funnel, feedback, strategy."""
    from .analysis import touchpoint_highlights
    from .comparisons import blind_spots, passed_vs_rejected, strategy_effects
    from .funnel import funnel_summary
    from .store import Workspace
    from .workspace import resolve_path

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
    from .prep import write_prep_sheet
    from .store import Workspace
    from .workspace import resolve_path

    data = Workspace(resolve_path(args.data)).load()
    sheet = write_prep_sheet(data, args.out, today=args.today or date.today())
    print(sheet.text, end="")
    print(f"Saved to {sheet.path}", file=sys.stderr)
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
    p.add_argument("--port", type=int, default=None, help="port to serve on (default: a free one)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser")


def _init_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--demo", action="store_true", help="start from a copy of the demo data")


def _iso_date(value: str) -> date:
    from .validate import check_date

    if (problem := check_date(value)) is not None:
        raise argparse.ArgumentTypeError(problem)
    return date.fromisoformat(value)


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


_ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "init": _init_arguments,
    "lab": _lab_arguments,
    "prep-sheet": _prep_sheet_arguments,
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
