"""Reading a workspace: tolerant of what spreadsheets do, strict and precise about the rest.

Each case writes real files into a temporary workspace and asserts the exact
``FILE:LINE: COLUMN`` of every problem, or the notice for what was tolerated.
"""

from __future__ import annotations

import pytest

from rejectkit.store.workspace import Workspace

APPS = (
    "id,company,role,applied_on,source,location,stage,outcome,outcome_on,contact_name,"
    "contact_email,notes\n"
    "A0001,Northwind Analytics,Data analyst,2026-05-04,LinkedIn,Leeds,interview,rejected,"
    '2026-06-01,Ana Ruiz,ana@example.com,"Long note, with a comma\nand a second line"\n'
    "A0002,Bluefin Logistics,BI developer,2026-05-10,referral,Remote,applied,open,,,,\n"
)
INTERVIEWS = (
    "id,application_id,held_on,round,format,result,went_well,do_differently\n"
    "I0001,A0001,2026-05-20,phone screen,phone,rejected,Clear examples,Shorter intro\n"
)
REVIEWS = (
    "interview_id,touchpoint,score,keep_doing,do_differently\n"
    "I0001,tell_me_about_yourself,2,,Prepare a 60-second pitch\n"
    "I0001,behavioural_questions,4,STAR answers,\n"
    "I0001,thanking_interviewers,,,\n"
)
FEEDBACK = (
    "id,application_id,requested_on,received_on,went_well,to_improve,touchpoints\n"
    "F0001,A0001,2026-06-02,2026-06-05,Examples,Intro ran long,tell_me_about_yourself\n"
)
CONTACTS = (
    "id,application_id,name,organisation,email,last_contact_on,next_contact_on,cadence_days,notes\n"
    "C0001,A0001,Ana Ruiz,Northwind Analytics,ana@example.com,2026-06-05,2026-09-03,90,\n"
)
CHANGES = (
    "id,changed_on,touchpoint,change\nS0001,2026-06-10,tell_me_about_yourself,New 60-second pitch\n"
)
BASE = {
    "applications.csv": APPS,
    "interviews.csv": INTERVIEWS,
    "reviews.csv": REVIEWS,
    "feedback.csv": FEEDBACK,
    "contacts.csv": CONTACTS,
    "changes.csv": CHANGES,
}


def make(tmp_path, **files):
    """A workspace of the BASE files, with ``files`` (name with _ for .) replacing some."""
    contents = dict(BASE)
    for name, text in files.items():
        contents[name.replace("_csv", ".csv")] = text
    for name, text in contents.items():
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return Workspace(tmp_path)


def problems(tmp_path, **files):
    return [str(p) for p in make(tmp_path, **files).read().problems]


def test_the_base_workspace_is_clean(tmp_path):
    data = make(tmp_path).read()
    assert data.problems == []
    assert data.notices == []
    assert data.applications["notes"].iat[0] == "Long note, with a comma\nand a second line"


def test_cells_are_text_never_numbers_or_nan(tmp_path):
    apps = APPS.replace("Remote,applied", "007,applied").replace("BI developer", "NA")
    data = make(tmp_path, applications_csv=apps).read()
    row = data.applications.iloc[1]
    assert row["location"] == "007"
    assert row["role"] == "NA"
    assert row["outcome_on"] == ""
    assert str(data.applications["location"].dtype) == "str"


# What spreadsheets do, read fine with a one-line notice.
TOLERATED = [
    ("utf8-bom", "\ufeff" + APPS, "byte-order mark"),
    ("crlf", APPS.replace("\n", "\r\n"), "CR LF"),
    (
        "header spaces and case",
        APPS.replace("id,company,role", " ID ,Company ,ROLE"),
        "'ROLE' as 'role'",
    ),
    ("nbsp and zero-width", APPS.replace("applied_on", "applied\u00a0on\u200b"), "as 'applied_on'"),
    (
        "semicolons",
        APPS.replace(",", ";").replace('"Long note; with a comma', '"Long note, with a comma'),
        "semicolons",
    ),
    ("trailing empty rows", APPS + ",,,,,,,,,,,\n\n,,,,,,,,,,,\n", "dropped 3 empty rows"),
    (
        "extra column",
        APPS.replace("notes\n", "notes,Mood\n")
        .replace('second line"\n', 'second line",tired\n')
        .replace(",,,,\n", ",,,,,\n"),
        "kept column the kit does not use ('Mood')",
    ),
]


