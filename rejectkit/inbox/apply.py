"""From an email to the log: propose every change (a dry run), then apply them as one save.

A rejection sets the outcome and its date (the email's date, not today) and the stage the email
says you reached; an offer sets the offer; an invitation moves the stage forward (and, when it
names one day, adds that interview as pending). The sender
becomes the application's contact (so the reply is addressed to them) and a contacts row;
feedback the email already gives is recorded as feedback. Every change is one transaction:
one history entry, one undo. An email read again proposes nothing, so it changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..errors import RejectkitError
from ..records.reminders import add_contact
from ..store.schema import STAGES
from .classify import KIND_LABELS, Decision, classify, load_phrases
from .maildate import days_named
from .match import FREE_MAIL, Match, company_words, match_application, shared_domain
from .read import Email

__all__ = ["InboxPlan", "apply_plan", "personal_sender", "plan_email"]

_OUTCOME = {"rejection": "rejected", "offer": "offer"}
_ROBOT = re.compile(r"^(?:no-?reply|do-?not-?reply|donotreply|notifications?|mailer|careers|"
                    r"jobs|recruiting|recruitment|talent|hr|hiring|applications?|bewerbung|"
                    r"candidates?|karriere|personal|recrutement|emplois?|rh)\b", re.I)  # fmt: skip
_TEAM = re.compile(r"\b(?:team|careers|recruiting|recruitment|talent|hr|jobs|hiring|people|"
                   r"notifications?|no-?reply|via)\b", re.I)  # fmt: skip
_FEEDBACK = re.compile(
    r"[^.!?\n]*\b(?:feedback|the panel|interviewers?|the team|they)\b[^.!?\n]*\b(?:felt|thought|"
    r"noted|liked|impressed|enjoyed|would have liked|wanted|looking for|lacked|stronger|"
    r"more experience|less experience|strong|clear|personable|prepared)\b[^.!?\n]*[.!?]",
    re.I,
)
_POSITIVE = re.compile(r"\b(?:impressed|enjoyed|liked|strong|clear|great|good|excellent|"
                       r"personable|prepared)\b", re.I)  # fmt: skip
_NEGATIVE = re.compile(r"\b(?:would have liked|more|less|lacked|however|but|stronger)\b", re.I)


@dataclass
class InboxPlan:
    """What one email would change, application by application field (old, new)."""

    email: Email
    decision: Decision
    match: Match
    application: dict[str, str] = field(default_factory=dict)  # the row as loaded
    changes: dict[str, tuple[str, str]] = field(default_factory=dict)
    contact: dict[str, str] = field(default_factory=dict)  # a contacts row to add or update
    contact_id: str = ""
    feedback: dict[str, str] = field(default_factory=dict)
    interview: dict[str, str] = field(default_factory=dict)  # a pending interview to add
    notes: list[str] = field(default_factory=list)
    applied: bool = False
    op: int | None = None
    reply: str = ""  # the reply drafted to it, an .eml in the outbox (see batch.py)

    @property
    def about_a_job(self) -> bool:
        return self.decision.kind != "not_job"

    @property
    def needs_choice(self) -> bool:
        """True when the user must pick the application (none or several matched)."""
        return self.about_a_job and not self.match.found

    @property
    def has_changes(self) -> bool:
        return bool(self.changes or self.contact or self.feedback or self.interview)

    def describe(self) -> str:
        """The plan in words, as the command line and the form print it."""
        e = self.email
        who = f"{e.sender_name} <{e.sender_email}>" if e.sender_email else e.sender_name or "?"
        when = e.date.isoformat() if e.date else "no date"
        lines = [f"{e.source}: {who}, {when}, {e.subject!r}" + (" (forwarded)" * e.forwarded),
                 f"  what it is: {self.decision.why}"]  # fmt: skip
        if not self.about_a_job:
            lines.append("  nothing to change")
            return "\n".join(lines)
        lines.append(f"  application: {self.match.why}")
        done = self.applied and self.op is not None
        would, change, add = ("", "changed", "added") if done else ("would ", "change", "add")
        for field_, (old, new) in self.changes.items():
            lines.append(f"  {would}{change} {field_}: {old or '(empty)'} -> {new}")
        if self.contact:
            verb = (
                (f"updated {self.contact_id}" if done else f"update {self.contact_id}")
                if self.contact_id
                else add
            )
            lines.append(f"  {would}{verb} contact: {self.contact.get('name', '')} "
                         f"<{self.contact.get('email', '')}>, last contact "
                         f"{self.contact.get('last_contact_on', '')}")  # fmt: skip
        if self.feedback:
            said = self.feedback.get("to_improve") or self.feedback.get("went_well")
            lines.append(f"  {would}{add} feedback received {self.feedback['received_on']}: {said}")
        if self.interview:
            lines.append(f"  {would}{add} pending interview on {self.interview['held_on']}")
        lines += [f"  note: {n}" for n in self.notes]
        if self.match.found and not self.has_changes:
            lines.append("  nothing to change: your log already says this")
        return "\n".join(lines)


def personal_sender(email: Email) -> tuple[str, str]:
    """The sender as a person to reply to: (name, address); "" for a robot or a team.

    >>> personal_sender(Email(sender_name="Ana Ruiz", sender_email="ana@corvid.example"))
    ('Ana Ruiz', 'ana@corvid.example')
    >>> personal_sender(Email(sender_name="Corvid Careers", sender_email="no-reply@corvid.example"))
    ('', '')
    """
    local, _, domain = email.sender_email.partition("@")
    robot = _ROBOT.match(local) or (shared_domain(domain) and domain not in FREE_MAIL)
    address = "" if robot else email.sender_email
    name = email.sender_name
    name = re.sub(r"\s+(?:via|from|at|@)\s+.*$", "", name, flags=re.I).strip()
    if "@" in name or _TEAM.search(name) or len(name.split()) > 4:
        name = ""
    return name, address


def plan_email(
    ws,
    email: Email,
    *,
    application_id: str = "",
    today: date | None = None,
) -> InboxPlan:
    """What reading ``email`` into ``ws`` would change; nothing is written.

    ``application_id`` is the user's choice when the match asked for one. ``today`` dates an
    email that has no date of its own (pasted without headers); an email's own date wins.

    >>> import shutil, tempfile
    >>> from rejectkit.inbox.files import read_email
    >>> from rejectkit.store.workspace import Workspace
    >>> ws = Workspace(shutil.copytree("data/sample", tempfile.mkdtemp() + "/w"))
    >>> plan = plan_email(ws, read_email("rejectkit/examples/rejection.eml"))
    >>> plan.match.application_id, plan.changes["outcome_on"]
    ('A0029', ('', '2026-11-24'))
    >>> apply_plan(ws, plan).op, ws.read().applications.iloc[28]["outcome"]
    (1, 'rejected')
    """
    data = ws.load()
    decision = classify(email, load_phrases(ws.path))
    plan = InboxPlan(email, decision, Match())
    if not plan.about_a_job:
        return plan
    apps = data.applications
    outcome = _OUTCOME.get(decision.kind, "")
    if application_id:
        row = apps.loc[apps["id"] == application_id]
        if row.empty:
            raise RejectkitError(
                f"--application {application_id!r} is not in applications.csv; the ids look like "
                f"A0001 ({', '.join(apps['id'].tail(5)) or 'none yet'} are the latest)."
            )
        chosen = f"{application_id} {row['company'].iat[0]}, {row['role'].iat[0]} (chosen by you)"
        plan.match = Match(application_id, [], chosen)
    else:
        plan.match = match_application(email, apps, data.contacts, outcome=outcome)
    if not plan.match.found:
        return plan
    app = apps.loc[apps["id"] == plan.match.application_id].iloc[0].to_dict()
    plan.application = {k: str(v) for k, v in app.items()}
    day = email.date or today
    if email.date is None and today is not None:
        plan.notes.append(f"the email has no date, so {today.isoformat()} (today) is used")
    _propose(plan, outcome, day)
    _propose_contact(plan, data.contacts, day)
    _propose_feedback(plan, data.feedback, day)
    _propose_interview(plan, data.interviews, day)
    return plan


def _propose(plan: InboxPlan, outcome: str, day: date | None) -> None:
    app, kind = plan.application, plan.decision.kind
    want: dict[str, str] = {}
    if outcome:
        want["outcome"] = outcome
        if day is not None:
            want["outcome_on"] = day.isoformat()
    stage = "offer" if kind == "offer" else plan.decision.stage
    if kind == "invitation" and not stage:
        stage = "interview"
    if stage and STAGES.index(stage) > STAGES.index(app["stage"]):
        want["stage"] = stage
    name, address = _sender_for(plan)
    if name:
        want["contact_name"] = name
    if address:
        want["contact_email"] = address
    logged, on = app["outcome"], app["outcome_on"]
    if outcome and on and day is not None:
        if logged == outcome and on != day.isoformat():
            # Already logged from an earlier email: the first date stays.
            want.pop("outcome_on", None)
            plan.notes.append(f"{app['id']} was already {outcome} on {on}")
        elif logged not in (outcome, "open") and on > day.isoformat():
            # An older email read after a newer one must not undo what the newer one said.
            want.pop("outcome", None)
            want.pop("outcome_on", None)
            plan.notes.append(f"{app['id']} has a later outcome ({logged} on {on}); the "
                              "outcome stays")  # fmt: skip
    plan.changes = {k: (app.get(k, ""), v) for k, v in want.items() if app.get(k, "") != v}


def _sender_for(plan: InboxPlan) -> tuple[str, str]:
    """The sender as the application's contact; a company signing as itself is no person."""
    name, address = personal_sender(plan.email)
    company = company_words(plan.application.get("company", ""))
    if name and company and company in company_words(name):
        name = ""
    return name, address


