"""Import from the files people really have: an Excel CSV with dd/mm dates, another tracker's
export with its own headers and status words, and an .xlsx workbook; each asserted row by row."""

from __future__ import annotations

from datetime import datetime

import pytest

from rejectkit.cli import main
from rejectkit.errors import ImportFileError
from rejectkit.records.import_rules import guess_mapping, parse_map, parse_status
from rejectkit.records.import_source import read_source
from rejectkit.records.importing import import_applications

APP_FIELDS = ["company", "role", "applied_on", "source", "location", "stage", "outcome",
              "outcome_on", "contact_name", "contact_email", "notes"]  # fmt: skip

# Saved by Excel as "CSV UTF-8": a byte-order mark, CRLF, dd/mm/yyyy dates (a UK locale),
# an Excel-ish header, a trailing column nobody maps, and empty rows left at the end.
SPREADSHEET = (
    "\ufeffCompany Name,Job Title,Date Applied,Status,Salary\r\n"
    'Harbour & Finch,Junior Data Analyst,03/04/2026,Applied,"28,000"\r\n'
    "Corvid Systems,BI Developer,14/04/2026,Rejected,\r\n"
    "Lumen Health,Analytics Engineer,02/05/2026,Interviewing,35000\r\n"
    "Tallis Foods,Data Analyst,28/05/2026,No response,\r\n"
    ",,,,\r\n"
    ",,,,\r\n"
).encode("utf-8")

# Another tracker's export: its own header words, ISO timestamps, a lone "Stage" column of
# status words, notes with commas and line breaks, a URL column the kit has no place for.
TRACKER = (
    b"Organization,Position,Applied,Stage,Location,Notes,URL\n"
    b"Quillon Bank,Risk Analyst,2026-06-01 09:14:00,Interviewing,London,"
    b'"Referred by Sam, second round booked",https://jobs.example/1\n'
    b"Perch Media,Insight Analyst,2026-06-03 17:40:12,No response,Remote,,https://jobs.example/2\n"
    b'Orbit Rail,Data Scientist,2026-06-09 11:00:00,Offer received,Bristol,"Offer: 41k\nstart in '
    b'August",https://jobs.example/3\n'
    b"Wren Studio,Data Analyst,2026-06-10 08:00:00,Phone call,Leeds,,https://jobs.example/4\n"
    b"Kestrel AI,ML Engineer,,Wishlist,Remote,,https://jobs.example/5\n"
)


def _new_rows(ws, before: int) -> list[dict]:
    apps = ws.load().applications
    return apps.iloc[before:][["id", *APP_FIELDS]].to_dict("records")


def _row(id_, company, role, applied_on, stage, outcome, **more) -> dict:
    row = dict.fromkeys(["id", *APP_FIELDS], "")
    row.update(id=id_, company=company, role=role, applied_on=applied_on, stage=stage,
               outcome=outcome, **more)  # fmt: skip
    return row


def test_spreadsheet_with_day_first_dates_imports_row_by_row(workspace, tmp_path):
    path = tmp_path / "applications.csv"
    path.write_bytes(SPREADSHEET)
    before = len(workspace.load().applications)
    plan = import_applications(workspace, path, date_format="%d/%m/%Y", apply=True)
    assert plan.mapping == {
        "Company Name": "company",
        "Job Title": "role",
        "Date Applied": "applied_on",
        "Status": "status",
        "Salary": "",
    }
    assert plan.added == ["A0031", "A0032", "A0033", "A0034"]
    assert _new_rows(workspace, before) == [
        _row("A0031", "Harbour & Finch", "Junior Data Analyst", "2026-04-03", "applied", "open"),
        _row("A0032", "Corvid Systems", "BI Developer", "2026-04-14", "applied", "rejected"),
        _row("A0033", "Lumen Health", "Analytics Engineer", "2026-05-02", "interview", "open"),
        _row("A0034", "Tallis Foods", "Data Analyst", "2026-05-28", "applied", "ghosted"),
    ]
    assert plan.clean and not plan.duplicates
    assert "dropped 2 empty rows" in plan.notices


