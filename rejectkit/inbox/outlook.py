"""Outlook's ``.msg`` files, read with extract-msg (the well-kept reader of the format)."""

from __future__ import annotations

from .maildate import parse_date
from .read import Email, EmailError, _build, from_message

__all__ = ["read_msg"]


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
            # The transport headers Outlook kept: the same reading as an .eml.
            from email import message_from_string, policy

            parsed = message_from_string(header.as_string(), policy=policy.default)
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
