"""The interview review form: the interview itself, then every touchpoint rated 1 to 5."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from ...records.saves import save_review
from ...store.schema import FORMATS, RESULTS, Touchpoint
from ...store.workspace import Data
from ._base import Form
from ._fields import (
    LINES,
    MAX_WIDTH,
    ApplicationPicker,
    Field,
    check_day,
    day_text,
    html_message,
    text_of,
    to_day,
)
from .questions import QuestionLog

__all__ = ["ReviewForm"]

NA = "n/a"
_SCORES = (NA, "1", "2", "3", "4", "5")
_INTERVIEW = ("application_id", "held_on", "round", "format", "result", "went_well",
              "do_differently")  # fmt: skip
_NEW = "— a new interview —"


# The two note boxes sit side by side, and stack when the notebook is narrow. A Layout is a
# widget of its own: each row gets its own, since closing a form closes its layouts.
_WRAP = {"flex_flow": "row wrap"}


class TouchpointRow:
    """One touchpoint of the review: its full label, the 1 and 5 hints, a score, two notes."""

    def __init__(self, tp: Touchpoint):
        self.key = tp.key
        self.label = tp.label
        low, high = tp.low or "poor", tp.high or "excellent"
        self.heading = w.HTML(
            f'<div style="{LINES}"><b>{escape(tp.label)}</b><br>'
            f"<small>1 = {escape(low)} · 5 = {escape(high)}</small></div>"
        )
        self.score = w.ToggleButtons(
            options=_SCORES,
            value=None,
            tooltips=["not applicable in this interview", f"1: {low}", "2", "3", "4",
                      f"5: {high}"],
            style={"button_width": "3.4em"},
        )  # fmt: skip
        note = {"style": {"description_width": "initial"},
                "layout": w.Layout(flex="1 1 300px", min_width="260px")}  # fmt: skip
        self.keep_doing = w.Text(description="Keep doing:", **note)
        self.do_differently = w.Text(description="Do differently:", **note)
        self.error = w.HTML("")
        self.box = w.VBox(
            [
                self.heading,
                self.score,
                w.HBox([self.keep_doing, self.do_differently], layout=w.Layout(**_WRAP)),
                self.error,
            ],
            layout=w.Layout(border_bottom="1px solid var(--jp-border-color2, #ddd)",
                            padding="0 0 6px 0", max_width=MAX_WIDTH),
        )  # fmt: skip

    def set(self, row: dict[str, str] | None) -> None:
        row = row or {}
        score = row.get("score")
        self.score.value = None if score is None else (score or NA)
        self.keep_doing.value = row.get("keep_doing", "")
        self.do_differently.value = row.get("do_differently", "")

    def row(self) -> dict[str, str] | None:
        """The reviews.csv row of this touchpoint, or None when it was left out."""
        notes = text_of(self.keep_doing), text_of(self.do_differently)
        if self.score.value is None and not any(notes):
            return None
        score = "" if self.score.value in (None, NA) else self.score.value
        return {"touchpoint": self.key, "score": score, "keep_doing": notes[0],
                "do_differently": notes[1]}  # fmt: skip

    def check(self) -> str | None:
        if self.score.value is None and (self.keep_doing.value or self.do_differently.value):
            return "you wrote notes here but chose no score: click 1 to 5, or n/a"
        return None

    def show(self, message: str) -> None:
        self.error.value = html_message(message, "error") if message else ""


class ReviewForm(Form):
    """Log an interview and rate yourself on every touchpoint, or edit an earlier review.

    >>> import tempfile
    >>> from rejectkit.store.location import open_workspace
    >>> form = ReviewForm(open_workspace(tempfile.mkdtemp() + "/log"))
    >>> form.rows["company_research"].score.value = "4"   # then form.save_button.click()
    """

    title = "Review an interview, touchpoint by touchpoint"
    intro = (
        "Rate yourself from 1 to 5 on each moment of the interview, or n/a when it did not "
        "come up. Be honest, not harsh: the point is to see what to practise next."
    )
    save_label = "Save this review"

    def _build(self) -> None:
        self._loaded: dict[str, str] | None = None
        self._loaded_reviews: list[dict[str, str]] = []
        self._loaded_questions: list[dict[str, str]] = []
        self.questions = QuestionLog(self._on)
        self._loading = False
        self.rows: dict[str, TouchpointRow] = {}
        self.rows_box = w.VBox()
        self.earlier = w.Dropdown(options=[(_NEW, "")], value="")
        self.picker = ApplicationPicker()
        f = self.add
        f(
            Field(
                "earlier",
                "Do you want to edit an earlier review?",
                self.earlier,
                hint="Leave this at “a new interview” to review a new one.",
            )
        )
        f(
            Field(
                "application_id",
                "Which application was the interview for?",
                self.picker.widget,
                required=True,
            )
        )
        f(Field("held_on", "On which day was the interview?", w.DatePicker(), required=True))
        f(
            Field(
                "round",
                "Which round was it?",
                w.Text(placeholder="phone screen, hiring manager, panel, final ..."),
            )
        )
        f(Field("format", "How was it held?", w.ToggleButtons(options=FORMATS, value=None)))
        f(
            Field(
                "result",
                "What is the result so far?",
                w.ToggleButtons(options=RESULTS, value="pending"),
                required=True,
            )
        )
        f(
            Field(
                "final",
                "Was this the final round?",
                w.Checkbox(
                    description="Yes: the application has reached the final stage",
                    indent=False,
                    layout=w.Layout(width="auto"),
                ),
            )
        )
        f(Field("went_well", "Overall, what went well?", w.Textarea(rows=2)))
        f(Field("do_differently", "Overall, what would you do differently next time?",
                w.Textarea(rows=2)))  # fmt: skip
        self.earlier.observe(self._picked, "value")
        self._new()

    def _body(self):
        top = [self.fields[n].box for n in ("earlier", *_INTERVIEW[:5], "final")]
        notes = [self.fields[n].box for n in _INTERVIEW[5:]]
        heading = w.HTML("<h4>Each touchpoint</h4>")
        asked = w.HTML(
            "<h4>The questions you were asked</h4><small>One line per question: its kind is "
            "guessed from the wording (change it if it is wrong), then how it went and the story "
            "you told.</small>"
        )
        return [*top, heading, self.rows_box, asked, self.questions.box, *notes]

    def _apply(self, data: Data) -> None:
        self.picker.update(data)
        self.questions.update(data)
        if [r.key for r in self.rows.values()] != [t.key for t in data.touchpoints]:
            # Keep the rows (and what was typed in them) of touchpoints that are still there.
            self.rows = {t.key: self.rows.get(t.key) or TouchpointRow(t) for t in data.touchpoints}
            self.rows_box.children = [r.box for r in self.rows.values()]
        current = self.earlier.value
        self._loading = True
        try:
            choices = [(_NEW, ""), *_interview_choices(data)]
            self.earlier.options = choices
            self.earlier.value = current if current in {v for _, v in choices} else ""
        finally:
            self._loading = False

    # Loading -----------------------------------------------------------------------------

    def _picked(self, change) -> None:
        if not self._loading:
            self._guard(lambda: self._load(change["new"]) if change["new"] else self._new())

    def _load(self, iid: str) -> None:
        interviews = self.data.tables["interviews"]
        found = interviews.loc[interviews["id"] == iid]
        if found.empty:
            return
        record = {k: str(v) for k, v in found.iloc[0].to_dict().items()}
        reviews = _reviews_of(self.data, iid)
        self.picker.set(record["application_id"])
        self["held_on"].value = to_day(record["held_on"])
        for name in ("round", "went_well", "do_differently"):
            self[name].value = record[name]
        for name in ("format", "result"):
            self[name].value = record[name] if record[name] in self[name].options else None
        self["final"].value = False
        by_key = {r["touchpoint"]: r for r in reviews}
        for key, row in self.rows.items():
            row.set(by_key.get(key))
        asked = self.data.tables["questions"]
        mine = asked.loc[asked["interview_id"] == iid]
        self._loaded_questions = [{k: str(v) for k, v in r.items()}
                                  for r in mine.to_dict("records")]  # fmt: skip
        self.questions.set(self._loaded_questions)
        self._loaded, self._loaded_reviews = record, reviews
        self.save_button.description = f"Save changes to {iid}"

    def _new(self) -> None:
        self.picker.widget.value = ""
        self["held_on"].value = self.today()
        for name in ("round", "went_well", "do_differently"):
            self[name].value = ""
        self["format"].value = None
        self["result"].value = "pending"
        self["final"].value = False
        for row in self.rows.values():
            row.set(None)
        self.questions.set([])
        self._loaded, self._loaded_reviews, self._loaded_questions = None, [], []
        self.save_button.description = self.save_label

    # Saving ------------------------------------------------------------------------------

    def _check(self) -> dict[str, str]:
        problems = {}
        if why := self.picker.check():
            problems["application_id"] = why
        held = self["held_on"].value
        if why := check_day(held, today=self.today(), required=True,
                            future="an interview you review has already happened"):  # fmt: skip
            problems["held_on"] = why
        elif (applied := to_day(self._applied_on(self.picker.id))) and held < applied:
            problems["held_on"] = (
                f"{held.isoformat()} is before the day you applied ({applied.isoformat()}); "
                "the interview cannot come first"
            )
        if not self["result"].value:
            problems["result"] = "is empty; click one of the choices, this field is required"
        for key, row in self.rows.items():
            if why := row.check():
                problems[f"touchpoint:{key}"] = why
        return problems | self.questions.check()

    def _show_extra(self, name: str, message: str) -> bool:
        if name.startswith("question:"):
            return self.questions.show(name, message)
        key = name.removeprefix("touchpoint:")
        if name.startswith("touchpoint:") and key in self.rows:
            self.rows[key].show(message)
            return True
        return False

    def _clear_extra(self) -> None:
        for row in self.rows.values():
            row.show("")
        self.questions.clear()

    def _applied_on(self, app_id: str | None) -> str:
        apps = self.data.tables["applications"]
        found = apps.loc[apps["id"] == app_id, "applied_on"]
        return found.iat[0] if len(found) else ""

    def _write(self) -> str:
        record = {n: text_of(self[n]) for n in ("round", "went_well", "do_differently")}
        record |= {
            "application_id": self.picker.id,
            "held_on": day_text(self["held_on"].value),
            "format": self["format"].value or "",
            "result": self["result"].value,
        }
        ratings = [r for r in (row.row() for row in self.rows.values()) if r]
        loaded = self._loaded
        saved = save_review(
            self.ws,
            record,
            ratings,
            interview_id=loaded["id"] if loaded else None,
            final=self["final"].value,
            expected=loaded,
            expected_ratings=self._loaded_reviews if loaded else None,
            questions=self.questions.rows(),
            expected_questions=self._loaded_questions if loaded else None,
        )
        self.saved = saved.key
        return saved.message

    def _reset(self) -> None:
        if self.earlier.value:
            self.earlier.value = ""  # the observer clears the form
        else:
            self._new()


def _reviews_of(data: Data, iid: str) -> list[dict[str, str]]:
    reviews = data.tables["reviews"]
    mine = reviews.loc[reviews["interview_id"] == iid].sort_values("touchpoint")
    return [{k: str(v) for k, v in r.items()} for r in mine.to_dict("records")]


def _interview_choices(data: Data) -> list[tuple[str, str]]:
    interviews = data.tables["interviews"]
    if interviews.empty:
        return []
    apps = data.tables["applications"].drop_duplicates("id").set_index("id")
    rows = interviews.loc[interviews["id"] != ""].sort_values(["held_on", "id"], ascending=False)
    company = rows["application_id"].map(apps["company"]).fillna("?")
    labels = rows["id"] + " · " + rows["held_on"] + " · " + company + " · " + rows["round"]
    return list(zip(labels.str.removesuffix(" · ").tolist(), rows["id"].tolist(), strict=True))
