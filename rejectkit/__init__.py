"""rejectkit: turn a job rejection into a better next interview.

The names a notebook may use are listed in ``__all__``; they load on first use, so that
``import rejectkit`` stays as quick as importing pandas.
"""

from __future__ import annotations

import importlib

__all__ = [
    "TOUCHPOINTS",
    "ConflictError",
    "Data",
    "DataError",
    "RecordError",
    "RejectkitError",
    "Workspace",
    "blind_spots",
    "feedback_themes",
    "funnel_summary",
    "open_workspace",
    "passed_vs_rejected",
    "plot_funnel",
    "plot_passed_vs_rejected",
    "plot_score_heatmap",
    "plot_score_trends",
    "plot_strategy_changes",
    "plot_touchpoint_changes",
    "prep_sheet",
    "score_table",
    "strategy_effects",
    "touchpoint_highlights",
    "touchpoint_summary",
    "trend_picker",
    "write_prep_sheet",
]

__version__ = "0.1.0"

_WHERE = {
    "TOUCHPOINTS": "schema",
    "ConflictError": "errors",
    "DataError": "errors",
    "RecordError": "errors",
    "RejectkitError": "errors",
    "Data": "store",
    "Workspace": "store",
    "open_workspace": "workspace",
    # Patterns across interviews (notebook 04)
    "score_table": "analysis",
    "touchpoint_summary": "analysis",
    "touchpoint_highlights": "analysis",
    "funnel_summary": "funnel",
    "passed_vs_rejected": "comparisons",
    "blind_spots": "comparisons",
    "feedback_themes": "comparisons",
    "strategy_effects": "comparisons",
    "plot_score_trends": "charts",
    "plot_score_heatmap": "charts",
    "plot_touchpoint_changes": "charts",
    "plot_funnel": "outcome_charts",
    "plot_passed_vs_rejected": "outcome_charts",
    "plot_strategy_changes": "outcome_charts",
    "prep_sheet": "prep",
    "write_prep_sheet": "prep",
    "trend_picker": "patterns_view",
}


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'rejectkit' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
