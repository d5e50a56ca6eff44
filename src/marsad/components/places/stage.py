"""The ``places`` stage: country and city names geocoded with the shipped GeoNames/CLDR extract.

See :mod:`marsad.components.places.geocode` for the rules (support for small names, homonyms, precision).
The stage gets what it reads through its constructor: the actor dictionaries (default: the shipped
ones, :func:`marsad.components.actors.lexicon`; :func:`marsad.coding.build_pipeline` passes the
dictionaries with a user's actors file merged in) and the gazetteer (default: the shipped one, or
one built for dictionaries with other countries). It needs no other stage to have run: on a
document without actors it finds the organisation and person names it must skip itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from marsad.components.actors import Lexicon, lexicon
from marsad.components.places.gazetteer import Gazetteer, gazetteer, load_gazetteer
from marsad.components.places.geocode import geocode_document
from marsad.core.types import Document


class PlacesStage:
    name = "places"
    requires: frozenset[str] = frozenset({"tokens", "mentions"})
    produces: frozenset[str] = frozenset({"places"})

    def __init__(self, lex: Lexicon | None = None, gaz: Gazetteer | None = None) -> None:
        self.lex = lexicon() if lex is None else lex
        if gaz is None:  # the shipped one unless the dictionaries name other countries
            same = lex is None or lex.countries == lexicon().countries  # a user's actors file adds persons only
            gaz = gazetteer() if same else load_gazetteer(self.lex)
        self.gaz = gaz

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        return [replace(d, places=tuple(geocode_document(d, self.lex, self.gaz))) for d in docs]
