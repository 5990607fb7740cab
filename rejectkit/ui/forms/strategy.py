"""The strategy change form: what you now do differently, dated, against a touchpoint."""

from __future__ import annotations

import ipywidgets as w

from ...records.saves import save_strategy_change
from ...store.workspace import Data
from ._base import Form
from ._fields import Field, check_day, day_text, text_of

__all__ = ["StrategyForm"]


class StrategyForm(Form):
    """Record a change to how you prepare or interview, so the charts can show its effect.

    >>> import tempfile
    >>> from rejectkit.store.location import open_workspace
    >>> form = StrategyForm(open_workspace(tempfile.mkdtemp() + "/log"))
    >>> form["touchpoint"].value = "tell_me_about_yourself"   # then form.save_button.click()
    """

    title = "Record a change to your strategy"
    intro = (
        "Write down each change you make, such as “a new 60-second pitch for Tell me about "
        "yourself”. The pattern charts mark the day, so you can see whether it helped."
    )
    save_label = "Save this change"

    def _build(self) -> None:
        f = self.add
        f(
            Field(
                "changed_on",
                "From which day do you make this change?",
                w.DatePicker(),
                required=True,
            )
        )
        f(
            Field(
                "touchpoint",
                "Which touchpoint is the change about?",
                w.Dropdown(options=[], value=None),
                required=True,
            )
        )
        f(Field("change", "What do you now do differently?",
                w.Textarea(rows=2, placeholder="a new 60-second pitch for Tell me about yourself"),
                required=True))  # fmt: skip
        self._new()

    def _body(self):
        return [f.box for f in self.fields.values()]

    def _apply(self, data: Data) -> None:
        widget = self["touchpoint"]
        current = widget.value
        choices = [(t.label, t.key) for t in data.touchpoints]
        widget.options = choices
        widget.value = current if current in {k for _, k in choices} else None

    def _new(self) -> None:
        self["changed_on"].value = self.today()
        self["touchpoint"].value = None
        self["change"].value = ""

    def _check(self) -> dict[str, str]:
        problems = self._required("change")
        if not self["touchpoint"].value:
            problems["touchpoint"] = "is empty; pick the touchpoint from the list"
        # A change may be planned ahead, but not by years: that is a typo of the year.
        if why := check_day(self["changed_on"].value, today=self.today(), required=True):
            problems["changed_on"] = why
        elif self["changed_on"].value.year > self.today().year + 1:
            day = self["changed_on"].value.isoformat()
            problems["changed_on"] = f"{day} is more than a year ahead; check the year"
        return problems

    def _write(self) -> str:
        key = self["touchpoint"].value
        record = {
            "changed_on": day_text(self["changed_on"].value),
            "touchpoint": key,
            "change": text_of(self["change"]),
        }
        saved = save_strategy_change(self.ws, record, label=self.data.label(key))
        self.saved = saved.key
        return saved.message

    def _reset(self) -> None:
        self._new()
