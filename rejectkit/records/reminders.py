"""What is due: feedback to nudge, contacts to keep warm, applications that may be ghosted.

Nothing here reads the clock: every function takes ``today``. The same reminders export as an
iCalendar file (``reminders.ics``) that Google Calendar, Outlook and Apple Calendar import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pandas as pd

from ..dates import long_date as _day

__all__ = [
    "CADENCE_DAYS",
    "FEEDBACK_DAYS",
    "GHOST_DAYS",
    "Reminder",
    "add_contact",
    "check_in",
    "due",
    "mark_ghosted",
    "rehearsal_reminders",
    "reminders",
    "reminders_ics",
    "write_reminders_ics",
]

FEEDBACK_DAYS = 10
GHOST_DAYS = 30
CADENCE_DAYS = 90
# The calendar's producer line, also what marks a file as one the kit wrote.
PRODID = "PRODID:-//rejectkit//reminders//EN"
_ASKS = ["feedback_request", "feedback_nudge"]
_ORDER = {"feedback_nudge": 0, "keep_warm": 1, "maybe_ghosted": 2, "rehearse": 3}


@dataclass(frozen=True)
class Reminder:
    """One thing to do on or after ``due_on``.

    ``kind`` is ``feedback_nudge`` (``record_id`` a feedback id), ``keep_warm`` (a contact
    id), ``maybe_ghosted`` (an application id) or ``rehearse`` (``INTERVIEW-SESSION``, a
    rehearsal of your stories before that interview). ``since`` is the day the wait started.
    """

    kind: str
    record_id: str
    due_on: date
    since: date
    summary: str
    description: str
    application_id: str = ""
    contact_id: str = ""

    @property
    def uid(self) -> str:
        """Stable across exports, so a calendar re-import updates the event, not doubles it."""
        return f"{self.kind.replace('_', '-')}-{self.record_id}@rejectkit"


def reminders(
    data,
    *,
    today: date,
    feedback_days: int = FEEDBACK_DAYS,
    ghost_days: int = GHOST_DAYS,
) -> list[Reminder]:
    """Every reminder, due or upcoming, by due date.

    A feedback nudge falls due once more than ``feedback_days`` have passed since you last
    asked (the request or an earlier nudge) with nothing received; a contact on their
    ``next_contact_on``; an open application once more than ``ghost_days`` have passed since
    you applied or were last interviewed.
    """
    found = [
        *_feedback(data, feedback_days),
        *_contacts(data),
        *_ghosted(data, ghost_days),
    ]
    return sorted(found, key=lambda r: (r.due_on, _ORDER[r.kind], r.record_id))


def due(
    data,
    *,
    today: date,
    feedback_days: int = FEEDBACK_DAYS,
    ghost_days: int = GHOST_DAYS,
) -> list[Reminder]:
    """The reminders due on or before ``today``, oldest first.

    >>> from rejectkit.store.workspace import Workspace
    >>> items = due(Workspace("data/sample").read(), today=date(2026, 11, 25))
    >>> [r.uid for r in items if r.kind != "maybe_ghosted"]  # doctest: +NORMALIZE_WHITESPACE
    ['keep-warm-C0002@rejectkit', 'keep-warm-C0001@rejectkit',
     'feedback-nudge-F0006@rejectkit', 'keep-warm-C0003@rejectkit']
    """
    everything = reminders(data, today=today, feedback_days=feedback_days, ghost_days=ghost_days)
    return [r for r in everything if r.due_on <= today]


def _feedback(data, days: int) -> list[Reminder]:
    feedback = data.typed("feedback")
    waiting = feedback.loc[feedback["requested_on"].notna() & feedback["received_on"].isna()]
    if not len(waiting):
        return []
    sent = data.typed("messages")
    asks = sent.loc[sent["kind"].isin(_ASKS)].groupby("application_id")["sent_on"].max()
    # The wait restarts with every request or nudge marked as sent.
    later = pd.Series(asks.reindex(waiting["application_id"]).to_numpy(), index=waiting.index)
    last = pd.concat([waiting["requested_on"], later], axis=1)
    waiting = waiting.assign(last=last.max(axis=1)).merge(
        data.applications[["id", "company", "role", "contact_name"]].rename(
            columns={"id": "application_id"}
        ),
        on="application_id",
        how="left",
    )
    return [
        Reminder(
            "feedback_nudge",
            fid,
            asked.date() + timedelta(days=days + 1),
            asked.date(),
            f"Nudge {company} about feedback",
            f"You asked{' ' + person if person else ''} for feedback on your {role} application "
            f"on {_day(asked)} and have not heard back. Send a short, polite nudge (the kit "
            "drafts it).",
            application_id=app_id,
        )
        for fid, app_id, asked, company, role, person in zip(
            waiting["id"],
            waiting["application_id"],
            waiting["last"],
            waiting["company"],
            waiting["role"],
            waiting["contact_name"],
            strict=True,
        )
    ]


def _contacts(data) -> list[Reminder]:
    contacts = data.typed("contacts")
    cadence = contacts["cadence_days"].fillna(CADENCE_DAYS).astype("int64")
    nxt = contacts["next_contact_on"].fillna(
        contacts["last_contact_on"] + pd.to_timedelta(cadence, unit="D")
    )
    keep = nxt.notna()
    out = []
    for cid, name, org, last, when, every, notes in zip(
        contacts["id"][keep],
        contacts["name"][keep],
        contacts["organisation"][keep],
        contacts["last_contact_on"][keep],
        nxt[keep],
        cadence[keep],
        contacts["notes"][keep],
        strict=True,
    ):
        at = f" ({org})" if org else ""
        lines = [f"Keep {name} warm: a short check-in, every {every} days."]
        if pd.notna(last):
            lines.append(f"Last contact: {_day(last)}.")
        if notes:
            lines.append(f"Notes: {notes}")
        out.append(
            Reminder(
                "keep_warm",
                cid,
                when.date(),
                last.date() if pd.notna(last) else when.date(),
                f"Check in with {name}{at}",
                " ".join(lines),
                contact_id=cid,
            )
        )
    return out


def _ghosted(data, days: int) -> list[Reminder]:
    apps = data.typed("applications")
    open_ = apps.loc[apps["outcome"] == "open"]
    interviewed = data.typed("interviews").groupby("application_id")["held_on"].max()
    heard = pd.Series(interviewed.reindex(open_["id"]).to_numpy(), index=open_.index)
    since = pd.concat([open_["applied_on"], heard], axis=1).max(axis=1)
    keep = since.notna()
    return [
        Reminder(
            "maybe_ghosted",
            aid,
            last.date() + timedelta(days=days + 1),
            last.date(),
            f"No answer from {company}: ghosted?",
            f"Nothing has happened on your {role} application since {_day(last)}, more than "
            f"{days} days ago. Follow up once, or mark it as ghosted and let it go.",
            application_id=aid,
        )
        for aid, company, role, last in zip(
            open_["id"][keep], open_["company"][keep], open_["role"][keep], since[keep], strict=True
        )
    ]


# Writing --------------------------------------------------------------------------------


def check_in(ws, contact_id: str, *, today: date, expected: dict | None = None) -> dict:
    """Record a check-in with a contact today: ``last_contact_on`` becomes today and
    ``next_contact_on`` today plus ``cadence_days`` (90 if empty). Returns the saved row.

    A check-in dated before the last recorded one changes nothing.
    """
    contacts = ws.read().contacts
    row = contacts.loc[contacts["id"] == contact_id]
    if not len(row):
        from ..errors import ConflictError

        raise ConflictError(f"{contact_id} is no longer in contacts.csv; reload and try again.")
    row = row.iloc[0].to_dict()
    if row["last_contact_on"] and row["last_contact_on"] > today.isoformat():
        return row
    cadence = int(row["cadence_days"]) if row["cadence_days"].isdigit() else CADENCE_DAYS
    changes = {
        "last_contact_on": today.isoformat(),
        "next_contact_on": (today + timedelta(days=cadence)).isoformat(),
    }
    return ws.update("contacts", contact_id, changes, expected=expected)


def add_contact(ws, record: dict, *, today: date) -> str:
    """Add a person to keep warm; ``last_contact_on`` defaults to today and
    ``next_contact_on`` to it plus ``cadence_days`` (90 if empty). Returns the new id."""
    record = {k: str(v) for k, v in record.items()}
    last = record.get("last_contact_on") or today.isoformat()
    cadence = record.get("cadence_days", "")
    days = int(cadence) if cadence.isdigit() and int(cadence) > 0 else CADENCE_DAYS
    record["last_contact_on"] = last
    if not record.get("next_contact_on"):
        try:
            start = date.fromisoformat(last)
        except ValueError:
            start = None  # the store reports the bad date against its field
        if start is not None:
            record["next_contact_on"] = (start + timedelta(days=days)).isoformat()
    return ws.add("contacts", record)


def mark_ghosted(ws, application_id: str, *, today: date, expected: dict | None = None) -> dict:
    """Set an open application's outcome to ``ghosted`` as of today; returns the saved row.

    Refused with :class:`ConflictError` if the application is no longer open on disk.
    """
    expected = {"outcome": "open", "outcome_on": "", **(expected or {})}
    return ws.update(
        "applications",
        application_id,
        {"outcome": "ghosted", "outcome_on": today.isoformat()},
        expected=expected,
    )


def rehearsal_reminders(plan: pd.DataFrame, *, today: date) -> list[Reminder]:
    """One reminder per rehearsal day of ``plan`` (see
    :func:`rejectkit.analysis.likely.rehearsal_plan`), naming each story and its question.

    >>> plan = pd.DataFrame([{"on": date(2026, 12, 3), "session": 1, "interview_id": "I0016",
    ...     "held_on": date(2026, 12, 9), "company": "Northwind", "round": "panel",
    ...     "story_id": "T0001", "story": "The dashboard", "question": "A time you led?"}])
    >>> [r.uid for r in rehearsal_reminders(plan, today=date(2026, 12, 1))]
    ['rehearse-I0016-1@rejectkit']
    """
    found = []
    for (iid, k), rows in plan.groupby(["interview_id", "session"], sort=True):
        first = rows.iloc[0]
        what = "; ".join(f'{r.story} ({r.story_id}) for "{r.question}"' for r in rows.itertuples())
        where = " ".join(x for x in (str(first["company"]), str(first["round"])) if x)
        found.append(
            Reminder(
                "rehearse",
                f"{iid}-{k}",
                first["on"],
                today,
                f"Rehearse your stories for {where}",
                f"Rehearsal {k} before your interview on {_day(first['held_on'])}: tell each "
                f"story out loud in the STAR shape, in about two minutes: {what}.",
            )
        )
    return sorted(found, key=lambda r: (r.due_on, r.record_id))


# The calendar file ----------------------------------------------------------------------


def reminders_ics(items: list[Reminder], *, today: date, stamp: datetime | None = None) -> bytes:
    """The reminders as an iCalendar file: one all-day event each.

    An overdue reminder is placed on ``today``: an event in the past is never seen. Its UID
    stays the same, so importing a newer file moves the event instead of adding another.
    """
    from icalendar import Calendar, Event

    stamp = stamp or datetime.combine(today, time(0), tzinfo=UTC)
    cal = Calendar()
    cal.add("prodid", PRODID.removeprefix("PRODID:"))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "rejectkit reminders")
    for r in items:
        day = max(r.due_on, today)
        event = Event()
        event.add("uid", r.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", r.summary)
        late = f"Due since {_day(r.due_on)}. " if r.due_on < today else ""
        event.add("description", late + r.description)
        # All-day reminders should not show the user as busy.
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()


def write_reminders_ics(
    path: str | Path, items: list[Reminder], *, today: date, force: bool = False
) -> Path:
    """Write :func:`reminders_ics` to ``path`` atomically; return the path.

    An existing file is replaced only if the kit wrote it (or with ``force``), and never a
    file of a workspace's data.
    """
    from ..store.outputs import write_output

    body = reminders_ics(items, today=today)
    return write_output(path, body, signature=PRODID.encode(), force=force)
