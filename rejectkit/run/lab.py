"""Starting JupyterLab on the kit's notebooks, with the user's workspace configured."""

from __future__ import annotations

import json
import os
import secrets
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from ..store.durable import write_file
from ..store.location import ENV, notebooks_path, open_workspace
from .serve import Service, free_port, serve
from .user_notebooks import sync_notebooks

__all__ = ["lab_environment", "notebooks_path", "run_lab"]

LAB_PORT = 8888

# JupyterLab asks every new user whether to fetch Jupyter news; the kit is offline-first and
# the pop-up covers the forms, so the answer is set once here.
_NOTIFICATION_SETTINGS = {"fetchNews": "false", "checkForUpdates": False}


def lab_environment(workspace: Path, settings_dir: Path) -> dict[str, str]:
    """The environment JupyterLab and its kernels run in: the workspace, quiet settings."""
    target = (
        settings_dir / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    )
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        write_file(target, json.dumps(_NOTIFICATION_SETTINGS, indent=2).encode())
    return {
        **os.environ,
        ENV: str(workspace),
        "JUPYTERLAB_SETTINGS_DIR": str(settings_dir),
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    }


def token() -> str:
    """The login token: ``$JUPYTER_TOKEN`` when set (as Jupyter does), else a fresh one."""
    return os.environ.get("JUPYTER_TOKEN") or secrets.token_hex(24)


def lab_command(notebooks: Path, port: int, config: Path) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        f"--ServerApp.root_dir={notebooks}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        # Our own line with the address is the one the user needs; Jupyter's start-up log
        # would bury it.
        "--ServerApp.log_level=WARN",
        "--LabApp.log_level=WARN",
        f"--config={config}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=None",
        # The kit is offline-first: no extension catalogue fetched from PyPI.
        "--LabApp.extension_manager=readonly",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Jupyter refuses to run as root unless told; containers often run as root.
        command.append("--ServerApp.allow_root=True")
    return command


def announce_workspace(data: str | None):
    """Open the workspace (the demo on a first run) and say which one it is."""
    ws = open_workspace(data)
    if ws.read().demo:
        print(
            f"Your workspace {ws.path} holds the demo data (fictional) to explore; the start "
            "notebook shows how to begin your own log."
        )
    else:
        print(f"Your workspace: {ws.path}")
    return ws


def run_lab(data: str | None = None, *, port: int | None = None, open_browser: bool = True) -> int:
    """Start JupyterLab, print its address and wait; Ctrl-C stops it and its kernels."""
    ws = announce_workspace(data)
    # JupyterLab saves outputs into the notebook it opened: it opens the user's copies.
    refresh = sync_notebooks(ws)
    print(f"Your notebooks: {refresh.folder}")
    for line in refresh.lines():
        print(line)
    port = choose_port(port, LAB_PORT)
    key = token()
    with (
        tempfile.TemporaryDirectory(prefix="rk-") as sockets,
        private_config(lab_settings(key, Path(sockets))) as config,
    ):
        service = Service(
            name="JupyterLab",
            command=lab_command(refresh.folder, port, config),
            env=lab_environment(ws.path, ws.path / ".rejectkit" / "lab-settings"),
            base_url=f"http://127.0.0.1:{port}",
            token=key,
            ready_path="/api/status",
            open_path="/lab/tree/00-start.ipynb",
        )
        return serve(service, open_browser=open_browser)


def lab_settings(key: str, sockets: Path) -> dict:
    """The server's settings: the login token, the pre-save hook that keeps outputs out of
    any notebook saved inside the kit's own (tracked) folder, and kernels on local sockets.

    Over local sockets (in a private temp folder) nothing can eavesdrop, and no kernel warns
    "running over TCP without encryption". Their paths must stay under 108 bytes, which a
    runtime folder deep in a home directory can exceed, hence the short ``sockets`` folder.

    ``notebook_shim`` only carries settings of the classic Notebook's config files over to
    the server; the kit has none, and the shim reads every server setting as it links, which
    prints "ServerApp.token config is deprecated" at each start.
    """
    return {
        "ServerApp": {"jpserver_extensions": {"notebook_shim": False}},
        "IdentityProvider": {"token": key},
        "ContentsManager": {"pre_save_hook": "rejectkit.run.user_notebooks.strip_kit_notebook"},
        "KernelManager": {"transport": "ipc", "ip": str(sockets / "kernel")},
    }


def choose_port(asked: int | None, preferred: int, ip: str = "127.0.0.1") -> int:
    """The port asked for, else ``preferred`` or the next free one, saying when it moved."""
    if asked:
        return asked
    port = free_port(preferred, ip)
    if port != preferred:
        print(f"Port {preferred} is in use (another JupyterLab or app?), so this one uses {port}.")
    return port


@contextmanager
def private_config(settings: dict, name: str = "config.json"):
    """A config file only this user can read, removed afterwards.

    The token goes there rather than on the command line, where `ps` shows it to every
    user of the computer.
    """
    with tempfile.TemporaryDirectory(prefix="rejectkit-") as folder:
        path = Path(folder) / name
        path.write_text(json.dumps(settings), "utf-8")
        yield path
