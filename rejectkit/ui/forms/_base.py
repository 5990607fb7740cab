"""The form base: the save flow that turns every refusal into words next to the field, and the
registry that refreshes every open form after a save.
"""

from __future__ import annotations

import traceback
import weakref
from collections.abc import Callable, Iterable
from datetime import date
from html import escape
from pathlib import Path

import ipywidgets as w

from ...errors import RecordError, RejectkitError
from ...store.schema import TABLES, TOUCHPOINTS
from ...store.workspace import Data, Workspace
from ..cells import WidgetView, error_text
from ._fields import LINES, MAX_WIDTH, WIDTH, Field, html_message

__all__ = ["Form", "notify"]

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
    from ...store.csvread import empty_table

    return Data(
        path=Path(path),
        tables={name: empty_table(spec).frame for name, spec in TABLES.items()},
        touchpoints=TOUCHPOINTS,
    )


class Form(WidgetView):
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
        # Running the cell again replaces this form instead of keeping both alive.
        self._track()

    def close(self) -> None:
        """Close the form's widgets and stop refreshing it after other forms' saves."""
        _OPEN.get(_key(self.ws.path), set()).discard(self)
        super().close()

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
            self._say(error_text(e), "error")
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

    def _show_error(self, text: str, where=None) -> None:
        self._say(text, "error")

    def _show_bug(self, e: BaseException, where=None) -> None:
        self._unexpected(e)

    def _unexpected(self, e: BaseException) -> None:
        self.last_error = e
        self._say(
            f"Something went wrong inside the kit (a bug, not your input): {type(e).__name__}: "
            f"{e}. What you typed is still in the form; the details for a bug report are below.",
            "error",
        )
        self.details.clear_output()
        self.details.append_stderr("".join(traceback.format_exception(e)))

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
