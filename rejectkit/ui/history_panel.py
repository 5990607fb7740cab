"""The history panel: the latest changes, and an undo of the last save that asks first."""

from __future__ import annotations

import html

from ..store.history import changes
from ..store.undo import last_save, undo
from ..store.workspace import Workspace
from .cells import WidgetView

__all__ = ["HistoryPanel"]


class HistoryPanel(WidgetView):
    """The latest ``limit`` changes of ``ws`` and an Undo button (a second click confirms).

    >>> import tempfile
    >>> from rejectkit.store.location import init_workspace
    >>> ws = init_workspace(tempfile.mkdtemp())
    >>> _ = ws.add("changes", {"changed_on": "2026-11-20", "touchpoint": "your_questions",
    ...     "change": "Ask about the team"})
    >>> panel = HistoryPanel(ws)
    >>> panel.undo_button.click(); panel.confirm_button.click()
    >>> len(ws.read().changes)
    0
    """

    def __init__(self, ws: Workspace, *, limit: int = 20):
        import ipywidgets as w

        self.ws = ws
        self.limit = limit
        self.table = w.HTML()
        self.message = w.HTML()
        self.undo_button = w.Button(description="Undo last save", icon="undo")
        self.confirm_button = w.Button(description="Yes, undo it", button_style="warning")
        self.cancel_button = w.Button(description="Cancel")
        self.confirm = w.HBox([self.confirm_button, self.cancel_button])
        self.confirm.layout.display = "none"
        self.undo_button.on_click(lambda _: self._guard(self.ask))
        self.confirm_button.on_click(lambda _: self._guard(self.undo))
        self.cancel_button.on_click(lambda _: self._guard(self.cancel))
        self.widget = w.VBox([self.table, self.undo_button, self.message, self.confirm])
        self._guard(self.refresh)
        self._track()

    def _show_error(self, text: str, where=None) -> None:
        self.confirm.layout.display = "none"
        super()._show_error(text, where)

    def refresh(self) -> None:
        """Show the latest changes again."""
        frame = changes(self.ws, limit=self.limit)
        if frame.empty:
            self.table.value = "<i>No changes recorded yet.</i>"
            return
        shown = frame[["op", "at", "action", "file", "record", "field", "old", "new"]].rename(
            columns={"op": "save", "at": "when", "action": "change"}
        )
        shown["when"] = shown["when"].str.slice(0, 16).str.replace("T", " ")
        self.table.value = shown.to_html(index=False, escape=True, border=0)

    def ask(self) -> None:
        """Say what undo would revert, and show the confirm buttons."""
        entries = last_save(self.ws)
        if entries is None:
            self.message.value = "Nothing to undo."
            return
        first = entries.iloc[0]
        records = ", ".join(dict.fromkeys(entries["record"]))
        self.message.value = html.escape(
            f"Undo save {first['op']} of {first['at'][:16].replace('T', ' ')}: "
            f"{len(entries)} change(s) to {first['file']} ({records})?"
        )
        self.confirm.layout.display = None

    def undo(self) -> None:
        """Revert the last save."""
        self.confirm.layout.display = "none"
        undone = undo(self.ws)
        if undone is None:
            self.message.value = "Nothing to undo."
        else:
            self.message.value = html.escape(
                f"Undid save {undone['op'].iat[0]} ({len(undone)} change(s) to "
                f"{undone['file'].iat[0]})."
            )
        self.refresh()

    def cancel(self) -> None:
        self.confirm.layout.display = "none"
        self.message.value = ""
