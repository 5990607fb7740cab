"""The message form: pick an application, a kind and a tone, edit the draft, send it your way.

Copying to the clipboard needs the browser: the "Copy" buttons are plain HTML buttons whose
``onclick`` calls ``navigator.clipboard.writeText`` (with a select-and-copy fallback where the
page is not a secure context). An ipywidgets HTML widget renders that markup the same way in
JupyterLab and in Voila (its view sets ``innerHTML`` unsanitised, so inline handlers run),
and no kernel round trip is involved, so copying works even while the kernel is busy. The
text copied is embedded in the button, re-rendered on every edit; a browser test checks it.
"""

from __future__ import annotations

import base64
import html
import json
from datetime import date

from ..analysis.mindset import FEEDBACK_NOT_FAILURE, how_far
from ..dates import long_date
from ..errors import RejectkitError
from ..messages.drafts import (
    KIND_LABELS,
    KINDS,
    TONES,
    Draft,
    draft_message,
    interview_words,
    mailto_link,
    tones,
)
from ..records.sent import record_sent, sent_for, write_eml
from .cells import WidgetView, error_html

__all__ = ["DraftPanel", "MessageForm"]

# Some mail programs cut mailto links around 2,000 characters.
_LONG_LINK = 2000
_BUTTON = (
    "display:inline-block;padding:4px 12px;margin:2px 6px 2px 0;border:1px solid #888;"
    "border-radius:3px;background:#f4f4f4;color:#222;text-decoration:none;cursor:pointer;"
    "font:inherit;"
)
_COPY_JS = (
    "(function(b,t){{var l=b.textContent;function done(){{b.textContent='Copied';"
    "setTimeout(function(){{b.textContent=l}},1500)}}function fallback(){{"
    "var a=document.createElement('textarea');a.value=t;document.body.appendChild(a);a.select();"
    "try{{document.execCommand('copy');done()}}finally{{document.body.removeChild(a)}}}}"
    "if(navigator.clipboard&&window.isSecureContext){{navigator.clipboard.writeText(t)"
    ".then(done,fallback)}}else{{fallback()}}}})(this,{text})"
)


def copy_button(label: str, text: str) -> str:
    """An HTML button that copies ``text`` to the clipboard when clicked (in the browser)."""
    # json.dumps gives a JavaScript string literal; html.escape makes it safe in the attribute.
    script = _COPY_JS.format(text=json.dumps(text))
    return (
        f'<button type="button" style="{_BUTTON}" onclick="{html.escape(script, quote=True)}">'
        f"{html.escape(label)}</button>"
    )


def _error_html(error: Exception) -> str:
    if isinstance(error, RejectkitError):
        text = str(error)
    else:
        text = (
            f"Something went wrong in the kit ({type(error).__name__}: {error}); please report it."
        )
    return error_html(text)


def _ok_html(text: str, extra: str = "") -> str:
    return f'<div style="color:#1b5e20">{html.escape(text)}{extra}</div>'


