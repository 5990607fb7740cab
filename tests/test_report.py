"""The activity report: the applications of a period, sorted, as CSV and as printable HTML."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from rejectkit.analysis.report import activity, render_html, write_report
from rejectkit.cli import main
from rejectkit.errors import RejectkitError

HEADER = ["Date applied", "Company", "Role", "How applied", "Stage reached", "Outcome",
          "Outcome date"]  # fmt: skip


def _csv_rows(path):
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # so Excel reads the accents right
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


@pytest.fixture
def tricky(workspace):
    # Added out of date order, with text that must be escaped in HTML, on the period's edges.
    workspace.add("applications", {"company": "Smith & Sons <Ltd>", "role": 'Analyst "BI"',
                                   "applied_on": "2026-06-30", "source": "<script>x</script>",
                                   "stage": "applied", "outcome": "open"})  # fmt: skip
    workspace.add("applications", {"company": "Abacus", "role": "Analyst",
                                   "applied_on": "2026-06-01", "stage": "applied",
                                   "outcome": "open"})  # fmt: skip
    workspace.add("applications", {"company": "Outside", "role": "Analyst",
                                   "applied_on": "2026-07-01", "stage": "applied",
                                   "outcome": "open"})  # fmt: skip
    return workspace


def test_activity_holds_the_period_only_sorted_by_date(tricky):
    report = activity(tricky.load(), date(2026, 6, 1), date(2026, 6, 30))
    assert list(report.columns) == HEADER
    assert report.values.tolist() == [
        ["2026-06-01", "Abacus", "Analyst", "", "applied", "open", ""],
        ["2026-06-04", "Brightwater Events", "Marketing Data Analyst", "LinkedIn", "applied",
         "ghosted", "2026-07-20"],
        ["2026-06-12", "Ironbark Components", "Operations Analyst", "recruiter", "screening",
         "rejected", "2026-06-26"],
        ["2026-06-22", "Copperfield Data Labs", "Junior Data Scientist", "recruiter",
         "interview", "rejected", "2026-07-29"],
        ["2026-06-26", "Thistledown Pet Care", "Data Analyst", "company website", "applied",
         "withdrawn", "2026-07-09"],
        ["2026-06-30", "Smith & Sons <Ltd>", 'Analyst "BI"', "<script>x</script>", "applied",
         "open", ""],
    ]  # fmt: skip


def test_csv_and_html_hold_the_same_rows_and_the_html_escapes_them(tricky, tmp_path):
    files = write_report(tricky.load(), date(2026, 6, 1), date(2026, 6, 30), tmp_path / "june",
                         today=date(2026, 11, 20))  # fmt: skip
    assert files == [tmp_path / "june.csv", tmp_path / "june.html"]
    rows = _csv_rows(files[0])
    assert rows[0] == HEADER
    assert [r[1] for r in rows[1:]] == ["Abacus", "Brightwater Events", "Ironbark Components",
                                        "Copperfield Data Labs", "Thistledown Pet Care",
                                        "Smith & Sons <Ltd>"]  # fmt: skip
    html = files[1].read_text("utf-8")
    assert "<title>Job search activity</title>" in html
    assert (
        "6 applications from 1 June 2026 to 30 June 2026 &middot; prepared on 20 November" in html
    )
    assert "Smith &amp; Sons &lt;Ltd&gt;" in html and "Analyst &#34;BI&#34;" in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>" not in html
    assert html.count("<tr>") == 7  # header + 6 rows
    assert html.index("Abacus") < html.index("Brightwater") < html.index("Smith &amp;")
    assert "Outside" not in html and "@media print" in html


@pytest.mark.parametrize(
    ("name", "written"),
    [("june.csv", ["june.csv"]), ("june.html", ["june.html"]),
     ("june", ["june.csv", "june.html"]), ("june.2026", ["june.2026.csv", "june.2026.html"])],
)  # fmt: skip
def test_the_suffix_decides_which_files(workspace, tmp_path, name, written):
    folder = tmp_path / "out"
    folder.mkdir()
    files = write_report(workspace.load(), date(2026, 6, 1), date(2026, 6, 30), folder / name)
    assert [f.name for f in files] == written
    assert sorted(p.name for p in folder.iterdir()) == sorted(written)


def test_an_empty_period_says_so(workspace):
    html = render_html(activity(workspace.load(), date(2020, 1, 1), date(2020, 1, 31)),
                       date(2020, 1, 1), date(2020, 1, 31))  # fmt: skip
    assert "0 applications from 1 January 2020" in html and "No applications in this period" in html


def test_a_period_that_ends_before_it_starts_is_refused(workspace):
    with pytest.raises(
        RejectkitError, match="starts on 2026-06-30 but ends earlier, on 2026-06-01"
    ):
        activity(workspace.load(), date(2026, 6, 30), date(2026, 6, 1))


def test_cli_report(workspace, tmp_path, capsys):
    out = tmp_path / "activity"
    args = ["report", "--data", str(workspace.path), "--from", "2026-05-01", "--to", "2026-05-31"]
    assert main([*args, "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"Wrote {out}.csv\nWrote {out}.html\n"
    rows = _csv_rows(tmp_path / "activity.csv")
    assert [r[0] for r in rows[1:]] == sorted(r[0] for r in rows[1:])
    assert all("2026-05-01" <= r[0] <= "2026-05-31" for r in rows[1:]) and len(rows) > 2
    assert main(["report", "--data", str(workspace.path), "--from", "May", "--to", "2026-05-31",
                 "--out", str(out)]) == 1  # fmt: skip
    assert "--from 'May' is not a day written YYYY-MM-DD" in capsys.readouterr().err
    assert main([*args, "--out", str(tmp_path / "missing" / "x")]) == 1
    assert "does not exist" in capsys.readouterr().err
