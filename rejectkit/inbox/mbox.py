"""A whole mail folder: an ``.mbox`` (Thunderbird's folders, Google Takeout), read one message
at a time so that a file of gigabytes never sits in memory.

The standard library's ``mailbox.mbox`` finds where each message starts (one pass over the
file, keeping only offsets) and hands each message's bytes over on request; the kit parses them
with the modern policy like a single ``.eml``.
"""

from __future__ import annotations

import html
import mailbox
import re
from collections.abc import Callable, Iterator
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from pathlib import Path

from .read import Email, EmailError, from_message

__all__ = ["could_be_job_mail", "is_mbox", "read_mbox"]

_TAG = re.compile(r"<[^>]*>")


def is_mbox(path: str | Path) -> bool:
    """True for a file that starts like an mbox (a ``From `` line) with more than one message
    or an ``.mbox`` name."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            head = f.read(5)
    except OSError:
        return False
    return head == b"From " and (path.suffix.lower() in (".mbox", ".mbx", "") or
                                 path.stat().st_size > 1_000_000)  # fmt: skip


def could_be_job_mail(data: bytes, pattern: re.Pattern) -> bool:
    """False only for a message in whose subject and text (quotes included) ``pattern`` (every
    phrase of every kind) finds nothing, so the full reading could find no phrase either.

    The modern policy parses every header into objects, which costs ten times what the
    legacy parser does; a Takeout export is mostly mail about no job, so each message is
    first looked at as cheaply as ``mailbox.mbox`` itself does (the legacy parser, tags
    stripped by a regular expression rather than BeautifulSoup), and only a message with
    a phrase in it is read in full.
    """
    from .classify import normalise

    msg = message_from_bytes(data)  # the legacy policy: headers stay strings
    try:
        subject = str(make_header(decode_header(msg.get("subject", ""))))
    except (LookupError, ValueError, UnicodeError):
        subject = str(msg.get("subject", ""))
    texts = [subject]
    for part in msg.walk():
        if part.get_content_maintype() != "text":
            continue
        raw = part.get_payload(decode=True) or b""
        charset = part.get_content_charset() or "utf-8"
        try:
            text = raw.decode(charset, "replace")
        except LookupError:
            text = raw.decode("utf-8", "replace")
        if part.get_content_subtype() == "html":
            text = html.unescape(_TAG.sub(" ", text))
        texts.append(text)
    return pattern.search(normalise("\n".join(texts))) is not None


def read_mbox(
    path: str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    keep: Callable[[bytes], bool] | None = None,
) -> Iterator[tuple[int, Email | EmailError]]:
    """Each message of the mbox at ``path`` as (its number from 1, the Email or why not).

    ``progress(done, total)`` is called every 200 messages and at the end; ``keep(bytes)``,
    if given, skips the messages for which it is False before they are read in full.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "Inbox.mbox"
    >>> _ = p.write_bytes(b"From x@y Mon Nov  2 10:00:00 2026\\nFrom: a@b.example\\n"
    ...     b"Subject: Hi\\n\\nHello.\\n")
    >>> [(n, e.subject) for n, e in read_mbox(p)]
    [(1, 'Hi')]
    """
    box = mailbox.mbox(str(path), create=False)
    try:
        keys = box.keys()
        total = len(keys)
        for number, key in enumerate(keys, 1):
            data = box.get_bytes(key)
            if keep is not None and not keep(data):
                if progress is not None and (number % 200 == 0 or number == total):
                    progress(number, total)
                continue
            try:
                msg = message_from_bytes(data, policy=policy.default)
                yield number, from_message(msg, source=f"{Path(path).name} #{number}")
            except EmailError as e:
                yield number, e
            if progress is not None and (number % 200 == 0 or number == total):
                progress(number, total)
    finally:
        box.close()
