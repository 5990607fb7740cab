"""Bringing applications in from a spreadsheet or another tracker's export (CSV or .xlsx).

The columns are mapped to the kit's from their header (``import_rules.guess_mapping``), which
the user can change; status words of other tools map to a ``stage`` and an ``outcome``; dates
that are not ISO need the user to name their format. Nothing is written unless asked
(``apply=True``), and then in one save, so a re-import adds nothing twice and one undo takes
the whole import back.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import ImportFileError
from ..store.csvread import RawTable
from ..store.schema import OUTCOMES, STAGES, TABLES
from ..store.validate import validate_tables
from ..store.workspace import Workspace
from .import_rules import SKIP, TARGETS, convert_dates, guess_mapping, normal, status_of
from .import_source import Source, read_source

__all__ = ["ImportFileError", "ImportPlan", "import_applications", "plan_import"]

_APPS = TABLES["applications"]


@dataclass
class ImportPlan:
    """What an import does: the mapping used, the rows to add, the duplicates, the rows that
    cannot be read, and the status words that need a meaning."""

    source: Source
    mapping: dict[str, str]
    date_format: str | None
    add: pd.DataFrame
    duplicates: list[tuple[int, str, str]] = field(default_factory=list)
    unreadable: list[tuple[int, str]] = field(default_factory=list)
    unknown_status: dict[str, list[int]] = field(default_factory=dict)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    applied: bool = False

    @property
    def clean(self) -> bool:
        """True when every row was understood (added, duplicate or deliberately skipped)."""
        return not self.unreadable and not self.unknown_status

    def describe(self) -> str:
        """The plan in words, as the command line prints it."""
        return _describe(self)


# Planning and applying ---------------------------------------------------------------------


def import_applications(
    ws: Workspace,
    path: str | Path,
    *,
    mapping: Mapping[str, str] | None = None,
    date_format: str | None = None,
    statuses: Mapping[str, tuple[str, str] | str] | None = None,
    sheet: str | None = None,
    data: bytes | None = None,
    source: Source | None = None,
    apply: bool = False,
) -> ImportPlan:
    """Plan the import of ``path`` into ``ws`` and, with ``apply=True``, add its new rows in one
    save. ``mapping`` overrides the guessed one ({source column: kit column, "" = leave out});
    ``statuses`` gives meanings to status words ({word: (stage, outcome) or "skip"}).
    ``source`` is the file already read by :func:`read_source`, if it was.

    >>> import tempfile
    >>> from rejectkit.store.location import init_workspace
    >>> ws = init_workspace(tempfile.mkdtemp())
    >>> csv = b"Employer,Position,Applied,Status\\nNorthwind,Analyst,2026-11-02,No response\\n"
    >>> plan = import_applications(ws, "export.csv", data=csv, apply=True)
    >>> plan.added, ws.read().applications[["company", "stage", "outcome"]].values.tolist()
    (['A0001'], [['Northwind', 'applied', 'ghosted']])
    """
    if source is None:
        source = read_source(path, sheet=sheet, data=data)
    # A dry run only reads, so it takes no lock and leaves the workspace untouched.
    transaction = ws.transaction(f"Import of {Path(path).name}") if apply else None
    with transaction or contextlib.nullcontext():
        existing = ws.load().applications
        plan = plan_import(
            source, existing, mapping=mapping, date_format=date_format, statuses=statuses
        )
        if apply and len(plan.add):
            records = plan.add.drop(columns=["line"]).to_dict("records")
            plan.added = ws.add_many("applications", records)
        plan.applied = apply
    return plan


def plan_import(
    source: Source,
    existing: pd.DataFrame,
    *,
    mapping: Mapping[str, str] | None = None,
    date_format: str | None = None,
    statuses: Mapping[str, tuple[str, str] | str] | None = None,
) -> ImportPlan:
    """What importing ``source`` next to the ``existing`` applications would do."""
    mapping = _final_mapping(source, mapping or {})
    statuses = {normal(k): v for k, v in (statuses or {}).items()}
    by_target = {t: c for c, t in mapping.items() if t}
    frame, lines = source.frame, source.lines
    n = len(frame)
    rec = pd.DataFrame(
        {
            c: frame[by_target[c]] if c in by_target else pd.Series([""] * n, dtype="str")
            for c in _APPS.names
            if c != "id"
        }
    ).astype("str")
    bad = pd.Series([""] * n, dtype="str")
    plan = ImportPlan(source, mapping, date_format, rec.iloc[:0], notices=list(source.notices))

    keep = np.ones(n, dtype=bool)
    if "status" in by_target:
        words = frame[by_target["status"]]
        meaning = {w: status_of(w, statuses) for w in words.unique() if w}
        empty = (words == "").to_numpy(dtype=bool)
        stage = words.map(lambda w: meaning[w][0] if w and isinstance(meaning[w], tuple) else "")
        outcome = words.map(lambda w: meaning[w][1] if w and isinstance(meaning[w], tuple) else "")
        for w in sorted(w for w, m in meaning.items() if m is None):
            plan.unknown_status[w] = lines[(words == w).to_numpy(dtype=bool)].tolist()
        unknown = words.isin(list(plan.unknown_status)).to_numpy(dtype=bool)
        skip = words.isin([w for w, m in meaning.items() if m == SKIP]).to_numpy(dtype=bool)
        plan.skipped = list(zip(lines[skip].tolist(), words[skip].tolist(), strict=True))
        keep &= ~(unknown | skip)
        if empty.any():
            plan.notices.append(
                f"{int(empty.sum())} row(s) have no status; they are taken as applied/open"
            )
        rec["stage"] = rec["stage"].where(rec["stage"] != "", stage.where(~empty, "applied"))
        rec["outcome"] = rec["outcome"].where(rec["outcome"] != "", outcome.where(~empty, "open"))
    elif "stage" not in by_target and "outcome" not in by_target:
        plan.notices.append("no status column: every row is taken as applied/open")
    for c, default in (("stage", "applied"), ("outcome", "open")):
        rec[c] = rec[c].where(rec[c] != "", default)

    for column in ("applied_on", "outcome_on"):
        if column in by_target:
            rec[column], why = convert_dates(rec[column], date_format)
            bad = bad.where(
                bad != "", why.map(lambda w, s=by_target[column]: f"{s}: {w}" if w else "")
            )
    bad = bad.to_numpy(dtype=object)
    _validate_rows(rec, lines, keep & (bad == ""), bad, by_target)
    for line, why in zip(lines[keep & (bad != "")], bad[keep & (bad != "")], strict=True):
        plan.unreadable.append((int(line), why))
    plan.unreadable += [(int(line), why) for line, why in source.problems]
    plan.unreadable.sort()
    ok = keep & (bad == "")
    _find_duplicates(plan, rec, lines, ok, existing)
    return plan


def _final_mapping(source: Source, overrides: Mapping[str, str]) -> dict[str, str]:
    mapping = guess_mapping(source.columns)
    for column, target in overrides.items():
        if column not in mapping:
            raise ImportFileError(
                f"{source.name} has no column {column!r}; its columns are "
                f"{', '.join(map(repr, source.columns))}."
            )
        if target and target not in TARGETS:
            raise ImportFileError(
                f"{target!r} is not a kit column; use one of {', '.join(TARGETS)}."
            )
        # The user's choice wins over a guess that took the same kit column.
        for other, guessed in mapping.items():
            if target and guessed == target and other not in overrides:
                mapping[other] = ""
        mapping[column] = target
    seen: dict[str, str] = {}
    for column, target in mapping.items():
        if target and target in seen:
            raise ImportFileError(
                f"Both {seen[target]!r} and {column!r} are mapped to {target}; map one of them "
                f"elsewhere, or leave it out with --map '{column}='."
            )
        seen[target] = column
    missing = [t for t in ("company", "role", "applied_on") if t not in seen]
    if missing:
        raise ImportFileError(
            f"No column of {source.name} was recognised as {' or '.join(missing)}; its columns "
            f"are {', '.join(map(repr, source.columns))}. Say which with --map, for example "
            f"--map '{source.columns[0]}={missing[0]}'."
        )
    return mapping


def _validate_rows(rec, lines, rows, bad, by_target) -> None:
    """Check the rows in ``rows`` against the data format; write the reason into ``bad``."""
    idx = np.flatnonzero(rows)
    if not len(idx):
        return
    frame = rec.iloc[idx].reset_index(drop=True)
    frame.insert(0, "id", pd.array([f"A{i + 1}" for i in range(len(idx))], dtype="str"))
    raw = RawTable(_APPS, frame, np.arange(len(idx), dtype=np.int64))
    validate_tables({"applications": raw})
    for p in raw.problems:
        i = idx[p.line]
        if not bad[i]:
            name = by_target.get(p.column)
            where = f"{name} ({p.column})" if name and name != p.column else p.column
            bad[i] = f"{where}: {p.message}"


def _key(frame: pd.DataFrame) -> pd.Series:
    def norm(col):
        return col.str.strip().str.casefold().str.replace(r"\s+", " ", regex=True)

    return norm(frame["company"]) + "\x1f" + norm(frame["role"]) + "\x1f" + frame["applied_on"]


def _find_duplicates(plan, rec, lines, ok, existing) -> None:
    rows = np.flatnonzero(ok)
    key = _key(rec).iloc[rows].to_numpy(dtype=object)
    at = lines[rows]
    have = pd.Series(existing["id"].to_numpy(dtype=object), index=_key(existing).to_numpy())
    have = have[~have.index.duplicated()]
    found = have.index.get_indexer(key)
    same_as = np.full(len(key), "", dtype=object)
    same_as[found >= 0] = have.to_numpy(dtype=object)[found[found >= 0]]
    first = pd.Series(at, index=key).groupby(level=0, sort=False).transform("first").to_numpy()
    earlier = (same_as == "") & (first != at)
    same_as[earlier] = ["line " + str(n) for n in first[earlier]]
    dup = same_as != ""
    for i in np.flatnonzero(dup):
        r = rows[i]
        what = f"{rec['company'].iat[r]} / {rec['role'].iat[r]} / {rec['applied_on'].iat[r]}"
        plan.duplicates.append((int(at[i]), what, same_as[i]))
    add = rows[~dup]
    plan.add = rec.iloc[add].assign(line=lines[add].astype(str)).reset_index(drop=True)


def _describe(plan: ImportPlan) -> str:
    out = []
    src = plan.source
    head = "Imported" if plan.applied else "Dry run (nothing written; add --apply to import)"
    out.append(f"{head}: {src.name}, {len(src.frame)} rows")
    out += [f"  note: {n}" for n in plan.notices]
    out.append("Columns:")
    width = max((len(c) for c in plan.mapping), default=0)
    for column, target in plan.mapping.items():
        shown = target or "(not imported)"
        if target == "status":
            shown = "status (gives stage and outcome)"
        elif target in ("applied_on", "outcome_on"):
            shown += f" (dates read as {plan.date_format or 'YYYY-MM-DD'})"
        out.append(f"  {column:<{width}} -> {shown}")
    verb = "Added" if plan.applied else "Would add"
    out.append(f"{verb} {len(plan.add)} application(s)" + (":" if len(plan.add) else "."))
    for i, r in enumerate(plan.add.itertuples(index=False)):
        new_id = f" as {plan.added[i]}" if plan.added else ""
        out.append(
            f"  line {r.line}{new_id}: {r.applied_on}  {r.company}  {r.role}  "
            f"{r.stage}/{r.outcome}" + (f" {r.outcome_on}" if r.outcome_on else "")
        )
    if plan.duplicates:
        out.append(f"Already in your log, not added again: {len(plan.duplicates)}")
        out += [f"  line {line}: {what} (same as {of})" for line, what, of in plan.duplicates]
    if plan.skipped:
        out.append(f"Skipped (never applied to): {len(plan.skipped)}")
        out += [f"  line {line}: status {word!r}" for line, word in plan.skipped]
    if plan.unreadable:
        out.append(f"Rows that cannot be read, not imported: {len(plan.unreadable)}")
        out += [f"  line {line}: {why}" for line, why in plan.unreadable]
    if plan.unknown_status:
        out.append("Status words the kit does not know (those rows are not imported):")
        for word, lines in plan.unknown_status.items():
            shown = ", ".join(map(str, lines[:10])) + (", ..." if len(lines) > 10 else "")
            out.append(f"  {word!r} on line(s) {shown}")
        example = next(iter(plan.unknown_status))
        out.append(
            f'  say what each means with --status "{example}=STAGE/OUTCOME" (stages: '
            f"{', '.join(STAGES)}; outcomes: {', '.join(OUTCOMES)}), or --status "
            f'"{example}=skip" for jobs you never applied to'
        )
    return "\n".join(out)
