"""Patterns of questions and stories on hand-made logs whose right answers are worked out by
hand in each fixture, the prep sheet's questions, and the rehearsal reminders' dates."""

from __future__ import annotations

from datetime import date

import pytest
from patterns_helpers import build, interview

from rejectkit.analysis.likely import likely_questions, rehearsal_days, rehearsal_plan
from rejectkit.analysis.prep import prep_sheet
from rejectkit.analysis.stories import (
    gap_kinds,
    group_questions,
    recurring_questions,
    stories_passed_vs_rejected,
    story_usage,
    untold_touchpoints,
)
from rejectkit.records.reminders import rehearsal_reminders, reminders_ics
from rejectkit.store.workspace import Workspace

TODAY = date(2026, 3, 20)
TM, BQ, IQ, CR, OQ = ("tell_me_about_yourself", "behavioural_questions", "industry_questions",
                      "company_research", "out_of_the_box_questions")  # fmt: skip
DISAGREE = "Tell me about a time you disagreed with a colleague"
OUTAGE = "Describe an outage you handled"

# interview -> (question, kind, how, story number or None); stories T0001 Pitch (TM),
# T0002 Conflict (BQ), T0003 Outage (BQ and OQ).
ASKED = {
    1: [("Tell me about yourself", TM, "gap", None), (DISAGREE, BQ, "solid", 2)],
    2: [("So, tell me a little about yourself.", TM, "gap", None),
        ("A time you disagreed with a colleague?", BQ, "gap", 2),
        ("What trends do you see in retail?", IQ, "gap", None)],
    3: [("Tell me about yourself", TM, "strong", 1), (OUTAGE, BQ, "strong", 3),
        ("What do you know about us?", CR, "gap", None)],
    4: [(DISAGREE, BQ, "solid", 2), ("How many windows are in London?", OQ, "gap", 3)],
    5: [("Tell me about yourself", TM, "strong", 1), (OUTAGE + ".", BQ, "strong", 3)],
    6: [("Tell me about yourself", TM, "strong", 1), (DISAGREE, BQ, "strong", 2)],
}  # fmt: skip


@pytest.fixture
def log(tmp_path):
    """Six rounds (rejected, rejected, advanced, rejected, advanced, offer) and a seventh ahead
    on 1 April at Cedar, whose first round was interview 3; Dogwood (interview 4) was for the
    same role, Data Engineer."""
    apps = [
        {"company": c, "role": r, "stage": "interview", "outcome": o}
        for c, r, o in [("Alder", "Analyst", "rejected"), ("Birch", "Analyst", "rejected"),
                        ("Cedar", "Data Engineer", "open"), ("Dogwood", "Data Engineer", "rejected"),
                        ("Elm", "Analyst", "open"), ("Fir", "Analyst", "open")]
    ]  # fmt: skip
    results = ["rejected", "rejected", "advanced", "rejected", "advanced", "offer"]
    days = ["2026-01-05", "2026-01-20", "2026-02-05", "2026-02-20", "2026-03-05", "2026-03-10"]
    rounds = [
        interview(d, r, {TM: 3}, app=i) for i, (d, r) in enumerate(zip(days, results, strict=True))
    ]
    rounds.append(interview("2026-04-01", "pending", {}, app=2))
    data = build(tmp_path / "ws", rounds, applications=apps)
    ws = Workspace(data.path)
    ws.add_many("stories", [{"title": "Pitch", "touchpoints": TM},
                            {"title": "Conflict", "touchpoints": BQ},
                            {"title": "Outage", "touchpoints": f"{BQ};{OQ}"}])  # fmt: skip
    ws.add_many("questions", [
        {"interview_id": f"I{n:04d}", "question": q, "kind": k, "how": h,
         "story_id": f"T{s:04d}" if s else ""}
        for n, asked in ASKED.items() for q, k, h, s in asked
    ])  # fmt: skip
    return ws.load()


def test_recurring_questions_group_similar_wording(log):
    r = recurring_questions(log)
    got = r.table[["question", "interviews", "gaps", "stories"]].values.tolist()
    assert got == [
        ["Tell me about yourself", 5, 2, "Pitch"],
        [DISAGREE, 4, 1, "Conflict"],
        [OUTAGE, 2, 0, "Outage"],
    ]
    assert r.sentences[0] == (
        '"Tell me about yourself" came up in 5 interviews (2 gaps); you told: Pitch.'
    )


