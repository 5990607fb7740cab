"""The leak scan: every byte of every file of a bundle, searched for every identifying value.

A value hides in more spellings than its own: a notebook stores text JSON-escaped (``\\n``
between two words, ``\\u00eb`` for ``ë`` when ASCII-only), HTML escapes ``&`` and ``'``, a
link URL-encodes spaces as ``%20`` or ``+``, and a person may write ``OBrien``, ``Siobhan``
for ``Siobhán``, ``ZyxwvAnalytics`` or a name broken by a soft hyphen. Each file is read as
bytes and decoded twice: as it is, and with JSON escapes, HTML entities and URL encoding
undone. Both are folded by :func:`rejectkit.sharing.spelling.fold`, the normal form the
scrubber uses too, and searched for each value's :func:`~rejectkit.sharing.spelling.pattern`.
A base64 payload (a data URI, a notebook's picture) is not searched as letters, which spell
short names by chance, but replaced by the text it holds (:mod:`rejectkit.sharing.payloads`:
a PNG's text chunks, a JPEG's comments and EXIF, an SVG's text); an SVG is also read without
its tags. What a picture shows is not read (no OCR): the kit only ships pictures drawn from
the anonymised copy.

A hit names the file and the line (for a notebook, the cell and whether in its source or its
outputs) and the kind of value, never the value itself: the report may be shown or logged.

Some name parts are also everyday words ("Will", "May", "Grace"): a part that the kit's own
text uses as a word is searched only in the data files (where everything else is aliased),
else every kit sentence containing "will" would stop every export.
"""

from __future__ import annotations

import contextlib
import functools
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote_plus

from ..errors import RejectkitError
from .payloads import unpacked, untagged
from .spelling import fold, letters, normal, pattern

__all__ = ["Hit", "LeakError", "Needle", "common_words", "mask", "scan"]

DATA_SUFFIXES = (".csv",)
# A word starts after a non-letter, or after an escape that ends in a letter or digit. This is
# checked on each candidate (see _search): as a lookbehind ahead of the pattern it would be
# tried at every position of a large file.
_ESCAPE_BEFORE = re.compile(r"(?:\\[nrtbf]|\\u[0-9a-f]{4}|%[0-9a-f]{2})$")
_RUN = re.compile(r"[^\W_]+")
_RIGHT = r"(?![^\W_])"
_SVG = re.compile(r"<svg[\s>]", re.I)
_WORD = re.compile(r"[^\W\d_]+")
_ADDRESS = re.compile(r"@|://|^www\.|\w\.\w")
# JSON escapes; a line break written as an escape becomes a vertical tab, so that line numbers
# stay those of the file (the folding joins a hyphenated word across either).
_JSON_ESCAPE = re.compile(r'\\(?:u([0-9a-fA-F]{4})|([nrt])|(["\\/]))')
_BREAK = re.compile(r"<br\s*/?>", re.I)


@dataclass(frozen=True)
class Needle:
    """One value to look for; ``kind`` says in words what it is ("an organisation's name").

    ``everywhere`` False: look only in the data files (see the module docstring).
    """

    kind: str
    value: str
    everywhere: bool = True


@dataclass(frozen=True)
class Hit:
    """Where a value was found: a file of the bundle, a place in it, the kind, a masked form."""

    file: str
    where: str
    kind: str
    masked: str

    def __str__(self) -> str:
        return f"{self.file}, {self.where}: {self.kind} ({self.masked})"


class LeakError(RejectkitError):
    """The leak scan found identifying values in a bundle, so nothing was written."""

    def __init__(self, hits: list[Hit], message: str):
        self.hits = list(hits)
        super().__init__(message)


def mask(value: str) -> str:
    """The first and last letter of ``value`` with stars between, to say which one was found
    without repeating it.

    >>> mask("Northwind"), mask("Jo")
    ('N*******d', '**')
    """
    value = " ".join(value.split())
    return "*" * len(value) if len(value) <= 3 else value[0] + "*" * (len(value) - 2) + value[-1]


def _compile(value: str) -> tuple[re.Pattern, list[str]]:
    # The cheap test first: a file that holds none of these is skipped. The longest run of
    # letters and digits is in every spelling the folded, decoded text can hold.
    runs = _RUN.findall(fold(value))
    first = [max(runs, key=len)] if runs else [fold(value)]
    return re.compile(pattern(value) + _RIGHT), first


def _search(pattern: re.Pattern, text: str) -> re.Match | None:
    """The first match of ``pattern`` in ``text`` that starts a word."""
    for found in pattern.finditer(text):
        i = found.start()
        if i == 0 or not text[i - 1].isalnum() or _ESCAPE_BEFORE.search(text, max(0, i - 6), i):
            return found
    return None


def _json_char(m: re.Match) -> str:
    code, control, plain = m.groups()
    if code:
        c = chr(int(code, 16))
        # A lone surrogate half (an emoji in ASCII-only JSON) is no letter of a name.
        return " " if 0xD800 <= ord(c) <= 0xDFFF else c
    return {"n": "\x0b", "r": "\x0b", "t": " "}[control] if control else plain


def _decoded(text: str) -> str:
    """``text`` with JSON escapes, ``<br>``, HTML entities and URL encoding undone, line by
    line (a line break that decoding makes becomes a vertical tab)."""
    lines = []
    for line in text.split("\n"):
        if "\\" in line:
            line = _JSON_ESCAPE.sub(_json_char, line)
        if "<" in line:
            line = _BREAK.sub(" ", line)
        if "&" in line:
            line = html.unescape(line)
        if "%" in line or "+" in line:
            line = unquote_plus(line, errors="replace")
        lines.append(line.replace("\n", "\x0b"))
    return "\n".join(lines)


