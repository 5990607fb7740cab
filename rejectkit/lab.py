"""Starting JupyterLab on the kit's notebooks, with the user's workspace configured."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from .workspace import ENV, open_workspace

__all__ = ["lab_environment", "notebooks_path", "run_lab"]

_PACKAGE = Path(__file__).resolve().parent

# JupyterLab asks every new user whether to fetch Jupyter news; the kit is offline-first and
# the pop-up covers the forms, so the answer is set once here.
_NOTIFICATION_SETTINGS = {"fetchNews": "false", "checkForUpdates": False}


def notebooks_path() -> Path:
    """The folder of the kit's notebooks."""
    for candidate in (_PACKAGE.parent / "notebooks", _PACKAGE / "notebooks"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("The notebooks folder is missing from this installation of rejectkit.")


def lab_environment(workspace: Path, settings_dir: Path) -> dict[str, str]:
    """The environment JupyterLab and its kernels run in: the workspace, quiet settings."""
    target = (
        settings_dir / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    )
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(_NOTIFICATION_SETTINGS, indent=2), "utf-8")
    return {
        **os.environ,
        ENV: str(workspace),
        "JUPYTERLAB_SETTINGS_DIR": str(settings_dir),
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    }


def lab_command(notebooks: Path, port: int | None, open_browser: bool) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={notebooks}",
        "--ServerApp.ip=127.0.0.1",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=None",
    ]
    if port:
        command.append(f"--ServerApp.port={port}")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Jupyter refuses to run as root unless told; containers often run as root.
        command.append("--ServerApp.allow_root=True")
    if not open_browser:
        command.append("--no-browser")
    return command


def run_lab(data: str | None = None, *, port: int | None = None, open_browser: bool = True) -> int:
    """Start JupyterLab and wait; Ctrl-C shuts it down with its kernels."""
    ws = open_workspace(data)
    if ws.read().demo:
        print(
            f"Your workspace {ws.path} holds the demo data (fictional) to explore; the start "
            "notebook shows how to begin your own log."
        )
    env = lab_environment(ws.path, ws.path / ".rejectkit" / "lab-settings")
    # JupyterLab runs in its own session, so Ctrl-C reaches only us; we then ask it to stop
    # with SIGTERM, which it handles by shutting its kernels down before exiting (a SIGINT
    # would make it ask "Shutdown this Jupyter server (y/[n])?" instead).
    proc = subprocess.Popen(
        lab_command(notebooks_path(), port, open_browser), env=env, start_new_session=True
    )
    try:
        return proc.wait()
    except KeyboardInterrupt:
        print("\nStopping JupyterLab and its kernels ...", file=sys.stderr)
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        return 0
