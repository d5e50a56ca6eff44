"""Tokens with conservative clitic segmentation, every piece with its original offsets.

A token is an Arabic word, a Latin word, a number or one punctuation character.
Arabic words are segmented into conjunction (و ف), preposition (ب ل ك), future
(س), article (ال) and attached pronoun pieces only when the evidence is clear:
the remaining stem must be at least as frequent a word as the whole (word
frequencies from ``wordfreq``), or be introduced by ال, and words listed in
``resources/lexicon/unsegmentable.txt`` (بان, لبنان, فلسطين, إلى ...) are never cut.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

import marsad.resources as resource_files
from marsad.core.types import Segment, Sentence, Token
from marsad.text.fastnew import fast_constructor
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

_CONJ = "وف"  # و ف
_PREP = "بلك"  # ب ل ك
_IMPERFECT = "يتنا"  # ي ت ن ا after future س
_PRONOUNS = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه")  # longest first; ي and ك too ambiguous
_MIN_STEM = 3


@lru_cache(maxsize=1)
def _protected() -> frozenset[str]:
    text = resource_files.read_text("lexicon", "unsegmentable.txt")
    words = (line.strip() for line in text.splitlines())
    return frozenset(norm_word(w) for w in words if w and not w.startswith("#"))


#: Words of Arabic letters only (ء..غ ف..ي, U+0621-U+063A U+0641-U+064A): wordfreq reads them as one
#: token with nothing to fold, so their Zipf value is that of their frequency-list bucket.
_PLAIN_ARABIC = re.compile("[\u0621-\u063A\u0641-\u064A]+")


@lru_cache(maxsize=1)
def _zipf_table() -> tuple[dict[str, float], dict[float, float]]:
    """wordfreq's Arabic frequencies and, per frequency bucket, the Zipf value wordfreq gives it."""
    from wordfreq import get_frequency_dict, zipf_frequency

    freqs = get_frequency_dict("ar", "best")  # the call (and cache key) wordfreq itself uses
    by_freq: dict[float, float] = {}
    for word, f in freqs.items():
        if f not in by_freq and _PLAIN_ARABIC.fullmatch(word):
            by_freq[f] = float(zipf_frequency(word, "ar"))
    _drop_wordfreq_lists()
    return freqs, by_freq


def _drop_wordfreq_lists() -> None:
    """Free wordfreq's cached bucket lists, which only build the frequency dict (cached apart).

    They are 620,000 list slots that every full garbage collection walks; wordfreq reloads them
    if it ever needs them again, so lookups give the same answers either way.
    """
    from wordfreq import get_frequency_list

    clear = getattr(get_frequency_list, "cache_clear", None)
    if clear is not None:
        clear()


@word_cache(500_000)
def zipf(word: str) -> float:
    """Zipf frequency of an Arabic word (0 when unknown); equal to ``wordfreq.zipf_frequency(word, "ar")``.

    Plain Arabic words are looked up in wordfreq's table directly (the library's tokenising
    and folding would leave them unchanged); anything else goes through the library.
    """
    if _PLAIN_ARABIC.fullmatch(word):
        freqs, by_freq = _zipf_table()
        f = freqs.get(word)
        if f is None:
            return 0.0
        if f in by_freq:
            return by_freq[f]
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "ar"))


def _known(word: str) -> bool:
    return zipf(word) >= 2.0


def _better(whole: str, rest: str) -> bool:
    """Cut ``whole`` into a clitic and ``rest`` when ``rest`` is the likelier word."""
    if len(rest) < _MIN_STEM or norm_word(whole) in _protected():
        return False
    zw, zr = zipf(whole), zipf(rest)
    return zr > 0 and zr >= zw


def _split_prefixes(w: str) -> tuple[list[tuple[str, int, int]], int]:
    """Proclitic pieces of a light-normalised word as (kind, start, end), and where the stem starts."""
    pieces: list[tuple[str, int, int]] = []
    i = 0
    if len(w) - i >= 4 and w[i] in _CONJ and _conj_ok(w, i):
        pieces.append(("conj", i, i + 1))
        i += 1
    rest = w[i:]
    if len(rest) >= 4 and rest.startswith("لل") and norm_word(rest) not in _protected():
        pieces += [("prep", i, i + 1), ("det", i + 1, i + 2)]  # لل = ل + (ا)ل
        return pieces, i + 2
    if len(rest) >= 4 and rest[0] in _PREP and (rest[1:3] == "ال" or _better(rest, rest[1:])):
        pieces.append(("prep", i, i + 1))
        i += 1
    elif len(rest) >= 4 and rest[0] == "س" and rest[1] in _IMPERFECT and _better(rest, rest[1:]):
        pieces.append(("fut", i, i + 1))
        i += 1
    rest = w[i:]
    if rest.startswith("ال") and len(rest) >= 4 and norm_word(rest) not in _protected():
        pieces.append(("det", i, i + 2))
        i += 2
    return pieces, i


def _conj_ok(w: str, i: int) -> bool:
    rest = w[i + 1 :]
    if norm_word(w) in _protected() or rest.startswith(w[i]):
        return False
    if rest[:2] == "ال" or rest[:2] == "لل" or _better(w, rest):
        return True
    # an unknown word of 5+ letters after و is almost always و + an unseen name
    return w[i] == "و" and zipf(w) == 0 and len(rest) >= 4


def _split_suffix(w: str, start: int) -> int:
    """Where an attached pronoun starts in ``w`` (``len(w)`` when there is none)."""
    stem = w[start:]
    if norm_word(w) in _protected():
        return len(w)
    for suf in _PRONOUNS:
        if not stem.endswith(suf) or len(stem) - len(suf) < _MIN_STEM:
            continue
        base = stem[: -len(suf)]
        candidates = (base, base[:-1] + "ة") if base.endswith("ت") else (base,)  # ت -> ة before a suffix
        if any(_known(c) and zipf(c) >= zipf(stem) for c in candidates):
            return len(w) - len(suf)
    return len(w)


@word_cache(300_000)
def segment_word(light: str) -> tuple[tuple[str, int, int], ...]:
    """Segments of a word with marks removed (alef forms kept: أل is not ال), as (kind, start, end)."""
    pieces, i = _split_prefixes(light)
    has_det = any(k == "det" for k, _, _ in pieces)
    j = len(light) if has_det else _split_suffix(light, i)
    pieces.append(("stem", i, j))
    if j < len(light):
        pieces.append(("pron", j, len(light)))
    return tuple(pieces)


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
    seg, tok, pieces_of, norm = _segment, _token, _word_pieces, norm_word  # hot loop: local names
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
        tokens.append(tok(len(tokens), a, b, surface, norm(surface), sent, kind, segs))
    return tokens


def token_norms(text: str) -> list[str]:
    """Normalised token strings of ``text`` (for matching phrases against dictionaries)."""
    return [norm_word(m.group()) for m in _TOKEN.finditer(text)]


__all__ = ["tokenize", "token_norms", "segment_word", "zipf", "normalize"]


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
