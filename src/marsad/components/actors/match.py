"""Words of a document with their readings, and longest dictionary matches over them.

A word's dictionary forms are its reading's (:func:`marsad.text.morph.reading`: ``bare_forms`` and
``inner``); nothing here analyses a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.components.actors.lexicon import WORD, Entry, Lexicon
from marsad.core.types import Document
from marsad.text.fastnew import fast_constructor
from marsad.text.morph import reading
from marsad.text.normalize import normalize, to_original

#: Characters that end a clause for matching: , ; : . ! ? ( ) " « » - – — / and newlines.
_BREAK = re.compile('[,;:.!?()"\u00ab\u00bb\\-\u2013\u2014/\n\u201c\u201d]')
#: Sentence ends when a document has no sentences: . ! ? and line breaks.
_SENT_END = re.compile("[.!?\n]+")


@dataclass(frozen=True, slots=True)
class Word:
    index: int
    start: int  # normalised offsets
    end: int
    text: str  # normalised
    sentence: int
    cands: tuple[tuple[str, int, bool], ...]
    brk: bool  # a clause break (punctuation) lies between this word and the previous one
    inner: tuple[str, ...] = ()  # the forms it can take inside a phrase (see :func:`marsad.text.morph.inner_forms`)


@dataclass(frozen=True, slots=True)
class Match:
    i: int  # first word
    j: int  # one past the last word
    entries: tuple[Entry, ...]
    pre: int  # proclitic letters (و ف ب ك ل) on the first word, left out of the span
    det: bool  # the first word carried ال

    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}

    def first(self, kind: str) -> Entry | None:
        return next((e for e in self.entries if e.kind == kind), None)


def doc_words(doc: Document) -> list[Word]:
    """The words of a document (from its normalised text) with sentence indices and readings.

    Each call builds them anew: a stage that needs them more than once per document keeps them.
    """
    return _doc_words(doc)


_word = fast_constructor(Word)


def _doc_words(doc: Document) -> list[Word]:
    norm = doc.norm or normalize(doc.text)
    spans = [(s.start, s.end) for s in doc.sentences] or _own_sentences(doc.text)
    text, starts = norm.text, norm.starts
    breaks = [m.start() for m in _BREAK.finditer(text)]  # one character each, never inside a word
    breaks.append(len(text))
    out: list[Word] = []
    prev_end = sent = k = 0
    prev_sent = -1
    last = len(spans) - 1
    read = reading
    for m in WORD.finditer(text):
        a, b = m.span()
        o_start = starts[a]
        while sent < last and o_start >= spans[sent][1]:
            sent += 1
        while breaks[k] < prev_end:
            k += 1
        brk = breaks[k] < a or prev_sent != sent  # a break between the two words, or a new sentence
        r = read(m.group())
        out.append(_word(len(out), a, b, r.norm, sent, r.bare_forms, brk, r.inner))
        prev_end, prev_sent = b, sent
    return out


def _own_sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text) + 1))
    return spans


def match_at(lex: Lexicon, words: list[Word], i: int, stop: int, extra: Lexicon | None = None) -> Match | None:
    """The longest dictionary phrase starting at word ``i`` (not crossing a clause break or ``stop``)."""
    best: Match | None = None
    best_n = 0  # best.j - best.i
    cands = words[i].cands
    nxt = words[i + 1] if i + 1 < stop else None  # quick test of a longer phrase's second word
    second = nxt.inner if nxt is not None and not nxt.brk and nxt.sentence == words[i].sentence else ()
    for index in (lex.index,) if extra is None else (lex.index, extra.index):
        for form, pre, det in cands:
            hits = index.get(form)
            if not hits:
                continue
            for phrase, entry in hits:
                n = len(phrase)
                if i + n > stop or n < best_n:
                    continue
                if entry.need_det and not det:
                    continue
                if n > 1 and (phrase[1] not in second or n > 2 and not _rest(words, i, phrase)):
                    continue
                if best and n == best_n and best.pre == pre:
                    if entry not in best.entries:
                        best = Match(i, i + n, best.entries + (entry,), pre, det)
                elif not best or n > best_n or pre < best.pre:
                    best, best_n = Match(i, i + n, (entry,), pre, det), n
    return best


def _rest(words: list[Word], i: int, phrase: tuple[str, ...]) -> bool:
    """Words ``i+1 ..`` read as the rest of ``phrase`` in one clause: each has the phrase word among
    its readings, and not with an attached و/ف (inside a phrase that is coordination)."""
    sent = words[i].sentence
    for k in range(1, len(phrase)):
        w = words[i + k]
        if w.brk or w.sentence != sent or phrase[k] not in w.inner:
            return False
    return True


def find_matches(lex: Lexicon, words: list[Word], lo: int, hi: int, extra: Lexicon | None = None) -> list[Match]:
    """Greedy left-to-right longest matches between words ``lo`` and ``hi``."""
    out: list[Match] = []
    i = lo
    while i < hi:
        m = match_at(lex, words, i, hi, extra)
        if m:
            out.append(m)
            i = m.j
        else:
            i += 1
    return out


def span_of(doc: Document, words: list[Word], i: int, j: int, pre: int = 0) -> tuple[int, int]:
    """Original offsets of words ``i..j-1``, leaving out ``pre`` proclitic letters of the first."""
    norm = doc.norm or normalize(doc.text)
    return to_original(norm, words[i].start + pre, words[j - 1].end)
