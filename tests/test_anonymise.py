"""Anonymising the tables: aliases everywhere, free text scrubbed, dates shifted by whole weeks,
the coarser options, and the private alias map and secret."""

from __future__ import annotations

import json
import string

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from share_canary import HIDE, build_canary, leaks

from rejectkit.sharing.aliases import AliasMap, date_offset, normal
from rejectkit.sharing.anonymise import ShareOptions, anonymise
from rejectkit.sharing.scrub import Scrubber, patterns_in
from rejectkit.store.csvread import Dialect
from rejectkit.store.csvwrite import encode_table
from rejectkit.store.schema import TABLES

OFFSET = 21


@pytest.fixture(scope="module")
def canary(tmp_path_factory):
    return build_canary(tmp_path_factory.mktemp("canary") / "workspace")


@pytest.fixture(scope="module")
def anon(canary):
    return anonymise(canary.load(), AliasMap(), OFFSET, ShareOptions(hide=HIDE))


def _write(tables, folder):
    folder.mkdir()
    for name, frame in tables.items():
        (folder / f"{name}.csv").write_bytes(encode_table(frame, Dialect()))
    return folder


def test_no_planted_value_is_left_in_any_cell(anon, tmp_path):
    assert leaks(_write(anon.tables, tmp_path / "out")) == []


def test_the_tables_keep_their_rows_ids_and_scores(canary, anon):
    data = canary.load()
    for name, frame in data.tables.items():
        assert len(anon.tables[name]) == len(frame), name
        for column in TABLES[name].columns:
            if column.kind in ("id", "ref", "choice", "score", "touchpoint", "touchpoints", "key"):
                assert anon.tables[name][column.name].tolist() == frame[column.name].tolist()


@pytest.mark.parametrize(
    ("table", "row", "column", "expected"),
    [
        # upper case, possessive, a phone number
        ("applications", 0, "notes", "Company 01 were late; Contact 01's questions were sharp. "
         "Call Phone 01."),
        # split across a line, inside an email
        ("applications", 1, "notes", "Company 02's panel asked about Company 03; wrote to "
         "Email 01 after."),
        # links, a US number in brackets
        ("applications", 2, "notes", "Job ad: Link 01, team page Link 02, cell Phone 02"),
        # a surname in capitals, a hidden name, its part in lower case; a German number, a
        # name before an @, a first word of an organisation; a date in the text moves too
        ("interviews", 0, "do_differently", "Contact 01 said Person 01 (me) was too quiet; "
         "mention Person 01's portfolio"),
        ("interviews", 1, "do_differently", "Met in Place 01, office in Place 02; Büro Phone 03; "
         "Contact 03 mentioned Company 04 and Email 02. Next round 2026-06-23."),
        ("applications", 0, "source", "referral from Contact 03"),
        ("applications", 0, "role", "Role 01"),
        ("applications", 1, "role", "Data Analyst"),
        ("applications", 3, "company", "Company 01"),
        ("applications", 4, "company", "Company 01"),
        ("interviews", 1, "round", "final at Company 01 HQ"),
        ("touchpoints", 0, "label", "The Company 01-style case study"),
        ("touchpoints", 0, "high_hint", "Explained it like Contact 01 would"),
        ("contacts", 1, "notes", "@Contact 03 on the Company 04 Slack"),
        ("changes", 1, "change", "+ practise case studies the Contact 01 way"),
        ("messages", 0, "subject", "Thank you, Contact 01"),
        ("messages", 1, "to_email", "Email 02"),
        ("contacts", 0, "organisation", "Company 01"),
        ("contacts", 1, "organisation", "Company 04"),
    ],
)  # fmt: skip
def test_what_each_field_becomes(anon, table, row, column, expected):
    assert anon.tables[table][column].iat[row] == expected


def test_one_value_has_one_alias_in_every_file(anon):
    t = anon.tables
    assert t["applications"]["contact_name"].iat[0] == "Contact 01"
    assert t["contacts"]["name"].iat[0] == "Contact 01"
    assert t["messages"]["to_name"].iat[0] == "Contact 01"
    assert t["applications"]["contact_email"].iat[0] == t["contacts"]["email"].iat[0]


