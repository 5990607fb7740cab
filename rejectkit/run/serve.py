"""Running a local web server (JupyterLab or Voila) for the user: one clear address to open,
and Ctrl-C (or closing the terminal) stops the server and every kernel it started.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import webbrowser
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Service", "free_port", "is_loopback", "serve"]

# How long a server may take to answer for the first time, and to shut its kernels down.
START_TIMEOUT = 120.0
STOP_TIMEOUT = 20.0


@dataclass
class Service:
    """What to run and how to reach it once it runs."""

    name: str  # "JupyterLab", shown to the user
    command: list[str]
    env: dict[str, str]
    base_url: str  # http://127.0.0.1:8888
    token: str
    ready_path: str  # answers 200 (with the token) once the server serves
    open_path: str  # the page to open: /lab, /voila/render/00-start.ipynb
    cwd: Path | None = None

    @property
    def title(self) -> str:
        """The name at the start of a sentence."""
        return self.name[:1].upper() + self.name[1:]

    @property
    def url(self) -> str:
        """The address to open in a browser, with the token that logs in."""
        return f"{self.base_url}{self.open_path}?token={self.token}"


def is_loopback(ip: str) -> bool:
    """True when ``ip`` only accepts connections from this computer.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if ip == "localhost":
        return True
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return False


def free_port(preferred: int, ip: str = "127.0.0.1", tries: int = 50) -> int:
    """``preferred`` if nothing listens there, else the next free port after it.

    A fixed first choice keeps the address the same from one day to the next.
    """
    for port in range(preferred, preferred + tries):
        with socket.socket() as s:
            # As the servers do: a port left in TIME_WAIT by the last run is free to use.
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind((ip if ip not in ("", "*") else "0.0.0.0", port))
            except OSError:
                continue
            return port
    raise OSError(
        f"No free port between {preferred} and {preferred + tries - 1}; choose one with --port."
    )


def _ready(service: Service) -> bool:
    request = urllib.request.Request(
        service.base_url + service.ready_path,
        headers={"Authorization": f"token {service.token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


class _Stop(Exception):
    """Raised by the SIGTERM/SIGHUP handler, so that those stop the server like Ctrl-C."""


def _raise_stop(signum, _frame):
    raise _Stop(signal.Signals(signum).name)


def serve(service: Service, *, open_browser: bool = True, out=None) -> int:
    """Run ``service`` until Ctrl-C; return its exit status (0 after a clean stop).

    The server runs in its own session, so a terminal's Ctrl-C reaches only us; we then
    ask it to stop with SIGTERM, which JupyterLab and Voila both handle by shutting their
    kernels down (a SIGINT would make JupyterLab ask "Shutdown this Jupyter server?").
    Kernels that outlive the server anyway are ended here, so that none is left behind.
    """
    out = out or sys.stdout
    stops = [signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)]
    previous = _install(dict.fromkeys(stops, _raise_stop))
    proc = None
    try:
        proc = subprocess.Popen(
            service.command, env=service.env, cwd=service.cwd, start_new_session=True
        )
        deadline = time.monotonic() + START_TIMEOUT
        while not _ready(service):
            if proc.poll() is not None:
                print(f"{service.title} stopped before it was ready (exit {proc.returncode}); "
                      "its messages are above.", file=sys.stderr)  # fmt: skip
                return proc.returncode or 1
            if time.monotonic() > deadline:
                print(f"{service.title} did not answer within {START_TIMEOUT:.0f} s; stopping it.",
                      file=sys.stderr)  # fmt: skip
                return 1
            time.sleep(0.25)
        print(
            f"\n{service.title} is ready. Open this address in your browser:\n\n"
            f"    {service.url}\n\n"
            "Press Ctrl-C here to stop it (your work is saved as you go).\n",
            file=out,
            flush=True,
        )
        if open_browser:
            webbrowser.open(service.url)
        return proc.wait()
    except (KeyboardInterrupt, _Stop):
        print(f"\nStopping {service.name} and its kernels ...", file=sys.stderr, flush=True)
        return 0
    finally:
        if proc is not None:
            _stop(proc)
        _install(previous)


def _install(handlers: dict) -> dict:
    previous = {}
    for signum, handler in handlers.items():
        # Outside the main thread signals cannot be set: the caller handles them then.
        with contextlib.suppress(ValueError):
            previous[signum] = signal.signal(signum, handler)
    return previous


def _stop(proc: subprocess.Popen) -> None:
    """Stop the server, then end any of its kernels still running."""
    import psutil

    try:
        kernels = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        kernels = []
    # A second Ctrl-C while the kernels shut down must not leave them orphaned.
    previous = _install({signal.SIGINT: signal.SIG_IGN})
    try:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                _kill_group(proc.pid)
                proc.wait()
        _, alive = psutil.wait_procs(kernels, timeout=5)
        for p in alive:
            with contextlib.suppress(psutil.NoSuchProcess):
                p.kill()
        psutil.wait_procs(alive, timeout=5)
    finally:
        _install(previous)


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)
