"""Light Arabic morphology for trigger matching: the candidate stems of a normalised word.

A word such as ``وتظاهروا`` (normalised) yields candidates such as ``("تظاهر", "V")``: the
conjunction و, the imperfect prefix, the subject suffix وا stripped. Each candidate carries the
kind of affixes stripped to reach it: ``"V"`` (only verbs take them: imperfect prefixes ي ت ن ا,
future س, subject suffixes ت وا تم نا), ``"N"`` (only nouns: the article ال, the prepositions
ب ل ك, the plural ات) or ``"*"`` (either: nothing, or the conjunctions و ف, pronoun suffixes).
Words are normalised first (أ إ آ -> ا, ى -> ي, ة -> ه), so the passive (قُتل, يُقتل) has the
letters of the active and needs no rule of its own.
"""

from __future__ import annotations

from functools import lru_cache

Candidate = tuple[str, str]  # (stem, kind) with kind in "V", "N", "*"

_CONJ = ("و", "ف")  # و ف
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


@lru_cache(maxsize=100_000)
def candidates(word: str) -> tuple[Candidate, ...]:
    """Candidate (stem, kind) analyses of a normalised word, the word itself first."""
    out: set[Candidate] = {(word, "*")}
    bases = [word]
    if len(word) > 3 and word[0] in _CONJ:
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


@lru_cache(maxsize=100_000)
def stems(word: str) -> frozenset[str]:
    """All candidate stems of a word, whatever their kind (for context words in patterns)."""
    return frozenset(s for s, _ in candidates(word))


def strip_clitics(word: str) -> str:
    """The word without a leading conjunction و/ف (for function-word tests)."""
    if len(word) > 2 and word[0] in _CONJ:
        return word[1:]
    return word


def has_future_prefix(word: str) -> bool:
    """True for an imperfect verb with the future prefix س (سيزور, وستعقد)."""
    w = strip_clitics(word)
    return len(w) > 4 and w[0] == "س" and w[1] in "يتنا"
