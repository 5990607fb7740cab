"""The inbox form: drop or paste an email, see what it is and what it would change, Save, then
reply. Every decision is made by ``rejectkit.inbox``; this only shows it and asks."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from ..errors import RejectkitError
from ..inbox.apply import InboxPlan, apply_plan, plan_email
from ..inbox.files import read_email
from ..inbox.read import Email, read_pasted
from ..inbox.reply import thread_of
from .cells import WidgetView
from .forms import notify
from .message_form import MessageForm

__all__ = ["EXAMPLE_EMAIL", "InboxForm"]

# A fictional rejection shipped with the kit, to try on the demo workspace (Bramblewood, A0029).
EXAMPLE_EMAIL = Path(__file__).resolve().parents[1] / "examples" / "rejection.eml"
_CHOOSE = "choose the application"


class InboxForm(WidgetView):
    """Read an email into the log: paste it or upload the saved file, check, Save.

    >>> import shutil, tempfile
    >>> from rejectkit.store.workspace import Workspace
    >>> ws = Workspace(shutil.copytree("data/sample", tempfile.mkdtemp() + "/w"))
    >>> form = InboxForm(ws, today=date(2026, 11, 25), example=True)
    >>> form.check_button.click()
    >>> form.plan.decision.kind, form.plan.match.application_id
    ('rejection', 'A0029')
    """

    def __init__(self, ws, *, today: date | None = None, example: bool | None = None):
        import ipywidgets as w

        self.ws = ws
        self._today = today
        self.email: Email | None = None
        self.plan: InboxPlan | None = None
        self.reply: MessageForm | None = None
        self.upload = w.FileUpload(accept=".eml,.msg,.txt", multiple=False,
                                   description="Upload email")  # fmt: skip
        self.text = w.Textarea(
            placeholder="Drop the email here: paste it from your mail program (with its From, "
            "Date and Subject lines if you can), or upload the saved .eml or .msg file.",
            layout=w.Layout(width="100%", height="14em"),
        )
        if example if example is not None else ws.read().demo:
            # On the demo, a fictional rejection is ready to try (nothing is saved unasked).
            self.text.value = EXAMPLE_EMAIL.read_text("utf-8").replace("\r\n", "\n")
        self.check_button = w.Button(description="Check", icon="search")
        self.picker = w.Dropdown(description="Application", layout=w.Layout(width="100%"))
        self.picker.layout.display = "none"
        self.save_button = w.Button(description="Save", button_style="primary", icon="check",
                                    disabled=True)  # fmt: skip
        self.result = w.HTML()
        self.message = w.HTML()
        self.reply_box = w.VBox()
        self.check_button.on_click(self._on(self.check))
        self.save_button.on_click(self._on(self.save))
        self.upload.observe(self._on(self._uploaded), names="value")
        self.picker.observe(self._on(self._picked), names="value")
        self.text.observe(self._on(self._typed), names="value")
        self.widget = w.VBox(
            [
                w.HTML("<h3>Drop the email here</h3>"),
                self.text,
                w.HBox([self.upload, self.check_button]),
                self.result,
                self.picker,
                self.save_button,
                self.message,
                self.reply_box,
            ]
        )
        self._track()

    def _day(self) -> date:
        # None means the clock at each check: a kernel left open overnight moves on.
        return self._today or date.today()

    # Actions -------------------------------------------------------------------------------

    def check(self) -> None:
        """Read the email and show what it is and what Save would change (nothing written)."""
        self.message.value = ""
        if self.upload.value:
            up = self.upload.value[0]
            self.email = read_email(up["name"], data=bytes(up["content"]))
        elif self.text.value.strip():
            self.email = read_pasted(self.text.value)
        else:
            raise RejectkitError("Paste the email into the box, or upload the saved file.")
        self._plan(self.picker.value or "")
        self._show_picker()

    def save(self) -> None:
        """Apply the checked plan as one save; then offer the reply."""
        if self.plan is None:
            self.check()
        plan = self.plan
        if plan.needs_choice:
            raise RejectkitError(
                f"Choose the application this email is about first ({plan.match.why})."
            )
        if not plan.about_a_job:
            raise RejectkitError("This email is not about a job application: nothing to save.")
        apply_plan(self.ws, plan)
        notify(self.ws.path)
        app = plan.application
        if plan.op is None:
            said = f"Nothing to save: {app['id']} ({app['company']}) already says this."
        else:
            parts = [f"{k} {new}" for k, (_, new) in plan.changes.items()]
            parts += ["the contact"] * bool(plan.contact and not plan.changes)
            parts += ["the feedback"] * bool(plan.feedback)
            if plan.interview:
                parts.append(f"a pending interview on {plan.interview['held_on']}")
            said = (f"Saved {app['id']} ({app['company']}, {app['role']}): {', '.join(parts)}. "
                    "One change: Undo last save takes all of it back.")  # fmt: skip
        self.message.value = f'<div style="color:#1b5e20">{html.escape(said)}</div>'
        self.save_button.disabled = True
        self._next_step(plan)

    # Helpers -------------------------------------------------------------------------------

    def _plan(self, application_id: str) -> None:
        self.plan = plan_email(self.ws, self.email, application_id=application_id,
                               today=self._day())  # fmt: skip
        self.result.value = (
            f"<pre style='white-space:pre-wrap'>{html.escape(self.plan.describe())}</pre>"
        )
        ready = self.plan.about_a_job and not self.plan.needs_choice and self.plan.has_changes
        self.save_button.disabled = not ready

    def _show_picker(self) -> None:
        plan = self.plan
        if plan is None or not plan.about_a_job or (plan.match.found and not self.picker.value):
            self.picker.layout.display = "none"
            return
        if self.picker.value:
            return  # the user's choice stands
        apps = self.ws.load().applications
        ids = [c.application_id for c in plan.match.candidates] or list(apps["id"])
        rows = apps.set_index("id").loc[ids]
        options = [(_CHOOSE, "")] + [
            (f"{i} {r['company']}, {r['role']} (applied {r['applied_on']}, {r['outcome']})", i)
            for i, r in rows.iterrows()
        ]
        self.picker.options = options
        self.picker.value = ""
        self.picker.layout.display = None

    def _picked(self) -> None:
        if self.email is not None and self.picker.value:
            self._plan(self.picker.value)

    def _uploaded(self) -> None:
        self._reset()
        if self.upload.value:  # emptied (a new email is being pasted): nothing to read yet
            self.check()

    def _typed(self) -> None:
        if not self.upload.value:
            self._reset()

    def _reset(self) -> None:
        self.plan = None
        self.email = None
        self.result.value = self.message.value = ""
        self.save_button.disabled = True
        self.picker.options = [(_CHOOSE, "")]
        self.picker.value = ""
        self.picker.layout.display = "none"
        self.reply_box.children = []

    def _next_step(self, plan: InboxPlan) -> None:
        import ipywidgets as w

        kind, app_id = plan.decision.kind, plan.application["id"]
        if kind == "rejection":
            # Step 2 of the method: reply with grace, to the sender, in the same thread.
            if self.reply is not None:
                self.reply.close()
            thread = thread_of(plan.email)
            self.reply = MessageForm(self.ws, today=self._day(), application_id=app_id,
                                     kind="rejection_reply", thread=thread)  # fmt: skip
            self.reply_box.children = [
                w.HTML("<b>Next: reply with grace.</b> The draft below is addressed to the "
                       "sender; its .eml answers their email, so your mail program threads it."),
                self.reply.widget,
            ]  # fmt: skip
        else:
            hint = {
                "invitation": "Next: prepare with your prep sheet (04-patterns), then log the "
                "interview in 02-review-an-interview after it.",
                "offer": "Congratulations! The offer is logged.",
            }.get(kind, "")
            self.reply_box.children = [w.HTML(html.escape(hint))] if hint else []

    def close(self) -> None:
        if self.reply is not None:
            self.reply.close()
        super().close()
