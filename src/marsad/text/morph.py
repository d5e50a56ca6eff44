"""The one morphological reading of a word: every clitic and affix rule marsad uses, in one place.

The text layer reads each token once (:func:`reading` of its normalised form, stored as
``Token.reading``) and every component reads that instead of analysing the word again. A reading
(:class:`~marsad.core.types.Reading`) keeps, as named fields, the forms the components look up:

* ``bare_forms`` and ``inner``: the dictionary forms for actor and gazetteer matching, with the
  proclitics و ف ب ك ل and the article ال removed when enough is left (:func:`bare_forms`);
* ``light_stem``, ``article_form`` and ``name_forms``: the named-entity tagger's stem (leading
  و ف ب ل ك ال off, when three letters are left), the word with its ال but without what comes
  before it, and the forms a listed name's first word is looked up by;
* ``unconj``, ``future``, ``analyses``, ``stems`` and ``list_forms``: the event coder's readings:
  the word without a leading و/ف, the future prefix س, every candidate (stem, kind) with
  conjunctions, prepositions, the article, imperfect prefixes, subject suffixes and pronouns
  stripped (:func:`analyses`), and the forms looked up in its word lists.

The clitic *segmentation* of a token (``Token.segments``: conservative, frequency-checked pieces
with their offsets, :func:`segment_word`) is made here too, from the word with marks removed but
alef forms kept.

The readings differ on purpose (a light stem for matching names, a fuller set of candidates for
event triggers); each rule is written once, here. :func:`reading` is a bounded memo of a pure
function, so the same word gives the same object wherever it is read; a reading pickles as its
word and is read again when unpickled.
"""

from __future__ import annotations

import copyreg
import re
from collections.abc import Callable
from functools import lru_cache

import marsad.resources as resource_files
from marsad.core.types import Reading
from marsad.text.fastnew import fast_constructor
from marsad.text.normalize import norm_word
from marsad.text.wordcache import word_cache

# ---------------------------------------------------------------------------------------------
# Segmentation of a token (Token.segments)

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


# ---------------------------------------------------------------------------------------------
# Dictionary forms for actor and gazetteer matching


def bare_forms(word: str) -> tuple[tuple[str, int, bool], ...]:
    """Readings of a normalised text word as (bare form, proclitic length, had article).

    The proclitic length counts و ف ب ك ل only (a mention span keeps ال).
    """
    out = [(word, 0, False)]
    stems = [(word, 0)]
    if len(word) > 3 and word[0] in "وف":
        stems.append((word[1:], 1))
    for stem, n in list(stems):
        if len(stem) > 3 and stem[0] in "بكل":
            if stem.startswith("لل") and len(stem) > 4:
                out.append((stem[2:], n + 1, True))  # ل + ال with the alef dropped: للامم
            stems.append((stem[1:], n + 1))
    for stem, n in stems:
        if n:
            out.append((stem, n, False))
        if stem.startswith("ال") and len(stem) >= 4:
            out.append((stem[2:], n, True))
    return tuple(out)


def inner_forms(word: str, forms: tuple[tuple[str, int, bool], ...]) -> tuple[str, ...]:
    """Bare forms a text word can have as the second or later word of a phrase: its readings
    ``forms``, less those with an attached و/ف (inside a phrase, that is coordination)."""
    coordinated = word[:1] in ("و", "ف")
    return tuple(form for form, pre, _ in forms if not (pre and coordinated))


# ---------------------------------------------------------------------------------------------
# The named-entity tagger's stem

_NER_PREFIXES = ("وبال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "فب", "فل",
                 "وك", "و", "ف", "ب", "ل", "ك")
_BEFORE_ARTICLE = re.compile("^[وف]?(?:[بك]?ال|لل)")  # و ف, then ب ك + ال, or لل (ل + ال)


@word_cache(200_000)
def light_stem(n: str) -> str:
    """The normalised word without leading و ف ب ل ك ال, if three letters are left (a feature, not
    a segmentation: لبنان gives بنان)."""
    for p in _NER_PREFIXES:
        if n.startswith(p) and len(n) - len(p) >= 3:
            return n[len(p):]
    return n