def test_the_kinds_with_most_gaps_come_first(log):
    table = gap_kinds(log).table
    assert table[["kind", "asked", "strong", "solid", "gap"]].values.tolist() == [
        [TM, 5, 3, 0, 2],
        [BQ, 6, 3, 2, 1],
        [CR, 1, 0, 0, 1],
        [IQ, 1, 0, 0, 1],
        [OQ, 1, 0, 0, 1],
    ]


def test_how_often_each_story_was_told_and_how_those_rounds_ended(log):
    table = story_usage(log).table.set_index("story_id")
    assert table[["told", "passed", "rejected"]].values.tolist() == [
        [3, 3, 0],
        [4, 1, 3],
        [3, 2, 1],
    ]
    assert table.at["T0003", "rounds"] == (
        "2026-02-05  (advanced); 2026-02-20  (rejected); 2026-03-05  (advanced)"
    )


def test_stories_in_passed_and_rejected_rounds_give_no_share_on_a_handful(log):
    c = stories_passed_vs_rejected(log)  # three rounds on each side: no overall warning
    assert c.warning == ""
    assert not c.table["enough"].any() and c.table["passed_share"].isna().all()
    assert c.sentences[1] == (
        "Conflict: told in 1 round you passed and 3 you did not; fewer than 3 on a side, so no "
        "share is given."
    )
    assert "%" not in str(c)


def test_stories_in_passed_and_rejected_rounds_with_enough_rounds(log):
    c = stories_passed_vs_rejected(log, min_rounds=1)
    assert c.table[["story_id", "enough"]].values.tolist() == [
        ["T0001", False], ["T0002", True], ["T0003", True]
    ]  # fmt: skip
    assert c.sentences[1:] == [
        "Conflict: told in 1 round you passed and 3 you did not (25% passed).",
        "Outage: told in 2 rounds you passed and 1 you did not (67% passed).",
    ]
    few = stories_passed_vs_rejected(log, min_rounds=4)
    assert few.warning.startswith(
        "You told a story in 3 rounds you passed and 3 that ended in a rejection: with fewer "
        "than 4 on either side these are anecdotes"
    )


def test_touchpoints_asked_about_with_no_story_in_the_bank(log):
    table = untold_touchpoints(log).table
    assert table[["kind", "asked", "gap"]].values.tolist() == [[IQ, 1, 1], [CR, 1, 1]]


def test_likely_questions_for_the_next_interview_with_a_story_each(log):
    likely = likely_questions(log, today=TODAY)
    assert likely[["question", "why", "story_id"]].values.tolist() == [
        ["Tell me about yourself", "asked at Cedar on 5 Feb 2026; came up in 5 interviews",
         "T0001"],
        [DISAGREE, "asked for the same role at Dogwood; came up in 4 interviews", "T0002"],
        [OUTAGE, "asked at Cedar on 5 Feb 2026; came up in 2 interviews", "T0003"],
        ["What do you know about us?", "asked at Cedar on 5 Feb 2026", ""],
        ["How many windows are in London?", "asked for the same role at Dogwood", "T0003"],
    ]  # fmt: skip


def test_the_prep_sheet_lists_the_questions_and_stories(log):
    sheet = prep_sheet(log, today=TODAY)
    # Last on the sheet: the interviews here have no "do differently" notes of their own.
    part = sheet[sheet.index("## Questions likely to come up") :]
    assert part.splitlines()[:8] == [
        "## Questions likely to come up, with your story for each",
        "",
        '- "Tell me about yourself" (asked at Cedar on 5 Feb 2026; came up in 5 interviews; '
        "2 gaps): rehearse “Pitch” (T0001).",
        f'- "{DISAGREE}" (asked for the same role at Dogwood; came up in 4 interviews; 1 gap): '
        "rehearse “Conflict” (T0002).",
        f'- "{OUTAGE}" (asked at Cedar on 5 Feb 2026; came up in 2 interviews): rehearse '
        "“Outage” (T0003).",
        '- "What do you know about us?" (asked at Cedar on 5 Feb 2026; 1 gap): no story yet: '
        "write one in your story bank.",
        '- "How many windows are in London?" (asked for the same role at Dogwood; 1 gap): '
        "rehearse “Outage” (T0003).",
        "",
    ]
    assert '- The "Tell me about yourself" question: 2 of 5 answers, latest "So, tell me a ' in (
        part
    )


