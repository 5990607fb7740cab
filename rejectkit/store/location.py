"""Where the workspace lives, and how a first-time user gets one (the demo, or an empty log)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from ..errors import WorkspaceError
from .csvread import empty_table
from .csvwrite import encode_table
from .kit import notebooks_path, sample_path
from .schema import TABLES
from .workspace import META, Workspace

__all__ = [
    "default_path",
    "init_workspace",
    "notebooks_path",
    "open_workspace",
    "resolve_path",
    "sample_path",
    "start_own_log",
    "today",
]

ENV = "REJECTKIT_DATA"
TODAY_ENV = "REJECTKIT_TODAY"
_PACKAGE = Path(__file__).resolve().parents[1]


def default_path() -> Path:
    """Where the log lives when neither ``--data`` nor ``REJECTKIT_DATA`` says otherwise.

    In a checkout of the kit that is ``data/workspace/`` (git ignores it); for an installed
    package it is ``~/rejectkit-data``.
    """
    checkout = _PACKAGE.parent
    if (checkout / "pyproject.toml").exists() and (checkout / "data").is_dir():
        return checkout / "data" / "workspace"
    return Path.home() / "rejectkit-data"


def resolve_path(data: str | os.PathLike | None = None) -> Path:
    """The workspace folder: ``data`` if given, else ``$REJECTKIT_DATA``, else the default.

    >>> resolve_path("/tmp/my-log")
    PosixPath('/tmp/my-log')
    """
    if data:
        return Path(data).expanduser()
    if os.environ.get(ENV):
        return Path(os.environ[ENV]).expanduser()
    return default_path()


def _has_data(path: Path) -> bool:
    return any((path / TABLES[name].file).exists() for name in TABLES)


def init_workspace(path: str | os.PathLike, *, demo: bool = False) -> Workspace:
    """Create a workspace at ``path``: a copy of the demo data, or empty files with headers.

    An existing workspace is never overwritten.

    >>> import tempfile
    >>> ws = init_workspace(tempfile.mkdtemp())
    >>> sorted(p.name for p in ws.path.glob("*.csv"))[:2]
    ['applications.csv', 'changes.csv']
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise WorkspaceError(f"{path} is a file, not a folder; choose a folder for your workspace.")
    if _has_data(path):
        raise WorkspaceError(
            f"{path} already holds a workspace; nothing was changed. Use another folder, or "
            "move that one aside first."
        )
    path.mkdir(parents=True, exist_ok=True)
    ws = Workspace(path)
    with ws.locked():
        source = sample_path() if demo else None
        for table in TABLES.values():
            if source is not None and (source / table.file).exists():
                ws.put_file(table.name, (source / table.file).read_bytes())
            else:
                ws.put_file(table.name, _empty_file(table.name))
        if demo:
            ws.put_meta("demo", DEMO_NOTE.encode())
    return ws


DEMO_NOTE = "This workspace started as a copy of the fictional demo data.\n"


def _empty_file(name: str) -> bytes:
    empty = empty_table(TABLES[name])
    return encode_table(empty.frame, empty.dialect)


def open_workspace(data: str | os.PathLike | None = None, *, demo_if_new: bool = True) -> Workspace:
    """The user's workspace; a first run with no data gets a copy of the demo to explore.

    >>> import tempfile
    >>> open_workspace(tempfile.mkdtemp() + "/log").read().demo
    True
    """
    path = resolve_path(data)
    if not _has_data(path):
        return init_workspace(path, demo=demo_if_new)
    return Workspace(path)


def start_own_log(ws: Workspace) -> Path:
    """Move the demo data of ``ws`` aside and give it empty files; return where the demo went."""
    if not (ws.path / META / "demo").exists():
        raise WorkspaceError(f"{ws.path} holds your own data, not the demo; nothing was moved.")
    with ws.locked():
        archive = ws.path / META / "demo-data"
        for table in TABLES.values():
            src = ws.path / table.file
            if src.exists():
                ws.put_meta(f"demo-data/{table.file}", src.read_bytes())
            ws.put_file(table.name, _empty_file(table.name))
        ws.put_meta("demo", None)
    return archive


def today() -> date:
    """Today's date, for a notebook cell to pass on as ``today=``; ``$REJECTKIT_TODAY``
    (YYYY-MM-DD) overrides it.

    ``rejectkit share`` runs the bundle's notebooks with ``REJECTKIT_TODAY`` set to today
    moved by the secret date shift, so "prepared on" and "your next interview" agree with
    the shifted dates instead of giving the shift away.

    >>> import os
    >>> os.environ["REJECTKIT_TODAY"] = "2026-11-20"
    >>> today()
    datetime.date(2026, 11, 20)
    >>> del os.environ["REJECTKIT_TODAY"]
    """
    text = os.environ.get(TODAY_ENV, "").strip()
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise WorkspaceError(
            f"{TODAY_ENV} is {text!r}, not a day written YYYY-MM-DD; set it to a date such as "
            "2026-11-20, or unset it to use today's date."
        ) from None
