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
    "HistoryPanel",
    "ImportFileError",
    "ImportForm",
    "RecordError",
    "RejectkitError",
    "Workspace",
    "activity",
    "import_applications",
    "open_workspace",
    "read_history",
    "stage_durations",
    "write_report",
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
    "HistoryPanel": "history_form",
    "ImportFileError": "errors",
    "ImportForm": "import_form",
    "activity": "report",
    "import_applications": "importing",
    "read_history": "history",
    "stage_durations": "history",
    "write_report": "report",
}


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'rejectkit' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
