"""The widgets: one :class:`~rejectkit.ui.cells.WidgetView` base, the banner, the forms,
panels and views. The only package (with run/) that imports ipywidgets or IPython.
"""
