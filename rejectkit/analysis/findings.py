"""The shape every analysis result shares: plain sentences and the table behind them.

A result shows itself in a notebook (sentences as a list, then the table) and prints as text
on the command line, so the same object serves both.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

__all__ = ["Findings"]

# Column names as a reader sees them; analysis tables keep short names for code.
_WORDS = {
    "label": "Touchpoint",
    "rated": "Interviews rated",
    "mean": "Average",
    "recent": "Last three",
    "first": "First interviews",
    "latest": "Latest interviews",
    "compared": "Interviews compared",
    "change": "Change",
    "last_scores": "Last ratings",
    "passed_mean": "Passed: average",
    "passed_n": "Passed: interviews",
    "rejected_mean": "Rejected: average",
    "rejected_n": "Rejected: interviews",
    "difference": "Difference",
    "enough": "Enough to compare",
    "company": "Organisation",
    "held_on": "Interview date",
    "round": "Round",
    "score": "Your rating",
    "verdict": "What it means",
    "to_improve": "Feedback said",
    "changed_on": "Changed on",
    "change_text": "What you changed",
    "before_mean": "Before: average",
    "before_n": "Before: interviews",
    "after_mean": "After: average",
    "after_n": "After: interviews",
    "mentions": "Times mentioned",
    "question": "Question",
    "interviews": "Interviews",
    "gaps": "Gaps",
    "last_how": "Last time",
    "stories": "Stories told",
    "last_on": "Last asked",
    "asked": "Times asked",
    "strong": "Strong",
    "solid": "Solid",
    "gap": "Gap",
    "title": "Story",
    "told": "Times told",
    "passed": "Rounds passed",
    "rejected": "Rounds rejected",
    "rounds": "Rounds",
    "passed_share": "Share passed",
}


@dataclass
class Findings:
    """Sentences for the reader and the table they come from.

    >>> f = Findings("Example", ["One thing stands out."], pd.DataFrame({"mean": [3.0]}))
    >>> print(f)
    Example
    - One thing stands out.
    """

    title: str
    sentences: list[str]
    table: pd.DataFrame = field(default_factory=pd.DataFrame)
    warning: str = ""

    def shown(self) -> pd.DataFrame:
        """The table with columns in words, numbers rounded and missing values blank."""
        table = self.table.reset_index(drop=True)
        table = table[[c for c in table.columns if c in _WORDS]]
        for column in table.columns:
            if pd.api.types.is_float_dtype(table[column]):
                table[column] = table[column].round(1)
            elif pd.api.types.is_datetime64_any_dtype(table[column]):
                table[column] = table[column].dt.strftime("%Y-%m-%d")
        return table.rename(columns=_WORDS).astype(object).fillna("")

    def __str__(self) -> str:
        lines = [self.title]
        if self.warning:
            lines.append(f"Note: {self.warning}")
        lines += [f"- {s}" for s in self.sentences]
        return "\n".join(lines)

    def _repr_pretty_(self, printer, cycle: bool) -> None:
        # The notebook's plain-text view: the sentences, not the dataclass with its table.
        printer.text(str(self))

    def _repr_html_(self) -> str:
        # User text (company names, notes) sits in both parts: escape it all.
        parts = [f"<h4>{html.escape(self.title)}</h4>"]
        if self.warning:
            parts.append(f"<p><strong>Note:</strong> {html.escape(self.warning)}</p>")
        if self.sentences:
            items = "".join(f"<li>{html.escape(s)}</li>" for s in self.sentences)
            parts.append(f"<ul>{items}</ul>")
        shown = self.shown()
        if len(shown):
            parts.append(shown.to_html(index=False, escape=True, border=0))
        return "\n".join(parts)
