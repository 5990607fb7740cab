"""Every command-line example in the README, run as written by a newcomer on a scratch copy of
the kit: each prints what the README shows, and the kit's tree is unchanged afterwards.

The README's own blocks are the test's input, so an example that drifts from the kit fails
here. A block preceded by ``<!-- readme-example: illustrative ... -->`` is run for its exit
status only (its output depends on the user's own data); ``not run`` blocks are servers,
started by tests/test_serve.py.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow

FENCE = re.compile(
    r"(?:<!-- readme-example: (?P<mark>[^>]*?) -->\n)?```console\n(?P<body>.*?)```", re.S
)
# What differs from one run to the next, or from one user to another.
VARYING = [
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d"), "<time>"),
    (re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d\b"), "<time>"),
    (re.compile(r"\d+ identifying values replaced \(\d+ times\)"), "<n> identifying values"),
]


@dataclass
class Example:
    command: str
    shown: list[str]
    mark: str

    @property
    def exact(self) -> bool:
        return not self.mark


def examples(readme: str) -> list[Example]:
    found = []
    for block in FENCE.finditer(readme):
        mark = block["mark"] or ""
        for part in re.split(r"^\$ ", block["body"], flags=re.M)[1:]:
            command, *shown = part.rstrip("\n").split("\n")
            found.append(Example(command, shown, mark))
    return found


def _normal(text: str, home: Path) -> str:
    text = text.replace(str(home), "/home/you")
    for pattern, stand_in in VARYING:
        text = pattern.sub(stand_in, text)
    return text.rstrip()


def _shown_in(shown: list[str], actual: list[str]) -> str | None:
    """None when every shown line appears in ``actual``, in order; "..." stands for any lines
    left out. Otherwise the first shown line that is missing."""
    at = 0
    for line in shown:
        if line.strip() in ("...", "…") or not line.strip():
            continue
        line = line.rstrip()
        # "(...)" and a trailing "..." inside a line leave out part of it.
        pattern = re.escape(line).replace(r"\(\.\.\.\)", r"\(.*\)").replace(r"\.\.\.", ".*")
        while at < len(actual) and not re.fullmatch(pattern, actual[at].rstrip()):
            at += 1
        if at == len(actual):
            return line
        at += 1
    return None


def _my_log(home: Path, sample: Path) -> None:
    """The README's broken ``~/my-log``: the two mistakes it shows, on the lines it names."""
    target = home / "my-log"
    shutil.copytree(sample, target)
    for name, line, column, value in [("applications.csv", 7, "applied_on", "03/04/2025"),
                                      ("reviews.csv", 12, "score", "4.5")]:  # fmt: skip
        path = target / name
        rows = list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))
        rows[line - 1][rows[0].index(column)] = value
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\n").writerows(rows)
        path.write_text(out.getvalue(), "utf-8", newline="")


def _scratch_kit(tmp_path: Path) -> Path:
    """The kit's tracked files (and new ones not ignored) in a fresh git repository."""
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode().split("\0")  # fmt: skip
    kit = tmp_path / "kit"
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (kit / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, kit / name)
    for command in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c",
                    "user.email=t@example.org", "commit", "-qm", "kit"]):  # fmt: skip
        subprocess.run(["git", *command], cwd=kit, check=True, capture_output=True)
    return kit


def _status(kit: Path) -> str:
    return subprocess.run(
        ["git", "status", "--porcelain", "--ignored", "--untracked-files=all"],
        cwd=kit, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip


def test_the_readme_has_examples_to_run():
    found = examples((ROOT / "README.md").read_text("utf-8"))
    assert len(found) >= 15
    assert sum(e.exact for e in found) >= 10


def test_every_readme_example_runs_as_written(tmp_path):
    kit = _scratch_kit(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    _my_log(home, kit / "data" / "sample")
    bin_dir = Path(sys.executable).parent
    env = {
        **os.environ,
        "HOME": str(home),
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        # The scratch copy's own code, not the checkout the tests run from.
        "PYTHONPATH": str(kit),
    }
    env.pop("REJECTKIT_DATA")  # the README's commands find the workspace as a user's do
    # What `make lab` does first: the default workspace starts as a copy of the demo.
    subprocess.run([sys.executable, "-m", "rejectkit", "init", "--demo", "--data",
                    str(kit / "data" / "workspace")], env=env, check=True)  # fmt: skip
    before = _status(kit)
    failures = []
    for example in examples((kit / "README.md").read_text("utf-8")):
        if example.mark.startswith("not run"):
            continue
        result = subprocess.run(
            example.command, shell=True, cwd=kit, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, timeout=300,
        )  # fmt: skip
        output = _normal(result.stdout, home)
        assert "Traceback" not in output, f"$ {example.command}\n{output}"
        if not example.exact:
            continue
        expected_error = any(line.startswith("rejectkit ") for line in example.shown)
        if expected_error is False and result.returncode not in (0, 1):
            failures.append(f"$ {example.command}\nexit {result.returncode}\n{output}")
        elif missing := _shown_in(_normal("\n".join(example.shown), home).splitlines(),
                                  output.splitlines()):  # fmt: skip
            failures.append(f"$ {example.command}\nmissing: {missing}\ngot:\n{output}")
    assert not failures, "\n\n".join(failures)
    # The examples wrote only into the home folder and the user's own (ignored) workspace.
    after = _status(kit)
    new = sorted(set(after.splitlines()) - set(before.splitlines()))
    assert [line for line in new if not line.startswith("!! data/workspace/")] == []
