"""Outlook's ``.msg`` files, read with extract-msg (the well-kept reader of the format)."""

from __future__ import annotations

from .maildate import parse_date
from .read import Email, EmailError, _build, from_message

__all__ = ["read_msg"]

_KEPT = ("From", "To", "Subject", "Date", "Message-ID", "References", "In-Reply-To",
         "List-Unsubscribe", "List-Id", "Precedence")  # fmt: skip


def read_msg(data: bytes, name: str) -> Email:
    """An :class:`Email` from the bytes of an Outlook ``.msg`` file."""
    import extract_msg

    try:
        msg = extract_msg.openMsg(data, delayAttachments=True)
    except Exception as e:  # extract-msg raises many kinds for a damaged file
        raise EmailError(
            f"{name} could not be read as an Outlook message ({type(e).__name__}: {e}). Save the "
            "email again from Outlook, or save it as .eml, or paste its text."
        ) from None
    try:
        body = msg.body or ""
        if not body.strip() and getattr(msg, "htmlBody", None):
            from .html import html_to_text

            body = html_to_text(msg.htmlBody.decode("utf-8", "replace"))
        header = msg.header
        if header is not None and header.get("From"):
            # The transport headers Outlook kept: read like an .eml, with the body Outlook
            # stored (the headers may describe a multipart body that is not kept with them).
            from email.message import EmailMessage

            parsed = EmailMessage()
            for kept in _KEPT:
                for value in header.get_all(kept) or ():
                    parsed[kept] = str(value)
            # Headers extract-msg made up from the properties may leave some out.
            from email.utils import format_datetime

            known = {"Subject": msg.subject, "Message-ID": msg.messageId,
                     "Date": format_datetime(msg.date) if msg.date else ""}  # fmt: skip
            for kept, value in known.items():
                if kept not in parsed and value:
                    parsed[kept] = str(value)
            parsed.set_content(body)
            return from_message(parsed, source=name)
        sender = msg.sender or ""
        sent = msg.date
        return _build(
            source=name,
            body=body,
            subject=msg.subject or "",
            sender_name=sender.split("<")[0].strip(' "'),
            sender_email=(sender.partition("<")[2].rstrip(">") or sender).strip().lower(),
            sent=sent.date() if sent is not None else parse_date(str(msg.date or "")),
            message_id=(msg.messageId or "").strip(),
        )
    finally:
        msg.close()
