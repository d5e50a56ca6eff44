"""The actors layer's fast paths (word list, NER name words, office holders) equal their definitions."""

from __future__ import annotations

from datetime import date

from marsad.components.actors.build import _end, holder
from marsad.components.actors.lexicon import lexicon
from marsad.components.actors.match import _BREAK, _doc_words
from marsad.components.actors.names import pers_words
from marsad.core.types import Article, Document, Mention
from marsad.text import analyze


def _seed_doc(seed_text: str) -> Document:
    return analyze(Article(id="seed", text=seed_text))


def test_clause_breaks_and_sentences_of_words(seed_text: str) -> None:
    doc = _seed_doc(seed_text)
    words = _doc_words(doc)
    assert len(words) > 300
    text = doc.norm.text
    for k, w in enumerate(words):
        prev = words[k - 1] if k else None
        gap_break = prev is not None and _BREAK.search(text, prev.end, w.start) is not None
        assert w.brk == (prev is None or gap_break or prev.sentence != w.sentence)
        original = doc.norm.starts[w.start]
        assert doc.sentences[w.sentence].start <= original < doc.sentences[w.sentence].end


def test_pers_words_are_the_words_ending_inside_a_pers_mention(seed_text: str) -> None:
    doc = _seed_doc(seed_text)
    words = _doc_words(doc)
    spans = [(3, 40), (35, 90), (500, 501), (700, 760), (len(seed_text) - 30, len(seed_text))]
    mentions = tuple(Mention(a, b, "PERS", seed_text[a:b]) for a, b in spans) + (Mention(0, 200, "ORG", ""),)
    doc = Document(article=doc.article, norm=doc.norm, sentences=doc.sentences, tokens=doc.tokens,
                   mentions=mentions)
    ends = doc.norm.ends
    expected = {w.index for w in words if any(a <= ends[w.end - 1] - 1 < b for a, b in spans)}
    assert expected and pers_words(doc, words) == frozenset(expected)


def test_office_holder_equals_a_scan_of_every_term() -> None:
    lex = lexicon()
    pairs = {(t.affiliation, t.role) for terms in lex.persons.values() for t in terms}
    assert len(pairs) > 50
    for when in (date(2014, 5, 22), date(2018, 7, 15), date(1990, 1, 1)):
        iso = when.isoformat()
        for aff, role in sorted(pairs):
            scan = next((t for terms in lex.persons.values() for t in terms
                         if t.affiliation == aff and t.role == role and t.start
                         and t.start <= iso <= _end(t.end or "9999")), None)
            assert holder(lex, aff, role, when) == scan
    assert holder(lex, "IGOUNO", "no such role", date(2014, 1, 1)) is None