def _propose_contact(plan: InboxPlan, contacts, day: date | None) -> None:
    name, address = _sender_for(plan)
    if not name:
        return
    app = plan.application
    when = day.isoformat() if day else ""
    same = contacts.loc[
        (contacts["email"].str.lower() == address) if address else (contacts["name"] == name)
    ]
    if len(same):
        row = same.iloc[0]
        if when and row["last_contact_on"] < when:
            plan.contact_id = row["id"]
            plan.contact = {"name": row["name"], "email": row["email"], "last_contact_on": when}
        return
    plan.contact = {"application_id": app["id"], "name": name, "organisation": app["company"],
                    "email": address, "last_contact_on": when}  # fmt: skip


def _propose_feedback(plan: InboxPlan, feedback, day: date | None) -> None:
    if plan.decision.kind != "rejection" or day is None:
        return
    said = [m.group(0).strip() for m in _FEEDBACK.finditer(plan.email.text)]
    if not said:
        return
    app_id = plan.application["id"]
    if (
        (feedback["application_id"] == app_id) & (feedback["received_on"] == day.isoformat())
    ).any():
        return  # recorded already (this email read before)
    good = [s for s in said if _POSITIVE.search(s) and not _NEGATIVE.search(s)]
    bad = [s for s in said if s not in good]
    plan.feedback = {"application_id": app_id, "received_on": day.isoformat(),
                     "went_well": " ".join(good), "to_improve": " ".join(bad)}  # fmt: skip


