"""Names nobody listed (issue 14): words of free text that look like a name and are no common
word, found before an export so that you hide or keep each one.

The scrubber only replaces values the kit knows (the names of your log's columns and the
names you hide); a nickname written only in a note ("Shiv"), an organisation named only in
feedback or your own name in a subject line would go through. So every free text, already
scrubbed, is read word by word, and a word is a *candidate* when it is

- capitalised in mid-sentence, or just after ``Mr``, ``Ms``, ``Dr``, ``with``, ``from``,
  ``at``, ``by``, ``to``, ``called``, ``named`` or ``met``;
- capitalised at the start of a sentence and rare in English, or before "said", "told", ...;
- capitalised in a title (most words capitalised: a role, a subject line) and rare;
- written in capitals (an acronym) and rare, or written in lower case and very rare;
- a postcode with a town ("10117 Berlin");

and it is no *ordinary* word: not a word the kit itself writes, nor one your own notes write
in lower case, nor a month or a day, nor one of :data:`~rejectkit.sharing.wordlists.CAPITALISED`
(tools and languages that notes capitalise). Neighbouring candidates make one phrase
("Priya Raman"). How rare a word is comes from ``wordfreq``, whose word lists ship inside the
package (nothing is downloaded): a hand-written list of names would never be complete, and a
frequency list also tells "Shiv" from "Shift".

The figures on a labelled set of notes are printed by ``tests/test_share_candidates.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .spelling import fold, normal
from .wordlists import CAPITALISED

__all__ = ["Candidate", "find_candidates", "is_rare"]

# Zipf frequencies (log10 of uses per billion words): 3 is "once in a million words".
START_RARE = 3.9  # a capitalised first word of a sentence rarer than this
TITLE_RARE = 3.5  # a capitalised word of a title ("Senior Insights Analyst") rarer than this
MID_COMMON = 5.6  # mid-sentence, a capitalised word as common as this is a Title Case word
CAPS_RARE = 3.0
LOWER_RARE = 1.5
_CUES = {"mr", "mrs", "ms", "miss", "dr", "prof", "with", "from", "at", "by", "to", "called"}
_CUES |= {"named", "met", "and", "sir", "dear", "hi", "hello", "thanks"}
# A first word of a sentence followed by one of these is someone ("David told me ...").
_SAYS = {"said", "says", "told", "tells", "asked", "asks", "mentioned", "thinks", "thought"}
_SAYS |= {"wrote", "emailed", "called", "explained", "suggested", "offered", "replied", "from"}
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "st", "eg", "ie", "vs", "etc", "approx"}
_ALIAS = re.compile(
    r"\b(?:Company|Contact|Person|Role|Place|Address|Email|Domain|Phone|Link)\s+\d+\b"
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*")
_POSTCODE_TOWN = re.compile(r"(?<![\w-])\d{4,5}\s+[A-ZÄÖÜ][^\W\d_]{2,}(?:[- ][A-Z][^\W\d_]+)?")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n•*>\"“(\[]|\s[-–—])\s*$")


@dataclass(frozen=True)
class Candidate:
    """A word or phrase of free text that may be a name: as written, why it was picked, where
    it first appears (file, column, record) and the words around it there."""

    value: str
    why: str
    where: str
    context: str

    def __str__(self) -> str:
        return f"{self.value!r} ({self.why}; {self.where}: ...{self.context}...)"


def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def is_rare(word: str, below: float = START_RARE) -> bool:
    """Whether ``word`` is rarer in English than ``below`` (a Zipf frequency).

    >>> is_rare("Shiv"), is_rare("Honestly")
    (True, False)
    """
    return _zipf(fold(word)) < below


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start]
    if not before.strip():
        return start == 0 or "\n" in before or not text[:start].strip()
    if _SENTENCE_END.search(before):
        # "Dr. Shiv", "e.g. Python": a dot after an abbreviation ends no sentence.
        last = re.findall(r"([^\W\d_]+)\.\s*$", before)
        return not (last and last[-1].casefold() in _ABBREVIATIONS)
    return False


def _why(
    word: str, *, start: bool, cue: bool, says: bool, title: bool, ordinary: frozenset[str]
) -> str | None:
    key = fold(word)
    key = key[:-2] if key.endswith("'s") else key
    if len(key) < 2 or key in ordinary or key in CAPITALISED:
        return None
    zipf = _zipf(key)
    if word.isupper():
        return "a rare word in capitals" if len(key) >= 3 and zipf < CAPS_RARE else None
    if word[0].isupper():
        if cue and zipf < MID_COMMON + 1:
            return "capitalised after a word that introduces a name"
        if start and says and zipf < MID_COMMON:
            return "capitalised, before a word that says someone spoke"
        if start or title:
            rare = TITLE_RARE if title and not start else START_RARE
            return "capitalised and rare in English" if zipf < rare else None
        return "capitalised in mid-sentence" if zipf < MID_COMMON else None
    if len(key) >= 4 and zipf < LOWER_RARE:
        return "a word rare in English"
    return None


def _found_in(text: str, ordinary: frozenset[str]) -> Iterable[tuple[str, str, int]]:
    """``(phrase, why, start)`` for each candidate of one text."""
    text = _ALIAS.sub(lambda m: "\ue000" * len(m.group()), text)
    run: list[tuple[re.Match, str | None]] = []

    def flush():
        # A phrase runs from its first candidate to its last ("The Brightline Foods team").
        picked = [i for i, (_, why) in enumerate(run) if why]
        if picked:
            first, last = run[picked[0]][0], run[picked[-1]][0]
            yield text[first.start() : last.end()], run[picked[0]][1], first.start()
        run.clear()

    previous = ""
    words = list(_WORD.finditer(text))
    # A title (a role, a subject line) capitalises its words: only rare ones stand out.
    title = len(words) > 1 and sum(w.group()[0].isupper() for w in words) > 0.6 * len(words)
    for i, m in enumerate(words):
        word = m.group()
        gap = text[run[-1][0].end() : m.start()] if run else ""
        joins = run and word[0].isupper() and re.fullmatch(r" ?[&-]? ?| ", gap)
        if not joins:
            yield from flush()
        start = _starts_sentence(text, m.start())
        cue = fold(previous) in _CUES and not start
        nxt = words[i + 1] if i + 1 < len(words) else None
        after = fold(nxt.group()) if nxt and not text[m.end() : nxt.start()].strip() else ""
        why = _why(word, start=start, cue=cue, says=after in _SAYS, title=title, ordinary=ordinary)
        if word[0].isupper() or why:
            run.append((m, why))
        else:
            yield from flush()
        previous = word
    yield from flush()
    for m in _POSTCODE_TOWN.finditer(text):
        yield m.group(), "a postcode and a town", m.start()


def find_candidates(
    texts: Iterable[tuple[str, str]], ordinary: frozenset[str] = frozenset()
) -> list[Candidate]:
    """The candidates of ``(where, text)`` pairs, one per spelling (:func:`normal`), in the
    order first found. ``ordinary``: folded words that are no names to you.

    >>> found = find_candidates([("notes of A0001", "Talked with Shiv; the Zoom call "
    ...     "went well. Next week Priya Raman decides.")])
    >>> [c.value for c in found]
    ['Shiv', 'Priya Raman']
    """
    from .leakscan import common_words

    ordinary = ordinary | common_words()
    seen: dict[str, Candidate] = {}
    read: set[str] = set()
    for where, text in texts:
        # A text read once says the same again; its first place is the one listed.
        if not text or not text.strip() or text in read:
            continue
        read.add(text)
        for phrase, why, start in _found_in(text, ordinary):
            key = normal(phrase)
            if key not in seen:
                context = " ".join(text[max(0, start - 30) : start + len(phrase) + 30].split())
                seen[key] = Candidate(" ".join(phrase.split()), why, where, context)
    return list(seen.values())
