"""Nothing lost, ever: killed writers, concurrent writers, a held lock, and any text at all."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rejectkit.errors import LockTimeoutError
from rejectkit.store.location import init_workspace
from rejectkit.store.workspace import Workspace

# Forking keeps each writer's start-up to milliseconds, so 50 kills take seconds, not minutes.
FORK = multiprocessing.get_context("fork")


def _change(i: int, who: str = "w") -> dict[str, str]:
    return {"changed_on": "2026-11-20", "touchpoint": "your_questions", "change": f"{who}-{i}"}


def _writer_forever(path: str, who: str, acks) -> None:
    ws = Workspace(path)
    i = 0
    while True:
        ws.add("changes", _change(i, who))
        # Only now is the save acknowledged: the parent may rely on it surviving a kill.
        acks.send(f"{who}-{i}")
        i += 1


@pytest.mark.slow
def test_a_writer_killed_at_random_moments_loses_no_acknowledged_save(tmp_path):
    ws = init_workspace(tmp_path / "ws")
    rng = random.Random(20261125)
    acknowledged: set[str] = set()
    for round_ in range(50):
        receive, send = FORK.Pipe(duplex=False)
        proc = FORK.Process(target=_writer_forever, args=(str(ws.path), f"r{round_}", send))
        proc.start()
        send.close()
        # Let the first save land, then kill at a random moment of the ones after it.
        assert receive.poll(30), "the writer acknowledged no save within 30 s"
        time.sleep(rng.uniform(0.0, 0.2))
        os.kill(proc.pid, signal.SIGKILL)
        proc.join()
        while receive.poll():
            try:
                acknowledged.add(receive.recv())
            except EOFError:
                break
        receive.close()
        data = ws.read()
        assert data.problems == []
        on_disk = set(data.changes["change"])
        assert acknowledged <= on_disk, sorted(acknowledged - on_disk)[:5]
    assert len(acknowledged) >= 50
    assert data.changes["id"].is_unique


def _append_fifty(path: str, who: str) -> None:
    ws = Workspace(path, lock_timeout=60)
    for i in range(50):
        ws.add("changes", _change(i, who))


@pytest.mark.slow
def test_four_concurrent_writers_end_with_every_row(tmp_path):
    ws = init_workspace(tmp_path / "ws")
    procs = [FORK.Process(target=_append_fifty, args=(str(ws.path), f"p{k}")) for k in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
        assert p.exitcode == 0
    changes = ws.load().changes
    assert len(changes) == 200
    assert set(changes["change"]) == {f"p{k}-{i}" for k in range(4) for i in range(50)}
    assert changes["id"].is_unique


def _hold_lock(path: str, held, release) -> None:
    with Workspace(path).locked():
        held.set()
        release.wait(30)


def test_a_lock_held_too_long_is_a_clear_error_and_nothing_is_written(tmp_path):
    ws = init_workspace(tmp_path / "ws")
    before = ws.file("changes").read_bytes()
    held, release = FORK.Event(), FORK.Event()
    holder = FORK.Process(target=_hold_lock, args=(str(ws.path), held, release))
    holder.start()
    try:
        assert held.wait(10)
        with pytest.raises(LockTimeoutError, match="Another save held the lock on the workspace"):
            Workspace(ws.path, lock_timeout=0.3).add("changes", _change(1))
    finally:
        release.set()
        holder.join()
    assert ws.file("changes").read_bytes() == before


# Any text a person might type: quotes, commas, newlines, Unicode, leading zeros, formulas.
_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)
_tricky = st.sampled_from(
    [
        "=1+1",
        "lone\rcr",
        "007",
        '"quoted"',
        "a,b",
        "line\nbreak",
        "cr\r\nlf",
        " pad ",
        "NA",
        "null",
        "#N/A",
        "-5",
        "+44 20",
        "tab\there",
        "Zoë 👋",
        "",
    ]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    company=st.one_of(_tricky, _text).filter(lambda s: s.strip() != ""),
    notes=st.one_of(_tricky, _text),
    location=st.one_of(_tricky, _text),
)
def test_any_text_round_trips_unchanged(empty_workspace, company, notes, location):
    ws = empty_workspace
    record = {
        "company": company,
        "role": "Analyst",
        "applied_on": "2026-11-02",
        "stage": "applied",
        "outcome": "open",
        "notes": notes,
        "location": location,
    }
    new_id = ws.add("applications", record)
    data = ws.load()
    row = data.applications.set_index("id").loc[new_id]
    assert (row["company"], row["notes"], row["location"]) == (company, notes, location)
