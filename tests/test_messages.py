"""Message drafts, their mailto links and .eml files, user templates, and the sent log."""

from __future__ import annotations

from datetime import date
from email import policy
from email.parser import BytesParser
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rejectkit.analysis.mindset import how_far
from rejectkit.errors import RejectkitError
from rejectkit.messages.drafts import (
    KINDS,
    TONES,
    Draft,
    TemplateError,
    draft_message,
    eml_bytes,
    mailto_link,
    tones,
)
from rejectkit.records.sent import record_sent, write_eml
from rejectkit.store.workspace import Workspace

PERSONAL = "I especially enjoyed hearing how your team uses open data."


@pytest.fixture
def small(empty_workspace):
    """Two rejected applications: one with a contact and a final interview, one with neither."""
    ws = empty_workspace
    ws.add_many(
        "applications",
        [
            {
                "company": "Harbour & Finch",
                "role": "Junior Analyst",
                "applied_on": "2026-03-02",
                "stage": "final",
                "outcome": "rejected",
                "outcome_on": "2026-04-10",
                "contact_name": "Priya Shah",
                "contact_email": "priya.shah@example.com",
            },
            {
                "company": "Oakham Data",
                "role": "Data Analyst",
                "applied_on": "2026-03-05",
                "stage": "applied",
                "outcome": "rejected",
                "outcome_on": "2026-03-20",
            },
        ],
    )
    ws.add(
        "interviews",
        {
            "application_id": "A0001",
            "held_on": "2026-04-02",
            "round": "final",
            "format": "onsite",
            "result": "rejected",
            "went_well": "We talked about open data.",
        },
    )
    return ws


EXPECTED = {
    ("rejection_reply", "brief"): (
        "Thank you - Junior Analyst at Harbour & Finch",
        """Hi Priya,

Thank you for letting me know, and for your time during the process. I enjoyed learning about \
Harbour & Finch and would be glad to be considered for future roles.

I especially enjoyed hearing how your team uses open data.

Best wishes,
Sam Carter
""",
    ),
    ("rejection_reply", "warm"): (
        "Thank you for letting me know",
        """Dear Priya,

Thank you for letting me know about the Junior Analyst role, and for telling me personally. Of \
course I am disappointed, but I really enjoyed getting to know Harbour & Finch, and I am \
grateful for the time you gave me in the final interview.

I especially enjoyed hearing how your team uses open data.

I would love to stay in touch. If another role opens up that fits my experience, I would be \
delighted to hear from you.

Thank you again, and all the best to you and the team.

Warm regards,
Sam Carter
""",
    ),
    ("rejection_reply", "formal"): (
        "Junior Analyst application - thank you",
        """Dear Priya Shah,

Thank you for informing me of your decision regarding the Junior Analyst position. I appreciate \
the time that you and your colleagues took to consider my application and to meet me.

I especially enjoyed hearing how your team uses open data.

I remain very interested in Harbour & Finch and would welcome the opportunity to be considered \
for future positions.

Kind regards,
Sam Carter
""",
    ),
    ("feedback_request", "brief"): (
        "Feedback on my application for Junior Analyst",
        """Hi Priya,

Thank you again for considering me for the Junior Analyst role. So that I can do better next \
time, could you share a few words of feedback?

- What did you think went well?
- What are some areas I can improve in?

I especially enjoyed hearing how your team uses open data.

Even a couple of lines would help a lot.

Best wishes,
Sam Carter
""",
    ),
    ("feedback_request", "warm"): (
        "Could I ask for your feedback?",
        """Dear Priya,

Thank you again for the chance to apply for the Junior Analyst role at Harbour & Finch, and for \
your time in the final interview. I am working on how I come across in interviews, and your \
view would help me more than anything else.

If you have a few minutes, I would be grateful for your thoughts on two questions:

1. What did you think went well?
2. What are some areas I can improve in?

I especially enjoyed hearing how your team uses open data.

I know your time is precious, so even a short reply would mean a lot.

Warm regards,
Sam Carter
""",
    ),
    ("feedback_request", "formal"): (
        "Request for feedback - Junior Analyst",
        """Dear Priya Shah,

Thank you for considering my application for the Junior Analyst position at Harbour & Finch. I \
would be grateful for any feedback you are able to share, in particular:

1. What did you think went well?
2. What are some areas I can improve in?

I especially enjoyed hearing how your team uses open data.

Your comments would help me to prepare for future applications. Thank you for your time.

Kind regards,
Sam Carter
""",
    ),
}

