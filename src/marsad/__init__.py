"""marsad (مرصد): Arabic news to political event data."""

from __future__ import annotations

__version__ = "0.1.0"

from .pipeline import Pipeline, Stage
from .types import (
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

__all__ = [
    "Actor", "ActorMention", "Article", "DateExpr", "Document", "Event", "Mention", "NormText",
    "Pipeline", "Place", "PlaceMention", "ReadError", "Segment", "Sentence", "Span", "Stage", "Token",
    "__version__", "load", "open",
]


def load(
    stages: list[str] | tuple[str, ...] | None = None,
    on_error=None,  # type: ignore[no-untyped-def]
    batch_size: int = 64,
) -> Pipeline:
    """The default pipeline (text, ner, actors, places, events), or the named stages in order.

    ``on_error(doc, err)`` receives each document a stage failed on; by default the
    error is raised.
    """
    from . import stages as _stages

    names = list(stages) if stages is not None else _stages.available()
    return Pipeline([_stages.make(n) for n in names], on_error=on_error, batch_size=batch_size)


def open(url: str = "marsad.db"):  # type: ignore[no-untyped-def]  # noqa: A001
    """Open an event store: a SQLite path (the default ``marsad.db``) or a PostgreSQL URL."""
    from .store import open_store

    return open_store(url)
