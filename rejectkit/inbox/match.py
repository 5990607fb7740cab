"""Which application an email is about: by the sender's address, domain and name, the company
and role it names, and the dates. One match or none: two or more candidates are listed for the
user to choose from, never picked silently.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from .classify import normalise
from .read import Email

__all__ = ["FREE_MAIL", "Candidate", "Match", "company_words", "match_application", "shared_domain"]

# Mail domains that say nothing about the employer: free mail, and the applicant tracking
# systems that send mail for many employers.
FREE_MAIL = {
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com",
    "icloud.com", "me.com", "gmx.de", "gmx.net", "web.de", "t-online.de", "orange.fr",
    "free.fr", "laposte.net", "proton.me", "protonmail.com",
}  # fmt: skip
SHARED_DOMAINS = FREE_MAIL | {
    "greenhouse.io",
    "us.greenhouse-mail.io", "greenhouse-mail.io", "lever.co", "hire.lever.co", "myworkday.com",
    "workday.com", "smartrecruiters.com", "ashbyhq.com", "teamtailor.com", "teamtailor-mail.com",
    "personio.de", "personio.com", "recruitee.com", "workable.com", "workablemail.com",
    "bamboohr.com", "jobvite.com", "icims.com", "successfactors.com", "taleo.net",
    "linkedin.com", "indeed.com", "applytojob.com", "breezy.hr", "pinpointhq.com",
}  # fmt: skip
_LEGAL = {"ltd", "limited", "plc", "llc", "inc", "gmbh", "ag", "sa", "sas", "sarl", "bv", "co",
          "corp", "company", "group", "the", "und", "and", "et", "kg", "se", "llp"}  # fmt: skip
_SUBDOMAINS = {"www", "mail", "email", "careers", "jobs", "hr", "talent", "recruiting",
               "notifications", "noreply", "no-reply", "people", "apply", "hiring"}  # fmt: skip


@dataclass(frozen=True)
class Candidate:
    """An application the email may be about, and the evidence for it."""

    application_id: str
    company: str
    role: str
    reasons: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.application_id} {self.company}, {self.role} ({'; '.join(self.reasons)})"


@dataclass
class Match:
    """The application found (``application_id``), or the candidates to choose from."""

    application_id: str = ""
    candidates: list[Candidate] = field(default_factory=list)
    why: str = ""

    @property
    def found(self) -> bool:
        return bool(self.application_id)


def _words(text: str) -> str:
    """Lower-case words without accents: a domain cannot spell "Lumière"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", normalise(text))
                    if not unicodedata.combining(c))  # fmt: skip
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


def company_words(text: str) -> str:
    """A name squashed for comparison: no case, accents, spaces or legal forms.

    >>> company_words("Atelier Lumière SA"), company_words("Harbour & Finch Ltd")
    ('atelierlumiere', 'harbourfinch')
    """
    return _squash(text)


def _squash(text: str) -> str:
    return "".join(w for w in _words(text).split() if w not in _LEGAL)


def _domain_labels(domain: str) -> list[str]:
    labels = domain.lower().split(".")[:-1]  # no top-level domain
    if len(labels) > 1 and labels[-1] in {"co", "com", "org", "net", "ac", "gov"}:
        labels = labels[:-1]  # a second-level domain: co.uk, com.au
    return [lab.replace("-", "") for lab in labels if lab not in _SUBDOMAINS]


def shared_domain(domain: str) -> bool:
    """True for a free-mail or applicant-tracking domain, which names no employer."""
    return any(domain == d or domain.endswith("." + d) for d in SHARED_DOMAINS)


def _company_evidence(
    email: Email, company: str, contact_emails: set[str], contact_names: set[str], text: str
) -> list:
    reasons = []
    squashed = _squash(company)
    if not squashed:
        return reasons
    contact = bool(email.sender_email) and email.sender_email in contact_emails
    if contact:
        reasons.append(f"the sender {email.sender_email} is its contact")
    elif _words(email.sender_name) and _words(email.sender_name) in contact_names:
        reasons.append(f"the sender {email.sender_name} is its contact (by name)")
    domain = email.domain
    if domain and not shared_domain(domain):
        labels = _domain_labels(domain)
        if any(len(lab) >= 4 and (lab == squashed or lab in squashed or squashed in lab)
               for lab in labels):  # fmt: skip
            reasons.append(f"the sender's domain {domain}")
        elif not contact and any(e.rpartition("@")[2] == domain for e in contact_emails):
            reasons.append(f"its contact writes from {domain}")
    name = _words(company)
    core = " ".join(w for w in name.split() if w not in _LEGAL)
    # The text searched includes the sender's name ("Corvid Careers").
    if core and re.search(rf"(?<!\w){re.escape(core)}(?!\w)", text):
        reasons.append(f"names {company}")
    return reasons


