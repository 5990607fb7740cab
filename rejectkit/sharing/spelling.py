"""One normal form for every spelling of a name, shared by the alias map, the scrubber and the
leak scan (issue 14): what one of them counts as the same name, the others do too.

:func:`fold` turns text into the form that two spellings of one name share:

- Unicode compatibility forms are undone (NFKD: full-width ``ＮＡＫＡＭＵＲＡ``, ligatures,
  the no-break space), and accents dropped (``Siobhán``, typed or NFD-encoded, is
  ``Siobhan``);
- case is folded (``Weiß`` is ``WEISS``; the dotless ``ı`` is ``i``);
- format characters (soft hyphen, zero-width space and joiners, the byte-order mark) and
  the dollar signs of mathtext (``$S$iobhan``) are removed, and curly apostrophes and
  dashes are written ``'`` and ``-``;
- a word broken at a line end with a hyphen (``Naka-\\nmura``) is joined again.

:func:`pattern` is the regex of a value in that form: its runs of letters and digits with
any short separator between them, or none (marks before the first run or after the last
must be there: ``/home`` is no ``home``): ``O'Brien`` matches ``OBrien``, ``O Brien`` and
``O’Brien``; ``Zyxwv Analytics`` matches ``ZyxwvAnalytics`` and ``Zyxwv-Analytics``;
``Siobhan.OBrien`` matches ``Siobhan dot OBrien``. Boundaries are the caller's.

The kit's own lower-case words count as common words for the leak scan, so no example here
shows a name in lower case.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "fold_map", "letters", "normal", "pattern"]

_APOSTROPHES = "\u2018\u2019\u201b\u02bc\u02b9\u2032\u0060\u00b4\uff07"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
# A hyphen at the end of a line between two letters: the word goes on on the next line.
# (A vertical tab is how the leak scan writes a line break it decoded from an escape.)
_BROKEN = re.compile(r"(?<=[^\W\d_])-[ \t]*(?:\r\n?|\n|\x0b)[ \t]*(?=[^\W\d_])")
_RUN = re.compile(r"[^\W_]+")
# Between two runs of a value: nothing, whitespace (a line break too) around at most two
# marks (``&``, ``'``, ``.``, ``-``), or a spelled-out dot. Placeholders (private-use
# characters, see scrub) are never crossed.
SEP = r"(?:\s*+[^\w\s\ue000-\uf8ff]{0,2}+\s*+|\s+dot\s+)"


class _Table(dict):
    """``str.translate`` table filled on demand: each character's folded form."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        if c in _APOSTROPHES:
            out = "'"
        elif c in _DASHES:
            out = "-"
        elif unicodedata.category(c) == "Cf" or c == "$":
            # A dollar opens mathtext in a chart label: "$S$iobhan" draws a name (issue 14).
            out = ""
        else:
            parts = unicodedata.normalize("NFKD", c)
            out = "".join(p for p in parts if unicodedata.category(p) not in ("Mn", "Me"))
            out = out.casefold().replace("\u0131", "i")
        self[code] = out
        return out


_TABLE = _Table()


def fold(text: str) -> str:
    """The normal form of ``text`` (see the module docstring).

    >>> fold("Siobha\\u0301n O\\u2019Brien") == fold("SIOBHAN O'BRIEN")
    True
    >>> fold("WEIß") == fold("Weiss"), fold("Ｎａｋａ\\u00admura") == fold("Naka-\\nMura")
    (True, True)
    """
    return _BROKEN.sub("", str(text).translate(_TABLE))


def fold_map(text: str) -> tuple[str, list[int]]:
    """:func:`fold` of ``text`` and, for each of its characters, the index in ``text`` of the
    character it comes from (so a match in the folded text can be replaced in the original).

    >>> fold_map("Aß!")
    ('ass!', [0, 1, 1, 2])
    """
    chars, starts = [], []
    for i, c in enumerate(text):
        out = _TABLE[ord(c)]
        chars.append(out)
        starts += [i] * len(out)
    folded = "".join(chars)
    for m in reversed(list(_BROKEN.finditer(folded))):
        folded = folded[: m.start()] + folded[m.end() :]
        del starts[m.start() : m.end()]
    return folded, starts


def normal(value: str) -> str:
    """:func:`fold`, with runs of whitespace made one space and none at the ends: the key of
    a value in the alias map.

    >>> normal("  Tell me   ABOUT yourself ")
    'tell me about yourself'
    """
    return " ".join(fold(value).split())


def letters(value: str) -> str:
    """Only the letters and digits of the folded value: the one form all its spellings share.

    >>> letters("O'Brien") == letters("OBRIEN"), letters("@A-B c.d")
    (True, 'abcd')
    """
    return "".join(_RUN.findall(fold(value)))


def pattern(value: str) -> str:
    """The regex of ``value`` in every spelling, to search in folded text (no boundaries).

    >>> spelled = re.compile(pattern("Siobhán O'Brien"))
    >>> [bool(spelled.fullmatch(fold(t))) for t in ("SIOBHAN OBRIEN", "Siobhan\\n O’Brien",
    ...     "SiobhanOBrien", "Siobhan Brien")]
    [True, True, True, False]
    """
    folded = fold(value).strip()
    runs = _RUN.findall(folded)
    if not runs:
        return re.escape(folded)
    # Marks before the first run or after the last are part of the value ("/home").
    lead = folded[: folded.index(runs[0])]
    trail = folded[folded.rindex(runs[-1]) + len(runs[-1]) :]
    return re.escape(lead) + SEP.join(re.escape(run) for run in runs) + re.escape(trail)
