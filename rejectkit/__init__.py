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
    "MessageForm",
    "RecordError",
    "RejectkitError",
    "Reminder",
    "ReviewForm",
    "StrategyForm",
    "Workspace",
    "add_contact",
    "banner",
    "check_in",
    "draft_message",
    "due",
    "eml_bytes",
    "how_far",
    "mailto_link",
    "mark_ghosted",
    "open_workspace",
    "pages",
    "record_sent",
    "reminders",
    "reminders_ics",
    "write_reminders_ics",
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
    "pages": "pages",
}


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'rejectkit' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
