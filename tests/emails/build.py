"""Write the fictional email corpus of tests/emails/ and its manifest.csv.

Every company, person and address here is invented (the domains end in .example, reserved by
RFC 2606). The files are the fixtures; this script is how they were written, kept so that a
new email is added the same way: ``python tests/emails/build.py``. Each email is built to the
bytes a mail program saves: its transfer encoding (8bit, quoted-printable, base64), its
charset (UTF-8, latin-1, cp1252), encoded headers, multipart or HTML only.

manifest.csv: ``file``, the ``kind`` the kit must decide, the ``application`` it must match
(``ask`` when the user must choose, empty for mail about no job), the application ``changes``
(``field=value`` joined by ``;``), ``feedback`` (1 when the email's feedback is recorded) and
``interview`` (the day of the pending interview an invitation adds).
"""

from __future__ import annotations

import base64
import csv
import quopri
from email.header import Header
from pathlib import Path

HERE = Path(__file__).resolve().parent
ME = "Sam Carter <sam.carter@mailbox.example>"
EMAILS: list[dict] = []


def _headers(sender, subject, day, mid, extra=()):
    subject_line = subject if subject.isascii() else Header(subject, "utf-8").encode()
    sender_line = sender
    if not sender.split("<")[0].isascii():
        name, _, addr = sender.partition("<")
        sender_line = f"{Header(name.strip(), 'utf-8').encode()} <{addr}"
    lines = [f"From: {sender_line}", f"To: {ME}", f"Subject: {subject_line}",
             f"Date: {day}", f"Message-ID: <{mid}@mail.example>", *extra, "MIME-Version: 1.0"]  # fmt: skip
    return "\r\n".join(lines) + "\r\n"


def _encode(text: str, charset: str, cte: str) -> tuple[str, bytes]:
    raw = text.replace("\n", "\r\n").encode(charset)
    if cte == "quoted-printable":
        return cte, quopri.encodestring(raw)
    if cte == "base64":
        b = base64.encodebytes(raw)
        return cte, b.replace(b"\n", b"\r\n")
    return "8bit" if not raw.isascii() else "7bit", raw


def part(text, subtype="plain", charset="utf-8", cte="quoted-printable") -> bytes:
    cte, body = _encode(text, charset, cte)
    return (f"Content-Type: text/{subtype}; charset=\"{charset}\"\r\n"
            f"Content-Transfer-Encoding: {cte}\r\n\r\n").encode() + body  # fmt: skip


def email(file, kind, app, changes, sender, subject, day, body, *, html=None, charset="utf-8",
          cte="quoted-printable", extra=(), feedback=0, only_html=False, interview=""):  # fmt: skip
    mid = file.rsplit(".", 1)[0]
    head = _headers(sender, subject, day, mid, extra).encode()
    if only_html:
        data = head + part(html, "html", charset, cte)
    elif html is not None:
        boundary = f"=_{mid}_alt"
        data = (head + f'Content-Type: multipart/alternative; boundary="{boundary}"\r\n\r\n'
                .encode() + f"--{boundary}\r\n".encode() + part(body, "plain", charset, cte)
                + f"\r\n--{boundary}\r\n".encode() + part(html, "html", charset, cte)
                + f"\r\n--{boundary}--\r\n".encode())  # fmt: skip
    else:
        data = head + part(body, "plain", charset, cte)
    EMAILS.append(dict(file=file, kind=kind, application=app, changes=changes,
                       feedback=feedback, interview=interview, data=data))  # fmt: skip


def raw(file, kind, app, changes, data: bytes, feedback=0):
    EMAILS.append(dict(file=file, kind=kind, application=app, changes=changes,
                       feedback=feedback, interview="", data=data))  # fmt: skip


def _load_corpus():
    from corpus_jobs import add_job_emails
    from corpus_other import add_other_emails

    add_job_emails(email, raw, part)
    add_other_emails(email, raw, part)


def main() -> None:
    import sys

    sys.path.insert(0, str(HERE))
    _load_corpus()
    names = [e["file"] for e in EMAILS]
    assert len(names) == len(set(names)), "two emails with one file name"
    for e in EMAILS:
        (HERE / e["file"]).write_bytes(e["data"])
    with (HERE / "manifest.csv").open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["file", "kind", "application", "changes", "feedback", "interview"])
        for e in EMAILS:
            out.writerow([e["file"], e["kind"], e["application"], e["changes"], e["feedback"],
                          e["interview"]])  # fmt: skip
    print(f"Wrote {len(EMAILS)} emails and manifest.csv to {HERE}")


if __name__ == "__main__":
    main()