@pytest.mark.parametrize("case,text,notice", TOLERATED, ids=[c[0] for c in TOLERATED])
def test_tolerated_with_a_notice(tmp_path, case, text, notice):
    data = make(tmp_path, applications_csv=text).read()
    assert data.problems == []
    assert any(notice in n for n in data.notices), data.notices
    assert all(n.startswith("applications.csv: ") and "\n" not in n for n in data.notices)
    assert data.applications["company"].tolist() == ["Northwind Analytics", "Bluefin Logistics"]
    # A line break inside a quoted cell is part of the value and kept as written.
    note = data.applications["notes"].iat[0].replace("\r\n", "\n")
    assert note == "Long note, with a comma\nand a second line"


def test_tab_separated_utf16_from_excel(tmp_path):
    text = APPS.replace(",", "\t").replace('"Long note\t with a comma', '"Long note, with a comma')
    data = make(tmp_path, applications_csv=text.encode("utf-16")).read()
    assert data.problems == []
    assert any("UTF-16" in n for n in data.notices)
    assert any("tabs" in n for n in data.notices)
    assert data.applications["company"].tolist() == ["Northwind Analytics", "Bluefin Logistics"]


def test_windows_1252_from_excel(tmp_path):
    text = APPS.replace("Northwind Analytics", "Café Müller")
    data = make(tmp_path, applications_csv=text.encode("cp1252")).read()
    assert data.problems == []
    assert any("Windows-1252" in n for n in data.notices)
    assert data.applications["company"].iat[0] == "Café Müller"


def test_extra_columns_are_written_back_unchanged(tmp_path):
    text = APPS.replace("notes\n", "notes,Mood\n").replace('line"\n', 'line",tired\n')
    text = text.replace(",,,,\n", ",,,,,\n")
    ws = make(tmp_path, applications_csv=text)
    ws.add(
        "applications",
        {
            "company": "Orchard",
            "role": "Analyst",
            "applied_on": "2026-07-01",
            "stage": "applied",
            "outcome": "open",
        },
    )
    saved = (tmp_path / "applications.csv").read_text("utf-8")
    assert saved.startswith(text)
    assert saved[len(text) :] == "A0003,Orchard,Analyst,2026-07-01,,,applied,open,,,,,\n"


