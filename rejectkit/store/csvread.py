"""Reading and writing one workspace CSV file: every cell as text, tolerant of what spreadsheets
do, strict about structure, and precise about where a problem is.

Reading has a fast path and a careful path. The fast path lets pandas' C parser read the file
after a vectorised scan of the raw bytes has proved that every record has the right number of
fields; the same scan gives the physical line of every record, which stays true when quoted
cells span several lines. When the scan finds anything odd (a short or long row, an unbalanced
quote), the careful path re-reads the file with the standard library's csv module, record by
record, to say exactly which line is wrong. Neither library alone does both: pandas is fast but
pads short rows silently and reports logical rather than physical lines, and csv is exact but
six times slower on a large log.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import Problem
from .filebytes import Dialect, decode, read_steady
from .schema import Table

__all__ = ["Dialect", "RawTable", "empty_table", "read_table", "tidy_header"]

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_MERGE_MARKER = re.compile(rb"^(?:<{7}|={7}|>{7})(?:[ \r\n]|$)", re.M)
_DELIMITERS = {",": "commas", ";": "semicolons", "\t": "tabs"}
_CONTENT = re.compile(rb"[^ \t\r\n,;]")
_NON_SPACE = re.compile(rb"\S")


@dataclass
class RawTable:
    """One file as read: text cells, the physical line of each row, and what was noticed."""

    table: Table
    frame: pd.DataFrame
    lines: np.ndarray
    dialect: Dialect = field(default_factory=Dialect)
    notices: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    exists: bool = True
    # What the file was when read (see file_stamp); a save checks it is still that file.
    stamp: tuple | None = None
    # Whether the file could not be read whole (its own problems say why): the files that
    # refer to it are then not checked against its ids.
    broken: bool = False

    @property
    def file(self) -> str:
        return self.table.file

    def problem(self, line: int, column: str, message: str) -> None:
        self.problems.append(Problem(self.file, int(line), column, message))


def tidy_header(name: str) -> str:
    """The column name a header cell means: case, stray and invisible spaces ignored.

    >>> tidy_header(" Applied\u00a0On\u200b")
    'applied_on'
    """
    name = unicodedata.normalize("NFKC", name).translate(_ZERO_WIDTH)
    return re.sub(r"[\s\-]+", "_", name.strip()).lower()


@functools.cache
def _empty_frame(names: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype="str") for c in names})


def empty_table(table: Table, *, exists: bool = False) -> RawTable:
    # Built once per table: every read starts from it. A shallow copy is safe to change
    # under pandas' copy-on-write.
    frame = _empty_frame(table.names).copy(deep=False)
    return RawTable(table, frame, np.zeros(0, dtype=np.int64), exists=exists)


def read_table(
    path: Path, table: Table, *, data: bytes | None = None, settle: bool = False
) -> RawTable:
    """Read ``path`` as the file of ``table``; problems and notices are collected, not raised.
    ``data`` is the file's bytes when the caller has read them already. ``settle`` (for a
    save, which writes the file back) gives a file another program has just written time to
    be finished (see :func:`~rejectkit.store.filebytes.read_steady`).

    >>> from rejectkit.store.schema import TABLES
    >>> raw = read_table(Path("data/sample/applications.csv"), TABLES["applications"])
    >>> raw.problems
    []
    """
    out = _read_table(Path(path), table, data, settle)
    out.broken = bool(out.problems)
    return out


def _read_table(path: Path, table: Table, data: bytes | None, settle: bool) -> RawTable:
    out = empty_table(table, exists=True)
    if data is None:
        raw = read_steady(path, out, settle)
        if raw is None:
            return out
    else:
        raw = data
    data, dialect = decode(raw, out)
    if data is None:
        return out
    # A search stops at the first real byte; strip() would copy a large file first.
    if not _CONTENT.search(data):
        what = "only empty rows" if _NON_SPACE.search(data) else "nothing"
        out.problem(
            1,
            "",
            f"the file holds {what}; it needs at least the header row: {','.join(table.names)}",
        )
        return out
    has_marker = b"<<<<<<<" in data or b"=======" in data or b">>>>>>>" in data
    if has_marker and (m := _MERGE_MARKER.search(data)):
        line = data.count(b"\n", 0, m.start()) + 1
        out.problem(
            line,
            "",
            f"a git merge-conflict marker ({m.group().strip().decode()}) is "
            "here; keep the version you want, delete the marker lines, then run "
            "`rejectkit check` again",
        )
        return out
    newline = "\r\n" if b"\r\n" in data[: data.find(b"\n") + 1] else "\n"
    if b"\n" not in data and b"\r" in data:
        # Lines ended by CR alone (Excel for Mac's "CSV (Macintosh)"): read as LF, and a CR
        # inside a quoted cell is a line break there too, as that Excel meant it.
        data, newline = data.replace(b"\r", b"\n"), "\r"
        out.notices.append(
            f"{table.file}: lines end in CR alone (Excel for Mac's 'CSV (Macintosh)'); read "
            "fine, and saved back the same way"
        )
    delimiter = _pick_delimiter(data, table)
    dialect = Dialect(dialect.encoding, dialect.bom, delimiter, newline)
    out.dialect = dialect
    if dialect.newline == "\r\n":
        out.notices.append(
            f"{table.file}: lines end in CR LF (Windows style); read fine, and "
            "saved back the same way"
        )
    if delimiter != ",":
        out.notices.append(
            f"{table.file}: columns are separated by {_DELIMITERS[delimiter]}, "
            "not commas; read fine, and saved back the same way"
        )
    _parse(data, out)
    return out


def _header_cells(data: bytes, delimiter: str) -> list[str]:
    end = data.find(b"\n")
    first = (data if end < 0 else data[:end]).rstrip(b"\r").decode("utf-8")
    return next(csv.reader([first], delimiter=delimiter), [])


def _pick_delimiter(data: bytes, table: Table) -> str:
    # csv.Sniffer guesses from character frequencies and often picks a letter or a space in
    # short files; the header row of a known table tells far more reliably.
    known = set(table.names)
    best, best_score = ",", -1
    for d in _DELIMITERS:
        cells = _header_cells(data, d)
        score = sum(tidy_header(c) in known for c in cells) * 2 + (len(cells) > 1)
        if score > best_score:
            best, best_score = d, score
    return best


def _parse(data: bytes, out: RawTable) -> None:
    table, file = out.table, out.file
    header = _header_cells(data, out.dialect.delimiter)
    names = _name_columns(header, out)
    if names is None:
        return
    scan = _scan(data, out.dialect.delimiter, len(names))
    frame = None
    if scan is not None:
        lines, maybe_empty, blank, multiline, longest = scan
        frame = _fast_frame(data, names, out.dialect.delimiter, blank.any(), multiline, longest)
        # The scan counts records by LF alone; a parser that also ends records at a lone CR
        # (an old Mac file) would see more, so such a file is read the careful way.
        if len(frame) != len(lines):
            frame = None
    if frame is None:
        rows, lines = _careful_rows(data, out, len(names))
        frame = pd.DataFrame(
            {n: pd.array([r[i] for r in rows], dtype="str") for i, n in enumerate(names)}
        )
        maybe_empty = np.ones(len(frame), dtype=bool)
    lines = np.asarray(lines, dtype=np.int64)
    empty = _empty_rows(frame, maybe_empty)
    if empty.any():
        count = int(empty.sum())
        out.notices.append(f"{file}: dropped {count} empty row{'s' * (count != 1)}")
        frame, lines = frame.loc[~empty].reset_index(drop=True), lines[~empty]
    frame = _drop_unnamed(frame, lines, out)
    for column in table.names:
        if column not in frame.columns:
            frame[column] = pd.Series([""] * len(frame), dtype="str")
    out.frame, out.lines = frame, lines


def _name_columns(header: list[str], out: RawTable) -> list[str] | None:
    table, file = out.table, out.file
    known = set(table.names)
    names, renamed = [], []
    for i, cell in enumerate(header):
        tidy = tidy_header(cell)
        if tidy in known:
            names.append(tidy)
            if cell != tidy:
                renamed.append(f"{cell!r} as {tidy!r}")
        else:
            names.append(cell.strip() if cell.strip() else f"\x00unnamed{i}")
    if renamed:
        out.notices.append(f"{file}: read header {', '.join(renamed)}")
    extra = [n for n in names if n not in known and not n.startswith("\x00")]
    if extra:
        out.notices.append(
            f"{file}: kept column{'s' * (len(extra) > 1)} the kit does not use "
            f"({', '.join(map(repr, extra))}) as they are"
        )
    seen: dict[str, int] = {}
    ok = True
    for i, n in enumerate(names):
        if n in seen:
            out.problem(
                1,
                n,
                f"the header names column {n!r} twice (columns {seen[n] + 1} and "
                f"{i + 1}); delete or rename one of them",
            )
            ok = False
        seen.setdefault(n, i)
    missing = [c for c in table.required if c not in seen]
    for c in missing:
        out.problem(
            1,
            c,
            f"required column {c!r} is missing from the header; the header has "
            f"{', '.join(repr(h) for h in header)}, and {table.file} needs "
            f"{', '.join(table.required)}",
        )
    return names if ok and not missing else None


def _fast_frame(
    data: bytes,
    names: list[str],
    delimiter: str,
    blank_lines: bool,
    multiline: bool,
    longest: int = 0,
) -> pd.DataFrame:
    """Parse a file whose structure the scan has checked, every cell as text.

    pyarrow's CSV reader builds the text columns natively, five times quicker than pandas'
    C parser on a large log; pandas reads the rare file with blank lines, which pyarrow
    either errors on or skips without a trace, and the scan needs every record kept.
    """
    if blank_lines:
        frame = pd.read_csv(
            io.BytesIO(data), sep=delimiter, header=0, dtype="str", keep_default_na=False,
            skip_blank_lines=False, encoding="utf-8", quotechar='"', doublequote=True,
            index_col=False,
        )  # fmt: skip
        frame.columns = names
        return frame.fillna("")  # blank lines read as missing cells
    import pyarrow as pa
    import pyarrow.csv as pcsv

    columns = [f"c{i}" for i in range(len(names))]
    # pyarrow parses in blocks of 1 MB and fails on a record longer than a block when cells
    # may hold line breaks ("straddles two block boundaries"): a block always holds the
    # longest record, so even a file with a 5 MB cell reads.
    block = max(1 << 20, 2 * longest + 1024)
    table = pcsv.read_csv(
        io.BytesIO(data),
        read_options=pcsv.ReadOptions(column_names=columns, skip_rows=1, block_size=block),
        parse_options=pcsv.ParseOptions(delimiter=delimiter, newlines_in_values=multiline),
        convert_options=pcsv.ConvertOptions(
            column_types=dict.fromkeys(columns, pa.large_string()),
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    frame = table.to_pandas(types_mapper={pa.large_string(): _STR}.get)
    frame.columns = names
    return frame


_STR = pd.StringDtype("pyarrow", na_value=np.nan)


def _scan(data: bytes, delimiter: str, width: int):
    """The physical start line of each data record, which records may be empty rows, which
    are blank lines, and whether any quoted cell spans lines.

    Returns None if any record does not have ``width`` fields or a quote is never closed. A
    byte is inside a quoted cell when an odd number of quotes precede it; doubled quotes
    inside a cell toggle twice and so cancel out, as RFC 4180 intends. Only the positions of
    quotes, newlines and delimiters are looked at, so a 10 MB file takes milliseconds.
    """
    a = np.frombuffer(data, dtype=np.uint8)
    quotes = np.flatnonzero(a == ord('"'))
    if len(quotes) % 2:
        return None
    newlines = np.flatnonzero(a == ord("\n"))
    delims = np.flatnonzero(a == ord(delimiter))
    if len(quotes):
        newlines_out = newlines[(np.searchsorted(quotes, newlines) & 1) == 0]
        delims = delims[(np.searchsorted(quotes, delims) & 1) == 0]
    else:
        newlines_out = newlines
    ends = newlines_out
    if not len(a) or a[-1] != ord("\n"):
        ends = np.append(ends, len(a))
    starts = np.concatenate(([0], ends[:-1] + 1))
    fields = np.diff(np.searchsorted(delims, np.append(starts, len(a)))) + 1
    lengths = ends - starts
    # A row of nothing but separators (Excel leaves them) is at most ``width`` bytes long;
    # such candidates are confirmed on the parsed cells, so no real value is ever dropped.
    maybe_empty = lengths <= width
    blank_line = lengths <= 1
    if not np.all((fields[1:] == width) | blank_line[1:]):
        return None
    lines = np.searchsorted(newlines, starts[1:]) + 1
    multiline = len(newlines_out) != len(newlines)
    longest = int(lengths.max()) if len(lengths) else 0
    return lines.astype(np.int64), maybe_empty[1:], blank_line[1:], multiline, longest


def _careful_rows(data: bytes, out: RawTable, width: int) -> tuple[list[list[str]], list[int]]:
    text = data.decode("utf-8")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=out.dialect.delimiter, strict=True)
    rows, lines = [], []
    start = 1
    try:
        next(reader)
        start = reader.line_num + 1
        for record in reader:
            line, start = start, reader.line_num + 1
            if not record or not any(c.strip() for c in record):
                rows.append([""] * width)
                lines.append(line)
            elif len(record) != width:
                more = "too many" if len(record) > width else "too few"
                out.problem(
                    line,
                    "",
                    f"this row has {len(record)} fields, {more} for the "
                    f"{width} columns of the header; check for a stray "
                    f"{_DELIMITERS[out.dialect.delimiter][:-1]} or a missing one",
                )
            else:
                rows.append(record)
                lines.append(line)
    except csv.Error as e:
        out.problem(
            start,
            "",
            f"a quote opened in the row starting here is never closed "
            f'({e}); every " that starts a cell needs a closing ", and a " inside a '
            'quoted cell is written twice ("")',
        )
    return rows, lines


def _empty_rows(frame: pd.DataFrame, maybe: np.ndarray) -> np.ndarray:
    """Rows whose every cell is blank, checked only where the byte scan said it might be."""
    empty = np.zeros(len(frame), dtype=bool)
    candidates = np.flatnonzero(maybe)
    if len(candidates):
        cells = frame.iloc[candidates].fillna("").astype(str)
        empty[candidates] = cells.apply(lambda col: col.str.strip() == "").all(axis=1).to_numpy()
    return empty


def _drop_unnamed(frame: pd.DataFrame, lines: np.ndarray, out: RawTable) -> pd.DataFrame:
    # Excel leaves trailing commas (empty, unnamed columns) after a cell was once touched.
    unnamed = [c for c in frame.columns if c.startswith("\x00unnamed")]
    for c in unnamed:
        filled = np.flatnonzero((frame[c] != "").to_numpy(dtype=bool))
        position = int(c.removeprefix("\x00unnamed")) + 1
        if len(filled):
            out.problem(
                int(lines[filled[0]]),
                f"column {position}",
                f"cells hold {frame[c].iloc[filled[0]]!r} but the column has no name in "
                "the header; name the column or delete it",
            )
    if unnamed:
        out.notices.append(f"{out.file}: ignored {len(unnamed)} column(s) with no header name")
    return frame.drop(columns=unnamed) if unnamed else frame