# The same messages for an application with no contact, no interview, no personal sentence
# and no sender name: the optional parts disappear without leaving gaps.
EXPECTED_BARE = {
    ("rejection_reply", "warm"): (
        "Thank you for letting me know",
        """Hello,

Thank you for letting me know about the Data Analyst role. Of course I am disappointed, but I \
really enjoyed getting to know Oakham Data.

I would love to stay in touch. If another role opens up that fits my experience, I would be \
delighted to hear from you.

Thank you again, and all the best to you and the team.

Warm regards,
""",
    ),
    ("feedback_request", "formal"): (
        "Request for feedback - Data Analyst",
        """Dear Hiring Manager,

Thank you for considering my application for the Data Analyst position at Oakham Data. I would \
be grateful for any feedback you are able to share, in particular:

1. What did you think went well?
2. What are some areas I can improve in?

Your comments would help me to prepare for future applications. Thank you for your time.

Kind regards,
""",
    ),
}


@pytest.mark.parametrize(("kind", "tone"), list(EXPECTED), ids="-".join)
def test_draft_word_for_word(small, kind, tone):
    draft = draft_message(
        small.read(),
        kind,
        application_id="A0001",
        tone=tone,
        personal=f"  {PERSONAL} ",
        sender="Sam Carter",
    )
    assert (draft.subject, draft.body) == EXPECTED[(kind, tone)]
    assert (draft.to_name, draft.to_email) == ("Priya Shah", "priya.shah@example.com")
    assert (draft.kind, draft.tone, draft.application_id) == (kind, tone, "A0001")


@pytest.mark.parametrize(("kind", "tone"), list(EXPECTED_BARE), ids="-".join)
def test_draft_without_optional_parts(small, kind, tone):
    draft = draft_message(small.read(), kind, application_id="A0002", tone=tone)
    assert (draft.subject, draft.body) == EXPECTED_BARE[(kind, tone)]
    assert (draft.to_name, draft.to_email, draft.contact_id) == ("", "", "")


def test_every_kind_and_tone_renders_for_every_demo_record(workspace):
    data = workspace.read()
    targets = [{"application_id": a} for a in data.applications["id"]]
    targets += [{"contact_id": c} for c in data.contacts["id"]]
    rendered = 0
    for kind in KINDS:
        for tone in TONES:
            for target in targets:
                if kind != "keep_warm" and "contact_id" in target:
                    continue
                draft = draft_message(data, kind, tone=tone, personal="P.", sender="S", **target)
                text = draft.subject + "\n" + draft.body
                assert draft.subject and "{" not in text and "}" not in text
                assert "\n\n\n" not in draft.body and draft.body.endswith("S\n")
                assert "P." in draft.body
                rendered += 1
    assert rendered == 4 * 3 * 30 + 3 * 36


def test_keep_warm_for_a_contact_without_an_application(workspace):
    draft = draft_message(workspace.read(), "keep_warm", contact_id="C0003", tone="brief")
    assert (draft.to_name, draft.to_email) == ("Alex Morrow", "alex.morrow@example.net")
    assert (draft.application_id, draft.contact_id) == ("", "C0003")
    assert "I hope all is well at Northern Data Meetup." in draft.body


def test_the_nudge_names_the_day_feedback_was_asked_for(workspace):
    draft = draft_message(workspace.read(), "feedback_nudge", application_id="A0020", tone="warm")
    assert "I wrote on 5 November to ask for your feedback" in draft.body
    assert draft.contact_id == "C0006"


