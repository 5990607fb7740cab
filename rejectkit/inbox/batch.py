"""Many emails at once: files given on the command line, and every message of an mbox.

One function behind ``rejectkit inbox``: each email is read, decided, matched and (when asked
and certain) applied, one save per email, so one undo takes back one email's changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from .apply import InboxPlan, apply_plan, plan_email
from .classify import classify, load_phrases
from .files import read_email
from .mbox import could_be_job_mail, is_mbox, read_mbox
from .read import EmailError
from .reply import thread_of

__all__ = ["draft_reply", "progress_line", "read_inbox", "report"]


def read_inbox(
    ws,
    paths: Iterable[str | Path],
    *,
    apply: bool = False,
    application_id: str = "",
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    reply: str = "",
) -> Iterator[InboxPlan | EmailError]:
    """Plan (and with ``apply`` write) each email of ``paths``; yield each plan, or the error
    that says why an email could not be read. Mail of an mbox that is about no job is
    skipped silently: a Takeout export is mostly not job mail. With ``reply`` (a tone:
    brief, warm, formal) each rejection applied gets its reply drafted in the outbox.

    >>> import tempfile
    >>> from rejectkit.store.location import init_workspace
    >>> ws = init_workspace(tempfile.mkdtemp() + "/w")
    >>> p = Path(tempfile.mkdtemp()) / "x.eml"
    >>> _ = p.write_text("From: a@b.example\\nSubject: Lunch?\\n\\nPizza at one?\\n")
    >>> [plan.decision.kind for plan in read_inbox(ws, [p])]
    ['not_job']
    """
    phrases = load_phrases(ws.path)

    def keep(data: bytes) -> bool:
        return phrases.any_kind is not None and could_be_job_mail(data, phrases.any_kind)

    for path in paths:
        path = Path(path)
        if is_mbox(path):
            for _, email in read_mbox(path, progress=progress, keep=keep):
                if isinstance(email, EmailError):
                    yield email
                    continue
                # Deciding first is cheap; only job mail is matched against the log.
                if classify(email, phrases).kind == "not_job":
                    continue
                yield _plan(ws, email, apply, "", today, reply)
            continue
        try:
            email = read_email(path)
        except EmailError as e:
            yield e
            continue
        yield _plan(ws, email, apply, application_id, today, reply)


def _plan(ws, email, apply: bool, application_id: str, today, reply: str) -> InboxPlan:
    plan = plan_email(ws, email, application_id=application_id, today=today)
    if apply and plan.about_a_job and not plan.needs_choice:
        apply_plan(ws, plan)
        if reply and plan.decision.kind == "rejection":
            plan.reply = str(draft_reply(ws, plan, tone=reply, today=today or date.today()))
    return plan


def draft_reply(ws, plan: InboxPlan, *, tone: str = "warm", today: date) -> Path:
    """Write the gracious reply to ``plan``'s email as an unsent ``.eml`` in the outbox:
    addressed to the application's contact (the sender, once applied), threaded under the
    email (In-Reply-To, References), quoting nothing of it. Returns its path."""
    from ..messages.drafts import draft_message
    from ..records.sent import write_eml

    draft = draft_message(ws.load(), "rejection_reply",
                          application_id=plan.application["id"], tone=tone)  # fmt: skip
    return write_eml(ws.path, draft.edited(**thread_of(plan.email)), today=today)


def report(found: InboxPlan | EmailError, *, apply: bool) -> tuple[str, bool]:
    """What the command line prints for one email, and whether the user must act on it."""
    if isinstance(found, EmailError):
        return f"error: {found}", True
    text = found.describe()
    if found.needs_choice:
        return text + "\n  not saved: choose the application with --application ID", True
    drafted = f"\n  reply drafted, addressed to the sender: {found.reply}" if found.reply else ""
    if found.applied and found.op is not None:
        saved = f"\n  saved as change {found.op} (`rejectkit undo` takes it back)"
        return text + saved + drafted, False
    if not apply and found.has_changes:
        return text + "\n  dry run: nothing was written; add --apply to save", False
    return text + drafted, False


def progress_line(stream) -> Callable[[int, int], None]:
    """A progress callback that rewrites one line of ``stream``: "Read 1,200 of 5,000 messages"."""

    def show(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        print(f"\rRead {done:,} of {total:,} messages", end=end, file=stream, flush=True)

    return show