def test_aliases_follow_the_order_of_first_appearance(anon):
    entries = anon.aliases.entries()
    companies = entries[entries["kind"] == "company"]
    # Applied 4, 11 and 20 May; the contact's organisation appears in July.
    assert companies["value"].tolist() == [
        "Quillfeather Dynamics",
        "Zorbanex Holdings",
        "Vantablue Robotics Ltd",
        "Glimmerstone Partners",
    ]
    assert companies["alias"].tolist() == [f"Company 0{i}" for i in range(1, 5)]


def test_the_preview_counts_each_replacement(anon):
    replaced = anon.replaced.set_index("alias")
    assert replaced.loc["Person 01", ["kind", "value"]].tolist() == ["person", HIDE[0]]
    # The company column (three spellings) and the role; the notes mention it four times.
    assert replaced.loc["Company 01", "count"] >= 4
    assert replaced.loc["Place 01", "count"] > 0
    assert set(replaced["kind"]) >= {"company", "contact", "person", "place", "email", "phone"}


def test_dates_move_by_the_offset_and_keep_their_weekday(canary, anon):
    data = canary.load()
    for name, table in TABLES.items():
        for column in table.columns:
            if column.kind != "date":
                continue
            before = pd.to_datetime(data.tables[name][column.name], errors="coerce")
            after = pd.to_datetime(anon.tables[name][column.name], errors="coerce")
            assert (before.isna() == after.isna()).all()
            moved = (after - before).dropna().dt.days
            assert (moved == OFFSET).all(), (name, column.name)
            assert (after.dropna().dt.day_of_week == before.dropna().dt.day_of_week).all()


def test_months_instead_of_dates(canary):
    anon = anonymise(canary.load(), AliasMap(), OFFSET, ShareOptions(months=True))
    applied = anon.tables["applications"]["applied_on"]
    assert applied.tolist() == [
        "2026-05-01",
        "2026-06-01",
        "2026-06-01",
        "2026-06-01",
        "2026-06-01",
    ]
    assert anon.tables["interviews"]["do_differently"].iat[1].endswith("Next round 2026-06.")
    assert anon.tables["applications"]["outcome_on"].iat[3] == ""


def test_drop_locations(canary):
    anon = anonymise(canary.load(), AliasMap(), OFFSET, ShareOptions(drop_locations=True))
    assert set(anon.tables["applications"]["location"]) == {""}
    assert (
        anon.tables["interviews"]["do_differently"]
        .iat[1]
        .startswith("Met in [place], office in [place];")
    )
    assert set(anon.replaced.loc[anon.replaced["kind"] == "place", "alias"]) == {"[place]"}


def test_drop_free_text_keeps_scores_and_short_labels(canary, tmp_path):
    anon = anonymise(
        canary.load(), AliasMap(), OFFSET, ShareOptions(drop_free_text=True, hide=HIDE)
    )
    t = anon.tables
    assert set(t["applications"]["notes"]) == {""}
    assert set(t["interviews"]["went_well"]) | set(t["reviews"]["keep_doing"]) == {""}
    assert set(t["feedback"]["to_improve"]) == {""}
    assert set(t["changes"]["change"]) == {"(not shared)"}
    assert set(t["messages"]["subject"]) == {""}
    assert t["interviews"]["round"].iat[0] == "phone screen with Contact 01"
    assert t["reviews"]["score"].tolist() == canary.load().reviews["score"].tolist()
    assert leaks(_write(t, tmp_path / "out")) == []


def test_the_alias_map_is_saved_privately_and_kept(tmp_path):
    canary = build_canary(tmp_path / "workspace")
    aliases = AliasMap.load(canary)
    anonymise(canary.load(), aliases, OFFSET, ShareOptions(hide=HIDE))
    aliases.save(canary)
    path = canary.path / ".rejectkit" / "share" / "aliases.csv"
    saved = pd.read_csv(path, dtype="str", keep_default_na=False)
    assert list(saved.columns) == ["kind", "alias", "value"]
    assert AliasMap.load(canary).entries().equals(aliases.entries())
    # A value added later, even with an earlier date, gets the next number; old ones keep theirs.
    ws = canary
    ws.add(
        "applications",
        dict(company="Aardvarkian Systems", role="Analyst", applied_on="2026-01-02",
             stage="applied", outcome="open"),
    )  # fmt: skip
    again = AliasMap.load(ws)
    anon = anonymise(ws.load(), again, OFFSET, ShareOptions(hide=HIDE))
    assert again.alias("company", "Quillfeather Dynamics") == "Company 01"
    assert again.alias("company", "Aardvarkian Systems") == "Company 05"
    assert anon.tables["applications"]["company"].iat[-1] == "Company 05"


