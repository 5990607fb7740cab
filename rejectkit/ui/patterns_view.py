"""The touchpoint picker of the patterns notebook: choose touchpoints, see their lines."""

from __future__ import annotations

from ..analysis.touchpoints import touchpoint_highlights, touchpoint_summary
from ..charts.scores import WIDTH, plot_score_trends
from .cells import WidgetView

__all__ = ["TrendPicker", "trend_picker"]

_HELP = (
    "Pick the touchpoints to draw (Ctrl or Cmd + click for several, Shift + click for a "
    "range). It starts with the ones that moved most."
)


class TrendPicker(WidgetView):
    """A multiple-choice list of rated touchpoints above their trend chart.

    ``picker`` is the ipywidgets ``SelectMultiple`` (values are touchpoint keys), ``ax`` the
    axes last drawn, ``widget`` the box a notebook shows.
    """

    def __init__(self, data, *, selected=None, window: int = 3):
        import ipywidgets as widgets

        self.data = data
        self.window = window
        summary = touchpoint_summary(data)
        rated = summary[summary["rated"] > 0]
        options = [(label, key) for key, label in rated["label"].items()]
        if selected is None:
            h = touchpoint_highlights(data)
            selected = list(dict.fromkeys(h.improved[:2] + h.slipping[:2])) or list(rated.index[:3])
        self.picker = widgets.SelectMultiple(
            options=options,
            value=tuple(k for k in selected if k in rated.index),
            rows=min(max(len(options), 1), 11),
            layout=widgets.Layout(width="min(100%, 34em)"),
        )
        self.output = widgets.Output()
        self.ax = None
        self.png = b""
        self.picker.observe(self._draw, names="value")
        self.widget = widgets.VBox([widgets.HTML(f"<p>{_HELP}</p>"), self.picker, self.output])
        self._draw()
        self._track()

    def _draw(self, change=None) -> None:
        from IPython.display import Image

        try:
            png = self._render()
        except Exception as error:  # shown under the picker, not lost in the kernel log
            self.output.outputs = ()
            self.output.append_stderr(f"The chart could not be drawn: {error}\n")
            return
        # The picture goes into the Output widget's state as one update, rather than through
        # the kernel's display messages: it then shows the same in JupyterLab, in a saved
        # notebook and under nbclient (whose capture of those messages can stall a run).
        self.output.outputs = ()
        self.output.append_display_data(Image(png, format="png"))
        self.png = png

    def _render(self) -> bytes:
        import io

        import matplotlib.pyplot as plt

        fig = plt.figure(figsize=(WIDTH, 6.5), layout="constrained")
        try:
            self.ax = plot_score_trends(
                self.data,
                touchpoints=list(self.picker.value),
                window=self.window,
                ax=fig.add_subplot(),
            )
            png = io.BytesIO()
            fig.savefig(png, format="png", dpi=90)
            return png.getvalue()
        finally:
            plt.close(fig)

    def _repr_mimebundle_(self, **kwargs):
        import base64

        bundle = self.widget._repr_mimebundle_(**kwargs)
        # The chart as first drawn travels with the widget view: a notebook saved without
        # widget state, or exported to static HTML (a shared bundle), still shows it.
        if self.png:
            bundle = {**bundle, "image/png": base64.b64encode(self.png).decode("ascii")}
        return bundle


def trend_picker(data, *, selected=None, window: int = 3) -> TrendPicker:
    """The trend chart with a touchpoint picker, for a notebook cell.

    >>> from rejectkit.store.workspace import Workspace
    >>> view = trend_picker(Workspace("data/sample").read())
    >>> view.picker.value
    ('tell_me_about_yourself', 'company_research', 'industry_questions')
    """
    return TrendPicker(data, selected=selected, window=window)
