"""Your next-interview prep sheet: what to work on, what to keep doing, what feedback says.

The sheet is Markdown, so it reads as plain text, prints from any editor and shows in a
notebook. It is built only from your own tables; ``write_prep_sheet`` saves it as
``prep-sheet.md`` in the workspace each time the patterns notebook runs.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from ..dates import short_date
from .comparisons import feedback_themes
from .likely import likely_questions
from .stories import gap_kinds, question_table
from .touchpoints import (
    NO_INTERVIEWS,
    interview_table,
    num,
    plural,
    score_table,
    touchpoint_highlights,
    touchpoint_summary,
)

__all__ = ["PrepSheet", "prep_sheet", "write_prep_sheet"]

FILE = "prep-sheet.md"
TITLE = "# Your next-interview prep sheet"  # also what marks a file as a prep sheet
NOTES = 4  # notes quoted per touchpoint: the most recent, each once


@dataclass
class PrepSheet:
    """The sheet's Markdown text and where it was saved; shows itself in a notebook."""

    text: str
    path: Path | None = None

    def __str__(self) -> str:
        return self.text

    def _repr_pretty_(self, printer, cycle: bool) -> None:
        printer.text(self.text)

    def _repr_markdown_(self) -> str:
        saved = f"\n\n---\n*Saved to `{self.path}`: open it to print.*" if self.path else ""
        return self.text + saved


# A Markdown link, its destination allowed one level of balanced brackets as CommonMark does.
_LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?((?:[^()\s>]|\([^()]*\))*)>?(?:[^()]|\([^()]*\))*\)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]*:[^>\s]*)>")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _safe_link(m: re.Match) -> str:
    # A link the reader's viewer would follow to run code (javascript:, data:, vbscript:) or
    # to a file on their computer keeps only its words.
    url = m.group(3).strip()
    return m.group(0) if url.lower().startswith(_SAFE_SCHEMES) else m.group(2)


def _safe_autolink(m: re.Match) -> str:
    url = m.group(1)
    return m.group(0) if url.lower().startswith(_SAFE_SCHEMES) else url.replace(":", "\\:")


def _clean(text: str) -> str:
    """User text made safe inside one Markdown list item: one line, no HTML, and only
    http(s) and mailto links.

    >>> _clean("See [my CV](javascript:alert(1)) and [the ad](https://example.org/job)")
    'See my CV and [the ad](https://example.org/job)'
    """
    text = " ".join(str(text).split())
    text = _AUTOLINK.sub(_safe_autolink, _LINK.sub(_safe_link, text))
    return html.escape(text, quote=False)


def _notes(scores: pd.DataFrame, keys: list[str], column: str) -> pd.DataFrame:
    """The most recent distinct ``column`` notes for each of ``keys``, newest first."""
    notes = scores[scores["touchpoint"].isin(keys) & (scores[column].str.strip() != "")]
    notes = notes.assign(note=notes[column].map(_clean))
    notes = notes.sort_values("order", ascending=False, kind="stable")
    notes = notes.drop_duplicates(["touchpoint", "note"])
    return notes.groupby("touchpoint", sort=False).head(NOTES)


def _note_lines(notes: pd.DataFrame, key: str) -> list[str]:
    mine = notes[notes["touchpoint"] == key]
    return [
        f"- {short_date(d)}, {_clean(c)}: {n}"
        for d, c, n in zip(mine["held_on"], mine["company"].fillna(""), mine["note"], strict=True)
    ]


def prep_sheet(data, *, today: date, n: int = 3) -> str:
    """The prep sheet as Markdown: up to ``n`` touchpoints to work on (slipping first, then
    the weakest) with your own "do differently" notes, up to ``n`` to keep doing (strongest,
    then most improved) with your "keep doing" notes, and the touchpoints feedback keeps
    naming. From your question log: the questions likely to come up with the story to
    rehearse for each, and the kinds of question where your answers had gaps; last, your own
    "do differently" notes of your latest interviews.

    >>> from datetime import date
    >>> from rejectkit.store.workspace import Workspace
    >>> sheet = prep_sheet(Workspace("data/sample").read(), today=date(2026, 11, 20))
    >>> sheet.splitlines()[0]
    '# Your next-interview prep sheet'
    """
    scores = score_table(data)
    interviews = interview_table(data)
    lines = [TITLE, "", *_heading(data, scores, interviews, today)]
    if not scores["score"].notna().any():
        lines.append(
            NO_INTERVIEWS
            if not len(interviews)
            else "You have logged interviews but rated no touchpoint yet: rate them and this "
            "sheet fills in."
        )
        return "\n".join(lines) + "\n"
    summary = touchpoint_summary(data)
    highlights = touchpoint_highlights(data)
    work = list(dict.fromkeys(highlights.slipping + highlights.weakest))[:n]
    keep = [k for k in dict.fromkeys(highlights.strongest + highlights.improved) if k not in work][
        :n
    ]
    themes = feedback_themes(data)
    lines += _work_section(summary, scores, themes, work)
    lines += _keep_section(summary, scores, keep)
    lines += _feedback_section(themes)
    lines += _questions_section(data, today)
    lines += _differently_section(interviews)
    return "\n".join(lines).rstrip() + "\n"


