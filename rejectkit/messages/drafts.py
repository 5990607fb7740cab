"""Message drafts built from the user's records: reply, ask for feedback, thank, keep warm.

A draft is rendered with jinja2 from a template file ``<kind>.<tone>.txt``: the first line is
``Subject: ...``, then a blank line, then the body. The kit's templates live in
``rejectkit/templates/messages/``; a file of the same name in ``<workspace>/templates/``
replaces the kit's one, and a new file there (``keep_warm.casual.txt``) adds a tone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from ..dates import long_date
from ..errors import RejectkitError
from ..store.schema import TABLES

__all__ = [
    "FIELDS",
    "KINDS",
    "TONES",
    "Draft",
    "TemplateError",
    "draft_message",
    "eml_bytes",
    "interview_words",
    "mailto_link",
    "template_help",
    "tones",
]

KINDS = TABLES["messages"].column("kind").choices
KIND_LABELS = {
    "rejection_reply": "Reply to the rejection",
    "feedback_request": "Ask for feedback",
    "thank_you": "Thank you after an interview",
    "keep_warm": "Keep-warm check-in",
    "feedback_nudge": "Nudge about feedback",
}
TONES = ("brief", "warm", "formal")
BUILTIN_TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "messages"
USER_TEMPLATES = "templates"
# The header that marks an .eml file as a draft the kit wrote (it may be written again).
MAILER = b"X-Mailer: rejectkit"

# What a template may use; every field is always present (empty text where the record has
# nothing), so `{% if personal %}` works and only a name outside this list is an error.
FIELDS = {
    "kind": "the kind of message, such as rejection_reply",
    "tone": "brief, warm, formal or your own",
    "to_name": "the person written to (the application's contact)",
    "first_name": "the first word of to_name",
    "to_email": "their email address",
    "company": "the organisation (for a contact without an application: its organisation)",
    "role": "the role applied for",
    "stage": "the furthest stage reached: applied, screening, interview, final or offer",
    "stage_reached": "the stage in words: the final round, the interviews, ...",
    "applied_on": "the day you applied, like 7 September",
    "outcome_on": "the day of the outcome",
    "interview": "the latest interview in words: the final interview, the phone screen",
    "interview_on": "the day of the latest interview",
    "interview_note": "what went well in the latest interview, from your notes",
    "requested_on": "the day you last asked for feedback",
    "personal": "your one personal sentence",
    "sender": "your name, for the sign-off",
}

_STAGE_WORDS = {
    "applied": "the application stage",
    "screening": "the screening stage",
    "interview": "the interviews",
    "final": "the final round",
    "offer": "the offer stage",
}
_NEEDS_APPLICATION = set(KINDS) - {"keep_warm"}


class TemplateError(RejectkitError):
    """A message template is missing, malformed or names a field the kit does not fill in."""


@dataclass(frozen=True)
class Draft:
    """A message ready to edit and send. ``contact_id`` is the contacts row it goes to, if any."""

    subject: str
    body: str
    to_name: str
    to_email: str
    kind: str
    tone: str
    application_id: str = ""
    contact_id: str = ""
    # The Message-ID of the email this answers, and its thread, so a mail program threads it.
    in_reply_to: str = ""
    references: str = ""

    def edited(self, **changes: str) -> Draft:
        """The same draft with the user's edits (subject, body, to_name, to_email)."""
        return replace(self, **changes)


def tones(path: Path | None, kind: str) -> list[str]:
    """The tones a kind has: the kit's three, then any your workspace's templates add."""
    found = {p.name.split(".")[1] for p in BUILTIN_TEMPLATES.glob(f"{kind}.*.txt")}
    if path is not None:
        found |= {p.name.split(".")[1] for p in (Path(path) / USER_TEMPLATES).glob(f"{kind}.*.txt")}
    return [t for t in TONES if t in found] + sorted(found - set(TONES))


def template_help(workspace: Path | None) -> str:
    """Where templates live and the fields they may use, for the notebook to print."""
    folder = Path(workspace) / USER_TEMPLATES if workspace is not None else "<workspace>/templates"
    lines = [
        f"The kit's templates: {BUILTIN_TEMPLATES}",
        f"Your templates:      {folder}",
        "",
        "A file in your folder named like a kit template (rejection_reply.warm.txt) replaces",
        "it; a new <kind>.<tone>.txt adds a tone. The first line is 'Subject: ...', then a",
        "blank line, then the body, in jinja2: {{ field }}, {% if field %}...{% endif %}.",
        f"The kinds: {', '.join(KINDS)}.",
        "",
        "Fields:",
        *(f"  {name:<15} {meaning}" for name, meaning in FIELDS.items()),
    ]
    return "\n".join(lines)


