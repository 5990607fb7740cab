"""One save, one transaction: a review touches three files and is all of them or none of them,
whatever fails and wherever the process dies; it is one history entry and one undo."""

from __future__ import annotations

import errno
import multiprocessing
import os
import random
import shutil
import signal
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rejectkit.cli import main
from rejectkit.errors import ConflictError, RejectkitError
from rejectkit.records.saves import save_review
from rejectkit.store import Workspace, durable, transaction
from rejectkit.store.history import read_history
from rejectkit.store.undo import undo

FORK = multiprocessing.get_context("fork")
ROOT = Path(__file__).resolve().parents[1]
FILES = ("interviews.csv", "reviews.csv", "applications.csv", ".rejectkit/counters.json")
NOTE = 'lone\rcarriage return, crlf\r\nand a "quote", then, a comma'
CLOCK = lambda: datetime(2026, 11, 25, 9, 30, tzinfo=UTC)  # noqa: E731

INTERVIEW = {"application_id": "A0003", "held_on": "2026-11-20", "round": "panel",
             "format": "video", "result": "pending", "went_well": NOTE, "do_differently": ""}  # fmt: skip
RATINGS = [
    {"touchpoint": "first_interaction", "score": "4", "keep_doing": NOTE, "do_differently": ""},
    {"touchpoint": "company_research", "score": "2", "keep_doing": "", "do_differently": "more"},
    {"touchpoint": "your_questions", "score": "", "keep_doing": "", "do_differently": ""},
]


def _snapshot(path: Path) -> dict[str, bytes | None]:
    return {f: (path / f).read_bytes() if (path / f).exists() else None for f in FILES}


def _save(path: Path) -> None:
    save_review(Workspace(path, clock=CLOCK), INTERVIEW, RATINGS, final=True)


@pytest.fixture(scope="module")
def states(tmp_path_factory) -> tuple[Path, dict, dict]:
    """The demo workspace before the review, and its files after it (computed once)."""
    base = tmp_path_factory.mktemp("base") / "ws"
    shutil.copytree(ROOT / "data" / "sample", base)
    Workspace(base).read()  # the kit's folder exists before any trial copies it
    after = tmp_path_factory.mktemp("after") / "ws"
    shutil.copytree(base, after)
    _save(after)
    old, new = _snapshot(base), _snapshot(after)
    assert all(old[f] != new[f] for f in FILES)  # the save really changes all four
    return base, old, new


def _fresh(base: Path, tmp_path: Path, n: int) -> Path:
    path = tmp_path / f"trial{n}"
    shutil.copytree(base, path)
    return path


def _assert_all_old_or_all_new(path: Path, old: dict, new: dict, capsys) -> bool:
    """After the next open: `rejectkit check` passes, the files are one version, the history
    has exactly one entry when (and only when) the save is in the files."""
    assert main(["check", "--data", str(path)]) == 0, capsys.readouterr()
    now = _snapshot(path)
    assert now in (old, new), {f: now[f] == new[f] for f in FILES}
    done = now == new
    ops = set(read_history(path)["op"])
    assert len(ops) == (1 if done else 0)
    assert not list(path.glob(".*.tmp")) and not list((path / ".rejectkit").glob(".*.tmp"))
    assert not (path / ".rejectkit" / transaction.JOURNAL).exists()
    return done


# Every system call a commit makes, counted; the k-th one fails (or kills) the save.
_CALLS = [(os, "write"), (os, "fsync"), (os, "replace"), (os, "unlink"), (os, "link"),
          (os, "rename")]  # fmt: skip