def match_application(
    email: Email,
    applications: pd.DataFrame,
    contacts: pd.DataFrame | None = None,
    *,
    outcome: str = "",
) -> Match:
    """The application ``email`` is about, from ``applications`` (and ``contacts``).

    ``outcome`` is what the email would set (rejected, offer): an application already at it
    on the email's date is the one (the same email read again), and among several at one
    company, the only one still open is.

    >>> apps = pd.DataFrame([{"id": "A0001", "company": "Corvid Systems", "role": "BI Developer",
    ...     "applied_on": "2026-10-01", "outcome": "open", "outcome_on": "",
    ...     "contact_email": ""}])
    >>> from rejectkit.inbox.read import read_pasted
    >>> m = match_application(read_pasted("From: Ana <ana@corvidsystems.example>\\n"
    ...     "Subject: BI Developer\\n\\nThanks."), apps)
    >>> m.application_id, m.candidates[0].reasons
    ('A0001', ("the sender's domain corvidsystems.example", 'names the role BI Developer'))
    """
    text = _words(f"{email.subject}\n{email.sender_name}\n{email.text}")
    by_app: dict[str, set[str]] = {}
    names: dict[str, set[str]] = {}
    if contacts is not None and len(contacts):
        columns = (contacts["application_id"], contacts["email"], contacts["name"])
        for app_id, addr, name in zip(*columns, strict=True):
            if app_id and addr:
                by_app.setdefault(app_id, set()).add(addr.strip().lower())
            if app_id and name:
                names.setdefault(app_id, set()).add(_words(name))
    found: list[tuple[Candidate, dict]] = []
    for row in applications.to_dict("records"):
        mails = by_app.get(row["id"], set()) | ({row["contact_email"].strip().lower()} - {""})
        known = names.get(row["id"], set()) | ({_words(row.get("contact_name", ""))} - {""})
        reasons = _company_evidence(email, row["company"], mails, known, text)
        if not reasons:
            continue
        if (
            email.date is not None
            and row["applied_on"]
            and row["applied_on"] > email.date.isoformat()
        ):
            continue  # applied after the email was sent: it cannot be about this one
        role = _words(row["role"])
        if role and re.search(rf"(?<!\w){re.escape(role)}(?!\w)", text):
            reasons.append(f"names the role {row['role']}")
        found.append((Candidate(row["id"], row["company"], row["role"], tuple(reasons)), row))
    return _decide(email, found, outcome)


def _direct(candidate: Candidate) -> bool:
    """Evidence of the company itself, not only of a person who dealt with it (a recruiter at
    an agency writes about many employers)."""
    return any(not r.startswith(("the sender ", "its contact")) for r in candidate.reasons)


def _decide(email: Email, found: list, outcome: str) -> Match:
    direct = [(c, r) for c, r in found if _direct(c)]
    if found and not direct:
        listed = "; ".join(str(c) for c, _ in found)
        return Match(candidates=[c for c, _ in found],
                     why=f"only a contact matches ({listed}), and the email names no "
                         "company of your log: choose the application")  # fmt: skip
    found = direct
    steps = [
        ("names the role", lambda c, r: any(x.startswith("names the role") for x in c.reasons)),
        ("the same contact", lambda c, r: any("contact" in x for x in c.reasons)),
    ]
    day = email.date.isoformat() if email.date else ""
    if outcome:
        steps.append(("already logged from this email",
                      lambda c, r: r["outcome"] == outcome and r["outcome_on"] == day))  # fmt: skip
        steps.append(("the only one still open", lambda c, r: r["outcome"] == "open"))
    pool = found
    said = []
    for label, keep in steps:
        if len(pool) < 2:
            break
        narrowed = [(c, r) for c, r in pool if keep(c, r)]
        if narrowed and len(narrowed) < len(pool):
            pool = narrowed
            said.append(label)
    candidates = [c for c, _ in pool]
    if len(candidates) == 1:
        extra = f"; {', '.join(said)}" if said else ""
        return Match(candidates[0].application_id, candidates, f"{candidates[0]}{extra}")
    if not candidates:
        who = email.sender_email or email.sender_name or "an unknown sender"
        return Match(why=f"no application matches (from {who}, subject {email.subject!r}): "
                         "choose one, or add the application first")  # fmt: skip
    return Match(
        candidates=candidates,
        why=f"{len(candidates)} applications match; choose one: "
        + "; ".join(str(c) for c in candidates),
    )