@word_cache(200_000)
def article_form(n: str) -> str:
    """The normalised word without و ف ب ك ل before its ال (وللامم gives الامم), else itself."""
    m = _BEFORE_ARTICLE.match(n)
    if m and len(n) - m.end() >= 2:
        return "ال" + n[m.end():]
    return n


_PROCLITIC = re.compile("^([وف]?)([بلك]?)")  # و ف, then ب ل ك


@word_cache(200_000)
def name_forms(n: str) -> tuple[str, ...]:
    """A word as written and without the و ف ب ل ك it may carry (the forms a listed name's first
    word is looked up by)."""
    forms = [n, article_form(n)]
    m = _PROCLITIC.match(n)
    if m and m.end() and len(n) - m.end() >= 2:
        forms.append(n[m.end():])
        if m.group(1):
            forms.append(n[1:])
    return tuple(dict.fromkeys(forms))


# ---------------------------------------------------------------------------------------------
# The event coder's readings: candidate stems of a normalised word
#
# A word such as وتظاهروا yields candidates such as ("تظاهر", "V"): the conjunction و, the
# imperfect prefix, the subject suffix وا stripped. Each candidate carries the kind of affixes
# stripped to reach it: "V" (only verbs take them: imperfect prefixes ي ت ن ا, future س, subject
# suffixes ت وا تم نا), "N" (only nouns: the article ال, the prepositions ب ل ك, the plural ات)
# or "*" (either: nothing, or the conjunctions و ف, pronoun suffixes). Words are normalised first
# (أ إ آ -> ا, ى -> ي, ة -> ه), so the passive (قُتل, يُقتل) has the letters of the active.

Candidate = tuple[str, str]  # (stem, kind) with kind in "V", "N", "*"

_EV_CONJ = ("و", "ف")  # و ف
_NOUN_PREFIXES = ("وال", "ال", "بال", "لل", "كال", "ب", "ل", "ك")  # article and prepositions
_VERB_PREFIXES = ("ي", "ت", "ن", "ا", "سي", "ست", "سن", "سا")  # imperfect person prefixes, future س
_PRON = ("", "ه", "ها", "هم", "هما", "كم", "ني", "نا", "ك")  # attached object/possessive pronouns
# (suffix, kind): subject and number suffixes
_VERB_SUFFIXES = (("", "*"), ("وا", "V"), ("ون", "*"), ("ان", "*"), ("ين", "*"), ("ت", "V"),
                  ("تا", "V"), ("تم", "V"), ("تن", "V"), ("نا", "*"), ("ن", "V"), ("ا", "*"), ("و", "V"))
_NOUN_SUFFIXES = (("", "*"), ("ات", "N"), ("ان", "*"), ("ين", "*"), ("ون", "*"), ("ا", "*"),
                  ("تين", "N"), ("تان", "N"))

MIN_STEM = 2


def _join(a: str, b: str) -> str:
    if a == "*":
        return b
    if b == "*" or a == b:
        return a
    return ""  # contradictory affixes: drop the candidate


def _tails(table: tuple[tuple[str, str], ...]) -> dict[str, list[tuple[int, str, bool]]]:
    """Every suffix+pronoun string -> (length of the suffix part, kind, has a pronoun)."""
    out: dict[str, list[tuple[int, str, bool]]] = {}
    for pron in _PRON:
        for suf, kind in table:
            out.setdefault(suf + pron, []).append((len(suf), kind, bool(pron)))
    return out


_NOUN_TAILS = _tails(_NOUN_SUFFIXES)
_VERB_TAILS = _tails(_VERB_SUFFIXES)
_MAX_TAIL = max(len(t) for t in list(_NOUN_TAILS) + list(_VERB_TAILS))


