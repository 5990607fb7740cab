"""The history of every save, and undo: the file comes back byte for byte, or nothing changes."""

from __future__ import annotations

import errno
import os
from datetime import UTC, datetime, timedelta

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rejectkit.analysis.stages import stage_durations
from rejectkit.cli import main
from rejectkit.errors import ConflictError, DataError, SaveError
from rejectkit.store.history import changes, diff_frames, read_history
from rejectkit.store.undo import undo
from rejectkit.store.workspace import META

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
NEW = {"company": "Ivy Court", "role": "Analyst", "applied_on": "2026-11-18",
       "stage": "applied", "outcome": "open"}  # fmt: skip


def _clock(ws, step=timedelta(hours=1)):
    """Each save one hour after the last, from T0."""
    ticks = iter(T0 + k * step for k in range(10_000))
    ws.clock = lambda: next(ticks)
    return ws


def _rows(ws):
    h = read_history(ws)
    return [tuple(r) for r in h[["op", "at", "action", "file", "record", "row", "field", "old",
                                 "new", "undoes"]].itertuples(index=False)]  # fmt: skip


def test_history_of_add_update_delete(workspace):
    _clock(workspace)
    key = workspace.add("applications", NEW)
    workspace.update("applications", key, {"stage": "interview", "notes": 'Said "yes",\nthen'})
    workspace.delete("applications", "A0002")
    at = [(T0 + timedelta(hours=k)).isoformat() for k in range(3)]
    f = "applications.csv"
    assert _rows(workspace) == [
        (1, at[0], "add", f, "A0031", 31, "id", "", "A0031", ""),
        (1, at[0], "add", f, "A0031", 31, "company", "", "Ivy Court", ""),
        (1, at[0], "add", f, "A0031", 31, "role", "", "Analyst", ""),
        (1, at[0], "add", f, "A0031", 31, "applied_on", "", "2026-11-18", ""),
        (1, at[0], "add", f, "A0031", 31, "stage", "", "applied", ""),
        (1, at[0], "add", f, "A0031", 31, "outcome", "", "open", ""),
        (2, at[1], "update", f, "A0031", 31, "stage", "applied", "interview", ""),
        (2, at[1], "update", f, "A0031", 31, "notes", "", 'Said "yes",\nthen', ""),
        (3, at[2], "delete", f, "A0002", 2, "id", "A0002", "", ""),
        (3, at[2], "delete", f, "A0002", 2, "company", "Fennick & Rowe Retail", "", ""),
        (3, at[2], "delete", f, "A0002", 2, "role", "Reporting Analyst", "", ""),
        (3, at[2], "delete", f, "A0002", 2, "applied_on", "2026-05-06", "", ""),
        (3, at[2], "delete", f, "A0002", 2, "source", "job board", "", ""),
        (3, at[2], "delete", f, "A0002", 2, "location", "Manchester", "", ""),
        (3, at[2], "delete", f, "A0002", 2, "stage", "applied", "", ""),
        (3, at[2], "delete", f, "A0002", 2, "outcome", "rejected", "", ""),
        (3, at[2], "delete", f, "A0002", 2, "outcome_on", "2026-05-19", "", ""),
        (3, at[2], "delete", f, "A0002", 2, "notes",
         "Automated rejection email, no reason given", "", ""),
    ]  # fmt: skip


def test_a_save_that_changes_nothing_records_nothing(workspace):
    workspace.update("applications", "A0001", {"stage": "interview"})  # already interview
    assert read_history(workspace).empty


def test_replacing_reviews_records_only_what_changed_and_the_move(workspace):
    reviews = workspace.load().reviews
    mine = reviews.loc[reviews["interview_id"] == "I0002"]
    records = mine.drop(columns=["interview_id"]).to_dict("records")
    records[0] = records[0] | {"score": "5" if records[0]["score"] != "5" else "4"}
    workspace.replace("reviews", {"interview_id": "I0002"}, records)
    h = read_history(workspace)
    assert set(h["action"]) == {"update", "move"}
    update = h.loc[h["action"] == "update"]
    assert update[["record", "field", "old", "new"]].values.tolist() == [
        [f"I0002/{records[0]['touchpoint']}", "score", mine["score"].iat[0], records[0]["score"]]
    ]
    assert (h.loc[h["action"] == "move", "record"].str.startswith("I0002/")).all()


