"""Tokens with their morphological reading and conservative clitic segmentation, every piece
with its original offsets.

A token is an Arabic word, a Latin word, a number or one punctuation character.
Arabic words are segmented into conjunction (و ف), preposition (ب ل ك), future
(س), article (ال) and attached pronoun pieces only when the evidence is clear:
the remaining stem must be at least as frequent a word as the whole (word
frequencies from ``wordfreq``), or be introduced by ال, and words listed in
``resources/lexicon/unsegmentable.txt`` (بان, لبنان, فلسطين, إلى ...) are never cut.
Every token with a normalised form carries its reading (:mod:`marsad.text.morph`), made once
here for all the components.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from marsad.core.types import Segment, Sentence, Token
from marsad.text.fastnew import fast_constructor
from marsad.text.morph import reading, segment_word
from marsad.text.normalize import norm_word, normalize
from marsad.text.wordcache import trim_caches, word_cache

_TOKEN = re.compile(
    r"(?P<word>[\u0621-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC]"  # Arabic letters
    r"[\u0621-\u065F\u0670-\u06D3\u06D5-\u06ED\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC\u200C\u200D]*)"  # + marks, tatweel, ZWNJ/ZWJ
    r"|(?P<number>[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,\u066B\u066C/:][0-9\u0660-\u0669\u06F0-\u06F9]+)*%?)"  # 0-9 ٠-٩ ۰-۹ with ٫ ٬ . , / :
    r"|(?P<latin>[A-Za-z\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F]*(?:['\u2019\-][A-Za-z0-9\u00C0-\u024F]+)*)"  # Latin words, ’ U+2019
    r"|(?P<punct>[^\s\w]|_)"
    r"|(?P<other>[^\s])",
)
_LIGHT = re.compile("[\u0640\u064B-\u065F\u0670\u06D6-\u06ED\u200C\u200D]")  # tatweel, harakat, dagger alef, Quranic marks, ZWNJ/ZWJ


@word_cache(300_000)
def _word_pieces(text: str) -> tuple[tuple[int, int, str, str], ...] | None:
    """Segments of an Arabic token as (start, end, text, kind) relative to the token; None for one stem."""
    marked = _LIGHT.search(text) is not None
    if marked:
        kept = [k for k, ch in enumerate(text) if not _LIGHT.match(ch)]
        light = "".join(text[k] for k in kept)
    else:
        light = text
    pieces = segment_word(light)
    if len(pieces) == 1:
        return None
    if not marked:  # offsets are the light word's; the first piece starts the token
        return tuple((a if n else 0, b, text[a if n else 0 : b], kind) for n, (kind, a, b) in enumerate(pieces))
    out = []
    for n, (kind, a, b) in enumerate(pieces):
        o_start = kept[a]
        o_end = kept[b] if b < len(kept) else len(text)  # a piece keeps its trailing marks
        if n == 0:
            o_start = 0
        out.append((o_start, o_end, text[o_start:o_end], kind))
    return tuple(out)


_segment = fast_constructor(Segment)
_token = fast_constructor(Token)


def _segments(text: str, start: int) -> tuple[Segment, ...]:
    """Segment an Arabic token found at ``start`` of the original text."""
    pieces = _word_pieces(text)
    if pieces is None:
        return (_segment(start, start + len(text), text, "stem"),)
    return tuple([_segment(start + a, start + b, t, k) for a, b, t, k in pieces])


def tokenize(text: str, sentences: Sequence[Sentence] = ()) -> list[Token]:
    """Tokens of ``text`` in order; ``sentence`` is the index of the sentence holding each."""
    trim_caches()
    bounds = [s.start for s in sentences[1:]]  # token sentence = sentences starting at or before it, less one
    bounds.append(len(text) + 1)
    sent, nxt = 0, bounds[0]
    tokens: list[Token] = []
    seg, tok, pieces_of, norm, read = _segment, _token, _word_pieces, norm_word, reading  # hot loop: local names
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        a, b = m.span()
        surface = m.group()
        while a >= nxt:
            sent += 1
            nxt = bounds[sent]
        pieces = pieces_of(surface) if kind == "word" else None
        if pieces is None:
            segs: tuple[Segment, ...] = (seg(a, b, surface, "stem"),)
        else:
            segs = tuple([seg(a + p, a + q, t, k) for p, q, t, k in pieces])
        n = norm(surface)
        tokens.append(tok(len(tokens), a, b, surface, n, sent, kind, segs, read(n) if n else None))
    return tokens


def token_norms(text: str) -> list[str]:
    """Normalised token strings of ``text`` (for matching phrases against dictionaries)."""
    return [norm_word(m.group()) for m in _TOKEN.finditer(text)]


__all__ = ["tokenize", "token_norms", "normalize"]


def name_start(token: Token) -> tuple[int, str]:
    """Where a name starts inside ``token`` (after its و ف ب ل ك clitics, keeping ال), and a
    prefix its text needs: where ل+ال was written لل (وللأمم) the name starts at the article's ل
    and its text restores the unwritten alef ("ا")."""
    for seg in token.segments:
        if seg.kind in ("conj", "prep"):
            continue
        if seg.kind == "det" and seg.text == "ل":
            return seg.start, "ا"
        return seg.start, ""
    return token.start, ""


def token_at(tokens: Sequence[Token], offset: int) -> Token | None:
    """The token (sorted by start) that holds the original-text ``offset``, if any."""
    i = bisect_right(tokens, offset, key=lambda t: t.start) - 1
    return tokens[i] if i >= 0 and offset < tokens[i].end else None


def span_text(text: str, tokens: Sequence[Token], start: int, end: int) -> str:
    """``text[start:end]`` as a name reads: a span starting at the article's ل of لل (للأمم
    المتحدة) gets its alef back (الأمم المتحدة), as :func:`name_start` says."""
    tok = token_at(tokens, start)
    if tok is not None and name_start(tok) == (start, "ا"):
        return "ا" + text[start:end]
    return text[start:end]
