"""Free text made safe to share: known names, emails, links and phone numbers become aliases.

A note like "Lena's team at NORTHWIND (lena@northwind.com, +44 20 7946 0000)" is scrubbed in
passes, each turning what it finds into a placeholder that later passes cannot touch: links,
then email addresses (and addresses spelled out, "Lena dot Hart at Northwind dot com"), then
dates (shifted like every other date, see :mod:`rejectkit.sharing.textdates`, and kept away
from the phone matcher, which would take 2026-05-04 or 03/05/2026 for a number), then street
addresses, then phone numbers, then every known value of the workspace. Known values match as
whole words (so ``Northwind's`` loses ``Northwind`` and keeps ``'s``) in every spelling that
:mod:`rejectkit.sharing.spelling` folds to one form: any case, accents or none, across line
breaks, soft hyphens and zero-width characters, with or without the apostrophe, the spaces or
the dots between their parts (``OBrien``, ``ZyxwvAnalytics``, ``Siobhan dot OBrien``). The
match is found in the folded text and replaced in the original.

Links are found with a scheme (``https://``), after ``www.``, or as a host with a common
top-level domain followed by a path (``linkedin.com/in/...``).

Phone numbers are found by the ``phonenumbers`` library (a port of Google's libphonenumber)
over several regions, so "+44 20 7946 0000", "(555) 010-9999" and "030 901820" are all found
without a hand-written pattern per country.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping

from .spelling import fold_map, letters, normal, pattern

__all__ = ["REGIONS", "Scrubber", "pattern_key", "patterns_in", "phone_key"]

# Countries whose numbering plans the matcher tries; a number written with its +country code
# is found whatever the region.
REGIONS = ("GB", "US", "DE", "FR", "IE", "NL", "BE", "ES", "IT", "CH", "AT", "CA", "AU", "IN")
# Fewer digits than this is a year, a salary or a count, not a phone number.
MIN_PHONE_DIGITS = 7

_TLDS = (
    "com|org|net|io|co|de|uk|fr|nl|eu|ch|at|be|es|it|ie|us|ca|au|in|se|dk|no|fi|pl|pt|cz|"
    "info|biz|dev|app|ai|me|jobs|careers|example"
)
_LINK = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"'()\[\]{}]+"
    # No scheme: a host ending in a common top-level domain, then a path (issue 14).
    rf"|(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS})/[^\s<>\"'()\[\]{{}}]*",
    re.I,
)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# An email address spelled out: "ana dot ruiz at example dot de", "ana.ruiz (at) example.de".
# It must end in a spelled or written dot and a top-level domain, so "met Ana at noon" is none.
_AT = r"(?:\s*[\[(]\s*(?:at|@)\s*[\])]\s*|\s+at\s+)"
_DOT = r"(?:\s*[\[(]\s*dot\s*[\])]\s*|\s+dot\s+|\.)"
_SPELLED_EMAIL = re.compile(
    rf"(?<![\w.])[\w'-]+(?:{_DOT}[\w'-]+)*{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[a-z]{{2,6}}(?![\w])",
    re.I,
)
_SPELLED_PARTS = re.compile(rf"({_AT})|{_DOT}", re.I)
# ... and it must spell something out: "applied at zyxwv.de" is a sentence, not an address.
_SPELLED_OUT = re.compile(r"\bdot\b|[\[(]", re.I)
# Street addresses, conservatively: a street name ending as German street names do, or a
# house number before capitalised words and an English street word; then a house number and,
# optionally, a postcode and a town. UK postcodes on their own ("SW1A 1AA") too.
_STREET_DE = r"(?i:stra(?:ß|ss)e|str\.|weg|allee|platz|gasse|damm|ufer|chaussee)"
_STREET_EN = r"(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Boulevard|Square|Terrace|Crescent)"
_ADDRESS = re.compile(
    rf"(?<![\w-])[A-ZÄÖÜ][\w.-]*{_STREET_DE}\s+\d{{1,4}}\s?[a-zA-Z]?(?![\w-])"
    rf"(?:,?\s+\d{{4,5}}\s+[A-ZÄÖÜ][\w-]+)?"
    rf"|(?<![\w-])\d{{1,5}}[A-Za-z]?,?\s+(?:[A-Z][\w'-]+\s+){{1,3}}{_STREET_EN}(?![\w])"
    r"|(?<![\w-])[A-Z]{1,2}\d[A-Z\d]?\s\d[ABD-HJLNP-UW-Z]{2}(?![\w-])"
)
_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_TRAILING = ".,;:!?"
_SPELLED_DOT = re.compile(r"\s+dot\s+", re.I)
_DIGITS = re.compile(r"\d")
# Placeholders are made of private-use characters only: no later pass can match inside one.
_OPEN, _CLOSE, _ZERO = "\ue000", "\ue001", 0xE100
_PLACEHOLDER = re.compile(f"{_OPEN}([{chr(_ZERO)}-{chr(_ZERO + 9)}]+){_CLOSE}")


def _links(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _LINK.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in _TRAILING:
            end -= 1
        spans.append((m.start(), end))
    return spans


def _phones(text: str) -> list[tuple[int, int]]:
    if len(_DIGITS.findall(text)) < MIN_PHONE_DIGITS:
        return []
    import phonenumbers

    found = set()
    for region in REGIONS:
        for m in phonenumbers.PhoneNumberMatcher(
            text, region, leniency=phonenumbers.Leniency.POSSIBLE
        ):
            if len(_DIGITS.findall(m.raw_string)) >= MIN_PHONE_DIGITS:
                found.add((m.start, m.end))
    # Regions disagree on where a number ends: keep the longest of overlapping matches.
    spans: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda s: (s[0], -s[1])):
        if spans and start < spans[-1][1]:
            if end > spans[-1][1]:
                spans[-1] = (spans[-1][0], end)
            continue
        spans.append((start, end))
    return spans


def phone_key(raw: str) -> str:
    """One spelling per phone number: E.164 when the number is written with its country code
    or is valid in one of :data:`REGIONS`, else its digits.

    >>> phone_key("+44 20 7946 0000"), phone_key("020 7946 0000")
    ('+442079460000', '+442079460000')
    """
    import phonenumbers

    e164 = phonenumbers.PhoneNumberFormat.E164
    for region in (None, *REGIONS) if raw.lstrip().startswith("+") else REGIONS:
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if region is None or phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, e164)
    return "".join(_DIGITS.findall(raw))


def patterns_in(text: str) -> list[tuple[str, str]]:
    """The links, email addresses (spelled out too), street addresses and phone numbers in
    ``text`` as ``(kind, as written)``.

    >>> patterns_in("see www.northwind.example/jobs, mail lena@northwind.example or call "
    ...     "+44 20 7946 0000.")  # doctest: +NORMALIZE_WHITESPACE
    [('link', 'www.northwind.example/jobs'), ('email', 'lena@northwind.example'),
     ('phone', '+44 20 7946 0000')]
    """
    out = []
    spans = _links(text)
    out += [("link", text[a:b]) for a, b in spans]
    rest = _blank(text, spans)
    for kind, found in (("email", _EMAIL), ("email", _SPELLED_EMAIL), ("address", _ADDRESS)):
        if kind == "address":
            rest = _ISO_DATE.sub(lambda m: " " * len(m.group()), rest)
        spans = [(m.start(), m.end()) for m in found.finditer(rest) if _counts(found, m)]
        out += [(kind, rest[a:b]) for a, b in spans]
        rest = _blank(rest, spans)
    out += [("phone", rest[a:b]) for a, b in _phones(rest)]
    return out


def pattern_key(kind: str, found: str) -> str:
    """The one spelling the alias map keeps of a value found by pattern: a phone number's
    :func:`phone_key`, an email address spelled out written as one, else as found.

    >>> pattern_key("email", "Ana dot Ruiz (at) example dot de")
    'Ana.Ruiz@example.de'
    """
    if kind == "phone":
        return phone_key(found)
    if kind == "email" and "@" not in found:
        return _SPELLED_PARTS.sub(lambda m: "@" if m.group(1) else ".", found)
    return found


def _counts(found: re.Pattern, m: re.Match) -> bool:
    return found is not _SPELLED_EMAIL or bool(_SPELLED_OUT.search(m.group()))


def _blank(text: str, spans) -> str:
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


class Scrubber:
    """Replaces identifying values in free text by their aliases, and counts what it replaced.

    ``literals`` maps the :func:`~rejectkit.sharing.spelling.normal` form of each known value (full
    names, name parts, email names, ...) to ``(kind, value, alias)``, where ``value`` is what
    the replacement is counted against (the full name for a part). ``pattern_alias(kind,
    text)`` gives the alias of a link, email or phone number found by pattern; ``shift(text,
    hold)`` moves the dates written in the text (a
    :class:`~rejectkit.sharing.textdates.DateShift`; None leaves dates alone).

    >>> s = Scrubber({normal("Northwind"): ("company", "Northwind", "Company 01")},
    ...     pattern_alias=lambda kind, text: f"{kind} alias")
    >>> s.scrub("NORTHWIND's panel; mail Lena@Northwind.example")
    "Company 01's panel; mail email alias"
    """

    def __init__(
        self,
        literals: Mapping[str, tuple[str, str, str]],
        *,
        pattern_alias: Callable[[str, str], str],
        shift: Callable[[str, Callable[[str], str]], str] | None = None,
    ):
        self.literals = dict(literals)
        self.pattern_alias = pattern_alias
        self.shift = shift
        self.counts: Counter[tuple[str, str]] = Counter()
        # Each spelling of a value leads back to it by its letters; values with the same
        # letters ("Ann Lee", "ann.lee") share a pattern, and the one written alike wins.
        self._by_letters: dict[str, list[str]] = {}
        for key in self.literals:
            self._by_letters.setdefault(letters(key), []).append(key)
        keys = sorted(self._by_letters, key=len, reverse=True)
        body = "|".join(pattern(self._by_letters[k][0]) for k in keys if k)
        # A whole word on both sides; "_" counts as a boundary, so case_study_Northwind loses it.
        self._known = re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])") if body else None

    def scrub(self, text: str, *, count: bool = True) -> str:
        """``text`` with every identifying value replaced."""
        if not text:
            return text
        out: list[str] = []

        def hold(replacement: str) -> str:
            out.append(replacement)
            return _OPEN + "".join(chr(_ZERO + int(d)) for d in str(len(out) - 1)) + _CLOSE

        def by_pattern(kind: str, found: str) -> str:
            if count:
                self.counts[(kind, found)] += 1
            return hold(self.pattern_alias(kind, found))

        text = _replace(text, _links(text), lambda s: by_pattern("link", s))
        text = _EMAIL.sub(lambda m: by_pattern("email", m.group()), text)
        text = _SPELLED_EMAIL.sub(
            lambda m: by_pattern("email", m.group()) if _counts(_SPELLED_EMAIL, m) else m.group(),
            text,
        )
        if self.shift is not None:
            text = self.shift(text, hold)
        text = _ADDRESS.sub(lambda m: by_pattern("address", m.group()), text)
        text = _replace(text, _phones(text), lambda s: by_pattern("phone", s))
        if self._known is not None:
            folded, starts = fold_map(text)
            found = self._known.finditer(folded)
            spans = [(starts[m.start()], starts[m.end() - 1] + 1) for m in found]
            text = _replace(text, spans, lambda s: self._literal(s, hold, count))

        def back(m: re.Match) -> str:
            return out[int("".join(str(ord(c) - _ZERO) for c in m.group(1)))]

        return _PLACEHOLDER.sub(back, text)

    def names_something(self, text: str) -> bool:
        """Whether scrubbing would change ``text`` (a role that names the organisation)."""
        return self.scrub(text, count=False) != text

    def _literal(self, found: str, hold, count: bool) -> str:
        keys = self._by_letters.get(letters(found))
        if keys is None:  # written with "dot" between its parts
            keys = self._by_letters[letters(_SPELLED_DOT.sub(".", found))]
        alike = (normal(found), normal(_SPELLED_DOT.sub(".", found)))
        key = next((k for k in keys if k in alike), keys[0])
        kind, value, alias = self.literals[key]
        if count:
            self.counts[(kind, value)] += 1
        return hold(alias)


def _replace(text: str, spans, make: Callable[[str], str]) -> str:
    for a, b in reversed(spans):
        text = text[:a] + make(text[a:b]) + text[b:]
    return text
