"""The one store: add, update, delete and replace, through the lock, atomically, with backups,
never overwriting an edit made meanwhile."""

from __future__ import annotations

import errno
import os

import pytest

from rejectkit.errors import ConflictError, DataError, RecordError, SaveError
from rejectkit.store.workspace import Workspace

NEW_APP = {
    "company": "Orchard Health Trust",
    "role": "Data analyst",
    "applied_on": "2026-11-02",
    "stage": "applied",
    "outcome": "open",
}


def rows(ws, table):
    return ws.read().tables[table].to_dict("records")


def test_add_assigns_the_next_id_and_writes_one_row(workspace):
    before = workspace.file("applications").read_bytes()
    new_id = workspace.add("applications", NEW_APP)
    assert new_id == "A0031"
    after = workspace.file("applications").read_bytes()
    assert (
        after == before + b"A0031,Orchard Health Trust,Data analyst,2026-11-02,,,applied,open,,,,\n"
    )


def test_ids_are_never_reused_after_a_delete(workspace):
    first = workspace.add("applications", NEW_APP)
    workspace.delete("applications", first)
    assert workspace.add("applications", NEW_APP) == "A0032"


def test_update_changes_only_the_named_fields(workspace):
    before = {r["id"]: r for r in rows(workspace, "applications")}
    saved = workspace.update(
        "applications", "A0030", {"outcome": "rejected", "outcome_on": "2026-11-20"}
    )
    after = {r["id"]: r for r in rows(workspace, "applications")}
    assert saved == {**before["A0030"], "outcome": "rejected", "outcome_on": "2026-11-20"}
    assert after["A0030"] == saved
    assert {k: v for k, v in after.items() if k != "A0030"} == {
        k: v for k, v in before.items() if k != "A0030"
    }


def test_update_refuses_a_record_changed_since_it_was_loaded(workspace):
    loaded = next(r for r in rows(workspace, "applications") if r["id"] == "A0030")
    # Meanwhile the user edits the same record in a spreadsheet (another writer).
    Workspace(workspace.path).update("applications", "A0030", {"notes": "Edited in Excel"})
    before = workspace.file("applications").read_bytes()
    with pytest.raises(
        ConflictError,
        match=r"A0030 in applications.csv changed since you loaded it "
        r"\(notes: you loaded '.*', the file now has 'Edited in Excel'\)",
    ):
        workspace.update("applications", "A0030", {"outcome": "rejected"}, expected=loaded)
    assert workspace.file("applications").read_bytes() == before


def test_an_add_keeps_a_row_added_in_a_spreadsheet_meanwhile(workspace):
    workspace.read()
    path = workspace.file("applications")
    with path.open("a", encoding="utf-8") as f:  # the user's edit, outside the kit
        f.write("A0040,Typed in Excel,Analyst,2026-11-01,,,applied,open,,,,\n")
    assert workspace.add("applications", NEW_APP) == "A0041"
    companies = [r["company"] for r in rows(workspace, "applications")]
    assert companies[-2:] == ["Typed in Excel", "Orchard Health Trust"]


def test_a_bad_record_is_refused_field_by_field_and_nothing_written(workspace):
    before = workspace.file("applications").read_bytes()
    with pytest.raises(RecordError) as err:
        workspace.add(
            "applications", {**NEW_APP, "applied_on": "03/04/2025", "role": "", "stage": "Final"}
        )
    assert set(err.value.fields) == {"applied_on", "role", "stage"}
    assert "ambiguous" in err.value.fields["applied_on"]
    assert "Did you mean 'final'?" in err.value.fields["stage"]
    assert workspace.file("applications").read_bytes() == before


def test_a_reference_to_nothing_is_refused(workspace):
    with pytest.raises(RecordError, match="application_id: 'A0999' is not the id of any row"):
        workspace.add(
            "interviews", {"application_id": "A0999", "held_on": "2026-11-20", "result": "pending"}
        )


def test_a_save_to_a_broken_file_is_refused_and_leaves_it_alone(workspace):
    path = workspace.file("applications")
    broken = path.read_bytes().replace(b"2026-05-04", b"04/05/2026", 1)
    path.write_bytes(broken)
    with pytest.raises(DataError, match=r"applications.csv:\d+: applied_on: '04/05/2026'"):
        workspace.add("applications", NEW_APP)
    assert path.read_bytes() == broken


def test_delete_refuses_a_record_others_refer_to(workspace):
    before = workspace.file("applications").read_bytes()
    with pytest.raises(ConflictError, match=r"A0001 is still used by \d+ rows? of interviews.csv"):
        workspace.delete("applications", "A0001")
    assert workspace.file("applications").read_bytes() == before


def test_replace_swaps_the_reviews_of_one_interview(workspace):
    others = [r for r in rows(workspace, "reviews") if r["interview_id"] != "I0002"]
    workspace.replace(
        "reviews",
        {"interview_id": "I0002"},
        [
            {"touchpoint": "first_interaction", "score": "5", "keep_doing": "Warm note"},
            {"touchpoint": "your_questions", "score": ""},
        ],
    )
    after = rows(workspace, "reviews")
    assert [r for r in after if r["interview_id"] != "I0002"] == others
    assert [(r["touchpoint"], r["score"]) for r in after if r["interview_id"] == "I0002"] == [
        ("first_interaction", "5"),
        ("your_questions", ""),
    ]


