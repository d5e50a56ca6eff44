"""Arabic normalisation for matching, with a map back to the original text.

``normalize(text)`` folds the spelling variants that news uses for the same word:

* alef forms آ أ إ ٱ (U+0622 U+0623 U+0625 U+0671) -> ا (U+0627)
* ى (U+0649, also Farsi ی U+06CC) -> ي (U+064A): the Egyptian فى equals في, الإسلامى equals الإسلامي
* ة (U+0629) -> ه (U+0647); ؤ (U+0624) -> و; ئ (U+0626) -> ي; ک (U+06A9) -> ك
* tatweel (U+0640), diacritics (U+064B-U+065F, U+0670, U+06D6-U+06ED) removed
* Arabic-Indic (U+0660-U+0669) and Persian (U+06F0-U+06F9) digits -> 0-9
* ، ؛ ؟ (U+060C U+061B U+061F) -> , ; ?
* zero-width and bidi controls (U+200B-U+200F, U+202A-U+202E, U+2066-U+2069, U+061C, U+FEFF) removed
* no-break and other spaces (U+00A0, U+2000-U+200A, U+202F, U+205F, U+3000) -> space
* presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFC) unfolded by NFKC; Latin letters lower-cased

Normalisation works character by character, so it is idempotent and a span of the
normalised text maps back to the original with :func:`to_original`.
"""

from __future__ import annotations

import re
import unicodedata
from array import array

from marsad.core.types import NormText
from marsad.text.wordcache import word_cache

# Characters deleted without trace. Marks (diacritics, tatweel) are glued to the
# previous kept character when mapping spans back.
_MARKS = (
    [0x0640]  # ـ tatweel
    + list(range(0x064B, 0x0660))  # ً ٌ ٍ َ ُ ِ ّ ْ and other harakat
    + [0x0670]  # ٰ dagger alef
    + list(range(0x06D6, 0x06EE))  # Quranic annotation marks
)
_FORMAT = (
    list(range(0x200B, 0x2010))  # zero-width space, ZWNJ, ZWJ, LRM, RLM
    + list(range(0x202A, 0x202F))  # LRE RLE PDF LRO RLO
    + list(range(0x2066, 0x206A))  # LRI RLI FSI PDI
    + [0x061C, 0xFEFF, 0x00AD]  # Arabic letter mark, BOM, soft hyphen
)
_MAP_1TO1 = {
    0x0622: "ا", 0x0623: "ا", 0x0625: "ا", 0x0671: "ا",  # آ أ إ ٱ
    0x0649: "ي", 0x06CC: "ي", 0x06D2: "ي",  # ى ی ے
    0x0629: "ه",  # ة
    0x0624: "و",  # ؤ
    0x0626: "ي",  # ئ
    0x06A9: "ك", 0x06AA: "ك",  # ک ڪ
    0x060C: ",", 0x061B: ";", 0x061F: "?",  # ، ؛ ؟
    0x066B: ".", 0x066C: ",",  # ٫ ٬ decimal and thousands separators
    0x00A0: " ", 0x202F: " ", 0x205F: " ", 0x3000: " ",
}
_MAP_1TO1.update({cp: " " for cp in range(0x2000, 0x200B)})  # en quad .. hair space
_MAP_1TO1.update({0x0660 + i: str(i) for i in range(10)})  # ٠-٩
_MAP_1TO1.update({0x06F0 + i: str(i) for i in range(10)})  # ۰-۹
for _cp in list(range(0x41, 0x5B)) + list(range(0xC0, 0x250)):  # Latin capitals
    _low = chr(_cp).lower()
    if len(_low) == 1 and _low != chr(_cp):
        _MAP_1TO1[_cp] = _low

_DELETE = set(_MARKS) | set(_FORMAT)
_MARK_SET = frozenset(chr(c) for c in _MARKS)
_TABLE: dict[int, str | None] = {cp: None for cp in _DELETE}
_TABLE.update(_MAP_1TO1)

# Characters whose normalisation is not one-to-one (presentation forms, other
# capitals): handled by the slow path.
_SLOW = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFC\u0130\u1E00-\u1EFF\u0370-\u03FF\u0400-\u04FF\uFF00-\uFFEF]")
_DELETABLE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_DELETE)) + "]")


def _norm_char(ch: str) -> str:
    """Normalise one character (the slow path), returning 0, 1 or more characters."""
    cp = ord(ch)
    if cp in _TABLE:
        return _TABLE[cp] or ""
    if 0xFB50 <= cp <= 0xFEFC or 0xFF00 <= cp <= 0xFFEF:
        folded = unicodedata.normalize("NFKC", ch)
        if folded != ch:
            return "".join(_norm_char(c) for c in folded)
    low = ch.lower()
    if low != ch:
        return "".join(_norm_char(c) if c != ch else c for c in low)
    return ch


def normalize_text(text: str) -> str:
    """The normalised string alone (fast; no offset map)."""
    if _SLOW.search(text):
        return "".join(_norm_char(c) for c in text)
    return text.translate(_TABLE)


@word_cache(200_000)
def norm_word(word: str) -> str:
    """Cached normalisation of a short string such as a token or dictionary entry."""
    return normalize_text(word)


def normalize(text: str) -> NormText:
    """Normalise ``text`` and keep, for every normalised character, its original span.

    The offset map is a pair of ranges when nothing is deleted, else two compact ``array('i')``.
    """
    if _SLOW.search(text):
        return _normalize_slow(text)
    out = text.translate(_TABLE)
    n = len(text)
    if not _DELETABLE.search(text):
        return NormText(out, range(n), range(1, n + 1), n)
    iota = _iota(n + 1)  # runs of offsets are copied as slices of 0, 1, 2 ...
    starts = array("i")
    ends = array("i")
    prev = 0  # first original offset not yet mapped
    for m in _DELETABLE.finditer(text):
        p = m.start()
        if p > prev:
            starts.extend(iota[prev:p])
            ends.extend(iota[prev + 1 : p + 1])
        if ends and ends[-1] == p and text[p] in _MARK_SET:
            ends[-1] = p + 1  # glue a diacritic or tatweel to its letter
        prev = p + 1
    starts.extend(iota[prev:n])
    ends.extend(iota[prev + 1 : n + 1])
    return NormText(out, starts, ends, n)


_IOTA = array("i", range(1 << 16))


def _iota(n: int) -> array[int]:
    """``array('i', range(m))`` for some ``m >= n`` (kept and grown: slicing it is a copy of memory)."""
    global _IOTA
    if len(_IOTA) < n:
        _IOTA = array("i", range(max(n, 2 * len(_IOTA))))
    return _IOTA


def _normalize_slow(text: str) -> NormText:
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        rep = _norm_char(ch)
        if not rep:
            if ch in _MARK_SET and ends and ends[-1] == i:
                ends[-1] = i + 1
            continue
        parts.append(rep)
        starts.extend([i] * len(rep))
        ends.extend([i + 1] * len(rep))
    return NormText("".join(parts), array("i", starts), array("i", ends), len(text))


def to_original(norm: NormText, start: int, end: int) -> tuple[int, int]:
    """Map the normalised span ``[start, end)`` to a span of the original text."""
    if start >= end:
        pos = norm.starts[start] if start < len(norm.text) else norm.length
        return pos, pos
    return norm.starts[start], norm.ends[end - 1]