def test_spreadsheet_without_a_date_format_is_refused_row_by_row(workspace, tmp_path):
    path = tmp_path / "applications.csv"
    path.write_bytes(SPREADSHEET)
    before = workspace.file("applications").read_bytes()
    plan = import_applications(workspace, path, apply=True)
    assert plan.added == [] and len(plan.add) == 0
    assert [line for line, _ in plan.unreadable] == [2, 3, 4, 5]
    _line, why = plan.unreadable[0]
    assert why.startswith("Date Applied: '03/04/2026' is day-first or month-first")
    assert "--date-format %d/%m/%Y or %m/%d/%Y" in why
    # 14/04 can only be day-first: the hint says so, but the kit still does not guess.
    assert plan.unreadable[1][1].endswith("--date-format %d/%m/%Y")
    assert workspace.file("applications").read_bytes() == before


@pytest.mark.parametrize(
    ("value", "fmt", "iso", "why"),
    [
        ("2026-04-03", None, "2026-04-03", None),
        ("2026/04/03", None, "2026-04-03", None),
        ("2026-4-3", None, "2026-04-03", None),
        ("2026-04-03 14:30:00", None, "2026-04-03", None),
        ("2026-04-03T14:30:00Z", None, "2026-04-03", None),
        ("3 Apr 2026", None, "2026-04-03", None),
        ("April 3, 2026", None, "2026-04-03", None),
        ("03/04/2026", None, None, "--date-format %d/%m/%Y or %m/%d/%Y"),
        ("03.04.2026", None, None, "--date-format %d.%m.%Y or %m.%d.%Y"),
        ("25/04/2026", None, None, "--date-format %d/%m/%Y"),
        ("04/25/2026", None, None, "--date-format %m/%d/%Y"),
        ("03/04/2026", "%d/%m/%Y", "2026-04-03", None),
        ("03/04/2026", "%m/%d/%Y", "2026-03-04", None),
        ("03/04/2026 00:00", "%d/%m/%Y", "2026-04-03", None),
        ("2026-04-03", "%d/%m/%Y", "2026-04-03", None),
        ("31/02/2026", "%d/%m/%Y", None, "does not match the date format %d/%m/%Y"),
        ("2026-02-30", None, None, "is not a day in the calendar"),
        ("soon", None, None, "is not a date the kit can read"),
    ],
)
def test_dates_are_read_only_when_unambiguous(value, fmt, iso, why, empty_workspace):
    data = f'Company,Role,Date applied\nNorthwind,Analyst,"{value}"\n'.encode()
    plan = import_applications(empty_workspace, "x.csv", data=data, date_format=fmt)
    if iso:
        assert plan.add["applied_on"].tolist() == [iso]
    else:
        assert plan.add.empty
        assert plan.unreadable[0][0] == 2
        assert repr(value) in plan.unreadable[0][1] and why in plan.unreadable[0][1]


