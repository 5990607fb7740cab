"""What the top of every notebook shows: where your log lives, and whether it is the demo."""

from __future__ import annotations

from html import escape

from ..errors import RejectkitError
from ..store.workspace import Workspace
from .cells import WidgetView

__all__ = ["Banner", "banner"]

_BOX = (
    "border-left:4px solid {color};padding:6px 12px;margin:4px 0;line-height:1.45;"
    "background:var(--jp-layout-color2, #f4f4f4)"
)
_DEMO = "var(--jp-warn-color1, #b26b00)"
_OWN = "var(--jp-brand-color1, #1f6fb2)"


class Banner(WidgetView):
    """The banner of a notebook; with demo data it offers a "Start my own log" button.

    Starting your own log asks for a confirmation first, then moves the demo files aside
    (nothing is deleted) and refreshes every open form.
    """

    def __init__(self, ws: Workspace):
        import ipywidgets as w

        self.ws = ws
        self.text = w.HTML()
        self.start_button = w.Button(description="Start my own log", icon="play",
                                     layout=w.Layout(width="auto"))  # fmt: skip
        self.confirm_text = w.HTML()
        self.yes_button = w.Button(description="Yes, start my own log", button_style="danger",
                                   layout=w.Layout(width="auto"))  # fmt: skip
        self.cancel_button = w.Button(description="Cancel", layout=w.Layout(width="auto"))
        self.confirm = w.VBox([self.confirm_text, w.HBox([self.yes_button, self.cancel_button])])
        self.message = w.HTML()
        self.start_button.on_click(lambda _b: self._ask())
        self.yes_button.on_click(lambda _b: self.start())
        self.cancel_button.on_click(lambda _b: self._show())
        # In an HBox the button keeps its own width instead of stretching across the page.
        self.widget = w.VBox([self.text, w.HBox([self.start_button]), self.confirm, self.message])
        self._show()
        self._track()

    def _show(self) -> None:
        try:
            data = self.ws.read()
        except RejectkitError as e:
            self.text.value = _box(escape(str(e)), _DEMO)
            self.start_button.layout.display = self.confirm.layout.display = "none"
            return
        where = f"<code>{escape(str(self.ws.path))}</code>"
        counts = (f"{len(data.tables['applications'])} applications, "
                  f"{len(data.tables['interviews'])} interviews")  # fmt: skip
        if data.demo:
            self.text.value = _box(
                "<b>You are looking at demo data: every name is invented.</b> Explore it "
                "freely; when you are ready, start your own log with the button below. The "
                f"demo is kept aside, not deleted. Your workspace: {where} ({counts}).",
                _DEMO,
            )
        else:
            problems = ""
            if n := len(data.problems):
                problems = (f"<br>It has {n} problem{'s' * (n != 1)}: run "
                            "<code>rejectkit check</code> to list them.")  # fmt: skip
            self.text.value = _box(f"Your log lives in {where} ({counts}).{problems}", _OWN)
        self.start_button.layout.display = None if data.demo else "none"
        self.confirm.layout.display = "none"

    def _ask(self) -> None:
        self.confirm_text.value = (
            "This gives you empty files to start your own log in "
            f"<code>{escape(str(self.ws.path))}</code>. The demo files are moved to "
            "<code>.rejectkit/demo-data</code> in that folder, so nothing is lost. "
            "Start your own log now?"
        )
        self.start_button.layout.display = "none"
        self.confirm.layout.display = None

    def start(self) -> None:
        """Move the demo aside and start an empty log (what "Yes, start my own log" does)."""
        from ..store.location import start_own_log
        from .forms import notify

        try:
            archive = start_own_log(self.ws)
        except RejectkitError as e:
            self.message.value = f"<p>⚠ {escape(str(e))}</p>"
            return
        self.message.value = (
            "<p>✔ Your own log is ready and empty: start with the application form. The demo "
            f"data is kept in <code>{escape(str(archive))}</code>.</p>"
        )
        self._show()
        notify(self.ws.path)


def _box(html: str, color: str) -> str:
    return f'<div style="{_BOX.format(color=color)}">{html}</div>'


def banner(ws: Workspace) -> Banner:
    """The banner to show at the top of a notebook.

    >>> import tempfile
    >>> from rejectkit.store.location import open_workspace
    >>> "demo data" in banner(open_workspace(tempfile.mkdtemp() + "/log")).text.value
    True
    """
    return Banner(ws)
