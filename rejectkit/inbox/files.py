"""An email as a file: a saved ``.eml`` (any mail program's "Save as"), an Outlook ``.msg``, a
single message saved as an mbox, or a text file of a pasted email. The file's bytes decide
how it is read, not only its name.
"""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

from .read import (
    Email,
    EmailError,
    decode_text,
    from_message,
    read_pasted,
    starts_with_mail_headers,
)

__all__ = ["MAX_BYTES", "read_email"]

# A saved job email is a few kilobytes; beyond this it is not one email (an mbox, a backup).
MAX_BYTES = 30_000_000


def read_email(path: str | Path, *, data: bytes | None = None) -> Email:
    """Read a saved email: ``.eml`` (or any RFC 5322 file), ``.msg`` (Outlook), or text.

    ``data`` is the file's content when it was uploaded rather than saved.

    >>> raw = (b"From: Ana Ruiz <ana@corvid.example>\\nSubject: Your application\\n"
    ...        b"Date: Tue, 3 Nov 2026 10:00:00 +0000\\n\\nUnfortunately we will not proceed.\\n")
    >>> e = read_email("reply.eml", data=raw)
    >>> e.sender_name, e.date.isoformat(), e.text
    ('Ana Ruiz', '2026-11-03', 'Unfortunately we will not proceed.')
    """
    path = Path(path)
    name = path.name
    if data is None:
        try:
            size = path.stat().st_size
        except OSError as e:
            raise EmailError(f"Cannot read {path}: {e.strerror or e}. Check the path.") from None
        _check_size(name, size)
        data = path.read_bytes()
    _check_size(name, len(data))
    if not data.strip():
        raise EmailError(f"{name} is empty: save the email again from your mail program.")
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # an OLE compound file: Outlook's .msg
        from .outlook import read_msg

        return read_msg(data, name)
    if path.suffix.lower() == ".msg":
        raise EmailError(
            f"{name} is not an Outlook message (it does not start like one). Save the email "
            "again from Outlook with File > Save As > Outlook Message Format."
        )
    if data.startswith(b"From ") and b"\n" in data:
        # One message saved as an mbox (Thunderbird's "Save As" of a single email does this).
        data = data.split(b"\n", 1)[1]
    if not _looks_like_headers(data):
        text = decode_text(data, name)
        return read_pasted(text, source=name)
    msg = message_from_bytes(data, policy=policy.default)
    return from_message(msg, source=name)


def _looks_like_headers(data: bytes) -> bool:
    return starts_with_mail_headers(data[:2000].decode("latin-1"))


def _check_size(name: str, size: int) -> None:
    if size > MAX_BYTES:
        raise EmailError(
            f"{name} is {size / 1e6:.0f} MB, more than the {MAX_BYTES // 1_000_000} MB one email "
            "may be (a large attachment?). Save the email without its attachments, or paste its "
            "text; a whole mail folder is read as an .mbox file."
        )