def test_rehearsals_are_evenly_spaced_before_the_interview(log):
    plan = rehearsal_plan(log, today=TODAY)
    assert sorted(set(plan["on"])) == [date(2026, 3, 23), date(2026, 3, 26), date(2026, 3, 29)]
    assert sorted(set(plan["story_id"])) == ["T0001", "T0002", "T0003"]
    items = rehearsal_reminders(plan, today=TODAY)
    assert [(r.uid, r.due_on) for r in items] == [
        ("rehearse-I0007-1@rejectkit", date(2026, 3, 23)),
        ("rehearse-I0007-2@rejectkit", date(2026, 3, 26)),
        ("rehearse-I0007-3@rejectkit", date(2026, 3, 29)),
    ]
    assert items[0].summary == "Rehearse your stories for Cedar"
    ics = reminders_ics(items, today=TODAY).decode()
    assert [line for line in ics.splitlines() if line.startswith("DTSTART")] == [
        "DTSTART;VALUE=DATE:20260323", "DTSTART;VALUE=DATE:20260326",
        "DTSTART;VALUE=DATE:20260329",
    ]  # fmt: skip


def test_no_rehearsal_once_the_interview_has_passed(log):
    assert rehearsal_plan(log, today=date(2026, 4, 1)).empty
    assert rehearsal_plan(log, today=date(2026, 4, 2)).empty


@pytest.mark.parametrize(
    ("today", "interview_on", "days"),
    [
        (date(2026, 12, 1), date(2026, 12, 9), ["2026-12-03", "2026-12-05", "2026-12-07"]),
        (date(2026, 12, 1), date(2026, 12, 3), ["2026-12-02"]),  # one day between: once
        (date(2026, 12, 1), date(2026, 12, 2), ["2026-12-01"]),  # tomorrow: today
        (date(2026, 12, 1), date(2026, 12, 1), []),
        (date(2026, 12, 1), date(2026, 11, 30), []),
    ],
)
def test_rehearsal_days(today, interview_on, days):
    assert [d.isoformat() for d in rehearsal_days(today, interview_on)] == days


@pytest.mark.parametrize(
    ("texts", "groups"),
    [
        ([], []),
        (["Tell me about yourself", "TELL ME ABOUT YOURSELF!!"], [0, 0]),
        (["Ok so tell me about yourself", "Tell me about yourself"], [0, 0]),  # filler dropped
        (["Walk me through your CV", "Walk me through your CV, please"], [0, 0]),
        (["Why?", "why"], [0, 0]),
        (["Why?", "Why us?"], [0, 1]),  # a short wording is not "contained" in a longer one
        (["", "Why us?"], [0, 1]),
        (["What are your strengths?", "What are your weaknesses?"], [0, 1]),
        (["Describe a time you failed", "Describe a time you succeeded"], [0, 1]),
        (["Tell me about yourself", "Tell me about a time you failed"], [0, 1]),
        # A known limit of matching words: one word apart in a long question is the same
        # question ("went wrong" and "went well"); the README says so.
        (["Tell me about a project that went wrong", "Tell me about a project that went well"],
         [0, 0]),
        # A question joins the first group's first wording, never a chain through a third.
        (["Tell me about a time you disagreed with a stakeholder",
          "Tell me about a time you had a conflict with a stakeholder",
          "Tell me about a time you had a conflict with a supplier"], [0, 0, 1]),
    ],
)  # fmt: skip
def test_similar_wording_is_grouped(texts, groups):
    assert group_questions(texts) == groups


def test_no_questions_logged_says_so(tmp_path):
    data = build(tmp_path / "ws", [interview("2026-01-05", "rejected", {TM: 3})])
    assert recurring_questions(data).sentences[0].startswith("No questions logged yet.")
    assert gap_kinds(data).table.empty and likely_questions(data, today=TODAY).empty
    assert "## Questions likely" not in prep_sheet(data, today=TODAY)
    assert story_usage(data).sentences[0].startswith("Your story bank is empty.")


def test_the_calendar_export_carries_the_rehearsals(log, tmp_path, capsys):
    from rejectkit.cli import main
    from rejectkit.ui.due_view import DueView

    ics = tmp_path / "reminders.ics"
    assert (
        main(["remind", "--data", str(log.path), "--today", "2026-03-20", "--ics", str(ics)]) == 0
    )
    text = ics.read_text()
    assert [f"rehearse-I0007-{k}@rejectkit" in text for k in (1, 2, 3)] == [True] * 3
    assert "Rehearse your stories for Cedar" in text
    view = DueView(Workspace(log.path), today=TODAY)
    view.export.click()
    assert "UID:rehearse-I0007-3@rejectkit" in (log.path / "reminders.ics").read_text()
