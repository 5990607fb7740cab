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
    "InboxForm",
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
    "template_help",
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
    "TOUCHPOINTS": "store.schema",
    "ConflictError": "errors",
    "DataError": "errors",
    "RecordError": "errors",
    "RejectkitError": "errors",
    "Data": "store.dataset",
    "Workspace": "store.workspace",
    "open_workspace": "ui.cells",
    "today": "store.location",
    "Draft": "messages.drafts",
    "draft_message": "messages.drafts",
    "eml_bytes": "messages.drafts",
    "mailto_link": "messages.drafts",
    "template_help": "messages.drafts",
    "how_far": "analysis.mindset",
    "record_sent": "records.sent",
    "Reminder": "records.reminders",
    "add_contact": "records.reminders",
    "check_in": "records.reminders",
    "due": "records.reminders",
    "mark_ghosted": "records.reminders",
    "reminders": "records.reminders",
    "reminders_ics": "records.reminders",
    "write_reminders_ics": "records.reminders",
    "MessageForm": "ui.message_form",
    "DueView": "ui.due_view",
    "ApplicationForm": "ui.forms",
    "FeedbackForm": "ui.forms",
    "ReviewForm": "ui.forms",
    "StrategyForm": "ui.forms",
    "banner": "ui.banner",
    "HistoryPanel": "ui.history_panel",
    "ImportFileError": "errors",
    "ImportForm": "ui.import_form",
    "activity": "analysis.report",
    "import_applications": "records.importing",
    "read_history": "store.history",
    "stage_durations": "analysis.stages",
    "write_report": "analysis.report",
    # Patterns across interviews (notebook 04)
    "score_table": "analysis.touchpoints",
    "touchpoint_summary": "analysis.touchpoints",
    "touchpoint_highlights": "analysis.touchpoints",
    "funnel_summary": "analysis.funnel",
    "passed_vs_rejected": "analysis.comparisons",
    "blind_spots": "analysis.comparisons",
    "feedback_themes": "analysis.comparisons",
    "strategy_effects": "analysis.comparisons",
    "plot_score_trends": "charts.scores",
    "plot_score_heatmap": "charts.scores",
    "plot_touchpoint_changes": "charts.scores",
    "plot_funnel": "charts.outcomes",
    "plot_passed_vs_rejected": "charts.outcomes",
    "plot_strategy_changes": "charts.outcomes",
    "prep_sheet": "analysis.prep",
    "write_prep_sheet": "analysis.prep",
    "trend_picker": "ui.patterns_view",
    "pages": "ui.pages",
    # Sharing with a mentor (notebook 07)
    "share": "sharing.bundle",
    "ShareForm": "ui.share_form",
    "MentorNotesForm": "ui.share_form",
    "mentor_notes": "sharing.mentor_notes",
    # The rejection email in (notebook 09)
    "InboxForm": "ui.inbox_form",
}


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'rejectkit' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
