"""Write the kit's notebooks from their sources: one percent script per notebook.

``notebooks-src/04-patterns.py`` is the source of ``notebooks/04-patterns.ipynb``: a plain
Python file in jupytext's py:percent format, where ``# %%`` starts a code cell and
``# %% [markdown]`` starts a markdown cell whose lines are comments. Edit the source, never the
notebook: the notebook is written from it with no outputs, no execution counts, no widget state
and fixed cell ids, so that writing it again leaves git with nothing to show. From the
repository root (``make notebooks`` runs the first):

    python tools/notebooks.py          # write every notebook from its source
    python tools/notebooks.py --check  # exit 1, naming every notebook that is not its source
"""

# Why not the jupytext library: its wheel also enables a Jupyter server extension and a
# JupyterLab extension (a Jupytext menu and "Text Notebook" launcher items) in the environment
# it is installed into, and `make setup` installs the dev dependencies into the environment
# that `make lab` runs for the user. The sources use a small part of the format, so a strict
# reader of that part is simpler than switching the extensions off. Jupytext (1.19) reads the
# sources to the same cells; this reader refuses anything outside that part, with its line.

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "notebooks-src"
NOTEBOOKS = ROOT / "notebooks"

KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}
HEADERS = {"# %%": "code", "# %% [markdown]": "markdown"}
NEW_CELL = {"code": new_code_cell, "markdown": new_markdown_cell}


class SourceError(ValueError):
    """A notebook source that is not in the strict percent format this tool reads."""


def read_source(text: str, name: str = "<source>") -> list[tuple[str, str]]:
    """The cells of a percent script, as ``(kind, source)`` pairs; ``kind`` is code or markdown.

    Cells are separated by one blank line; a cell neither starts nor ends with a blank line.

    >>> read_source("# %% [markdown]\\n# # Title\\n#\\n# Text.\\n\\n# %%\\nrk.pages()\\n")
    [('markdown', '# Title\\n\\nText.'), ('code', 'rk.pages()')]
    """
    if not text.endswith("\n") or text.endswith("\n\n"):
        raise SourceError(f"{name}: end the file with exactly one newline")
    cells: list[tuple[str, list[str], int]] = []
    for number, line in enumerate(text[:-1].split("\n"), 1):
        if line.startswith("# %%"):
            if line not in HEADERS:
                raise SourceError(
                    f"{name}:{number}: {line!r} is not a cell header; write '# %%' or "
                    "'# %% [markdown]'"
                )
            if cells:
                body = cells[-1][1]
                if not body or body[-1] != "":
                    raise SourceError(f"{name}:{number}: leave one blank line before a cell")
                body.pop()
            cells.append((HEADERS[line], [], number))
        elif not cells:
            raise SourceError(f"{name}:{number}: start the file with a cell header, '# %%'")
        else:
            cells[-1][1].append(line)
    if not cells:
        raise SourceError(f"{name}: the file has no cells")
    out = []
    for kind, body, number in cells:
        if not body or body[0] == "" or body[-1] == "":
            raise SourceError(
                f"{name}:{number}: the cell is empty, starts with a blank line or is followed "
                "by more than one"
            )
        if kind == "markdown":
            body = [_uncomment(line, f"{name}:{number + i}") for i, line in enumerate(body, 1)]
        out.append((kind, "\n".join(body)))
    return out


def _uncomment(line: str, where: str) -> str:
    if line == "#":
        return ""
    if line.startswith("# "):
        return line[2:]
    raise SourceError(f"{where}: a markdown line starts with '# ' (or is '#' when blank)")


def percent_text(cells: list[tuple[str, str]]) -> str:
    """The percent script of ``cells``: what :func:`read_source` reads back to the same cells.

    >>> percent_text([("markdown", "# Title\\n\\nText."), ("code", "rk.pages()")])
    '# %% [markdown]\\n# # Title\\n#\\n# Text.\\n\\n# %%\\nrk.pages()\\n'
    """
    parts = []
    for kind, source in cells:
        if kind == "markdown":
            source = "\n".join(f"# {line}" if line else "#" for line in source.split("\n"))
        header = next(h for h, k in HEADERS.items() if k == kind)
        parts.append(f"{header}\n{source}")
    text = "\n\n".join(parts) + "\n"
    if read_source(text) != list(cells):
        raise SourceError("these cells have no percent script (a blank line at a cell's edge?)")
    return text


def notebook_text(cells: list[tuple[str, str]], stem: str) -> str:
    """The ``.ipynb`` text of ``cells``: nbformat 4, no outputs, cell ids ``04-00``, ``04-01``…
    from the notebook's number, the kernel Python 3."""
    prefix = stem.split("-")[0]
    made = [
        NEW_CELL[kind](source, id=f"{prefix}-{i:02d}") for i, (kind, source) in enumerate(cells)
    ]
    nb = new_notebook(
        cells=made,
        metadata={"kernelspec": KERNEL, "language_info": {"name": "python"}},
    )
    nbformat.validate(nb)
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def plan(sources: Path = SOURCES, notebooks: Path = NOTEBOOKS):
    """``(written, orphans)``: each notebook path with the text its source writes, and the
    notebooks that have no source."""
    written = {
        notebooks / f"{path.stem}.ipynb": notebook_text(
            read_source(path.read_text("utf-8"), f"{sources.name}/{path.name}"), path.stem
        )
        for path in sorted(sources.glob("*.py"))
    }
    orphans = sorted(p for p in notebooks.glob("*.ipynb") if p not in written)
    return written, orphans


def main(argv: list[str] | None = None, sources: Path = SOURCES, notebooks: Path = NOTEBOOKS):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a notebook is stale"
    )
    args = parser.parse_args(argv)
    try:
        written, orphans = plan(sources, notebooks)
    except SourceError as e:
        print(e, file=sys.stderr)
        return 1
    for path in orphans:
        print(
            f"{notebooks.name}/{path.name} has no source: add {sources.name}/{path.stem}.py "
            "or delete the notebook",
            file=sys.stderr,
        )
    stale = [p for p, text in written.items() if not p.exists() or p.read_bytes() != text.encode()]
    if args.check:
        for path in stale:
            print(
                f"{notebooks.name}/{path.name} is not what {sources.name}/{path.stem}.py "
                "writes: run `make notebooks`",
                file=sys.stderr,
            )
        return 1 if stale or orphans else 0
    for path in stale:
        path.write_bytes(written[path].encode())
        print(f"wrote {notebooks.name}/{path.name}")
    return 1 if orphans else 0


if __name__ == "__main__":
    sys.exit(main())
