"""Your review of the names nobody listed: each candidate hidden or kept, before an export.

The candidates (:mod:`rejectkit.sharing.candidates`) are written with your decisions to
``.rejectkit/share/review.csv`` in the workspace (``candidate,decision,why,where,context``),
never into a bundle. ``decision`` is ``hide`` (replaced by a ``Person NN`` alias wherever it
appears), ``keep`` (shared as written: a tool, a town you do not mind) or empty (not reviewed
yet). ``rejectkit share`` refuses while a candidate has no decision; ``--hide NAME`` and
``--keep NAME`` decide on the command line, and the export remembers them in the same file.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, replace

import pandas as pd

from ..errors import RejectkitError
from ..store.schema import TABLES
from ..store.workspace import Workspace
from .candidates import Candidate, find_candidates
from .spelling import fold, normal

__all__ = [
    "REVIEW_FILE",
    "CandidatesError",
    "decisions",
    "gather",
    "remember",
    "unreviewed",
    "with_decisions",
    "write_review",
]

REVIEW_FILE = "share/review.csv"
_COLUMNS = ["candidate", "decision", "why", "where", "context"]
_DECISIONS = ("hide", "keep", "")


class CandidatesError(RejectkitError):
    """Free text holds words that may be names and that you have not reviewed yet."""

    def __init__(self, candidates: list[Candidate], path: str):
        self.candidates = list(candidates)
        listed = "\n".join(f"  - {c}" for c in self.candidates[:30])
        more = f"\n  ... and {len(candidates) - 30} more" if len(candidates) > 30 else ""
        n = len(candidates)
        super().__init__(
            f"Nothing was shared: your free text holds {n} word{'s' * (n != 1)} that may be a "
            f"name nobody listed, not reviewed yet:\n{listed}{more}\n"
            "Decide on each one: export again with --hide NAME (replaced by an alias "
            "everywhere) or --keep NAME (shared as written), repeating them as needed; or "
            f"write hide or keep in the decision column of {path} and export again. "
            "`rejectkit share --review` lists them; the share form has a hide/keep choice for "
            "each."
        )


@dataclass(frozen=True)
class _Decided:
    hide: tuple[str, ...]
    keep: tuple[str, ...]


def _path(ws: Workspace):
    return ws.path / ".rejectkit" / REVIEW_FILE


def decisions(ws: Workspace) -> dict[str, tuple[str, str]]:
    """``normal(candidate) -> (candidate, decision)`` from the workspace's review file."""
    path = _path(ws)
    if not path.exists():
        return {}
    try:
        frame = pd.read_csv(path, dtype="str", keep_default_na=False, encoding="utf-8")
    except (OSError, ValueError) as e:
        raise RejectkitError(
            f"{path} cannot be read ({e}). Run `rejectkit share --review` to write it again "
            "(move the broken file aside first)."
        ) from None
    if not {"candidate", "decision"} <= set(frame.columns):
        raise RejectkitError(
            f"{path} needs the columns candidate and decision; it has "
            f"{', '.join(frame.columns) or 'none'}. Move it aside and run `rejectkit share "
            "--review` to write it again."
        )
    out = {}
    for line, (value, decision) in enumerate(
        zip(frame["candidate"], frame["decision"], strict=True), 2
    ):
        decision = decision.strip().casefold()
        if decision not in _DECISIONS:
            raise RejectkitError(
                f"{path}, line {line}, column decision: {decision!r} is not a decision. Write "
                "hide (replace it by an alias), keep (share it as written) or leave it empty."
            )
        if value.strip():
            out[normal(value)] = (value.strip(), decision)
    return out


def with_decisions(ws: Workspace, options):
    """``options`` with the review file's hide and keep decisions added to its own."""
    found = decisions(ws)
    hide = [v for v, d in found.values() if d == "hide"]
    keep = [v for v, d in found.values() if d == "keep"]
    return replace(
        options,
        hide=tuple(dict.fromkeys([*options.hide, *hide])),
        keep=tuple(dict.fromkeys([*options.keep, *keep])),
    )


def gather(tables: dict[str, pd.DataFrame], columns: Iterable[tuple[str, str]], ordinary, roles=()):
    """The candidates of the scrubbed free text of ``tables`` (see :func:`find_candidates`);
    ``ordinary``: the words you write in lower case; ``roles``: the words of your roles."""
    from wordfreq import zipf_frequency

    from .candidates import TITLE_RARE

    # The words of your job titles ("Insights", "Officer") are shared as your roles anyway,
    # unless rare.
    ordinary = set(ordinary) | {w for w in roles if zipf_frequency(w, "en") >= TITLE_RARE}
    # A word you write in lower case is an ordinary word to you, unless it is rare in
    # English: a nickname typed once in lower case is still a nickname. (No example here: a
    # lower-case word of the kit's code is one of its common words, see leakscan.)
    ordinary = frozenset(w for w in ordinary if zipf_frequency(w, "en") >= 3.0)
    texts = []
    for name, column in sorted(columns):
        frame = tables[name]
        if column not in frame.columns:
            continue
        key = ["id"] if "id" in frame.columns else list(TABLES[name].key)
        ids = [" ".join(map(str, row)) for row in frame[key].itertuples(index=False)]
        for ident, text in zip(ids, frame[column], strict=True):
            texts.append((f"{TABLES[name].file}, {column} of {ident}", text))
    return find_candidates(texts, ordinary)


def unreviewed(found: list[Candidate], options) -> list[Candidate]:
    """The candidates that no hide or keep decision of ``options`` covers."""
    decided = {normal(v) for v in (*options.hide, *options.keep)}
    words = {fold(w) for v in decided for w in v.split()}
    return [
        c
        for c in found
        if normal(c.value) not in decided and not all(fold(w) in words for w in c.value.split())
    ]


def write_review(ws: Workspace, found: list[Candidate], options) -> str:
    """Write the review file: every candidate with its decision (empty when none), and the
    decisions taken before; return its path."""
    known = decisions(ws)
    for value in options.hide:
        known[normal(value)] = (value, "hide")
    for value in options.keep:
        known[normal(value)] = (value, "keep")
    rows = []
    for c in found:
        decision = known.pop(normal(c.value), ("", ""))[1]
        rows.append([c.value, decision, c.why, c.where, c.context])
    rows += [[value, decision, "", "", ""] for value, decision in known.values() if decision]
    buffer = io.StringIO()
    pd.DataFrame(rows, columns=_COLUMNS).to_csv(buffer, index=False, lineterminator="\n")
    ws.put_meta(REVIEW_FILE, buffer.getvalue().encode("utf-8"))
    return str(_path(ws))


def remember(ws: Workspace, options) -> None:
    """Keep the hide and keep decisions of an export for the next one."""
    if options.hide or options.keep:
        write_review(ws, [], options)