@pytest.mark.parametrize(
    "second_save",
    [
        pytest.param(lambda ws: ws.add("applications", NEW), id="add"),
        pytest.param(lambda ws: ws.add_many("applications", [NEW, NEW | {"role": "Lead"}]),
                     id="add_many"),
        pytest.param(lambda ws: ws.update("applications", "A0012", {"stage": "final",
                                                                     "notes": "a,\"b\"\nc"}),
                     id="update"),
        pytest.param(lambda ws: ws.delete("applications", "A0002"), id="delete-middle"),
        pytest.param(lambda ws: ws.delete("contacts", "C0001"), id="delete-first"),
        pytest.param(lambda ws: ws.replace("reviews", {"interview_id": "I0003"},
                                           [{"touchpoint": "your_questions", "score": "2"}]),
                     id="replace-reviews"),
        pytest.param(lambda ws: ws.add("touchpoints", {"key": "salary_talk",
                                                       "label": "Talking about pay"}),
                     id="custom-touchpoint"),
    ],
)  # fmt: skip
def test_undo_restores_the_file_byte_for_byte(workspace, second_save):
    workspace.update("applications", "A0003", {"notes": "first save"})
    snapshot = {p.name: p.read_bytes() for p in workspace.path.glob("*.csv")}
    second_save(workspace)
    assert {p.name: p.read_bytes() for p in workspace.path.glob("*.csv")} != snapshot
    undone = undo(workspace)
    assert undone["op"].iat[0] == 2
    assert {p.name: p.read_bytes() for p in workspace.path.glob("*.csv")} == snapshot
    # The undo is a save too, recorded as reverting save 2.
    h = read_history(workspace)
    assert set(h.loc[h["op"] == 3, "undoes"]) == {"2"}


def test_undo_walks_back_through_saves_and_is_recorded(workspace):
    original = workspace.file("applications").read_bytes()
    workspace.update("applications", "A0003", {"stage": "interview"})
    workspace.update("applications", "A0003", {"stage": "final"})
    assert undo(workspace)["op"].iat[0] == 2
    assert workspace.load().applications.set_index("id").at["A0003", "stage"] == "interview"
    assert undo(workspace)["op"].iat[0] == 1
    assert workspace.file("applications").read_bytes() == original
    assert undo(workspace) is None
    h = read_history(workspace)
    assert h.groupby("op")["undoes"].first().tolist() == ["", "", "2", "1"]
    assert h.loc[h["op"] == 3, ["field", "old", "new"]].values.tolist() == [
        ["stage", "final", "interview"]
    ]


def test_undo_refuses_when_the_record_changed_since(workspace):
    workspace.update("applications", "A0003", {"stage": "interview"})
    # The user edits the same cell in a spreadsheet program.
    path = workspace.file("applications")
    edited = path.read_bytes().replace(
        b"A0003,Bluefin Logistics,BI Analyst,2026-05-11,company website,Manchester,interview",
        b"A0003,Bluefin Logistics,BI Analyst,2026-05-11,company website,Manchester,final",
    )
    assert edited != path.read_bytes()
    path.write_bytes(edited)
    with pytest.raises(
        ConflictError,
        match=r"Cannot undo save 1 of applications.csv: it changed "
        r"since \(A0003 stage is now 'final'; save 1 had set it to 'interview'\)",
    ):
        undo(workspace)
    assert path.read_bytes() == edited
    assert read_history(workspace)["op"].max() == 1


def test_undo_refuses_to_remove_a_record_others_now_refer_to(workspace):
    key = workspace.add("applications", NEW)
    # Meanwhile the user adds an interview for it in a spreadsheet program.
    path = workspace.file("interviews")
    path.write_bytes(path.read_bytes() + f"I0099,{key},2026-11-25,,phone,pending,,\n".encode())
    before = workspace.file("applications").read_bytes()
    with pytest.raises(
        ConflictError,
        match=f"Cannot undo the adding of {key}: 1 row\\(s\\) of "
        "interviews.csv \\(application_id\\) now refer to it",
    ):
        undo(workspace)
    assert workspace.file("applications").read_bytes() == before


