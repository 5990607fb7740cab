"""Charts of outcomes and comparisons: the funnel, passed against rejected rounds, and your
strategy changes before and after. Same conventions as :mod:`rejectkit.charts.scores`."""

from __future__ import annotations

import numpy as np

from ..analysis.comparisons import passed_vs_rejected, strategy_effects
from ..analysis.funnel import funnel_summary
from ..analysis.touchpoints import NO_INTERVIEWS, interview_table
from ..dates import short_date
from .scores import CMAP, dumbbell, message, new_axes, rating_axis, wrap

__all__ = ["plot_funnel", "plot_passed_vs_rejected", "plot_strategy_changes"]


def plot_funnel(data, *, ax=None):
    """How far your applications got: one centred bar per stage, widest at the top.

    >>> from rejectkit.store.workspace import Workspace
    >>> import matplotlib.pyplot as plt
    >>> data = Workspace("data/sample").read()
    >>> ax = plot_funnel(data, ax=plt.figure().add_subplot())
    >>> [round(b.get_width()) for b in ax.containers[0]]
    [30, 14, 7, 3, 1]
    """
    import matplotlib as mpl

    funnel = funnel_summary(data)
    table = funnel.table
    title = "How far your applications got"
    ax = new_axes(ax, 4)
    total = int(table["reached"].iloc[0])
    if not total:
        return message(ax, title, funnel.sentences[0])
    reached = table["reached"].to_numpy()
    counts = [int(n) for n in reached]
    y = np.arange(len(table))
    colour = mpl.colormaps[CMAP](np.linspace(0.25, 0.8, len(table)))
    bars = ax.barh(y, reached, left=(total - reached) / 2, color=colour, height=0.7)
    words = [
        f"{n} application{'s' * (n != 1)}" if i == 0 else f"{n} ({n / total:.0%})"
        for i, n in enumerate(counts)
    ]
    ax.bar_label(
        bars,
        words,
        label_type="center",
        fontsize="small",
        color="black",
        bbox={"facecolor": "white", "alpha": 0.7, "linewidth": 0},
    )
    for row, n in zip(y, table["rejected"], strict=True):
        if n:
            ax.text(
                total * 1.02, row, f"{n} rejected here", va="center", fontsize="small", color="0.3"
            )
    ax.set_yticks(y, table["label"])
    ax.invert_yaxis()
    ax.set_xlim(0, total * 1.3)
    ax.set_xticks([])
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    share = funnel.interview_share
    ax.set_title(f"{title}\n(you reached an interview in {share:.0%} of your applications)")
    return ax


def plot_passed_vs_rejected(data, *, ax=None):
    """Your average rating per touchpoint in rounds you passed and rounds that ended in a
    rejection; each bar says how many interviews it stands on, and faint bars stand on too
    few to mean much.

    >>> from rejectkit.store.workspace import Workspace
    >>> import matplotlib.pyplot as plt
    >>> data = Workspace("data/sample").read()
    >>> ax = plot_passed_vs_rejected(data, ax=plt.figure().add_subplot())
    >>> len(ax.containers)
    2
    """
    import matplotlib as mpl

    comparison = passed_vs_rejected(data)
    title = "Your ratings in rounds you passed and rounds you did not"
    table = comparison.table
    table = table[(table["passed_n"] > 0) | (table["rejected_n"] > 0)]
    ax = new_axes(ax, max(4, 0.55 * len(table) + 2))
    if not len(interview_table(data)):
        return message(ax, title, NO_INTERVIEWS)
    if not (comparison.passed and comparison.rejected):
        return message(ax, title, comparison.sentences[-1])
    if not (table["passed_n"].any() and table["rejected_n"].any()):
        return message(
            ax, title, "No touchpoint is rated both in a round you passed and in one you did not."
        )
    table = table.iloc[::-1]  # the kit's first touchpoint at the top
    y = np.arange(len(table))
    cmap = mpl.colormaps[CMAP]
    height = 0.38
    for offset, side, name, colour, hatch in (
        (height / 2, "passed", "Rounds you passed", cmap(0.15), None),
        (-height / 2, "rejected", "Rounds that ended in a rejection", cmap(0.85), "//"),
    ):
        n = table[f"{side}_n"].to_numpy()
        bars = ax.barh(
            y + offset,
            table[f"{side}_mean"].fillna(0),
            height=height,
            color=colour,
            hatch=hatch,
            edgecolor="0.3",
            linewidth=0.5,
            label=name,
        )
        for bar, enough in zip(bars, table["enough"], strict=True):
            bar.set_alpha(1 if enough else 0.35)
        ax.bar_label(bars, [f"n={k}" if k else "" for k in n], padding=3, fontsize="x-small")
    ax.set_yticks(y, [wrap(label, 30) for label in table["label"]], fontsize="small")
    ax.set_xlim(0, 5.6)
    rating_axis(ax.xaxis, "Average rating (1 = weak, 5 = strong)")
    from matplotlib.patches import Patch

    # Explicit handles: a faint bar must not make the legend faint.
    handles = [
        Patch(facecolor=cmap(0.15), edgecolor="0.3", label="Rounds you passed"),
        Patch(
            facecolor=cmap(0.85),
            edgecolor="0.3",
            hatch="//",
            label="Rounds that ended in a rejection",
        ),
    ]
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.1),
        ncols=2,
        frameon=False,
        fontsize="small",
    )
    note = "faint bars: fewer than 3 interviews behind them"
    if comparison.warning:
        note = "too few interviews on one side to tell what separates them"
    ax.set_title(f"{title}\n({note})")
    return ax


def plot_strategy_changes(data, *, ax=None):
    """Each strategy change: the touchpoint's average just before it (hollow dot) and just
    after it (filled dot).

    >>> from rejectkit.store.workspace import Workspace
    >>> import matplotlib.pyplot as plt
    >>> data = Workspace("data/sample").read()
    >>> ax = plot_strategy_changes(data, ax=plt.figure().add_subplot())
    >>> len(ax.get_yticklabels())
    5
    """
    effects = strategy_effects(data)
    table = effects.table
    title = "Before and after each strategy change"
    ax = new_axes(ax, max(3.5, 0.6 * len(table) + 1.8))
    if not len(table):
        return message(ax, title, effects.sentences[0])
    if not (table["before_n"].any() or table["after_n"].any()):
        return message(
            ax,
            title,
            "None of your strategy changes has a rated interview before or after it yet.",
        )
    table = table.iloc[::-1]  # the oldest change at the top
    labels = [
        wrap(f"{short_date(d)}: {label}", 34)
        for d, label in zip(table["changed_on"], table["label"], strict=True)
    ]
    dumbbell(
        ax,
        labels,
        table["before_mean"].to_numpy(dtype=float),
        table["after_mean"].to_numpy(dtype=float),
        ("Before the change", "After the change"),
    )
    ax.legend(
        loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=2, frameon=False, fontsize="small"
    )
    ax.set_title(f"{title}\n(averages of up to three rated interviews on each side)")
    return ax
