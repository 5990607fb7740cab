"""The story form: add a story to your story bank in the STAR shape, or edit one."""

from __future__ import annotations

import ipywidgets as w

from ...records.stories import STORY_FIELDS, save_story
from ...store.workspace import Data
from ._base import Form
from ._fields import Field, text_of

__all__ = ["StoryForm"]

_NEW = "— a new story —"
_STAR = {
    "situation": "Situation: where were you, what was going on?",
    "task": "Task: what did you have to do?",
    "action": "Action: what did you do (you, not the team)?",
    "result": "Result: what came of it, in numbers if you can?",
}


class StoryForm(Form):
    """Write down a story you tell in interviews, or pick one to edit it.

    >>> import tempfile
    >>> from rejectkit.store.location import open_workspace
    >>> form = StoryForm(open_workspace(tempfile.mkdtemp() + "/log"))
    >>> form["title"].value = "The late dataset"   # then form.save_button.click()
    """

    title = "Your story bank"
    intro = (
        "Keep each example you tell in interviews in the STAR shape: situation, task, action, "
        "result. Link it to the questions it answers, and the stories page shows where you told "
        "it and how those rounds ended."
    )
    save_label = "Save this story"

    def _build(self) -> None:
        self._loaded: dict[str, str] | None = None
        self._loading = False
        f = self.add
        self.earlier = w.Dropdown(options=[(_NEW, "")], value="")
        f(Field("earlier", "Do you want to edit a story of your bank?", self.earlier,
                hint="Leave this at “a new story” to add one."))  # fmt: skip
        f(Field("title", "A short title you recognise the story by", w.Text(), required=True))
        for name, label in _STAR.items():
            f(Field(name, label, w.Textarea(rows=2)))
        f(Field("skills", "Which skills does it show?",
                w.Text(placeholder="stakeholder management; SQL"),
                hint="Separate them with ;"))  # fmt: skip
        f(Field("touchpoints", "Which kinds of question does it answer?",
                w.SelectMultiple(options=[], rows=6),
                hint="Hold Ctrl (Cmd on a Mac) to pick several."))  # fmt: skip
        self.earlier.observe(self._on(self._picked), "value")
        self._new()

    def _body(self):
        return [f.box for f in self.fields.values()]

    def _apply(self, data: Data) -> None:
        widget = self["touchpoints"]
        chosen = widget.value
        widget.options = [(t.label, t.key) for t in data.touchpoints]
        widget.value = tuple(k for k in chosen if k in {t.key for t in data.touchpoints})
        stories = data.tables["stories"]
        stories = stories.loc[stories["id"] != ""]
        choices = [
            (_NEW, ""),
            *zip(stories["id"] + " · " + stories["title"], stories["id"], strict=True),
        ]
        current = self.earlier.value
        self._loading = True
        try:
            self.earlier.options = choices
            self.earlier.value = current if current in {v for _, v in choices} else ""
        finally:
            self._loading = False

    def _picked(self) -> None:
        if self._loading:
            return
        sid = self.earlier.value
        stories = self.data.tables["stories"]
        found = stories.loc[stories["id"] == sid]
        if not sid or found.empty:
            self._new()
            return
        record = {k: str(v) for k, v in found.iloc[0].to_dict().items()}
        for name in STORY_FIELDS[:-1]:
            self[name].value = record[name]
        keys = {k for _, k in self["touchpoints"].options}
        self["touchpoints"].value = tuple(
            k for k in (p.strip() for p in record["touchpoints"].split(";")) if k in keys
        )
        self._loaded = record
        self.save_button.description = f"Save changes to {sid}"

    def _new(self) -> None:
        for name in STORY_FIELDS[:-1]:
            self[name].value = ""
        self["touchpoints"].value = ()
        self._loaded = None
        self.save_button.description = self.save_label

    def _check(self) -> dict[str, str]:
        return self._required("title")

    def _write(self) -> str:
        record = {n: text_of(self[n]) for n in STORY_FIELDS[:-1]}
        record["skills"] = ";".join(p.strip() for p in record["skills"].split(";") if p.strip())
        record["touchpoints"] = ";".join(self["touchpoints"].value)
        loaded = self._loaded
        saved = save_story(
            self.ws, record, story_id=loaded["id"] if loaded else None, expected=loaded
        )
        self.saved = saved.key
        return saved.message

    def _reset(self) -> None:
        if self.earlier.value:
            self.earlier.value = ""
        else:
            self._new()
