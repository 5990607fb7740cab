"""An HTML-only email as the text a reader sees, with BeautifulSoup (already a dependency of
nbconvert, and tolerant of the broken HTML mail programs write)."""

from __future__ import annotations

import re

__all__ = ["html_to_text"]

_BLOCKS = ("p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "table", "blockquote")


def html_to_text(html: str) -> str:
    """The visible text of ``html``: one line per paragraph, quoted replies marked with ``>``.

    >>> html_to_text("<p>Dear Jo,</p><p>We <b>regret</b>&nbsp;to say no.</p><style>p{}</style>")
    'Dear Jo,\\n\\nWe regret to say no.'
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "head", "title"]):
        tag.decompose()
    # Gmail and Outlook put the mail being replied to in a blockquote or a gmail_quote div;
    # marked as a quote, it is kept apart from the email's own words like a plain-text reply.
    for quote in soup.select("blockquote, div.gmail_quote, div#appendonsend ~ *"):
        lines = quote.get_text("\n").split("\n")
        quote.replace_with("\n" + "\n".join(f"> {line}" for line in lines if line.strip()) + "\n")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    text = soup.get_text().replace("\xa0", " ")
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
