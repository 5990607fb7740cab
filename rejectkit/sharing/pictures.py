"""The bundle's charts, drawn from the anonymised copy and written as SVG with their text as
text, so that the leak scan, and a person, can read every word a picture shows (issue 14).

Every chart of the shared notebook is drawn again here, on the anonymised data of the bundle;
before a picture is written, every string its figure draws (titles, tick labels, legends,
annotations) is checked by the leak scan, and a hit stops the export. Mathtext is off for all
of them (``text.parse_math``; TeX is off too): a label written ``$S$iobhan`` is drawn as typed,
dollars and all, where the scan reads it, not as a name that no text search sees. The same
settings reach the notebook's kernel through a ``matplotlibrc`` (:func:`kernel_rc`).

A PNG of the notebook cannot be read back without OCR; an SVG written with
``svg.fonttype: none`` keeps each label as a ``<text>`` element.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from .leakscan import Hit, Needle, scan

__all__ = ["CHARTS", "RC", "chart_texts", "kernel_rc", "write_charts"]

# What the shared notebook draws, in its order (the trend chart is the picker's default view).
CHARTS = (
    "plot_score_trends",
    "plot_score_heatmap",
    "plot_touchpoint_changes",
    "plot_funnel",
    "plot_passed_vs_rejected",
    "plot_strategy_changes",
)
RC = {
    "text.usetex": False,
    "text.parse_math": False,
    "svg.fonttype": "none",
    # The same ids in every export: nothing random, nothing to tell two exports apart.
    "svg.hashsalt": "rejectkit",
    "svg.id": "chart",
}


def kernel_rc(folder: Path) -> Path:
    """Write a ``matplotlibrc`` with :data:`RC` into ``folder``; return the folder, for
    ``MATPLOTLIBRC``."""
    lines = [f"{k}: {v}" for k, v in RC.items() if k != "svg.id"]
    (folder / "matplotlibrc").write_text("\n".join(lines) + "\n", "utf-8")
    return folder


def chart_texts(fig) -> list[str]:
    """Every string the figure draws, after turning mathtext off for each."""
    from matplotlib.text import Text

    texts = []
    for artist in fig.findobj(Text):
        artist.set_usetex(False)
        artist.set_parse_math(False)
        if artist.get_text().strip():
            texts.append(artist.get_text())
    return texts


def _draw(name: str, data):
    import matplotlib.pyplot as plt

    from ..charts import outcomes, scores

    plt.close("all")
    module = scores if hasattr(scores, name) else outcomes
    ax = getattr(module, name)(data)
    return ax.figure


def write_charts(data, folder: Path, needles: list[Needle]) -> tuple[list[str], list[Hit]]:
    """Draw each of :data:`CHARTS` from ``data`` (the anonymised copy) into ``folder`` as
    ``NN-name.svg``; return the files written and the hits of the scan of the charts' words
    (with a hit, nothing is written for that chart).

    >>> import tempfile, pathlib
    >>> from rejectkit.store.workspace import Workspace
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> written, hits = write_charts(Workspace("data/sample").read(), folder, [])
    >>> written[0], hits
    ('01-score-trends.svg', [])
    """
    import matplotlib as mpl
    import matplotlib.pyplot as plt

    folder.mkdir(parents=True, exist_ok=True)
    written, hits = [], []
    with mpl.rc_context(RC), plt.ioff():
        for i, name in enumerate(CHARTS, 1):
            fig = _draw(name, data)
            file = f"{i:02d}-{name.removeprefix('plot_').replace('_', '-')}.svg"
            found = _scan_words(chart_texts(fig), needles, file)
            if found:
                hits += found
            else:
                fig.savefig(folder / file, format="svg", metadata={"Date": None})
                written.append(file)
            plt.close(fig)
    return written, hits


def _scan_words(texts: list[str], needles: list[Needle], file: str) -> list[Hit]:
    with tempfile.TemporaryDirectory(prefix="rejectkit-chart-") as tmp:
        # Scoped as the HTML page is: a one-word value that is also one of the kit's words
        # is looked for in the data files only (a contact called May, a month on an axis).
        (Path(tmp) / f"{file}.txt").write_text("\n".join(texts), "utf-8")
        return [
            Hit(f"charts/{file}", f"a label ({h.where})", h.kind, h.masked)
            for h in scan(tmp, needles)
        ]
