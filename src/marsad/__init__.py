"""marsad (مرصد): Arabic news to political event data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.core.pipeline import ErrorHandler, Pipeline, Stage
from marsad.core.types import (
    Actor,
    ActorMention,
    Article,
    DateExpr,
    Document,
    Event,
    Mention,
    NormText,
    Place,
    PlaceMention,
    ReadError,
    Segment,
    Sentence,
    Span,
    Token,
)
from marsad.core.version import __version__

if TYPE_CHECKING:
    from marsad.store.store import Store

__all__ = [
    "Actor", "ActorMention", "Article", "DateExpr", "Document", "Event", "Mention", "NormText",
    "Pipeline", "Place", "PlaceMention", "ReadError", "Segment", "Sentence", "Span", "Stage", "Token",
    "__version__", "load", "open",
]


def load(
    stages: list[str] | tuple[str, ...] | None = None,
    on_error: ErrorHandler | None = None,
    batch_size: int = 64,
) -> Pipeline:
    """The default pipeline (text, ner, actors, places, events), or the named stages in order.

    ``on_error(doc, err)`` receives each document a stage failed on; by default the
    error is raised. See :func:`marsad.coding.build_pipeline` for the policy when a model is
    missing.
    """
    from marsad.coding import build_pipeline

    return build_pipeline(stages=stages, on_error=on_error, batch_size=batch_size)


def open(url: str = "marsad.db") -> Store:  # noqa: A001
    """Open an event store: a SQLite path (the default ``marsad.db``) or a PostgreSQL URL."""
    from marsad.store import open_store

    return open_store(url)
