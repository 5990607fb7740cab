"""The user's copies of the notebooks: made in the workspace, refreshed from the kit's new
versions without losing an edit, and a save inside the kit's folder keeps no outputs."""

from __future__ import annotations

import json
import shutil

import nbformat
import pytest
from conftest import NOTEBOOKS, ROOT

from rejectkit.run.user_notebooks import strip_kit_notebook, sync_notebooks
from rejectkit.store.location import init_workspace


def _notebook(*sources: str, output: str | None = None) -> bytes:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    if output is not None:
        nb.cells[0].outputs = [nbformat.v4.new_output("stream", text=output)]
        nb.cells[0].execution_count = 1
    return nbformat.writes(nb).encode()


@pytest.fixture
def kit(tmp_path):
    folder = tmp_path / "kit"
    folder.mkdir()
    (folder / "01-log.ipynb").write_bytes(_notebook("print(1)"))
    return folder


def test_the_first_start_copies_every_kit_notebook(tmp_path):
    ws = init_workspace(tmp_path / "ws")
    refresh = sync_notebooks(ws)
    names = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
    assert refresh.added == names and refresh.updated == [] and refresh.lines() == []
    for name in names:
        assert (ws.path / "notebooks" / name).read_bytes() == (NOTEBOOKS / name).read_bytes()


# (what the user did to their copy, does the kit ship a new version,
#  what their copy holds afterwards, what is kept beside it)
CASES = [
    ("nothing", False, "print(1)", None),
    ("ran it and saved outputs", False, "print(1)", None),
    ("edited a cell", False, "print('mine')", None),
    ("nothing", True, "print(2)", None),
    ("ran it and saved outputs", True, "print(2)", None),
    ("edited a cell", True, "print(2)", "print('mine')"),
]


@pytest.mark.parametrize(("did", "kit_changed", "after", "aside"), CASES)
def test_a_refresh_follows_the_kit_and_never_loses_an_edit(tmp_path, kit, did, kit_changed,
                                                           after, aside):  # fmt: skip
    ws = init_workspace(tmp_path / "ws")
    sync_notebooks(ws, kit)
    copy = ws.path / "notebooks" / "01-log.ipynb"
    if did == "ran it and saved outputs":
        copy.write_bytes(_notebook("print(1)", output="Northwind Analytics"))
    elif did == "edited a cell":
        copy.write_bytes(_notebook("print('mine')"))
    if kit_changed:
        (kit / "01-log.ipynb").write_bytes(_notebook("print(2)"))
    refresh = sync_notebooks(ws, kit)
    assert nbformat.reads(copy.read_text(), 4).cells[0].source == after
    kept = ws.path / "notebooks" / "01-log (your edits).ipynb"
    if aside is None:
        assert not kept.exists() and refresh.kept == []
    else:
        assert nbformat.reads(kept.read_text(), 4).cells[0].source == aside
        assert refresh.kept == [("01-log.ipynb", "01-log (your edits).ipynb")]
        assert "your edited copy is kept as 01-log (your edits).ipynb" in refresh.lines()[1]
    # A third start with nothing new changes nothing, and keeps no second copy.
    before = {p.name: p.read_bytes() for p in copy.parent.iterdir()}
    again = sync_notebooks(ws, kit)
    assert {p.name: p.read_bytes() for p in copy.parent.iterdir()} == before
    assert again.updated == again.kept == again.added == []


def test_the_demo_folder_gets_no_copies(tmp_path):
    from rejectkit.errors import WorkspaceError
    from rejectkit.store.workspace import Workspace

    with pytest.raises(WorkspaceError, match="the kit's demo, which the kit never changes"):
        sync_notebooks(Workspace(ROOT / "data" / "sample"))
    assert not (ROOT / "data" / "sample" / ".rejectkit").exists()


@pytest.mark.parametrize(
    ("where", "stripped"),
    [("notebooks/zz-presave-test.ipynb", True), ("data/zz-presave-test/x.ipynb", False)],
)
def test_a_save_inside_the_kit_folder_keeps_no_outputs(where, stripped):
    """JupyterLab's contents manager with the kit's hook, saving as JupyterLab does."""
    from jupyter_server.services.contents.filemanager import FileContentsManager

    cm = FileContentsManager(root_dir=str(ROOT))
    cm.pre_save_hook = strip_kit_notebook
    nb = json.loads(_notebook("rk.banner(ws)", output="Northwind Analytics"))
    nb["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    target = ROOT / where
    checkpoints = target.parent / ".ipynb_checkpoints"
    had_checkpoints = checkpoints.exists()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        cm.save({"type": "notebook", "format": "json", "content": nb}, where)
        saved = json.loads(target.read_text())
    finally:
        target.unlink(missing_ok=True)
        if not had_checkpoints:
            shutil.rmtree(checkpoints, ignore_errors=True)
        if target.parent.name == "zz-presave-test":
            shutil.rmtree(target.parent)
    assert "".join(saved["cells"][0]["source"]) == "rk.banner(ws)"
    assert (saved["cells"][0]["outputs"] == []) is stripped
    assert ("widgets" not in saved["metadata"]) is stripped
