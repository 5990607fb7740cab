"""The charts: the data behind each one, its artists and words, the edge cases, readability."""

from __future__ import annotations

import itertools

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from patterns_helpers import EDGES, build, build_edge, interview

from rejectkit.charts.outcomes import plot_funnel, plot_passed_vs_rejected, plot_strategy_changes
from rejectkit.charts.scores import plot_score_heatmap, plot_score_trends, plot_touchpoint_changes
from rejectkit.ui.patterns_view import trend_picker

CR, IQ, BQ = "company_research", "industry_questions", "behavioural_questions"
CR_LABEL = "Your research about the organisation"
IQ_LABEL = "The industry-specific questions"
CHARTS = [
    plot_score_trends,
    plot_score_heatmap,
    plot_touchpoint_changes,
    plot_funnel,
    plot_passed_vs_rejected,
    plot_strategy_changes,
]


def words(texts) -> list[str]:
    """Tick or legend texts as one line each (the charts wrap long labels)."""
    return [t.get_text().replace("\n", " ") for t in texts]


def axes():
    return plt.figure(figsize=(8.5, 6)).add_subplot()


@pytest.fixture
def three(tmp_path):
    """Three interviews: research 2, 3, 4; industry 4, n/a, 2; behavioural never rated."""
    return build(
        tmp_path / "ws",
        [
            interview("2026-01-05", "rejected", {CR: 2, IQ: 4, BQ: None}, company="Alder"),
            interview("2026-02-05", "advanced", {CR: 3, IQ: None, BQ: None}, company="Birch"),
            interview("2026-03-05", "rejected", {CR: 4, IQ: 2, BQ: None}, company="Cedar"),
        ],
        changes=[{"changed_on": "2026-02-01", "touchpoint": CR, "change": "One-page brief"}],
    )


def test_trends_draw_each_interview_and_a_rolling_average_per_touchpoint(three):
    ax = plot_score_trends(three, ax=axes())
    assert len(ax.lines) == 4  # a thin line and a trend line for each rated touchpoint
    trends = {line.get_label().replace("\n", " "): line for line in ax.lines[1::2]}
    assert list(trends) == [CR_LABEL, IQ_LABEL]
    assert trends[CR_LABEL].get_ydata().tolist() == [2.0, 2.5, 3.0]
    assert trends[IQ_LABEL].get_ydata().tolist() == [4.0, 3.0]  # the n/a interview is skipped
    assert ax.lines[0].get_ydata().tolist() == [2.0, 3.0, 4.0]
    assert pd.to_datetime(ax.lines[2].get_xdata()).strftime("%m-%d").tolist() == ["01-05", "03-05"]
    assert words(ax.get_legend().get_texts()) == [CR_LABEL, IQ_LABEL]
    assert ax.get_title().startswith("Your touchpoint ratings over time")
    assert ax.get_xlabel() == "Interview date"
    assert ax.get_ylabel() == "Your rating (1 = weak, 5 = strong)"


def test_trends_show_only_the_chosen_touchpoints_with_the_chosen_window(three):
    ax = plot_score_trends(three, touchpoints=[IQ], window=1, ax=axes())
    assert len(ax.lines) == 2
    assert ax.lines[1].get_ydata().tolist() == [4.0, 2.0]
    assert words(ax.get_legend().get_texts()) == [IQ_LABEL]


@pytest.mark.parametrize(
    ("touchpoints", "text"),
    [
        ([], "Choose at least one touchpoint to draw."),
        ([BQ], "None of the chosen touchpoints has a rating yet"),
    ],
)
def test_trends_say_why_when_the_choice_has_nothing_to_draw(three, touchpoints, text):
    ax = plot_score_trends(three, touchpoints=touchpoints, ax=axes())
    assert len(ax.lines) == 0 and text in ax.texts[0].get_text().replace("\n", " ")


def test_trends_refuse_an_unknown_touchpoint_by_name(three):
    with pytest.raises(ValueError, match="Unknown touchpoint 'body_language'; choose from: "):
        plot_score_trends(three, touchpoints=["body_language"], ax=axes())


