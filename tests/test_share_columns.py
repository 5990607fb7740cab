"""Issue 14, part 1: a bundle carries only the columns of the kit's format. A column the kit
does not know is left out of every table, with or without the coarser options, and the export
says which, one line each."""

from __future__ import annotations

import shutil

import pytest
from conftest import NOTEBOOKS
from leak_canary import EXTRA, build, traces

from rejectkit.cli import main
from rejectkit.sharing.aliases import AliasMap
from rejectkit.sharing.anonymise import ShareOptions, anonymise
from rejectkit.sharing.bundle import leak_scan
from rejectkit.store.schema import TABLES
from rejectkit.store.workspace import Workspace

COARSE = ShareOptions(drop_free_text=True, drop_locations=True, months=True)
LEFT_OUT = [
    f"{table}.csv, column {column!r}: not a column of the kit's format, so the kit has no "
    "rule to anonymise it"
    for table, columns in EXTRA.items()
    for column in columns
]


@pytest.fixture(scope="module")
def canary(tmp_path_factory):
    return build(tmp_path_factory.mktemp("columns") / "workspace")


def test_the_canary_files_do_hold_the_extra_columns(canary):
    tables = canary.load().tables
    for table, columns in EXTRA.items():
        assert set(columns) <= set(tables[table].columns), table


@pytest.mark.parametrize("options", [ShareOptions(), COARSE], ids=["plain", "coarse"])
def test_an_unknown_column_is_left_out_and_listed(canary, tmp_path, options):
    anon = anonymise(canary.load(), AliasMap(), 14, options)
    for name, frame in anon.tables.items():
        assert list(frame.columns) == list(TABLES[name].names), name
    assert [str(c) for c in anon.left_out] == LEFT_OUT
    from rejectkit.sharing.bundle import _write_tables

    _write_tables(tmp_path / "data", anon.tables)
    assert traces(tmp_path) == []
    assert leak_scan(tmp_path, anon.needles) == []


@pytest.mark.slow
def test_the_command_says_which_columns_it_left_out(canary, tmp_path, capsys):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, notebooks)
    out = tmp_path / "bundle"
    argv = ["share", "--data", str(canary.path), "--out", str(out)]
    argv += ["--drop-free-text", "--drop-locations", "--months"]
    import rejectkit.run.lab as lab

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(lab, "notebooks_path", lambda: notebooks)
        assert main(argv) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith(f"Wrote a bundle for your mentor to {out}: ")
    assert printed[1:] == [f"Left out {line}." for line in LEFT_OUT]
    assert traces(out) == []
    shared = Workspace(out / "data").read()
    for name, frame in shared.tables.items():
        assert list(frame.columns) == list(TABLES[name].names), name
    # The column names themselves stay with you: the bundle never mentions them.
    for path in out.rglob("*"):
        if path.is_file():
            text = path.read_bytes()
            assert not any(c.encode() in text for cols in EXTRA.values() for c in cols)


def test_the_review_lists_the_columns_left_out(canary):
    from rejectkit.sharing.bundle import review

    said = str(review(canary))
    assert "Left out: recruiter_mobile, home_address, panel_names, private_note (columns" in said


def test_a_kept_column_is_shared_scrubbed_as_free_text(tmp_path):
    ws = build(tmp_path / "ws")
    options = ShareOptions(keep_columns=("home_address", "panel_names"))
    anon = anonymise(ws.load(), AliasMap(), 14, options)
    assert [c.column for c in anon.left_out] == ["recruiter_mobile", "private_note"]
    apps = anon.tables["applications"]
    assert list(apps.columns) == [*TABLES["applications"].names, "home_address"]
    # Scrubbed like a note: the street address becomes an alias.
    assert set(apps["home_address"]) == {"Address 01"}
    # A name nobody listed in a kept column waits for a decision like any other.
    assert "Yevgenia Quarrendon" in {c.value for c in anon.candidates}
    hidden = anonymise(ws.load(), AliasMap(), 14, ShareOptions(
        keep_columns=options.keep_columns, hide=("Yevgenia Quarrendon",)))  # fmt: skip
    assert set(hidden.tables["interviews"]["panel_names"]) == {"Person 01"}
    assert hidden.candidates == []
    from rejectkit.sharing.bundle import _write_tables

    _write_tables(tmp_path / "data", hidden.tables)
    assert traces(tmp_path / "data") == []
    assert leak_scan(tmp_path / "data", hidden.needles) == []
    # With --drop-free-text a kept column is emptied like the notes.
    dropped = anonymise(ws.load(), AliasMap(), 14, ShareOptions(
        keep_columns=options.keep_columns, drop_free_text=True))  # fmt: skip
    assert set(dropped.tables["applications"]["home_address"]) == {""}
