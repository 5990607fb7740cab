"""An email, reduced to what the kit uses: from a message the standard library parsed (a saved
``.eml``, see files.py; one message of an ``.mbox``, see mbox.py) or from text pasted from a
mail program (headers optional).

Parsing is the standard library's ``email`` package with the modern policy (it decodes
quoted-printable and base64 bodies, charsets and RFC 2047 encoded headers); HTML-only bodies
become text with BeautifulSoup. What the email quotes of earlier mails is kept apart from its
own words, and a forwarded email is read as the original it forwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from email import message_from_string, policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import getaddresses

from ..errors import RejectkitError
from .maildate import parse_date

__all__ = [
    "Email",
    "EmailError",
    "decode_text",
    "from_message",
    "read_pasted",
    "starts_with_mail_headers",
]

# Lines that start the part of a mail that forwards another one, in the mail programs and
# languages the kit knows (Gmail, Outlook, Apple Mail, Thunderbird; English, German, French).
_FORWARD = re.compile(
    r"^[ \t>]*(?:-{2,}\s*(?:forwarded message|original message|weitergeleitete nachricht|"
    r"ursprüngliche nachricht|message transféré|message d'origine|message original)\s*-{2,}|"
    r"begin forwarded message:|anfang der weitergeleiteten nachricht:|"
    r"début du message réexpédié\s*:)[ \t]*$",
    re.I | re.M,
)
# "On Mon, 3 Nov 2026 at 10:12, Jo <jo@x> wrote:" and its German and French forms: what
# follows is the earlier mail being replied to.
_ATTRIBUTION = re.compile(
    r"^[ \t]*(?:on\b.{0,200}\bwrote|am\b.{0,200}\bschrieb.{0,80}|le\b.{0,200}\ba écrit)\s*:"
    r"[ \t]*$",
    re.I | re.M,
)
_OUTLOOK_QUOTE = re.compile(r"^[ \t]*(?:from|von|de)\s*:.*\n[ \t]*(?:sent|gesendet|envoyé)\s*:",
                            re.I | re.M)  # fmt: skip
_HEADER_LINE = re.compile(r"^[ \t>*]*([A-Za-zÀ-ÿ][\w \-À-ÿ]{0,20}?)[ \t]*:[ \t]*(.*)$")
_KNOWN_HEADERS = {
    "from": "from", "von": "from", "de": "from", "to": "to", "an": "to", "à": "to",
    "subject": "subject", "betreff": "subject", "objet": "subject", "date": "date",
    "sent": "date", "datum": "date", "gesendet": "date", "envoyé": "date", "cc": "cc",
    "reply-to": "reply-to", "message-id": "message-id",
}  # fmt: skip


class EmailError(RejectkitError):
    """A file or pasted text that cannot be read as an email."""


@dataclass(frozen=True)
class Email:
    """One email, reduced to what the kit uses.

    ``text`` is the email's own words; ``quoted`` the earlier mails it quotes (a reply's
    history), kept apart so that "we invited you" in a quote does not decide what a reply is.
    For a forwarded email the sender, date and subject are the original's, ``forwarded`` True.
    """

    subject: str = ""
    sender_name: str = ""
    sender_email: str = ""
    date: date | None = None
    message_id: str = ""
    references: tuple[str, ...] = ()
    text: str = ""
    quoted: str = ""
    forwarded: bool = False
    source: str = "pasted text"
    to: str = ""
    bulk: bool = False  # a mailing: a list header, or an unsubscribe link in the text

    @property
    def domain(self) -> str:
        """The sender's mail domain, lower case ("" without an address)."""
        return self.sender_email.rpartition("@")[2].lower()


