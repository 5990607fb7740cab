"""The question log inside the review form: one line per question asked, its kind guessed from
the wording (and changeable), how it went, the story told and a note.

It is a part of :class:`~rejectkit.ui.forms.review.ReviewForm`, not a form of its own: the
questions are saved with the review, in the same transaction (one history entry, one undo).
"""

from __future__ import annotations

import ipywidgets as w

from ...records.stories import guess_kind
from ...store.schema import HOW
from ...store.workspace import Data
from ..cells import close_widgets
from ._fields import MAX_WIDTH, html_message, text_of

__all__ = ["QuestionLog", "QuestionRow", "story_choices"]

_NO_STORY = ""


def story_choices(data: Data) -> dict[str, str]:
    """Label shown in the story box -> story id, in the order of the story bank.

    >>> from rejectkit.store.workspace import Workspace
    >>> next(iter(story_choices(Workspace("data/sample").read())))
    'T0001 · The waiting-list dashboard'
    """
    stories = data.tables["stories"]
    stories = stories.loc[stories["id"] != ""]
    labels = stories["id"] + " · " + stories["title"]
    return dict(zip(labels.tolist(), stories["id"].tolist(), strict=True))


class QuestionRow:
    """One question: its text, kind, how it went, the story told (an existing one, or a new
    title to add to the story bank with this save) and a note."""

    def __init__(self, log: QuestionLog, row: dict[str, str] | None = None):
        self.log = log
        self.id = (row or {}).get("id", "")
        self._guessing = False
        self.kind_chosen = False
        self.question = w.Text(placeholder="Type a question you were asked",
                               layout=w.Layout(flex="3 1 260px"))  # fmt: skip
        self.kind = w.Dropdown(options=log.kinds, value=None, layout=w.Layout(flex="2 1 180px"))
        self.how = w.ToggleButtons(options=HOW, value=None, style={"button_width": "4.6em"},
                                   tooltips=["a strong answer", "a solid answer",
                                             "a gap: rehearse this one"])  # fmt: skip
        self.story = w.Combobox(placeholder="story told (pick, or type a new title)",
                                options=tuple(log.stories), ensure_option=False,
                                layout=w.Layout(flex="2 1 200px"))  # fmt: skip
        self.note = w.Text(placeholder="note", layout=w.Layout(flex="2 1 160px"))
        self.remove = w.Button(icon="times", tooltip="Remove this question",
                               layout=w.Layout(width="2.6em"))  # fmt: skip
        self.error = w.HTML("")
        wrap = w.Layout(flex_flow="row wrap", align_items="center")
        self.box = w.VBox(
            [w.HBox([self.question, self.kind, self.how, self.story, self.note, self.remove],
                    layout=wrap), self.error],
            layout=w.Layout(max_width=MAX_WIDTH),
        )  # fmt: skip
        self.question.observe(log.on(self._guess), "value")
        self.kind.observe(log.on(self._chosen), "value")
        self.remove.on_click(log.on(lambda: log.drop(self)))
        self.set(row)

    def set(self, row: dict[str, str] | None) -> None:
        row = row or {}
        self._guessing = True
        try:
            self.question.value = row.get("question", "")
            kind = row.get("kind", "")
            self.kind.value = kind if kind in {k for _, k in self.log.kinds} else None
        finally:
            self._guessing = False
        self.kind_chosen = bool(row.get("kind"))
        self.how.value = row.get("how") or None
        self.story.value = self.log.story_label(row.get("story_id", ""))
        self.note.value = row.get("note", "")

    def _guess(self) -> None:
        if self.kind_chosen:
            return  # the user picked the kind: a new wording does not overrule them
        self._guessing = True
        try:
            self.kind.value = guess_kind(self.question.value, [k for _, k in self.log.kinds])
        finally:
            self._guessing = False

    def _chosen(self) -> None:
        if not self._guessing:
            self.kind_chosen = self.kind.value is not None

    def filled(self) -> bool:
        return any(
            (text_of(self.question), self.how.value, text_of(self.story), text_of(self.note))
        )

    def row(self) -> dict[str, str]:
        """The questions.csv row (``story_title`` for a new story typed in the story box)."""
        story = text_of(self.story)
        story_id = self.log.story_id(story)
        return {"id": self.id, "question": text_of(self.question), "kind": self.kind.value or "",
                "how": self.how.value or "", "story_id": story_id or "",
                "story_title": "" if story_id or not story else story,
                "note": text_of(self.note)}  # fmt: skip

    def check(self) -> str | None:
        if not text_of(self.question):
            return "write the question you were asked, or remove this line"
        if not self.kind.value:
            return "pick the kind of question (no rule guessed it from the wording)"
        return None

    def show(self, message: str) -> None:
        self.error.value = html_message(message, "error") if message else ""


