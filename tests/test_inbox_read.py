"""Reading emails as people have them: every transfer encoding and charset of the corpus,
forwards and replies, text pasted with or without headers, Outlook .msg files, and files that
are no email at all (each refused with a clear message)."""

from __future__ import annotations

import base64
import os
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from inbox_support import EMAILS

from rejectkit.inbox.files import MAX_BYTES, read_email
from rejectkit.inbox.html import html_to_text
from rejectkit.inbox.read import EmailError, read_pasted

D = date.fromisoformat


@pytest.mark.parametrize(
    "file, name, address, day, subject, says",
    [
        # 7bit plain text
        ("r01_corvid_plain.eml", "Ana Ruiz", "ana.ruiz@corvidsystems.example", "2026-10-20",
         "Your application for BI Developer", "we have decided not to move forward"),
        # windows-1252 quoted-printable body, RFC 2047 subject with an en dash
        ("r04_quillon_final_cp1252.eml", "Nadia Brightwell", "n.brightwell@quillonbank.example",
         "2026-10-28", "Risk Analyst – final round outcome", "I’m sorry to let you know that we’ve"),
        # base64 UTF-8 body, an encoded display name
        ("r06_orbit_final_base64.eml", "Tomás Ferreira", "tomas.ferreira@orbitrail.example",
         "2026-11-02", "Data Scientist role", "decided to offer the role to another candidate"),
        # HTML only: entities, a style sheet that is not text
        ("r07_wren_html_only.eml", "Wren Studio", "jobs@wrenstudio.example", "2026-10-05",
         "Your application to Wren Studio", "unfortunately we won’t be progressing"),
        # ISO-8859-1, 8bit
        ("r08_kestrel_latin1.eml", "Kestrel AI Talent", "talent@kestrel-ai.example", "2026-10-26",
         "ML Engineer", "Renée Dubois"),
        # a date in a time zone behind UTC keeps the sender's day
        ("r05_perch_greenhouse.eml", "Perch Media", "no-reply@us.greenhouse-mail.io",
         "2026-10-16", "Thank you for your interest in Perch Media", "will not be moving forward"),
        # German, quoted-printable UTF-8
        ("r13_blauwal_de.eml", "Julia Becker", "julia.becker@blauwal-software.example",
         "2026-10-21", "Ihre Bewerbung als Data Engineer", "Mit freundlichen Grüßen"),
        # ISO-8859-1 base64, German
        ("r15_nordlicht_de_base64.eml", "Nordlicht Energie AG",
         "karriere@nordlicht-energie.example", "2026-10-30", "Absage: BI Analyst",
         "für eine andere Kandidatin entschieden"),
        # multipart/alternative: the plain part is read
        ("r25_larchmont_lever.eml", "Larchmont Studios", "no-reply@hire.lever.co", "2026-10-25",
         "Larchmont Studios - Data Analyst", "our team has decided to move forward"),
        # a forward from Gmail: the original's sender, date and subject
        ("r18_gannet_forwarded_gmail.eml", "Gannet Outdoor Careers",
         "careers@gannetoutdoor.example", "2026-10-29", "Your application to Gannet Outdoor",
         "will not be taking your application further"),
        # a forward from Outlook ("FW:", a From/Sent block)
        ("r19_mistral_forward_outlook.eml", "Hannah Lowe", "hannah.lowe@mistralpayments.example",
         "2026-11-02", "Junior Analyst - Mistral Payments", "decided not to proceed"),
        # a forward from Apple Mail ("Begin forwarded message:")
        ("o04_kestrel_offer_apple_forward.eml", "Renée Dubois", "renee.dubois@kestrel-ai.example",
         "2026-11-14", "Your offer from Kestrel AI", "excited to offer you the ML Engineer role"),
        # text pasted from Outlook and saved: "Sent:" instead of "Date:"
        ("r23_holloway_pasted_outlook.txt", "Rachel Moss", "rachel.moss@hollowaypike.example",
         "2026-11-03", "Reporting Analyst - second interview", "move forward with another"),
    ],
)  # fmt: skip
def test_each_way_an_email_is_saved_is_read(file, name, address, day, subject, says):
    email = read_email(EMAILS / file)
    assert (email.sender_name, email.sender_email, email.date, email.subject) == (
        name, address, D(day), subject)  # fmt: skip
    assert says in email.text


