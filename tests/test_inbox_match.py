"""Which application an email is about: one match, or the user is asked. Never a wrong one."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from inbox_support import EMAILS, MANIFEST

from rejectkit.inbox.classify import classify
from rejectkit.inbox.files import read_email
from rejectkit.inbox.match import match_application
from rejectkit.inbox.read import Email

COLUMNS = ["id", "company", "role", "applied_on", "outcome", "outcome_on", "contact_email",
           "contact_name"]  # fmt: skip


def apps(*rows) -> pd.DataFrame:
    """Applications from (id, company, role, applied_on, outcome, outcome_on, contact_email[,
    contact_name]) tuples."""
    rows = [(*r, "") if len(r) == len(COLUMNS) - 1 else r for r in rows]
    return pd.DataFrame([dict(zip(COLUMNS, r, strict=True)) for r in rows], columns=COLUMNS)


CORPUS_APPS = pd.read_csv(EMAILS / "applications.csv", dtype=str, keep_default_na=False)
CONTACTS = pd.DataFrame(columns=["application_id", "name", "email"])


def test_no_corpus_email_is_matched_to_a_wrong_application():
    wrong = {}
    for row in MANIFEST:
        email = read_email(EMAILS / row["file"])
        kind = classify(email).kind
        if kind == "not_job":
            continue
        outcome = {"rejection": "rejected", "offer": "offer"}.get(kind, "")
        found = match_application(email, CORPUS_APPS, CONTACTS, outcome=outcome)
        got = found.application_id or "ask"
        if got != row["application"]:
            wrong[row["file"]] = (got, row["application"], found.why)
    assert wrong == {}
    asks = [r["file"] for r in MANIFEST if r["application"] == "ask"]
    assert len(asks) >= 4  # none and several candidates both occur


NORTHWIND = ("A0001", "Northwind Analytics", "Data Analyst", "2026-09-01", "open", "", "")
NORTHWIND_BI = ("A0002", "Northwind Analytics", "BI Developer", "2026-09-05", "open", "", "")
CONTOSO = ("A0003", "Contoso Ltd", "Data Analyst", "2026-09-02", "open", "", "jo@agency.example")
OLD = ("A0004", "Northwind Analytics", "Data Analyst", "2026-02-01", "rejected", "2026-03-01", "")


def mail(sender="", name="", subject="", text="", day="2026-10-20") -> Email:
    return Email(subject=subject, sender_name=name, sender_email=sender, text=text,
                 date=date.fromisoformat(day) if day else None)  # fmt: skip


@pytest.mark.parametrize(
    "email, rows, expected, why",
    [
        # one candidate: by the sender's domain, by the company named, by the contact's email
        (mail("hr@careers.northwind-analytics.example"), [NORTHWIND, CONTOSO], "A0001",
         "A0001 Northwind Analytics, Data Analyst (the sender's domain "
         "careers.northwind-analytics.example)"),
        (mail("noreply@greenhouse.io", text="Thank you for applying to Contoso."),
         [NORTHWIND, CONTOSO], "A0003", "A0003 Contoso Ltd, Data Analyst (names Contoso Ltd)"),
        (mail("jo@agency.example", text="Contoso liked you."), [NORTHWIND, CONTOSO], "A0003",
         "A0003 Contoso Ltd, Data Analyst (the sender jo@agency.example is its contact; names "
         "Contoso Ltd)"),
        (mail("x@jobs.example", name="Northwind Analytics Careers"), [NORTHWIND, CONTOSO],
         "A0001", "A0001 Northwind Analytics, Data Analyst (names Northwind Analytics)"),
        # two at one company: the role named decides
        (mail("hr@northwindanalytics.example", subject="Your BI Developer application"),
         [NORTHWIND, NORTHWIND_BI], "A0002",
         "A0002 Northwind Analytics, BI Developer (the sender's domain "
         "northwindanalytics.example; names the role BI Developer); names the role"),
        # applied after the email was sent: it cannot be about that one
        (mail("hr@northwindanalytics.example", day="2026-09-03"), [NORTHWIND, NORTHWIND_BI],
         "A0001", "A0001 Northwind Analytics, Data Analyst (the sender's domain "
         "northwindanalytics.example)"),
        # a free-mail or tracker domain names no employer
        (mail("northwind@gmail.com", text="Hi"), [NORTHWIND], "", "no application matches"),
        (mail("northwind@myworkday.com", text="Hi"), [NORTHWIND], "", "no application matches"),
        # a name too short to be told apart from a word is not a match by domain
        (mail("hr@co.example"), [CONTOSO], "", "no application matches"),
        # nothing in the log
        (mail("hr@northwind.example"), [], "", "no application matches"),
    ],
)  # fmt: skip
def test_one_candidate_or_none(email, rows, expected, why):
    found = match_application(email, apps(*rows))
    assert found.application_id == expected
    assert found.why.startswith(why)


def test_two_candidates_ask_with_both_listed():
    found = match_application(mail("hr@northwindanalytics.example"), apps(NORTHWIND, NORTHWIND_BI))
    assert not found.found
    assert [c.application_id for c in found.candidates] == ["A0001", "A0002"]
    assert found.why.startswith("2 applications match; choose one: A0001 Northwind Analytics, "
                                "Data Analyst (the sender's domain")  # fmt: skip


def test_the_only_open_one_is_chosen_for_an_outcome_and_says_so():
    email = mail("hr@northwindanalytics.example", subject="Data Analyst")
    found = match_application(email, apps(NORTHWIND, OLD), outcome="rejected")
    assert found.application_id == "A0001"
    assert found.why.endswith("; the only one still open")
    # Without an outcome to set (an acknowledgement), the two stay a question.
    assert not match_application(email, apps(NORTHWIND, OLD)).found


def test_the_same_email_read_again_finds_the_application_it_changed():
    done = ("A0001", "Northwind Analytics", "Data Analyst", "2026-09-01", "rejected",
            "2026-10-20", "")  # fmt: skip
    found = match_application(mail("hr@northwindanalytics.example"), apps(done, NORTHWIND_BI),
                              outcome="rejected")  # fmt: skip
    assert found.application_id == "A0001"
    assert found.why.endswith("already logged from this email")


def test_a_recruiter_who_names_no_company_is_asked_about_not_matched():
    # Jo found Contoso for you; now Jo writes about "my client": which application is it?
    found = match_application(mail("jo@agency.example", text="My client would like to meet you."),
                              apps(NORTHWIND, CONTOSO))  # fmt: skip
    assert not found.found and [c.application_id for c in found.candidates] == ["A0003"]
    assert found.why.startswith("only a contact matches (A0003 Contoso Ltd")


def test_a_recruiter_naming_another_client_is_not_matched_to_the_first_one():
    vireo = ("A0005", "Vireo Health", "Data Analyst", "2026-09-03", "open", "", "")
    email = mail("jo@agency.example", text="Vireo Health have decided not to proceed.")
    found = match_application(email, apps(CONTOSO, vireo), outcome="rejected")
    assert found.application_id == "A0005"


def test_the_senders_name_as_the_contact_tells_two_applications_apart():
    lena = ("A0002", "Northwind Analytics", "BI Developer", "2026-09-05", "open", "", "",
            "Lena Hartigan")  # fmt: skip
    email = mail("lena.h@northwindanalytics.example", name="Lena Hartigan")
    found = match_application(email, apps(NORTHWIND, lena))
    assert found.application_id == "A0002"
    assert found.why.endswith("(the sender Lena Hartigan is its contact (by name); the sender's "
                              "domain northwindanalytics.example); the same contact")  # fmt: skip
    # The name alone, from an address that says nothing of the company, is asked about.
    alone = match_application(mail("lena@gmail.com", name="Lena Hartigan"), apps(NORTHWIND, lena))
    assert not alone.found and alone.why.startswith("only a contact matches")
