"""The store: the only code that reads or writes a workspace's files.

Everything above it (records, analysis, sharing, ui, run) goes through :class:`Workspace`;
the store itself imports nothing of the kit but :mod:`rejectkit.errors`.
"""

from .dataset import Data
from .durable import write_file
from .workspace import META, Workspace

__all__ = ["META", "Data", "Workspace", "write_file"]