def test_heatmap_shows_scores_as_colour_and_leaves_not_applicable_blank(three):
    ax = plot_score_heatmap(three, ax=axes())
    image = ax.images[0]
    values = image.get_array()
    assert values.shape == (3, 2)  # behavioural was never rated: no empty column
    assert values.mask.tolist() == [[False, False], [False, True], [False, False]]
    assert values.filled(0).tolist() == [[2, 4], [3, 0], [4, 2]]
    assert image.get_cmap().name == "cividis" and image.get_clim() == (1, 5)
    assert words(ax.get_xticklabels()) == [CR_LABEL, IQ_LABEL]
    assert words(ax.get_yticklabels()) == [
        "5 Jan 2026 · Alder",
        "5 Feb 2026 · Birch",
        "5 Mar 2026 · Cedar",
    ]
    assert sorted(t.get_text() for t in ax.texts) == ["2", "2", "3", "4", "4"]  # no n/a text
    assert any(p.get_hatch() == "///" for p in ax.patches)  # what shows through the blanks
    assert ax.get_title() == "Your ratings, interview by interview"
    assert "hatched: not applicable" in ax.figure.axes[1].get_ylabel()


def test_heatmap_keeps_the_most_recent_interviews_and_says_so(three):
    ax = plot_score_heatmap(three, last=2, ax=axes())
    assert ax.images[0].get_array().shape == (2, 2)
    assert words(ax.get_yticklabels())[0] == "5 Feb 2026 · Birch"
    assert ax.get_title().endswith("(your last 2 of 3 interviews)")


def test_touchpoint_changes_run_from_the_first_to_the_latest_interviews(three):
    ax = plot_touchpoint_changes(three, ax=axes())
    assert words(ax.get_yticklabels()) == [IQ_LABEL, CR_LABEL]  # most improved at the top
    lines = {line.get_label(): line for line in ax.lines}
    assert lines["Your first interviews"].get_xdata().tolist() == [4.0, 2.0]
    assert lines["Your latest interviews"].get_xdata().tolist() == [2.0, 4.0]
    assert lines["Overall average"].get_xdata().tolist() == [3.0, 3.0]
    assert [t.get_text() for t in ax.texts] == ["-2.0", "+2.0"]
    assert ax.get_title() == "Where each touchpoint started and where it is now"


def test_funnel_bars_are_the_applications_reaching_each_stage(sample_copy):
    from rejectkit.store.workspace import Workspace

    ax = plot_funnel(Workspace(sample_copy).load(), ax=axes())
    bars = ax.containers[0]
    assert [round(b.get_width()) for b in bars] == [30, 14, 7, 3, 1]
    assert [round(b.get_x() * 2 + b.get_width()) for b in bars] == [30] * 5  # centred
    assert words(ax.get_yticklabels()) == [
        "Applied",
        "Screening",
        "Interview",
        "Final round",
        "Offer",
    ]
    assert [t.get_text() for t in ax.texts if "rejected" in t.get_text()] == [
        "3 rejected here",
        "3 rejected here",
        "4 rejected here",
        "2 rejected here",
    ]
    assert "(you reached an interview in 23% of your applications)" in ax.get_title()
    assert "30 applications" in [t.get_text() for t in ax.texts]


def test_passed_against_rejected_bars_carry_their_counts(three):
    ax = plot_passed_vs_rejected(three, ax=axes())
    passed, rejected = ax.containers
    # Touchpoints listed top-down: research, then industry (industry never rated when passed).
    assert [b.get_width() for b in passed] == [0.0, 3.0]
    assert [b.get_width() for b in rejected] == [3.0, 3.0]
    labels = [t.get_text() for t in ax.texts]
    assert labels == ["", "n=1", "n=2", "n=2"]
    assert words(ax.get_yticklabels()) == [IQ_LABEL, CR_LABEL]
    assert "too few interviews on one side" in ax.get_title()
    assert words(ax.get_legend().get_texts()) == [
        "Rounds you passed",
        "Rounds that ended in a rejection",
    ]
    assert all(b.get_alpha() == 0.35 for b in passed)  # faint: fewer than 3 behind them