@pytest.mark.parametrize(
    ("kind", "target", "message"),
    [
        ("apology", {"application_id": "A0001"}, "'apology' is not a kind of message"),
        ("rejection_reply", {"contact_id": "C0003"}, "needs an application"),
        ("keep_warm", {}, "Choose an application or a contact"),
        ("thank_you", {"application_id": "A0099"}, "no application A0099"),
        ("keep_warm", {"contact_id": "C0099"}, "no contact C0099"),
    ],
)
def test_draft_refuses_what_it_cannot_write(workspace, kind, target, message):
    with pytest.raises(TemplateError, match=message):
        draft_message(workspace.read(), kind, **target)


# User templates ---------------------------------------------------------------------------


def test_a_user_template_replaces_the_kits_own(small):
    folder = small.path / "templates"
    folder.mkdir()
    (folder / "rejection_reply.warm.txt").write_text(
        "Subject: Thanks, {{ company }}\n\nHi {{ first_name }}, thanks!\n{{ sender }}\n", "utf-8"
    )
    draft = draft_message(small.read(), "rejection_reply", application_id="A0001", sender="Sam")
    assert (draft.subject, draft.body) == ("Thanks, Harbour & Finch", "Hi Priya, thanks!\nSam\n")
    # The other tones still come from the kit.
    brief = draft_message(small.read(), "rejection_reply", application_id="A0001", tone="brief")
    assert brief.subject == EXPECTED[("rejection_reply", "brief")][0]


def test_a_user_template_adds_a_tone(small):
    folder = small.path / "templates"
    folder.mkdir()
    (folder / "thank_you.casual.txt").write_text("Subject: Cheers\n\nCheers, {{ first_name }}!\n")
    assert tones(small.path, "thank_you") == ["brief", "warm", "formal", "casual"]
    assert tones(small.path, "keep_warm") == ["brief", "warm", "formal"]
    draft = draft_message(small.read(), "thank_you", application_id="A0001", tone="casual")
    assert (draft.subject, draft.body) == ("Cheers", "Cheers, Priya!\n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Subject: Hi\n\nDear {{ first_name }},\nThe {{ salary }} was fine.\n",
            r"rejection_reply\.warm\.txt uses a field the kit does not fill in: 'salary' "
            r"\(line 4\)",
        ),
        (
            "Subject: Hi {{ compnay }}\n\n{% if salry %}x{% endif %}\n",
            r"uses fields the kit does not fill in: 'compnay' \(line 1\); 'salry' \(line 3\)",
        ),
        (
            "Subject: Hi\n\n{% if first_name %}Dear\n",
            r"rejection_reply\.warm\.txt, line 3, is not valid: Unexpected end of template",
        ),
        (
            "Dear {{ first_name }},\n\nThanks.\n",
            r"rejection_reply\.warm\.txt must start with a line 'Subject: \.\.\.'.*'Dear Priya,'",
        ),
        (
            "Subject: Hi\n\n{{ role.salary }}\n",
            r"rejection_reply\.warm\.txt, line 3, could not be filled in: 'str object' has no "
            r"attribute "
            r"'salary'",
        ),
    ],
    ids=["missing-field", "two-misspelt-fields", "syntax", "no-subject", "missing-attribute"],
)
def test_a_broken_template_is_a_clear_error_naming_file_and_field(small, text, expected):
    folder = small.path / "templates"
    folder.mkdir()
    (folder / "rejection_reply.warm.txt").write_text(text, "utf-8")
    with pytest.raises(TemplateError, match=expected) as caught:
        draft_message(small.read(), "rejection_reply", application_id="A0001")
    assert str(folder / "rejection_reply.warm.txt") in str(caught.value)


def test_an_unknown_tone_lists_the_tones_there_are(small):
    with pytest.raises(TemplateError, match=r"no template thank_you\.chirpy\.txt.*brief, warm"):
        draft_message(small.read(), "thank_you", application_id="A0001", tone="chirpy")


