"""Leftovers: a command killed while it runs a notebook (``rejectkit share``) takes its
kernel with it; stale temp files of a killed save are swept by the next read (see
test_hostile.py and test_transaction.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

RUNNER = """
import sys
from datetime import date
from pathlib import Path

import nbformat

from rejectkit.sharing.notebooks import run_notebook

pid_file = sys.argv[1]
cell = f"import os, time\\nopen({pid_file!r}, 'w').write(str(os.getpid()))\\ntime.sleep(300)"
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell)])
here = Path(pid_file).parent
run_notebook(nb, "slow.ipynb", data=here, cwd=here, today=date(2026, 11, 20))
"""


def test_a_killed_command_takes_its_kernel_with_it(tmp_path):
    script, pid_file = tmp_path / "runner.py", tmp_path / "kernel.pid"
    script.write_text(RUNNER, "utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    command = subprocess.Popen([sys.executable, str(script), str(pid_file)], env=env)
    deadline = time.monotonic() + 120
    while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
        assert command.poll() is None, "the notebook did not start"
        time.sleep(0.2)
    kernel = psutil.Process(int(pid_file.read_text()))
    assert command.pid in {p.pid for p in kernel.parents()}
    command.send_signal(signal.SIGKILL)  # no clean-up code of the command can run
    command.wait()
    try:
        kernel.wait(timeout=15)  # ipykernel's parent poller sees its parent gone
    except psutil.TimeoutExpired:
        kernel.kill()
        raise AssertionError("the kernel outlived the command that started it") from None
