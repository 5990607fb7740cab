"""What an email is, decided from phrase lists: the whole corpus, the confusion table, and the
user's own phrase file."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from inbox_support import EMAILS, MANIFEST

from rejectkit.inbox.classify import KINDS, PhraseError, classify, load_phrases
from rejectkit.inbox.files import read_email
from rejectkit.inbox.read import read_pasted


def test_the_corpus_is_large_and_covers_every_kind():
    kinds = Counter(row["kind"] for row in MANIFEST)
    assert len(MANIFEST) >= 60
    assert set(kinds) == set(KINDS)
    assert min(kinds.values()) >= 4, kinds


def test_every_email_of_the_corpus_gets_its_label(capsys):
    decided = {row["file"]: classify(read_email(EMAILS / row["file"])) for row in MANIFEST}
    table = Counter((row["kind"], decided[row["file"]].kind) for row in MANIFEST)
    right = sum(n for (want, got), n in table.items() if want == got)
    with capsys.disabled():
        width = max(map(len, KINDS))
        print(f"\nconfusion table (rows: expected, columns: decided), {len(MANIFEST)} emails")
        print(" " * width, *(k[:8].rjust(8) for k in KINDS))
        for want in KINDS:
            print(want.ljust(width), *(str(table[(want, got)]).rjust(8) for got in KINDS))
        print(f"accuracy: {right}/{len(MANIFEST)} = {right / len(MANIFEST):.1%}")
    wrong = {f: (row["kind"], decided[f].why) for row in MANIFEST
             if decided[(f := row["file"])].kind != row["kind"]}  # fmt: skip
    assert wrong == {}


@pytest.mark.parametrize(
    "file, why",
    [
        ("r01_corvid_plain.eml", "rejection: 'decided not to move forward'"),
        ("r03_lumen_after_interview.eml",
         "rejection: 'decided to move forward with other candidates' (stage reached: interview, "
         "'following your interview')"),
        ("r13_blauwal_de.eml", "rejection: 'leider müssen wir ihnen mitteilen'"),
        ("r14_atelier_fr_latin1.eml", "rejection: 'avons le regret de vous informer'"),
        ("i02_corvid_initial_call.eml",
         "interview invitation: 'pick a time' (stage reached: screening, 'initial call')"),
        ("o01_quillon_offer.eml", "offer: 'delighted to offer you'"),
        ("q01_cobalt_salary.eml", "request for information: 'could you send us'"),
        ("a01_corvid_received.eml", "application received: 'received your application'"),
        ("n04_order_delayed.eml",
         "not about a job: 'regret to inform you' but no word of a job application "
         "(application, role, interview, ...)"),
        ("n09_forum_digest.eml",
         "not about a job: a mailing list or newsletter (it has an unsubscribe link), though it "
         "says 'decided not to move forward'"),
        ("n05_friend_dinner.eml", "not about a job: no phrase of the lists is in it"),
    ],
)  # fmt: skip
def test_each_decision_is_explained_in_one_line(file, why):
    assert classify(read_email(EMAILS / file)).why == why


def test_what_a_reply_quotes_does_not_decide_it():
    # The rejection quotes the earlier invitation; the invitation quotes "Unfortunately".
    assert classify(read_email(EMAILS / "r17_cobalt_reply_quoting_invite.eml")).kind == "rejection"
    assert classify(read_email(EMAILS / "i08_cobalt_invite_reply_thread.eml")).kind == "invitation"
    assert classify(read_email(EMAILS / "r27_tallis_outlook_reply.eml")).kind == "rejection"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("We’ve decided NOT to\nmove  forward with your application.", "rejection"),
        ("Unfortunately we are unable to offer you the position.", "rejection"),
        ("We are pleased to offer you the position.", "offer"),
        ("Thank you for applying. We'd like to invite you to an interview.", "invitation"),
        ("Thank you for your application; we will review your application soon.", "received"),
        ("Unfortunately the 3pm slot for the interview is taken.", "not_job"),
        ("", "not_job"),
    ],
)
def test_phrases_match_across_case_spaces_line_breaks_and_apostrophes(text, kind):
    assert classify(read_pasted(f"Subject: Update\n\n{text or 'Hello.'}")).kind == kind


def test_a_users_phrase_file_adds_and_drops_phrases(tmp_path):
    email = read_pasted("Subject: Data Analyst role\n\nWe shall not be pursuing your candidacy.")
    assert classify(email, load_phrases(tmp_path)).kind == "not_job"
    (tmp_path / "inbox-phrases.txt").write_text(
        "# my recruiters' wording\n[rejection]\nnot be pursuing your *\n\n[received]\n"
        "!thank you for applying\n",
        encoding="utf-8",
    )
    mine = load_phrases(tmp_path)
    assert classify(email, mine).why == "rejection: 'not be pursuing your candidacy'"
    thanks = read_pasted("Subject: Hi\n\nThank you for applying for the role.")
    assert classify(thanks, mine).kind == "not_job"
    assert classify(thanks, load_phrases()).kind == "received"


@pytest.mark.parametrize(
    "text, message",
    [
        ("[rejections]\nno thanks\n", "inbox-phrases.txt:1: '[rejections]' is not a section"),
        ("no thanks\n", "inbox-phrases.txt:1: the phrase 'no thanks' comes before any section"),
        ("[offer]\n\n  *  \n", "inbox-phrases.txt:3: '*' has no words to look for."),
    ],
)
def test_a_broken_phrase_file_is_named_by_line(tmp_path, text, message):
    (tmp_path / "inbox-phrases.txt").write_text(text, encoding="utf-8")
    with pytest.raises(PhraseError, match=f"^{re.escape(message)}"):
        load_phrases(tmp_path)


@settings(max_examples=60, deadline=None)
@given(
    row=st.sampled_from(MANIFEST),
    quoted=st.lists(st.sampled_from([
        "We have decided not to move forward.", "We'd like to invite you to an interview.",
        "I am delighted to offer you the role.", "Thank you for applying!", "Unsubscribe",
        "Could you send us your CV?", "random words"]), min_size=1, max_size=4),
)  # fmt: skip
def test_what_a_reply_quotes_never_changes_the_decision(row, quoted):
    email = read_email(EMAILS / row["file"])
    # The same words, pasted with a quote of an earlier mail below them (pasted text has no
    # list headers, so the comparison is with the email as pasted without a quote).
    head = f"From: {email.sender_name} <{email.sender_email}>\nSubject: {email.subject}\n\n"
    plain = read_pasted(head + email.text)
    quote = "\n".join(f"> {line}" for line in quoted)
    again = read_pasted(f"{head}{email.text}\n\nOn Mon, 2 Nov 2026 at 10:00, Sam "
                        f"<sam@mailbox.example> wrote:\n{quote}\n")  # fmt: skip
    assert again.text == plain.text and again.quoted.startswith("On Mon, 2 Nov 2026")
    assert classify(again).kind == classify(plain).kind
