"""The email in, the outcome logged: read a saved email, decide what it is, find its
application, and apply what it says as one save. No widgets here; the form and the command
call these functions.

>>> from rejectkit.inbox import read_email, classify, plan_email, apply_plan
"""

from __future__ import annotations

from .apply import InboxPlan, apply_plan, plan_email
from .classify import Decision, classify, load_phrases
from .files import read_email
from .match import Match, match_application
from .read import Email, EmailError, read_pasted

__all__ = [
    "Decision",
    "Email",
    "EmailError",
    "InboxPlan",
    "Match",
    "apply_plan",
    "classify",
    "load_phrases",
    "match_application",
    "plan_email",
    "read_email",
    "read_pasted",
]
