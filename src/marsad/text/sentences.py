"""Sentence splitting for Arabic (and mixed Latin) news text.

``split_sentences(text)`` returns :class:`~marsad.core.types.Sentence` spans whose offsets
index ``text``; each span is trimmed of surrounding whitespace and invisible format
characters (zero-width and bidi marks, BOM), and together the spans cover every other
character of ``text`` exactly once, in order.

Rules, applied in one pass over the candidates that a single regex finds:

* every line break ends a sentence (paragraphs, headlines without final punctuation,
  list items on their own lines);
* ``. ! ? ؟ ۔`` end a sentence when followed by space, the end of the text, an opening
  quote, or directly by an Arabic letter (scraped news often drops the space:
  ``"تويتر".بعد``); a run such as ``?!`` counts once;
* closing quotes and brackets right after the mark (``."`` ``.»`` ``.)``) stay with the
  sentence, and so does a closer separated by spaces when the sentence has an unmatched
  opener (``ملائم . "`` after an opening ``"``);
* a full stop is not an end after an abbreviation (any single letter such as د. م. ص.,
  dotted runs such as U.S. or أ.د., and the words in ``resources/text/abbreviations.txt``),
  after a list number that opens its sentence (``1. البند``), or before a lower-case Latin
  letter;
* nor before an Arabic web suffix (العربية.نت);
* decimals (3.5, ٣٫٥) and dotted dates (22.05.2014) never match, because the mark must be
  followed by space or a letter;
* runs of two or more dots and the ellipsis ``…`` end a sentence when space follows them
  (Arabic news mostly uses them between sentences: ``بلاده.. إن وزارة الخارجية``), but not
  when glued to the next word (``"...بتقووني"``) or after a lone و ("and ...").
"""

from __future__ import annotations

import re
from functools import lru_cache

import marsad.resources as resource_files
from marsad.core.types import Sentence
from marsad.text.normalize import norm_word

# Line breaks: \n \v \f \r, FS GS RS (U+001C-U+001E), NEL (U+0085), LS PS (U+2028 U+2029).
_BREAK = "\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029"
# Sentence-final marks: . ! ? ؟ (U+061F) ۔ (U+06D4 Urdu full stop) … (U+2026).
_TERM = ".!?\u061f\u06d4\u2026"
# Closers kept with the sentence: " ' » (U+00BB) ” (U+201D) ’ (U+2019) › (U+203A) ) ] }.
_CLOSE = "\"'\u00bb\u201d\u2019\u203a)\\]}"
# Openers that may follow a final mark directly: « (U+00AB) “ (U+201C) ( ".
_OPEN = "\u00ab\u201c("
# Arabic letters ء-ي (U+0621-U+064A) and ٱ-ۓ (U+0671-U+06D3).
_AR_LETTER = "\u0621-\u064a\u0671-\u06d3"

# One charset first (fast scan), then: a run of line breaks, or a run of final marks with
# the closers and marks glued to it, followed by space, the end, an opener or an Arabic letter.
_CANDIDATE = re.compile(
    rf"[{_BREAK}{_TERM}](?:(?<=[{_BREAK}])[{_BREAK}]*"
    rf"|(?<=[{_TERM}])[{_TERM}]*[{_CLOSE}{_TERM}]*(?=\s|$|[{_OPEN}{_AR_LETTER}]))"
)
# Closers separated from the mark by horizontal spaces (tab, space, U+00A0 no-break space),
# with a final mark that may follow them: ملائم . " .
_SPACED_CLOSE = re.compile(rf"[ \t\u00a0]+([{_CLOSE}]+)(?:[ \t\u00a0]*[{_TERM}]+)?(?=\s|$)")
# Punctuation stripped from the front of the word before a full stop: ( [ { " ' « (U+00AB) “ (U+201C).
_LEADING = "([{\"'\u00ab\u201c"
# A single letter with optional tatweel (U+0640), or dotted single letters: د م U U.S أ.د ق.م
_LETTERS = re.compile(r"(?:[^\W\d_]\u0640?\.)*[^\W\d_]\u0640?")
# A list number: 1-3 ASCII, Arabic-Indic (U+0660-U+0669) or Persian (U+06F0-U+06F9) digits.
_LIST_NUMBER = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]{1,3}")
# The letters right after a full stop (for العربية.نت).
_WORD_AFTER = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+")
# Invisible format characters trimmed like spaces: ZWSP ZWNJ ZWJ LRM RLM (U+200B-U+200F),
# LRE-RLO (U+202A-U+202E), LRI-PDI (U+2066-U+2069), ALM (U+061C), BOM (U+FEFF).
_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                       "\u2066\u2067\u2068\u2069\u061c\ufeff")
_EDGES = re.compile("^[\\s" + "".join(sorted(_INVISIBLE)) + "]+|[\\s" + "".join(sorted(_INVISIBLE)) + "]+$")
# Final marks alone after spaces: "؟ ." ". ." (the second mark joins the sentence).
_SPACED_TERM = re.compile(rf"[ \t\u00a0]+[{_TERM}]+(?=\s|$)")
_PAIRS = {'"': ('"', '"'), "'": ("'", "'"), "\u00bb": ("\u00ab", "\u00bb"),
          "\u201d": ("\u201c", "\u201d"), "\u2019": ("\u2018", "\u2019"),
          "\u203a": ("\u2039", "\u203a"), ")": ("(", ")"), "]": ("[", "]"), "}": ("{", "}")}


