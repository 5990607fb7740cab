"""Shared fixtures: real files in temporary workspaces, matplotlib without a screen."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

pytest_plugins = ["browser_support"]

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
NOTEBOOKS = ROOT / "notebooks"


@pytest.fixture(autouse=True)
def _isolated_workspace_env(monkeypatch, tmp_path_factory):
    """No test may touch the developer's own log: the default workspace points at a temp dir."""
    monkeypatch.setenv("REJECTKIT_DATA", str(tmp_path_factory.mktemp("default-workspace")))


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    """A temporary copy of the demo workspace."""
    target = tmp_path / "workspace"
    shutil.copytree(SAMPLE, target)
    return target


@pytest.fixture
def workspace(sample_copy):
    """A Workspace over a temporary copy of the demo data."""
    from rejectkit.store.workspace import Workspace

    return Workspace(sample_copy)


@pytest.fixture
def empty_workspace(tmp_path):
    """A new, empty workspace (header-only files)."""
    from rejectkit.store.location import init_workspace

    return init_workspace(tmp_path / "empty")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


# What tools leave in the kit's folder as they run; none of it holds a user's data.
_TOOL_LEFTOVERS = {".venv", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"}


def _kit_tree_status() -> set[str] | None:
    """``git status --porcelain --ignored`` of the kit's folder, less the tools' caches: every
    file a command added, changed or removed there, ignored files included (the demo's
    ``.rejectkit/`` would be one)."""
    import subprocess

    try:
        out = subprocess.run(
            ["git", "status", "--porcelain", "--ignored", "--untracked-files=all"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return {
        line
        for line in out.splitlines()
        if not _TOOL_LEFTOVERS.intersection(Path(line[3:].rstrip("/")).parts)
    }


def _is_worker(config) -> bool:
    return hasattr(config, "workerinput")


def pytest_sessionstart(session):
    if not _is_worker(session.config):
        session.config._kit_tree_before = _kit_tree_status()


def _check_kit_tree(session) -> None:
    """The kit's own tree (the demo included) is byte-identical after the suite: a test, or a
    command it runs, that writes into it fails the run, naming the paths."""
    before = getattr(session.config, "_kit_tree_before", None)
    after = _kit_tree_status()
    if _is_worker(session.config) or before is None or after is None or after == before:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    reporter.ensure_newline()
    for line in sorted(after ^ before):
        state = "appeared" if line in after else "went away"
        reporter.write_line(f"THE KIT'S TREE CHANGED during the tests ({state}): {line}")
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_sessionfinish(session, exitstatus):
    _check_kit_tree(session)
    _fail_on_skips(session)


def _fail_on_skips(session) -> None:
    """In CI (REJECTKIT_REQUIRE_BROWSER set) a skipped test fails the run: nothing may be
    silently left out there."""
    if not os.environ.get("REJECTKIT_REQUIRE_BROWSER"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        for report in skipped:
            reporter.write_line(f"SKIPPED IN CI (not allowed): {report.nodeid}: {report.longrepr}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