def test_tracker_export_maps_its_headers_and_status_words(workspace, tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(TRACKER)
    before = len(workspace.load().applications)
    plan = import_applications(workspace, path)
    assert plan.mapping == {
        "Organization": "company",
        "Position": "role",
        "Applied": "applied_on",
        "Stage": "status",
        "Location": "location",
        "Notes": "notes",
        "URL": "",
    }
    # Physical lines: the Orbit Rail note spans two lines of the file.
    assert plan.unknown_status == {"Phone call": [6]}
    assert plan.skipped == [(7, "Wishlist")]
    assert not plan.clean
    assert '--status "Phone call=STAGE/OUTCOME"' in plan.describe()

    statuses = parse_status(["Phone call=screening/open"])
    plan = import_applications(workspace, path, statuses=statuses, apply=True)
    assert plan.clean
    assert _new_rows(workspace, before) == [
        _row("A0031", "Quillon Bank", "Risk Analyst", "2026-06-01", "interview", "open",
             location="London", notes="Referred by Sam, second round booked"),
        _row("A0032", "Perch Media", "Insight Analyst", "2026-06-03", "applied", "ghosted",
             location="Remote"),
        _row("A0033", "Orbit Rail", "Data Scientist", "2026-06-09", "offer", "offer",
             location="Bristol", notes="Offer: 41k\nstart in August"),
        _row("A0034", "Wren Studio", "Data Analyst", "2026-06-10", "screening", "open",
             location="Leeds"),
    ]  # fmt: skip


def test_xlsx_made_by_a_spreadsheet_imports_row_by_row(workspace, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    notes = book.active
    notes.title = "Read me"
    notes["A1"] = "Exported from my old spreadsheet"
    sheet = book.create_sheet("Applications")
    sheet.append(["Job search 2026"])  # a title row above the header
    sheet.append(["Employer", "Role", "Date applied", "Status", "Outcome date", "Contact", "Email"])
    sheet.append(["Saltmarsh Energy", "Data Analyst", datetime(2026, 7, 2), "Rejected",
                  datetime(2026, 7, 20, 15, 30), "Ada Quint", "ada@example.org"])  # fmt: skip
    sheet.append([None] * 7)
    sheet.append(
        ["Pinecone Labs", "Analyst 2", datetime(2026, 7, 8), "Final round", None, 12, None]
    )
    sheet.append(["Ferrous Ltd", "Analyst", "2026-07-09", "withdrawn", None, None, None])
    path = tmp_path / "old.xlsx"
    book.save(path)
    before = len(workspace.load().applications)

    with pytest.raises(
        ImportFileError, match="has no sheet 'Apps'; its sheets are 'Read me', 'Applications'"
    ):
        import_applications(workspace, path, sheet="Apps")
    plan = import_applications(workspace, path, sheet="Applications", apply=True)
    assert plan.clean
    assert plan.mapping["Outcome date"] == "outcome_on" and plan.mapping["Email"] == "contact_email"
    assert [int(x) for x in plan.add["line"]] == [3, 5, 6]  # Excel's own row numbers
    assert _new_rows(workspace, before) == [
        _row("A0031", "Saltmarsh Energy", "Data Analyst", "2026-07-02", "applied", "rejected",
             outcome_on="2026-07-20", contact_name="Ada Quint", contact_email="ada@example.org"),
        _row("A0032", "Pinecone Labs", "Analyst 2", "2026-07-08", "final", "open",
             contact_name="12"),
        _row("A0033", "Ferrous Ltd", "Analyst", "2026-07-09", "applied", "withdrawn"),
    ]  # fmt: skip


def test_reimporting_the_same_file_adds_nothing(workspace, tmp_path):
    path = tmp_path / "applications.csv"
    path.write_bytes(SPREADSHEET)
    import_applications(workspace, path, date_format="%d/%m/%Y", apply=True)
    after_first = workspace.file("applications").read_bytes()
    plan = import_applications(workspace, path, date_format="%d/%m/%Y", apply=True)
    assert plan.added == [] and plan.add.empty
    assert [(line, of) for line, _, of in plan.duplicates] == [
        (2, "A0031"), (3, "A0032"), (4, "A0033"), (5, "A0034"),
    ]  # fmt: skip
    assert workspace.file("applications").read_bytes() == after_first


def test_duplicates_ignore_case_and_spaces_and_earlier_rows_of_the_file(workspace):
    # A0001 in the demo is Northwind Analytics / Data Analyst / 2026-05-04.
    data = (
        b"Company,Role,Date applied\n"
        b"  northwind ANALYTICS ,data  analyst,2026-05-04\n"
        b"Ivy Court,Analyst,2026-08-01\n"
        b"IVY COURT,analyst,2026-08-01\n"
        b"Ivy Court,Analyst,2026-08-02\n"
    )
    plan = import_applications(workspace, "x.csv", data=data)
    assert [(line, of) for line, _, of in plan.duplicates] == [(2, "A0001"), (4, "line 3")]
    assert plan.add["line"].tolist() == ["3", "5"]


def test_rows_that_break_the_data_format_are_listed_with_line_and_reason(empty_workspace):
    data = (
        b"Company,Role,Date applied,Outcome date,Status\n"
        b"Acme,Analyst,2026-05-04,2026-05-01,Rejected\n"
        b",Analyst,2026-05-04,,Applied\n"
        b"Acme,Analyst,2026-05-04,Applied\n"
        b"Beta,Analyst,2026-05-05,,Offer\n"
    )
    plan = import_applications(empty_workspace, "x.csv", data=data)
    assert [line for line, _ in plan.unreadable] == [2, 3, 4]
    assert plan.unreadable[0][1].startswith("Outcome date (outcome_on): 2026-05-01 is before")
    assert plan.unreadable[1][1].startswith("Company (company): is empty")
    assert "this row has 4 fields, too few" in plan.unreadable[2][1]
    assert plan.add[["company", "stage", "outcome"]].values.tolist() == [["Beta", "offer", "offer"]]


def test_guessing_and_overriding_the_mapping():
    columns = ["Name of company", "Job", "When", "Status", "Link"]
    assert guess_mapping(columns) == {
        "Name of company": "company", "Job": "role", "When": "", "Status": "status", "Link": "",
    }  # fmt: skip
    assert parse_map(["when=applied_on", "LINK = notes"], columns) == {
        "When": "applied_on", "Link": "notes",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("maps", "message"),
    [
        (["Salary=role"], "has no column 'Salary'; its columns are 'Company', 'Role', 'When'"),
        (["When=date"], "'date' is not a column of the kit; map to one of status, company"),
        (["When"], "needs the form 'Source column=kit column'"),
        ([], "No column of x.csv was recognised as applied_on; its columns are 'Company', 'Role', "
             "'When'. Say which with --map"),
    ],
)  # fmt: skip
def test_mapping_mistakes_are_explained(maps, message, empty_workspace):
    data = b"Company,Role,When\nAcme,Analyst,2026-05-04\n"
    source = read_source("x.csv", data=data)
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        import_applications(empty_workspace, "x.csv", source=source,
                            mapping=parse_map(maps, source.columns))  # fmt: skip


def test_a_user_mapping_wins_over_a_guess_for_the_same_column(empty_workspace):
    data = b"Company,Role,Applied,Title\nAcme,Analyst,2026-05-04,Senior Analyst\n"
    plan = import_applications(empty_workspace, "x.csv", data=data, mapping={"Title": "role"})
    assert plan.mapping == {"Company": "company", "Role": "", "Applied": "applied_on",
                            "Title": "role"}  # fmt: skip
    assert plan.add["role"].tolist() == ["Senior Analyst"]


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("No response=ghosted", "'ghosted' is not 'stage/outcome' or 'skip'"),
        ("No response", "needs the form 'Word=stage/outcome'"),
        ("X=interview/maybe", "outcomes are open, offer, rejected, withdrawn, ghosted"),
    ],
)
def test_status_mistakes_are_explained(item, message):
    with pytest.raises(ImportFileError, match=message):
        parse_status([item])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file holds nothing"),
        (b"PK\x03\x04garbage", "is not a readable .xlsx workbook"),
        (b"Company,Company\nA,B\n", "the header names column 'Company' twice"),
    ],
)
def test_unreadable_files_are_explained(data, message, empty_workspace):
    with pytest.raises(ImportFileError, match=message):
        import_applications(empty_workspace, "x.csv", data=data)