# Refused, with the file, the physical line (header = 1, quoted multi-line cells counted),
# the column, the value and what is allowed.
REFUSED = [
    (
        "score above 5",
        "reviews_csv",
        REVIEWS.replace(",4,STAR", ",6,STAR"),
        "reviews.csv:3: score: '6' is outside 1 to 5",
    ),
    (
        "score not an integer",
        "reviews_csv",
        REVIEWS.replace(",4,STAR", ",4.5,STAR"),
        "reviews.csv:3: score: '4.5' is not a whole number from 1 to 5 (ratings are never rounded)",
    ),
    (
        "score 4.0 is never rounded",
        "reviews_csv",
        REVIEWS.replace(",4,STAR", ",4.0,STAR"),
        "reviews.csv:3: score: '4.0' is not a whole number",
    ),
    (
        "score in words",
        "reviews_csv",
        REVIEWS.replace(",4,STAR", ",four,STAR"),
        "reviews.csv:3: score: 'four' is not a whole number",
    ),
    (
        "unknown stage",
        "applications_csv",
        APPS.replace("applied,open", "Applied,open"),
        "applications.csv:4: stage: 'Applied' is not a known stage; allowed: applied, screening, "
        "interview, final, offer. Did you mean 'applied'?",
    ),
    (
        "unknown outcome",
        "applications_csv",
        APPS.replace("rejected,", "rejeted,"),
        "applications.csv:2: outcome: 'rejeted' is not a known outcome; allowed: open, offer, "
        "rejected, withdrawn, ghosted. Did you mean 'rejected'?",
    ),
    (
        "unknown touchpoint",
        "reviews_csv",
        REVIEWS.replace("behavioural_questions", "behavioral_questions"),
        "reviews.csv:3: touchpoint: 'behavioral_questions' is not a known touchpoint",
    ),
    (
        "ambiguous date",
        "applications_csv",
        APPS.replace("2026-05-10", "03/04/2025"),
        "applications.csv:4: applied_on: '03/04/2025' is not written YYYY-MM-DD and is ambiguous "
        "(3 April or March 4?); write 2025-04-03 or 2025-03-04",
    ),
    (
        "day-first date",
        "applications_csv",
        APPS.replace("2026-05-10", "25/04/2025"),
        "applications.csv:4: applied_on: '25/04/2025' is not written YYYY-MM-DD; write 2025-04-25",
    ),
    (
        "date with time",
        "interviews_csv",
        INTERVIEWS.replace("2026-05-20", "2026-05-20 00:00:00"),
        "interviews.csv:2: held_on: '2026-05-20 00:00:00' has a time as well; write only the date: 2026-05-20",
    ),
    (
        "not a calendar day",
        "interviews_csv",
        INTERVIEWS.replace("2026-05-20", "2026-02-30"),
        "interviews.csv:2: held_on: '2026-02-30' is not a day in the calendar",
    ),
    (
        "duplicate id",
        "applications_csv",
        APPS.replace("A0002", "A0001"),
        "applications.csv:4: id: duplicate id 'A0001' (also on line 2)",
    ),
    (
        "id that refers to nothing",
        "interviews_csv",
        INTERVIEWS.replace(",A0001,", ",A0009,"),
        "interviews.csv:2: application_id: 'A0009' is not the id of any row in applications.csv",
    ),
    (
        "malformed id",
        "applications_csv",
        APPS.replace("A0002", "12"),
        "applications.csv:4: id: '12' is not an application id; ids look like A0001",
    ),
    (
        "duplicate review",
        "reviews_csv",
        REVIEWS + "I0001,tell_me_about_yourself,3,,\n",
        "reviews.csv:5: touchpoint: interview_id 'I0001' and touchpoint 'tell_me_about_yourself' "
        "appear together again (first on line 2)",
    ),
    (
        "too many fields",
        "applications_csv",
        APPS.replace(",,,,\n", ",,,,,\n"),
        "applications.csv:4: this row has 13 fields, too many for the 12 columns of the header",
    ),
    (
        "too few fields",
        "applications_csv",
        APPS.replace(",,,,\n", ",,,\n"),
        "applications.csv:4: this row has 11 fields, too few for the 12 columns of the header",
    ),
    (
        "unbalanced quote",
        "changes_csv",
        CHANGES + 'S0002,2026-06-11,your_questions,"Three questions\n',
        "changes.csv:3: a quote opened in the row starting here is never closed",
    ),
    (
        "missing required column",
        "interviews_csv",
        INTERVIEWS.replace("held_on", "date"),
        "interviews.csv:1: held_on: required column 'held_on' is missing from the header",
    ),
    (
        "required cell empty",
        "applications_csv",
        APPS.replace("Bluefin Logistics", ""),
        "applications.csv:4: company: is empty; this column is required",
    ),
    (
        "empty file",
        "changes_csv",
        "",
        "changes.csv:1: the file holds nothing; it needs at least the header row: id,changed_on,touchpoint,change",
    ),
    (
        "binary file",
        "changes_csv",
        b"PK\x03\x04\x00\x00binary",
        "changes.csv:1: the file holds NUL bytes, so it is not a text CSV file",
    ),
    (
        "merge conflict",
        "changes_csv",
        CHANGES.replace("S0001", "<<<<<<< HEAD\nS0001") + "=======\n>>>>>>> theirs\n",
        "changes.csv:2: a git merge-conflict marker (<<<<<<<) is here",
    ),
    (
        "end before start",
        "feedback_csv",
        FEEDBACK.replace("2026-06-05", "2026-05-30"),
        "feedback.csv:2: received_on: 2026-05-30 is before requested_on 2026-06-02",
    ),
    (
        "cadence not a positive integer",
        "contacts_csv",
        CONTACTS.replace(",90,", ",0,"),
        "contacts.csv:2: cadence_days: '0' is not a whole number of days above 0",
    ),
    (
        "unknown touchpoint in a list",
        "feedback_csv",
        FEEDBACK.replace(",tell_me_about_yourself", ",tell_me_about_yourself;posture"),
        "feedback.csv:2: touchpoints: 'posture' in 'tell_me_about_yourself;posture' is not a known touchpoint",
    ),
    (
        "offer outcome before the offer stage",
        "applications_csv",
        APPS.replace("applied,open", "final,offer"),
        "applications.csv:4: stage: the outcome is 'offer' but the stage is 'final'",
    ),
]


