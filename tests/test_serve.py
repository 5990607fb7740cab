"""`rejectkit lab` and `rejectkit app` as a user runs them: a real process in a terminal's
process group, an address printed once it serves, and Ctrl-C leaving nothing running."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest
from conftest import ROOT
from jupyter_client import BlockingKernelClient

from rejectkit.run.app import _host, warn_if_open
from rejectkit.run.serve import is_loopback

URL = re.compile(r"^    (http://127\.0\.0\.1:(\d+)(/\S*)\?token=(\w+))$", re.M)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(command: str, tmp_path: Path, *extra: str) -> tuple[subprocess.Popen, Path]:
    port = _free_port()
    out = tmp_path / "out.txt"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "REJECTKIT_DATA": str(tmp_path / "first-run"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
    }
    env.pop("JUPYTER_TOKEN", None)
    # A new process group, as a terminal gives the command it runs: Ctrl-C signals the group.
    proc = subprocess.Popen(
        [sys.executable, "-m", "rejectkit", command, "--no-browser", "--port", str(port), *extra],
        stdout=out.open("wb"),
        stderr=subprocess.STDOUT,
        env=env,
        cwd=tmp_path,
        process_group=0,
    )
    return proc, out


def _address(proc: subprocess.Popen, out: Path, timeout: float = 90) -> re.Match:
    deadline = time.monotonic() + timeout
    while not (match := URL.search(out.read_text())):
        assert proc.poll() is None, f"exited early: {out.read_text()}"
        assert time.monotonic() < deadline, f"no address printed: {out.read_text()}"
        time.sleep(0.2)
    return match


def _request(url: str, token: str, method: str = "GET", body: dict | None = None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(
        url, data=data, method=method, headers={"Authorization": f"token {token}"}
    )
    with urllib.request.urlopen(req, timeout=30) as r:
        payload = r.read()
    return r.status, payload


def _family(proc: subprocess.Popen) -> list[psutil.Process]:
    return [proc_ := psutil.Process(proc.pid), *proc_.children(recursive=True)]


def _ctrl_c_and_check(proc: subprocess.Popen, out: Path, kernel_pid: int) -> None:
    family = _family(proc)
    assert any(p.pid == kernel_pid for p in family), "the kernel is not a child of the server"
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal does on Ctrl-C
    try:
        code = proc.wait(timeout=40)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail(f"still running 40 s after Ctrl-C: {out.read_text()}")
    assert code == 0, out.read_text()
    _gone, alive = psutil.wait_procs(family, timeout=5)
    assert not alive, f"left running after Ctrl-C: {[p.cmdline() for p in alive]}"
    assert "Traceback" not in out.read_text()


def _kill_all(proc: subprocess.Popen) -> None:
    """After a failed test: end the command, its server and kernels (each in its own session)."""
    if proc.poll() is None:
        family = _family(proc)
        for p in family:
            with contextlib.suppress(psutil.NoSuchProcess):
                p.kill()
        psutil.wait_procs(family, timeout=10)


def _kernel_pid(kernel_id: str) -> int:
    wanted = f"kernel-{kernel_id}.json"
    for p in psutil.process_iter(["pid", "cmdline"]):
        if any(wanted in part for part in p.info["cmdline"] or ()):
            return p.info["pid"]
    raise AssertionError(f"no process for kernel {kernel_id}")


@pytest.mark.slow
def test_lab_prints_its_address_and_ctrl_c_stops_it_with_its_kernels(tmp_path):
    proc, out = _start("lab", tmp_path)
    try:
        url, port, path, token = _address(proc, out).groups()
        assert path == "/lab/tree/00-start.ipynb"
        status, _ = _request(url.split("?")[0], token)
        assert status == 200
        # A kernel as a notebook starts it: the test proves kernels are stopped too.
        base = f"http://127.0.0.1:{port}"
        _, body = _request(f"{base}/api/kernels", token, "POST", {"name": "python3"})
        kernel = json.loads(body)
        # Wait until it is up, as a kernel a user works in is: a kernel still starting dies
        # noisily of the interrupt jupyter_client sends before every shutdown.
        client = BlockingKernelClient(
            connection_file=str(tmp_path / "runtime" / f"kernel-{kernel['id']}.json")
        )
        client.load_connection_file()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=60)
        finally:
            client.stop_channels()
        kernel_pid = _kernel_pid(kernel["id"])
        text = out.read_text()
        assert "holds the demo data" in text  # a first run gets the demo
        assert (tmp_path / "first-run" / "applications.csv").exists()
        assert text.count(token) == 1, "the address is printed once, not buried in a log"
        _ctrl_c_and_check(proc, out, kernel_pid)
        assert "Stopping JupyterLab and its kernels" in out.read_text()
        # Kernels talk over local sockets, so none warns about unencrypted TCP; the user's
        # copies of the notebooks are what JupyterLab serves.
        assert "without encryption" not in out.read_text()
        assert "Warning" not in out.read_text()
        assert f"Your notebooks: {tmp_path / 'first-run' / 'notebooks'}" in out.read_text()
    finally:
        _kill_all(proc)


@pytest.mark.slow
def test_app_serves_the_start_page_without_code_and_ctrl_c_stops_it(tmp_path):
    proc, out = _start("app", tmp_path)
    try:
        url, port, path, token = _address(proc, out).groups()
        assert path == "/voila/render/00-start.ipynb"
        # Rendering the page runs the notebook in a kernel of the app.
        status, body = _request(url.split("?")[0], token)
        page = body.decode()
        assert status == 200
        assert "Start here: a rejection is feedback, not failure" in page
        assert "rk.open_workspace()" not in page  # no code in the app
        # The list of pages, which the page renders from the notebook's output.
        assert '\\"02-review-an-interview.ipynb\\"' in page, page
        base = f"http://127.0.0.1:{port}"
        # Without the token the app asks for it instead of showing the log.
        with urllib.request.urlopen(f"{base}/voila/render/01-log-applications.ipynb") as r:
            assert "/login" in r.url and "Log your applications" not in r.read().decode()
        runtime_kernels = [p for p in _family(proc)[1:] if "ipykernel" in " ".join(p.cmdline())]
        assert runtime_kernels, "rendering the page started no kernel"
        _ctrl_c_and_check(proc, out, runtime_kernels[0].pid)
    finally:
        _kill_all(proc)


@pytest.mark.parametrize(
    ("ip", "loopback", "host"),
    [
        ("127.0.0.1", True, "127.0.0.1"),
        ("127.0.0.2", True, "127.0.0.2"),
        ("localhost", True, "localhost"),
        ("::1", True, "[::1]"),
        ("0.0.0.0", False, "127.0.0.1"),
        ("::", False, "[::1]"),
        ("192.168.1.20", False, "192.168.1.20"),
    ],
)
def test_which_addresses_are_this_computer_only(ip, loopback, host):
    assert is_loopback(ip) is loopback
    assert _host(ip) == host


def test_serving_beyond_this_computer_is_warned_about(capsys):
    warn_if_open("127.0.0.1")
    assert capsys.readouterr().err == ""
    warn_if_open("0.0.0.0")
    assert "Warning: serving on 0.0.0.0 lets other computers" in capsys.readouterr().err


def test_a_port_in_use_is_skipped_for_the_next_free_one():
    import socket

    from rejectkit.run.serve import free_port

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        chosen = free_port(port)
        assert chosen > port
        with socket.socket() as s:
            s.bind(("127.0.0.1", chosen))  # really free


def test_a_busy_port_is_said_and_the_next_free_one_used(capsys):
    from rejectkit.run.lab import choose_port

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        taken = busy.getsockname()[1]
        port = choose_port(None, taken)
        assert port > taken
        assert capsys.readouterr().out == (
            f"Port {taken} is in use (another JupyterLab or app?), so this one uses {port}.\n"
        )
        # A port the user asked for is used as asked, with nothing said.
        assert choose_port(taken, 8888) == taken and capsys.readouterr().out == ""