def test_the_user_dialect_is_kept_when_saving(tmp_path):
    ws = Workspace(tmp_path)
    text = (
        "\ufeffid;company;role;applied_on;stage;outcome\r\n"
        "A0001;Café Müller;Analyst;2026-05-04;applied;open\r\n"
    )
    ws.file("applications").write_bytes(text.encode("utf-8"))
    ws.add("applications", NEW_APP)
    saved = ws.file("applications").read_bytes().decode("utf-8")
    assert saved.startswith("\ufeffid;company;role;applied_on;stage;outcome;")
    assert saved.endswith(
        "A0002;Orchard Health Trust;Data analyst;2026-11-02;applied;open;;;;;;\r\n"
    )


def test_the_file_mode_is_kept(workspace):
    path = workspace.file("applications")
    path.chmod(0o640)
    workspace.add("applications", NEW_APP)
    assert path.stat().st_mode & 0o777 == 0o640


def test_backups_keep_the_last_saves(workspace):
    path = workspace.file("changes")
    versions = [path.read_bytes()]
    for i in range(7):
        workspace.add(
            "changes",
            {
                "changed_on": "2026-11-2" + str(i),
                "touchpoint": "your_questions",
                "change": f"Change {i}",
            },
        )
        versions.append(path.read_bytes())
    # Backup n holds the file as it was n saves ago; only the last five are kept.
    for n in range(1, 6):
        assert workspace.backup("changes", n).read_bytes() == versions[-1 - n]
    assert not workspace.backup("changes", 6).exists()


def test_stale_temp_files_are_swept_on_open(workspace):
    stale = workspace.path / ".reviews.csv.tmpx1.tmp"
    stale.write_text("half a file")
    Workspace(workspace.path).read()
    assert not stale.exists()


def test_stale_temp_files_are_swept(workspace):
    stale = workspace.path / ".applications.csv.abc123.tmp"
    stale.write_text("half a file")
    workspace.add("applications", NEW_APP)
    assert not stale.exists()
    assert not list(workspace.path.glob(".*.tmp"))


def test_a_full_disk_leaves_the_file_byte_identical(workspace, monkeypatch):
    path = workspace.file("applications")
    before = path.read_bytes()
    real_write = os.write

    def write_half_then_fail(fd, data):
        if os.readlink(f"/proc/self/fd/{fd}").endswith(".tmp") and len(data) > 100:
            real_write(fd, bytes(data[: len(data) // 2]))
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write_half_then_fail)
    with pytest.raises(
        SaveError,
        match=r"Could not save applications.csv: the disk is full. The file on disk is unchanged",
    ):
        workspace.add("applications", NEW_APP)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not list(workspace.path.glob(".*.tmp"))
    # The lock was released: the next save goes through, and the failed one used up no id.
    assert workspace.add("applications", NEW_APP) == "A0031"


def test_nul_characters_are_refused_not_written(workspace):
    with pytest.raises(RecordError, match="NUL"):
        workspace.add("applications", {**NEW_APP, "notes": "a\x00b"})


def test_keys_cannot_be_changed_by_update(workspace):
    with pytest.raises(RecordError, match="id: is assigned by the kit"):
        workspace.update("applications", "A0001", {"id": "A0099"})


def test_reading_again_reuses_the_tables_until_a_file_changes(workspace):
    first = workspace.read()
    again = workspace.read()
    assert again.applications.equals(first.applications)
    # Changing what a caller got never changes what the next caller gets.
    again.applications.loc[0, "company"] = "Changed by a caller"
    assert workspace.read().applications.loc[0, "company"] != "Changed by a caller"
    # A save, or an edit in another program, is seen at once.
    workspace.add("applications", NEW_APP)
    assert len(workspace.read().applications) == len(first.applications) + 1
    path = workspace.file("changes")
    path.write_text(
        path.read_text("utf-8") + "S0099,2026-11-24,your_questions,Typed in Excel\n", "utf-8"
    )
    assert workspace.read().changes["id"].iloc[-1] == "S0099"


def test_derived_tables_are_computed_once_and_callers_cannot_change_them(workspace):
    from rejectkit.analysis.touchpoints import score_table

    data = workspace.read()
    calls = []
    first = data.derived("x", lambda d: calls.append(1) or d.reviews.head(3))
    first.loc[0, "score"] = "changed by a caller"
    again = data.derived("x", lambda d: calls.append(1) or d.reviews.head(3))
    assert calls == [1]
    assert again.loc[0, "score"] != "changed by a caller"
    scores = score_table(data)
    scores["score"] = 0.0
    assert score_table(data)["score"].max() == 5.0
    # A new read starts afresh.
    assert "x" not in workspace.read()._derived
