"""Charts of your touchpoints over time, drawn with matplotlib.

Each ``plot_*`` function takes the workspace data and an optional ``ax``; without one it
draws on the current axes, or on a new figure sized for the chart when none is open (a
notebook closes its figures after each cell, so each call there gets a fitting figure). It
returns the axes and never calls ``plt.show()``. With nothing to draw, the axes hold a
centred sentence saying why, instead of an empty frame.

Colours come from ``cividis`` (even in lightness, so it reads in greyscale and for colour-blind
readers); lines also differ in marker shape, so they stay apart on a black-and-white print.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from ..analysis.touchpoints import (
    NO_INTERVIEWS,
    interview_table,
    score_table,
    touchpoint_summary,
)
from ..dates import short_date

__all__ = ["plot_score_heatmap", "plot_score_trends", "plot_touchpoint_changes"]

CMAP = "cividis"
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "h", "<", ">", "p")
WIDTH = 8.5  # inches: fits JupyterLab's default notebook width without shrinking the text


def new_axes(ax, height: float):
    """``ax``, else the current axes, else a new figure ``WIDTH`` wide and ``height`` tall."""
    import matplotlib.pyplot as plt

    if ax is not None:
        return ax
    if plt.get_fignums():
        return plt.gca()
    return plt.figure(figsize=(WIDTH, height), layout="constrained").add_subplot()


def wrap(text: str, width: int) -> str:
    return textwrap.fill(text, width, break_long_words=False)


def message(ax, title: str, text: str):
    """Show ``text`` in the middle of ``ax`` instead of a chart, and return ``ax``."""
    ax.set_title(title)
    ax.text(0.5, 0.5, wrap(text, 60), ha="center", va="center", transform=ax.transAxes, fontsize=11)
    ax.set_axis_off()
    return ax


def colours(data) -> dict[str, tuple]:
    """One colour per touchpoint, the same in every chart."""
    import matplotlib as mpl

    keys = [t.key for t in data.touchpoints]
    cmap = mpl.colormaps["tab20" if len(keys) > 10 else "tab10"]
    return {k: cmap(i % cmap.N) for i, k in enumerate(keys)}


def rating_axis(axis, label: str = "Your rating (1 = weak, 5 = strong)") -> None:
    axis.set_ticks(range(1, 6))
    axis.set_label_text(label)


def plot_score_trends(data, *, touchpoints=None, window: int = 3, ax=None):
    """One line per touchpoint across your interviews, with a smoothed trend.

    Thin lines with markers are each interview's rating; the thick line is the average of
    your last ``window`` rated interviews at each point (a trailing rolling mean: it only
    looks back, so the line's end is where you stand now, as in the highlights).

    >>> from rejectkit.store.workspace import Workspace
    >>> import matplotlib.pyplot as plt
    >>> data = Workspace("data/sample").read()
    >>> ax = plot_score_trends(data, touchpoints=["company_research"], ax=plt.subplot())
    >>> len(ax.lines)
    2
    """
    title = "Your touchpoint ratings over time"
    scores = score_table(data)
    known = [t.key for t in data.touchpoints]
    if touchpoints is not None:
        touchpoints = list(touchpoints)
        if unknown := [k for k in touchpoints if k not in known]:
            raise ValueError(f"Unknown touchpoint {unknown[0]!r}; choose from: {', '.join(known)}.")
    ax = new_axes(ax, 6.5)
    if not len(interview_table(data)):
        return message(ax, title, NO_INTERVIEWS)
    rated = scores[scores["score"].notna()]
    keys = touchpoints if touchpoints is not None else known
    chosen = rated[rated["touchpoint"].isin(keys)]
    if not len(chosen):
        text = (
            "Choose at least one touchpoint to draw."
            if not keys
            else "None of the chosen touchpoints has a rating yet: rate them after your next "
            "interview and their lines appear here."
        )
        return message(ax, title, text)

    trend = (
        chosen.groupby("touchpoint", sort=False)["score"]
        .rolling(window, min_periods=1)
        .mean()
        .droplevel(0)
    )
    chosen = chosen.assign(trend=trend)
    several = chosen["interview_id"].nunique() > 1
    colour = colours(data)
    parts = dict(tuple(chosen.groupby("touchpoint", sort=False)))
    # One pass per touchpoint drawn (a handful), not per rating; in the order asked for.
    for i, key in enumerate(k for k in keys if k in parts):
        part = parts[key]
        label = wrap(data.label(key), 38)
        ax.plot(
            part["held_on"],
            part["score"],
            marker=MARKERS[i % len(MARKERS)],
            linewidth=1,
            alpha=0.55 if several else 1,
            color=colour[key],
            label="_nolegend_" if several else label,
        )
        if several:
            ax.plot(part["held_on"], part["trend"], linewidth=2.5, color=colour[key], label=label)
    _date_axis(ax)
    ax.set_ylim(0.7, 5.3)
    rating_axis(ax.yaxis)
    ax.set_xlabel("Interview date")
    ax.grid(axis="y", alpha=0.3)
    if several:
        ax.set_title(
            f"{title}\n(thin: each interview; thick: average of your last {window} ratings)"
        )
    else:
        ax.set_title(f"{title}\n(one interview so far: trend lines start from your second)")
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.14),
        ncols=2,
        frameon=False,
        fontsize="small",
    )
    return ax


def _date_axis(ax) -> None:
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def heatmap_frame(data, *, last: int | None = 30) -> pd.DataFrame:
    """Ratings as a table: one row per reviewed interview (oldest first, at most ``last``),
    one column per touchpoint rated at least once; NaN where not applicable."""
    scores = score_table(data)
    wide = scores.pivot(index="order", columns="touchpoint", values="score")
    rated = set(scores.loc[scores["score"].notna(), "touchpoint"])
    wide = wide.reindex(columns=[t.key for t in data.touchpoints if t.key in rated])
    if last is not None:
        wide = wide.iloc[-last:]
    return wide


def plot_score_heatmap(data, *, last: int | None = 30, ax=None):
    """Interviews (rows, oldest at the top) by touchpoints (columns), ratings as colour.

    Not-applicable cells stay blank (hatched); each rated cell also shows its number, so
    the chart reads without colour. Only the ``last`` most recent interviews are shown.

    >>> from rejectkit.store.workspace import Workspace
    >>> import matplotlib.pyplot as plt
    >>> data = Workspace("data/sample").read()
    >>> ax = plot_score_heatmap(data, ax=plt.figure().add_subplot())
    >>> ax.images[0].get_array().shape
    (15, 11)
    """
    title = "Your ratings, interview by interview"
    wide = heatmap_frame(data, last=last)
    rows, cols = wide.shape
    ax = new_axes(ax, max(4.5, 0.32 * rows + 3))
    if not len(interview_table(data)):
        return message(ax, title, NO_INTERVIEWS)
    if not cols:
        return message(
            ax, title, "No touchpoint is rated yet: rate your interviews and they appear here."
        )
    from matplotlib.patches import Rectangle

    values = np.ma.masked_invalid(wide.to_numpy(dtype=float))
    ax.add_patch(
        Rectangle(
            (-0.5, -0.5), cols, rows, facecolor="white", edgecolor="0.75", hatch="///", zorder=0
        )
    )
    image = ax.imshow(
        values, cmap=CMAP, vmin=1, vmax=5, aspect="auto", interpolation="nearest", zorder=1
    )
    if rows * cols <= 800:
        r, c = np.nonzero(~values.mask)
        v = values.data[r, c]
        for y, x, score in zip(r, c, v, strict=True):
            ax.text(
                x,
                y,
                f"{score:.0f}",
                ha="center",
                va="center",
                fontsize=8,
                color="white" if score < 3 else "black",
            )
    interviews = score_table(data).drop_duplicates("order").set_index("order")
    shown = interviews.loc[wide.index]
    company = shown["company"].fillna("")
    names = company.where(company.str.len() <= 24, company.str.slice(0, 23) + "…")
    ax.set_yticks(
        range(rows),
        [f"{short_date(d)} · {n}" for d, n in zip(shown["held_on"], names, strict=True)],
        fontsize="small",
    )
    ax.set_xticks(
        range(cols),
        [wrap(data.label(k), 24) for k in wide.columns],
        rotation=90,
        fontsize="small",
    )
    total = interviews.shape[0]
    if rows < total:
        title = f"{title}\n(your last {rows} of {total} interviews)"
    ax.set_title(title)
    colourbar = ax.figure.colorbar(image, ax=ax, ticks=range(1, 6), shrink=0.8)
    colourbar.set_label("Your rating (hatched: not applicable)")
    return ax


def plot_touchpoint_changes(data, *, ax=None):
    """Where each touchpoint started and where it stands now: a dot for your first
    interviews, a filled dot for your latest, a bar for your overall average.

    >>> from rejectkit.store.workspace import Workspace
    >>> import matplotlib.pyplot as plt
    >>> data = Workspace("data/sample").read()
    >>> ax = plot_touchpoint_changes(data, ax=plt.figure().add_subplot())
    >>> ax.get_yticklabels()[-1].get_text()
    'The "Tell me about yourself"\\nquestion'
    """
    title = "Where each touchpoint started and where it is now"
    summary = touchpoint_summary(data)
    moved = summary[summary["change"].notna()]
    moved = moved.iloc[np.argsort(moved["change"].to_numpy(), kind="stable")]
    ax = new_axes(ax, max(3.5, 0.45 * len(moved) + 1.8))
    if not len(interview_table(data)):
        return message(ax, title, NO_INTERVIEWS)
    if not summary["rated"].any():
        return message(
            ax, title, "No touchpoint is rated yet: rate your interviews and they appear here."
        )
    if not len(moved):
        return message(
            ax,
            title,
            "After one interview there is nothing to compare yet: changes show from your "
            "second rated interview.",
        )
    dumbbell(
        ax,
        [wrap(label, 30) for label in moved["label"]],
        moved["first"].to_numpy(),
        moved["latest"].to_numpy(),
        ("Your first interviews", "Your latest interviews"),
    )
    ax.plot(
        moved["mean"],
        np.arange(len(moved)),
        "|",
        markersize=14,
        color="0.35",
        label="Overall average",
    )
    ax.legend(
        loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=3, frameon=False, fontsize="small"
    )
    ax.set_title(title)
    return ax


def dumbbell(ax, labels, start, end, names) -> None:
    """Rows of ``start`` (hollow dot) to ``end`` (filled dot), the change written at the right.

    A missing ``start`` or ``end`` leaves just the other dot."""
    import matplotlib as mpl

    y = np.arange(len(labels))
    dark = mpl.colormaps[CMAP](0.15)
    ax.hlines(y, start, end, color="0.6", linewidth=2.5, zorder=1)
    ax.plot(
        start,
        y,
        "o",
        markersize=8,
        markerfacecolor="white",
        markeredgecolor="0.3",
        linestyle="none",
        label=names[0],
        zorder=2,
    )
    ax.plot(end, y, "o", markersize=8, color=dark, linestyle="none", label=names[1], zorder=3)
    change = end - start
    for row, value in zip(y, change, strict=True):
        ax.text(
            5.3,
            row,
            "" if np.isnan(value) else f"{value:+.1f}",
            va="center",
            fontsize="small",
            fontweight="bold" if abs(value) >= 0.5 else "normal",
        )
    ax.set_yticks(y, labels, fontsize="small")
    ax.set_ylim(-0.6, len(labels) - 0.4)
    ax.set_xlim(0.7, 5.7)
    rating_axis(ax.xaxis, "Average rating (1 = weak, 5 = strong)")
    ax.grid(axis="x", alpha=0.3)
