"""The kit's exceptions. Each message names the thing, what arrived, what is allowed and the fix."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ConflictError",
    "DataError",
    "ImportFileError",
    "LockTimeoutError",
    "OutputError",
    "Problem",
    "RecordError",
    "RejectkitError",
    "SaveError",
    "WorkspaceError",
]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a workspace file, printed as ``FILE:LINE: COLUMN: message``."""

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        column = f" {self.column}:" if self.column else ""
        return f"{self.file}:{self.line}:{column} {self.message}"


class RejectkitError(Exception):
    """Base of every error the kit raises on purpose; its text is meant for the user."""


class WorkspaceError(RejectkitError):
    """The workspace folder is missing, not a folder, or not usable."""


class DataError(RejectkitError):
    """One or more files of the workspace break the data format."""

    def __init__(self, problems, hint: str = ""):
        self.problems = list(problems)
        self.hint = hint
        lines = [str(p) for p in self.problems[:50]]
        if len(self.problems) > 50:
            lines.append(f"... and {len(self.problems) - 50} more problems.")
        if hint:
            lines.append(hint)
        super().__init__("\n".join(lines))


class RecordError(RejectkitError):
    """A record being saved breaks the data format; ``fields`` maps each column to its message."""

    def __init__(self, table: str, fields: dict[str, str]):
        self.table = table
        self.fields = dict(fields)
        listed = "; ".join(f"{c}: {m}" for c, m in self.fields.items())
        super().__init__(f"Not saved to {table}.csv: {listed}")


class ConflictError(RejectkitError):
    """A record changed on disk since it was loaded, so saving would overwrite someone's edit."""


class LockTimeoutError(RejectkitError):
    """Another save held the workspace lock for too long."""


class OutputError(RejectkitError):
    """A file the kit was asked to write would replace your data or a file it did not write."""


class SaveError(RejectkitError):
    """Writing a file failed (disk full, permissions, ...); the file on disk is unchanged."""


class ImportFileError(RejectkitError):
    """A file to import cannot be read, or the mapping asked for cannot work."""