def _prepared(text: str) -> list[str]:
    """The folded forms of one text that the needles are searched in: as it is and decoded,
    with each base64 payload replaced by the text it holds, and an SVG's text without tags."""
    text = unpacked(text)
    forms = [text]
    decoded = _decoded(text)
    if decoded != text:
        forms.append(decoded)
    forms += [untagged(form) for form in forms if _SVG.search(form)]
    return [fold(form) for form in forms]


def _texts(raw: bytes, *, notebook: bool = False) -> list[str]:
    texts = [raw.decode("utf-8", errors="replace")]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        texts.append(raw.decode("utf-16", errors="replace"))
    elif "\ufffd" in texts[0]:
        texts.append(raw.decode("latin-1"))
    if notebook:
        # A notebook keeps a cell's text as a list of lines: "Naka-\n", "mura" are one word.
        with contextlib.suppress(ValueError):
            texts.append(json.dumps(_joined(json.loads(texts[0])), ensure_ascii=False))
    return [form for t in texts for form in _prepared(t)]


def _joined(part):
    if isinstance(part, list) and part and all(isinstance(s, str) for s in part):
        return "".join(part)
    if isinstance(part, list):
        return [_joined(p) for p in part]
    if isinstance(part, dict):
        return {k: _joined(v) for k, v in part.items()}
    return part


def scan(folder: str | Path, needles: list[Needle]) -> list[Hit]:
    """Search every file under ``folder`` for every needle; return the hits (none: clean).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "page.html").write_text("<p>Met\\n NORTHWIND&#39;s panel</p>")
    >>> [str(h) for h in scan(folder, [Needle("an organisation's name", "Northwind")])]
    ["page.html, line 2: an organisation's name (N*******d)"]
    """
    folder = Path(folder)
    compiled = [(n, *_compile(n.value)) for n in {normal(n.value): n for n in needles}.values()]
    hits: list[tuple[Hit, str]] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        is_data = path.suffix.lower() in DATA_SUFFIXES
        texts = _texts(path.read_bytes(), notebook=path.suffix == ".ipynb")
        for needle, spelled, first in compiled:
            if not (needle.everywhere or is_data):
                continue
            for text in texts:
                if not any(f in text for f in first):
                    continue
                found = _search(spelled, text)
                if found:
                    where = (
                        _notebook_place(path, spelled)
                        if path.suffix == ".ipynb"
                        else f"line {text.count(chr(10), 0, found.start()) + 1}"
                    )
                    hits.append((Hit(name, where, needle.kind, mask(needle.value)), needle.value))
                    break
    return _widest(hits)


def _widest(hits: list[tuple[Hit, str]]) -> list[Hit]:
    """One hit per place: a part found where its whole value is found says nothing more, nor
    does a second value with the same letters ("Lena Hartigan", "lena.hartigan")."""
    kept = []
    for i, (hit, value) in enumerate(hits):
        mine = letters(value)
        if not any(
            other.file == hit.file
            and other.where == hit.where
            and mine in letters(wider)
            and (mine != letters(wider) or j < i)
            for j, (other, wider) in enumerate(hits)
            if j != i
        ):
            kept.append(hit)
    return kept


def _notebook_place(path: Path, pattern: re.Pattern) -> str:
    try:
        nb = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return "somewhere in the file (it is not valid JSON)"
    places = []
    for i, cell in enumerate(nb.get("cells", [])):
        kind = cell.get("cell_type", "")
        for part in ("source", "outputs", "attachments", "metadata"):
            if part in cell and _holds(cell[part], pattern):
                what = f"{kind} source" if part == "source" else part
                places.append(f"cell {i + 1} ({what})")
    if not places and _holds({k: v for k, v in nb.items() if k != "cells"}, pattern):
        places.append("the notebook's metadata")
    return "; ".join(places) or "somewhere in the file"


def _holds(part, pattern: re.Pattern) -> bool:
    if isinstance(part, list) and all(isinstance(s, str) for s in part):
        part = "".join(part)
    texts = [part] if isinstance(part, str) else []
    texts += [json.dumps(part, ensure_ascii=a) for a in (True, False)]
    return any(_search(pattern, form) for t in texts for form in _prepared(t))


@functools.cache
def common_words(extra: str = "") -> frozenset[str]:
    """Words the kit itself writes (in lower case somewhere in its code and templates), with
    the month and day names, plus the words of ``extra`` (such as an empty HTML export)."""
    import calendar

    package = Path(__file__).resolve().parents[1]
    text = [extra]
    for path in package.rglob("*"):
        if path.suffix in (".py", ".j2", ".txt", ".md") and path.is_file():
            text.append(path.read_text("utf-8", errors="replace"))
    # Addresses, links and dotted names ("Lena@Northwind.example" in a docstring) are no prose.
    prose = " ".join(t for t in "\n".join(text).split() if not _ADDRESS.search(t))
    words = {fold(w) for w in _WORD.findall(prose) if w.islower()}
    words |= {
        fold(name)
        for names in (
            calendar.month_name,
            calendar.month_abbr,
            calendar.day_name,
            calendar.day_abbr,
        )
        for name in names
        if name
    }
    return frozenset(words)


def is_common(value: str, words: frozenset[str]) -> bool:
    """Whether ``value`` is one word that the kit's own text also uses."""
    tokens = normal(value).split()
    return len(tokens) == 1 and tokens[0] in words
