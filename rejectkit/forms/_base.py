"""What every form shares: labelled fields with a message slot, the save flow that turns every
refusal into words next to the field, and the registry that refreshes open forms after a save.

ipywidgets is imported at module level here: this package is only imported when a form is
built (``rejectkit/__init__`` loads names lazily), so ``import rejectkit`` stays light.
"""

from __future__ import annotations

import traceback
import weakref
from collections.abc import Callable, Iterable
from datetime import date, datetime
from html import escape
from pathlib import Path

import ipywidgets as w

from ..errors import RecordError, RejectkitError
from ..schema import TABLES, TOUCHPOINTS
from ..store import Data, Workspace
from ..validate import check_date

__all__ = ["Field", "Form", "application_choices", "changed", "check_day", "notify"]

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

# Open forms per workspace folder, so that a save in one refreshes the dropdowns of all.
_OPEN: dict[str, weakref.WeakSet] = {}


def _key(path) -> str:
    return str(Path(path).resolve())


def notify(path, *, data: Data | None = None) -> None:
    """Tell every open form on the workspace at ``path`` to re-read it (after any save)."""
    forms = list(_OPEN.get(_key(path), ()))
    if not forms:
        return
    if data is None:
        data = _read(forms[0].ws)
    for form in forms:
        form.refresh(data)


def _read(ws: Workspace) -> Data | RejectkitError:
    try:
        return ws.read()
    except RejectkitError as e:
        return e


def _empty_data(path) -> Data:
    from ..csvfile import empty_table

    return Data(
        path=Path(path),
        tables={name: empty_table(spec).frame for name, spec in TABLES.items()},
        touchpoints=TOUCHPOINTS,
    )


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

    >>> from rejectkit.store import Workspace
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


def changed(loaded: dict[str, str], record: dict[str, str]) -> dict[str, str]:
    """The fields of ``record`` that differ from ``loaded``, the record as read from the file.

    Spaces around a value in the file do not count: the form drops them from what is typed,
    and a save must not rewrite fields the user did not touch.

    >>> changed({"role": "Analyst ", "notes": ""}, {"role": "Analyst", "notes": "Call back"})
    {'notes': 'Call back'}
    """
    return {k: v for k, v in record.items() if loaded.get(k, "").strip() != v}


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