def _fail_at(monkeypatch, k: int, action) -> list[int]:
    count = [0]
    for owner, name in _CALLS:
        real = getattr(owner, name)

        def hooked(*args, _real=real, _name=name, **kwargs):
            count[0] += 1
            if count[0] == k:
                action(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(owner, name, hooked)
    return count


def _raise(name):
    raise OSError(errno.EIO, f"injected failure in os.{name}")


def test_an_error_at_every_step_of_a_review_save_leaves_all_old_or_all_new(
    states, tmp_path, monkeypatch, capsys
):
    base, old, new = states
    outcomes = []
    for k in range(1, 200):
        path = _fresh(base, tmp_path, k)
        with monkeypatch.context() as m:
            count = _fail_at(m, k, _raise)
            try:
                _save(path)
                failed = False
            except RejectkitError as e:
                failed = True
                assert "injected failure" in str(e)
        done = _assert_all_old_or_all_new(path, old, new, capsys)
        # A save that reports success is on disk (a failed backup link falls back to a copy).
        assert done or failed
        if count[0] < k:
            break  # the save made fewer calls than k: every step has been failed once
        outcomes.append(done)
    assert len(outcomes) >= 20 and False in outcomes and True in outcomes


def _kill(name):
    os.kill(os.getpid(), signal.SIGKILL)


def _child(path: str, k: int) -> None:
    if k:
        _fail_at(pytest.MonkeyPatch(), k, _kill)
    _save(Path(path))
    os._exit(0)


def test_kill_9_at_every_step_and_at_random_moments_leaves_all_old_or_all_new(
    states, tmp_path, capsys
):
    base, old, new = states
    outcomes, kills = [], 0
    # Every system call of the save, in turn ...
    for k in range(1, 200):
        path = _fresh(base, tmp_path, k)
        proc = FORK.Process(target=_child, args=(str(path), k))
        proc.start()
        proc.join(60)
        outcomes.append(_assert_all_old_or_all_new(path, old, new, capsys))
        if proc.exitcode == 0:
            break
        assert proc.exitcode == -signal.SIGKILL
        kills += 1
    # ... then at random moments, timed by the parent, as a crash or a power cut would be.
    start = time.perf_counter()
    proc = FORK.Process(target=_child, args=(str(_fresh(base, tmp_path, 999)), 0))
    proc.start()
    proc.join(60)
    took = time.perf_counter() - start
    rng = random.Random(20261203)
    random_kills = 0
    for n in range(1000, 1600):
        if kills >= 200 and random_kills >= 120:
            break
        path = _fresh(base, tmp_path, n)
        proc = FORK.Process(target=_child, args=(str(path), 0))
        proc.start()
        time.sleep(rng.uniform(0, took))
        os.kill(proc.pid, signal.SIGKILL)
        proc.join(60)
        if proc.exitcode == -signal.SIGKILL:  # else it had finished before the kill
            kills += 1
            random_kills += 1
        outcomes.append(_assert_all_old_or_all_new(path, old, new, capsys))
    assert kills >= 200
    assert False in outcomes and True in outcomes


def test_an_interrupted_commit_is_finished_on_next_open_and_says_so(states, tmp_path):
    base, _, new = states
    path = _fresh(base, tmp_path, 0)
    replaced = []
    real = os.replace

    def stop_after_first_data_file(src, dst):
        if str(dst).endswith(".csv") and replaced:
            raise KeyboardInterrupt  # a stop the save cannot clean up after
        replaced.append(dst)
        return real(src, dst)

    with pytest.MonkeyPatch.context() as m:
        m.setattr(os, "replace", stop_after_first_data_file)
        with pytest.raises(KeyboardInterrupt):
            _save(path)
    assert (path / ".rejectkit" / transaction.JOURNAL).exists()
    ws = Workspace(path)
    data = ws.read()
    assert data.notices[0].startswith("Finished a save that was interrupted (Review of interview")
    assert _snapshot(path) == new
    assert not any("interrupted" in n for n in ws.read().notices)  # said once


def test_temp_files_without_a_journal_are_rolled_back_and_it_says_so(states, tmp_path):
    base, old, _ = states
    path = _fresh(base, tmp_path, 0)
    durable.stage(path / "reviews.csv", b"half a save")
    data = Workspace(path).read()
    assert data.notices[0] == (
        "Rolled back a save that was interrupted before it was written: no file changed."
    )
    assert _snapshot(path) == old


def test_a_journal_not_written_by_the_kit_is_set_aside_not_followed(states, tmp_path):
    base, old, _ = states
    path = _fresh(base, tmp_path, 0)
    (path / "evil.tmp").write_bytes(b"x")
    journal = path / ".rejectkit" / transaction.JOURNAL
    journal.parent.mkdir(exist_ok=True)
    journal.write_text('{"save": "x", "files": [["evil.tmp", "../outside.csv"]]}')
    data = Workspace(path).read()
    assert "unreadable" in data.notices[0]
    assert not (path.parent / "outside.csv").exists()
    assert _snapshot(path) == old


def _history_and_files(path):
    return _snapshot(path), len(set(read_history(path)["op"]))


@pytest.mark.parametrize("how", ["function", "command"])
def test_one_review_save_is_one_history_entry_and_one_undo_restores_every_file(
    states, tmp_path, how, capsys
):
    base, old, _ = states
    path = _fresh(base, tmp_path, 0)
    if how == "function":
        _save(path)
    else:
        scores = "first_interaction=4,company_research=2,your_questions=n/a"
        argv = ["review", "--data", str(path), "--application", "A0003", "--held-on",
                "2026-11-20", "--round", "panel", "--format", "video", "--went-well", NOTE,
                "--scores", scores, "--keep", f"first_interaction={NOTE}",
                "--change", "company_research=more", "--final"]  # fmt: skip
        assert main(argv) == 0
        assert "Saved interview I0016 with 3 touchpoints (1 not applicable)" in (
            capsys.readouterr().out
        )
    history = read_history(path)
    assert set(history["op"]) == {1}
    assert set(history["file"]) == {"interviews.csv", "reviews.csv", "applications.csv"}
    # The note with a lone CR, a CRLF and quotes is in the history exactly as typed.
    assert NOTE in set(history["new"])
    ws = Workspace(path)
    assert NOTE in set(ws.read().reviews["keep_doing"])
    if how == "function":
        undo(ws)
    else:
        assert main(["undo", "--data", str(path)]) == 0
        assert "interviews.csv, reviews.csv, applications.csv" in capsys.readouterr().out
    now = _snapshot(path)
    for f in ("interviews.csv", "reviews.csv", "applications.csv"):
        assert now[f] == old[f], f
    assert main(["check", "--data", str(path)]) == 0
    assert set(read_history(path)["op"]) == {1, 2}


def test_a_refused_stage_update_leaves_the_interview_and_ratings_unsaved(
    states, tmp_path, monkeypatch
):
    """The bug this replaces: the stage update failed, the rollback could not delete the
    interview, and the form said nothing was saved while two files had changed."""
    base, old, _ = states
    path = _fresh(base, tmp_path, 0)
    ws = Workspace(path)
    real = Workspace.update

    def stage_changed_meanwhile(self, table, key, changes, **kw):
        if table == "applications":
            raise ConflictError(f"{key} in applications.csv changed since you loaded it")
        return real(self, table, key, changes, **kw)

    monkeypatch.setattr(Workspace, "update", stage_changed_meanwhile)
    with pytest.raises(ConflictError, match="changed since you loaded it"):
        save_review(ws, INTERVIEW, RATINGS, final=True)
    assert _snapshot(path) == old
    assert read_history(path).empty
