"""Writing the kit's notebooks from the tools/ scripts: no outputs, fixed cell ids."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_notebook

KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}


def write_notebook(path: Path, cells: list, id_prefix: str) -> None:
    """Write ``cells`` to ``path`` as a notebook; fixed cell ids, so that writing the notebook
    again leaves git with nothing to show."""
    for i, cell in enumerate(cells):
        cell["id"] = f"{id_prefix}-{i:02d}" if id_prefix else str(i)
    nb = new_notebook(
        cells=cells, metadata={"kernelspec": KERNEL, "language_info": {"name": "python"}}
    )
    nbformat.validate(nb)
    nbformat.write(nb, path)
