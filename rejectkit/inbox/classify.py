"""What an email is: a rejection, an interview invitation, an application received, an offer, a
request for information, or not about a job; with one line saying why.

Rules and phrase lists, no model: the lists are plain text files, the kit's in
``rejectkit/inbox/phrases/*.txt`` and the user's own in ``<workspace>/inbox-phrases.txt``
(same format; a line ``!phrase`` drops a kit phrase). Hand-written because the decision must be
explainable in one line and extendable by the user without code, which a trained model is not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import RejectkitError
from .read import Email

__all__ = [
    "KINDS",
    "KIND_LABELS",
    "PHRASES",
    "USER_PHRASES",
    "Decision",
    "PhraseError",
    "Phrases",
    "classify",
    "load_phrases",
    "normalise",
]

KINDS = ("rejection", "offer", "invitation", "info_request", "received", "not_job")
KIND_LABELS = {
    "rejection": "rejection",
    "offer": "offer",
    "invitation": "interview invitation",
    "info_request": "request for information",
    "received": "application received",
    "not_job": "not about a job",
}
STAGE_KINDS = ("stage:final", "stage:interview", "stage:screening")
SECTIONS = (*KINDS[:-1], "job", *STAGE_KINDS)
PHRASES = Path(__file__).resolve().parent / "phrases"
USER_PHRASES = "inbox-phrases.txt"


class PhraseError(RejectkitError):
    """A phrase list that breaks the format."""


@dataclass(frozen=True)
class Decision:
    """What an email is (``kind``), the phrase that decided it, and the stage it names."""

    kind: str
    phrase: str = ""
    stage: str = ""
    why: str = ""

    def __str__(self) -> str:
        return self.why


@dataclass(frozen=True)
class Phrases:
    """Compiled phrase lists: one pattern per section."""

    patterns: dict[str, re.Pattern]
    counts: dict[str, int]
    any_kind: re.Pattern | None = None  # every phrase of every kind, to skip mail quickly

    def find(self, section: str, text: str) -> str:
        pattern = self.patterns.get(section)
        match = pattern.search(text) if pattern is not None else None
        return match.group(0) if match else ""


def normalise(text: str) -> str:
    """Text as phrases are matched: case folded, one kind of apostrophe, single spaces.

    >>> normalise("We’ve  decided\\nNOT to proceed")
    "we've decided not to proceed"
    """
    text = unicodedata.normalize("NFC", text).casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("´", "'").replace("ß", "ss")
    return " ".join(text.split())


def _pattern(phrases: list[str]) -> re.Pattern | None:
    if not phrases:
        return None
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = [re.escape(w) if w != "*" else r"[^.!?\n]{0,40}?" for w in phrase.split()]
        parts.append(r"\s+".join(words).replace(r"\s+[^.!?\n]{0,40}?\s+", r"\s+[^.!?\n]{0,40}?\s*"))
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


def _parse(text: str, name: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The phrases to add and to drop, by section, from one phrase file."""
    add: dict[str, list[str]] = {}
    drop: dict[str, list[str]] = {}
    section = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[] ").lower()
            if not line.endswith("]") or section not in SECTIONS:
                raise PhraseError(
                    f"{name}:{number}: {line!r} is not a section; the sections are "
                    f"{', '.join(f'[{s}]' for s in SECTIONS)}."
                )
            continue
        if section is None:
            raise PhraseError(
                f"{name}:{number}: the phrase {line!r} comes before any section; put a line "
                "such as [rejection] above it."
            )
        target = drop if line.startswith("!") else add
        phrase = normalise(line.lstrip("!"))
        if phrase.strip("* ") == "":
            raise PhraseError(f"{name}:{number}: {line!r} has no words to look for.")
        target.setdefault(section, []).append(phrase)
    return add, drop


def load_phrases(workspace: str | Path | None = None) -> Phrases:
    """The kit's phrase lists, plus the workspace's ``inbox-phrases.txt`` if it has one.

    >>> load_phrases().find("rejection", "we have decided not to move forward")
    'decided not to move forward'
    """
    user = Path(workspace) / USER_PHRASES if workspace is not None else None
    stamp = user.stat().st_mtime_ns if user is not None and user.is_file() else None
    return _load(str(user) if stamp is not None else "", stamp)


@lru_cache(maxsize=8)
def _load(user: str, stamp) -> Phrases:
    lists: dict[str, list[str]] = {s: [] for s in SECTIONS}
    for path in sorted(PHRASES.glob("*.txt")):
        add, _ = _parse(path.read_text("utf-8"), path.name)
        for section, phrases in add.items():
            lists[section] += phrases
    if user:
        add, drop = _parse(Path(user).read_text("utf-8-sig"), USER_PHRASES)
        for section, phrases in drop.items():
            lists[section] = [p for p in lists[section] if p not in set(phrases)]
        for section, phrases in add.items():
            lists[section] += phrases
    patterns = {s: p for s, ps in lists.items() if (p := _pattern(ps)) is not None}
    every = _pattern([p for kind in KINDS[:-1] for p in lists[kind]])
    return Phrases(patterns, {s: len(ps) for s, ps in lists.items()}, every)


def classify(email: Email, phrases: Phrases | None = None) -> Decision:
    """Decide what ``email`` is from its subject and its own words (not what it quotes).

    >>> from rejectkit.inbox.read import read_pasted
    >>> str(classify(read_pasted("Subject: Your application\\n\\nAfter your second interview "
    ...     "we have decided not to move forward.")))
    "rejection: 'decided not to move forward' (stage reached: interview, 'second interview')"
    """
    phrases = phrases or load_phrases()
    text = normalise(f"{email.subject}\n{email.text}")
    job = phrases.find("job", text)
    for kind in KINDS[:-1]:
        found = phrases.find(kind, text)
        if not found:
            continue
        if not job:
            why = (f"not about a job: {found!r} but no word of a job application "
                   "(application, role, interview, ...)")  # fmt: skip
            return Decision("not_job", why=why)
        if email.bulk and not _addressed(text):
            why = (f"not about a job: a mailing list or newsletter (it has an unsubscribe "
                   f"link), though it says {found!r}")  # fmt: skip
            return Decision("not_job", why=why)
        stage, said = _stage(phrases, text) if kind != "received" else ("", "")
        reached = f" (stage reached: {stage}, {said!r})" if stage else ""
        return Decision(kind, found, stage, f"{KIND_LABELS[kind]}: {found!r}{reached}")
    if email.bulk:
        return Decision("not_job", why="not about a job: a mailing list or newsletter")
    return Decision("not_job", why="not about a job: no phrase of the lists is in it")


def _addressed(text: str) -> bool:
    """An automated mail about the reader's own application, not a mailing about jobs."""
    return bool(re.search(r"\byour (?:application|candidacy)\b", text))


def _stage(phrases: Phrases, text: str) -> tuple[str, str]:
    for section in STAGE_KINDS:
        if said := phrases.find(section, text):
            return section.split(":")[1], said
    return "", ""
