"""Reading personal names from the text next to titles (for people outside the dictionaries)."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from marsad.components.actors.match import Word, match_at, span_of
from marsad.core.types import Document
from marsad.text.morph import zipf
from marsad.text.normalize import normalize

if TYPE_CHECKING:
    from marsad.components.actors.state import State


def pers_words(doc: Document, words: list[Word]) -> frozenset[int]:
    """Indices of the words inside the NER stage's PERS mentions (none if the stage has not run)."""
    spans = [(m.start, m.end) for m in doc.mentions if m.label in ("PERS", "PER")]
    if not spans:
        return frozenset()
    norm = doc.norm or normalize(doc.text)
    ends = norm.ends
    last = [ends[w.end - 1] - 1 for w in words]  # original offset of each word's last character (ascending)
    out: set[int] = set()
    for a, b in spans:
        out.update(range(bisect_left(last, a), bisect_left(last, b)))
    return frozenset(out)


def name_ok(state: State, w: Word, first: bool) -> bool:
    t = w.text
    if w.index in state.pers:
        return match_at(state.lex, state.words, w.index, w.index + 1) is None or t not in state.lex.stopwords
    if len(t) < 2 or t in state.lex.stopwords or t.isdigit():
        return False
    if match_at(state.lex, state.words, w.index, w.index + 1) is not None:
        return False
    return not (first and t.startswith("ال"))


def common_noun(state: State, i: int) -> bool:
    """A first name word that is a common noun (frequent with and without ال: جلسة/الجلسة), or
    one behind an attached preposition (بزيارة, لزيارة: a name never starts with ب or ل + a noun)."""
    if i in state.pers:
        return False
    t = text_of(state, i, i + 1)
    rest = t[1:]
    if t.startswith(("بال", "لل", "بأل")) or (t[:1] in ("ب", "ل") and len(rest) >= 4 and word_like(rest)):
        return True
    other = t[2:] if t.startswith("ال") else "ال" + t
    return zipf(t) >= 4.3 and zipf(other) >= 3.6


def name_after(state: State, i: int, stop: int, strict: bool = True) -> int:
    """End of a 2-4 word name starting at word ``i`` (``i`` if none). ``strict`` (not after an
    honorific such as السفير): the first word must not be a common noun."""
    if strict and i < len(state.words) and common_noun(state, i):
        return i
    if i < len(state.words) and _conjunction(state.words[i].text):
        return i  # رئيس فرنسا وناقشنا: a word with و after a title starts a new conjunct, not the name
    j = i
    while j < min(stop, i + 4) and not state.words[j].brk and name_ok(state, state.words[j], j == i):
        j += 1
    return j if j - i >= 2 or (j > i and i in state.pers) else i


def name_before(state: State, i: int, lo: int) -> int | None:
    """Start of a 2-4 word name ending just before word ``i`` that begins a clause."""
    j = i
    while j > lo and i - j < 4 and not state.words[j].brk and name_ok(state, state.words[j - 1], False):
        j -= 1
    if j < i and all(k in state.pers for k in range(j, i)):
        return j  # an NER person name right before a title
    if i - j < 2 or not (state.words[j].brk or j == lo) or state.words[j].text.startswith("ال"):
        return None
    if any(_governed_noun(state, k) for k in range(j + 1, i)):
        return None  # تتعلق بزيارة ولي العهد: a preposition and its noun are no part of a name
    return None if common_noun(state, j) else j


def _governed_noun(state: State, k: int) -> bool:
    """A word that is an attached ب/ل and a common noun (بزيارة, لحماية), not an NER name."""
    t = text_of(state, k, k + 1)
    return k not in state.pers and t[:1] in ("ب", "ل") and len(t) >= 5 and word_like(t[1:])


def name_text(state: State, i: int, j: int) -> str:
    """The original text of a name on words ``i..j-1``, without a leading و/ف that is a conjunction."""
    if i >= j:
        return ""
    return text_of(state, i, j, int(_conjunction(state.words[i].text)))


def _conjunction(word: str) -> bool:
    """The word starts with a conjunction و/ف: the rest is a commoner word than the whole."""
    return word[:1] in ("و", "ف") and zipf(word[1:]) > zipf(word)


def word_like(word: str) -> bool:
    other = word[2:] if word.startswith("ال") else "ال" + word
    return zipf(word) >= 4.3 and zipf(other) >= 3.6


def text_of(state: State, i: int, j: int, pre: int = 0) -> str:
    s, e = span_of(state.doc, state.words, i, j, pre)
    return state.doc.text[s:e]