class QuestionLog:
    """The questions of one interview: the lines added so far and one line to type the next.

    ``on`` wraps each callback in the form's one error guard (WidgetView._on).
    """

    def __init__(self, on):
        self.on = on
        self.kinds: list[tuple[str, str]] = []
        self.stories: dict[str, str] = {}
        self.lines: list[QuestionRow] = []
        self.entry = QuestionRow(self)
        self.add_button = w.Button(description="Add this question", icon="plus",
                                   layout=w.Layout(width="auto"))  # fmt: skip
        self.add_button.on_click(on(self.add))
        self.list_box = w.VBox()
        self.box = w.VBox([self.list_box, self.entry.box, self.add_button])

    def update(self, data: Data) -> None:
        """Take the touchpoints and the story bank from freshly read data; keep what was typed."""
        self.kinds = [(t.label, t.key) for t in data.touchpoints]
        self.stories = story_choices(data)
        for row in [*self.lines, self.entry]:
            kind = row.kind.value
            row._guessing = True
            try:
                row.kind.options = self.kinds
                row.kind.value = kind if kind in {k for _, k in self.kinds} else None
            finally:
                row._guessing = False
            row.story.options = tuple(self.stories)

    def story_label(self, story_id: str) -> str:
        return next((label for label, sid in self.stories.items() if sid == story_id), story_id)

    def story_id(self, text: str) -> str | None:
        """The id of the story picked or typed (its label or its id); None for a new title."""
        if text in self.stories:
            return self.stories[text]
        return text.upper() if text.upper() in self.stories.values() else None

    def add(self) -> None:
        """Move the typed line into the list and open a new empty line."""
        self.entry.show("")
        if why := self.entry.check():
            self.entry.show(why)
            return
        self.lines.append(self.entry)
        self.entry = QuestionRow(self)
        self._layout()

    def drop(self, row: QuestionRow) -> None:
        if row is self.entry:
            row.set(None)
            return
        self.lines.remove(row)
        self._layout()
        close_widgets(row.box)

    def set(self, rows: list[dict[str, str]]) -> None:
        """Show ``rows`` (questions.csv rows of one interview) and an empty line for the next."""
        old = [*getattr(self, "lines", []), *([self.entry] if hasattr(self, "entry") else [])]
        self.lines = [QuestionRow(self, r) for r in rows]
        self.entry = QuestionRow(self)
        self._layout()
        # The rows replaced would otherwise stay alive in the kernel, one set per reset.
        for row in old:
            close_widgets(row.box)

    def _layout(self) -> None:
        self.list_box.children = [r.box for r in self.lines]
        self.box.children = [self.list_box, self.entry.box, self.add_button]

    def _all(self) -> list[QuestionRow]:
        # A line typed but not added yet is saved too: nobody should lose a question for not
        # clicking "Add".
        return [*self.lines, *([self.entry] if self.entry.filled() else [])]

    def rows(self) -> list[dict[str, str]]:
        return [r.row() for r in self._all()]

    def check(self) -> dict[str, str]:
        return {f"question:{i}": why for i, r in enumerate(self._all()) if (why := r.check())}

    def show(self, name: str, message: str) -> bool:
        rows = self._all()
        i = int(name.removeprefix("question:"))
        if 0 <= i < len(rows):
            rows[i].show(message)
            return True
        return False

    def clear(self) -> None:
        for r in [*self.lines, self.entry]:
            r.show("")
