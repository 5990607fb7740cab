"""The kit as an app: Voila serves the notebooks as pages without code, on this computer only
unless told otherwise.

The start page is the start notebook itself (00-start.ipynb): its list of pages is made by
``rejectkit.ui.pages`` from the notebooks found next to it, so a new notebook appears there
without a change to the app, and the same page works in JupyterLab.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .lab import (
    announce_workspace,
    choose_port,
    lab_environment,
    notebooks_path,
    private_config,
    token,
)
from .serve import Service, is_loopback, serve

__all__ = ["START_PAGE", "app_command", "run_app", "warn_if_open"]

APP_PORT = 8866
START_PAGE = "00-start.ipynb"
# Shown under "There was an error when executing cell [n]." instead of Voila's advice to
# restart it with options.
ERROR_HINT = (
    "This is a bug in the kit, not something you did. The details are in the terminal where "
    "the app runs; the same page in JupyterLab (rejectkit lab) shows them too."
)
# Seconds a kernel whose page was left stays before it is ended.
CULL_AFTER = 300


def app_command(notebooks: Path, *, ip: str, port: int, config_dir: Path) -> list[str]:
    """The Voila command: every notebook of ``notebooks`` as a page, no code shown."""
    return [
        sys.executable,
        "-m",
        "voila",
        str(notebooks),
        "--no-browser",
        f"--Voila.ip={ip}",
        f"--Voila.port={port}",
        "--Voila.port_retries=0",
        f"--Voila.config_file_paths={config_dir}",
        # Errors only: Voila warns at every page that the kit's notebooks are not signed
        # ("not trusted"), which means nothing here.
        "--Voila.log_level=ERROR",
        "--VoilaConfiguration.strip_sources=True",
        # A traceback means nothing to the people this mode is for; the forms show their
        # own messages, and the server log keeps the details.
        "--VoilaConfiguration.show_tracebacks=False",
        f"--VoilaExecutor.cell_error_instruction={ERROR_HINT}",
        # Leaving a page should end its kernel, but Voila's request for that is refused
        # (voila-dashboards/voila#1458: no _xsrf cookie on the page). Kernels no page is
        # connected to are ended after a while instead; an open page's kernel is kept.
        f"--MappingKernelManager.cull_idle_timeout={CULL_AFTER}",
        "--MappingKernelManager.cull_interval=60",
    ]


def _host(ip: str) -> str:
    """Where this computer reaches a server bound to ``ip``.

    >>> _host("0.0.0.0"), _host("192.168.1.20"), _host("::")
    ('127.0.0.1', '192.168.1.20', '[::1]')
    """
    if ip in ("", "0.0.0.0"):
        return "127.0.0.1"
    if ip == "::":
        return "[::1]"
    return f"[{ip}]" if ":" in ip else ip


def warn_if_open(ip: str) -> None:
    """Say so when ``ip`` lets other computers reach the app."""
    if not is_loopback(ip):
        print(
            f"Warning: serving on {ip} lets other computers that can reach this one open your "
            "log (with the token in the address below). Use the default, 127.0.0.1, unless "
            "you mean it.",
            file=sys.stderr,
        )


def run_app(
    data: str | None = None,
    *,
    ip: str = "127.0.0.1",
    port: int | None = None,
    open_browser: bool = True,
) -> int:
    """Serve the notebooks as an app with Voila, print the address and wait for Ctrl-C."""
    warn_if_open(ip)
    ws = announce_workspace(data)
    port = choose_port(port, APP_PORT, ip)
    key = token()
    host = _host(ip)
    # Voila reads voila.json from the folders it is given.
    with private_config({"Voila": {"token": key}}, "voila.json") as config:
        service = Service(
            name="the rejectkit app",
            command=app_command(notebooks_path(), ip=ip, port=port, config_dir=config.parent),
            env=lab_environment(ws.path, ws.path / ".rejectkit" / "lab-settings"),
            base_url=f"http://{host}:{port}",
            token=key,
            ready_path="/voila/tree",
            open_path=f"/voila/render/{START_PAGE}",
        )
        return serve(service, open_browser=open_browser)
