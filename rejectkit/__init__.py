"""rejectkit: turn a job rejection into a better next interview.

The names a notebook may use are listed in ``__all__``; they load on first use, so that
``import rejectkit`` stays as quick as importing pandas.
"""

from __future__ import annotations

import importlib

__all__ = [
    "TOUCHPOINTS",
    "ApplicationForm",
    "ConflictError",
    "Data",
    "DataError",
    "Draft",
    "DueView",
    "FeedbackForm",
    "HistoryPanel",
    "ImportFileError",
    "ImportForm",
    "MentorNotesForm",
    "MessageForm",
    "RecordError",
    "RejectkitError",
    "Reminder",
    "ReviewForm",
    "ShareForm",
    "StrategyForm",
    "Workspace",
    "activity",
    "add_contact",
    "banner",
    "blind_spots",
    "check_in",
    "draft_message",
    "due",
    "eml_bytes",
    "feedback_themes",
    "funnel_summary",
    "how_far",
    "import_applications",
    "mailto_link",
    "mark_ghosted",
    "mentor_notes",
    "open_workspace",
    "pages",
    "passed_vs_rejected",
    "plot_funnel",
    "plot_passed_vs_rejected",
    "plot_score_heatmap",
    "plot_score_trends",
    "plot_strategy_changes",
    "plot_touchpoint_changes",
    "prep_sheet",
    "read_history",
    "record_sent",
    "reminders",
    "reminders_ics",
    "score_table",
    "share",
    "stage_durations",
    "strategy_effects",
    "today",
    "touchpoint_highlights",
    "touchpoint_summary",
    "trend_picker",
    "write_prep_sheet",
    "write_reminders_ics",
    "write_report",
]

__version__ = "0.1.0"

_WHERE = {
    "TOUCHPOINTS": "schema",
    "ConflictError": "errors",
    "DataError": "errors",
    "RecordError": "errors",
    "RejectkitError": "errors",
    "Data": "dataset",
    "Workspace": "store",
    "open_workspace": "workspace",
    "today": "workspace",
    "Draft": "messages",
    "draft_message": "messages",
    "eml_bytes": "messages",
    "mailto_link": "messages",
    "how_far": "mindset",
    "record_sent": "sent",
    "Reminder": "reminders",
    "add_contact": "reminders",
    "check_in": "reminders",
    "due": "reminders",
    "mark_ghosted": "reminders",
    "reminders": "reminders",
    "reminders_ics": "reminders",
    "write_reminders_ics": "reminders",
    "MessageForm": "message_form",
    "DueView": "due_view",
    "ApplicationForm": "forms",
    "FeedbackForm": "forms",
    "ReviewForm": "forms",
    "StrategyForm": "forms",
    "banner": "display",
    "HistoryPanel": "history_form",
    "ImportFileError": "errors",
    "ImportForm": "import_form",
    "activity": "report",
    "import_applications": "importing",
    "read_history": "history",
    "stage_durations": "history",
    "write_report": "report",
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
    "pages": "pages",
    # Sharing with a mentor (notebook 07)
    "share": "share",
    "ShareForm": "share_form",
    "MentorNotesForm": "share_form",
    "mentor_notes": "mentor_notes",
}


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'rejectkit' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