def _heading(data, scores, interviews, today: date) -> list[str]:
    rated = scores[scores["score"].notna()]
    head = f"Prepared on {short_date(pd.Timestamp(today))}"
    if len(rated):
        count = plural(rated["interview_id"].nunique(), "rated interview")
        span = f"{short_date(rated['held_on'].min())} to {short_date(rated['held_on'].max())}"
        head += f" from your {count} ({span})"
    lines = [head + ".", ""]
    if data.demo:
        lines += ["*Built from the fictional demo data: start your own log to make it yours.*", ""]
    upcoming = interviews[interviews["held_on"] >= pd.Timestamp(today)]
    if len(upcoming):
        nxt = upcoming.iloc[0]
        what = [_clean(x) for x in (nxt["company"], nxt["round"]) if isinstance(x, str) and x]
        lines += [f"**Your next interview:** {', '.join([short_date(nxt['held_on']), *what])}.", ""]
    return lines


def _work_section(summary, scores, themes, work: list[str]) -> list[str]:
    lines = ["## Work on these", ""]
    if not work:
        lines += [
            "Nothing stands out as weak or slipping. Pick the touchpoint the next role leans "
            "on most, and rehearse it.",
            "",
        ]
    fixes = _notes(scores, work, "do_differently")
    for i, key in enumerate(work, 1):
        lines += [f"### {i}. {_clean(summary.at[key, 'label'])}", "", _numbers(summary.loc[key])]
        mine = _note_lines(fixes, key)
        if mine:
            lines += ["", "What you told yourself to do differently:", "", *mine]
        else:
            lines += ["", 'You left no "do differently" note for it yet: write one now.']
        said = themes[themes["touchpoint"] == key]
        if len(said):
            lines += ["", f'Feedback said: "{_clean(said["to_improve"].iloc[0])}"']
        lines.append("")
    return lines


def _questions_section(data, today: date) -> list[str]:
    lines = ["", "## Questions likely to come up, with your story for each", ""]
    likely = likely_questions(data, today=today)
    if not len(likely):
        return []  # no question log kept: the sheet stays as it was without one
    for r in likely.itertuples():
        story = (
            f"rehearse “{_clean(r.story)}” ({r.story_id})"
            if r.story
            else ("no story yet: write one in your story bank")
        )
        gaps = f"; {plural(r.gaps, 'gap')}" if r.gaps else ""
        lines.append(f'- "{_clean(r.question)}" ({_clean(r.why)}{gaps}): {story}.')
    gaps = gap_kinds(data).table
    gaps = gaps[gaps["gap"] > 0].head(3)
    if len(gaps):
        asked = question_table(data)
        lines += ["", "Kinds of question where your answers had gaps:", ""]
        for r in gaps.itertuples():
            last = asked[(asked["kind"] == r.kind) & (asked["how"] == "gap")]["question"].iat[-1]
            lines.append(
                f"- {_clean(r.label)}: {r.gap} of {plural(r.asked, 'answer')}, latest "
                f'"{_clean(last)}".'
            )
    return lines


def _differently_section(interviews: pd.DataFrame) -> list[str]:
    notes = interviews[interviews["do_differently"].str.strip() != ""].tail(NOTES)
    if not len(notes):
        return []
    lines = ["", "## What you said you would do differently", ""]
    return lines + [
        f"- {short_date(r.held_on)}, {_clean(r.company or '')}: {_clean(r.do_differently)}"
        for r in notes.iloc[::-1].itertuples()
    ]


def _keep_section(summary, scores, keep: list[str]) -> list[str]:
    lines = ["## Keep doing", ""]
    if not keep:
        lines += ["No touchpoint stands out as your strongest yet.", ""]
    kept = _notes(scores, keep, "keep_doing")
    for key in keep:
        lines += [f"### {_clean(summary.at[key, 'label'])}", "", _numbers(summary.loc[key]), ""]
        if mine := _note_lines(kept, key):
            lines += [*mine, ""]
    return lines


def _feedback_section(themes: pd.DataFrame) -> list[str]:
    lines = ["## What the feedback keeps mentioning", ""]
    if not len(themes):
        return [*lines, "No feedback names a touchpoint yet."]
    return lines + [
        f'- {_clean(label)} ({_times(int(m), on)}): "{_clean(t)}"'
        for label, m, on, t in zip(
            themes["label"],
            themes["mentions"],
            themes["latest_on"],
            themes["to_improve"],
            strict=True,
        )
    ]


def _times(n: int, on) -> str:
    return f"once, {short_date(on)}" if n == 1 else f"{n} times, latest {short_date(on)}"


def _numbers(row: pd.Series) -> str:
    text = f"Last ratings: {row['last_scores']} (average {num(row['recent'])})"
    text += f"; overall {num(row['mean'])}"
    if pd.notna(row["change"]):
        text += f"; change since your first interviews: {row['change']:+.1f}"
    return text + "."


def write_prep_sheet(
    data, path: str | os.PathLike | None = None, *, today: date, n: int = 3, force: bool = False
) -> PrepSheet:
    """Build the prep sheet and save it (by default as ``prep-sheet.md`` in the workspace);
    a folder ``path`` gets ``prep-sheet.md`` inside it. The file is replaced in one step, so
    it is never half-written. It never replaces a data file of the workspace, nor (without
    ``force``) a file that is not a prep sheet.

    >>> import tempfile
    >>> from datetime import date
    >>> from rejectkit.store.workspace import Workspace
    >>> data = Workspace("data/sample").read()
    >>> sheet = write_prep_sheet(data, tempfile.mkdtemp(), today=date(2026, 11, 20))
    >>> sheet.path.name
    'prep-sheet.md'
    """
    from ..store.outputs import write_output

    target = Path(path) if path is not None else Path(data.path)
    if target.is_dir():
        target = target / FILE
    text = prep_sheet(data, today=today, n=n)
    target = write_output(
        target, text.encode("utf-8"), signature=TITLE.encode(), force=force, workspace=data.path
    )
    return PrepSheet(text, target)