# mailto: links ----------------------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


def _decode_mailto(link: str) -> tuple[str, str, str]:
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert sorted(query) == ["body", "subject"] and all(len(v) == 1 for v in query.values())
    return unquote(parts.path), query["subject"][0], query["body"][0]


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Q&A? #1 100% = yes + no", "Line 1\nLine 2 & 3?\n\n#hash %25 a=b&c=d\n"),
        ("Zoë – café ☕ 😀", "Dzień dobry,\r\nこんにちは\n"),
        ("", ""),
    ],
)
def test_mailto_link_decodes_back_to_the_same_message(subject, body):
    draft = Draft(subject, body, "Zoë Ng", "zoe.ng@example.org", "thank_you", "brief")
    link = mailto_link(draft)
    assert link.isascii() and "\n" not in link and " " not in link
    assert _decode_mailto(link) == ("zoe.ng@example.org", subject, _lf(body).replace("\n", "\r\n"))


@settings(max_examples=200, deadline=None)
@given(subject=TEXT, body=TEXT)
def test_mailto_round_trips_any_text(subject, body):
    link = mailto_link(Draft(subject, body, "", "a@example.org", "keep_warm", "warm"))
    address, got_subject, got_body = _decode_mailto(link)
    assert (address, got_subject, _lf(got_body)) == ("a@example.org", subject, _lf(body))


# .eml files -------------------------------------------------------------------------------


def _parse(data: bytes):
    return BytesParser(policy=policy.default).parsebytes(data)


def test_eml_opens_as_an_unsent_draft_with_the_same_text(workspace):
    draft = draft_message(workspace.read(), "feedback_request", application_id="A0020")
    msg = _parse(eml_bytes(draft))
    assert msg["To"] == "Maya Penhallow <maya.penhallow@example.com>"
    assert msg["To"].addresses[0].addr_spec == "maya.penhallow@example.com"
    assert msg["Subject"] == "Could I ask for your feedback?"
    assert msg["X-Unsent"] == "1"
    assert msg.get_content_type() == "text/plain" and msg.get_content_charset() == "utf-8"
    assert _lf(msg.get_content()) == draft.body


@settings(max_examples=150, deadline=None)
@given(subject=TEXT, body=TEXT, name=TEXT)
def test_eml_round_trips_any_text(subject, body, name):
    draft = Draft(subject, body, name, "x@example.org", "thank_you", "formal")
    msg = _parse(eml_bytes(draft))
    # Headers hold one line: line breaks and runs of spaces in a pasted subject become one space.
    assert msg["Subject"] == " ".join(subject.split())
    assert msg["To"].addresses[0].addr_spec == "x@example.org"
    assert msg["To"].addresses[0].display_name == " ".join(name.split())
    expected = _lf(body)
    assert _lf(msg.get_content()) == expected + ("" if expected.endswith("\n") else "\n")


def test_eml_without_an_address_has_no_to_header():
    msg = _parse(eml_bytes(Draft("Hi", "Body\n", "Someone", "", "thank_you", "brief")))
    assert msg["To"] is None and msg["Subject"] == "Hi"


@pytest.mark.parametrize("address", ["priya at example", "a@", "a@b@c", "<x>"])
def test_eml_refuses_an_address_no_mail_program_can_use(address):
    with pytest.raises(RejectkitError, match=f"The email address {address!r} is not one"):
        eml_bytes(Draft("Hi", "Body\n", "", address, "thank_you", "brief"))


def test_write_eml_puts_the_file_in_the_outbox(small):
    draft = draft_message(small.read(), "thank_you", application_id="A0001")
    path = write_eml(small.path, draft, today=date(2026, 4, 2))
    assert path == small.path / "outbox" / "2026-04-02-thank_you-A0001.eml"
    assert _parse(path.read_bytes())["Subject"] == "Thank you for today's conversation"
    assert not list((small.path / "outbox").glob(".*.tmp"))


