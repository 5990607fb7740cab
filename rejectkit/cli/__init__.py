"""The command line: thin shells over the same functions the notebooks call.

Every command takes ``--data DIR`` (else ``$REJECTKIT_DATA``, else the default workspace),
before or after the command's name. Bad data and refused saves print a plain message and
exit 1; a Python traceback is a bug.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..errors import RejectkitError
from . import log, views  # noqa: F401 - importing them registers their commands
from .base import COMMANDS
from .options import ARGUMENTS

__all__ = ["COMMANDS", "main"]

# The order of `rejectkit --help`: from keeping the log to looking at it.
ORDER = ("check", "init", "lab", "app", "due", "remind", "import", "inbox", "history", "review",
         "undo", "report", "patterns", "prep-sheet", "share", "mentor-notes")  # fmt: skip


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
    for name, func in sorted(COMMANDS.items(), key=lambda c: _rank(c[0])):
        p = sub.add_parser(name, parents=[common], help=_summary(func.__doc__),
                           description=func.__doc__)  # fmt: skip
        ARGUMENTS.get(name, lambda p: None)(p)
    return parser


def _os_message(error: OSError) -> str:
    from ..store.durable import reason
    from ..store.schema import META

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


def _rank(name: str) -> int:
    return ORDER.index(name) if name in ORDER else len(ORDER)
