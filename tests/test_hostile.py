"""Hostile files and places: every one is a clear message (FILE:LINE: column: what, the fix),
never a traceback, and leaves every file byte-identical. The last test puts all of them in
one workspace at once."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rejectkit.cli import main
from rejectkit.errors import DataError, RecordError, SaveError
from rejectkit.store.validate import CELL_LIMIT
from rejectkit.store.workspace import Workspace

APP_HEADER = "id,company,role,applied_on,source,location,stage,outcome,outcome_on,contact_name,contact_email,notes\n"
APP = "A0001,Northwind,Analyst,2026-05-04,,,applied,open,,,,\n"
NEW_APP = {"company": "Contoso", "role": "Analyst", "applied_on": "2026-11-02",
           "stage": "applied", "outcome": "open"}  # fmt: skip
BIG = "x" * (5 * 1024 * 1024)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink() and p.name != "lock"
    }


def _check(ws: Path, capsys) -> tuple[int, list[str], str]:
    code = main(["check", "--data", str(ws)])
    out = capsys.readouterr()
    return code, out.out.splitlines(), out.err


# One hostile file at a time -----------------------------------------------------------------

HOSTILE = [
    (
        "far-past date",
        "applications.csv",
        APP_HEADER + "A0001,Northwind,Analyst,0001-01-01,,,applied,open,,,,\n",
        "applications.csv:2: applied_on: '0001-01-01' is outside the years 1950 to 2100",
    ),
    (
        "far-future date",
        "applications.csv",
        APP_HEADER + "A0001,Northwind,Analyst,2026-05-04,,,applied,rejected,9999-12-31,,,\n",
        "applications.csv:2: outcome_on: '9999-12-31' is outside the years 1950 to 2100",
    ),
    (
        "date with a space",
        "applications.csv",
        APP_HEADER + "A0001,Northwind,Analyst, 2026-11-13,,,applied,open,,,,\n",
        "applications.csv:2: applied_on: ' 2026-11-13' has spaces before or after the date; "
        "write 2026-11-13 without them",
    ),
    (
        "stage with a space",
        "applications.csv",
        APP_HEADER + "A0001,Northwind,Analyst,2026-11-13,,,applied ,open,,,,\n",
        "applications.csv:2: stage: 'applied ' has spaces before or after it; write 'applied'",
    ),
    (
        "score with a space",
        "reviews.csv",
        "interview_id,touchpoint,score,keep_doing,do_differently\nI0001,first_interaction,3 ,,\n",
        "reviews.csv:2: score: '3 ' has spaces before or after it; write '3' without them",
    ),
    (
        "id with a space",
        "applications.csv",
        APP_HEADER + "A0001 ,Northwind,Analyst,2026-11-13,,,applied,open,,,,\n",
        "applications.csv:2: id: 'A0001 ' has spaces before or after it",
    ),
    (
        "grammar of an id",
        "interviews.csv",
        "id,application_id,held_on,round,format,result,went_well,do_differently\n"
        "X1,A0001,2026-05-20,,video,pending,,\n",
        "interviews.csv:2: id: 'X1' is not an interview id; ids look like I0001",
    ),
    (
        "a cell over the limit",
        "applications.csv",
        APP_HEADER + f"A0001,Northwind,Analyst,2026-11-13,,,applied,open,,,,{'y' * 70000}\n",
        "applications.csv:2: notes: the cell holds 68 KB of text (70,000 bytes), more than the "
        "64 KB a cell may hold",
    ),
    (
        "a 5 MB cell across lines",
        "applications.csv",
        APP_HEADER + f'A0001,Northwind,Analyst,2026-11-13,,,applied,open,,,,"a\n{BIG}\nb"\n',
        "applications.csv:2: notes: the cell holds 5.0 MB of text",
    ),
]


@pytest.mark.parametrize(("case", "file", "text", "expected"), HOSTILE, ids=[c[0] for c in HOSTILE])
def test_a_hostile_file_is_one_clear_problem(empty_workspace, case, file, text, expected, capsys):
    ws = empty_workspace.path
    (ws / "applications.csv").write_text(APP_HEADER + APP, "utf-8")
    (ws / file).write_bytes(text.encode("utf-8"))
    before = snapshot(ws)
    code, lines, err = _check(ws, capsys)
    assert code == 1 and "Traceback" not in err
    assert [line for line in lines if line.startswith(expected)] != [], lines
    assert snapshot(ws) == before
    if file == "applications.csv":
        # A save is refused with the same words, and writes nothing.
        with pytest.raises(
            (DataError, RecordError), match=re.escape(expected.split(": ", 2)[-1][:40])
        ):
            Workspace(ws).add("applications", NEW_APP)
        assert snapshot(ws) == before


def test_a_form_refuses_a_cell_over_the_limit_next_to_its_field(empty_workspace):
    before = snapshot(empty_workspace.path)
    with pytest.raises(RecordError) as caught:
        empty_workspace.add("applications", {**NEW_APP, "notes": "z" * (CELL_LIMIT + 1)})
    assert caught.value.fields["notes"].startswith(
        "the cell holds 64 KB of text (65,537 bytes), more than the 64 KB a cell may hold"
    )
    assert snapshot(empty_workspace.path) == before
    # Exactly the limit is kept.
    assert empty_workspace.add("applications", {**NEW_APP, "notes": "z" * CELL_LIMIT})


def test_a_5_mb_cell_the_kit_wrote_never_makes_the_workspace_unreadable(empty_workspace):
    from rejectkit.store.csvread import Dialect
    from rejectkit.store.csvwrite import encode_table

    ws = empty_workspace
    ws.add("applications", NEW_APP)
    ws.add("applications", NEW_APP)
    frame = ws.read().applications
    frame.loc[0, "notes"] = f"line one\n{BIG}\nline three"
    # What an older kit (no cell limit) wrote: a cell of 5 MB across lines.
    (ws.path / "applications.csv").write_bytes(encode_table(frame, Dialect()))
    data = ws.read()
    assert data.applications["notes"].str.len().tolist() == [len(BIG) + 20, 0]
    assert [(p.line, p.column) for p in data.problems] == [(2, "notes")]
    assert "5.0 MB" in data.problems[0].message
    # Shortening it in a form is how the user mends it; the rest of the log is intact.
    ws.update("applications", "A0001", {"notes": "short"})
    assert ws.load().applications["notes"].tolist() == ["short", ""]


def test_lone_cr_line_ends_are_read_and_kept(empty_workspace, capsys):
    ws = empty_workspace.path
    text = (APP_HEADER + APP).replace(
        "\n", "\r"
    ) + 'A0002,"Two\rlines",Analyst,2026-05-05,,,applied,open,,,,\r'
    (ws / "applications.csv").write_bytes(text.encode())
    code, lines, err = _check(ws, capsys)
    assert code == 0, lines
    assert "lines end in CR alone (Excel for Mac's 'CSV (Macintosh)')" in err
    assert Workspace(ws).read().applications["company"].tolist() == ["Northwind", "Two\nlines"]
    assert Workspace(ws).add("applications", NEW_APP) == "A0003"
    saved = (ws / "applications.csv").read_bytes()
    assert b"\n" not in saved.replace(b'"Two\nlines"', b"") and saved.count(b"\r") == 4


def test_a_folder_in_place_of_a_file_is_a_message(empty_workspace, capsys):
    ws = empty_workspace.path
    (ws / "feedback.csv").unlink()
    (ws / "feedback.csv").mkdir()
    code, lines, err = _check(ws, capsys)
    assert code == 1 and "Traceback" not in err
    assert lines == [
        "feedback.csv:1: feedback.csv is a folder, not a file; move or rename the folder, and "
        "the kit creates the file again (empty) on the next save"
    ]


def test_a_symlinked_data_file_is_refused_and_its_content_never_shown(empty_workspace, capsys):
    ws = empty_workspace.path
    (ws / "contacts.csv").unlink()
    (ws / "contacts.csv").symlink_to("/etc/passwd")
    before = snapshot(ws)
    code, lines, err = _check(ws, capsys)
    assert code == 1
    assert lines[0].startswith("contacts.csv:1: contacts.csv is a symbolic link (to /etc/passwd)")
    assert "root:x:0" not in "\n".join(lines) + err
    with pytest.raises(DataError, match="is a symbolic link"):
        Workspace(ws).add("contacts", {"name": "Jo"})
    assert (ws / "contacts.csv").is_symlink() and snapshot(ws) == before
    assert not (ws / ".rejectkit" / "backups").exists()


def test_a_broken_file_is_reported_once_not_by_the_files_referring_to_it(workspace, capsys):
    ws = workspace.path
    text = (ws / "applications.csv").read_bytes()
    (ws / "applications.csv").write_bytes(text.replace(b"Leeds", b'"Leeds', 1))
    code, lines, err = _check(ws, capsys)
    assert code == 1 and "Traceback" not in err
    assert all(line.startswith("applications.csv:") for line in lines), lines
    assert len(lines) == 1 and "a quote opened in the row starting here is never closed" in lines[0]
    # A save that would refer to it is refused with that one problem, not 35 others.
    with pytest.raises(DataError) as caught:
        Workspace(ws).add("interviews", {"application_id": "A0001", "held_on": "2026-11-01",
                                         "format": "video", "result": "pending"})  # fmt: skip
    assert [p.file for p in caught.value.problems] == ["applications.csv"]


def test_a_hand_typed_long_id_gives_the_next_id_exactly(empty_workspace):
    ws = empty_workspace.path
    (ws / "applications.csv").write_text(
        APP_HEADER + APP.replace("A0001", "A99999999999999999999999"), "utf-8"
    )
    assert Workspace(ws).add("applications", NEW_APP) == "A100000000000000000000000"
    assert Workspace(ws).add("applications", NEW_APP) == "A100000000000000000000001"


# Places the kit cannot write to ---------------------------------------------------------------


@pytest.fixture
def read_only(tmp_path, sample_copy):
    """A workspace the operating system refuses to write: a read-only mount when the tests
    run as root (which ignores file modes), else a folder without write permission."""
    if os.geteuid() == 0:
        mount = tmp_path / "ro"
        mount.mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], check=True)
        shutil.copytree(sample_copy, mount / "ws")
        Workspace(mount / "ws").update("applications", "A0001", {"notes": "a save to undo"})
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount / "ws"
        subprocess.run(["umount", str(mount)], check=True)
    else:
        Workspace(sample_copy).update("applications", "A0001", {"notes": "a save to undo"})
        for p in [sample_copy, *sample_copy.rglob("*")]:
            p.chmod(p.stat().st_mode & ~0o222)
        yield sample_copy
        for p in [sample_copy, *sample_copy.rglob("*")]:
            p.chmod(p.stat().st_mode | 0o200)


@pytest.mark.parametrize(
    "argv",
    [
        ["undo"],
        ["review", "--interview", "I0001", "--scores", "first_interaction=5"],
        ["import", "IMPORT", "--apply"],
    ],
    ids=["undo", "review", "import"],
)
def test_a_read_only_workspace_is_a_clear_message(read_only, tmp_path, argv, capsys):
    source = tmp_path / "import.csv"
    source.write_text("Company,Role,Applied\nContoso,Analyst,2026-11-02\n", "utf-8")
    argv = [str(source) if a == "IMPORT" else a for a in argv]
    before = snapshot(read_only)
    assert main([argv[0], "--data", str(read_only), *argv[1:]]) == 1
    err = capsys.readouterr().err
    assert f"The workspace {read_only} cannot be written" in err, err
    assert "nothing was" in err and "Traceback" not in err and "lock" not in err
    assert snapshot(read_only) == before
    # Reading still works.
    assert main(["check", "--data", str(read_only)]) == 0


def test_a_full_disk_names_no_internal_file(workspace, monkeypatch):
    import errno

    real_write = os.write

    def fail_on_counters(fd, data):
        if "counters.json" in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.EACCES, "Permission denied")
        return real_write(fd, data)

    before = snapshot(workspace.path)
    monkeypatch.setattr(os, "write", fail_on_counters)
    with pytest.raises(SaveError) as caught:
        workspace.add("applications", NEW_APP)
    monkeypatch.undo()
    message = str(caught.value)
    assert "counters" not in message and ".tmp" not in message
    assert message.startswith(
        "Could not save applications.csv: the workspace's .rejectkit folder could not be "
        "written: Permission denied."
    )
    assert snapshot(workspace.path) == before


def test_stale_temp_files_are_swept_by_the_next_read(workspace):
    meta = workspace.path / ".rejectkit"
    meta.mkdir(exist_ok=True)
    stale = [meta / ".history.csv.abc123.tmp", meta / ".counters.json.x1.tmp",
             workspace.path / ".applications.csv.q9.tmp"]  # fmt: skip
    for p in stale:
        p.write_bytes(b"half")
    data = Workspace(workspace.path).read()
    assert not any(p.exists() for p in stale)
    assert data.notices[0] == (
        "Rolled back a save that was interrupted before it was written: no file changed."
    )


# Everything at once ---------------------------------------------------------------------------


def test_check_lists_each_problem_of_every_hostile_file_once(sample_copy, tmp_path, capsys):
    ws = sample_copy
    apps = (ws / "applications.csv").read_text("utf-8").splitlines(keepends=True)
    apps[1] = apps[1].replace("2026-05-04", "0001-01-01")
    apps[2] = apps[2].replace("2026-05-06", " 2026-05-06")
    apps[3] = apps[3].replace(",screening,", ",screening ,", 1)
    apps.append(f'A99999999999999999999999,Big,Cell,2026-06-01,,,applied,open,,,,"{BIG}"\n')
    (ws / "applications.csv").write_text("".join(apps), "utf-8")
    reviews = (
        (ws / "reviews.csv")
        .read_text("utf-8")
        .replace("I0001,first_interaction,3,", "I0001,first_interaction,3 ,", 1)
    )
    (ws / "reviews.csv").write_bytes(reviews.replace("\n", "\r").encode())
    (ws / "contacts.csv").unlink()
    (ws / "contacts.csv").symlink_to("/etc/passwd")
    (ws / "feedback.csv").unlink()
    (ws / "feedback.csv").mkdir()
    (ws / "messages.csv").write_bytes(b"id,application_id\x00\n")
    changes = (ws / "changes.csv").read_text("utf-8")
    (ws / "changes.csv").write_text(changes + "<<<<<<< HEAD\n", "utf-8")
    interviews = (ws / "interviews.csv").read_text("utf-8").splitlines(keepends=True)
    interviews[1] = interviews[1].replace(",video,", ",Video,", 1)
    (ws / "interviews.csv").write_text("".join(interviews), "utf-8")
    meta = ws / ".rejectkit"
    meta.mkdir(exist_ok=True)
    (meta / ".counters.json.dead.tmp").write_bytes(b"{")
    before = snapshot(ws)
    before.pop(".rejectkit/.counters.json.dead.tmp")

    result = subprocess.run(
        [sys.executable, "-m", "rejectkit", "check", "--data", str(ws)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
        timeout=120,
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    expected_starts = [
        "applications.csv:2: applied_on: '0001-01-01' is outside the years 1950 to 2100",
        "applications.csv:3: applied_on: ' 2026-05-06' has spaces before or after the date",
        "applications.csv:4: stage: 'screening ' has spaces before or after it",
        f"applications.csv:{len(apps)}: notes: the cell holds 5.0 MB of text",
        "changes.csv:7: a git merge-conflict marker (<<<<<<<) is here",
        "contacts.csv:1: contacts.csv is a symbolic link (to /etc/passwd)",
        "feedback.csv:1: feedback.csv is a folder, not a file",
        "interviews.csv:2: format: 'Video' is not a known format",
        "messages.csv:1: the file holds NUL bytes",
        "reviews.csv:2: score: '3 ' has spaces before or after it",
    ]
    for start in expected_starts:
        assert sum(line.startswith(start) for line in lines) == 1, (start, lines)
    # Each problem once, each in FILE:LINE: form; nothing echoed by the files referring to
    # the broken ones, nothing of /etc/passwd.
    assert len(lines) == len(set(lines))
    assert all(line.split(":")[1].isdigit() for line in lines)
    assert "root:x:0" not in result.stdout + result.stderr
    assert not (meta / ".counters.json.dead.tmp").exists()
    assert snapshot(ws) == before