def test_cli_dry_run_then_apply(workspace, tmp_path, capsys):
    path = tmp_path / "export.csv"
    path.write_bytes(TRACKER)
    before = workspace.file("applications").read_bytes()
    args = ["import", str(path), "--data", str(workspace.path)]
    assert main(args) == 1
    out = capsys.readouterr().out
    assert out.startswith("Dry run (nothing written; add --apply to import): export.csv, 5 rows")
    assert "  Organization -> company\n" in out and "  URL          -> (not imported)\n" in out
    assert "Would add 3 application(s):\n  line 2: 2026-06-01  Quillon Bank  Risk Analyst" in out
    assert "  'Phone call' on line(s) 6\n" in out
    assert "Skipped (never applied to): 1\n  line 7: status 'Wishlist'" in out
    assert workspace.file("applications").read_bytes() == before

    args += ["--status", "Phone call=screening/open", "--apply"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Added 4 application(s):\n  line 2 as A0031: 2026-06-01" in out
    assert len(workspace.load().applications) == 34
    assert main(args) == 0
    assert "Added 0 application(s)." in capsys.readouterr().out
    assert len(workspace.load().applications) == 34


def test_cli_refuses_bad_options_without_a_traceback(workspace, tmp_path, capsys):
    path = tmp_path / "export.csv"
    path.write_bytes(TRACKER)
    assert main(["import", str(path), "--data", str(workspace.path), "--map", "Salary=notes"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("rejectkit import: --map 'Salary=notes': the file has no column 'Salary'")
    assert main(["import", str(tmp_path / "nope.csv"), "--data", str(workspace.path)]) == 1
    assert "There is no file" in capsys.readouterr().err
