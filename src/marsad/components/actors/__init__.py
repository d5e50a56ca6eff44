"""Actor dictionaries and their resolution: see :mod:`marsad.components.actors.stage` for the stage.

The names other components use (the places stage matches the same dictionaries over the same
words) are exported here: :class:`Lexicon` and :func:`lexicon` (the shipped dictionaries),
:class:`Entry`, :func:`bare` and :func:`bare_phrase` (dictionary forms), :func:`doc_words`,
:class:`Word`, :class:`Match`, :func:`find_matches` and :func:`span_of` (matching over a
document's words), :func:`resolve_document` (every actor mention of a document) and :func:`lookup`
(what a phrase resolves to), and :func:`outlet_country` (the country of a national outlet).
"""

from __future__ import annotations

from marsad.components.actors.lexicon import Entry, Lexicon, bare, bare_phrase, lexicon
from marsad.components.actors.match import Match, Word, doc_words, find_matches, span_of
from marsad.components.actors.outlets import outlet_country
from marsad.components.actors.resolve import resolve_document
from marsad.components.actors.stage import lookup

__all__ = ["Entry", "Lexicon", "Match", "Word", "bare", "bare_phrase", "doc_words", "find_matches", "lexicon",
           "lookup", "outlet_country", "resolve_document", "span_of"]
