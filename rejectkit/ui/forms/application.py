"""The application form: add an application, or pick one and record what happened to it."""

from __future__ import annotations

import ipywidgets as w

from ...records.saves import save_application
from ...store.schema import OUTCOMES, STAGES
from ...store.workspace import Data
from ._base import Form
from ._fields import (
    ApplicationPicker,
    Field,
    check_day,
    day_text,
    text_of,
    to_day,
)

__all__ = ["ApplicationForm"]

_DETAILS = ("company", "role", "applied_on", "source", "location", "contact_name",
            "contact_email", "notes")  # fmt: skip
_COLUMNS = ("stage", "outcome", "outcome_on", *_DETAILS)


class ApplicationForm(Form):
    """Add a new application, or update the stage, outcome or any field of one you logged.

    Recording a rejection takes three clicks: pick the application, click "rejected", Save.

    >>> import tempfile
    >>> from rejectkit.store.location import open_workspace
    >>> form = ApplicationForm(open_workspace(tempfile.mkdtemp() + "/log"))
    >>> form["company"].value = "Northwind"   # then form.save_button.click()
    """

    title = "Log an application, or record what happened to one"
    intro = (
        "To record an outcome: pick the application, click the outcome (for example "
        "“rejected”), then Save. To add a new application, leave the first box empty and "
        "fill in the details."
    )
    save_label = "Add this application"

    def _build(self) -> None:
        self._loaded: dict[str, str] | None = None
        self._loading = False
        self.picker = ApplicationPicker()
        f = self.add
        f(
            Field(
                "application",
                "Which application? Leave this empty to add a new one.",
                self.picker.widget,
                hint="Type part of the company, role or id and pick it.",
            )
        )
        f(
            Field(
                "stage",
                "How far did the application get?",
                w.ToggleButtons(options=STAGES, value="applied"),
                hint="The furthest stage reached, even if you were turned down there.",
            )
        )
        f(
            Field(
                "outcome",
                "What is the outcome so far?",
                w.ToggleButtons(options=OUTCOMES, value="open"),
                hint="“open” while you are still waiting to hear.",
            )
        )
        f(
            Field(
                "outcome_on",
                "On which day did you hear the outcome?",
                w.DatePicker(),
                hint="Filled in with today when you pick an outcome; change it if needed.",
            )
        )
        f(Field("company", "Which organisation did you apply to?", w.Text(), required=True))
        f(Field("role", "Which role did you apply for?", w.Text(), required=True))
        f(Field("applied_on", "On which day did you apply?", w.DatePicker(), required=True))
        f(
            Field(
                "source",
                "Where did you find the job?",
                w.Combobox(placeholder="LinkedIn, referral, job board, company website ..."),
                hint="Pick one you used before or type a new one.",
            )
        )
        f(Field("location", "Where is the job?", w.Text(placeholder="a city, or Remote")))
        f(Field("contact_name", "Who is your contact there, if anyone?", w.Text()))
        f(Field("contact_email", "What is your contact's email address?", w.Text()))
        f(Field("notes", "Anything else worth remembering?", w.Textarea(rows=3)))  # fmt: skip
        self.details_box = w.Accordion(
            children=[w.VBox([self.fields[n].box for n in _DETAILS])],
            titles=("The details: company, role, dates, contact and notes",),
        )
        self.picker.widget.observe(self._picked, "value")
        self["outcome"].observe(self._outcome_changed, "value")
        self._new()

    def _body(self):
        outcome = [self.fields[n].box for n in ("application", "stage", "outcome", "outcome_on")]
        return [*outcome, self.details_box]

    def _apply(self, data: Data) -> None:
        self.picker.update(data)
        sources = data.tables["applications"]["source"]
        self["source"].options = tuple(sorted(set(sources[sources != ""].tolist())))
        # Someone else changed the picked application (the review form moved its stage on):
        # take the new version, unless the user has typed changes that would be lost.
        if self._loaded is not None and self._record() == self._as_loaded():
            self._load(self._loaded["id"])

    def reload(self) -> None:
        """Re-read the files; a picked application is loaded again as it is on disk now."""
        super().reload()
        if self._loaded is not None:
            self._guard(lambda: self._load(self._loaded["id"]))

    # Loading -----------------------------------------------------------------------------

    def _picked(self, change) -> None:
        if self._loading:
            return
        if not change["new"].strip():
            self._guard(self._new)
        elif (app_id := self.picker.id) is not None:
            self._guard(lambda: self._load(app_id))

    def _load(self, app_id: str) -> None:
        apps = self.data.tables["applications"]
        rows = apps.loc[apps["id"] == app_id]
        if rows.empty:
            return
        record = {k: str(v) for k, v in rows.iloc[0].to_dict().items()}
        self._loading = True
        try:
            self.picker.set(app_id)
            for name in _COLUMNS:
                widget = self[name]
                if isinstance(widget, w.DatePicker):
                    widget.value = to_day(record[name])
                elif isinstance(widget, w.ToggleButtons):
                    widget.value = record[name] if record[name] in widget.options else None
                else:
                    widget.value = record[name]
        finally:
            self._loading = False
        self._loaded = record
        self.details_box.selected_index = None
        self.save_button.description = f"Save changes to {app_id}"

    def _new(self) -> None:
        self._loading = True
        try:
            self.picker.widget.value = ""
            for name in _DETAILS:
                self[name].value = self.today() if name == "applied_on" else ""
            self["stage"].value = "applied"
            self["outcome"].value = "open"
            self["outcome_on"].value = None
        finally:
            self._loading = False
        self._loaded = None
        self.details_box.selected_index = 0
        self.save_button.description = self.save_label

    def _outcome_changed(self, change) -> None:
        if self._loading:
            return
        if change["new"] == "open":
            self["outcome_on"].value = None
        elif self["outcome_on"].value is None:
            self["outcome_on"].value = self.today()
        if change["new"] == "offer":
            self["stage"].value = "offer"

    # Saving ------------------------------------------------------------------------------

    def _record(self) -> dict[str, str]:
        record = {}
        for name in _COLUMNS:
            widget = self[name]
            if isinstance(widget, w.DatePicker):
                record[name] = day_text(widget.value)
            elif isinstance(widget, w.ToggleButtons):
                record[name] = widget.value or ""
            else:
                record[name] = text_of(widget)
        return record

    def _as_loaded(self) -> dict[str, str]:
        return {k: self._loaded.get(k, "").strip() for k in _COLUMNS} if self._loaded else {}

    def _check(self) -> dict[str, str]:
        today = self.today()
        problems = self._required("company", "role")
        if why := self.picker.check(required=False):
            problems["application"] = why
        for name in ("stage", "outcome"):
            if not self[name].value:
                problems[name] = "is empty; click one of the choices, this field is required"
        applied = self["applied_on"].value
        if why := check_day(applied, today=today, required=True,
                            future="you cannot have applied on a day still to come"):  # fmt: skip
            problems["applied_on"] = why
        heard = self["outcome_on"].value
        if why := check_day(heard, today=today, future="you can only record what happened"):
            problems["outcome_on"] = why
        elif heard and applied and heard < applied:
            problems["outcome_on"] = (
                f"{heard.isoformat()} is before the day you applied ({applied.isoformat()}); "
                "the outcome cannot come first"
            )
        if self["outcome"].value == "offer" and self["stage"].value != "offer":
            problems["stage"] = (
                f"the outcome is 'offer' but the stage is {self['stage'].value!r}; an offer "
                "means the stage reached is 'offer'"
            )
        return problems

    def _write(self) -> str:
        loaded = self._loaded
        saved = save_application(
            self.ws, self._record(), app_id=loaded["id"] if loaded else None, expected=loaded
        )
        self.saved = saved.key
        return saved.message

    def _reset(self) -> None:
        self._new()