def test_strategy_changes_compare_before_and_after(three):
    ax = plot_strategy_changes(three, ax=axes())
    assert words(ax.get_yticklabels()) == [f"1 Feb 2026: {CR_LABEL}"]
    lines = {line.get_label(): line for line in ax.lines}
    assert lines["Before the change"].get_xdata().tolist() == [2.0]
    assert lines["After the change"].get_xdata().tolist() == [3.5]
    assert [t.get_text() for t in ax.texts] == ["+1.5"]


# What each chart shows on each edge case: a chart, or a sentence saying why not.
SHOWS = {
    "no interviews": {
        **dict.fromkeys(CHARTS, "No interviews logged yet"),
        plot_funnel: "No applications logged yet",
        plot_strategy_changes: "Your strategy log is empty",
    },
    "one interview": {
        plot_score_trends: "chart",
        plot_score_heatmap: "chart",
        plot_touchpoint_changes: "After one interview there is nothing to compare yet",
        plot_funnel: "chart",
        plot_passed_vs_rejected: "nothing to compare until you have at least one round you passed",
        plot_strategy_changes: "Your strategy log is empty",
    },
    "not reviewed": {
        plot_score_trends: "None of the chosen touchpoints has a rating yet",
        plot_score_heatmap: "No touchpoint is rated yet",
        plot_touchpoint_changes: "No touchpoint is rated yet",
        plot_funnel: "chart",
        plot_passed_vs_rejected: "No touchpoint is rated both in a round you passed",
        plot_strategy_changes: "Your strategy log is empty",
    },
    "never rated": {
        plot_score_trends: "None of the chosen touchpoints has a rating yet",
        plot_score_heatmap: "No touchpoint is rated yet",
        plot_touchpoint_changes: "No touchpoint is rated yet",
        plot_funnel: "chart",
        plot_passed_vs_rejected: "nothing to compare",
        plot_strategy_changes: "Your strategy log is empty",
    },
    "custom touchpoint": {
        plot_score_trends: "chart",
        plot_score_heatmap: "chart",
        plot_touchpoint_changes: "chart",
        plot_funnel: "chart",
        plot_passed_vs_rejected: "nothing to compare",
        plot_strategy_changes: "chart",
    },
    "all scores equal": {
        plot_score_trends: "chart",
        plot_score_heatmap: "chart",
        plot_touchpoint_changes: "chart",
        plot_funnel: "chart",
        plot_passed_vs_rejected: "chart",
        plot_strategy_changes: "Your strategy log is empty",
    },
}


@pytest.mark.parametrize("edge", list(EDGES))
def test_every_chart_draws_or_says_why_on_the_edge_cases(tmp_path, edge):
    data = build_edge(tmp_path / "ws", edge)
    for chart in CHARTS:
        ax = chart(data, ax=axes())
        expected = SHOWS[edge][chart]
        drawn = ax.lines or ax.images or ax.containers
        if expected == "chart":
            assert drawn, (edge, chart.__name__)
            assert ax.axison
        else:
            text = " ".join(t.get_text().replace("\n", " ") for t in ax.texts)
            assert not drawn and not ax.axison, (edge, chart.__name__)
            assert expected in text, (edge, chart.__name__, text)
        assert ax.get_title(), chart.__name__
        plt.close("all")


def test_one_interview_draws_its_points_and_promises_the_trend(tmp_path):
    ax = plot_score_trends(build_edge(tmp_path / "ws", "one interview"), ax=axes())
    assert [line.get_ydata().tolist() for line in ax.lines] == [[3.0], [4.0]]
    assert all(line.get_marker() not in (None, "None", "") for line in ax.lines)
    assert "one interview so far" in ax.get_title()