class DraftPanel(WidgetView):
    """The editable draft and its actions: copy, open in mail program, .eml, mark as sent.

    ``on_sent(draft, message_id)`` is called after a message is recorded as sent.
    """

    def __init__(self, ws, *, today: date, on_sent=None, thread: dict | None = None):
        import ipywidgets as w

        self.ws = ws
        self.today = today
        self.on_sent = on_sent
        # In-Reply-To and References of the email being answered (see rejectkit.inbox).
        self.thread = dict(thread or {})
        self.draft: Draft | None = None
        wide = w.Layout(width="100%")
        self.to_name = w.Text(description="To", layout=w.Layout(width="50%"))
        self.to_email = w.Text(description="Email", layout=w.Layout(width="50%"))
        self.subject = w.Text(description="Subject", layout=wide)
        self.body = w.Textarea(layout=w.Layout(width="100%", height="20em"))
        self.actions = w.HTML()
        self.download = w.Button(description="Download .eml", icon="download")
        self.sent_on = w.DatePicker(description="Sent on", value=today)
        self.mark_sent = w.Button(description="Mark as sent", icon="check", button_style="success")
        self.message = w.HTML()
        self.download.on_click(self._on(self._download))
        self.mark_sent.on_click(self._on(self._mark_sent))
        for field in (self.to_name, self.to_email, self.subject, self.body):
            field.observe(self._refresh_actions, "value")
        self.widget = w.VBox(
            [
                w.HBox([self.to_name, self.to_email]),
                self.subject,
                self.body,
                self.actions,
                w.HBox([self.download, self.sent_on, self.mark_sent]),
                self.message,
            ]
        )
        self._set_enabled(False)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    def show(self, draft: Draft) -> None:
        """Put a fresh draft in the fields (replacing what was typed there)."""
        self.draft = draft
        self.message.value = ""
        self.to_name.value = draft.to_name
        self.to_email.value = draft.to_email
        self.subject.value = draft.subject
        self.body.value = draft.body
        self._set_enabled(True)
        self._refresh_actions()

    def clear(self) -> None:
        self.draft = None
        for field in (self.to_name, self.to_email, self.subject, self.body):
            field.value = ""
        self.actions.value = ""
        self._set_enabled(False)

    def current(self) -> Draft | None:
        """The draft as edited by the user."""
        if self.draft is None:
            return None
        return self.draft.edited(
            subject=self.subject.value,
            body=self.body.value,
            to_name=self.to_name.value,
            to_email=self.to_email.value,
            **self.thread,
        )

    def _set_enabled(self, on: bool) -> None:
        for button in (self.download, self.mark_sent):
            button.disabled = not on

    def _refresh_actions(self, change=None) -> None:
        draft = self.current()
        if draft is None:
            self.actions.value = ""
            return
        link = mailto_link(draft)
        parts = [
            copy_button("Copy message", draft.body),
            copy_button("Copy subject", draft.subject),
            f'<a href="{html.escape(link, quote=True)}" style="{_BUTTON}">Open in mail program</a>',
        ]
        if not draft.to_email.strip():
            parts.append("<em>No email address yet: type it in the Email field above.</em>")
        if len(link) > _LONG_LINK:
            parts.append(
                "<br><em>This message is long: some mail programs cut long links, so if the "
                "text arrives cut, use Copy message or the .eml file instead.</em>"
            )
        self.actions.value = "".join(parts)

    def _download(self) -> None:
        draft = self.current()
        path = write_eml(self.ws.path, draft, today=self.today)
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        link = (
            f' <a download="{html.escape(path.name, quote=True)}" '
            f'href="data:message/rfc822;base64,{data}">Download it</a>'
        )
        self.message.value = _ok_html(f"Saved {path}. Open it in your mail program, or:", link)

    def _mark_sent(self) -> None:
        draft = self.current()
        sent_on = self.sent_on.value or self.today
        message_id = record_sent(self.ws, draft, sent_on=sent_on)
        note = f"Recorded as sent on {sent_on.isoformat()} ({message_id} in messages.csv)."
        if draft.kind == "feedback_request" and draft.application_id:
            note += (
                " The kit now knows you asked for feedback (feedback.csv), and the due list "
                "suggests a polite nudge if no answer comes."
            )
        if draft.contact_id:
            note += f" Your next check-in with {draft.to_name or draft.contact_id} moved on."
        self.message.value = _ok_html(note)
        if self.on_sent is not None:
            self.on_sent(draft, message_id)