def draft_message(
    data,
    kind: str,
    *,
    application_id: str = "",
    contact_id: str = "",
    tone: str = "warm",
    personal: str = "",
    sender: str = "",
) -> Draft:
    """Render the ``kind`` message in ``tone`` for an application (or, to keep warm, a contact).

    >>> from rejectkit.store.workspace import Workspace
    >>> d = draft_message(Workspace("data/sample").read(), "feedback_request",
    ...                   application_id="A0020", tone="brief")
    >>> d.subject, d.to_email
    ('Feedback on my application for Product Analyst', 'maya.penhallow@example.com')
    """
    if kind not in KINDS:
        raise TemplateError(f"{kind!r} is not a kind of message; the kinds are {', '.join(KINDS)}.")
    if kind in _NEEDS_APPLICATION and not application_id:
        raise TemplateError(f"A {KIND_LABELS[kind].lower()} message needs an application.")
    if not (application_id or contact_id):
        raise TemplateError("Choose an application or a contact to write to.")
    fields = _fields(data, application_id, contact_id)
    fields.update(kind=kind, tone=tone, personal=personal.strip(), sender=sender.strip())
    subject, body = render(data.path, kind, tone, fields)
    return Draft(
        subject=subject,
        body=body,
        to_name=fields["to_name"],
        to_email=fields["to_email"],
        kind=kind,
        tone=tone,
        application_id=fields["_application_id"],
        contact_id=fields["_contact_id"],
    )


