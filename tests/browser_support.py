"""Browser fixtures (a pytest plugin loaded by conftest.py): a real JupyterLab (or Voila) server over temporary copies, driven by
Playwright in Debian's Chromium.

Without Chromium the browser tests skip with the reason, except when REJECTKIT_REQUIRE_BROWSER
is set (CI sets it), where a test that cannot run fails instead.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import NOTEBOOKS, ROOT, SAMPLE

CHROMIUM = os.environ.get("REJECTKIT_CHROMIUM", "/usr/bin/chromium")
# Without these flags Chromium keeps calling out to Google's services, which this machine's
# closed network refuses, slowing every start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable(reason: str):
    if os.environ.get("REJECTKIT_REQUIRE_BROWSER"):
        pytest.fail(f"browser test cannot run and REJECTKIT_REQUIRE_BROWSER is set: {reason}")
    pytest.skip(reason)


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).name.startswith("test_browser_"):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        _unavailable(
            f"Chromium not found at {CHROMIUM}; install Debian's 'chromium' package "
            "(or set REJECTKIT_CHROMIUM) to run the browser tests"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright for Python is not installed (pip install -e '.[dev]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, request, tmp_path):
    """A fresh page at JupyterLab's default size; a screenshot is saved if the test fails."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    failed = getattr(request.node, "report_call", None)
    if failed is not None and failed.failed:
        shot = tmp_path / "failure.png"
        pg.screenshot(path=str(shot), full_page=True)
        print(f"screenshot of the failure: {shot}")
    context.close()


def open_notebook(page, server: Server, name: str) -> None:
    """Open ``name`` in JupyterLab and wait until its own kernel is idle.

    The status bar is not enough: with a second notebook open it shows the first one's
    "Idle" while the new kernel still starts, and a Run All then is lost.
    """
    page.goto(server.open_url(f"/lab/tree/{name}"))
    page.locator(".jp-Notebook").first.wait_for()
    deadline = time.monotonic() + 90
    while not any(
        s["path"].endswith(name) and s["kernel"]["execution_state"] == "idle"
        for s in server.api("/api/sessions") or []
    ):
        assert time.monotonic() < deadline, f"the kernel of {name} never became idle"
        time.sleep(0.2)
    page.locator("#jp-main-statusbar").get_by_text("Idle").wait_for(timeout=90_000)


def run_all(page) -> None:
    """Run > Run All Cells (the menu command runmenu:run-all, which has no shortcut)."""
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.locator('[data-command="runmenu:run-all"]').click()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    token: str
    root: Path
    workspace: Path
    process: subprocess.Popen
    runtime: Path

    def api(self, path: str, method: str = "GET"):
        req = urllib.request.Request(
            f"{self.url}{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(req, timeout=10) as r:
            body = r.read()
        return json.loads(body) if body else None

    def open_url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.url}{path}{sep}token={self.token}"


def _processes_using(marker: str) -> list[int]:
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if marker in cmd:
            found.append(int(pid))
    return found


def _start(
    tmp_path: Path,
    argv: list[str],
    ready_path: str,
    token: str,
    port: int,
    root: Path,
    workspace: Path,
    env: dict[str, str] | None = None,
) -> Server:
    runtime = tmp_path / "runtime"
    settings = tmp_path / "lab-settings"
    notification = (
        settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    )
    notification.parent.mkdir(parents=True)
    notification.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    env = {
        **os.environ,
        "REJECTKIT_DATA": str(workspace),
        "JUPYTER_RUNTIME_DIR": str(runtime),
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "lab-workspaces"),
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        **(env or {}),
    }
    log = (tmp_path / "server.log").open("wb")
    proc = subprocess.Popen(
        argv, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=root, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}"
    server = Server(url, token, root, workspace, proc, runtime)
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {(tmp_path / 'server.log').read_text()[-3000:]}")
        try:
            urllib.request.urlopen(server.open_url(ready_path), timeout=2)
            return server
        except OSError:
            if time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(
                    f"server not ready: {(tmp_path / 'server.log').read_text()[-3000:]}"
                ) from None
            time.sleep(0.3)


def _stop(server: Server) -> None:
    server.process.send_signal(signal.SIGTERM)
    try:
        server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.process.pid, signal.SIGKILL)
        server.process.wait()
    # Kernels are started with connection files in our runtime folder; none may outlive us.
    deadline = time.monotonic() + 10
    while (left := _processes_using(str(server.runtime))) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not left, f"processes left behind after the server stopped: {left}"


