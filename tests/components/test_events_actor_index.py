"""The event coder finds a sentence's actors through an index built once per document, with the
answers the scans over every actor of the document gave."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice
from pathlib import Path

import pytest

from marsad.coding import build_pipeline
from marsad.components.events.agents import actor_words, document_spans
from marsad.components.events.coder import sentence_words
from marsad.components.events.words import Word
from marsad.core.types import Actor, ActorMention, Article, Document, Mention
from marsad.readers import read
from marsad.text.morph import reading

SAMPLE = Path(__file__).parents[2] / "src/marsad/resources/samples/ant-sample.jsonl.gz"


def scan_words(doc: Document, words: Sequence[Word]) -> frozenset[int]:
    """What ``actor_words`` was: every span of the document against every word."""
    spans = [(a.start, a.end) for a in doc.actors]
    spans += [(m.start, m.end) for m in doc.mentions if m.label in ("PERS", "ORG")]
    return frozenset(w.i for w in words if any(a < w.end and w.start < b for a, b in spans))


def scan_actor(doc: Document, a: int, b: int) -> ActorMention | None:
    """What the coder's ``_actor`` chose: a scan of every actor mention in document order."""
    best, overlap = None, 0
    for am in doc.actors:
        ov = min(b, am.end) - max(a, am.start)
        if ov > 0 and (best is None or am.start < best.start or (am.start == best.start and ov > overlap)):
            best, overlap = am, ov
    return best


@pytest.fixture(scope="module")
def docs(seed_path: Path) -> list[Document]:
    arts = [r for r in read(seed_path) if isinstance(r, Article)]
    arts += [r for r in islice(read(SAMPLE), 40) if isinstance(r, Article)]
    return list(build_pipeline().pipe(arts))


@pytest.mark.slow
def test_index_answers_as_the_scans_did(docs: list[Document]) -> None:
    looked = 0
    for doc in docs:
        index = document_spans(doc)
        assert document_spans(doc) is index  # built once for the document
        for sent in sentence_words(doc):
            ws = sent.words
            assert actor_words(doc, ws) == scan_words(doc, ws)
            for i in range(len(ws)):
                for j in range(i + 1, min(len(ws), i + 6) + 1):
                    for a in (ws[i].start, ws[i].start + 1, ws[i].end):
                        b = ws[j - 1].end
                        if a < b:
                            assert index.overlapping_actor(a, b) is scan_actor(doc, a, b)
                            looked += 1
    assert looked > 10_000 and sum(len(d.actors) for d in docs) > 200


def _hand_built(n: int) -> tuple[Document, list[list[Word]]]:
    """n one-word sentences; the even words are actors, every third an ORG mention too, and
    nested and equal-start mentions at every tenth word."""
    text = "".join(f"ك{i:06d} " for i in range(n))
    words = [[Word(0, 8 * i, 8 * i + 7, text[8 * i: 8 * i + 7], text[8 * i: 8 * i + 7], "word", reading(text[8 * i: 8 * i + 7]))]
             for i in range(n)]
    actors: list[ActorMention] = []
    for i in range(0, n, 2):
        if i % 10 == 0 and i + 2 < n:  # a longer mention starting at the same word, then a nested one
            actors.append(ActorMention(8 * i, 8 * i + 23, text[8 * i: 8 * i + 23], Actor(id=f"L{i}", code="", name_ar=""), i))
        actors.append(ActorMention(8 * i, 8 * i + 7, text[8 * i: 8 * i + 7], Actor(id=f"A{i}", code="", name_ar=""), i))
    mentions = tuple(Mention(8 * i, 8 * i + 7, "ORG", text[8 * i: 8 * i + 7]) for i in range(1, n, 3))
    return Document(Article(id="big", text=text), mentions=mentions, actors=tuple(actors)), words


def test_small_hand_built_document_as_the_scans() -> None:
    doc, words = _hand_built(300)
    index = document_spans(doc)
    for ws in words:
        assert actor_words(doc, ws) == scan_words(doc, ws)
    for a in range(0, len(doc.text), 3):
        for b in range(a + 1, min(len(doc.text), a + 30), 4):
            assert index.overlapping_actor(a, b) is scan_actor(doc, a, b)


def test_a_document_of_60000_sentences_is_looked_up_not_scanned() -> None:
    # 60,000 sentences x 33,000 mentions: the scans compared about 2 * 10^9 pairs; the index bisects
    n = 60_000
    doc, words = _hand_built(n)
    covered = [i for ws in words for i in [ws[0].start // 8] if actor_words(doc, ws)]
    assert covered == [i for i in range(n) if i % 2 == 0 or i % 3 == 1 or i % 10 == 1]
    index = document_spans(doc)
    chosen = [index.overlapping_actor(ws[0].start, ws[0].end) for ws in words]
    assert [am.actor.id if am else None for am in chosen[:13]] == [
        "L0", "L0", "L0", None, "A4", None, "A6", None, "A8", None, "L10", "L10", "L10"]
    assert sum(am is not None for am in chosen) == n // 2 + n // 10  # odd words: only those in a long mention