def _strip_suffixes(s: str, tails: dict[str, list[tuple[int, str, bool]]], kind: str,
                    out: set[Candidate]) -> None:
    n = len(s)
    for k in range(max(MIN_STEM, n - _MAX_TAIL), n + 1):
        for suf_len, skind, has_pron in tails.get(s[k:], ()):
            k2 = _join(kind, skind)
            if not k2:
                continue
            out.add((s[:k], k2))
            suf = s[k: k + suf_len]
            if suf in ("ات", "تين", "تان"):  # مظاهرات -> مظاهره
                out.add((s[:k] + "ه", "N"))
            body = s[: k + suf_len]
            if has_pron and body.endswith("ت") and len(body) > 3:  # ta marbuta before a pronoun
                out.add((body[:-1] + "ه", "N"))


def analyses(word: str) -> tuple[Candidate, ...]:
    """Candidate (stem, kind) analyses of a normalised word, the word itself first."""
    out: set[Candidate] = {(word, "*")}
    bases = [word]
    if len(word) > 3 and word[0] in _EV_CONJ:
        bases.append(word[1:])
    for base in bases:
        _strip_suffixes(base, _NOUN_TAILS, "*", out)
        for pre in _NOUN_PREFIXES:
            if base.startswith(pre) and len(base) - len(pre) >= MIN_STEM:
                _strip_suffixes(base[len(pre):], _NOUN_TAILS, "N", out)
        for pre in _VERB_PREFIXES:
            if base.startswith(pre) and len(base) - len(pre) >= MIN_STEM:
                _strip_suffixes(base[len(pre):], _VERB_TAILS, "V", out)
        _strip_suffixes(base, _VERB_TAILS, "*", out)
    first = [(word, "*")]
    return tuple(first + sorted(c for c in out if c != (word, "*")))


def strip_conj(word: str) -> str:
    """The word without a leading conjunction و/ف (for function-word tests)."""
    if len(word) > 2 and word[0] in _EV_CONJ:
        return word[1:]
    return word


def has_future_prefix(word: str) -> bool:
    """True for an imperfect verb with the future prefix س (سيزور, وستعقد)."""
    w = strip_conj(word)
    return len(w) > 4 and w[0] == "س" and w[1] in "يتنا"


def list_forms(norm: str) -> frozenset[str]:
    """The forms of a word looked up in the event coder's word lists: the word, and without a
    leading و/ف, ب/ل/ك and ال (بالقنبلة -> القنبلة, للعنف -> العنف, بقنبلة -> قنبلة)."""
    bare = strip_conj(norm)
    if bare.startswith(("بال", "كال")) and len(bare) > 5:  # بالقنبلة -> القنبلة
        bare = bare[1:]
    elif bare.startswith("لل") and len(bare) > 4:  # للعنف -> العنف
        bare = "ال" + bare[2:]
    forms = {norm, bare, bare[2:] if bare.startswith("ال") and len(bare) > 4 else bare}
    if bare[:1] in "بل" and len(bare) > 4:  # بقنبلة -> قنبلة
        forms.add(bare[1:])
    return frozenset(forms)


# ---------------------------------------------------------------------------------------------
# The reading


_reading = fast_constructor(Reading)


@word_cache(300_000)
def reading(norm: str) -> Reading:
    """The one reading of a normalised word (memoised: the same word gives the same object)."""
    forms = bare_forms(norm)
    cands = analyses(norm)
    return _reading(norm, forms, inner_forms(norm, forms), light_stem(norm), article_form(norm), name_forms(norm),
                    strip_conj(norm), has_future_prefix(norm), cands, frozenset([s for s, _ in cands]),
                    list_forms(norm))


def _pickle_reading(r: Reading) -> tuple[Callable[[str], Reading], tuple[str]]:
    return reading, (r.norm,)


# A reading pickles as its word, and unpickling reads the word again (memoised): documents sent
# between processes (a Dask worker's results) do not carry every word's forms.
copyreg.pickle(Reading, _pickle_reading)


__all__ = ["Reading", "reading", "segment_word", "zipf", "bare_forms", "inner_forms", "light_stem",
           "article_form", "name_forms", "analyses", "strip_conj", "has_future_prefix", "list_forms"]
