"""The list of the kit's pages on the start page, found rather than written down.

Every notebook named like ``04-patterns.ipynb`` next to the start page is a page; its title
is the first heading of its first markdown cell. A new notebook therefore appears on the
start page (in JupyterLab and in the app) without a change anywhere else. Links are relative,
so JupyterLab opens them in a new tab and Voila renders them as app pages.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote

__all__ = ["PATTERN", "Page", "Pages", "pages"]

# Two digits, a dash, a name: the numbered pages. The start page (00-) is not listed on itself;
# Untitled.ipynb and other scratch notebooks are not pages.
PATTERN = "[0-9][0-9]-*.ipynb"
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.M)


@dataclass(frozen=True)
class Page:
    name: str  # the file name, which is also the relative link
    title: str


def title_of(path: Path) -> str:
    """The first heading of the notebook's first markdown cell; else a title from its name.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "09-try-this.ipynb"
    >>> _ = p.write_text('{"cells": [{"cell_type": "markdown", "source": ["# Try *this*"]}]}')
    >>> title_of(p)
    'Try *this*'
    >>> _ = p.write_text("not json")
    >>> title_of(p)
    'Try this'
    """
    try:
        cells = json.loads(path.read_text("utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        cells = []
    for cell in cells:
        if isinstance(cell, dict) and cell.get("cell_type") == "markdown":
            source = cell.get("source", "")
            text = "".join(source) if isinstance(source, list) else str(source)
            if match := _HEADING.search(text):
                return match.group(1)
            break
    words = path.stem.split("-", 1)[-1].replace("-", " ").replace("_", " ")
    return words[:1].upper() + words[1:]


class Pages:
    """The pages found in a folder, shown in a notebook as a list of links."""

    def __init__(self, found: list[Page]):
        self.found = found

    def __iter__(self):
        return iter(self.found)

    def __len__(self) -> int:
        return len(self.found)

    def __repr__(self) -> str:
        return "\n".join(f"{p.title}: {p.name}" for p in self.found) or "No pages found."

    def _repr_html_(self) -> str:
        if not self.found:
            return "<p>No pages found next to this notebook.</p>"
        # Same tab: in the app a page replaces the start page, as on a website (the
        # renderer opens a new tab for every link that does not say otherwise); JupyterLab
        # opens the notebook in a tab of its own either way.
        items = "".join(
            f'<li><a href="{escape(quote(p.name))}" target="_self">{_inline(p.title)}</a></li>'
            for p in self.found
        )
        return f'<ul style="line-height:1.8">{items}</ul>'


def _inline(title: str) -> str:
    """A heading's text as HTML: escaped, with Markdown's *emphasis* and `code` kept."""
    html = escape(title)
    html = re.sub(r"`([^`]+)`", r"<code>\1</code>", html)
    html = re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", html)
    return re.sub(r"\*([^*]+)\*", r"<i>\1</i>", html)


def pages(folder: str | os.PathLike | None = None) -> Pages:
    """The kit's pages in ``folder`` (default: the notebook's own folder), in file order.

    >>> [p.name for p in pages("notebooks")][:2]
    ['01-log-applications.ipynb', '02-review-an-interview.ipynb']
    """
    root = Path(folder) if folder is not None else Path.cwd()
    found = [
        Page(path.name, title_of(path))
        for path in sorted(root.glob(PATTERN))
        if path.is_file() and not path.name.startswith("00-")
    ]
    return Pages(found)
