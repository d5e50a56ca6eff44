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
    "__version__",
]