def read_pasted(text: str, *, source: str = "pasted text") -> Email:
    """Read an email pasted from a mail program: with its headers, or just the body.

    >>> e = read_pasted("From: Jo Ng <jo@tallis.example>\\nSubject: Interview\\n\\n"
    ...                 "We would like to invite you to an interview.")
    >>> e.sender_email, e.subject
    ('jo@tallis.example', 'Interview')
    >>> read_pasted("Thank you for applying.").sender_email
    ''
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise EmailError("There is no text to read: paste the whole email, or upload the file.")
    if starts_with_mail_headers(text):
        # A whole message (a mail program's "Show original", or a From/Sent/To/Subject block):
        # the standard library reads it, encoded parts included.
        return from_message(message_from_string(text.lstrip(), policy=policy.default),
                            source=source)  # fmt: skip
    head, sep, body = text.strip("\n").partition("\n\n")
    found = _pseudo_headers(head)
    if found and ("from" in found or "subject" in found):
        return _from_pseudo(found, body if sep else "", source)
    return _build(source=source, body=text)


def starts_with_mail_headers(text: str) -> bool:
    """True when ``text`` starts with a header of RFC 5322 or of a mail program's export
    ("From:", "Received:", "X-Mozilla-Status:" ...); headers in another language ("Von:")
    are read as a pasted header block instead."""
    first = text.lstrip().split("\n", 1)[0]
    name, sep, _ = first.partition(":")
    return bool(sep) and name.lower() in _MAIL_HEADERS


_MAIL_HEADERS = {
    "from", "to", "subject", "date", "received", "return-path", "message-id", "mime-version",
    "delivered-to", "x-mozilla-status", "content-type", "reply-to", "cc", "sender", "x-unsent",
    "dkim-signature", "arc-seal", "x-google-smtp-source", "authentication-results",
    "x-received", "thread-topic", "references", "in-reply-to",
}  # fmt: skip


def from_message(msg: EmailMessage, *, source: str = "") -> Email:
    """An :class:`Email` from a message the standard library parsed (modern policy)."""
    inner = _attached_message(msg)
    if inner is not None:
        # Forwarded "as attachment": the attached message is the one that matters.
        email = from_message(inner, source=source)
        return _replace(email, forwarded=True)
    body = _body_text(msg, source)
    name, addr = _sender(msg)
    return _build(
        source=source,
        body=body,
        subject=_header(msg, "subject"),
        sender_name=name,
        sender_email=addr,
        sent=_date_of(msg),
        message_id=_header(msg, "message-id").strip(),
        references=tuple(_header(msg, "references").split())
        or tuple(_header(msg, "in-reply-to").split()),
        to=_header(msg, "to"),
        bulk=any(h in msg for h in ("list-unsubscribe", "list-id"))
        or _header(msg, "precedence").lower() in ("bulk", "list"),
    )


# Building the Email: quotes and forwards ---------------------------------------------------


def _build(*, source: str, body: str, subject: str = "", sender_name: str = "",
           sender_email: str = "", sent: date | None = None, message_id: str = "",
           references: tuple[str, ...] = (), to: str = "",
           bulk: bool = False) -> Email:  # fmt: skip
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    start = _forward_start(body, subject)
    if start is not None:
        head, _, rest = body[start:].lstrip("\n").partition("\n\n")
        found = _pseudo_headers(_unquote(head))
        if found:
            inner = _from_pseudo(found, _unquote(rest), source)
            return _replace(
                inner,
                forwarded=True,
                subject=inner.subject or _strip_prefix(subject),
                date=inner.date or sent,
                message_id=message_id,
                references=references,
            )
    return _plain(source, body, subject, sender_name, sender_email, sent, message_id,
                  references, to, bulk)  # fmt: skip


def _forward_start(body: str, subject: str) -> int | None:
    """Where the forwarded original's headers start, or None for a mail that forwards none."""
    forward = _FORWARD.search(body)
    above = body[: forward.start()] if forward else ""
    if forward and not _ATTRIBUTION.search(above):
        original = re.search(r"original|ursprüngliche|d'origine", forward.group(0), re.I)
        # Outlook's "Original Message" line starts a reply's quote, unless nothing is above it.
        if not (original and above.strip()):
            return forward.end()
    if re.match(r"\s*(?:fwd?|wg|tr)\s*:", subject, re.I):
        outlook = _OUTLOOK_QUOTE.search(body)  # Outlook forwards with a From/Sent block
        if outlook:
            return outlook.start()
    return None


def _plain(source, body, subject, sender_name, sender_email, sent, message_id, references, to,
           bulk=False):  # fmt: skip
    own, quoted = _split_quote(body)
    return Email(
        subject=" ".join(subject.split()),
        sender_name=sender_name,
        sender_email=sender_email,
        date=sent,
        message_id=message_id,
        references=references,
        text=own.strip(),
        quoted=quoted.strip(),
        source=source,
        to=to,
        # Only its own words: a reply may quote a newsletter's "unsubscribe".
        bulk=bulk or bool(re.search(r"\bunsubscribe\b|\bdésinscri|\babmelden\b", own, re.I)),
    )


def _replace(email: Email, **changes) -> Email:
    return replace(email, **changes)


def _split_quote(body: str) -> tuple[str, str]:
    """The email's own words, and the earlier mail it quotes."""
    cuts = [m.start() for m in (_ATTRIBUTION.search(body), _OUTLOOK_QUOTE.search(body),
                                _FORWARD.search(body)) if m]  # fmt: skip
    quoted_lines = re.search(r"^[ \t]*>.*(?:\n[ \t]*>.*){1,}", body, re.M)
    if quoted_lines:
        cuts.append(quoted_lines.start())
    cut = min(cuts) if cuts else len(body)
    if cut and not body[:cut].strip():
        return body, ""  # nothing above the quote: the quote is all there is
    return body[:cut], body[cut:]


def _unquote(text: str) -> str:
    return re.sub(r"^[ \t]*> ?", "", text, flags=re.M)


def _strip_prefix(subject: str) -> str:
    return re.sub(r"^\s*(?:(?:fwd?|wg|tr|re|aw)\s*:\s*)+", "", subject, flags=re.I)


