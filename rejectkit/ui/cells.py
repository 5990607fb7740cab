"""One live set of widgets per notebook cell: running a cell again closes what it showed before.

A notebook run twice (Run All, then Run All again) must not leave the first forms alive in
the kernel: their widgets would stay in memory and, for the forms, keep being refreshed after
every save. The front end replaces a cell's output when the cell runs again; this closes the
objects the previous run of that cell created, so the kernel matches what the page shows.

The cell is known from the ``cellId`` JupyterLab sends with each execution (IPython keeps it
on the running ``ExecutionResult``). Outside a notebook cell (a script, a test, a kernel that
is not told the cell) nothing is tracked and nothing is closed.
"""

from __future__ import annotations

import sys
import weakref

__all__ = [
    "WidgetView",
    "close_widgets",
    "error_html",
    "error_text",
    "open_workspace",
    "show_kit_errors_plainly",
    "shown_by_this_cell",
]

# cell id -> (the run of the cell, the objects that run created)
_BY_CELL: dict[str, tuple[object, list]] = {}


def _running_cell() -> tuple[str, object] | None:
    if "IPython" not in sys.modules:  # no IPython loaded, so certainly no cell is running
        return None
    shell = sys.modules["IPython"].get_ipython()
    result = getattr(getattr(shell, "displayhook", None), "exec_result", None)
    cell_id = getattr(getattr(result, "info", None), "cell_id", None)
    return (cell_id, result) if cell_id else None


def shown_by_this_cell(obj) -> None:
    """Note that the running cell created ``obj``; the cell's next run calls ``obj.close()``.

    >>> class Thing:
    ...     def close(self): print("closed")
    >>> shown_by_this_cell(Thing())  # outside a notebook cell: nothing to track
    """
    running = _running_cell()
    if running is None:
        return
    cell_id, run = running
    previous = _BY_CELL.get(cell_id)
    if previous is None or previous[0]() is not run:
        for old in previous[1] if previous else ():
            _close(old)
        previous = (weakref.ref(run), [])
        _BY_CELL[cell_id] = previous
    previous[1].append(obj)


def _close(obj) -> None:
    try:
        obj.close()
    except Exception as e:  # a widget that cannot close must not stop the new run
        print(f"rejectkit: could not close an earlier form: {e}", file=sys.stderr)


def close_widgets(root) -> None:
    """Close a widget and every widget it holds: children, layout, style.

    ipywidgets closes only the widget asked, so its layout and style (widgets too) and its
    children would otherwise stay in the kernel for as long as it runs.
    """
    from ipywidgets import Widget

    seen: set[int] = set()
    stack = [root]
    while stack:
        widget = stack.pop()
        if id(widget) in seen:
            continue
        seen.add(id(widget))
        for name in widget.keys:
            value = getattr(widget, name, None)
            for item in value if isinstance(value, (list, tuple)) else (value,):
                if isinstance(item, Widget):
                    stack.append(item)
        widget.close()


def show_kit_errors_plainly() -> None:
    """In a notebook, show the kit's own errors as their message, without a traceback.

    A :class:`~rejectkit.errors.RejectkitError` is a message for the user (a problem in a
    file, a refused save), not a bug; a traceback would bury it. Other errors keep theirs.
    """
    if "IPython" not in sys.modules:
        return
    shell = sys.modules["IPython"].get_ipython()
    if shell is None or getattr(shell, "_rejectkit_plain_errors", False):
        return
    from ..errors import RejectkitError

    def show(shell, etype, value, tb, tb_offset=None):
        print(str(value), file=sys.stderr)
        return []

    shell.set_custom_exc((RejectkitError,), show)
    shell._rejectkit_plain_errors = True


def open_workspace(data=None, *, demo_if_new: bool = True):
    """``rk.open_workspace()``: the user's workspace (see
    :func:`rejectkit.store.location.open_workspace`), and in a notebook the kit's own errors
    shown as plain messages from here on; every notebook starts with it.

    >>> import tempfile
    >>> open_workspace(tempfile.mkdtemp() + "/log").read().demo
    True
    """
    from ..store.location import open_workspace as open_store

    show_kit_errors_plainly()
    return open_store(data, demo_if_new=demo_if_new)


def error_text(error: BaseException) -> str:
    """The kit's error as a form says it: a refused save also says that nothing typed is lost
    (the store's own message says only why the disk refused, as the command line needs)."""
    from ..errors import SaveError

    if isinstance(error, SaveError):
        return f"{error} What you typed is still in the form."
    return str(error)


def error_html(text: str) -> str:
    """An error message as the views show it: red, line breaks kept, nothing taken as HTML."""
    import html

    return f'<div style="color:#b00020;white-space:pre-wrap">{html.escape(text)}</div>'


class WidgetView:
    """A view built around ``self.widget``: it shows as that widget, and running the cell that
    showed it again closes it. Subclasses call ``self._track()`` at the end of ``__init__``.

    Every callback of a view (a click, a changed field) runs under :meth:`_guard`, the one
    place that turns a failure into a message in the view instead of a traceback in the
    kernel's log, which nobody using a form ever sees.
    """

    widget = None
    last_error: BaseException | None = None

    def _guard(self, action, where=None) -> None:
        """Run ``action``; show the kit's own error as its message, anything else as a bug
        (kept in ``last_error``), in ``where`` (an HTML widget) or the view's own place."""
        from ..errors import RejectkitError

        try:
            action()
        except RejectkitError as e:
            self._show_error(error_text(e), where)
        except Exception as e:  # a bug: show it rather than lose it
            self.last_error = e
            self._show_bug(e, where)

    def _on(self, action, where=None):
        """``action`` as a callback for ``on_click`` or ``observe``, run under the guard."""
        return lambda *_: self._guard(action, where)

    def _show_error(self, text: str, where=None) -> None:
        (where if where is not None else self.message).value = error_html(text)

    def _show_bug(self, error: BaseException, where=None) -> None:
        self._show_error(
            f"Something went wrong in the kit ({type(error).__name__}: {error}); please report "
            "it. What you typed is still here.",
            where,
        )

    def _track(self) -> None:
        shown_by_this_cell(self)

    def close(self) -> None:
        """Close every widget of the view (running its cell again does this)."""
        close_widgets(self.widget)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
