"""The feedback form: what an organisation told you when you asked why."""

from __future__ import annotations

import ipywidgets as w

from ...records.saves import save_feedback
from ...store.workspace import Data
from ._base import Form
from ._fields import ApplicationPicker, Field, check_day, day_text, text_of

__all__ = ["FeedbackForm"]


class FeedbackForm(Form):
    """Record the feedback you asked for: when, what went well, what to improve, and which
    touchpoints it is about.

    >>> import tempfile
    >>> from rejectkit.store.location import open_workspace
    >>> form = FeedbackForm(open_workspace(tempfile.mkdtemp() + "/log"))
    >>> form.topics["your_questions"].value = True   # then form.save_button.click()
    """

    title = "Record the feedback you were given"
    intro = (
        "Asking why you were turned down is worth it: even two lines of feedback show what "
        "to practise. Tick the touchpoints the feedback is about, so it shows up in your charts."
    )
    save_label = "Save this feedback"

    def _build(self) -> None:
        self.picker = ApplicationPicker()
        self.topics: dict[str, w.Checkbox] = {}
        self.topics_box = w.VBox()
        f = self.add
        f(
            Field(
                "application_id",
                "Which application is the feedback about?",
                self.picker.widget,
                required=True,
            )
        )
        f(
            Field(
                "requested_on",
                "On which day did you ask for feedback?",
                w.DatePicker(),
                hint="Leave empty if they offered it without being asked.",
            )
        )
        f(
            Field(
                "received_on",
                "On which day did you receive it?",
                w.DatePicker(),
                hint="Leave empty while you are still waiting for an answer.",
            )
        )
        f(Field("went_well", "What went well, according to them?", w.Textarea(rows=3)))
        f(Field("to_improve", "What should you improve, according to them?", w.Textarea(rows=3)))
        f(Field("touchpoints", "Which touchpoints is the feedback about?", self.topics_box,
                hint="Tick every one it mentions."))  # fmt: skip
        self._new()

    def _body(self):
        return [f.box for f in self.fields.values()]

    def _apply(self, data: Data) -> None:
        self.picker.update(data)
        keys = [t.key for t in data.touchpoints]
        if list(self.topics) != keys:
            old = self.topics
            self.topics = {
                t.key: w.Checkbox(
                    value=old[t.key].value if t.key in old else False,
                    description=t.label,
                    indent=False,
                    layout=w.Layout(width="auto"),
                )
                for t in data.touchpoints
            }
            self.topics_box.children = list(self.topics.values())

    def _new(self) -> None:
        self.picker.widget.value = ""
        self["requested_on"].value = None
        self["received_on"].value = self.today()
        self["went_well"].value = ""
        self["to_improve"].value = ""
        for box in self.topics.values():
            box.value = False

    def _check(self) -> dict[str, str]:
        today = self.today()
        problems = {}
        if why := self.picker.check():
            problems["application_id"] = why
        asked, got = self["requested_on"].value, self["received_on"].value
        future = "you can only record what already happened"
        if why := check_day(asked, today=today, future=future):
            problems["requested_on"] = why
        if why := check_day(got, today=today, future=future):
            problems["received_on"] = why
        elif asked and got and got < asked and "requested_on" not in problems:
            problems["received_on"] = (
                f"{got.isoformat()} is before the day you asked ({asked.isoformat()}); "
                "feedback cannot arrive before you ask for it"
            )
        return problems

    def _write(self) -> str:
        record = {
            "application_id": self.picker.id,
            "requested_on": day_text(self["requested_on"].value),
            "received_on": day_text(self["received_on"].value),
            "went_well": text_of(self["went_well"]),
            "to_improve": text_of(self["to_improve"]),
            "touchpoints": ";".join(k for k, box in self.topics.items() if box.value),
        }
        saved = save_feedback(self.ws, record)
        self.saved = saved.key
        return saved.message

    def _reset(self) -> None:
        self._new()
