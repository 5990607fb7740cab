"""The "what is due" view: nudge about feedback, check in with contacts, let silence go."""

from __future__ import annotations

import base64
import html
from datetime import date

from ..analysis.likely import rehearsal_plan
from ..dates import long_date
from ..errors import RejectkitError
from ..messages.drafts import TONES, draft_message
from ..records.reminders import (
    FEEDBACK_DAYS,
    GHOST_DAYS,
    check_in,
    due,
    mark_ghosted,
    rehearsal_reminders,
    reminders,
)
from ..records.reminders import write_reminders_ics as _write_ics
from .cells import WidgetView
from .message_form import DraftPanel, _error_html, _ok_html

__all__ = ["ICS_FILE", "DueView"]

ICS_FILE = "reminders.ics"
_HEADINGS = {
    "feedback_nudge": "Feedback to nudge",
    "keep_warm": "People to check in with",
    "maybe_ghosted": "Silent applications: ghosted?",
}


class DueView(WidgetView):
    """What is due on ``today``, with a button for each next step.

    ``buttons[(kind, record_id)]`` holds the buttons of each reminder (by their label), so a
    test can click them as a user would.

    >>> from rejectkit.store.workspace import Workspace
    >>> view = DueView(Workspace("data/sample"), today=date(2026, 11, 25))
    >>> sorted(view.buttons[("keep_warm", "C0001")])
    ['Checked in today', 'Draft check-in']
    """

    def __init__(
        self,
        ws,
        *,
        today: date,
        feedback_days: int = FEEDBACK_DAYS,
        ghost_days: int = GHOST_DAYS,
    ):
        import ipywidgets as w

        self.ws = ws
        self.today = today
        self.limits = {"feedback_days": feedback_days, "ghost_days": ghost_days}
        self.data = None
        self.buttons: dict[tuple[str, str], dict] = {}
        self.summary = w.HTML()
        self.lists = w.VBox()
        self.message = w.HTML()
        self.tone = w.ToggleButtons(description="Tone", options=list(TONES), value="warm")
        self.sender = w.Text(description="Your name", placeholder="for the sign-off")
        self.panel = DraftPanel(ws, today=today, on_sent=lambda draft, mid: self.refresh())
        self.export = w.Button(description="Export reminders (.ics)", icon="calendar")
        self.export_message = w.HTML()
        self.export.on_click(self._on(self._export, self.export_message))
        self.widget = w.VBox(
            [
                w.HTML("<h3>What is due</h3>"),
                self.summary,
                self.message,
                self.lists,
                w.HTML("<h4>Draft</h4>"),
                w.HBox([self.tone, self.sender]),
                self.panel.widget,
                w.HTML("<h4>Your calendar</h4>"),
                self.export,
                self.export_message,
            ]
        )
        self.refresh()
        self._track()

    def refresh(self) -> None:
        """Re-read the workspace and rebuild the lists."""
        import ipywidgets as w

        try:
            self.data = self.ws.load()
        except RejectkitError as e:
            self.message.value = _error_html(e)
            self.lists.children = ()
            return
        items = due(self.data, today=self.today, **self.limits)
        self.buttons = {}
        children = []
        for kind, heading in _HEADINGS.items():
            mine = [r for r in items if r.kind == kind]
            if not mine:
                continue
            children.append(w.HTML(f"<h4>{heading} ({len(mine)})</h4>"))
            for r in mine:
                buttons = self._buttons_for(r)
                self.buttons[(r.kind, r.record_id)] = {b.description: b for b in buttons}
                text = (
                    f"<b>{html.escape(r.summary)}</b> <small>(due {r.due_on.isoformat()})"
                    f"</small><br>{html.escape(r.description)}"
                )
                children.append(
                    w.HBox(
                        [w.HTML(text, layout=w.Layout(width="65%")), *buttons],
                        layout=w.Layout(align_items="center"),
                    )
                )
        self.lists.children = tuple(children)
        self.summary.value = _summary(items, self.today, self.data, self.limits)

    def _buttons_for(self, r) -> list:
        import ipywidgets as w

        def button(label, action, style=""):
            b = w.Button(description=label, button_style=style)
            b.on_click(self._on(action, self.message))
            return b

        if r.kind == "feedback_nudge":
            return [button("Draft nudge", lambda: self._draft("feedback_nudge", r))]
        if r.kind == "keep_warm":
            return [
                button("Draft check-in", lambda: self._draft("keep_warm", r)),
                button("Checked in today", lambda: self._checked_in(r), "success"),
            ]
        return [button("Mark as ghosted", lambda: self._ghosted(r), "warning")]

    def _draft(self, kind: str, r) -> None:
        draft = draft_message(
            self.data,
            kind,
            application_id=r.application_id,
            contact_id=r.contact_id,
            tone=self.tone.value,
            sender=self.sender.value,
        )
        self.panel.show(draft)
        self.message.value = _ok_html(f"The draft for {r.summary.lower()} is below.")

    def _checked_in(self, r) -> None:
        row = self.data.contacts.loc[self.data.contacts["id"] == r.contact_id].iloc[0]
        expected = {c: row[c] for c in ("last_contact_on", "next_contact_on")}
        saved = check_in(self.ws, r.contact_id, today=self.today, expected=expected)
        self.refresh()
        self.message.value = _ok_html(
            f"Checked in with {saved['name']} today; next check-in on {saved['next_contact_on']}."
        )

    def _ghosted(self, r) -> None:
        mark_ghosted(self.ws, r.application_id, today=self.today, expected={"outcome": "open"})
        self.refresh()
        self.message.value = _ok_html(
            f"{r.application_id} is marked as ghosted. Silence is an answer too; your energy is "
            "better spent on the next application."
        )

    def _export(self) -> None:
        items = reminders(self.data, today=self.today, **self.limits)
        plan = rehearsal_plan(self.data, today=self.today)
        items += rehearsal_reminders(plan, today=self.today)
        path = _write_ics(self.ws.path / ICS_FILE, items, today=self.today)
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        link = f' <a download="{ICS_FILE}" href="data:text/calendar;base64,{data}">Download it</a>'
        self.export_message.value = _ok_html(
            f"Wrote {len(items)} reminders to {path}. Import that file into Google Calendar, "
            "Outlook or Apple Calendar; importing a newer one updates the events.",
            link,
        )


def _summary(items, today: date, data, limits: dict) -> str:
    when = long_date(today)
    if not items:
        upcoming = reminders(data, today=today, **limits)
        text = f"Nothing is due on {when}."
        if upcoming:
            text += f" Next: {upcoming[0].summary} on {upcoming[0].due_on.isoformat()}."
        return html.escape(text)
    counts = {k: sum(r.kind == k for r in items) for k in _HEADINGS}
    words = [
        f"{n} {label}{'s' * (n != 1)}"
        for n, label in (
            (counts["feedback_nudge"], "feedback nudge"),
            (counts["keep_warm"], "check-in"),
            (counts["maybe_ghosted"], "silent application"),
        )
        if n
    ]
    return html.escape(f"Due on {when}: {', '.join(words)}.")
