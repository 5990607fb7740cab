"""rejectkit's benchmarks: each figure is a ratio to a floor measured in the same run.

    python bench/run.py [--quick] [--only NAME ...] [--json FILE]

Each timing is the median of several runs, the kit's and the floor's interleaved so that a
busy machine slows both alike. Large workspaces are generated from a fixed seed.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIGURES: dict[str, Callable[[argparse.Namespace, Path], dict]] = {}


def figure(func):
    FIGURES[func.__name__.removeprefix("bench_")] = func
    return func


def median_pair(
    kit: Callable[[], object], floor: Callable[[], object], runs: int
) -> tuple[float, float]:
    """Median seconds of ``kit`` and of ``floor``, run alternately after one warm-up each."""
    kit(), floor()
    kits, floors = [], []
    for _ in range(runs):
        for fn, out in ((kit, kits), (floor, floors)):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return statistics.median(kits), statistics.median(floors)


def _python(code: str) -> Callable[[], None]:
    return lambda: subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@figure
def bench_import(args, tmp: Path) -> dict:
    """`import rejectkit` (and reaching its store) against `import pandas`."""
    # Start-up times jitter by tens of milliseconds; more runs steady the median.
    kit, floor = median_pair(
        _python("import rejectkit; rejectkit.Workspace"), _python("import pandas"), args.runs * 3
    )
    return {
        "kit_s": kit,
        "floor_s": floor,
        "goal": 1.15,
        "what": "import rejectkit and its store vs import pandas",
    }


def _heavy(tmp: Path, name: str, applications: int) -> Path:
    from synthetic import generate_workspace

    path = tmp / name
    if not path.exists():
        generate_workspace(path, applications=applications, interviews=applications // 5, seed=7)
    return path


@figure
def bench_load(args, tmp: Path) -> dict:
    """Loading and checking a 100,000-application workspace against pandas.read_csv alone."""
    import pandas as pd

    from rejectkit.store.workspace import Workspace

    path = _heavy(tmp, "heavy", args.applications)
    files = [path / f"{n}.csv" for n in ("applications", "interviews", "reviews")]

    def floor():
        for f in files:
            pd.read_csv(f, dtype=str, keep_default_na=False)

    kit, floor_s = median_pair(lambda: Workspace(path).load(), floor, args.runs)
    return {
        "kit_s": kit,
        "floor_s": floor_s,
        "goal": 1.5,
        "what": f"load + validate {args.applications:,} applications, "
        f"{args.applications // 5:,} interviews, {args.applications * 2:,} reviews "
        "vs read_csv(dtype=str) of the same files",
    }


@figure
def bench_save(args, tmp: Path) -> dict:
    """Adding one application to the heavy workspace against adding one to a 100-row one."""
    from rejectkit.store.workspace import Workspace

    heavy = Workspace(_heavy(tmp, "heavy", args.applications))
    small = Workspace(_heavy(tmp, "small", 100))
    record = {
        "company": "Benchmark Co",
        "role": "Analyst",
        "applied_on": "2026-01-01",
        "stage": "applied",
        "outcome": "open",
    }
    kit, floor = median_pair(
        lambda: heavy.add("applications", record),
        lambda: small.add("applications", record),
        args.runs,
    )
    return {
        "kit_s": kit,
        "floor_s": floor,
        "goal": None,
        "what": f"add one application to {args.applications:,} rows vs to 100 rows "
        f"({kit * 1000:.0f} ms vs {floor * 1000:.0f} ms)",
    }


def _all_chart_data(data) -> None:
    """Everything the patterns notebook computes before it draws (pass a fresh copy: a Data
    keeps what it derived, and the figure is about computing it)."""
    from datetime import date

    from rejectkit.analysis import comparisons, funnel, prep
    from rejectkit.analysis import touchpoints as analysis
    from rejectkit.charts import scores as charts

    analysis.score_table(data)
    analysis.touchpoint_summary(data)
    analysis.touchpoint_highlights(data)
    charts.heatmap_frame(data, last=None)
    funnel.funnel_summary(data)
    comparisons.passed_vs_rejected(data)
    comparisons.blind_spots(data)
    comparisons.feedback_themes(data)
    comparisons.strategy_effects(data)
    prep.prep_sheet(data, today=date(2026, 11, 25))


@figure
def bench_patterns(args, tmp: Path) -> dict:
    """Every chart's data for the heavy workspace against a ten times smaller one."""
    from rejectkit.store.workspace import Workspace

    big = Workspace(_heavy(tmp, "heavy", args.applications)).load()
    small = Workspace(_heavy(tmp, "tenth", args.applications // 10)).load()
    kit, floor = median_pair(
        lambda: _all_chart_data(big.copy()),
        lambda: _all_chart_data(small.copy()),
        max(3, args.runs // 2),
    )
    return {
        "kit_s": kit,
        "floor_s": floor,
        "goal": 12.0,
        "what": f"every chart's data: {args.applications:,} applications vs "
        f"{args.applications // 10:,} (linear would be 10x)",
    }


def _execute(path: Path, workspace: Path) -> None:
    import os

    import nbformat
    from nbclient import NotebookClient

    os.environ["REJECTKIT_DATA"] = str(workspace)
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    if errors:
        raise RuntimeError(f"{path.name} failed: {errors[0]['evalue']}")


@figure
def bench_notebook(args, tmp: Path) -> dict:
    """Running the review notebook headless, kernel start included, against a notebook that
    only imports pandas and ipywidgets and shows a button."""
    import shutil

    import nbformat

    work = tmp / "notebooks"
    if not work.exists():
        shutil.copytree(ROOT / "notebooks", work)
        shutil.copytree(ROOT / "data" / "sample", tmp / "demo")
        floor_nb = nbformat.v4.new_notebook()
        floor_nb.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        floor_nb.cells = [
            nbformat.v4.new_code_cell(
                "import pandas as pd\nimport ipywidgets as w\nw.Button(description='Save')"
            )
        ]
        nbformat.write(floor_nb, work / "floor.ipynb")
    kit, floor = median_pair(
        lambda: _execute(work / "02-review-an-interview.ipynb", tmp / "demo"),
        lambda: _execute(work / "floor.ipynb", tmp / "demo"),
        max(3, args.runs // 2),
    )
    return {
        "kit_s": kit,
        "floor_s": floor,
        "goal": 1.3,
        "what": "execute 02-review-an-interview.ipynb vs a pandas + ipywidgets notebook",
    }


@figure
def bench_share(args, tmp: Path) -> dict:
    """The share export of a heavy user's log against running the same notebook on it as is."""
    from datetime import date

    from rejectkit.sharing.bundle import share
    from rejectkit.store.workspace import Workspace

    apps = 2_000 if not args.quick else 500
    path = _heavy(tmp, "sharer", apps)
    ws = Workspace(path)
    out = tmp / "bundle"

    def kit():
        share(ws, out, today=date(2026, 11, 25))

    def floor():
        _execute(ROOT / "notebooks" / "04-patterns.ipynb", path)

    kit_s, floor_s = median_pair(kit, floor, max(3, args.runs // 2))
    return {
        "kit_s": kit_s,
        "floor_s": floor_s,
        "goal": 1.5,
        "what": f"share export of {apps:,} applications and {apps // 5:,} interviews vs "
        "executing 04-patterns.ipynb on the same log",
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    parser.add_argument("--only", nargs="*", choices=sorted(FIGURES), help="run only these")
    parser.add_argument("--runs", type=int, default=None, help="timed runs per side")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    args = parser.parse_args(argv)
    args.applications = 2_000 if args.quick else 100_000
    args.runs = args.runs or (3 if args.quick else 7)
    results = {}
    with tempfile.TemporaryDirectory(prefix="rejectkit-bench-") as tmp:
        for name in args.only or FIGURES:
            r = FIGURES[name](args, Path(tmp))
            r["ratio"] = r["kit_s"] / r["floor_s"]
            met = ""
            if r["goal"] is not None:
                verdict = "met" if r["ratio"] <= r["goal"] else "NOT MET"
                met = f"  goal <= {r['goal']:.2f}x {verdict}"
            print(
                f"{name:<10} {r['ratio']:6.2f}x  ({r['kit_s']:.3f}s vs {r['floor_s']:.3f}s)"
                f"{met}\n           {r['what']}",
                flush=True,
            )
            results[name] = r
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {
                "machine": f"{platform.machine()}, {platform.python_implementation()} "
                f"{platform.python_version()}, {platform.system()}",
                "figures": results,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
