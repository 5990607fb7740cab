"""The import form: pick a file, check how its columns map, preview, then import."""

from __future__ import annotations

import html
import os
from pathlib import Path

from ..errors import RejectkitError
from ..records.import_rules import DATE_FORMATS, SKIP, TARGETS, guess_mapping, parse_status
from ..records.import_source import Source, read_source
from ..records.importing import ImportPlan, import_applications
from ..store.schema import OUTCOMES, STAGES
from ..store.workspace import Workspace
from .cells import WidgetView

__all__ = ["EXAMPLE", "ImportForm"]

# A fictional spreadsheet export shipped with the kit, to try the form on the demo data.
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "job-search-2026.csv"

_NOT_IMPORTED = "(not imported)"
_STATUS_CHOICES = [("choose what it means", ""), ("skip: never applied", SKIP)] + [
    (f"{stage} / {outcome}", f"{stage}/{outcome}")
    for stage in STAGES
    for outcome in OUTCOMES
    if (outcome == "offer") == (stage == "offer") or outcome == "withdrawn"
]


class ImportForm(WidgetView):
    """A form to import a spreadsheet or another tracker's export into ``ws``.

    Read the file, adjust the column mapping (prefilled from the header), choose the date
    format, then Preview (nothing is written) and Import (one save; undo takes it back).

    >>> import tempfile
    >>> from rejectkit.store.location import init_workspace
    >>> form = ImportForm(init_workspace(tempfile.mkdtemp()), path=EXAMPLE)
    >>> form.date_format.value = "%d/%m/%Y"
    >>> form.preview_button.click()
    >>> form.plan.mapping["Company Name"]
    'company'
    """

    def __init__(self, ws: Workspace, *, path: str | os.PathLike | None = None):
        import ipywidgets as w

        if path is None:
            # On the demo, the fictional example spreadsheet is ready to try.
            path = EXAMPLE if ws.read().demo else ""
        self.ws = ws
        self.source: Source | None = None
        self._read_key: tuple = ()
        self.plan: ImportPlan | None = None
        self.path = w.Text(
            value=str(path),
            description="File",
            placeholder="path to a .csv or .xlsx file, or upload one",
            layout=w.Layout(width="60%"),
        )
        self.upload = w.FileUpload(accept=".csv,.xlsx", multiple=False, description="Upload")
        self.sheet = w.Dropdown(options=[], description="Sheet")
        self.sheet.layout.display = "none"
        self.read_button = w.Button(description="Read file", icon="folder-open")
        self.date_format = w.Dropdown(
            options=[("YYYY-MM-DD (or a real Excel date)", "")]
            + [(label, fmt) for fmt, label in DATE_FORMATS.items()],
            description="Dates",
            style={"description_width": "initial"},
        )
        self.columns = w.VBox()
        self.statuses = w.VBox()
        self.preview_button = w.Button(description="Preview", icon="eye")
        self.import_button = w.Button(description="Import", button_style="primary", icon="check")
        self.message = w.HTML()
        self.result = w.HTML()
        self.mapping_widgets: dict[str, w.Dropdown] = {}
        self.status_widgets: dict[str, w.Dropdown] = {}
        self.read_button.on_click(lambda _: self._guard(self.read))
        self.preview_button.on_click(lambda _: self._guard(self.preview))
        self.import_button.on_click(lambda _: self._guard(self.apply))
        self.upload.observe(lambda _: self._guard(self.read), names="value")
        self.widget = w.VBox(
            [
                w.HBox([self.path, self.upload, self.read_button]),
                self.sheet,
                w.HTML("<b>Columns</b> (what each column of your file is in the kit)"),
                self.columns,
                self.date_format,
                self.statuses,
                w.HBox([self.preview_button, self.import_button]),
                self.message,
                self.result,
            ]
        )
        self._track()

    def _say(self, text: str, *, error: bool = False) -> None:
        colour = "#b00020" if error else "#1b5e20"
        self.message.value = (
            f'<div style="color:{colour};white-space:pre-wrap">{html.escape(text)}</div>'
        )

    # Actions -------------------------------------------------------------------------------

    def read(self) -> None:
        """Read the chosen file and fill the column mapping with the guess."""
        import ipywidgets as w

        self.message.value = self.result.value = ""
        self.plan = None
        sheet = self.sheet.value if self.sheet.options else None
        typed = self.path.value.strip()
        uploaded = self.upload.value[0] if self.upload.value else None
        if uploaded and typed in ("", uploaded["name"]):
            name, data = uploaded["name"], bytes(uploaded["content"])
            self.path.value = name
        elif typed:
            name, data = Path(typed).expanduser(), None
        else:
            raise RejectkitError("Choose a file first: type its path or upload it.")
        if self.source is not None and Path(name).name != self.source.name:
            sheet = None  # another file: its own first sheet
        self.source = read_source(name, sheet=sheet, data=data)
        if self.source.sheets:
            self.sheet.options = self.source.sheets
            self.sheet.value = self.source.sheet
            self.sheet.layout.display = None
        else:
            self.sheet.options = []
            self.sheet.layout.display = "none"
        self._read_key = self._key()
        guess = guess_mapping(self.source.columns)
        options = [(_NOT_IMPORTED, "")] + [(t, t) for t in TARGETS]
        self.mapping_widgets = {
            c: w.Dropdown(
                options=options,
                value=guess[c],
                description=c,
                style={"description_width": "12em"},
                layout=w.Layout(width="32em"),
            )
            for c in self.source.columns
        }
        self.columns.children = list(self.mapping_widgets.values())
        self.status_widgets = {}
        self.statuses.children = []
        self._say(f"Read {len(self.source.frame)} rows of {self.source.name}.")

    def preview(self) -> None:
        """Show what the import would do; nothing is written."""
        self._run(apply=False)

    def apply(self) -> None:
        """Import the new rows in one save."""
        self._run(apply=True)

    def _run(self, *, apply: bool) -> None:
        import ipywidgets as w

        if self.source is None or self._key() != self._read_key:
            self.read()
        mapping = {c: d.value for c, d in self.mapping_widgets.items()}
        statuses = {word: d.value for word, d in self.status_widgets.items() if d.value}
        self.plan = import_applications(
            self.ws,
            self.source.name,
            source=self.source,
            mapping=mapping,
            date_format=self.date_format.value or None,
            statuses=parse_status(statuses),
            apply=apply,
        )
        for word in self.plan.unknown_status:
            if word not in self.status_widgets:
                self.status_widgets[word] = w.Dropdown(
                    options=_STATUS_CHOICES,
                    description=word,
                    style={"description_width": "12em"},
                    layout=w.Layout(width="32em"),
                )
        if self.status_widgets:
            head = w.HTML("<b>Status words</b> your file uses that the kit does not know")
            self.statuses.children = [head, *self.status_widgets.values()]
        self.result.value = f"<pre>{html.escape(self.plan.describe())}</pre>"
        if apply:
            n = len(self.plan.added)
            self._say(
                f"Imported {n} application{'s' * (n != 1)}. Changed your mind? Undo takes the "
                "whole import back (rejectkit undo, or the history panel)."
            )
        else:
            self._say(f"Preview: {len(self.plan.add)} would be added. Nothing was written yet.")

    def _key(self) -> tuple:
        return (self.path.value.strip(), self.sheet.value if self.sheet.options else None)
