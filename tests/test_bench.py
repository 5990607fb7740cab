"""The benchmarks still run: each figure of `bench/run.py --quick` on small workspaces.

Not a timing test (the figures are ratios measured by `make bench`); it fails when a
benchmark no longer runs, as one did when the package was regrouped.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT


@pytest.mark.slow
def test_every_benchmark_runs_on_small_workspaces(tmp_path):
    out = tmp_path / "figures.json"
    only = ["import", "load", "save", "patterns"]
    done = subprocess.run(
        [sys.executable, "bench/run.py", "--quick", "--runs", "1", "--json", str(out),
         "--only", *only],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(out.read_text())["figures"]
    assert sorted(figures) == sorted(only)
    assert all(f["kit_s"] > 0 and f["floor_s"] > 0 for f in figures.values())
