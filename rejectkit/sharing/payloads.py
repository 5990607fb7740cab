"""The text inside encoded payloads, for the leak scan (issue 14): a name can hide in a
picture's metadata or in a data URI as well as in plain text.

:func:`unpacked` replaces every base64 payload of a text (``data:...;base64,`` URIs in HTML,
``image/png`` and other binary outputs of a notebook) by the text it holds:

- a PNG: its text chunks (``tEXt``, ``zTXt`` and ``iTXt``, compressed or not) and ``eXIf``;
- a JPEG: its segments before the picture data (comments, EXIF, XMP);
- SVG, XML, HTML, JSON and plain text: the text itself;
- anything else: its runs of six printable characters or more.

What a picture shows is not read: that needs OCR, and no well-kept OCR library installs from
PyPI without downloading models or needing a system program (Tesseract), so the kit relies on
drawing its charts from the anonymised copy only.

:func:`untagged` is an SVG's text with its tags taken out, so a name split over ``<tspan>``
elements reads as one word.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib

__all__ = ["unpacked", "untagged"]

_PAYLOAD = re.compile(
    r"(?:data:([\w.+-]+/[\w.+-]+)(?:;[\w.+-]+=[^;,\"'\s]*)*;base64,"
    r'|"(image/(?:png|jpeg|gif|webp|bmp)|application/pdf)":\s*")'
    r"([A-Za-z0-9+/=\\]+)",
    re.I,
)
_NOT_BASE64 = re.compile(r"\\[nrt]|[^A-Za-z0-9+/]")
# Tags inside a run of text are taken out ("Siob<tspan>han</tspan>" is one word); any other
# tag ends a word.
_INLINE_TAG = re.compile(r"</?(?:tspan|textpath|a|span|b|i|em|strong|sub|sup)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
_PRINTABLE = re.compile(rb"[\x20-\x7e]{6,}")
_TEXTUAL = ("svg", "xml", "html", "json", "text/")
# A compressed text chunk may not unpack to more than this (a "zip bomb" stops here).
_MAX_TEXT = 1 << 20
_PNG = b"\x89PNG\r\n\x1a\n"


def unpacked(text: str) -> str:
    """``text`` with each base64 payload replaced by the text it holds, on the same line.

    >>> unpacked('<img src="data:text/plain;base64,SGVsbG8gTGVuYQ==">')
    '<img src=" Hello Lena ">'
    """
    return _PAYLOAD.sub(_payload_text, text)


def untagged(svg: str) -> str:
    """The text of an SVG (or HTML) without its tags.

    >>> untagged('<p>Chart</p><text x="1">Len<tspan>a</tspan></text>')
    ' Chart  Lena '
    """
    return _TAG.sub(" ", _INLINE_TAG.sub("", svg))


def _payload_text(m: re.Match) -> str:
    mime = (m.group(1) or m.group(2)).lower()
    data = _NOT_BASE64.sub("", m.group(3))
    try:
        raw = base64.b64decode(data + "=" * (-len(data) % 4))
    except (ValueError, binascii.Error):
        return " "
    # One line: the scan counts lines in the text around the payload.
    return " " + _binary_text(mime, raw).replace("\r", " ").replace("\n", "\x0b") + " "


def _binary_text(mime: str, raw: bytes) -> str:
    if raw.startswith(_PNG):
        return _png_text(raw)
    if raw.startswith(b"\xff\xd8"):
        return _jpeg_text(raw)
    if any(t in mime for t in _TEXTUAL) or raw.lstrip()[:5] in (b"<?xml", b"<svg "):
        text = raw.decode("utf-8", errors="replace")
        return f"{text} {untagged(text)}" if "<" in text else text
    return " ".join(s.decode("ascii") for s in _PRINTABLE.findall(raw))


def _png_text(raw: bytes) -> str:
    out, i = [], len(_PNG)
    while i + 8 <= len(raw):
        length = int.from_bytes(raw[i : i + 4], "big")
        kind, body = raw[i + 4 : i + 8], raw[i + 8 : i + 8 + length]
        i += 12 + length
        key, _, rest = body.partition(b"\0")
        if kind == b"tEXt":
            out += [key.decode("latin-1"), rest.decode("latin-1")]
        elif kind == b"zTXt" and rest:
            out += [key.decode("latin-1"), _inflate(rest[1:]).decode("latin-1")]
        elif kind == b"iTXt" and len(rest) >= 2:
            compressed, rest = rest[0], rest[2:]
            language, _, rest = rest.partition(b"\0")
            translated, _, value = rest.partition(b"\0")
            value = _inflate(value) if compressed else value
            out += [v.decode("utf-8", errors="replace") for v in (key, language, translated, value)]
        elif kind == b"eXIf":
            out += [s.decode("ascii") for s in _PRINTABLE.findall(body)]
        elif kind == b"IEND":
            break
    return "\n".join(out)


def _jpeg_text(raw: bytes) -> str:
    segments, i = [], 2
    while i + 4 <= len(raw) and raw[i] == 0xFF:
        marker = raw[i + 1]
        if marker == 0xDA:  # the start of the picture data
            break
        if 0xD0 <= marker <= 0xD9 or marker in (0x01, 0xFF):
            i += 2 if marker != 0xFF else 1
            continue
        length = int.from_bytes(raw[i + 2 : i + 4], "big")
        segments.append(raw[i + 4 : i + 2 + length].decode("utf-8", errors="replace"))
        i += 2 + length
    return "\n".join(segments)


def _inflate(data: bytes) -> bytes:
    try:
        return zlib.decompressobj().decompress(data, _MAX_TEXT)
    except zlib.error:
        return b""
