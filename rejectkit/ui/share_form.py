"""The share notebook's forms: preview and export a bundle for a mentor, and read their
comments back."""

from __future__ import annotations

import html
import tempfile
from datetime import date
from pathlib import Path

from ..errors import RejectkitError
from ..sharing.anonymise import ShareOptions
from ..sharing.bundle import review, share
from ..sharing.mentor_notes import mentor_notes
from ..store.workspace import Workspace
from .cells import WidgetView

__all__ = ["MentorNotesForm", "ShareForm"]

_KIND_WORDS = {
    "company": "Organisation",
    "contact": "Contact",
    "person": "Name you hid",
    "role": "Role naming an organisation",
    "place": "Location",
    "email": "Email address",
    "domain": "Email domain",
    "phone": "Phone number",
    "link": "Link",
}
_RED, _GREEN = "#b00020", "#1b5e20"


class ShareForm(WidgetView):
    """Export an anonymised bundle of ``ws`` for a mentor, with a preview of what is replaced.

    ``today`` is the real date (the bundle moves it like every other date).

    >>> from datetime import date
    >>> from rejectkit.store.workspace import Workspace
    >>> form = ShareForm(Workspace("data/sample"), today=date(2026, 11, 20))
    >>> form.hide.value = "Quentin Example"
    >>> form.options().hide
    ('Quentin Example',)
    """

    def __init__(self, ws: Workspace, *, today: date, out: str = "", notebooks=None):
        import ipywidgets as w

        self.ws = ws
        self.today = today
        self.notebooks = notebooks
        self.bundle = None
        wide = w.Layout(width="min(100%, 40em)")
        style = {"description_width": "8em"}
        self.out = w.Text(
            value=out or str(ws.path.parent / f"{ws.path.name}-share"),
            description="Folder",
            placeholder="a new or empty folder for the bundle",
            layout=wide,
            style=style,
        )
        self.hide = w.Textarea(
            description="Also hide",
            placeholder="one name per line: your own, a referrer's, a product or a project "
            "that names the organisation",
            rows=3,
            layout=wide,
            style=style,
        )
        self.drop_locations = w.Checkbox(description="Leave locations out", indent=False)
        self.months = w.Checkbox(description="Show months instead of dates", indent=False)
        self.drop_free_text = w.Checkbox(
            description="Leave notes and feedback text out (scores and counts stay)",
            indent=False,
            layout=w.Layout(width="auto"),
        )
        self.preview_button = w.Button(description="Preview", icon="eye")
        self.export_button = w.Button(description="Export", button_style="primary", icon="share")
        self.message = w.HTML()
        self.table = w.HTML()
        # One hide/keep choice per word that may be a name nobody listed (issue 14).
        self.candidates = w.VBox()
        self.choices: dict[str, w.ToggleButtons] = {}
        self.preview_button.on_click(lambda _: self._guard(self.show_preview))
        self.export_button.on_click(lambda _: self._guard(self.export))
        self.widget = w.VBox(
            [
                self.out,
                self.hide,
                w.VBox([self.drop_locations, self.months, self.drop_free_text]),
                w.HBox([self.preview_button, self.export_button]),
                self.message,
                self.candidates,
                self.table,
            ]
        )
        self._track()

    def _say(self, text: str, *, colour: str = _GREEN) -> None:
        self.message.value = (
            f'<div style="color:{colour};white-space:pre-wrap">{html.escape(text)}</div>'
        )

    def options(self) -> ShareOptions:
        """The choices of the form as :class:`~rejectkit.sharing.anonymise.ShareOptions`."""
        names = tuple(line.strip() for line in self.hide.value.splitlines() if line.strip())
        chosen = {v: c.value for v, c in self.choices.items()}
        return ShareOptions(
            hide=names + tuple(v for v, d in chosen.items() if d == "hide"),
            keep=tuple(v for v, d in chosen.items() if d == "keep"),
            drop_locations=self.drop_locations.value,
            months=self.months.value,
            drop_free_text=self.drop_free_text.value,
        )

    def show_preview(self) -> None:
        """Show every value that the export would replace, its alias and how often, the
        columns it leaves out, and a hide/keep choice for each word that may be a name."""
        import ipywidgets as w

        found = review(self.ws, self.options())
        replaced = found.replaced
        total = int(replaced["count"].sum()) if len(replaced) else 0
        left_out = ", ".join(dict.fromkeys(c.column for c in found.left_out))
        waiting = (
            f" {len(found.candidates)} words may be names nobody listed: choose hide or keep "
            "for each below, then Export."
            if found.candidates
            else ""
        )
        self._say(
            f"{len(replaced)} values of your log would be replaced, {total} times in all. "
            "Dates move by your secret number of weeks."
            + (f" Left out: {left_out}." if left_out else "")
            + waiting
            + " This table is for you only: it is not part of the bundle."
        )
        rows, self.choices = [], {}
        for c in found.candidates:
            choice = w.ToggleButtons(
                options=[("Hide", "hide"), ("Keep", "keep")],
                value=None,
                description=c.value,
                tooltips=["replace it by an alias everywhere", "share it as written"],
                style={"description_width": "12em", "button_width": "5em"},
            )
            self.choices[c.value] = choice
            note = w.HTML(f"<small>{html.escape(c.why)}; {html.escape(c.where)}: "
                          f"…{html.escape(c.context)}…</small>")  # fmt: skip
            rows.append(w.VBox([choice, note]))
        self.candidates.children = rows
        self.table.value = _table(replaced)

    def export(self) -> None:
        """Write the bundle, and say where, or why nothing was written."""
        if not self.out.value.strip():
            raise RejectkitError("Give a folder for the bundle: a new or empty one.")
        self._say("Exporting: anonymising, then running the patterns notebook on the copy ...")
        self.table.value = ""
        self.bundle = None
        # An export takes a while (a kernel runs the notebook): one click, one export.
        self.export_button.disabled = self.preview_button.disabled = True
        try:
            self.bundle = share(
                self.ws,
                self.out.value.strip(),
                today=self.today,
                options=self.options(),
                notebooks=self.notebooks,
            )
        finally:
            self.export_button.disabled = self.preview_button.disabled = False
        self._say(str(self.bundle))
        files = "".join(f"<li><code>{html.escape(f)}</code></li>" for f in self.bundle.files)
        where = html.escape(str(self.bundle.path))
        self.table.value = f"<p>In <code>{where}</code>:</p><ul>{files}</ul>"


