"""The Arabic text layer: normalisation, sentences, tokens and dates.

``analyze(article)`` builds a :class:`~marsad.core.types.Document` with the normalised
text and its offset map, sentences, tokens (with clitic segments) and the date
expressions of the body resolved against the publication date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from marsad.core.types import Article, Document
from marsad.text.normalize import norm_word, normalize, normalize_text, to_original


def analyze(article: Article | Document) -> Document:
    """Normalise, split, tokenise and date one article."""
    from marsad.text.dates import find_dates
    from marsad.text.sentences import split_sentences
    from marsad.text.tokens import tokenize

    doc = article if isinstance(article, Document) else Document(article=article)
    text = doc.article.text
    sentences = tuple(split_sentences(text))
    norm = normalize(text)
    return replace(
        doc,
        norm=norm,
        sentences=sentences,
        tokens=tuple(tokenize(text, sentences)),
        dates=tuple(find_dates(text, doc.article.published, norm)),
    )


class TextStage:
    """The first stage of every pipeline: produces norm, sentences, tokens and dates."""

    name = "text"
    requires: frozenset[str] = frozenset({"article"})
    produces: frozenset[str] = frozenset({"norm", "sentences", "tokens", "dates"})

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        return [analyze(d) for d in docs]


__all__ = ["TextStage", "analyze", "normalize", "normalize_text", "norm_word", "to_original"]
