"""Reading a file to import: a CSV export or an Excel ``.xlsx`` sheet, every cell as text."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import ImportFileError
from ..store.csvread import read_table
from ..store.schema import Table

__all__ = ["Source", "read_source"]


@dataclass
class Source:
    """A file to import as read: its header, its rows as text, and the line of each row."""

    name: str
    columns: list[str]
    frame: pd.DataFrame
    lines: np.ndarray
    notices: list[str] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    sheet: str = ""


# Reading -----------------------------------------------------------------------------------


def read_source(path: str | Path, *, sheet: str | None = None, data: bytes | None = None) -> Source:
    """Read a CSV or ``.xlsx`` file to import; every cell as text.

    ``data`` gives the file's bytes when they did not come from disk (an upload); ``path``
    then only names it.

    >>> src = read_source("tracker.csv", data=b"Company,Job Title\\nNorthwind,Analyst\\n")
    >>> src.columns, src.frame["Job Title"].tolist(), src.lines.tolist()
    (['Company', 'Job Title'], ['Analyst'], [2])
    """
    path = Path(path)
    if data is None:
        if not path.is_file():
            raise ImportFileError(
                f"There is no file {path}; give the path of a .csv or .xlsx file."
            )
        data = path.read_bytes()
    if path.suffix.lower() in (".xlsx", ".xlsm") or data[:4] == b"PK\x03\x04":
        return _read_xlsx(path.name, data, sheet)
    if path.suffix.lower() == ".xls":
        raise ImportFileError(
            f"{path.name} is an old Excel .xls file; open it in Excel or LibreOffice and save "
            "it as .xlsx or as CSV UTF-8, then import that."
        )
    return _read_csv(path.name, data)


def _read_csv(name: str, data: bytes) -> Source:
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "source.csv"
        file.write_bytes(data)
        # A table with no known columns: the kit's reader keeps the file's own header names
        # and brings its tolerance (BOM, cp1252, UTF-16, ; or tab) and exact line numbers.
        raw = read_table(file, Table("source", ()))
    # The reader speaks of saving the file back; an import only reads it, so keep what was
    # found and drop what only matters for a workspace file.
    said = [n.split(": ", 1)[-1] for n in raw.notices]
    noise = ("starts with a byte-order mark", "lines end in", "kept column", "read header")
    notices = [n.split("; ")[0] for n in said if not n.startswith(noise)]
    problems = [(p.line, p.message) for p in raw.problems]
    if raw.problems and not len(raw.frame.columns):
        raise ImportFileError(f"{name}: line {raw.problems[0].line}: {raw.problems[0].message}")
    frame = raw.frame.apply(lambda col: col.str.strip())
    return Source(name, list(frame.columns), frame, raw.lines, notices, problems)


def _read_xlsx(name: str, data: bytes, sheet: str | None) -> Source:
    import io
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise ImportFileError(f"{name} is not a readable .xlsx workbook ({e}).") from e
    sheets = list(book.sheetnames)
    if sheet is None:
        ws = book.worksheets[0]
    elif sheet in sheets:
        ws = book[sheet]
    else:
        raise ImportFileError(
            f"{name} has no sheet {sheet!r}; its sheets are {', '.join(map(repr, sheets))}."
        )
    rows = [
        (n, [_cell_text(v) for v in row]) for n, row in enumerate(ws.iter_rows(values_only=True), 1)
    ]
    book.close()
    rows = [(n, cells) for n, cells in rows if any(cells)]
    # A title such as "My applications 2026" often sits above the header: the header is the
    # first row with at least two filled cells.
    start = next((k for k, (_, cells) in enumerate(rows) if sum(map(bool, cells)) >= 2), None)
    if start is None:
        raise ImportFileError(f"{name}: the sheet {ws.title!r} has no header row with columns.")
    (header_line, header), body = rows[start], rows[start + 1 :]
    width = max(i + 1 for i, c in enumerate(header) if c)
    columns = [c or f"column {i + 1}" for i, c in enumerate(header[:width])]
    if twice := sorted({c for c in columns if columns.count(c) > 1}):
        raise ImportFileError(
            f"{name}: row {header_line} of sheet {ws.title!r} names the column {twice[0]!r} "
            "twice; rename one of them."
        )
    problems = [
        (n, f"cells hold {next(v for v in c[width:] if v)!r} but that column has no header")
        for n, c in body
        if any(c[width:])
    ]
    body = [(n, c) for n, c in body if not any(c[width:])]
    cells = [(c + [""] * width)[:width] for _, c in body]
    frame = (
        pd.DataFrame(cells, columns=columns, dtype="str")
        if cells
        else pd.DataFrame({c: pd.Series([], dtype="str") for c in columns})
    )
    notices = [f"read sheet {ws.title!r} of {', '.join(map(repr, sheets))}"]
    if start:
        notices.append(f"took row {header_line} as the header, above it is a title")
    lines = np.array([n for n, _ in body], dtype=np.int64)
    return Source(name, columns, frame, lines, notices, problems, sheets, ws.title)


def _cell_text(value) -> str:
    # A date typed into Excel is stored as a date, so it is never ambiguous: write it as ISO.
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