def test_custom_touchpoints_appear_by_their_label(tmp_path):
    data = build_edge(tmp_path / "ws", "custom touchpoint")
    label = "The technical test or take-home task"
    assert label in words(plot_score_trends(data, ax=axes()).get_legend().get_texts())
    assert label in words(plot_score_heatmap(data, ax=axes()).get_xticklabels())
    assert f"15 Jan 2026: {label}" in words(
        plot_strategy_changes(data, ax=axes()).get_yticklabels()
    )


def _overlapping(texts, renderer):
    boxes = [t.get_window_extent(renderer) for t in texts if t.get_visible() and t.get_text()]
    return [(a, b) for a, b in itertools.combinations(boxes, 2) if a.overlaps(b)]


@pytest.mark.parametrize("chart", CHARTS, ids=lambda c: c.__name__)
def test_charts_fit_the_notebook_width_without_overlapping_labels(workspace, chart):
    ax = chart(workspace.load())  # no ax: the chart makes a figure of its own size
    fig = ax.figure
    assert fig.get_figwidth() <= 9
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    assert not _overlapping(ax.get_xticklabels(), renderer)
    assert not _overlapping(ax.get_yticklabels(), renderer)
    # Nothing spills outside the figure, so nothing is cut off at the notebook's width.
    figure_box = fig.bbox
    for text in [*ax.get_xticklabels(), *ax.get_yticklabels(), ax.title]:
        if text.get_text():
            box = text.get_window_extent(renderer)
            assert box.x0 >= figure_box.x0 - 1 and box.x1 <= figure_box.x1 + 1, text.get_text()
    if ax.get_legend():
        legend = ax.get_legend().get_window_extent(renderer)
        assert legend.x0 >= -1 and legend.x1 <= figure_box.x1 + 1 and legend.y0 >= -1
        assert not any(legend.overlaps(t.get_window_extent(renderer)) for t in ax.get_xticklabels())


def test_the_picker_starts_with_what_moved_and_redraws_on_a_new_choice(workspace):
    view = trend_picker(workspace.load())
    assert view.picker.value == ("tell_me_about_yourself", "company_research", IQ)
    assert len(view.picker.options) == 11  # every rated touchpoint, the custom one included
    assert view.picker.options[-1] == ("The technical test or take-home task", "technical_test")
    assert len(view.ax.lines) == 6
    view.picker.value = (IQ,)
    assert len(view.ax.lines) == 2
    assert words(view.ax.get_legend().get_texts()) == [IQ_LABEL]
    view.picker.value = ()
    assert len(view.ax.lines) == 0
    assert "Choose at least one touchpoint" in view.ax.texts[0].get_text()
    assert plt.get_fignums() == []  # each drawing is closed once shown
    (shown,) = view.output.outputs
    assert shown["output_type"] == "display_data"
    assert shown["data"]["image/png"].startswith("iVBOR")  # a PNG, base64-encoded


def test_the_picker_shows_a_drawing_error_under_the_list(workspace):
    view = trend_picker(workspace.load())
    view.window = 0  # a window of no interviews cannot be averaged
    view.picker.value = (IQ,)
    (shown,) = view.output.outputs
    assert shown["name"] == "stderr"
    assert shown["text"].startswith("The chart could not be drawn: ")


def test_the_picker_of_an_empty_log_says_so(empty_workspace):
    view = trend_picker(empty_workspace.load())
    assert view.picker.options == ()
    assert "No interviews logged yet" in view.ax.texts[0].get_text().replace("\n", " ")


def test_rated_cells_and_markers_read_in_greyscale(three):
    """cividis rises steadily in lightness, so 1 to 5 stay in order when printed in grey."""
    ax = plot_score_heatmap(three, ax=axes())
    cmap = ax.images[0].get_cmap()
    rgb = cmap(np.linspace(0, 1, 5))[:, :3]
    grey = rgb @ [0.299, 0.587, 0.114]
    assert np.all(np.diff(grey) > 0.05)
