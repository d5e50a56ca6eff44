"""The HTTP API: ``create_app(engine)`` (FastAPI) over an event store; see ``docs/api.md``."""

from __future__ import annotations

from marsad.api.app import Settings, create_app

__all__ = ["Settings", "create_app"]