def render(workspace: Path | None, kind: str, tone: str, fields: dict) -> tuple[str, str]:
    """Render ``<kind>.<tone>.txt`` with ``fields``; return (subject, body).

    Templates render in jinja2's sandbox with no globals: a template from the workspace's
    ``templates/`` folder can fill in the fields and use filters and ``{% if %}``, but cannot
    reach Python objects (``__class__``, ``__globals__``), run code or read files outside
    the template folders. An attempt is a :class:`TemplateError` naming the file and line.
    """
    import jinja2
    import jinja2.meta
    from jinja2.sandbox import SandboxedEnvironment

    name = f"{kind}.{tone}.txt"
    folders = [str(Path(workspace) / USER_TEMPLATES)] if workspace is not None else []
    env = SandboxedEnvironment(
        loader=_folder_loader([*folders, str(BUILTIN_TEMPLATES)]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    # cycler, joiner, lipsum, namespace and range are a way in for the known escapes and
    # no template of the kit needs them.
    env.globals.clear()
    try:
        source, filename, _ = env.loader.get_source(env, name)
        template = env.get_template(name)
    except jinja2.TemplateNotFound:
        raise TemplateError(
            f"There is no template {name}: the {kind} message has the tones "
            f"{', '.join(tones(workspace, kind))}. Add {name} to {folders[0] if folders else ''} "
            "to create this tone."
        ) from None
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(
            f"The template {e.filename or name}, line {e.lineno}, is not valid: {e.message}. "
            "Fix the template file and try again."
        ) from None
    # Every name the template uses is checked before rendering, so a misspelt field inside an
    # `{% if %}` that happens to be skipped is reported too, and all of them at once.
    unknown = sorted(jinja2.meta.find_undeclared_variables(env.parse(source)) - set(FIELDS))
    if unknown:
        where = "; ".join(f"{u!r} (line {_line_of(source, u)})" for u in unknown)
        raise TemplateError(
            f"The template {filename} uses {'a field' if len(unknown) == 1 else 'fields'} the "
            f"kit does not fill in: {where}. Use one of: {', '.join(FIELDS)}; or fix the "
            "spelling in the template file."
        )
    try:
        text = template.render({k: v for k, v in fields.items() if not k.startswith("_")})
    except TemplateError:
        raise
    except jinja2.UndefinedError as e:
        raise TemplateError(
            f"The template {filename}, line {_failed_line(e, filename)}, could not be filled "
            f"in: {e.message}. Fix the template file and try again."
        ) from None
    except jinja2.TemplateNotFound as e:
        raise TemplateError(
            f"The template {filename}, line {_failed_line(e, filename)}, includes "
            f"{e.name!r}, which is not a template in {' or '.join([*folders, 'the kit'])}; a "
            "template may include only other templates of those folders, by their plain name."
        ) from None
    except jinja2.sandbox.SecurityError as e:
        raise TemplateError(
            f"The template {filename}, line {_failed_line(e, filename)}, tries to reach "
            f"outside the message ({e}), which templates may not do: they may use only the "
            f"fields ({', '.join(FIELDS)}), filters and if/for. Nothing was run; fix the "
            "template file."
        ) from None
    except Exception as e:
        raise TemplateError(
            f"The template {filename}, line {_failed_line(e, filename)}, failed: "
            f"{type(e).__name__}: {e}. Fix the template file and try again."
        ) from None
    return _split(text, filename)


def _folder_loader(folders: list[str]):
    """jinja2's FileSystemLoader that refuses a template whose real file (after following
    links) is outside its folder: a link to /etc/passwd must not be read, let alone shown."""
    import jinja2

    class Loader(jinja2.FileSystemLoader):
        def get_source(self, environment, template):
            source, filename, uptodate = super().get_source(environment, template)
            real = Path(filename).resolve()
            if not any(real.is_relative_to(Path(f).resolve()) for f in self.searchpath):
                raise TemplateError(
                    f"The template {filename} is a link to a file outside its folder, "
                    "which the kit does not read; put a copy of the template there instead."
                )
            return source, filename, uptodate

    return Loader(folders)


def _failed_line(error: BaseException, filename: str) -> int:
    """The line of ``filename`` where rendering failed, from the frames jinja2 rewrote."""
    line = 1
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _line_of(source: str, name: str) -> int:
    word = re.compile(rf"(?<![\w.]){re.escape(name)}\b")
    for number, line in enumerate(source.splitlines(), 1):
        if any(word.search(tag) for tag in re.findall(r"\{[{%].*?[}%]\}", line)):
            return number
    return 1


def _split(text: str, filename: str) -> tuple[str, str]:
    first, _, rest = text.partition("\n")
    if not first.startswith("Subject:"):
        raise TemplateError(
            f"The template {filename} must start with a line 'Subject: ...', then a blank "
            f"line, then the body; its first line is {first[:60]!r}."
        )
    # Optional paragraphs (`{% if personal %}`) leave runs of blank lines behind when they are
    # empty; one blank line between paragraphs is what a letter wants.
    body = "\n".join(line.rstrip() for line in rest.split("\n"))
    body = re.sub(r"\n{3,}", "\n\n", body).strip("\n")
    return first.removeprefix("Subject:").strip(), body + "\n"


def interview_words(round_: str) -> str:
    round_ = round_.strip()
    if not round_:
        return "the interview"
    if re.search(r"interview|screen|round|call|chat", round_, re.I):
        return f"the {round_}"
    return f"the {round_} interview"


def _fields(data, application_id: str, contact_id: str) -> dict:
    fields = dict.fromkeys(FIELDS, "")
    apps, contacts = data.applications, data.contacts
    contact = _row(contacts, "id", contact_id) if contact_id else None
    if contact_id and contact is None:
        raise TemplateError(f"There is no contact {contact_id} in contacts.csv.")
    if not application_id and contact is not None:
        application_id = contact["application_id"]
    app = _row(apps, "id", application_id) if application_id else None
    if application_id and app is None:
        raise TemplateError(f"There is no application {application_id} in applications.csv.")
    if app is not None:
        fields.update(
            company=app["company"],
            role=app["role"],
            stage=app["stage"],
            stage_reached=_STAGE_WORDS.get(app["stage"], ""),
            applied_on=long_date(app["applied_on"], year=False),
            outcome_on=long_date(app["outcome_on"], year=False),
            to_name=app["contact_name"],
            to_email=app["contact_email"],
        )
        if contact is None:
            contact = _contact_for(contacts, app)
        fields.update(_latest_interview(data.interviews, application_id))
        fields.update(requested_on=_last_request(data, application_id))
    if contact is not None:
        # The contacts row is the person kept warm; its name and email win when filled in.
        fields["to_name"] = contact["name"] or fields["to_name"]
        fields["to_email"] = contact["email"] or fields["to_email"]
        fields["company"] = fields["company"] or contact["organisation"]
    fields["first_name"] = fields["to_name"].split()[0] if fields["to_name"].strip() else ""
    fields["_application_id"] = application_id
    fields["_contact_id"] = contact["id"] if contact is not None else ""
    return fields


def _row(frame: pd.DataFrame, column: str, value: str) -> dict | None:
    found = frame.loc[frame[column] == value]
    return found.iloc[0].to_dict() if len(found) else None


def _contact_for(contacts: pd.DataFrame, app: dict) -> dict | None:
    mine = contacts.loc[contacts["application_id"] == app["id"]]
    if app["contact_email"]:
        same = mine.loc[mine["email"] == app["contact_email"]]
        mine = same if len(same) else mine
    return mine.iloc[0].to_dict() if len(mine) else None


def _latest_interview(interviews: pd.DataFrame, application_id: str) -> dict:
    mine = interviews.loc[interviews["application_id"] == application_id]
    if not len(mine):
        return {}
    last = mine.sort_values("held_on", kind="stable").iloc[-1]
    return {
        "interview": interview_words(last["round"]),
        "interview_on": long_date(last["held_on"], year=False),
        "interview_note": last["went_well"],
    }


def _last_request(data, application_id: str) -> str:
    asked = data.feedback.loc[data.feedback["application_id"] == application_id, "requested_on"]
    sent = data.tables.get("messages")
    if sent is not None and len(sent):
        mine = (sent["application_id"] == application_id) & sent["kind"].isin(
            ["feedback_request", "feedback_nudge"]
        )
        asked = pd.concat([asked, sent.loc[mine, "sent_on"]])
    asked = asked.loc[asked != ""]
    # ISO dates sort as text.
    return long_date(asked.max(), year=False) if len(asked) else ""


def mailto_link(draft: Draft) -> str:
    """A ``mailto:`` URL that opens a new message with the draft's subject and body.

    Every character but letters, digits and ``-._~`` is percent-encoded, and line breaks
    are sent as ``%0D%0A`` as RFC 6068 asks.

    >>> mailto_link(Draft("Hi & bye", "Line 1\\nLine 2", "Jo", "jo@example.org", "thank_you",
    ...                   "brief"))
    'mailto:jo@example.org?subject=Hi%20%26%20bye&body=Line%201%0D%0ALine%202'
    """
    body = _newlines(draft.body).replace("\n", "\r\n")
    # RFC 6068 lets a mailto link carry In-Reply-To; mail programs that honour it thread it.
    thread = f"&In-Reply-To={quote(draft.in_reply_to, safe='')}" if draft.in_reply_to else ""
    return (
        f"mailto:{quote(draft.to_email.strip(), safe='@')}"
        f"?subject={quote(draft.subject, safe='')}&body={quote(body, safe='')}{thread}"
    )


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def eml_bytes(draft: Draft) -> bytes:
    """The draft as an ``.eml`` file any mail program opens as an unsent message.

    >>> from email import message_from_bytes, policy
    >>> msg = message_from_bytes(eml_bytes(Draft("Thanks", "Thank you.\\n", "Jo Ng",
    ...     "jo@example.org", "thank_you", "brief")), policy=policy.default)
    >>> msg["To"], msg["X-Unsent"]
    ('Jo Ng <jo@example.org>', '1')
    """
    from email.errors import HeaderParseError
    from email.headerregistry import Address
    from email.message import EmailMessage
    from email.policy import SMTP, default

    msg = EmailMessage(policy=default)
    if draft.to_email.strip():
        name = " ".join(draft.to_name.split())
        try:
            msg["To"] = Address(display_name=name, addr_spec=draft.to_email.strip())
        except (ValueError, IndexError, HeaderParseError) as e:
            reason = "it has no domain" if isinstance(e, IndexError) else str(e).rstrip(")")
            raise RejectkitError(
                f"The email address {draft.to_email.strip()!r} is not one a mail program can "
                f"use ({reason}); write it like name@example.org, or leave it empty."
            ) from None
    # A header may not hold a line break (it would start a new header); a pasted subject can.
    msg["Subject"] = " ".join(draft.subject.split())
    if draft.in_reply_to:
        msg["In-Reply-To"] = draft.in_reply_to
        msg["References"] = " ".join([*draft.references.split(), draft.in_reply_to][-10:])
    # Outlook and Apple Mail open a message with this header as a draft to edit and send.
    msg["X-Unsent"] = "1"
    msg["X-Mailer"] = MAILER.decode().removeprefix("X-Mailer: ")
    msg.set_content(_newlines(draft.body), charset="utf-8")
    # RFC 5322 line ends (CRLF): what Outlook and Windows Mail expect in an .eml file. Headers
    # are not folded: the standard library's folding of long non-ASCII names and subjects can
    # add a space between encoded words, and a draft's headers stay far below the 998 limit.
    return msg.as_bytes(policy=SMTP.clone(max_line_length=None))
