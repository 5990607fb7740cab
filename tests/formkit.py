"""Helpers for the form tests: the files as bytes and rows, and every HTML text a form shows."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from rejectkit.store.schema import TABLES

# The forms' "today" in every test: a few days after the demo's last interview.
TODAY = date(2026, 11, 25)


def snapshot(path: Path) -> dict[str, bytes]:
    """Every file of a workspace, byte for byte."""
    return {t.file: (Path(path) / t.file).read_bytes() for t in TABLES.values()}


def rows(path: Path, table: str) -> list[dict[str, str]]:
    """The rows of one file as written, read back with the csv module (not the kit)."""
    text = (Path(path) / TABLES[table].file).read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def last(path: Path, table: str) -> dict[str, str]:
    return rows(path, table)[-1]


def widgets(root):
    """Every widget under ``root`` (a widget, or a form with ``.widget``)."""
    root = getattr(root, "widget", root)
    seen, stack = [], [root]
    while stack:
        node = stack.pop()
        seen.append(node)
        stack.extend(getattr(node, "children", ()))
    return seen


def html_texts(root) -> list[str]:
    """The value of every HTML widget a form shows."""
    import ipywidgets as w

    return [node.value for node in widgets(root) if isinstance(node, w.HTML | w.HTMLMath)]
