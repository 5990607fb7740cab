"""The commands that show and send the log: the servers, due and reminders, report, patterns,
prep sheet, share and mentor notes."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from ..dates import long_date
from ..errors import RejectkitError
from .base import command, workspace_of

__all__: list[str] = []


@command
def cmd_lab(args: argparse.Namespace) -> int:
    """Start JupyterLab on the kit's notebooks with your workspace (the demo on a first run).

    Prints the address to open (with its login token); Ctrl-C stops JupyterLab and every
    kernel it started.
    """
    from ..run.lab import run_lab

    return run_lab(args.data, port=args.port, open_browser=not args.no_browser)


@command
def cmd_app(args: argparse.Namespace) -> int:
    """Serve the forms and charts as an app in your browser, without code (Voila).

    The pages are the kit's notebooks with their code hidden: the start page links the log,
    review, patterns, follow-up and share pages. Only this computer can open them unless
    --ip says otherwise. Ctrl-C stops the app and its kernels.
    """
    from ..run.app import run_app

    return run_app(args.data, ip=args.ip, port=args.port, open_browser=not args.no_browser)


@command
def cmd_due(args: argparse.Namespace) -> int:
    """List what is due: feedback to nudge, contacts to check in with, silent applications."""
    from ..records.reminders import due, reminders

    data = workspace_of(args).load()
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
    from ..analysis.likely import rehearsal_plan
    from ..records.reminders import rehearsal_reminders, reminders, write_reminders_ics

    data = workspace_of(args).load()
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
def cmd_report(args: argparse.Namespace) -> int:
    """Write the applications of a period as CSV and as a printable HTML page."""
    from datetime import date

    from ..analysis.report import write_report

    start, end = _iso_day(args.start, "--from"), _iso_day(args.to, "--to")
    data = workspace_of(args).load()
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
    from ..analysis.comparisons import blind_spots, passed_vs_rejected, strategy_effects
    from ..analysis.funnel import funnel_summary
    from ..analysis.stories import (
        gap_kinds,
        recurring_questions,
        stories_passed_vs_rejected,
        untold_touchpoints,
    )
    from ..analysis.touchpoints import touchpoint_highlights

    data = workspace_of(args).load()
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
    from ..analysis.prep import write_prep_sheet

    data = workspace_of(args).load()
    sheet = write_prep_sheet(data, args.out, today=args.today or date.today(), force=args.force)
    print(sheet.text, end="")
    print(f"Saved to {sheet.path}", file=sys.stderr)
    return 0


@command
def cmd_share(args: argparse.Namespace) -> int:
    """Write an anonymised bundle of your analysis for a mentor: aliases instead of names,
    shifted dates, the patterns notebook run again on that copy, and a leak scan before
    anything is written."""
    from ..sharing.bundle import ShareOptions, review, share

    options = ShareOptions(
        hide=tuple(args.hide or ()),
        drop_locations=args.drop_locations,
        months=args.months,
        drop_free_text=args.drop_free_text,
        keep=tuple(args.keep or ()),
        keep_columns=tuple(args.keep_column or ()),
    )
    ws = workspace_of(args)
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
    from ..sharing.mentor_notes import format_notes, mentor_notes

    print(format_notes(mentor_notes(workspace_of(args), args.file)))
    return 0