@pytest.mark.parametrize(
    "file, own, quoted",
    [
        ("r17_cobalt_reply_quoting_invite.eml", "we won't be moving forward",
         "We'd like to invite you to an interview"),
        ("i08_cobalt_invite_reply_thread.eml", "We'd like to schedule a technical interview",
         "Unfortunately I couldn't find the status online"),
        ("r27_tallis_outlook_reply.eml", "decided to go in a different direction",
         "delighted to offer you any more details"),
    ],
)  # fmt: skip
def test_a_reply_keeps_what_it_quotes_apart(file, own, quoted):
    email = read_email(EMAILS / file)
    assert own in email.text and quoted not in email.text
    assert quoted in email.quoted
    assert not email.forwarded


def test_the_forwarded_original_is_read_and_marked():
    email = read_email(EMAILS / "r18_gannet_forwarded_gmail.eml")
    assert email.forwarded and email.text.startswith("Dear Sam,")
    assert "FYI" not in email.text
    assert email.message_id == "<r18_gannet_forwarded_gmail@mail.example>"


def test_message_id_and_thread_are_kept():
    email = read_email(EMAILS / "r17_cobalt_reply_quoting_invite.eml")
    assert email.message_id == "<r17_cobalt_reply_quoting_invite@mail.example>"
    assert email.references == ("<i08_cobalt_invite_reply_thread@mail.example>",)


def test_a_mailing_is_known_by_its_list_headers_or_unsubscribe_link():
    assert read_email(EMAILS / "n01_newsletter_offer_tips.eml").bulk
    assert read_email(EMAILS / "n06_bank_statement_html.eml").bulk is False
    assert read_email(EMAILS / "r01_corvid_plain.eml").bulk is False


def test_pasted_text_with_and_without_headers():
    with_headers = read_pasted(
        "From: Jo Ng <Jo.Ng@Tallis.example>\r\nDate: Tue, 3 Nov 2026 10:00:00 +0000\r\n"
        "Subject: Interview\r\n  next week\r\n\r\nWe would like to invite you.\r\n"
    )
    assert (with_headers.sender_name, with_headers.sender_email, with_headers.date,
            with_headers.subject, with_headers.text) == (
        "Jo Ng", "jo.ng@tallis.example", D("2026-11-03"), "Interview next week",
        "We would like to invite you.")  # fmt: skip
    body = read_pasted("Dear Sam,\n\nThank you: we will not proceed.\n")
    assert (body.sender_email, body.date, body.subject) == ("", None, "")
    assert body.text == "Dear Sam,\n\nThank you: we will not proceed."
    german = read_pasted("Von: Julia Becker <jb@blauwal.example>\nGesendet: 21.10.2026 10:30\n"
                         "Betreff: Ihre Bewerbung\n\nLeider ...")  # fmt: skip
    assert (german.sender_email, german.date, german.subject) == (
        "jb@blauwal.example",
        D("2026-10-21"),
        "Ihre Bewerbung",
    )


def test_html_becomes_the_text_a_reader_sees_with_quotes_marked():
    text = html_to_text(
        "<div dir=ltr>Thanks,<br>Ben</div><div class=gmail_quote><div>On Mon, Jo wrote:</div>"
        "<blockquote>We are <b>pleased</b> to&nbsp;invite you.</blockquote></div>"
        "<script>alert(1)</script>"
    )
    assert text.startswith("Thanks,\nBen\n")
    assert "> We are\n> pleased\n> to invite you." in text or "> We are pleased" in text
    assert "alert" not in text


# Files that are no email ---------------------------------------------------------------------


def _truncated_multipart() -> bytes:
    return (b"From: a@b.example\r\nSubject: Your application\r\nMIME-Version: 1.0\r\n"
            b'Content-Type: multipart/mixed; boundary="XYZ"\r\n\r\n--XYZ\r\n'
            b"Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            b"JVBERi0xLjQK")  # fmt: skip


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.eml", b"", "empty.eml is empty: save the email again from your mail program."),
        ("blank.eml", b"\r\n \n", "blank.eml is empty"),
        ("noise.eml", bytes(range(256)) * 40, "noise.eml is not an email: it holds binary data"),
        ("cut.eml", _truncated_multipart(), "cut.eml has no text to read (the file is damaged: "
         "CloseBoundaryNotFoundDefect"),
        ("mail.msg", b"From: a@b.example\n\nHi", "mail.msg is not an Outlook message"),
        ("broken.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
         "broken.msg could not be read as an Outlook message"),
    ],
)  # fmt: skip
def test_a_file_that_is_no_email_gets_a_clear_message(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(EmailError, match=f"^{re.escape(message)}"):
        read_email(path)


def test_an_email_with_a_50_mb_attachment_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "with-video.eml"
    attachment = base64.encodebytes(os.urandom(37_500_000))
    path.write_bytes(
        b"From: a@b.example\r\nSubject: Your application\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="B"\r\n\r\n--B\r\nContent-Type: text/plain\r\n'
        b"\r\nWe regret to inform you.\r\n--B\r\nContent-Type: video/mp4\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n" + attachment + b"\r\n--B--\r\n"
    )
    assert path.stat().st_size > 50_000_000 > MAX_BYTES
    with pytest.raises(EmailError, match=r"^with-video.eml is 51 MB, more than the 30 MB one "
                       r"email may be \(a large attachment\?\)\. Save the email without"):  # fmt: skip
        read_email(path)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(EmailError, match=r"^Cannot read .*nope\.eml: No such file"):
        read_email(tmp_path / "nope.eml")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_are_an_email_or_a_clear_refusal(data):
    try:
        read_email("upload.eml", data=data)
    except EmailError as e:
        assert "upload.eml" in str(e) or "paste" in str(e)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000))
