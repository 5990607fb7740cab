"""The analysis behind the patterns notebook, on workspaces whose answers are worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from patterns_helpers import EDGES, build, build_edge, heavy, interview

from rejectkit.analysis.comparisons import (
    blind_spots,
    feedback_themes,
    passed_vs_rejected,
    strategy_effects,
)
from rejectkit.analysis.funnel import funnel_summary
from rejectkit.analysis.touchpoints import (
    NO_INTERVIEWS,
    score_table,
    touchpoint_highlights,
    touchpoint_summary,
)
from rejectkit.cli import main

CR, TMAY, IQ, BQ = (
    "company_research",
    "tell_me_about_yourself",
    "industry_questions",
    ("behavioural_questions"),
)


def test_score_table_joins_interviews_and_applications_oldest_first(tmp_path):
    data = build(
        tmp_path / "ws",
        [
            interview("2026-03-10", "advanced", {CR: 4, IQ: None}, company="Later Ltd"),
            interview("2026-02-01", "rejected", {CR: 2}, company="Earlier plc"),
        ],
    )
    scores = score_table(data)
    assert scores["company"].tolist() == ["Earlier plc", "Later Ltd", "Later Ltd"]
    assert scores["order"].tolist() == [1, 2, 2]
    assert scores["result"].tolist() == ["rejected", "advanced", "advanced"]
    assert scores["held_on"].iloc[0] == pd.Timestamp("2026-02-01")
    assert scores["label"].iloc[0] == "Your research about the organisation"
    assert scores["score"].iloc[:2].tolist() == [2.0, 4.0]
    assert math.isnan(scores["score"].iloc[2])  # not applicable stays missing, not zero


def test_a_touchpoint_that_went_2_3_4_is_most_improved_by_two(tmp_path):
    data = build(
        tmp_path / "ws",
        [interview(f"2026-0{m}-01", scores={CR: s, BQ: 3}) for m, s in ((1, 2), (2, 3), (3, 4))],
    )
    row = touchpoint_summary(data).loc[CR]
    assert (row["rated"], row["mean"], row["recent"], row["last_scores"]) == (
        3,
        3.0,
        3.0,
        "2, 3, 4",
    )
    # k = min(3, 3 // 2) = 1: the first interview against the last one.
    assert (row["compared"], row["first"], row["latest"], row["change"]) == (1, 2.0, 4.0, 2.0)
    h = touchpoint_highlights(data)
    assert h.improved == [CR]
    assert h.slipping == []
    assert (
        "Most improved: Your research about the organisation: from 2.0 in your first interview "
        "to 4.0 in your last one (+2.0)." in h.sentences
    )


def test_change_compares_the_first_and_last_three_when_there_are_six_or_more(tmp_path):
    ratings = [4, 4, 4, 3, 2, 2]
    data = build(
        tmp_path / "ws",
        [interview(f"2026-0{i + 1}-01", scores={IQ: s, BQ: 4}) for i, s in enumerate(ratings)],
    )
    row = touchpoint_summary(data).loc[IQ]
    assert row["compared"] == 3
    assert row["first"] == 4.0
    assert row["latest"] == pytest.approx(7 / 3)
    assert row["change"] == -1.67
    h = touchpoint_highlights(data)
    assert h.slipping == [IQ]
    assert h.weakest == [IQ] and h.strongest == [BQ]
    assert any(
        s.startswith("Slipping: The industry-specific questions: from 4.0") for s in h.sentences
    )


def test_not_applicable_ratings_are_skipped_not_counted_as_zero(tmp_path):
    data = build(
        tmp_path / "ws",
        [
            interview("2026-01-01", scores={CR: 2}),
            interview("2026-02-01", scores={CR: None}),
            interview("2026-03-01", scores={CR: 4}),
        ],
    )
    row = touchpoint_summary(data).loc[CR]
    assert (row["rated"], row["mean"], row["change"], row["last_scores"]) == (2, 3.0, 2.0, "2, 4")


def test_strongest_and_weakest_split_the_touchpoints_and_ties_go_by_overall_average(tmp_path):
    # Last three of each: A 5, B 4 (overall 4.0), C 4 (overall 3.5), D 2.
    a, b, c, d = "first_interaction", "first_impression", "your_questions", "thanking_interviewers"
    data = build(
        tmp_path / "ws",
        [
            interview("2026-01-01", scores={a: 5, b: 4, c: 2, d: 2}),
            interview("2026-02-01", scores={a: 5, b: 4, c: 4, d: 2}),
            interview("2026-03-01", scores={a: 5, b: 4, c: 4, d: 2}),
            interview("2026-04-01", scores={a: 5, b: 4, c: 4, d: 2}),
        ],
    )
    h = touchpoint_highlights(data)
    assert h.strongest == [a, b]  # b beats c on the overall average
    assert h.weakest == [d, c]
    assert h.improved == [c]  # 2, 4 -> 4, 4 with k = 2: +1.0


def test_passed_against_rejected_counts_each_side_and_ignores_pending(tmp_path):
    yq = "your_questions"
    data = build(
        tmp_path / "ws",
        [
            interview("2026-01-01", "rejected", {yq: 2, BQ: 4}),
            interview("2026-01-08", "rejected", {yq: 2, BQ: 4}),
            interview("2026-01-15", "rejected", {yq: 2, BQ: 4}),
            interview("2026-02-01", "advanced", {yq: 4, BQ: 4}),
            interview("2026-02-08", "advanced", {yq: 4, BQ: 4}),
            interview("2026-02-15", "offer", {yq: 5, BQ: None}),
            interview("2026-03-01", "pending", {yq: 1, BQ: 1}),
            interview("2026-03-02", "withdrew", {yq: 1, BQ: 1}),
        ],
    )
    c = passed_vs_rejected(data)
    table = c.table.set_index("touchpoint")
    assert table.loc[yq, ["passed_n", "rejected_n"]].tolist() == [3, 3]
    assert table.loc[yq, "passed_mean"] == pytest.approx(13 / 3)
    assert table.loc[yq, "rejected_mean"] == 2.0
    assert table.loc[yq, "difference"] == 2.33
    assert bool(table.loc[yq, "enough"]) is True
    assert table.loc[BQ, ["passed_n", "rejected_n"]].tolist() == [2, 3]
    assert bool(table.loc[BQ, "enough"]) is False
    assert c.warning == ""
    assert c.sentences[0] == (
        "You passed 3 interview rounds (advanced or offer) and 3 rounds ended in a rejection."
    )
    assert c.sentences[1].startswith(
        "The questions you asked the interviewer: 4.3 in rounds you passed"
    )


@pytest.mark.parametrize(
    ("results", "warned", "nothing_to_compare"),
    [
        (["advanced", "advanced", "rejected"], True, False),
        (["advanced", "advanced", "advanced"], True, True),
        (["pending"], True, True),
    ],
)
def test_passed_against_rejected_warns_in_words_when_too_few(
    tmp_path, results, warned, nothing_to_compare
):
    data = build(
        tmp_path / "ws",
        [interview(f"2026-01-0{i + 1}", r, {CR: 3}) for i, r in enumerate(results)],
    )
    c = passed_vs_rejected(data)
    assert ("fewer than 3 interviews" in c.warning) is warned
    assert any("nothing to compare" in s for s in c.sentences) is nothing_to_compare


def test_blind_spots_use_the_last_interview_of_the_application(tmp_path):
    data = build(
        tmp_path / "ws",
        [
            interview("2026-01-05", "advanced", {IQ: 2, CR: 2, BQ: 2}, app=0),
            interview("2026-01-20", "rejected", {IQ: 4, CR: 2, BQ: None}, app=0),
        ],
        applications=[{"company": "Larkspur <Energy>", "stage": "final", "outcome": "rejected"}],
        feedback=[
            {
                "app": 0,
                "received_on": "2026-02-01",
                "to_improve": "More sector depth",
                "touchpoints": f"{IQ};{CR};{BQ};your_questions",
            },
        ],
    )
    b = blind_spots(data)
    verdicts = dict(zip(b.table["touchpoint"], b.table["verdict"], strict=True))
    assert verdicts == {
        IQ: "blind spot",
        CR: "you saw it too",
        BQ: "not rated",
        "your_questions": "not rated",
    }
    assert b.table["interview_id"].unique().tolist() == ["I0002"]
    assert b.sentences[0] == (
        "Blind spot: The industry-specific questions, at Larkspur <Energy> (20 Jan 2026). You "
        'rated it 4 out of 5, but the feedback said: "More sector depth"'
    )
    assert "In 1 case the feedback named a touchpoint you had already rated 2" in b.sentences[1]
    # User text is escaped when the findings are shown as HTML.
    assert "Larkspur &lt;Energy&gt;" in b._repr_html_()
    assert "<Energy>" not in b._repr_html_()


def test_feedback_themes_count_mentions_and_keep_the_latest_words(tmp_path):
    data = build(
        tmp_path / "ws",
        [],
        applications=[{}, {}],
        feedback=[
            {"app": 0, "received_on": "2026-03-01", "to_improve": "newer", "touchpoints": f"{CR}"},
            {
                "app": 1,
                "received_on": "2026-01-01",
                "to_improve": "older",
                "touchpoints": f"{CR};{IQ}",
            },
        ],
    )
    themes = feedback_themes(data)
    assert themes["touchpoint"].tolist() == [CR, IQ]
    assert themes["mentions"].tolist() == [2, 1]
    assert themes["to_improve"].tolist() == ["newer", "older"]


def test_strategy_change_compares_three_before_with_those_from_its_day_on(tmp_path):
    ratings = [
        ("2026-01-01", 1),
        ("2026-01-10", 2),
        ("2026-01-20", 2),
        ("2026-02-01", 3),
        ("2026-02-10", 4),
        ("2026-02-20", 5),
    ]
    data = build(
        tmp_path / "ws",
        [interview(on, scores={TMAY: s}) for on, s in ratings],
        changes=[
            {"changed_on": "2026-02-10", "touchpoint": TMAY, "change": "A 60-second pitch"},
            {"changed_on": "2026-03-01", "touchpoint": TMAY, "change": "Later idea"},
            {"changed_on": "2026-03-01", "touchpoint": CR, "change": "Never rated"},
        ],
    )
    e = strategy_effects(data)
    first = e.table.iloc[0]
    # Before: the three nearest (2, 2, 3); after: the interview on the day and the next (4, 5).
    assert first["before_mean"] == pytest.approx(7 / 3) and first["before_n"] == 3
    assert first["after_mean"] == 4.5 and first["after_n"] == 2
    assert first["difference"] == 2.17
    assert e.sentences[0] == (
        '10 Feb 2026, The "Tell me about yourself" question (A 60-second pitch): from 2.3 over '
        "the 3 interviews before to 4.5 over the 2 interviews after (+2.2)."
    )
    assert e.sentences[1].endswith("no rated interview since this change yet.")
    assert e.table.iloc[2][["before_n", "after_n"]].tolist() == [0, 0]


def test_funnel_counts_reached_stages_rejections_answers_and_silence(tmp_path):
    def app(stage, outcome, applied="2026-01-01", on=""):
        return {"stage": stage, "outcome": outcome, "applied_on": applied, "outcome_on": on}

    data = build(
        tmp_path / "ws",
        applications=[
            app("applied", "rejected", on="2026-01-11"),
            app("applied", "rejected", on="2026-01-21"),
            app("applied", "ghosted", on="2026-02-15"),
            app("applied", "open"),
            app("screening", "rejected", on="2026-01-31"),
            app("screening", "withdrawn", on="2026-01-15"),
            app("screening", "ghosted", on="2026-02-15"),
            app("interview", "rejected", on="2026-02-10"),
            app("interview", "rejected", on="2026-02-20"),
            app("final", "rejected", on="2026-03-02"),
        ],
    )
    f = funnel_summary(data)
    assert f.table["reached"].tolist() == [10, 6, 3, 1, 0]
    assert f.table["rejected"].tolist() == [2, 1, 2, 1, 0]
    assert f.interview_share == 0.3
    assert f.ghosted_share == 0.2
    assert sorted(f.days_to_answer.tolist()) == [10, 20, 30, 40, 50, 60]
    assert f.outcomes.to_dict() == {
        "open": 1,
        "offer": 0,
        "rejected": 6,
        "withdrawn": 1,
        "ghosted": 2,
    }
    assert f.sentences[0].startswith(
        "You were invited to interview for 3 of your 10 applications (30%)."
    )
    assert (
        "Where the rejections came: 2 after applying, 1 after screening, 2 after an interview, 1 after a final round."
        in f.sentences
    )
    assert (
        "When an answer came, it took 35 days from applying (median; from 10 to 60 days)."
        in f.sentences
    )
    assert any(s.startswith("2 applications (20%) never got an answer.") for s in f.sentences)


EXPECTED = {
    "no interviews": NO_INTERVIEWS,
    "one interview": "After one interview there is nothing to compare yet",
    "never rated": "You have logged interviews but rated no touchpoint yet",
    "not reviewed": "You have logged interviews but rated no touchpoint yet",
    "custom touchpoint": "Most improved: The technical test or take-home task: from 2.0",
    "all scores equal": "All your rated touchpoints stand level at 3.0",
}


@pytest.fixture(params=list(EDGES))
def edge(request, tmp_path):
    return request.param, build_edge(tmp_path / "ws", request.param)


def test_every_analysis_copes_with_the_edge_cases(edge):
    name, data = edge
    h = touchpoint_highlights(data)
    assert any(EXPECTED[name] in s for s in h.sentences), h.sentences
    summary = touchpoint_summary(data)
    assert summary.index.tolist()[:10] == [
        "first_interaction",
        "first_impression",
        "tell_me_about_yourself",
        "behavioural_questions",
        "company_research",
        "industry_questions",
        "out_of_the_box_questions",
        "your_questions",
        "thanking_interviewers",
        "body_language_and_tone",
    ]
    for result in (
        passed_vs_rejected(data),
        blind_spots(data),
        strategy_effects(data),
        funnel_summary(data),
    ):
        assert result.sentences and all(isinstance(s, str) and s for s in result.sentences)
        assert str(result).startswith(result.title)
        result._repr_html_()
    if name == "all scores equal":
        assert (h.strongest, h.weakest, h.improved, h.slipping) == ([], [], [], [])
        assert "No touchpoint moved by 0.5 or more since your first interviews." in h.sentences
    if name == "custom touchpoint":
        assert summary.loc["technical_test", "label"] == "The technical test or take-home task"
        assert strategy_effects(data).table["difference"].tolist() == [2.0]
    if name == "never rated":
        assert summary["rated"].sum() == 0
    if name == "one interview":
        assert summary["change"].isna().all()
        assert h.strongest == [IQ] and h.weakest == [CR]


def test_the_demo_tells_its_story(workspace):
    data = workspace.load()
    h = touchpoint_highlights(data)
    assert {CR, TMAY} <= set(h.improved)
    assert h.slipping == [IQ]
    assert BQ in h.strongest
    assert h.weakest[0] == IQ
    b = blind_spots(data)
    assert b.table.loc[b.table["verdict"] == "blind spot", "touchpoint"].tolist() == [IQ]
    e = strategy_effects(data).table.set_index("touchpoint")
    assert (e["difference"] > 0).all()  # every change in the demo log helped
    assert e.loc[CR, ["before_mean", "after_mean"]].round(2).tolist() == [2.33, 4.33]
    f = funnel_summary(data)
    assert f.table["reached"].tolist() == [30, 14, 7, 3, 1]


def test_a_heavy_log_runs_through_every_analysis(tmp_path):
    data = heavy(tmp_path / "heavy")
    assert len(data.applications) == 2000 and len(data.interviews) == 400
    scores = score_table(data)
    assert len(scores) == 4000
    summary = touchpoint_summary(data)
    assert summary["rated"].sum() == scores["score"].notna().sum()
    assert summary.loc[summary["rated"] > 0, "compared"].eq(3).all()
    h = touchpoint_highlights(data)
    assert len(h.strongest) == 3 and len(h.weakest) == 3
    c = passed_vs_rejected(data)
    assert c.warning == "" and c.table["enough"].all()
    assert (c.table["passed_n"] + c.table["rejected_n"] <= 400).all()
    assert len(blind_spots(data).table) == 100
    assert feedback_themes(data)["mentions"].sum() == 100
    e = strategy_effects(data)
    assert (
        len(e.table) == 40 and (e.table["before_n"] <= 3).all() and (e.table["after_n"] <= 3).all()
    )
    f = funnel_summary(data)
    assert f.table["reached"].iloc[0] == 2000
    assert f.table["reached"].is_monotonic_decreasing


def test_the_patterns_command_prints_every_finding(sample_copy, capsys):
    assert main(["patterns", "--data", str(sample_copy)]) == 0
    out = capsys.readouterr().out
    for title in (
        "Weakest, strongest, most improved and slipping touchpoints",
        "How far your applications got",
        "What separates rounds you passed from rounds you did not",
        "Your own ratings against the feedback you received",
        "Strategy changes, before and after",
    ):
        assert title in out
    assert "Slipping: The industry-specific questions" in out


def test_the_patterns_command_reports_bad_data_without_a_traceback(sample_copy, capsys):
    (sample_copy / "reviews.csv").write_text(
        "interview_id,touchpoint,score,keep_doing,do_differently\nI0001,first_interaction,7,,\n"
    )
    assert main(["patterns", "--data", str(sample_copy)]) == 1
    err = capsys.readouterr().err
    assert "reviews.csv:2: score" in err and "Traceback" not in err
