"""The ``events`` stage: CAMEO and PLOVER events from each sentence (see :mod:`marsad.components.events`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from marsad.components.events.coder import code_document
from marsad.components.events.dictionary import Dictionary, default_dictionary, load_dictionary
from marsad.core.types import Document


class EventsStage:
    """Codes events from tokens, dates, actors and places; works with empty actors and places."""

    name = "events"
    requires: frozenset[str] = frozenset({"tokens", "dates", "actors", "places"})
    produces: frozenset[str] = frozenset({"events"})

    def __init__(self, dictionary: str | Dictionary | None = None) -> None:
        if isinstance(dictionary, str):
            dictionary = load_dictionary(dictionary)
        self.dictionary = dictionary or default_dictionary()

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        return [replace(doc, events=code_document(doc, self.dictionary)) for doc in docs]


__all__ = ["EventsStage"]
