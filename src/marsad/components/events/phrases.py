"""Noun phrases of a sentence's words: runs of content words (:func:`is_content`), at most
``MAX_NP`` long, not crossing a new conjunct or a prepositional phrase."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.components.events.words import Word, in_list, is_content, number_value
from marsad.text.morph import strip_conj

MAX_NP = 4


def has_conj(norm: str, stem: str) -> bool:
    """Does a word whose matched stem is ``stem`` carry a leading و/ف conjunction?"""
    return len(norm) > 2 and norm[0] in "وف" and not norm.startswith(stem)


def verb_with_object(n: str) -> bool:
    """نفذه, شنتها, نظمتها: a light verb with an attached object pronoun."""
    return any(n.endswith(suf) and in_list("light_verbs", n[:-len(suf)]) for suf in ("تها", "ته", "ها", "ه"))


def preposition_with_pronoun(norm: str) -> bool:
    """فيها, خلالها, عليهم: a preposition carrying a pronoun (ورفع خلالها المتظاهرون نعوشاً)."""
    n = strip_conj(norm)
    return any(n.endswith(p) and len(n) > len(p) + 1 and in_list("function", n[: -len(p)])
               for p in ("هما", "هم", "ها", "ه"))


def skip_quantifiers(words: Sequence[Word], j: int) -> int:
    """Index of the first word after quantifiers (آلاف من, بعض, عدد من, numbers)."""
    k = j
    while k < len(words) and k - j < 4 and (
            in_list("quantifiers", words[k].norm) or number_value(words[k]) is not None):
        k += 1
    return k


def _continues(w: Word, allow_conj: bool) -> bool:
    """Can ``w`` continue a noun phrase (not a new conjunct, not a prepositional phrase)?"""
    n = w.norm
    if not is_content(w) or verb_with_object(n) or number_value(w) is not None:
        return False
    if n[0] in "وف" and not allow_conj and n not in ("وزير", "وزاره", "وكاله", "وفد"):
        return False
    if n[0] == "ب" and len(n) > 3:
        return False
    return not (n[0] == "ل" and not n.startswith("لل") and len(n) > 3)


def np_after(words: Sequence[Word], j: int, allow_conj: bool = False,
             stop: frozenset[int] = frozenset()) -> tuple[int, int] | None:
    """The noun phrase starting at word ``j`` (``None`` if ``j`` is not a content word)."""
    if j >= len(words) or j in stop or not is_content(words[j]):
        return None
    k = j + 1
    while k < len(words) and k - j < MAX_NP and k not in stop and _continues(words[k], allow_conj):
        k += 1
    return (j, k)


def np_before(words: Sequence[Word], j: int) -> tuple[int, int] | None:
    """The noun phrase ending at word ``j`` (inclusive), reaching back over و-coordination."""
    if j < 0 or not is_content(words[j]):
        return None
    a = j
    while a - 1 >= 0 and j - a + 1 < MAX_NP + 2 and is_content(words[a - 1]):
        if words[a].norm[0] == "ب" or (words[a].norm[0] == "ل" and not words[a].norm.startswith("لل")):
            break
        a -= 1
    return (a, j + 1)


