"""The kit's forms (ipywidgets): every one writes only through the store.

>>> from rejectkit.ui.forms import ApplicationForm, ReviewForm, FeedbackForm, StoryForm
"""

from __future__ import annotations

from ._base import notify
from .application import ApplicationForm
from .feedback import FeedbackForm
from .review import ReviewForm
from .story import StoryForm
from .strategy import StrategyForm

__all__ = ["ApplicationForm", "FeedbackForm", "ReviewForm", "StoryForm", "StrategyForm", "notify"]
