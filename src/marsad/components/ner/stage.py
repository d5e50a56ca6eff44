"""The ``ner`` stage: tags the text layer's tokens with the shipped CRF model.

The model was trained on ANERcorp, whose tokens are whitespace words with punctuation split
off and clitics left attached; the text layer's tokens have the same shape, so each token's
surface text goes to the model as is. A mention's span starts after an attached و ف ب ل ك
(the token's ``conj`` and ``prep`` segments) and keeps ال. Where ل+ال was written لل
(وللأمم), the span starts at the article's ل and the mention text restores the alef:
``الأمم المتحدة``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import groupby

from marsad.components.ner.model import NerModel, load_model
from marsad.core.types import Document, Mention, Token
from marsad.text.tokens import name_start as mention_start

LABELS = ("PERS", "ORG", "LOC", "MISC")


def spans(tokens: Sequence[Token], tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity (first token, last token exclusive, label) runs; an I- after O starts one."""
    out = []
    i = 0
    while i < len(tags):
        tag = tags[i]
        if tag == "O":
            i += 1
            continue
        label = tag[2:]
        j = i + 1
        while j < len(tags) and tags[j] == f"I-{label}":
            j += 1
        out.append((i, j, label))
        i = j
    return out


def doc_mentions(doc: Document, model: NerModel) -> tuple[Mention, ...]:
    sents = [list(group) for _, group in groupby(doc.tokens, key=lambda t: t.sentence)]
    tags = model.tag([[t.text for t in s] for s in sents])
    text = doc.article.text
    out: list[Mention] = []
    for toks, ts in zip(sents, tags, strict=True):
        for i, j, label in spans(toks, ts):
            start, fix = mention_start(toks[i])
            end = toks[j - 1].end
            if end > start:
                out.append(Mention(start, end, label, fix + text[start:end]))
    return tuple(out)


class NerStage:
    """Finds PERS, ORG, LOC and MISC mentions in the tokens of each document."""

    name = "ner"
    requires: frozenset[str] = frozenset({"tokens"})
    produces: frozenset[str] = frozenset({"mentions"})

    def __init__(self, model_dir: str | None = None) -> None:
        self.model_dir = model_dir

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        model = load_model(self.model_dir)
        return [replace(d, mentions=doc_mentions(d, model)) for d in docs]
