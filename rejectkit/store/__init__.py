"""The store: the only code that reads or writes a workspace's files.

Everything above it (records, analysis, sharing, ui, run) goes through :class:`Workspace`;
the store itself imports nothing of the kit but :mod:`rejectkit.errors`. Its names load on
first use, so importing ``rejectkit.store.schema`` does not import pandas.
"""

from __future__ import annotations

import importlib

__all__ = ["META", "Data", "Workspace", "write_file"]

_WHERE = {"META": "schema", "Data": "dataset", "Workspace": "workspace", "write_file": "durable"}


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'rejectkit.store' has no attribute {name!r}")
