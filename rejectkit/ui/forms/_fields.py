"""The pieces of a form: labelled fields with a message slot, the application picker, and the
checks and conversions of dates and texts between widgets and the files.

ipywidgets is imported at module level here: this package is only imported when a form is
built (``rejectkit/__init__`` loads names lazily), so ``import rejectkit`` stays light.
"""

from __future__ import annotations

from datetime import date, datetime
from html import escape

import ipywidgets as w

from ...store.validate import check_date
from ...store.workspace import Data

__all__ = [
    "ApplicationPicker",
    "Field",
    "application_choices",
    "check_day",
    "day_text",
    "html_message",
    "text_of",
    "to_day",
]

# Dates before this are typos of the year (0026 for 2026), not real job applications.
EARLIEST = date(2000, 1, 1)
WIDTH = "100%"
# Readable at JupyterLab's default width and not stretched across a wide screen.
MAX_WIDTH = "860px"
_ERROR = "var(--jp-error-color1, #b3261e)"
_OK = "var(--jp-success-color1, #1b6e20)"
_MUTED = "var(--jp-ui-font-color2, #555)"
# HTML widgets use the height of an input as line height; text reads better closer together.
LINES = "line-height:1.45"


def check_day(
    value, *, today: date, required: bool = False, future: str | None = None
) -> str | None:
    """Why ``value`` (a date, an ISO text or empty) cannot be saved, or None if it can.

    ``future`` is the reason a date after ``today`` is refused; None allows future dates.

    >>> print(check_day(date(2031, 1, 1), today=date(2026, 11, 20), future="it happened"))
    2031-01-01 is after today (2026-11-20): it happened. Check the date.
    """
    if value is None or value == "":
        return "is empty; pick a date, this field is required" if required else None
    if isinstance(value, str):
        if why := check_date(value):
            return why
        value = date.fromisoformat(value)
    if isinstance(value, datetime):
        value = value.date()
    if value < EARLIEST:
        return f"{value.isoformat()} is before {EARLIEST.year}; check the year"
    if future and value > today:
        return (
            f"{value.isoformat()} is after today ({today.isoformat()}): {future}. Check the date."
        )
    return None


def day_text(value) -> str:
    """A DatePicker value (or text) as the ISO text the files hold; '' when empty."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat() if isinstance(value, date) else str(value)


def to_day(text: str) -> date | None:
    """An ISO text from a file as a date for a DatePicker; None when empty or not a date."""
    return date.fromisoformat(text) if text and check_date(text) is None else None


def application_choices(data: Data) -> dict[str, str]:
    """Label shown in a searchable dropdown -> application id, the most recent first.

    >>> from rejectkit.store.workspace import Workspace
    >>> next(iter(application_choices(Workspace("data/sample").read())))
    'A0030 · Juniper Row Architects · Data Analyst (applied 2026-11-10)'
    """
    apps = data.tables["applications"]
    if apps.empty:
        return {}
    apps = apps.loc[apps["id"] != ""].sort_values(["applied_on", "id"], ascending=False)
    labels = (
        apps["id"] + " · " + apps["company"] + " · " + apps["role"]
        + " (applied " + apps["applied_on"] + ")"
    )  # fmt: skip
    return dict(zip(labels.tolist(), apps["id"].tolist(), strict=True))


def html_message(text: str, kind: str = "ok") -> str:
    color = {"ok": _OK, "error": _ERROR}.get(kind, _MUTED)
    mark = {"ok": "✔ ", "error": "⚠ "}.get(kind, "")
    return f'<div style="color:{color};{LINES};white-space:pre-wrap">{mark}{escape(text)}</div>'


# Text boxes and lists take the form's width; dates, buttons and boxes keep their own.
_STRETCH = (w.Text, w.Textarea, w.Dropdown)


class Field:
    """One input with its full-sentence label above and its own message slot below."""

    def __init__(self, name: str, label: str, widget, *, hint: str = "", required=False):
        self.name = name
        self.widget = widget
        self.message = ""
        if isinstance(widget, _STRETCH):
            widget.layout.width = WIDTH
        extra = " <small>(required)</small>" if required else ""
        hint_html = f'<br><small style="color:{_MUTED}">{escape(hint)}</small>' if hint else ""
        self.label = w.HTML(f'<div style="{LINES}"><b>{escape(label)}</b>{extra}{hint_html}</div>')
        self.error = w.HTML("")
        self.box = w.VBox([self.label, widget, self.error], layout=w.Layout(width=WIDTH))

    def show(self, message: str) -> None:
        self.message = message
        self.error.value = html_message(message, "error")

    def clear(self) -> None:
        self.message = ""
        self.error.value = ""


class ApplicationPicker:
    """A searchable dropdown of applications (a Combobox) that resolves to an id."""

    def __init__(self, placeholder="Type a company, role or id, then pick it from the list"):
        self.widget = w.Combobox(placeholder=placeholder, ensure_option=False)
        self.choices: dict[str, str] = {}
        self._by_id: dict[str, str] = {}

    def update(self, data: Data) -> None:
        self.choices = application_choices(data)
        self._by_id = {v: k for k, v in self.choices.items()}
        self.widget.options = tuple(self.choices)

    @property
    def id(self) -> str | None:
        """The picked application's id; None when the box is empty or matches none."""
        text = self.widget.value.strip()
        if text in self.choices:
            return self.choices[text]
        return text.upper() if text.upper() in self._by_id else None

    def set(self, app_id: str) -> None:
        self.widget.value = self._by_id.get(app_id, app_id)

    def check(self, *, required: bool = True) -> str | None:
        text = self.widget.value.strip()
        if not text:
            return "is empty; pick an application from the list" if required else None
        if self.id is None:
            return (
                f"{text!r} is not one of your applications; type part of its company or role "
                "and pick it from the list (or log it first in the application form)"
            )
        return None


def text_of(widget) -> str:
    """A text widget's value as saved: surrounding spaces dropped, inner lines kept."""
    return (widget.value or "").strip()
