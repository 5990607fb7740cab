"""The question log: saved with the review in one transaction, typed on the command line, its
kind guessed from the wording, and checked by `rejectkit check` like every other file."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT
from formkit import rows, snapshot

from rejectkit.errors import ConflictError, RecordError
from rejectkit.records.saves import save_review
from rejectkit.records.stories import guess_kind, question_from_text, sync_questions
from rejectkit.store.history import read_history
from rejectkit.store.schema import TOUCHPOINTS
from rejectkit.store.undo import undo

KEYS = [t.key for t in TOUCHPOINTS] + ["technical_test"]
NEW = {"application_id": "A0003", "held_on": "2026-11-20", "result": "pending"}
ASKED = [
    {"question": "Tell me about yourself", "kind": "tell_me_about_yourself", "how": "strong",
     "story_id": "T0005", "note": ""},
    {"question": "Why logistics?", "kind": "company_research", "how": "gap", "story_id": "",
     "note": "Had no answer\nat all"},
]  # fmt: skip


def test_a_review_with_questions_writes_exact_rows_in_one_history_entry(workspace):
    before = rows(workspace.path, "questions")
    saved = save_review(workspace, NEW, [{"touchpoint": "company_research", "score": "2"}],
                        questions=ASKED)  # fmt: skip
    assert saved.message == (
        "Saved interview I0016 with 1 touchpoint and 2 questions. Application A0003 is now at "
        "the interview stage."
    )
    assert rows(workspace.path, "questions") == [
        *before,
        {"id": "Q0044", "interview_id": "I0016", **ASKED[0]},
        {"id": "Q0045", "interview_id": "I0016", **ASKED[1]},
    ]
    history = read_history(workspace)
    assert set(history["op"]) == {saved.op} == {1}
    assert set(history["file"]) == {"interviews.csv", "reviews.csv", "questions.csv",
                                    "applications.csv"}  # fmt: skip
    assert (history["message"] == "Review of interview I0016").all()


def test_one_undo_takes_the_interview_its_ratings_and_its_questions_back(workspace):
    before = snapshot(workspace.path)
    save_review(workspace, NEW, [{"touchpoint": "company_research", "score": "2"}],
                questions=ASKED)  # fmt: skip
    undo(workspace)
    assert snapshot(workspace.path) == before


def test_a_refused_question_saves_nothing_not_even_the_interview(workspace):
    before = snapshot(workspace.path)
    bad = [*ASKED, {"question": "Biggest weakness?", "kind": "weaknesses", "how": "meh"}]
    with pytest.raises(RecordError) as refused:
        save_review(workspace, NEW, [], questions=bad)
    assert refused.value.table == "questions"
    assert set(refused.value.fields) == {"kind", "how"}
    assert "'meh' is not a known how; allowed: strong, solid, gap" in refused.value.fields["how"]
    assert snapshot(workspace.path) == before


def test_editing_updates_deletes_and_adds_questions_in_place(workspace):
    iid = "I0004"
    mine = [r for r in rows(workspace.path, "questions") if r["interview_id"] == iid]
    assert [r["id"] for r in mine] == ["Q0010", "Q0011", "Q0012", "Q0013"]
    keep = [
        {**mine[0], "how": "solid"},
        mine[2],
        {"question": "Why now?", "kind": "tell_me_about_yourself"},
    ]
    with workspace.transaction("edit") as tx:
        count, added_stories = sync_questions(workspace, iid, keep, expected=mine)
    assert (count, added_stories) == (3, [])
    after = [r for r in rows(workspace.path, "questions") if r["interview_id"] == iid]
    assert after == [
        {**mine[0], "how": "solid"},
        mine[2],
        {"id": "Q0044", "interview_id": iid, "question": "Why now?",
         "kind": "tell_me_about_yourself", "how": "", "story_id": "", "note": ""},
    ]  # fmt: skip
    assert set(_actions(workspace, tx.op)) == {
        "update",
        "delete",
        "add",
    }


def _actions(ws, op):
    history = read_history(ws)
    return history.loc[history["op"] == op, "action"]


def test_a_question_log_changed_in_another_program_is_not_overwritten(workspace):
    mine = [r for r in rows(workspace.path, "questions") if r["interview_id"] == "I0004"]
    path = workspace.path / "questions.csv"
    path.write_text(path.read_text("utf-8").replace("I had only one", "Only one"), "utf-8")
    before = snapshot(workspace.path)
    with pytest.raises(
        ConflictError, match=r"questions of interview I0004 in questions\.csv changed"
    ):
        save_review(workspace, {"application_id": "A0005", "held_on": "2026-06-29",
                                "result": "rejected"}, [], interview_id="I0004",
                    questions=mine, expected_questions=mine)  # fmt: skip
    assert snapshot(workspace.path) == before


def test_a_new_story_title_joins_the_bank_in_the_same_save(workspace):
    asked = [{"question": "A time you failed?", "kind": "behavioural_questions",
              "story_title": "The lost weekend"},
             {"question": "And another failure?", "kind": "behavioural_questions",
              "story_title": "The lost weekend"}]  # fmt: skip
    saved = save_review(workspace, NEW, [], questions=asked)
    assert saved.message.endswith(
        "and 2 questions (new in your story bank: T0006). Application A0003 is now at the "
        "interview stage."
    )
    assert rows(workspace.path, "stories")[-1]["title"] == "The lost weekend"
    assert [r["story_id"] for r in rows(workspace.path, "questions")[-2:]] == ["T0006", "T0006"]
    assert set(read_history(workspace)["op"]) == {saved.op}


def run(*args, cwd=ROOT):
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "rejectkit", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, check=False)  # fmt: skip


def test_check_refuses_a_question_of_a_missing_interview_or_story(sample_copy):
    path = sample_copy / "questions.csv"
    text = path.read_text("utf-8")
    text = text.replace("Q0002,I0001,", "Q0002,I0099,").replace(
        ",strong,T0002,\nQ0003", ",strong,T0042,\nQ0003"
    )
    path.write_text(text, "utf-8")
    result = run("check", "--data", str(sample_copy))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "questions.csv:3: interview_id: 'I0099' is not the id of any row in interviews.csv; use "
        "an id that interviews.csv has, or add that row first",
        "questions.csv:3: story_id: 'T0042' is not the id of any row in stories.csv; use an id "
        "that stories.csv has, or add that row first",
    ]


def test_check_refuses_an_unknown_kind_and_how(sample_copy):
    path = sample_copy / "questions.csv"
    text = path.read_text("utf-8").replace("Q0001,I0001,Tell me about yourself.,tell_me_about_yourself,gap",
                                           "Q0001,I0001,Tell me about yourself.,tell_me_about_you,meh")  # fmt: skip
    path.write_text(text, "utf-8")
    out = run("check", "--data", str(sample_copy)).stdout.splitlines()
    assert out[0].startswith(
        "questions.csv:2: how: 'meh' is not a known how; allowed: strong, solid, gap"
    )
    assert out[1].startswith("questions.csv:2: kind: 'tell_me_about_you' is not a known kind")
    assert "Did you mean 'tell_me_about_yourself'?" in out[1]


def test_the_review_command_adds_questions_to_an_interview(sample_copy):
    result = run("review", "--data", str(sample_copy), "--interview", "I0015",
                 "--question", "Tell us about a time you missed a deadline | gap | t0003",
                 "--question", "What tools do you use? | solid | note: SQL first")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "and 4 questions." in result.stdout
    assert rows(sample_copy, "questions")[-2:] == [
        {"id": "Q0044", "interview_id": "I0015", "question": "Tell us about a time you missed a deadline",
         "kind": "behavioural_questions", "how": "gap", "story_id": "T0003", "note": ""},
        {"id": "Q0045", "interview_id": "I0015", "question": "What tools do you use?",
         "kind": "industry_questions", "how": "solid", "story_id": "", "note": "SQL first"},
    ]  # fmt: skip


def test_the_review_command_refuses_a_bad_question_and_saves_nothing(sample_copy):
    before = snapshot(sample_copy)
    result = run("review", "--data", str(sample_copy), "--interview", "I0015",
                 "--question", "Tell me about yourself | great")  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith(
        "rejectkit review: Not saved to questions.csv: --question: 'great' in 'Tell me about "
        "yourself | great' is none of: how it went (strong, solid, gap), a story id (T0001)"
    )
    assert "Traceback" not in result.stderr
    assert snapshot(sample_copy) == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("So, tell me a little about yourself.", "tell_me_about_yourself"),
        ("Why are you leaving your current job?", "tell_me_about_yourself"),
        ("What questions do you have for us?", "your_questions"),
        ("Do you have any questions?", "your_questions"),
        ("Walk us through your take-home", "technical_test"),
        ("Tell me about a time you disagreed with your manager", "behavioural_questions"),
        ("Give an example of leading without authority", "behavioural_questions"),
        ("Tell me about a failure", "behavioural_questions"),
        ("What do you know about our products?", "company_research"),
        ("Why do you want to join us?", "company_research"),
        ("How many tennis balls fit in a bus?", "out_of_the_box_questions"),
        ("Which trends will shape retail banking?", "industry_questions"),
        ("Tell me about your technical test", "technical_test"),  # names the custom touchpoint
        ("What is your favourite colour?", None),
        ("", None),
    ],
)
def test_the_kind_is_guessed_from_the_wording(text, expected):
    assert guess_kind(text, KEYS) == expected


def test_a_rule_for_a_touchpoint_you_do_not_have_is_skipped():
    builtin = [t.key for t in TOUCHPOINTS]
    assert guess_kind("Walk us through your take-home", builtin) is None
    assert guess_kind("The final presentation went long", [*builtin, "final_presentation"]) == (
        "final_presentation"
    )


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Why us? | gap", {"question": "Why us?", "kind": "company_research", "how": "gap"}),
        ("Why us? | T0001 | SOLID", {"kind": "company_research", "how": "solid",
                                     "story_id": "T0001"}),
        ("Odd one | out_of_the_box_questions | note: froze", {"kind": "out_of_the_box_questions",
                                                              "note": "froze"}),
    ],
)  # fmt: skip
def test_a_question_typed_on_the_command_line(text, fields):
    row = question_from_text(text, KEYS, ["T0001"])
    assert {k: row[k] for k in fields} == fields


@pytest.mark.parametrize(
    ("text", "field", "says"),
    [
        (" | gap", "--question", "has no question before the |"),
        ("Why us? | T0009", "story_id", "'T0009' is not in stories.csv; the stories are T0001"),
        ("Your favourite colour?", "kind", "could not be guessed from 'Your favourite colour?'"),
        ("Why us? | maybe", "--question", "'maybe' in 'Why us? | maybe' is none of"),
    ],
)
def test_a_bad_question_on_the_command_line_is_refused_by_field(text, field, says):
    with pytest.raises(RecordError) as refused:
        question_from_text(text, KEYS, ["T0001"])
    assert says in refused.value.fields[field]