def test_a_failed_data_write_records_nothing_and_leaves_no_temp_file(workspace, monkeypatch):
    workspace.update("applications", "A0003", {"stage": "interview"})
    history = (workspace.path / META / "history.csv").read_bytes()
    real_replace = os.replace

    def full_disk(src, dst):
        if str(dst).endswith("applications.csv"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(SaveError, match="the disk is full"):
        workspace.update("applications", "A0003", {"stage": "final"})
    monkeypatch.undo()
    assert (workspace.path / META / "history.csv").read_bytes() == history
    assert not list((workspace.path / META).glob(".*.tmp"))
    assert not list(workspace.path.glob(".*.tmp"))


def _add_ten(path: str, who: str) -> None:
    from rejectkit.store.workspace import Workspace

    ws = Workspace(path, lock_timeout=60)
    for i in range(10):
        ws.add("changes", {"changed_on": "2026-11-20", "touchpoint": "your_questions",
                           "change": f"{who}-{i}"})  # fmt: skip


def test_concurrent_savers_get_one_save_number_each(empty_workspace):
    import multiprocessing

    fork = multiprocessing.get_context("fork")
    procs = [fork.Process(target=_add_ten, args=(str(empty_workspace.path), f"p{k}"))
             for k in range(3)]  # fmt: skip
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
        assert p.exitcode == 0
    h = read_history(empty_workspace)
    changes_ = h.loc[h["field"] == "change"]
    assert sorted(changes_["op"]) == list(range(1, 31))
    assert set(changes_["new"]) == {f"p{k}-{i}" for k in range(3) for i in range(10)}
    ids = empty_workspace.load().changes.set_index("change")["id"]
    assert (changes_.set_index("new")["record"] == ids.reindex(changes_["new"])).all()


def test_a_history_saved_without_its_final_newline_still_gets_whole_rows(workspace):
    workspace.update("applications", "A0003", {"stage": "interview"})
    path = workspace.path / META / "history.csv"
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    workspace.update("applications", "A0003", {"stage": "final"})
    assert read_history(workspace)[["op", "new"]].values.tolist() == [
        [1, "interview"],
        [2, "final"],
    ]


def test_changes_of_one_record_and_the_latest(workspace):
    _clock(workspace)
    workspace.update("applications", "A0003", {"stage": "interview"})
    workspace.update("applications", "A0004", {"notes": "called"})
    workspace.replace("reviews", {"interview_id": "I0003"}, [{"touchpoint": "your_questions"}])
    assert changes(workspace, "A0003")[["field", "new"]].values.tolist() == [["stage", "interview"]]
    assert set(changes(workspace, "I0003")["record"].str.split("/").str[0]) == {"I0003"}
    assert changes(workspace, limit=1)["op"].tolist() == [3]
    assert len(changes(workspace, limit=None)) == len(read_history(workspace))


def test_cli_history_and_undo(workspace, capsys):
    _clock(workspace)
    args = ["--data", str(workspace.path)]
    assert main(["undo", *args]) == 0
    assert capsys.readouterr().out.startswith("Nothing to undo")
    workspace.update("applications", "A0003", {"stage": "interview"})
    assert main(["history", "A0003", *args]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "save  when              change  file              record  field  old        new",
        "1     2026-11-20 09:00  update  applications.csv  A0003   stage  screening  interview",
    ]
    assert main(["undo", *args]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Undid save 1 of 2026-11-20T09:00:00+00:00 (applications.csv), which made these changes:",
        "change  record  field  old        new",
        "update  A0003   stage  screening  interview",
    ]
    assert main(["history", "--limit", "1", *args]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("2 (undo of 1)  20")  # the command reads the real clock
    assert out[1].endswith("update  applications.csv  A0003   stage  interview  screening")
    workspace.add_many("applications", [NEW | {"role": f"Role {k}"} for k in range(4)])
    assert main(["undo", *args]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 23 and out[-1] == "... and 4 more; `rejectkit history` lists them all."
    assert main(["history", "A9999", *args]) == 0
    assert capsys.readouterr().out == "No recorded changes of A9999.\n"


def test_stage_durations_leave_out_undone_changes(workspace):
    _clock(workspace, step=timedelta(days=1))
    key = workspace.add("applications", NEW)  # day 0: applied
    workspace.update("applications", key, {"stage": "screening"})  # day 1
    workspace.update("applications", key, {"stage": "final"})  # day 2, a slip...
    undo(workspace)  # day 3: ...undone
    workspace.update("applications", key, {"stage": "interview"})  # day 4
    workspace.delete("applications", key)  # day 5
    d = stage_durations(read_history(workspace))
    assert d[["application_id", "stage", "days"]].values.tolist() == [
        [key, "applied", 1.0],
        [key, "screening", 3.0],
        [key, "interview", 1.0],
    ]


def test_stage_durations_until_closes_the_current_stage():
    h = pd.DataFrame({"op": [1], "at": ["2026-05-01T09:00:00+01:00"], "action": ["add"],
                      "file": ["applications.csv"], "record": ["A0001"], "row": [1],
                      "field": ["stage"], "old": [""], "new": ["applied"], "undoes": [""]})  # fmt: skip
    d = stage_durations(h, until=datetime(2026, 5, 3, 8, 0, tzinfo=UTC))
    assert d["days"].tolist() == [2.0]


def test_diff_treats_unknown_extra_columns_like_any_other():
    before = pd.DataFrame({"id": ["A1"], "mine": ["x"]}, dtype="str")
    after = pd.DataFrame({"id": ["A1"], "mine": ["y"]}, dtype="str")
    assert diff_frames(before, after, ("id",))[["field", "old", "new"]].values.tolist() == [
        ["mine", "x", "y"]
    ]


_value = st.text(alphabet=st.sampled_from('ab,"\n é='), max_size=6)
_op = st.one_of(
    st.tuples(st.just("add"), _value),
    st.tuples(st.just("update"), st.integers(0, 40), _value),
    st.tuples(st.just("delete"), st.integers(0, 40)),
)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(ops=st.lists(_op, min_size=1, max_size=6))
def test_any_series_of_saves_undoes_back_through_every_version(empty_workspace, ops):
    ws = empty_workspace
    (ws.path / META / "history.csv").unlink(missing_ok=True)
    # Byte for byte holds for a file the kit wrote: its first save adds missing columns.
    ws.put_file("applications", b"id,company,role,applied_on,source,location,stage,outcome,"
                b"outcome_on,contact_name,contact_email,notes\n"
                b"A0001,Keep,Analyst,2026-01-01,,,applied,open,,,,\n")  # fmt: skip
    versions = [ws.file("applications").read_bytes()]
    for op in ops:
        ids = ws.load().applications["id"].tolist()
        if op[0] == "add":
            ws.add("applications", NEW | {"notes": op[1]})
        elif op[0] == "update":
            ws.update("applications", ids[op[1] % len(ids)], {"notes": op[2]})
        elif len(ids) > 1:
            ws.delete("applications", ids[op[1] % len(ids)])
        if ws.file("applications").read_bytes() != versions[-1]:
            versions.append(ws.file("applications").read_bytes())
    for version in reversed(versions[:-1]):
        undo(ws)
        assert ws.file("applications").read_bytes() == version
    assert undo(ws) is None


def test_a_history_written_by_an_older_kit_is_kept_and_gains_the_message_column(workspace):
    old = (
        "op,at,action,file,record,row,field,old,new,undoes\n"
        '1,2026-11-20T09:00:00+00:00,update,applications.csv,A0003,3,notes,,"a\r\nb",\n'
    )
    target = workspace.path / META / "history.csv"
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(old.encode())
    workspace.update("applications", "A0003", {"stage": "interview"})
    history = read_history(workspace)
    assert list(history.columns)[-1] == "message"
    assert history["op"].tolist() == [1, 2]
    assert history["new"].tolist() == ["a\r\nb", "interview"]
    assert target.read_bytes().startswith(
        b"op,at,action,file,record,row,field,old,new,undoes,message\n"
    )


def test_an_unreadable_history_line_is_named_with_its_file_line_and_column(workspace):
    target = workspace.path / META / "history.csv"
    workspace.update("applications", "A0003", {"stage": "interview"})
    target.write_bytes(target.read_bytes().replace(b"\n1,", b"\nx,", 1))
    with pytest.raises(
        DataError, match=r"\.rejectkit/history\.csv:2: op: 'x' is not a whole number"
    ):
        read_history(workspace)
