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


def pytest_sessionfinish(session, exitstatus):
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
