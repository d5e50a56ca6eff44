"""The ``events`` stage: CAMEO and PLOVER events from each sentence (see :mod:`marsad.components.events`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from marsad.components.events.article_roles import article_country, fill_roles, imply_roles, spoken_by_actors
from marsad.components.events.assemble import assemble
from marsad.components.events.coder import code_document, state_boycotts
from marsad.components.events.detector import Detector, default_detector
from marsad.components.events.dictionary import Dictionary, default_dictionary, load_dictionary
from marsad.core.types import Document, Event


class EventsStage:
    """Codes events from tokens, dates, actors and places; works with empty actors and places."""

    name = "events"
    requires: frozenset[str] = frozenset({"tokens", "dates", "actors", "places"})
    produces: frozenset[str] = frozenset({"events"})

    def __init__(self, dictionary: str | Dictionary | None = None,
                 detector: Detector | None | bool = True) -> None:
        """``detector``: True for the shipped one (when installed), a Detector, or False/None for
        the rule coder's own confidence."""
        if isinstance(dictionary, str):
            dictionary = load_dictionary(dictionary)
        self.dictionary = dictionary or default_dictionary()
        self.detector = default_detector() if detector is True else (detector or None)
        self.version = f"detector@{self.detector.version}" if self.detector else None

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        coded = [replace(doc, events=code_document(doc, self.dictionary)) for doc in docs]
        if self.detector is not None:
            coded = [self.detector.score(doc) for doc in coded]
        return [replace(doc, events=article_steps(doc)) for doc in coded]


def article_steps(doc: Document) -> tuple[Event, ...]:
    """A document's mentions through the article-level steps: roles from the whole article,
    statements of actors only, mentions assembled into events, implied roles, state boycotts. The
    article's country is found once for both role steps."""
    if not doc.events:
        return tuple(doc.events)
    country = article_country(doc)
    filled = spoken_by_actors(fill_roles(doc, doc.events, country))
    return state_boycotts(imply_roles(doc, assemble(filled), country))


__all__ = ["EventsStage"]