def test_any_pasted_text_is_an_email_or_a_clear_refusal(text):
    try:
        email = read_pasted(text)
    except EmailError as e:
        assert "paste" in str(e)
    else:
        assert email.source == "pasted text" and "\r" not in email.text


# Outlook .msg ---------------------------------------------------------------------------------


def _msg_file(path, *, headers: bool) -> None:
    """An Outlook message written with extract-msg's own OLE writer: the MAPI properties a
    .msg holds (subject, body, sender, submit time, Message-ID; optionally the transport
    headers Outlook keeps from the mail server)."""
    import struct
    from datetime import datetime

    from extract_msg.ole_writer import OleWriter

    def u(text: str) -> bytes:
        return text.encode("utf-16-le")

    w = OleWriter()
    w.addEntry("__nameid_version1.0", storage=True)
    for stream in ("00020102", "00030102", "00040102"):
        w.addEntry(f"__nameid_version1.0/__substg1.0_{stream}", b"")
    sent = datetime(2026, 10, 21, 9, 0) - datetime(1601, 1, 1)
    # PR_CLIENT_SUBMIT_TIME (0x0039, a FILETIME) in the fixed-size property stream.
    filetime = int(sent.total_seconds() * 10**7)
    w.addEntry("__properties_version1.0", b"\0" * 32 + struct.pack("<IIQ", 0x00390040, 6, filetime))
    w.addEntry("__substg1.0_001A001F", u("IPM.Note"))
    w.addEntry("__substg1.0_0037001F", u("Your application – Data Engineer"))
    w.addEntry("__substg1.0_1000001F", u("Dear Sam,\r\n\r\nThank you for your application. "
                                         "Unfortunately we have decided not to proceed.\r\n\r\n"
                                         "Julia"))  # fmt: skip
    w.addEntry("__substg1.0_0C1A001F", u("Julia Becker"))
    w.addEntry("__substg1.0_0C1F001F", u("julia.becker@blauwal-software.example"))
    w.addEntry("__substg1.0_5D01001F", u("julia.becker@blauwal-software.example"))
    w.addEntry("__substg1.0_1035001F", u("<msg-1@blauwal-software.example>"))
    if headers:
        w.addEntry("__substg1.0_007D001F", u(
            "From: Julia Becker <julia.becker@blauwal-software.example>\r\nSubject: Your "
            "application =?utf-8?q?=E2=80=93?= Data Engineer\r\nDate: Wed, 21 Oct 2026 09:00:00 "
            "+0200\r\nMessage-ID: <msg-1@blauwal-software.example>\r\nMIME-Version: 1.0\r\n"
            'Content-Type: multipart/alternative; boundary="x"\r\n\r\n'))  # fmt: skip
    w.write(str(path))


@pytest.mark.parametrize("headers", [True, False], ids=["transport headers", "properties only"])
def test_an_outlook_msg_file_is_read(tmp_path, headers):
    path = tmp_path / "Your application.msg"
    _msg_file(path, headers=headers)
    email = read_email(path)
    assert (email.sender_name, email.sender_email, email.date, email.subject, email.message_id) == (
        "Julia Becker", "julia.becker@blauwal-software.example", D("2026-10-21"),
        "Your application – Data Engineer", "<msg-1@blauwal-software.example>")  # fmt: skip
    assert "Unfortunately we have decided not to proceed." in email.text
    # Uploaded under another name, the bytes still say it is a .msg.
    assert read_email("upload.bin", data=path.read_bytes()).subject == email.subject
