"""The sent log: what the kit records when the user marks a message as sent.

Marking a feedback request as sent also records in ``feedback.csv`` that feedback was
requested, and when; a message to a contact counts as a check-in and moves their next one on.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..messages.drafts import KIND_LABELS, MAILER, Draft, eml_bytes
from .reminders import check_in

__all__ = ["record_sent", "sent_for", "write_eml"]

OUTBOX = "outbox"


def record_sent(ws, draft: Draft, *, sent_on: date) -> str:
    """Add the draft to ``messages.csv`` as sent on ``sent_on``; return the new id.

    A feedback request also sets ``requested_on`` of the application's open feedback row (the
    first one without ``received_on``), or adds a feedback row; a message to a contact moves
    that contact's check-in dates on.

    >>> import shutil, tempfile
    >>> from rejectkit.store.workspace import Workspace
    >>> ws = Workspace(shutil.copytree("data/sample", tempfile.mkdtemp() + "/w"))
    >>> d = Draft("Thanks", "Thank you.", "Lena", "", "rejection_reply", "brief", "A0001")
    >>> record_sent(ws, d, sent_on=date(2026, 11, 25))
    'M0010'
    """
    day = sent_on.isoformat()
    label = KIND_LABELS.get(draft.kind, draft.kind)
    # The message, the feedback request and the check-in are one change: one undo.
    with ws.transaction(f"Sent: {label}") as tx:
        new_id = ws.add(
            "messages",
            {
                "application_id": draft.application_id,
                "contact_id": draft.contact_id,
                "kind": draft.kind,
                "tone": draft.tone,
                "to_name": draft.to_name,
                "to_email": draft.to_email,
                "subject": draft.subject,
                "sent_on": day,
            },
        )
        if draft.kind == "feedback_request" and draft.application_id:
            _feedback_requested(ws, draft.application_id, day)
        if draft.contact_id:
            check_in(ws, draft.contact_id, today=sent_on)
        tx.message = f"Sent: {label} ({new_id})"
    return new_id


def _feedback_requested(ws, application_id: str, day: str) -> None:
    feedback = ws.current("feedback")
    open_rows = feedback.loc[
        (feedback["application_id"] == application_id) & (feedback["received_on"] == "")
    ]
    if not len(open_rows):
        ws.add("feedback", {"application_id": application_id, "requested_on": day})
        return
    row = open_rows.iloc[0]
    # A second request keeps the first date: the sent log holds the later one, and the
    # due list counts from the latest of both.
    if row["requested_on"] == "":
        ws.update("feedback", row["id"], {"requested_on": day}, expected={"requested_on": ""})


def sent_for(data, application_id: str) -> str:
    """One line saying which messages were already sent for an application, or ""."""
    sent = data.tables.get("messages")
    if sent is None or not len(sent):
        return ""
    mine = sent.loc[sent["application_id"] == application_id].sort_values("sent_on")
    if not len(mine):
        return ""
    parts = [
        f"{KIND_LABELS.get(k, k).lower()} on {d}"
        for k, d in zip(mine["kind"], mine["sent_on"], strict=True)
    ]
    return "Already sent: " + "; ".join(parts) + "."


def write_eml(workspace: Path, draft: Draft, *, today: date) -> Path:
    """Write the draft as an ``.eml`` file in ``<workspace>/outbox/``; return its path."""
    from ..errors import SaveError
    from ..store.durable import reason
    from ..store.outputs import write_output

    folder = Path(workspace) / OUTBOX
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise SaveError(
            f"Could not create the folder {folder} for the draft: {reason(e)}. Nothing was "
            "written; make the workspace writable and try again."
        ) from None
    who = draft.application_id or draft.contact_id or "message"
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", f"{today.isoformat()}-{draft.kind}-{who}")
    path = folder / f"{stem}.eml"
    return write_output(path, eml_bytes(draft), signature=MAILER, workspace=workspace)
