"""The reply to an email read into the log: addressed to its sender, threaded under it."""

from __future__ import annotations

from .read import Email

__all__ = ["thread_of"]


def thread_of(email: Email) -> dict[str, str]:
    """The ``in_reply_to`` and ``references`` a reply to ``email`` carries, for
    :class:`rejectkit.messages.drafts.Draft`; empty when the email has no Message-ID or was
    forwarded (the original's Message-ID is not in a forward, so nothing could thread).

    >>> thread_of(Email(message_id="<b@x.example>", references=("<a@x.example>",)))
    {'in_reply_to': '<b@x.example>', 'references': '<a@x.example>'}
    """
    if not email.message_id or email.forwarded:
        return {}
    return {"in_reply_to": email.message_id, "references": " ".join(email.references)}
