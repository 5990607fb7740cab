"""``rejectkit share``: an anonymised bundle of your analysis for a mentor or career coach.

The bundle is built in a hidden folder next to ``--out``: the anonymised CSVs (see
:mod:`rejectkit.sharing.anonymise`) and the notebook to share as you wrote it, without its
outputs. The leak scan (:mod:`rejectkit.sharing.leakscan`) reads them first, so a name typed
into the notebook stops the export before any kernel starts. Then the notebook runs from
scratch on the anonymised copy in a temporary folder (:mod:`rejectkit.sharing.notebooks`),
its static HTML,
a README for the mentor and an empty ``mentor_notes.csv`` join the bundle, and the leak scan
reads every byte of it again; only a clean bundle is moved into place, in one rename. On any
failure the hidden folder is removed: nothing partial is ever left at ``--out``.

Cells a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) get a leading apostrophe in the bundle's CSVs, so Excel and LibreOffice
show them as text (the OWASP advice against CSV injection).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from ..store.csvread import Dialect
from ..store.csvwrite import encode_table
from ..store.outputs import check_output_path, neutralise
from ..store.schema import TABLES
from ..store.workspace import Workspace
from .aliases import AliasMap, date_offset
from .anonymise import ShareOptions, anonymise
from .columns import LeftOut
from .leakscan import LeakError, Needle, common_words, scan
from .mentor_notes import KEYS_FILE
from .notebooks import (
    SHARED,
    clean_notebook,
    read_notebook,
    run_notebook,
    static_html,
    template_words,
)
from .page import mentor_header, write_extras
from .pictures import write_charts
from .place import MARKER, check_out, new_stage, place, sweep, write_marker
from .review import CandidatesError, remember, with_decisions, write_review
from .spelling import normal

__all__ = [
    "MARKER",
    "Bundle",
    "Review",
    "ShareOptions",
    "leak_scan",
    "neutralise",
    "preview",
    "review",
    "share",
]

NOTES_FILE = "mentor_notes.csv"
# Every file of a bundle carries this modification time (1 Jan 2000): the real export day,
# next to the shifted dates, would give the secret shift away.
_STAMP = 946684800


@dataclass
class Bundle:
    """A written bundle: where, its files, the rows of each table, what was replaced and
    which columns of your files it left out."""

    path: Path
    files: list[str]
    rows: dict[str, int]
    replaced: pd.DataFrame
    notebooks: list[str]
    left_out: list[LeftOut] = field(default_factory=list)
    #: Files of the earlier bundle at ``path`` that the export kept (the mentor's).
    kept: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        counts = ", ".join(f"{n} {t}" for t, n in self.rows.items() if n and t != "touchpoints")
        counts = counts or "an empty log"
        replaced = self.replaced[self.replaced["count"] > 0]
        total = int(replaced["count"].sum())
        left_out = "".join(f"\nLeft out {c}." for c in self.left_out)
        if self.kept:
            left_out += f"\nKept from the earlier bundle: {', '.join(self.kept)}."
        return (
            f"Wrote a bundle for your mentor to {self.path}: {counts}; "
            f"{len(replaced)} identifying values replaced ({total} times); the leak scan "
            f"found nothing. Send the whole folder; open {self.notebooks[0].replace('.ipynb', '')}"
            f".html in it to see what your mentor will see.{left_out}"
        )


def preview(ws: Workspace, options: ShareOptions | None = None) -> pd.DataFrame:
    """What an export would replace: ``kind``, ``value``, ``alias``, ``count``. Writes nothing.

    >>> from rejectkit.store.workspace import Workspace
    >>> preview(Workspace("data/sample")).iloc[0][["kind", "alias"]].tolist()
    ['company', 'Company 01']
    """
    return anonymise(ws.load(), AliasMap.load(ws), 0, options or ShareOptions()).replaced


@dataclass
class Review:
    """What an export would do, for you to check first: the values it would replace, the
    names nobody listed that wait for a decision, the columns it leaves out, and the review
    file (``path``) that lists the candidates."""

    replaced: pd.DataFrame
    candidates: list
    left_out: list[LeftOut]
    path: str

    def __str__(self) -> str:
        lines = [f"{len(self.replaced)} values of your log would be replaced by aliases."]
        if self.left_out:
            columns = ", ".join(dict.fromkeys(c.column for c in self.left_out))
            lines.append(f"Left out: {columns} (columns the kit has no rule for).")
        if self.candidates:
            n = len(self.candidates)
            lines.append(
                f"{n} word{'s' * (n != 1)} may be {'names' if n != 1 else 'a name'} nobody "
                "listed; hide or keep each "
                "(--hide NAME, --keep NAME, or the decision column of the review file):"
            )
            lines += [f"  - {c}" for c in self.candidates]
        else:
            lines.append("No word of your free text waits for a hide or keep decision.")
        lines.append(f"Review file: {self.path}")
        return "\n".join(lines)


def review(ws: Workspace, options: ShareOptions | None = None) -> Review:
    """The preview of an export (see :class:`Review`); writes the review file of the
    workspace (``.rejectkit/share/review.csv``) and nothing else.

    >>> import shutil, tempfile
    >>> from rejectkit.store.workspace import Workspace
    >>> ws = Workspace(shutil.copytree("data/sample", tempfile.mkdtemp() + "/ws"))
    >>> review(ws).path.endswith("review.csv")
    True
    """
    options = with_decisions(ws, options or ShareOptions())
    anon = anonymise(ws.load(), AliasMap.load(ws), 0, options)
    path = write_review(ws, anon.candidates, options)
    return Review(anon.replaced, anon.candidates, anon.left_out, path)


def share(
    ws: Workspace,
    out: str | os.PathLike,
    *,
    today: date,
    options: ShareOptions | None = None,
    notebooks: str | os.PathLike | None = None,
    timeout: int = 600,
) -> Bundle:
    """Write the anonymised bundle of ``ws`` to the folder ``out`` (see the module docstring).

    ``notebooks`` is the folder of the notebooks to share (default: the kit's own, where your
    edits are). ``out`` must be new, empty, or a bundle written before: it is replaced, but
    ``mentor_notes.csv`` once filled and every file the kit did not write are kept (see
    :mod:`rejectkit.sharing.place`).
    """
    from ..store.location import notebooks_path

    options = with_decisions(ws, options or ShareOptions())
    out = check_output_path(out, ws.path)
    source = Path(notebooks) if notebooks is not None else notebooks_path()
    check_out(out)
    sweep(out)
    data = ws.load()
    aliases = AliasMap.load(ws)
    offset = date_offset(ws)
    anon = anonymise(data, aliases, offset, options)
    if anon.candidates:
        raise CandidatesError(anon.candidates, write_review(ws, anon.candidates, options))
    stage = new_stage(out)
    try:
        _write_tables(stage / "data", anon.tables)
        sources = {name: read_notebook(source / name) for name in SHARED}
        for name, nb in sources.items():
            _write_notebook(stage, name, nb, html=False)
        # What you typed into the notebooks is checked before a kernel is started for them.
        needles = anon.needles + _path_needles(stage, ws.path, source)
        _refuse_leaks(stage, needles, out, source)
        with tempfile.TemporaryDirectory(prefix="rejectkit-share-") as tmp:
            work = Path(tmp)
            shutil.copytree(stage / "data", work / "data")
            (work / "notebooks").mkdir()
            shared = Workspace(work / "data").read()
            header = mentor_header(shared, options, SHARED[0].removesuffix(".ipynb"))
            for name, nb in sources.items():
                nb = run_notebook(
                    nb,
                    name,
                    data=work / "data",
                    cwd=work / "notebooks",
                    today=today + timedelta(days=offset),
                    timeout=timeout,
                )
                nb = clean_notebook(nb, _shown_paths(work))
                _write_notebook(stage, name, nb, header=header)
            if (work / "data" / "prep-sheet.md").exists():
                shutil.copy(work / "data" / "prep-sheet.md", stage / "data" / "prep-sheet.md")
            needles += _path_needles(work)
            # The charts again, from the anonymised copy, as SVG with their words as text.
            _, hits = write_charts(shared, stage / "charts", _scoped(needles))
            if hits:
                raise LeakError(hits, _refusal(hits, out, source))
        write_extras(stage, anon.tables, options, anon.replaced, SHARED[0].removesuffix(".ipynb"))
        _refuse_leaks(stage, needles, out, source)
        write_marker(stage, list(SHARED))
        _stamp(stage)
        kept = place(stage, out)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    anon.aliases.save(ws)
    remember(ws, options)
    _save_keys(ws, data.tables["touchpoints"], anon.tables["touchpoints"])
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    rows = {t: len(f) for t, f in anon.tables.items()}
    return Bundle(out, files, rows, anon.replaced, list(SHARED), anon.left_out, kept)


def _write_tables(folder: Path, tables: dict[str, pd.DataFrame]) -> None:
    folder.mkdir(parents=True)
    for name, frame in tables.items():
        if name == "touchpoints" and not len(frame):
            continue
        (folder / TABLES[name].file).write_bytes(encode_table(neutralise(frame), Dialect()))


def _write_notebook(stage: Path, name: str, nb, *, html: bool = True, header: str = "") -> None:
    import nbformat

    (stage / "notebooks").mkdir(exist_ok=True)
    nbformat.validate(nb)
    nbformat.write(nb, stage / "notebooks" / name)
    if html:
        page = static_html(nb, name.removesuffix(".ipynb"), header=header or None)
        (stage / f"{name.removesuffix('.ipynb')}.html").write_text(page, "utf-8")


def leak_scan(folder: str | os.PathLike, needles: list[Needle]):
    """The leak scan of a bundle: :func:`~rejectkit.sharing.leakscan.scan`, where a one-word
    value that the kit's text or the HTML page also uses as a word is looked for in the data
    files only.
    """
    return scan(folder, _scoped(needles))


def _refuse_leaks(stage: Path, needles: list[Needle], out: Path, notebooks: Path) -> None:
    hits = leak_scan(stage, needles)
    if hits:
        raise LeakError(hits, _refusal(hits, out, notebooks))


def _shown_paths(work: Path) -> dict[str, str]:
    """The temporary folders as the bundle names them, in both spellings of each."""
    shown = {}
    for path, name in ((work / "data", "data"), (work / "notebooks", "notebooks"), (work, ".")):
        for spelling in {str(path), os.path.realpath(path)}:
            shown[spelling] = name
    # A warning printed by a library names its file, under your home folder.
    if len(Path.home().parts) >= 2:
        shown.setdefault(str(Path.home()), "~")
    return shown


def _path_needles(*folders: Path) -> list[Needle]:
    # Found in the bundle, a folder path names you (/home/your-name) or where your log is.
    spellings = {str(f) for f in folders} | {os.path.realpath(f) for f in folders}
    home = Path.home()
    if len(home.parts) >= 2:
        spellings.add(str(home))
    kind = "a folder of your computer"
    return [Needle(kind, s) for s in sorted(spellings) if len(s) > 1]


def _scoped(needles: list[Needle]) -> list[Needle]:
    # Words of the HTML page itself count as the kit's own words (see leakscan).
    words = common_words(template_words())
    return [
        Needle(n.kind, n.value, everywhere=False)
        if n.everywhere and len(n.value.split()) == 1 and normal(n.value) in words
        else n
        for n in needles
    ]


def _save_keys(ws: Workspace, real: pd.DataFrame, shared: pd.DataFrame) -> None:
    # A key of your own that named someone has another key in the bundle: keep the pair
    # (in the workspace only) so that a mentor's comment on it finds your touchpoint.
    pairs = [(s, r) for r, s in zip(real["key"], shared["key"], strict=True) if r != s]
    if pairs:
        lines = "".join(f"{s},{r}\n" for s, r in pairs)
        ws.put_meta(KEYS_FILE, f"shared,real\n{lines}".encode())


def _stamp(stage: Path) -> None:
    for path in [*stage.rglob("*"), stage]:
        os.utime(path, (_STAMP, _STAMP), follow_symlinks=False)


def _refusal(hits, out: Path, notebooks: Path) -> str:
    listed = "\n".join(f"  - {h}" for h in hits[:20])
    more = f"\n  ... and {len(hits) - 20} more" if len(hits) > 20 else ""
    n = len(hits)
    return (
        f"Nothing was shared: the leak scan found {n} identifying value{'s' * (n != 1)} in the "
        f"bundle before it was written to {out}:\n{listed}{more}\n"
        f"A hit in a notebook's source is text typed into that notebook (in {notebooks}): take "
        "it out there and export again. A hit elsewhere is a value the anonymiser missed: "
        "export with --drop-free-text, or add the name to --hide, and please report it."
    )