def _end_sessions(server: Server) -> None:
    """Shut every notebook's kernel down (kernels outlive the page that started them).

    Asked again until none is left: a page still open may start one while we ask.
    """
    deadline = time.monotonic() + 30
    while True:
        for session in server.api("/api/sessions") or []:
            server.api(f"/api/sessions/{session['id']}", method="DELETE")
        for kernel in server.api("/api/kernels") or []:
            server.api(f"/api/kernels/{kernel['id']}", method="DELETE")
        left = server.api("/api/kernels")
        if not left:
            return
        assert time.monotonic() < deadline, f"kernels still running: {left}"
        time.sleep(0.2)


def _replace(target: Path, source: Path) -> None:
    """Make ``target`` a fresh copy of ``source``, keeping the folder itself."""
    for child in target.iterdir():
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()
    shutil.copytree(source, target, dirs_exist_ok=True)


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory):
    """One JupyterLab for the whole run (starting one takes seconds); tests take it through
    ``lab``, which resets it."""
    base = tmp_path_factory.mktemp("lab")
    root = base / "notebooks"
    shutil.copytree(NOTEBOOKS, root)
    workspace = base / "workspace"
    shutil.copytree(SAMPLE, workspace)
    token, port = secrets.token_hex(16), _free_port()
    argv = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        f"--ServerApp.port={port}",
        "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=None",
        # The kit is offline-first: no extension catalogue fetched from PyPI.
        "--LabApp.extension_manager=readonly",
        "--ContentsManager.allow_hidden=True",
        "--ServerApp.allow_root=True",
    ]
    server = _start(base, argv, "/api/status", token, port, root, workspace)
    yield server
    _end_sessions(server)
    _stop(server)


@pytest.fixture
def lab(browser, lab_server):
    """JupyterLab as if new: no kernel, fresh copies of the notebooks and of the demo
    workspace, no tabs remembered from an earlier test. Its kernels are shut down after.

    It takes ``browser`` first, so that without Chromium the test skips before a server
    starts, and so that a test's page (which needs the browser) closes before this resets.
    """
    server = lab_server
    _end_sessions(server)
    _replace(server.workspace, SAMPLE)
    _replace(server.root, NOTEBOOKS)
    for name in (server.api("/lab/api/workspaces") or {}).get("workspaces", {}).get("ids", []):
        server.api(f"/lab/api/workspaces/{name}", method="DELETE")
    yield server
    _end_sessions(server)


@pytest.fixture
def app(browser, tmp_path):
    """`rejectkit app` itself, on a temporary copy of the demo workspace (``browser`` first,
    as for ``lab``)."""
    workspace = tmp_path / "workspace"
    shutil.copytree(SAMPLE, workspace)
    token, port = secrets.token_hex(16), _free_port()
    argv = [sys.executable, "-m", "rejectkit", "app", "--no-browser", "--port", str(port)]
    server = _start(
        tmp_path, argv, "/voila/tree", token, port, NOTEBOOKS, workspace,
        env={"JUPYTER_TOKEN": token, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    yield server
    _stop(server)


# Finding things as a person does: by the words on the screen ---------------------------------


def _xpath_text(text: str) -> str:
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    parts = text.split('"')
    return "concat(" + ", '\"', ".join(f'"{p}"' for p in parts) + ")"


def field(scope, label: str):
    """The box of the form field, or touchpoint row, whose bold label reads ``label``.

    Its input, its buttons and the message shown under it are all inside.
    """
    return scope.locator(
        "xpath=.//div[contains(@class, 'widget-vbox')]"
        "[./div[contains(@class, 'widget-html')][.//b[normalize-space()="
        f"{_xpath_text(label)}]]]"
    ).last


def toggle(scope, text: str):
    """The toggle button reading ``text`` (a score, a result, an outcome)."""
    return scope.locator("button.widget-toggle-button").filter(
        has_text=re.compile(f"^{re.escape(text)}$")
    )


def text_box(scope, description: str):
    """The text box described ``description`` (e.g. "Keep doing:")."""
    return (
        scope.locator(".widget-text")
        .filter(has=scope.page.locator("label.widget-label", has_text=description))
        .locator("input")
    )