def _table(replaced) -> str:
    if not len(replaced):
        return "<i>Nothing identifying found.</i>"
    shown = replaced.assign(kind=replaced["kind"].map(_KIND_WORDS))
    shown = shown[["kind", "value", "alias", "count"]].rename(
        columns={"kind": "What", "value": "In your log", "alias": "In the bundle", "count": "Times"}
    )
    return shown.to_html(index=False, escape=True, border=0)


class MentorNotesForm(WidgetView):
    """Read a filled ``mentor_notes.csv`` back: each comment next to your real record."""

    def __init__(self, ws: Workspace):
        import ipywidgets as w

        self.ws = ws
        self.path = w.Text(
            description="Notes file",
            placeholder="path to the mentor_notes.csv you got back, or upload it",
            layout=w.Layout(width="min(100%, 40em)"),
            style={"description_width": "8em"},
        )
        self.upload = w.FileUpload(accept=".csv", multiple=False, description="Upload")
        self.read_button = w.Button(description="Show comments", icon="comments")
        self.output = w.HTML()
        self.read_button.on_click(lambda _: self._guard(self.show))
        self.widget = w.VBox([w.HBox([self.path, self.upload]), self.read_button, self.output])
        self._track()

    def _show_error(self, text: str, where=None) -> None:
        super()._show_error(text, self.output if where is None else where)

    def show(self) -> None:
        """Show the comments of the uploaded file, or of the file named in the path box."""
        if self.upload.value:
            content = bytes(self.upload.value[0]["content"])
            with tempfile.TemporaryDirectory() as tmp:
                notes = mentor_notes(self.ws, _saved(Path(tmp), content))
        else:
            if not self.path.value.strip():
                raise RejectkitError("Give the path of the mentor_notes.csv, or upload it.")
            notes = mentor_notes(self.ws, Path(self.path.value.strip()).expanduser())
        if not notes:
            self.output.value = "<i>The file holds no comments yet.</i>"
            return
        rows = "".join(
            f"<tr><td>{html.escape(n.alias or 'general')}</td><td>{html.escape(n.real)}</td>"
            f"<td style='white-space:pre-wrap'>{html.escape(n.comment)}</td></tr>"
            for n in notes
        )
        self.output.value = (
            "<table><thead><tr><th>Mentor wrote about</th><th>In your log</th>"
            f"<th>Comment</th></tr></thead><tbody>{rows}</tbody></table>"
        )


def _saved(folder: Path, content: bytes) -> Path:
    path = folder / "mentor_notes.csv"
    path.write_bytes(content)
    return path
