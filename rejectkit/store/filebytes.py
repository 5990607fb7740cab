"""Reading the bytes of one data file safely: only a plain file (never through a link, never
a folder or a device), only once it stands still, and with the stamp a save checks before it
replaces the file (see transaction.py); then decoding them (UTF-8, its byte-order mark,
UTF-16, Windows-1252) into the UTF-8 the parser reads.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from .durable import stat_key as _stat_key
from .durable import written_by_us

__all__ = ["SETTLE_NS", "Dialect", "decode", "file_stamp", "read_steady"]


@dataclass(frozen=True)
class Dialect:
    """How a file was written, so that saving keeps the user's spreadsheet happy."""

    encoding: str = "utf-8"
    bom: bool = False
    delimiter: str = ","
    newline: str = "\n"


# How often a file that changes while it is read is read again before it is refused, and how
# long a file just written by another program is left to settle before it is believed.
_READ_TRIES = 6
SETTLE_NS = 50_000_000


def file_stamp(path: Path, data: bytes | None = None) -> tuple:
    """What ``path`` is now: (inode, size, mtime_ns, hash), or ("absent",).

    A save compares this with the stamp taken when the file was read, just before it
    replaces the file: another program's write in between is never overwritten.
    """
    try:
        st = os.stat(path)
        if data is None:
            data = Path(path).read_bytes()
    except FileNotFoundError:
        return ("absent",)
    return (*_stat_key(st), hashlib.blake2b(data, digest_size=16).digest())


def _stamp(key: tuple, data: bytes, hashed: bool) -> tuple:
    # Only a save (which reads with ``settle``) compares stamps; a plain read skips the hash.
    return (*key, hashlib.blake2b(data, digest_size=16).digest()) if hashed else key


def read_steady(path: Path, out, settle: bool = True) -> bytes | None:
    """The bytes of ``path`` once they stand still; None (with a problem added to ``out``, a
    RawTable, or for a missing file) when the file cannot be read as a data file.

    A file is read again when its size, modification time or inode changed during the read,
    and a file another program wrote within the last 50 ms is given that long to finish: a
    program that rewrites the file in place is not caught half-way (one that pauses longer
    than that in the middle of writing can be, and the check before the save's rename then
    refuses to overwrite what it writes next).
    """
    file = out.file
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        out.exists, out.stamp = False, ("absent",)
        return None
    except OSError as e:
        out.problem(1, "", f"the file cannot be read ({e.strerror}); check its permissions")
        return None
    if stat.S_ISLNK(st.st_mode):
        out.problem(
            1,
            "",
            f"{file} is a symbolic link (to {os.readlink(path)}); the kit reads and saves "
            "only plain files in the workspace, so that a save never replaces the link or "
            f"writes through it: put a copy of the file there instead of the link",
        )
        return None
    if stat.S_ISDIR(st.st_mode):
        out.problem(
            1,
            "",
            f"{file} is a folder, not a file; move or rename the folder, and the kit "
            "creates the file again (empty) on the next save",
        )
        return None
    if not stat.S_ISREG(st.st_mode):
        out.problem(1, "", f"{file} is not a plain file; put a CSV file there")
        return None
    for attempt in range(_READ_TRIES):
        try:
            with open(path, "rb") as f:
                before = os.fstat(f.fileno())
                data = f.read()
            after = os.stat(path)
        except OSError as e:
            out.problem(1, "", f"the file cannot be read ({e.strerror}); check its permissions")
            return None
        key = _stat_key(after)
        steady = _stat_key(before) == key and len(data) == after.st_size
        young = time.time_ns() - after.st_mtime_ns if settle else SETTLE_NS
        if steady and (written_by_us(path) == key or not 0 <= young < SETTLE_NS):
            out.stamp = _stamp(key, data, settle)
            return data
        time.sleep((SETTLE_NS - young) / 1e9 if steady and young > 0 else 0.02 * (attempt + 1))
        if steady and _stat_key(os.stat(path)) == key:
            out.stamp = _stamp(key, data, settle)
            return data
    out.problem(
        1,
        "",
        "another program kept changing the file while the kit read it; close that program "
        "(or wait until it has saved), then try again",
    )
    return None


def decode(raw: bytes, out) -> tuple[bytes | None, Dialect]:
    """Return the file as UTF-8 bytes and the encoding to write back, or None after a problem."""
    file = out.file
    if raw.startswith(b"\xef\xbb\xbf"):
        out.notices.append(
            f"{file}: starts with a byte-order mark (Excel's 'CSV UTF-8'); read "
            "fine, and kept when saving"
        )
        return raw[3:], Dialect(bom=True)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        out.notices.append(
            f"{file}: read as UTF-16 (Excel's 'Unicode text'); saved back the same way"
        )
        return raw.decode("utf-16").encode("utf-8"), Dialect(encoding="utf-16")
    if (nul := raw.find(b"\x00")) >= 0:
        line = raw.count(b"\n", 0, nul) + 1
        out.problem(
            line,
            "",
            "the file holds NUL bytes, so it is not a text CSV file (was a "
            "spreadsheet saved under a .csv name?); save it as 'CSV UTF-8' and try again",
        )
        return None, Dialect()
    try:
        # isascii() is a fast scan; only other text pays for a full decode to check it.
        if not raw.isascii():
            raw.decode("utf-8")
        return raw, Dialect()
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        out.problem(
            line,
            "",
            f"byte 0x{raw[e.start]:02x} is neither UTF-8 nor Windows-1252 "
            "text; save the file as 'CSV UTF-8' and try again",
        )
        return None, Dialect()
    out.notices.append(
        f"{file}: read as Windows-1252 (Excel's plain 'CSV'); it will be saved "
        "back as UTF-8 with a byte-order mark, which Excel also opens"
    )
    return text.encode("utf-8"), Dialect(bom=True)