@lru_cache(maxsize=1)
def _abbreviation_table() -> tuple[frozenset[str], frozenset[str]]:
    """(abbreviations, web-address suffixes), normalised; the suffixes are the lines with a dot."""
    text = resource_files.read_text("text", "abbreviations.txt")
    lines = [norm_word(ln.strip()) for ln in text.splitlines()]
    entries = [ln for ln in lines if ln and not ln.startswith("#")]
    return (frozenset(e for e in entries if not e.startswith(".")),
            frozenset(e[1:] for e in entries if e.startswith(".")))


@lru_cache(maxsize=4)
def _longest(table: frozenset[str]) -> int:
    return max(map(len, table))


def _web_suffix_after(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` is followed by an Arabic web suffix: العربية.نت"""
    word = _WORD_AFTER.match(text, dot + 1)
    return word is not None and norm_word(word.group()) in _abbreviation_table()[1]


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into trimmed sentences whose offsets index ``text``."""
    cuts: list[tuple[int, int]] = []  # (end of sentence, start of the rest)
    seg_start = line_start = 0
    for m in _CANDIDATE.finditer(text):
        if text[m.start()] in _BREAK:
            cuts.append((m.start(), m.end()))
            seg_start = line_start = m.end()
            continue
        if not _is_end(text, m, line_start, seg_start):
            continue
        end = _absorb_spaced_closer(text, seg_start, m.end())
        cuts.append((end, end))
        seg_start = end
    cuts.append((len(text), len(text)))
    return _build(text, cuts)


def _build(text: str, cuts: list[tuple[int, int]]) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0
    for end, nxt in cuts:
        if end > pos:
            start, stop = _trim(text, pos, end)
            if stop > start:
                out.append(Sentence(len(out), start, stop, text[start:stop]))
        pos = max(pos, nxt)
    return out


def _trim(text: str, pos: int, end: int) -> tuple[int, int]:
    """``[pos, end)`` without surrounding whitespace and invisible format characters."""
    chunk = text[pos:end]
    stripped = chunk.strip()
    if stripped and (stripped[0] in _INVISIBLE or stripped[-1] in _INVISIBLE):
        stripped = _EDGES.sub("", stripped)
        if not stripped:
            return pos, pos
        return pos + chunk.index(stripped), pos + chunk.index(stripped) + len(stripped)
    start = pos + (len(chunk) - len(chunk.lstrip()))
    return start, start + len(stripped)


def _is_end(text: str, m: re.Match[str], line_start: int, seg_start: int) -> bool:
    """Whether the final-mark candidate ``m`` (marks, then closers) ends a sentence."""
    found = m.group()
    term = found[: len(found) - len(found.lstrip(_TERM))]
    if term[0] == "\u2026" or term.startswith(".."):
        return _ellipsis_ends(text, m)
    if term != ".":
        return True
    after = m.end()
    while after < len(text) and text[after] in " \t\u00a0":
        after += 1
    if after < len(text) and "a" <= text[after] <= "z":
        return False  # "etc. and", "approx. five"
    if after == m.end() and _web_suffix_after(text, m.start()):
        return False
    return not _abbreviation_before(text, m.start(), line_start, seg_start)


def _ellipsis_ends(text: str, m: re.Match[str]) -> bool:
    """An ellipsis ends a sentence before space, unless it follows a lone و ("و...")."""
    if m.end() < len(text) and not text[m.end()].isspace():
        return False
    before = text[max(0, m.start() - 2): m.start()]
    return before not in ("و", " و", "\nو")


def _abbreviation_before(text: str, dot: int, line_start: int, seg_start: int) -> bool:
    """Whether the word ending at the full stop ``dot`` is an abbreviation, or a list number
    that opens its sentence ("1. البند", "تمرض. 17. الذهاب")."""
    lo = max(line_start, dot - 16)
    window = text[lo:dot]
    if not window or window[-1].isspace():
        return False
    parts = window.rsplit(None, 1)
    word = parts[-1].lstrip(_LEADING)
    table = _abbreviation_table()[0]
    if not word or (len(word) > _longest(table) and "." not in word and not word[0].isdigit()):
        return False  # the usual case: a long word ends the sentence
    word_start = dot - len(word)
    if _LIST_NUMBER.fullmatch(word):
        return not text[seg_start:word_start].strip()
    if _LETTERS.fullmatch(word):
        return not _after_number(text[max(line_start, word_start - 12):word_start])  # 2014 م.
    return all(norm_word(piece) in table for piece in word.split("."))  # سي.إن.بي.سي


def _after_number(before: str) -> bool:
    words = before.split()
    return bool(words) and _NUMBER.fullmatch(words[-1]) is not None


def _absorb_spaced_closer(text: str, seg_start: int, end: int) -> int:
    """Extend ``end`` over a closer after spaces when the sentence left its opener open, and
    over stray marks after spaces (``والازدهار؟ .``), which cannot start a sentence."""
    tm = _SPACED_TERM.match(text, end)
    if tm is not None:
        return tm.end()
    cm = _SPACED_CLOSE.match(text, end)
    if cm is None:
        return end
    closer = cm.group(1)[0]
    opener, close = _PAIRS[closer]
    body = text[seg_start:end]
    opened = body.count(opener)
    unmatched = opened % 2 == 1 if opener == close else opened > body.count(close)
    return cm.end() if unmatched else end
