"""The store's clock: every timestamp it writes comes from here."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    """The current UTC time without tzinfo (both backends store naive UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)
