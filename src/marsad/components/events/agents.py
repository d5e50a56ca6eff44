"""Is a phrase actor-like? Sources must name someone who can act.

A source phrase is accepted when one of its words lies in an actor mention of the actors stage (a
country, organisation, person, or generic agent such as المتظاهرون), in a person or organisation
mention of the NER stage, or when its first word is an agent noun of ``[agents]`` in
``wordlists.txt`` (الحركة, الجماعة, رجلا, قواته) or a plural nisba (التونسيين, الجامعيين). Adjectives
(ضخمة, مرخصة), time words (عصرا), pronoun-carrying particles (فيها, عليهم), numbers and object
nouns (الشحنة, منزل) are not actors, and an event keeps no source rather than a wrong one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from marsad.components.events.morph import strip_clitics
from marsad.components.events.words import Word, in_list, number_value
from marsad.core.types import Document

ActorTest = Callable[[tuple[int, int]], bool]
_PRONOUNS = ("هما", "هم", "ها", "ه")  # attached possessive pronouns: قواته, قواتها
_NISBA_PLURAL = ("يون", "يين", "يات")  # التونسيين, الجامعيين, المصريات


def actor_words(doc: Document, words: Sequence[Word]) -> frozenset[int]:
    """Indexes of the sentence's words inside an actor mention or a PERS/ORG NER mention."""
    spans = [(a.start, a.end) for a in doc.actors]
    spans += [(m.start, m.end) for m in doc.mentions if m.label in ("PERS", "ORG")]
    if not spans or not words:
        return frozenset()
    lo, hi = words[0].start, words[-1].end
    spans = [s for s in spans if s[0] < hi and lo < s[1]]
    return frozenset(w.i for w in words if any(a < w.end and w.start < b for a, b in spans))


def agent_word(w: Word) -> bool:
    """An agent noun by its own form (the ``[agents]`` list, a pronoun-suffixed one, a nisba plural)."""
    if w.kind != "word" or number_value(w) is not None:
        return False
    n = w.norm
    if strip_clitics(n).startswith(("اخر", "الاخر")):  # آخرين, الآخرون: "others" refers back, names no one
        return False
    if n.startswith("لل"):  # للمتظاهرين -> المتظاهرين
        n = "ال" + n[2:]
    elif n[:1] in "بل" and len(n) > 4:  # لمسلحين, بمتظاهرين
        n = n[1:]
    if in_list("killed", n) or in_list("wounded", n):
        return False  # القتلى, الجرحى: casualties are counted, they do not act
    if in_list("agents", n) or in_list("victims", n) or in_list("participants", n):
        return True
    bare = strip_clitics(n)
    for suf in _PRONOUNS:
        if bare.endswith(suf) and len(bare) - len(suf) >= 3 and in_list("agents", bare[: -len(suf)]):
            return True
    core = bare[2:] if bare.startswith("ال") else bare
    return len(core) >= 6 and core.endswith(_NISBA_PLURAL) and not in_list("function", n)


def actor_test(doc: Document, words: Sequence[Word]) -> ActorTest:
    """A test for word spans of this sentence: does the span name an actor?"""
    if not doc.actors and not doc.mentions:
        return accept_all  # no actor stages ran: structure alone decides, as before
    covered = actor_words(doc, words)

    def ok(span: tuple[int, int]) -> bool:
        a, b = span
        if any(k in covered for k in range(a, b)):
            return True
        return 0 <= a < len(words) and agent_word(words[a])

    return ok


def accept_all(span: tuple[int, int]) -> bool:
    """The test used when nothing is known about actors (no stage output at all)."""
    return True