class Form:
    """Base of the kit's forms: build, refresh from the workspace, check, save, report.

    Subclasses define ``_build`` (create fields), ``_body`` (widgets to show), ``_apply``
    (take options from freshly read data), ``_check`` (field -> message), ``_write`` (save
    through the store, return what to tell the user) and ``_reset`` (after a save).
    """

    title = ""
    intro = ""
    save_label = "Save"

    def __init__(self, ws: Workspace, *, today: date | None = None):
        self.ws = ws
        # None means "ask the clock at each save": a kernel left open overnight must not
        # refuse today's interview as being in the future.
        self._today = today
        self.fields: dict[str, Field] = {}
        self.data: Data = _empty_data(ws.path)
        self.message = ""
        self.saved: str | None = None
        self.last_error: BaseException | None = None
        self._callbacks: list[Callable] = []
        self.status = w.HTML("")
        self.notice = w.HTML("")
        self.details = w.Output()
        self.save_button = w.Button(
            description=self.save_label, button_style="primary", icon="check",
            layout=w.Layout(width="auto"),
        )  # fmt: skip
        self.reload_button = w.Button(
            description="Reload from the files", icon="refresh", layout=w.Layout(width="auto"),
            tooltip="Read the workspace again, for example after editing a file in Excel",
        )  # fmt: skip
        self.save_button.on_click(lambda _b: self.save())
        self.reload_button.on_click(lambda _b: self.reload())
        self._build()
        self.refresh(_read(ws))
        heading = f"<h3>{escape(self.title)}</h3>" + (
            f'<p style="{LINES}">{escape(self.intro)}</p>' if self.intro else ""
        )
        self.widget = w.VBox(
            [
                w.HTML(heading),
                self.notice,
                *self._body(),
                w.HBox([self.save_button, self.reload_button]),
                self.status,
                self.details,
            ],
            layout=w.Layout(max_width=MAX_WIDTH, width=WIDTH),
        )
        _OPEN.setdefault(_key(ws.path), weakref.WeakSet()).add(self)

    # Shown in a notebook as its widget.
    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    def close(self) -> None:
        """Close the form's widgets and stop refreshing it after other forms' saves."""
        _OPEN.get(_key(self.ws.path), set()).discard(self)
        _close_tree(self.widget)

    def __getitem__(self, name: str):
        """The input widget of field ``name``: ``form["company"].value = "Northwind"``."""
        return self.fields[name].widget

    def today(self) -> date:
        return self._today or date.today()

    def on_saved(self, callback: Callable[[str], object]) -> Callable:
        """Call ``callback(key)`` after every successful save (usable as a decorator)."""
        self._callbacks.append(callback)
        return callback

    def add(self, field: Field) -> Field:
        self.fields[field.name] = field
        return field

    # Reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the workspace, for this form and every other open one."""
        self._guard(lambda: notify(self.ws.path))

    def refresh(self, data: Data | RejectkitError) -> None:
        """Take new option lists from ``data``; keep what the user typed."""
        if isinstance(data, RejectkitError):
            self.notice.value = html_message(str(data), "error")
            self.save_button.disabled = True
            return
        self.data = data
        self.save_button.disabled = False
        notes = []
        if data.problems:
            n = len(data.problems)
            notes.append(
                f"Your workspace has {n} problem{'s' * (n != 1)}, so saving may be refused: "
                "run `rejectkit check` to list them, fix them in the files, then reload."
            )
        self.notice.value = "".join(html_message(t, "note") for t in notes)
        self._guard(lambda: self._apply(data))

    # Saving ----------------------------------------------------------------------------

    def save(self) -> bool:
        """Check the form and save it; every refusal is shown in the form. True if saved."""
        for field in self.fields.values():
            field.clear()
        self._clear_extra()
        try:
            problems = self._check()
            if problems:
                rest = self._show_fields(problems)
                n = len(problems)
                self._say(
                    f"Nothing was saved: {n} field{'s' * (n != 1)} need{'s' * (n == 1)} "
                    "attention (see the messages below each one)."
                    + "".join(f"\n{r}" for r in rest),
                    "error",
                )
                return False
            text = self._write()
        except RecordError as e:
            rest = self._show_fields(e.fields, prefix=f"{e.table}.csv ")
            self._say(
                "Nothing was saved: the file format refuses this record (see the messages below "
                "each field)." + "".join(f"\n{r}" for r in rest),
                "error",
            )
            return False
        except RejectkitError as e:
            self._say(str(e), "error")
            return False
        except Exception as e:
            self._unexpected(e)
            return False
        self._say(text, "ok")
        self._guard(self._reset)
        self._guard(lambda: notify(self.ws.path))
        for callback in self._callbacks:
            self._guard(lambda cb=callback: cb(self.saved))
        return True

    def _show_fields(self, problems: dict[str, str], prefix: str = "") -> list[str]:
        rest = []
        for name, message in problems.items():
            if name in self.fields:
                self.fields[name].show(message)
            elif not self._show_extra(name, message):
                rest.append(f"{prefix}{name}: {message}")
        return rest

    def _show_extra(self, name: str, message: str) -> bool:
        """Show a message for something that is not a field (a touchpoint row); True if shown."""
        return False

    def _clear_extra(self) -> None:
        pass

    def _say(self, text: str, kind: str) -> None:
        self.message = text
        self.status.value = html_message(text, kind)

    def _unexpected(self, e: BaseException) -> None:
        self.last_error = e
        self._say(
            f"Something went wrong inside the kit (a bug, not your input): {type(e).__name__}: "
            f"{e}. What you typed is still in the form; the details for a bug report are below.",
            "error",
        )
        self.details.clear_output()
        self.details.append_stderr("".join(traceback.format_exception(e)))

    def _guard(self, action: Callable[[], object]) -> None:
        """Run a callback step so that its failure shows in the form, not in the log."""
        try:
            action()
        except RejectkitError as e:
            self._say(str(e), "error")
        except Exception as e:
            self._unexpected(e)

    # For subclasses ----------------------------------------------------------------------

    def _build(self) -> None:
        raise NotImplementedError

    def _body(self) -> Iterable:
        raise NotImplementedError

    def _apply(self, data: Data) -> None:
        pass

    def _check(self) -> dict[str, str]:
        return {}

    def _write(self) -> str:
        raise NotImplementedError

    def _reset(self) -> None:
        pass

    def _required(self, *names: str) -> dict[str, str]:
        return {
            n: "is empty; this field is required"
            for n in names
            if not str(self.fields[n].widget.value or "").strip()
        }


def _close_tree(root) -> None:
    for child in getattr(root, "children", ()):
        _close_tree(child)
    root.close()


def text_of(widget) -> str:
    """A text widget's value as saved: surrounding spaces dropped, inner lines kept."""
    return (widget.value or "").strip()
