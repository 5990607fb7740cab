"""Every notebook is written from one source, ``notebooks-src/<name>.py`` (py:percent), by
``tools/notebooks.py``; and every code cell is a call or two into the public API of rejectkit."""

from __future__ import annotations

import ast
import builtins
import importlib.util
import re
import shutil
import subprocess
import sys

import nbformat
import pytest
from conftest import NOTEBOOKS, ROOT

import rejectkit

_spec = importlib.util.spec_from_file_location("notebooks_tool", ROOT / "tools" / "notebooks.py")
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)

SOURCE_FILES = sorted(tool.SOURCES.glob("*.py"))
NOTEBOOK_FILES = sorted(NOTEBOOKS.glob("*.ipynb"))
MAX_LINES = 10


def code_cells(path) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


# --- one source per notebook -------------------------------------------------------------------


def test_every_source_has_a_notebook_and_every_notebook_a_source():
    assert len(SOURCE_FILES) == 11, [p.name for p in SOURCE_FILES]
    assert [p.stem for p in SOURCE_FILES] == [p.stem for p in NOTEBOOK_FILES]


@pytest.mark.parametrize("source", SOURCE_FILES, ids=lambda p: p.name)
def test_the_notebook_is_what_its_source_writes(source):
    expected = tool.notebook_text(tool.read_source(source.read_text("utf-8")), source.stem)
    notebook = NOTEBOOKS / f"{source.stem}.ipynb"
    assert notebook.exists(), f"{source.name} has no notebook: run `make notebooks`"
    assert notebook.read_text("utf-8") == expected, (
        f"{notebook.name} is not what {source.name} writes: edit the source, run `make notebooks`"
    )


@pytest.mark.parametrize("source", SOURCE_FILES, ids=lambda p: p.name)
def test_each_source_is_written_the_one_way_the_tool_writes_it(source):
    text = source.read_text("utf-8")
    assert tool.percent_text(tool.read_source(text)) == text


def test_the_command_checks_without_writing_then_writes(tmp_path, capsys):
    sources, notebooks = tmp_path / "notebooks-src", tmp_path / "notebooks"
    shutil.copytree(tool.SOURCES, sources)
    notebooks.mkdir()
    assert tool.main([], sources, notebooks) == 0
    assert capsys.readouterr().out.count("wrote notebooks/") == len(SOURCE_FILES)
    assert tool.main(["--check"], sources, notebooks) == 0
    assert tool.main([], sources, notebooks) == 0
    assert capsys.readouterr().out == ""  # nothing stale, nothing written

    patterns = sources / "04-patterns.py"
    patterns.write_text(patterns.read_text("utf-8").replace("## 2.", "## Two.", 1), "utf-8")
    (notebooks / "01-log-applications.ipynb").unlink()
    shutil.copy(notebooks / "00-start.ipynb", notebooks / "09-scratch.ipynb")
    assert tool.main(["--check"], sources, notebooks) == 1
    err = capsys.readouterr().err
    assert "notebooks/04-patterns.ipynb is not what notebooks-src/04-patterns.py writes" in err
    assert "notebooks/01-log-applications.ipynb is not what" in err
    assert "notebooks/09-scratch.ipynb has no source: add notebooks-src/09-scratch.py" in err
    assert "05-reply" not in err
    assert not (notebooks / "01-log-applications.ipynb").exists()  # --check writes nothing

    assert tool.main([], sources, notebooks) == 1  # written, but the orphan is still named
    assert "wrote notebooks/04-patterns.ipynb" in capsys.readouterr().out
    assert "## Two." in (notebooks / "04-patterns.ipynb").read_text("utf-8")
    (notebooks / "09-scratch.ipynb").unlink()
    assert tool.main(["--check"], sources, notebooks) == 0


def test_the_command_line_check_passes_on_the_repository():
    done = subprocess.run(
        [sys.executable, "tools/notebooks.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x = 1\n", "s.py:1: start the file with a cell header"),
        ("# %% title\nx = 1\n", "s.py:1: '# %% title' is not a cell header"),
        ("# %% [md]\n# Hi\n", "s.py:1: '# %% [md]' is not a cell header"),
        ("# %%\nx = 1\n# %%\ny = 2\n", "s.py:3: leave one blank line before a cell"),
        ("# %%\nx = 1\n\n\n# %%\ny = 2\n", "s.py:1: the cell is empty, starts with a blank"),
        ("# %%\n\nx = 1\n", "s.py:1: the cell is empty, starts with a blank line"),
        ("# %%\n\n# %%\nx = 1\n", "s.py:1: the cell is empty"),
        ("# %% [markdown]\n# Hi\nthere\n", "s.py:3: a markdown line starts with '# '"),
        ("# %%\nx = 1", "s.py: end the file with exactly one newline"),
        ("# %%\nx = 1\n\n", "s.py: end the file with exactly one newline"),
        ("", "s.py: end the file with exactly one newline"),
    ],
)
def test_a_source_outside_the_strict_format_is_refused_with_its_line(text, message):
    with pytest.raises(tool.SourceError, match="^" + re.escape(message)):
        tool.read_source(text, "s.py")


