"""Running a notebook twice in the same kernel, as JupyterLab does (each execution names its
cell): the second run replaces the forms of the first instead of adding to them, and writes
nothing."""

from __future__ import annotations

import json
import os
import shutil

import nbformat
import pytest
from conftest import NOTEBOOKS, ROOT
from formkit import snapshot

from rejectkit.errors import ConflictError

NOTEBOOK_FILES = sorted(NOTEBOOKS.glob("*.ipynb"))

# What the kernel holds: live widgets, forms on the workspace's refresh list, and how many of
# the objects the cells created are still open.
PROBE = """
import gc, json, sys
import ipywidgets
gc.collect()
_forms = sys.modules.get("rejectkit.ui.forms._base")
print(json.dumps({
    "widgets": len(ipywidgets.widgets.widget._instances),
    "forms": sum(len(list(s)) for s in _forms._OPEN.values()) if _forms else 0,
}))
"""


class Kernel:
    """A kernel driven the way JupyterLab drives it: every execution names its cell."""

    def __init__(self, cwd, env):
        from jupyter_client import KernelManager

        self.km = KernelManager(kernel_name="python3")
        self.km.start_kernel(cwd=str(cwd), env=env)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)

    def run_cell(self, code: str, cell_id: str | None) -> list[dict]:
        content = {"code": code, "silent": False, "store_history": True,
                   "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}  # fmt: skip
        metadata = {"cellId": cell_id} if cell_id else {}
        msg = self.kc.session.msg("execute_request", content, metadata=metadata)
        self.kc.shell_channel.send(msg)
        outputs = []
        while True:
            reply = self.kc.get_iopub_msg(timeout=120)
            if reply["parent_header"].get("msg_id") != msg["header"]["msg_id"]:
                continue
            kind = reply["msg_type"]
            if kind == "status" and reply["content"]["execution_state"] == "idle":
                break
            if kind in ("stream", "execute_result", "display_data", "error"):
                outputs.append(reply["content"] | {"type": kind})
        errors = [o for o in outputs if o["type"] == "error"]
        assert not errors, "\n".join("\n".join(e["traceback"]) for e in errors)
        return outputs

    def state(self) -> dict:
        outputs = self.run_cell(PROBE, None)
        return json.loads("".join(o["text"] for o in outputs if o["type"] == "stream"))

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


@pytest.fixture
def kernel_env(sample_copy):
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "REJECTKIT_DATA": str(sample_copy),
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    }


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_run_all_twice_keeps_one_set_of_forms_and_writes_nothing(
    path, tmp_path, kernel_env, sample_copy
):
    work = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, work)
    cells = [c for c in nbformat.read(work / path.name, as_version=4).cells
             if c.cell_type == "code"]  # fmt: skip
    before = snapshot(sample_copy)
    kernel = Kernel(work, kernel_env)
    try:
        for cell in cells:
            kernel.run_cell(cell.source, cell.id)
        first = kernel.state()
        for cell in cells:
            kernel.run_cell(cell.source, cell.id)
        second = kernel.state()
    finally:
        kernel.close()
    assert second == first, "running the notebook again left the first run's widgets alive"
    assert snapshot(sample_copy) == before


@pytest.mark.slow
def test_the_same_code_in_another_cell_is_another_form(tmp_path, kernel_env):
    kernel = Kernel(tmp_path, kernel_env)
    try:
        setup = "import rejectkit as rk\nws = rk.open_workspace()"
        kernel.run_cell(setup, "setup")
        kernel.run_cell("rk.ApplicationForm(ws)", "a")
        assert kernel.state()["forms"] == 1
        kernel.run_cell("rk.ApplicationForm(ws)", "a")
        assert kernel.state()["forms"] == 1  # the same cell again: replaced
        kernel.run_cell("rk.ApplicationForm(ws)", "b")
        assert kernel.state()["forms"] == 2  # another cell: both shown, both live
        # One cell showing two forms keeps both; its next run replaces both.
        kernel.run_cell("f1 = rk.FeedbackForm(ws)\nf2 = rk.StrategyForm(ws)", "c")
        assert kernel.state()["forms"] == 4
        kernel.run_cell("f1 = rk.FeedbackForm(ws)\nf2 = rk.StrategyForm(ws)", "c")
        assert kernel.state()["forms"] == 4
        # Without a cell id (a script, nbclient) nothing is tracked, nothing is closed.
        kernel.run_cell("rk.ApplicationForm(ws)", None)
        kernel.run_cell("rk.ApplicationForm(ws)", None)
        assert kernel.state()["forms"] == 6
    finally:
        kernel.close()


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (ConflictError("A0003 changed since you loaded it"), "A0003 changed since you loaded it"),
        (KeyError("stage"), "Something went wrong in the kit (KeyError: &#x27;stage&#x27;)"),
    ],
)
def test_the_one_guard_shows_a_failure_in_the_view_and_keeps_a_bug(error, shown):
    import ipywidgets as w

    from rejectkit.ui.cells import WidgetView

    class View(WidgetView):
        def __init__(self):
            self.message = w.HTML()
            self.widget = w.VBox([self.message])

    view, elsewhere = View(), w.HTML()

    def fail():
        raise error

    view._on(fail)(None)  # as a button's on_click calls it
    assert shown in view.message.value and "color:#b00020" in view.message.value
    assert (view.last_error is error) == (not isinstance(error, ConflictError))
    view._guard(fail, elsewhere)
    assert shown in elsewhere.value
    view.close()
