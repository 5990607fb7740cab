"""`rejectkit inbox`, run as a user runs it: a dry run, --apply, a choice of application, files
that are no email, and mail folders (an mbox of 5,000 messages with a few job emails in it)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest
from conftest import ROOT
from inbox_support import EMAILS, MANIFEST, corpus_workspace, snapshot

from rejectkit.cli import main
from rejectkit.inbox.classify import classify, load_phrases
from rejectkit.inbox.files import read_email
from rejectkit.inbox.mbox import could_be_job_mail
from rejectkit.store.history import read_history

_spec = importlib.util.spec_from_file_location("bench_inbox", ROOT / "bench" / "inbox.py")
bench_inbox = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_inbox)


@pytest.fixture
def ws(tmp_path):
    return corpus_workspace(tmp_path / "w")


def run(*args: str):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "rejectkit", "inbox", *args],
                          capture_output=True, text=True, timeout=300, env=env)  # fmt: skip


def test_a_dry_run_shows_the_decision_the_match_and_each_change(ws):
    before = snapshot(ws.path)
    done = run(str(EMAILS / "r01_corvid_plain.eml"), "--data", str(ws.path))
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        "r01_corvid_plain.eml: Ana Ruiz <ana.ruiz@corvidsystems.example>, 2026-10-20, "
        "'Your application for BI Developer'\n"
        "  what it is: rejection: 'decided not to move forward'\n"
        "  application: A0001 Corvid Systems, BI Developer (the sender's domain "
        "corvidsystems.example; names Corvid Systems; names the role BI Developer)\n"
        "  would change outcome: open -> rejected\n"
        "  would change outcome_on: (empty) -> 2026-10-20\n"
        "  would change contact_name: (empty) -> Ana Ruiz\n"
        "  would change contact_email: (empty) -> ana.ruiz@corvidsystems.example\n"
        "  would add contact: Ana Ruiz <ana.ruiz@corvidsystems.example>, last contact 2026-10-20\n"
        "  dry run: nothing was written; add --apply to save\n"
    )
    assert snapshot(ws.path) == before


def test_apply_saves_once_and_the_same_email_again_changes_nothing(ws, capsys):
    path = str(EMAILS / "r06_orbit_final_base64.eml")
    assert main(["inbox", path, "--apply", "--data", str(ws.path)]) == 0
    out = capsys.readouterr().out
    assert "  changed outcome: open -> rejected\n" in out
    assert "  added feedback received 2026-11-02: The team felt your stakeholder examples" in out
    assert out.endswith("  saved as change 1 (`rejectkit undo` takes it back)\n")
    after = snapshot(ws.path)
    assert main(["inbox", path, "--apply", "--data", str(ws.path)]) == 0
    assert capsys.readouterr().out.endswith("  nothing to change: your log already says this\n")
    assert snapshot(ws.path) == after


def test_an_ambiguous_email_exits_1_until_the_application_is_given(ws, capsys):
    path = str(EMAILS / "r10_marlowe_ambiguous.eml")
    before = snapshot(ws.path)
    assert main(["inbox", path, "--apply", "--data", str(ws.path)]) == 1
    out = capsys.readouterr().out
    assert (
        "  application: 2 applications match; choose one: A0010 Marlowe Insurance, Pricing " in out
    )
    assert out.endswith("  not saved: choose the application with --application ID\n")
    assert snapshot(ws.path) == before
    assert main(["inbox", path, "--apply", "--application", "A0010", "--data", str(ws.path)]) == 0
    assert ws.load().applications.set_index("id").loc["A0010", "outcome"] == "rejected"


def test_application_with_several_files_is_refused(ws, capsys):
    files = [str(EMAILS / "r01_corvid_plain.eml"), str(EMAILS / "r02_harbour_terse.eml")]
    assert main(["inbox", *files, "--application", "A0001", "--data", str(ws.path)]) == 1
    assert capsys.readouterr().err == (
        "rejectkit inbox: --application picks the application of one email; give one FILE.\n"
    )


def test_files_that_are_no_email_are_named_and_change_nothing(ws, tmp_path):
    (tmp_path / "empty.eml").write_bytes(b"")
    (tmp_path / "noise.eml").write_bytes(bytes(range(256)) * 20)
    good = EMAILS / "r02_harbour_terse.eml"
    before = snapshot(ws.path)
    done = run(str(tmp_path / "empty.eml"), str(tmp_path / "noise.eml"), str(tmp_path / "gone.eml"),
               "--apply", "--data", str(ws.path))  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stdout.splitlines() == [
        "error: empty.eml is empty: save the email again from your mail program.",
        "error: noise.eml is not an email: it holds binary data, not text or mail headers. Choose "
        "the .eml or .msg file your mail program saved, or paste the email's text.",
        f"error: Cannot read {tmp_path / 'gone.eml'}: No such file or directory. Check the path.",
    ]
    assert snapshot(ws.path) == before
    # The good email among bad ones is still applied; the exit status still says 1.
    done = run(str(tmp_path / "empty.eml"), str(good), "--apply", "--data", str(ws.path))
    assert done.returncode == 1 and "saved as change 1" in done.stdout


def test_the_quick_look_at_mbox_messages_never_skips_a_job_email():
    pattern = load_phrases().any_kind
    skipped = [r["file"] for r in MANIFEST
               if not could_be_job_mail((EMAILS / r["file"]).read_bytes(), pattern)]  # fmt: skip
    for file in skipped:
        assert classify(read_email(EMAILS / file)).kind == "not_job", file
    assert len(skipped) >= 5  # the quick look does skip mail


@pytest.mark.slow
def test_an_mbox_of_5000_messages_shows_its_job_emails_with_progress(ws, tmp_path):
    box = tmp_path / "All mail Including Spam and Trash.mbox"
    numbers = bench_inbox.make_mbox(box, 5000)
    done = run(str(box), "--data", str(ws.path))
    assert done.returncode == 1  # one of the job emails is ambiguous
    heads = [line for line in done.stdout.splitlines() if line.startswith(box.name)]
    assert [h.split(":")[0] for h in heads] == [f"{box.name} #{n}" for n in numbers]
    assert len(heads) == len(bench_inbox.JOB_EMAILS) == 11
    # One line rewritten in place ("\r"); read as text here, each rewrite is a line.
    assert done.stderr.splitlines()[-1] == "Read 5,000 of 5,000 messages"
    assert done.stderr.count("Read ") == 25


def test_applying_an_mbox_writes_one_change_per_email(ws, tmp_path, capsys):
    box = tmp_path / "Jobs.mbox"
    bench_inbox.make_mbox(box, 60, seed=3)
    assert main(["inbox", str(box), "--apply", "--data", str(ws.path)]) == 1
    out = capsys.readouterr().out
    saved = out.count("saved as change")
    history = read_history(ws)
    assert saved == history["op"].nunique() == 9  # 11 job emails: 1 asks, 1 changes nothing
    assert "No job emails found." not in out
    assert main(["inbox", str(box), "--apply", "--data", str(ws.path)]) == 1
    assert read_history(ws)["op"].nunique() == 9  # read again: nothing new


def test_reply_drafts_the_threaded_reply_to_each_rejection_applied(ws, capsys):
    from email import message_from_bytes, policy

    path = str(EMAILS / "r17_cobalt_reply_quoting_invite.eml")
    argv = ["inbox", path, "--apply", "--reply", "brief", "--today", "2026-11-20"]
    assert main([*argv, "--data", str(ws.path)]) == 0
    eml = ws.path / "outbox" / "2026-11-20-rejection_reply-A0018.eml"
    assert capsys.readouterr().out.endswith(
        f"  saved as change 1 (`rejectkit undo` takes it back)\n"
        f"  reply drafted, addressed to the sender: {eml}\n")  # fmt: skip
    reply = message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert (reply["To"], reply["In-Reply-To"], reply["X-Unsent"]) == (
        "Ben Adeyemi <ben.adeyemi@cobaltfintech.example>",
        "<r17_cobalt_reply_quoting_invite@mail.example>", "1")  # fmt: skip
    # Not without --apply: a dry run writes nothing, not even a draft.
    other = ws.path / "outbox" / "2026-11-20-rejection_reply-A0001.eml"
    assert main(["inbox", str(EMAILS / "r01_corvid_plain.eml"), "--reply", "--today",
                 "2026-11-20", "--data", str(ws.path)]) == 0  # fmt: skip
    assert not other.exists()