def _propose_interview(plan: InboxPlan, interviews, day: date | None) -> None:
    """An invitation that names one day: that interview, pending. Two days, or none, are a
    choice still to be made, so nothing is added (the note says so)."""
    if plan.decision.kind != "invitation" or day is None:
        return
    days = days_named(plan.email.text, day)
    if len(days) != 1:
        if days:
            listed = ", ".join(d.isoformat() for d in days)
            plan.notes.append(f"the email names {len(days)} days ({listed}): log the interview "
                              "once its day is fixed")  # fmt: skip
        return
    app_id, held_on = plan.application["id"], days[0].isoformat()
    if ((interviews["application_id"] == app_id) & (interviews["held_on"] == held_on)).any():
        return  # logged already
    plan.interview = {"application_id": app_id, "held_on": held_on, "result": "pending"}


def apply_plan(ws, plan: InboxPlan) -> InboxPlan:
    """Write ``plan`` as one save (one history entry, one undo); return it, applied.

    Refused, with nothing written, when the application changed since the plan was made.
    """
    if plan.needs_choice:
        raise RejectkitError(
            f"{plan.email.source}: {plan.match.why}. Nothing was saved; choose the application "
            "(--application ID on the command line, the picker in the form)."
        )
    if not plan.has_changes:
        plan.applied = True
        return plan
    app_id = plan.application["id"]
    label = KIND_LABELS[plan.decision.kind]
    mid = f" {plan.email.message_id}" if plan.email.message_id else ""
    with ws.transaction(f"Email{mid}: {label} for {app_id}") as tx:
        if plan.changes:
            ws.update("applications", app_id, {k: new for k, (_, new) in plan.changes.items()},
                      expected=plan.application)  # fmt: skip
        if plan.contact_id:
            ws.update("contacts", plan.contact_id,
                      {"last_contact_on": plan.contact["last_contact_on"]})  # fmt: skip
        elif plan.contact:
            today = date.fromisoformat(plan.contact["last_contact_on"]) if plan.contact[
                "last_contact_on"] else None  # fmt: skip
            if today is not None:
                add_contact(ws, plan.contact, today=today)
            else:
                ws.add("contacts", plan.contact)
        if plan.feedback:
            ws.add("feedback", plan.feedback)
        if plan.interview:
            ws.add("interviews", plan.interview)
    plan.applied, plan.op = True, tx.op
    return plan