def _pseudo_headers(head: str) -> dict[str, str]:
    """Header lines of a pasted or forwarded mail ("From: ...", "Betreff: ..."), by meaning."""
    found: dict[str, str] = {}
    last = None
    for line in head.split("\n"):
        m = _HEADER_LINE.match(line)
        key = _KNOWN_HEADERS.get(m.group(1).strip().lower()) if m else None
        if key:
            found.setdefault(key, m.group(2).strip())
            last = key
        elif last and line[:1] in (" ", "\t") and line.strip():
            found[last] += " " + line.strip()  # a folded header
        else:
            return {}  # a line that is no header: this is not a header block
    return found


def _from_pseudo(found: dict[str, str], body: str, source: str) -> Email:
    name, addr = _address(found.get("from", ""))
    return _build(
        source=source,
        body=body,
        subject=found.get("subject", ""),
        sender_name=name,
        sender_email=addr,
        sent=parse_date(found.get("date", "")),
        message_id=found.get("message-id", ""),
        to=found.get("to", ""),
    )


# Headers ------------------------------------------------------------------------------------


def _header(msg: EmailMessage, name: str) -> str:
    try:
        value = msg.get(name)
    except (ValueError, IndexError, TypeError):  # a header the parser cannot make sense of
        value = msg.get_all(name, failobj=[""])[0] if name in msg else ""
    return " ".join(str(value or "").split())


def _sender(msg: EmailMessage) -> tuple[str, str]:
    try:
        header = msg.get("from")
        addresses = getattr(header, "addresses", ())
        if addresses:
            a: Address = addresses[0]
            return a.display_name.strip(), a.addr_spec.strip().lower()
    except (ValueError, IndexError, TypeError):
        pass
    return _address(_header(msg, "from"))


def _address(text: str) -> tuple[str, str]:
    """("Jo Ng", "jo@x.example") from "Jo Ng <jo@x.example>" and the like, also from a
    pasted "Jo Ng [mailto:jo@x.example]"."""
    text = re.sub(r"\[mailto:([^\]]+)\]", r"<\1>", text)
    pairs = getaddresses([text])
    if not pairs:
        return "", ""
    name, addr = pairs[0]
    if "@" not in addr:
        found = re.search(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text)
        addr = found.group(0) if found else ""
        name = name or text.split("<")[0].strip(' "')
    return name.strip(" \"'"), addr.strip().lower()


def _date_of(msg: EmailMessage) -> date | None:
    # Text pasted from Outlook says "Sent:" where a saved mail says "Date:".
    return parse_date(_header(msg, "date") or _header(msg, "sent"))


# Bodies -------------------------------------------------------------------------------------


def _attached_message(msg: EmailMessage) -> EmailMessage | None:
    if not msg.is_multipart():
        return None
    for part in msg.walk():
        if part.get_content_type() == "message/rfc822":
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            # Only when the outer mail says nothing of its own: a forward as an attachment.
            own = _body_text(msg, "", allow_empty=True)
            if inner is not None and len(own.strip()) < 400:
                return inner
    return None


def _body_text(msg: EmailMessage, source: str, *, allow_empty: bool = False) -> str:
    try:
        part = msg.get_body(preferencelist=("plain", "html"))
    except (KeyError, TypeError):
        part = None
    text = ""
    if part is not None:
        text = _part_text(part)
        if part.get_content_subtype() == "html":
            from .html import html_to_text

            text = html_to_text(text)
    if not text.strip() and part is not None and part.get_content_subtype() == "plain":
        html_part = msg.get_body(preferencelist=("html",))
        if html_part is not None:
            from .html import html_to_text

            text = html_to_text(_part_text(html_part))
    if not text.strip() and not allow_empty:
        defects = [type(d).__name__ for p in msg.walk() for d in p.defects]
        why = f" (the file is damaged: {', '.join(sorted(set(defects)))})" if defects else ""
        raise EmailError(
            f"{source or 'The email'} has no text to read{why}. Save the email again from your "
            "mail program (as .eml), or paste its text."
        )
    return text


def _part_text(part) -> str:
    try:
        return part.get_content()
    except (LookupError, ValueError, AssertionError):
        # An unknown or wrong charset: the bytes decoded as well as they can be.
        payload = part.get_payload(decode=True) or b""
        return decode_text(payload, "")


def decode_text(data: bytes, name: str) -> str:
    """Bytes that claim to be text: UTF-8, else Windows' cp1252; binary data is refused."""
    for encoding in ("utf-8", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _printable(text):
            return text
    raise EmailError(
        f"{name or 'The file'} is not an email: it holds binary data, not text or mail headers. "
        "Choose the .eml or .msg file your mail program saved, or paste the email's text."
    )


def _printable(text: str) -> bool:
    if not text:
        return False
    bad = sum(1 for c in text[:20000] if (c < " " and c not in "\t\n\r\f") or c == "\ufffd")
    return bad / min(len(text), 20000) < 0.01
