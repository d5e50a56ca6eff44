"""Phrases that refer back to a group of states by its size.

News names the states of a coordinated list once (``قطعت السعودية والإمارات والبحرين ومصر
العلاقات``) and then refers to them by a numeral: ``هذه الدول الأربع``, ``البلدان الثلاثة``,
``العواصم الثلاث``, by a dual after كلا or كلتا (``كلتا الدولتين``, ``كلا البلدين``; a bare dual such
as ``البلدين`` or ``حل الدولتين`` is too often no reference), or by the numeral alone as a subject
(``ويخشى الثلاثة``). Each such phrase stands for the states of the latest list of exactly that size; :mod:`marsad.components.events.article_roles` gives its act one event per
state. A numeral after any other noun (``الأيام الثلاثة``, ``الرجال الأربعة``) is no such phrase.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.text.normalize import norm_word

#: Plural nouns for states that a definite numeral after them counts (الدول الأربع).
_STATES = frozenset(norm_word(w) for w in ("الدول", "البلدان", "العواصم", "الحكومات"))
#: Definite numerals, masculine and feminine, by value.
NUMERALS = {norm_word(w): n for w, n in (
    ("الثلاث", 3), ("الثلاثة", 3), ("الأربع", 4), ("الأربعة", 4), ("الخمس", 5), ("الخمسة", 5),
    ("الست", 6), ("الستة", 6))}
#: Duals naming two states, after كلا/كلتا (كلتا الدولتين).
_DUALS = frozenset(norm_word(w) for w in ("الدولتان", "الدولتين", "البلدين", "العاصمتان", "العاصمتين"))
_BOTH = frozenset(norm_word(w) for w in ("كلا", "كلتا"))
_DEMONSTRATIVES = frozenset(norm_word(w) for w in ("هذه", "تلك", "هاتان", "هاتين"))


def _bare(norm: str) -> str:
    """A word without a leading و or ف (والدول -> الدول)."""
    return norm[1:] if len(norm) > 4 and norm[0] in "وف" and norm[1:3] == "ال" else norm


def group_at(norms: Sequence[str], k: int) -> tuple[int, int] | None:
    """(size, index after the phrase) when a phrase referring to a group of states by its size
    starts at word ``k`` of the normalised words ``norms``; None otherwise. A numeral alone
    (``الثلاثة``) is such a phrase only where nothing before it could be the noun it counts (at the
    start, after a verb or a particle); the caller decides that with ``alone_ok``."""
    j = k
    if j < len(norms) and _bare(norms[j]) in _DEMONSTRATIVES:
        j += 1
    if j + 1 < len(norms) and _bare(norms[j]) in _BOTH and norms[j + 1] in _DUALS:
        return 2, j + 2
    if j + 1 < len(norms) and _bare(norms[j]) in _STATES and norms[j + 1] in NUMERALS:
        return NUMERALS[norms[j + 1]], j + 2
    return None


def numeral_alone(norms: Sequence[str], k: int) -> int | None:
    """The size a definite numeral at ``k`` gives when it stands alone (``ويخشى الثلاثة``), not
    counting a noun after it (``الثلاثة عشر``)."""
    n = _bare(norms[k]) if k < len(norms) else ""
    if n not in NUMERALS:
        return None
    nxt = norms[k + 1] if k + 1 < len(norms) else ""
    return None if nxt in ("عشر", "عشره") else NUMERALS[n]


def phrase_size(text: str) -> int | None:
    """The size of the group an actor phrase refers to when it opens with such a phrase."""
    norms = [norm_word(w.strip("،,.:\"'()«»")) for w in text.split()]
    found = group_at(norms, 0)
    if found is not None:
        return found[0]
    return numeral_alone(norms, 0) if len(norms) == 1 or (len(norms) > 1 and norms[1] not in NUMERALS) else None


__all__ = ["NUMERALS", "group_at", "numeral_alone", "phrase_size"]
