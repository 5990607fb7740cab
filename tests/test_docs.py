"""The README stays true: every file, column, touchpoint and command of the kit is documented."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from rejectkit.cli import COMMANDS
from rejectkit.store.schema import TABLES, TOUCHPOINTS

README = (ROOT / "README.md").read_text("utf-8")


def section(heading_start: str) -> str:
    match = re.search(rf"^#+ {re.escape(heading_start)}.*?(?=^#+ |\Z)", README, re.M | re.S)
    assert match, f"README has no section starting {heading_start!r}"
    return match.group()


def test_the_two_commands_come_first():
    assert README.index("make lab") < README.index("## The data format")
    assert README.index("make test") < README.index("## The data format")


@pytest.mark.parametrize("table", TABLES.values(), ids=lambda t: t.name)
def test_every_column_is_documented(table):
    text = section(f"`{table.file}`")
    documented = re.findall(r"^\| `(\w+)` \|", text, re.M)
    assert documented == list(table.names)
    for column in table.columns:
        row = re.search(rf"^\| `{column.name}` \|(.*)$", text, re.M).group(1)
        assert ("**required**" in row) == column.required, column.name
        for choice in column.choices:
            assert f"`{choice}`" in row, (column.name, choice)


def test_every_touchpoint_is_documented():
    text = section("The touchpoints")
    for t in TOUCHPOINTS:
        assert f"| `{t.key}` | {t.label} |" in text


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_documented(name):
    assert re.search(rf"^### `rejectkit {re.escape(name)}\b", README, re.M), name
