"""The ``places`` stage: country and city names geocoded with the shipped GeoNames/CLDR extract.

See :mod:`marsad.components.places.geocode` for the rules (support for small names, homonyms, precision).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from marsad.components.actors.lexicon import Lexicon, lexicon
from marsad.components.places.gazetteer import Gazetteer, gazetteer
from marsad.components.places.geocode import geocode_document
from marsad.core.types import Document


class PlacesStage:
    name = "places"
    requires: frozenset[str] = frozenset({"tokens", "mentions"})
    produces: frozenset[str] = frozenset({"places"})

    def __init__(self, lex: Lexicon | None = None, gaz: Gazetteer | None = None) -> None:
        self.lex = lex or lexicon()
        self.gaz = gaz or gazetteer()

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        return [replace(d, places=tuple(geocode_document(d, self.lex, self.gaz))) for d in docs]
