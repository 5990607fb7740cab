"""A whole mail folder: an ``.mbox`` (Thunderbird's folders, Google Takeout), read one message
at a time so that a file of gigabytes never sits in memory.

The standard library's ``mailbox.mbox`` finds where each message starts (one pass over the
file, keeping only offsets) and hands each message's bytes over on request; the kit parses them
with the modern policy like a single ``.eml``.
"""

from __future__ import annotations

import mailbox
from collections.abc import Callable, Iterator
from email import message_from_bytes, policy
from pathlib import Path

from .read import Email, EmailError, from_message

__all__ = ["is_mbox", "read_mbox"]


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


def read_mbox(
    path: str | Path, *, progress: Callable[[int, int], None] | None = None
) -> Iterator[tuple[int, Email | EmailError]]:
    """Each message of the mbox at ``path`` as (its number from 1, the Email or why not).

    ``progress(done, total)`` is called every 200 messages and at the end.

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
            try:
                msg = message_from_bytes(box.get_bytes(key), policy=policy.default)
                yield number, from_message(msg, source=f"{Path(path).name} #{number}")
            except EmailError as e:
                yield number, e
            if progress is not None and (number % 200 == 0 or number == total):
                progress(number, total)
    finally:
        box.close()
