"""What a save returns, and which fields of a record a save changes: shared by every save."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["Saved", "changed_fields"]


@dataclass(frozen=True)
class Saved:
    """What a save did: ``key`` of its record, ``message`` for the user, history ``op``
    (None when nothing needed saving)."""

    key: str
    message: str
    op: int | None = None


def changed_fields(loaded: Mapping[str, str], record: Mapping[str, str]) -> dict[str, str]:
    """The fields of ``record`` that differ from ``loaded``, the record as read from the file.

    Spaces around a value in the file do not count: a form drops them from what is typed,
    and a save must not rewrite fields the user did not touch.

    >>> changed_fields({"role": "Analyst ", "notes": ""}, {"role": "Analyst", "notes": "Call"})
    {'notes': 'Call'}
    """
    return {k: v for k, v in record.items() if str(loaded.get(k, "")).strip() != v}