def test_a_hidden_name_stays_hidden_in_later_exports(canary):
    aliases = AliasMap([("person", "Person 01", "Marguerite Pemberwick")])
    anon = anonymise(canary.load(), aliases, OFFSET, ShareOptions())
    assert "Person 01" in anon.tables["interviews"]["do_differently"].iat[0]


def test_the_secret_offset_is_drawn_once_in_whole_weeks(empty_workspace):
    first = date_offset(empty_workspace)
    assert first % 7 == 0 and 9 <= abs(first) // 7 <= 156
    assert date_offset(empty_workspace) == first
    secret = empty_workspace.path / ".rejectkit" / "share" / "secret.json"
    assert json.loads(secret.read_text()) == {"offset_weeks": first // 7}


def test_a_work_domain_is_aliased_and_a_public_one_is_not(empty_workspace):
    empty_workspace.add(
        "applications",
        dict(company="Acme", role="Analyst", applied_on="2026-05-01", stage="applied",
             outcome="open", contact_email="pat@quillon-consulting.example",
             notes="pat.quillon@gmail.com wrote from quillon-consulting.example; gmail.com is fine"),
    )  # fmt: skip
    anon = anonymise(empty_workspace.load(), AliasMap(), 7, ShareOptions())
    assert anon.tables["applications"]["notes"].iat[0] == (
        "Email 01 wrote from Domain 01; gmail.com is fine"
    )
    assert anon.aliases.alias("domain", "gmail.com") is None


@pytest.mark.parametrize(
    "text",
    [
        "45000 a year, 3 rounds, I0004 and A0012",
        "rated 4/5 on 2026-05-04",
        "2 of 10 questions",
    ],
)
def test_numbers_that_are_not_phone_numbers_stay(text):
    assert [k for k, _ in patterns_in(text)] == []


NAME = "Ottoline Brackwater"
_SCRUB = Scrubber(
    {
        normal(NAME): ("contact", NAME, "Contact 01"),
        "ottoline": ("contact", NAME, "Contact 01"),
        "brackwater": ("contact", NAME, "Contact 01"),
    },
    pattern_alias=lambda kind, text: f"[{kind}]",
)
_AROUND = st.text(alphabet=string.ascii_letters + " .,;:!?()'\"\n-", max_size=40)


@settings(max_examples=300, deadline=None)
@given(
    before=_AROUND,
    after=_AROUND,
    upper=st.lists(st.booleans(), min_size=len(NAME), max_size=len(NAME)),
    space=st.sampled_from([" ", "\n", "  ", "\t", " \n "]),
    suffix=st.sampled_from(["", "'s", "\u2019s", ".", "-style"]),
)
def test_a_planted_name_never_survives(before, after, upper, space, suffix):
    name = "".join(c.upper() if u else c.lower() for c, u in zip(NAME, upper, strict=True))
    name = name.replace(" ", space)
    text = f"{before} {name}{suffix} {after}"
    scrubbed = _SCRUB.scrub(text)
    assert "ottoline" not in scrubbed.casefold() or "ottoline" in f"{before}{after}".casefold()
    assert "brackwater" not in scrubbed.casefold() or "brackwater" in f"{before}{after}".casefold()


@pytest.mark.parametrize("drop", [False, True])
def test_drop_free_text_also_leaves_out_questions_and_stories(workspace, drop):
    """The question log's and story bank's own words are notes too (issue 17)."""
    data = workspace.load()
    anon = anonymise(data, AliasMap(), OFFSET, ShareOptions(drop_free_text=drop))
    words = {("questions", "question"), ("questions", "note"), ("stories", "title"),
             ("stories", "situation"), ("stories", "action"), ("stories", "result")}  # fmt: skip
    for table, column in words:
        original = data.tables[table][column]
        shared = anon.tables[table][column]
        assert len(shared) == len(original) > 0
        if drop:
            assert (shared == "").all(), (table, column)
        else:
            assert (shared != "").sum() == (original != "").sum(), (table, column)
    # What a question was about, and how it went, stay: the patterns need them.
    assert list(anon.tables["questions"]["how"]) == list(data.tables["questions"]["how"])
