"""The notebooks of a shared bundle: run from scratch on the anonymised copy, cleaned of
everything that could carry the real data or the computer they ran on, and exported as a
static HTML page a mentor opens in any browser.

Only the analysis notebook is shared (:data:`SHARED`). The others hold forms to edit your log
(01-03, 08), drafts of messages to the people you deal with (05, 06) and the start page (00):
on a mentor's screen they show nothing but empty forms, and re-running them would only offer
more places for a name to slip through.
"""

from __future__ import annotations

import functools
import os
import subprocess
from datetime import date
from pathlib import Path

from ..errors import RejectkitError

__all__ = ["SHARED", "clean_notebook", "read_notebook", "run_notebook", "static_html"]

SHARED = ("04-patterns.ipynb",)
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# Cell metadata worth keeping: whether the source or outputs are folded, and tags.
_CELL_METADATA = ("jupyter", "tags")
_NOTEBOOK_METADATA = ("kernelspec", "language_info")
_NO_PICTURE = (
    "(An interactive view: open the notebook in JupyterLab with rejectkit installed to use it.)"
)


def read_notebook(path: Path):
    """The notebook at ``path`` without its outputs, execution counts or widget state: only
    what you wrote in it, which is what the bundle keeps of it (the outputs are made again).
    """
    import nbformat

    try:
        nb = nbformat.read(path, as_version=4)
    except (OSError, ValueError) as e:
        raise RejectkitError(
            f"The notebook {path} cannot be read ({e}); nothing was written. Restore it from "
            "the kit (`make notebooks` writes the notebooks again)."
        ) from None
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return clean_notebook(nb, {})


def run_notebook(nb, name: str, *, data: Path, cwd: Path, today: date, timeout: int = 600):
    """Execute ``nb`` top to bottom in a new kernel whose workspace is ``data``
    (``REJECTKIT_DATA``) and whose today is ``today`` (``REJECTKIT_TODAY``); return it.
    Widget state is not kept (it would hold values typed in forms).
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    from .pictures import kernel_rc

    env = {
        **os.environ,
        "REJECTKIT_DATA": str(data),
        "REJECTKIT_TODAY": today.isoformat(),
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        # No mathtext or TeX in the kernel's charts either (see pictures).
        "MATPLOTLIBRC": str(kernel_rc(cwd)),
    }
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
        store_widget_state=False,
    )
    try:
        # The kernel's own log (a warning about TCP on every start) would only puzzle the
        # user; what goes wrong in a cell comes back through the notebook instead.
        client.execute(env=env, stderr=subprocess.DEVNULL)
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        failed = [
            i + 1
            for i, c in enumerate(nb.cells)
            if c.cell_type == "code" and any(o.output_type == "error" for o in c.outputs)
        ]
        where = f" at cell {failed[0]}" if failed else ""
        reason = str(e).strip().splitlines()[-1] if str(e).strip() else type(e).__name__
        raise RejectkitError(
            f"The notebook {name} stopped{where} when run on the anonymised copy "
            f"({reason}); nothing was written. Run it on your own data to see the error, fix "
            "the cell, and export again."
        ) from None
    return nb


def clean_notebook(nb, paths: dict[str, str]):
    """Keep only what a reader needs: no widget state, execution times or attachments, and
    every path in ``paths`` (absolute -> shown) replaced in the outputs."""
    from nbformat import from_dict

    nb.metadata = from_dict({k: nb.metadata[k] for k in _NOTEBOOK_METADATA if k in nb.metadata})
    swaps = sorted(paths.items(), key=lambda kv: len(kv[0]), reverse=True)
    for cell in nb.cells:
        cell.metadata = from_dict(
            {k: cell.metadata[k] for k in _CELL_METADATA if k in cell.metadata}
        )
        cell.pop("attachments", None)
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                # Without its state a widget view shows nothing anywhere: the picture or the
                # text that came with it stands in.
                del data[WIDGET_VIEW]
                if not any(k.startswith("image/") for k in data):
                    data["text/plain"] = _NO_PICTURE
            output.pop("transient", None)
        cell.outputs = _replace_paths(cell.outputs, swaps)
    return nb


def _replace_paths(value, swaps):
    if isinstance(value, str):
        for old, new in swaps:
            value = value.replace(old, new)
        return value
    if isinstance(value, list):
        return [_replace_paths(v, swaps) for v in value]
    if isinstance(value, dict):
        return type(value)({k: _replace_paths(v, swaps) for k, v in value.items()})
    return value


def static_html(nb, title: str, *, header: str | None = None) -> str:
    """The notebook as one HTML page that needs no script and fetches nothing.

    With a ``header`` (HTML) it is the mentor's page: the header first, then the outputs,
    with no code cells and, of the markdown, only the headings (the rest speaks to the
    person who runs the notebook: "run all cells", "your workspace").
    """
    import copy

    from nbconvert import HTMLExporter

    # nbconvert's own sanitize_html escapes every tag of the markdown and the tables (7.17),
    # so the page is made static here instead: no scripts, no handlers, nothing fetched.
    exporter = HTMLExporter(template_name="lab")
    if header is not None:
        nb = copy.deepcopy(nb)
        nb.cells = [_for_mentor(c) for c in nb.cells if c.cell_type != "raw"]
        nb.cells = [c for c in nb.cells if c.cell_type != "code" or c.outputs]
        # (exclude_input would drop the markdown too: the code is taken out cell by cell.)
        exporter.exclude_input_prompt = exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return _static(body, header)


def _for_mentor(cell):
    if cell.cell_type == "markdown":
        lines = [line for line in cell.source.splitlines() if line.lstrip().startswith("#")]
        cell.source = "\n\n".join(lines)
    elif cell.cell_type == "code":
        cell.source = ""
    return cell


def _static(page: str, header: str | None = None) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "html.parser")
    if header is not None and soup.body is not None:
        soup.body.insert(0, BeautifulSoup(header, "html.parser"))
        # The code cells' boxes stay out of the page too, not only their text.
        boxes = ".jp-CodeCell .jp-Cell-inputWrapper, .jp-CodeCell .jp-InputArea, .jp-InputPrompt"
        for tag in soup.select(f"{boxes}, .jp-OutputPrompt"):
            tag.decompose()
    # The template loads MathJax, require.js and mermaid from a CDN: a mentor's browser would
    # ask a third party for them, and nothing in a bundle needs a script to be read.
    for tag in soup.find_all(["script", "iframe", "frame", "object", "embed", "base", "form"]):
        tag.decompose()
    for tag in soup.find_all("link"):
        if "://" in tag.get("href", ""):
            tag.decompose()
    for tag in soup.find_all(True):
        for attribute in list(tag.attrs):
            value = str(tag.attrs[attribute]).strip().lower()
            if attribute.lower().startswith("on") or value.startswith(("javascript:", "vbscript:")):
                del tag[attribute]
            elif attribute.lower() in ("src", "srcset") and "://" in value:
                # A picture from the web would tell its server that the page was opened.
                del tag[attribute]
    return str(soup)


@functools.cache
def template_words() -> str:
    """The text of the HTML page around an empty notebook: words the kit did not choose."""
    import nbformat

    return static_html(nbformat.v4.new_notebook(), "notebook")