# --- what a code cell may do ----------------------------------------------------------------------


def api_problems(cells: list[str]) -> list[str]:
    """What breaks the notebooks' one rule of imports: rejectkit as ``rk`` and its ``__all__``
    only (the standard library is allowed), every other name bound by an earlier cell."""
    problems, bound = [], set(dir(builtins))
    for i, source in enumerate(cells):
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    root = alias.name.split(".")[0]
                    if root == "rejectkit" and (alias.name, alias.asname) != ("rejectkit", "rk"):
                        problems.append(f"cell {i}: `import {alias.name}`: import rejectkit as rk")
                    elif root != "rejectkit" and root not in sys.stdlib_module_names:
                        problems.append(f"cell {i}: imports {alias.name}, not rejectkit")
                    bound.add(alias.asname or root)
            elif isinstance(node, ast.ImportFrom):
                root = (node.module or "").split(".")[0]
                if root == "rejectkit":
                    problems.append(f"cell {i}: `from {node.module} import`: call rk.<name>")
                elif root not in sys.stdlib_module_names:
                    problems.append(f"cell {i}: imports from {node.module}, not rejectkit")
                bound.update(alias.asname or alias.name for alias in node.names)
            elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                bound.add(node.id)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "rk"
                and node.attr not in rejectkit.__all__
            ):
                problems.append(f"cell {i}: rk.{node.attr} is not in rejectkit.__all__")
            elif isinstance(node, ast.Name) and node.id not in bound:
                problems.append(f"cell {i}: uses {node.id}, which no cell defines or imports")
    return problems


def shape_problems(cells: list[str]) -> list[str]:
    """Logic belongs in the package: no definitions in a cell, and no long cells."""
    problems = []
    definitions = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
    for i, source in enumerate(cells):
        if len(source.split("\n")) > MAX_LINES:
            problems.append(f"cell {i} runs past {MAX_LINES} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, definitions):
                problems.append(f"cell {i} defines {type(node).__name__} on its line {node.lineno}")
    return problems


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_code_cells_use_only_the_public_api(path):
    assert api_problems(code_cells(path)) == []


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_code_cells_are_short_and_define_nothing(path):
    assert shape_problems(code_cells(path)) == []


SETUP = "import rejectkit as rk\n\nws = rk.open_workspace()"


@pytest.mark.parametrize(
    ("cells", "problem"),
    [
        ([SETUP, "rk.banner(ws)"], None),
        ([SETUP, "from datetime import timedelta\nrk.today() - timedelta(days=91)"], None),
        ([SETUP, "from rejectkit.messages import template_help"], "`from rejectkit.messages"),
        (["from rejectkit import banner"], "`from rejectkit import`"),
        (["import rejectkit.messages"], "`import rejectkit.messages`"),
        (["import rejectkit"], "`import rejectkit`: import rejectkit as rk"),
        ([SETUP, "rk.drafts.template_help(ws.path)"], "rk.drafts is not in rejectkit.__all__"),
        ([SETUP, "print(template_help(ws.path))"], "uses template_help, which no cell"),
        (["import pandas as pd"], "imports pandas, not rejectkit"),
    ],
)
def test_the_api_rule_catches_what_it_should(cells, problem):
    found = api_problems(cells)
    assert (found == []) if problem is None else any(problem in p for p in found), found


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("rk.pages()", None),
        ("def f():\n    pass", "defines FunctionDef"),
        ("class Form:\n    pass", "defines ClassDef"),
        ("rows = sorted(ws.load().applications, key=lambda r: r)", "defines Lambda"),
        ("\n".join(f"x{i} = {i}" for i in range(MAX_LINES + 1)), "runs past 10 lines"),
    ],
)
def test_the_shape_rule_catches_what_it_should(source, problem):
    found = shape_problems([source])
    assert (found == []) if problem is None else any(problem in p for p in found), found