# How far you got --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("application_id", "expected"),
    [
        ("A0020", "You reached the final round: only 3 of your 30 applications got this far."),
        ("A0017", "You reached the interviews: only 7 of your 30 applications got this far."),
        (
            "A0003",
            "You got past the CV to a screening call: only 14 of your 30 applications got "
            "this far.",
        ),
        (
            "A0002",
            "This one ended at the application stage. 14 of your 30 applications got further: "
            "compare this one with them to see what they had that it lacked.",
        ),
        ("A0099", ""),
    ],
)
def test_how_far_on_the_demo(workspace, application_id, expected):
    assert how_far(workspace.read(), application_id) == expected


def test_how_far_when_it_is_the_only_one(small):
    assert how_far(small.read(), "A0001") == (
        "You reached the final round: the only one of your 2 applications to get this far."
    )


# The sent log -----------------------------------------------------------------------------


def _rows(ws: Workspace, table: str) -> list[dict]:
    return ws.read().tables[table].to_dict("records")


def test_marking_a_reply_as_sent_writes_the_log_row(small):
    draft = draft_message(small.read(), "rejection_reply", application_id="A0001", tone="brief")
    edited = draft.edited(subject="Thank you, Priya")
    assert record_sent(small, edited, sent_on=date(2026, 4, 11)) == "M0001"
    assert _rows(small, "messages") == [
        {
            "id": "M0001",
            "application_id": "A0001",
            "contact_id": "",
            "kind": "rejection_reply",
            "tone": "brief",
            "to_name": "Priya Shah",
            "to_email": "priya.shah@example.com",
            "subject": "Thank you, Priya",
            "sent_on": "2026-04-11",
        }
    ]
    assert _rows(small, "feedback") == []


def _feedback_request(ws, app_id: str) -> Draft:
    return draft_message(ws.read(), "feedback_request", application_id=app_id)


def test_a_feedback_request_sent_creates_the_feedback_row(small):
    record_sent(small, _feedback_request(small, "A0002"), sent_on=date(2026, 3, 21))
    assert _rows(small, "feedback") == [
        {
            "id": "F0001",
            "application_id": "A0002",
            "requested_on": "2026-03-21",
            "received_on": "",
            "went_well": "",
            "to_improve": "",
            "touchpoints": "",
        }
    ]


@pytest.mark.parametrize(
    ("existing", "after"),
    [
        # An open row the user added by hand gets the date.
        ({"requested_on": ""}, [("F0001", "2026-04-12", "")]),
        # A request already recorded keeps its first date; the log holds the second one.
        ({"requested_on": "2026-04-11"}, [("F0001", "2026-04-11", "")]),
        # Feedback already received: this is a new request, so a new row.
        (
            {"requested_on": "2026-04-11", "received_on": "2026-04-11"},
            [("F0001", "2026-04-11", "2026-04-11"), ("F0002", "2026-04-12", "")],
        ),
    ],
    ids=["open-row-without-date", "already-requested", "already-received"],
)
def test_a_feedback_request_sent_updates_the_feedback_log(small, existing, after):
    small.add("feedback", {"application_id": "A0001", **existing})
    record_sent(small, _feedback_request(small, "A0001"), sent_on=date(2026, 4, 12))
    rows = _rows(small, "feedback")
    assert [(r["id"], r["requested_on"], r["received_on"]) for r in rows] == after
    assert _rows(small, "messages")[0]["kind"] == "feedback_request"


def test_a_message_to_a_contact_counts_as_a_check_in(workspace):
    draft = draft_message(workspace.read(), "keep_warm", contact_id="C0002", tone="brief")
    record_sent(workspace, draft, sent_on=date(2026, 11, 25))
    contact = next(r for r in _rows(workspace, "contacts") if r["id"] == "C0002")
    # Dev Ashcombe is kept warm every 60 days.
    assert (contact["last_contact_on"], contact["next_contact_on"]) == (
        "2026-11-25",
        "2027-01-24",
    )
    assert _rows(workspace, "messages")[-1]["contact_id"] == "C0002"
