"""The activity report: the applications of a period, as CSV and as a printable HTML page, to
show a job centre or an unemployment office what you applied for."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pandas as pd

from ..dates import long_date as _long
from ..errors import RejectkitError
from ..store.csvread import Dialect
from ..store.csvwrite import encode_table
from ..store.outputs import neutralise, write_outputs
from ..store.workspace import Data

__all__ = ["COLUMNS", "activity", "render_html", "write_report"]

# Report column: workspace column. The words are what an office reads.
COLUMNS = {
    "Date applied": "applied_on",
    "Company": "company",
    "Role": "role",
    "How applied": "source",
    "Stage reached": "stage",
    "Outcome": "outcome",
    "Outcome date": "outcome_on",
}
_DATES = ("Date applied", "Outcome date")


def activity(data: Data, start: date, end: date) -> pd.DataFrame:
    """The applications made from ``start`` to ``end`` (both included), oldest first, with the
    report's column names; all text.

    >>> from rejectkit.store.workspace import Workspace
    >>> data = Workspace("data/sample").load()
    >>> activity(data, date(2026, 5, 1), date(2026, 5, 7))["Company"].tolist()
    ['Northwind Analytics', 'Fennick & Rowe Retail']
    """
    if start > end:
        raise RejectkitError(
            f"The period starts on {start} but ends earlier, on {end}; give --from before --to."
        )
    apps = data.applications
    inside = (apps["applied_on"] >= start.isoformat()) & (apps["applied_on"] <= end.isoformat())
    # ISO dates sort correctly as text; ties keep a stable, readable order.
    chosen = apps.loc[inside].sort_values(["applied_on", "company", "role", "id"], kind="stable")
    out = pd.DataFrame({name: chosen[column] for name, column in COLUMNS.items()})
    return out.reset_index(drop=True)


def render_html(report: pd.DataFrame, start: date, end: date, *, today: date | None = None) -> str:
    """The report as a printable HTML page (every value escaped).

    >>> html = render_html(pd.DataFrame({c: ["<b>"] for c in COLUMNS}), date(2026, 5, 1),
    ...     date(2026, 5, 31))
    >>> "&lt;b&gt;" in html and "<b>" not in html
    True
    """
    from jinja2 import PackageLoader, select_autoescape
    from jinja2.sandbox import SandboxedEnvironment

    # Only the kit's own template, but sandboxed like every template the kit renders.
    env = SandboxedEnvironment(
        loader=PackageLoader("rejectkit", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    template = env.get_template("activity_report.html.j2")
    return template.render(
        title="Job search activity",
        start=_long(start),
        end=_long(end),
        generated=_long(today) if today else "",
        count=len(report),
        columns=list(report.columns),
        date_columns=_DATES,
        rows=report.to_dict("records"),
    )


def write_report(
    data: Data,
    start: date,
    end: date,
    out: str | os.PathLike,
    *,
    today: date | None = None,
    force: bool = False,
) -> list[Path]:
    """Write the report of the period to ``out``: ``.csv`` or ``.html`` writes that one file;
    any other name writes both ``out.csv`` and ``out.html``. Returns the files written.

    Neither may be a file of the workspace's data; an existing file the kit did not write is
    replaced only with ``force``. Cells a spreadsheet would run as a formula are escaped.

    >>> import tempfile
    >>> from rejectkit.store.workspace import Workspace
    >>> folder = Path(tempfile.mkdtemp())
    >>> files = write_report(Workspace("data/sample").load(), date(2026, 5, 1),
    ...     date(2026, 5, 31), folder / "may")
    >>> [f.name for f in files]
    ['may.csv', 'may.html']
    """
    out = Path(out).expanduser().absolute()
    report = activity(data, start, end)
    if out.is_dir():
        raise RejectkitError(
            f"{out} is a folder; give a file name inside it, such as {out / 'report'} (which "
            "writes report.csv and report.html)."
        )
    if out.suffix.lower() in (".csv", ".html", ".htm"):
        targets = [out]
    else:
        targets = [out.with_name(out.name + ".csv"), out.with_name(out.name + ".html")]
    files = {}
    for target in targets:
        if target.suffix.lower() == ".csv":
            # A byte-order mark, so that Excel opens the accents in company names correctly.
            files[target] = (encode_table(neutralise(report), Dialect(bom=True)), CSV_MARK)
        else:
            page = render_html(report, start, end, today=today).encode("utf-8")
            files[target] = (page, HTML_MARK)
    return write_outputs(files, force=force, workspace=data.path)


# What marks a file as a report the kit wrote (it may be replaced without --force).
CSV_MARK = ",".join(COLUMNS).encode()
HTML_MARK = b'<meta name="generator" content="rejectkit activity report">'