class MessageForm(WidgetView):
    """Draft a reply, a feedback request, a thank-you, a check-in or a nudge for an application.

    ``thread`` (``in_reply_to``, ``references``) answers a given email: the inbox form passes
    the one it just read, so the downloaded .eml threads under it.

    >>> from rejectkit.store.workspace import Workspace
    >>> form = MessageForm(Workspace("data/sample"), today=date(2026, 11, 25))
    >>> form.application.value, form.panel.subject.value
    ('A0020', 'Thank you for letting me know')
    """

    def __init__(
        self,
        ws,
        *,
        today: date,
        application_id: str | None = None,
        kind: str = "rejection_reply",
        tone: str = "warm",
        thread: dict | None = None,
    ):
        import ipywidgets as w

        self.ws = ws
        self.today = today
        self.data = None
        self._quiet = False
        self.application = w.Dropdown(description="Application", layout=w.Layout(width="100%"))
        self.kind = w.Dropdown(
            description="Message", options=[(KIND_LABELS[k], k) for k in KINDS], value=kind
        )
        self.tone = w.ToggleButtons(description="Tone", options=list(TONES), value=tone)
        self.personal = w.Text(
            description="Personal",
            placeholder="One sentence of your own, e.g. what you enjoyed discussing",
            layout=w.Layout(width="100%"),
        )
        self.sender = w.Text(description="Your name", placeholder="for the sign-off")
        self.note = w.HTML()
        self.message = w.HTML()
        self.panel = DraftPanel(ws, today=today, on_sent=self._sent, thread=thread)
        self.widget = w.VBox(
            [
                w.HTML("<h3>Reply, ask for feedback, keep warm</h3>"),
                self.application,
                self.note,
                w.HBox([self.kind, self.tone]),
                self.personal,
                self.sender,
                self.message,
                self.panel.widget,
            ]
        )
        self._reload(application_id)
        for field in (self.application, self.kind, self.tone):
            field.observe(self._changed, "value")
        for field in (self.personal, self.sender):
            field.observe(self._redraft, "value")
        self._changed()
        self._track()

    def _reload(self, keep: str | None = None) -> None:
        try:
            self.data = self.ws.load()
        except RejectkitError as e:
            self.message.value = _error_html(e)
            self.data = None
            return
        options = _application_options(self.data)
        keep = keep or self.application.value
        values = [v for _, v in options]
        # New options reset the selection; the draft is redone once, by the caller.
        self._quiet = True
        try:
            self.application.options = options
            self.application.value = keep if keep in values else (values[0] if values else None)
        finally:
            self._quiet = False

    def _changed(self, change=None) -> None:
        if self._quiet:
            return
        available = tones(self.ws.path, self.kind.value)
        if list(self.tone.options) != available:
            current = self.tone.value
            self.tone.options = available
            self.tone.value = current if current in available else available[0]
        self._show_note()
        self._redraft()

    def _show_note(self) -> None:
        if self.data is None or not self.application.value:
            self.note.value = ""
            return
        app_id = self.application.value
        apps = self.data.applications
        outcome = apps.loc[apps["id"] == app_id, "outcome"].iat[0]
        lines = []
        if outcome == "rejected":
            lines.append(f"<b>{html.escape(FEEDBACK_NOT_FAILURE)}</b> ")
            lines.append(html.escape(how_far(self.data, app_id)))
        if sent := sent_for(self.data, app_id):
            lines.append(f"<br>{html.escape(sent)}")
        hint = _interview_hint(self.data, app_id)
        if hint and self.kind.value in ("thank_you", "keep_warm", "rejection_reply"):
            lines.append(f"<br><em>{html.escape(hint)}</em>")
        self.note.value = "".join(lines)

    def _redraft(self, change=None) -> None:
        if self.data is None or not self.application.value:
            self.panel.clear()
            return
        try:
            draft = draft_message(
                self.data,
                self.kind.value,
                application_id=self.application.value,
                tone=self.tone.value,
                personal=self.personal.value,
                sender=self.sender.value,
            )
        except RejectkitError as e:
            self.message.value = _error_html(e)
            self.panel.clear()
            return
        self.message.value = ""
        self.panel.show(draft)

    def _sent(self, draft: Draft, message_id: str) -> None:
        status = self.panel.message.value
        self._reload(draft.application_id)
        if draft.kind == "rejection_reply":
            # Step 3 of the method follows the reply: ask for specific feedback.
            self.kind.value = "feedback_request"
            status += _ok_html("Next: the feedback request below, ready to send.")
        else:
            self._changed()
        self.panel.message.value = status


def _application_options(data) -> list[tuple[str, str]]:
    """Rejected applications first (latest rejection first), then the rest, latest first."""
    apps = data.applications
    rejected = apps.loc[apps["outcome"] == "rejected"].sort_values(
        ["outcome_on", "id"], ascending=False
    )
    others = apps.loc[apps["outcome"] != "rejected"].sort_values(
        ["applied_on", "id"], ascending=False
    )
    options = []
    for frame in (rejected, others):
        for app_id, company, role, outcome, when in zip(
            frame["id"],
            frame["company"],
            frame["role"],
            frame["outcome"],
            frame["outcome_on"],
            strict=True,
        ):
            status = f"{outcome} {when}" if when else outcome
            options.append((f"{company}: {role} ({status}) {app_id}", app_id))
    return options


def _interview_hint(data, application_id: str) -> str:
    interviews = data.interviews
    mine = interviews.loc[interviews["application_id"] == application_id]
    if not len(mine):
        return ""
    last = mine.sort_values("held_on").iloc[-1]
    if not last["went_well"]:
        return ""
    when = long_date(last["held_on"], year=False)
    return (
        f"From your notes on {interview_words(last['round'])} ({when}): "
        f"{last['went_well']} Something specific like this makes a good personal sentence."
    )