@pytest.mark.parametrize("case,file,text,expected", REFUSED, ids=[c[0] for c in REFUSED])
def test_refused_with_file_line_column_and_value(tmp_path, case, file, text, expected):
    found = problems(tmp_path, **{file: text})
    assert any(p.startswith(expected) for p in found), found


def test_line_numbers_count_physical_lines_after_multiline_cells(tmp_path):
    # The note of A0001 spans lines 2-3, so A0002 starts on line 4 and a new row on line 5.
    apps = APPS + "A0003,Orchard,Analyst,2026-13-01,,,applied,open,,,,\n"
    assert problems(tmp_path, applications_csv=apps) == [
        "applications.csv:5: applied_on: '2026-13-01' is not a day in the calendar; write a "
        "real date as YYYY-MM-DD"
    ]


def test_line_numbers_stay_true_after_blank_lines(tmp_path):
    apps = APPS.replace("A0002", "\n\nA0002").replace("2026-05-10", "yesterday")
    found = problems(tmp_path, applications_csv=apps)
    assert found[0].startswith("applications.csv:6: applied_on: 'yesterday' is not a date")


def test_every_problem_in_every_file_in_one_pass(tmp_path):
    found = problems(
        tmp_path,
        applications_csv=APPS.replace("applied,open", "Applied,open").replace(
            "2026-05-04", "4 May"
        ),
        reviews_csv=REVIEWS.replace(",4,STAR", ",9,STAR").replace(",2,,", ",0,,"),
        changes_csv="",
    )
    assert [p.split(": ")[0] for p in found] == [
        "applications.csv:2",
        "applications.csv:4",
        "changes.csv:1",
        "reviews.csv:2",
        "reviews.csv:3",
    ]


def test_a_short_row_is_reported_and_the_other_rows_still_checked(tmp_path):
    apps = APPS.replace(",,,,\n", ",,,\n") + "A0003,Orchard,Analyst,2026-07-01,,,appled,open,,,,\n"
    found = problems(tmp_path, applications_csv=apps)
    assert found[0].startswith("applications.csv:4: this row has 11 fields")
    assert found[1].startswith("applications.csv:5: stage: 'appled' is not a known stage")


def test_repeated_problems_are_counted_not_listed(tmp_path):
    rows = "".join(
        f"A{i:04d},Co {i},Role,2026-05-0{1 + i % 9},,,applied,opne,,,,\n" for i in range(3, 40)
    )
    found = problems(tmp_path, applications_csv=APPS + rows)
    assert len(found) == 21
    assert found[-1].endswith("and 17 more rows with this kind of problem in this column")


def test_custom_touchpoints_are_known_everywhere(tmp_path):
    custom = "key,label,low_hint,high_hint\ntechnical_test,The technical test,Ran out of time,Finished early\n"
    reviews = REVIEWS + "I0001,technical_test,3,,\n"
    data = make(tmp_path, touchpoints_csv=custom, reviews_csv=reviews).read()
    assert data.problems == []
    assert data.label("technical_test") == "The technical test"
    assert [t.key for t in data.touchpoints][-1] == "technical_test"


@pytest.mark.parametrize(
    "key,message",
    [
        ("tell_me_about_yourself", "is already one of the ten touchpoints"),
        ("Technical Test", "is not a usable key"),
    ],
)
def test_bad_custom_touchpoint_keys(tmp_path, key, message):
    custom = f"key,label,low_hint,high_hint\n{key},Mine,,\n"
    found = problems(tmp_path, touchpoints_csv=custom)
    assert found and found[0].startswith("touchpoints.csv:2: key: ") and message in found[0]
