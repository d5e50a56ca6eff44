"""Is a phrase actor-like? Sources must name someone who can act.

A source phrase is accepted when one of its words lies in an actor mention of the actors stage (a
country, organisation, person, or generic agent such as المتظاهرون), in a person or organisation
mention of the NER stage, or when its first word is an agent noun of ``[agents]`` in
``wordlists.txt`` (الحركة, الجماعة, رجلا, قواته) or a plural nisba (التونسيين, الجامعيين). Adjectives
(ضخمة, مرخصة), time words (عصرا), pronoun-carrying particles (فيها, عليهم), numbers and object
nouns (الشحنة, منزل) are not actors, and an event keeps no source rather than a wrong one.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from marsad.components.events.groups import group_at, numeral_alone
from marsad.components.events.words import Word, in_list, is_content, looks_imperfect, number_value
from marsad.core.types import ActorMention, Document
from marsad.text.morph import strip_conj

ActorTest = Callable[[tuple[int, int]], bool]
_PRONOUNS = ("هما", "هم", "ها", "ه")  # attached possessive pronouns: قواته, قواتها
_NISBA_PLURAL = ("يون", "يين", "يات")  # التونسيين, الجامعيين, المصريات


@dataclass(frozen=True, slots=True)
class _Spans:
    """Spans sorted by start with the running maximum of their ends: the first span ending after
    a point is found by bisection, so each look-up costs log n, not a scan of the document."""

    starts: list[int]
    max_ends: list[int]  # max_ends[i]: the largest end among the first i + 1 spans

    @staticmethod
    def of(spans: list[tuple[int, int]]) -> _Spans:
        spans.sort()
        return _Spans([a for a, _ in spans], list(accumulate((b for _, b in spans), max)))

    def first_ending_after(self, point: int) -> int:
        """Index of the first span (by start) whose end is past ``point`` (len when none)."""
        return bisect_right(self.max_ends, point)


@dataclass(frozen=True, slots=True)
class DocumentSpans:
    """A document's actor mentions and PERS/ORG mentions indexed once for every sentence."""

    covering: _Spans  # actor mentions and PERS/ORG NER mentions: which words name someone
    actors: list[ActorMention]  # actor mentions sorted by (start, document order)
    actor_spans: _Spans

    def overlapping_actor(self, a: int, b: int) -> ActorMention | None:
        """The actor mention overlapping [a, b) that starts first, then overlaps most, then comes
        first in the document (what a scan of ``doc.actors`` in order chooses)."""
        i = self.actor_spans.first_ending_after(a)
        starts = self.actor_spans.starts
        if i >= len(starts) or starts[i] >= b:
            return None
        best, overlap = None, 0
        first = starts[i]
        for am in self.actors[bisect_left(starts, first): bisect_right(starts, first, lo=i)]:
            ov = min(b, am.end) - max(a, am.start)
            if ov > overlap:
                best, overlap = am, ov
        return best


_INDEX: dict[tuple[int, int], tuple[object, object, DocumentSpans]] = {}
_INDEX_LOCK = threading.Lock()
_INDEX_SIZE = 8


def document_spans(doc: Document) -> DocumentSpans:
    """The span index of ``doc``, built once per document (kept for the last few documents: the
    entry holds the document's own tuples, so their ids cannot be reused while it is kept)."""
    key = (id(doc.actors), id(doc.mentions))
    hit = _INDEX.get(key)
    if hit is not None and hit[0] is doc.actors and hit[1] is doc.mentions:
        return hit[2]
    order = sorted(range(len(doc.actors)), key=lambda k: (doc.actors[k].start, k))
    actors = [doc.actors[k] for k in order]
    covering = [(a.start, a.end) for a in doc.actors]
    covering += [(m.start, m.end) for m in doc.mentions if m.label in ("PERS", "ORG")]
    index = DocumentSpans(_Spans.of(covering), actors, _Spans.of([(a.start, a.end) for a in actors]))
    with _INDEX_LOCK:
        while len(_INDEX) >= _INDEX_SIZE:
            del _INDEX[next(iter(_INDEX))]
        _INDEX[key] = (doc.actors, doc.mentions, index)
    return index


def actor_words(doc: Document, words: Sequence[Word]) -> frozenset[int]:
    """Indexes of the sentence's words inside an actor mention or a PERS/ORG NER mention."""
    if not words or not (doc.actors or doc.mentions):
        return frozenset()
    spans = document_spans(doc).covering
    out = []
    for w in words:  # some span starts before the word ends and ends after it starts
        k = bisect_left(spans.starts, w.end)
        if k and spans.max_ends[k - 1] > w.start:
            out.append(w.i)
    return frozenset(out)


def agent_word(w: Word) -> bool:
    """An agent noun by its own form (the ``[agents]`` list, a pronoun-suffixed one, a nisba plural)."""
    if w.kind != "word" or number_value(w) is not None:
        return False
    n = w.norm
    if w.reading.unconj.startswith(("اخر", "الاخر")):  # آخرين, الآخرون: "others" refers back, names no one
        return False
    if n.startswith("لل"):  # للمتظاهرين -> المتظاهرين
        n = "ال" + n[2:]
    elif n[:1] in "بل" and len(n) > 4:  # لمسلحين, بمتظاهرين
        n = n[1:]
    if in_list("killed", n) or in_list("wounded", n):
        return False  # القتلى, الجرحى: casualties are counted, they do not act
    if in_list("agents", n) or in_list("victims", n) or in_list("participants", n):
        return True
    bare = strip_conj(n)
    for suf in _PRONOUNS:
        if bare.endswith(suf) and len(bare) - len(suf) >= 3 and in_list("agents", bare[: -len(suf)]):
            return True
    core = bare[2:] if bare.startswith("ال") else bare
    return len(core) >= 6 and core.endswith(_NISBA_PLURAL) and not in_list("function", n)


@dataclass(frozen=True, slots=True)
class SentenceActors:
    """The actor test of one sentence (see :func:`actor_test`), knowing also where one actor
    mention follows another at once (اتهمت السعودية إيران: the subject ends where إيران begins)."""

    words: Sequence[Word]
    covered: frozenset[int]
    new_actor: frozenset[int]  # words that start an actor mention right after another one

    def __call__(self, span: tuple[int, int]) -> bool:
        a, b = span
        if any(k in self.covered for k in range(a, b)):
            return True
        return 0 <= a < len(self.words) and agent_word(self.words[a])


def sentence_actors(doc: Document, words: Sequence[Word]) -> list[ActorMention]:
    """The actor mentions that start inside the sentence of ``words``, in text order."""
    if not words or not doc.actors:
        return []
    index = document_spans(doc)
    starts = index.actor_spans.starts
    return index.actors[bisect_left(starts, words[0].start):bisect_left(starts, words[-1].end)]


def _new_actor_words(doc: Document, words: Sequence[Word]) -> frozenset[int]:
    """Words that start an actor mention when the word before ends another one."""
    mentions = sentence_actors(doc, words)
    if not mentions:
        return frozenset()
    ends = {am.end for am in mentions}
    starts = {am.start for am in mentions}
    return frozenset(w.i for w in words[1:] if words[w.i - 1].end in ends
                     and (w.start in starts or _construct_head(w, words, starts))
                     and not any(am.start < w.start < am.end for am in mentions))


def _construct_head(w: Word, words: Sequence[Word], starts: set[int]) -> bool:
    """A plural head of people in construct with the actor after it (انتقد الرئيس الأميركي أعضاء
    الحلف): it starts a new phrase, since a construct head cannot continue a definite one."""
    nxt = words[w.i + 1] if w.i + 1 < len(words) else None
    return nxt is not None and nxt.start in starts and not w.norm.startswith("ال") \
        and in_list("agents", w.norm) and w.reading.unconj == w.norm


def actor_test(doc: Document, words: Sequence[Word]) -> ActorTest:
    """A test for word spans of this sentence: does the span name an actor? A phrase that refers
    back to a group of states by its size (هذه الدول الأربع, كلتا الدولتين) names one too."""
    if not doc.actors and not doc.mentions:
        return accept_all  # no actor stages ran: structure alone decides, as before
    covered, new_actor = actor_words(doc, words), _new_actor_words(doc, words)
    starts = frozenset(am.start for am in sentence_actors(doc, words))
    groups = group_words(words, starts)
    if groups:
        after = {b for _, b in groups if b < len(words) and words[b].start in starts}
        covered = covered | frozenset(k for a, b in groups for k in range(a, b))
        new_actor = new_actor | frozenset(after)  # الدول الأربع الدوحة: the object begins after the group
    return SentenceActors(words, covered, new_actor)


def group_words(words: Sequence[Word], starts: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Word spans of the sentence's phrases that refer to a group of states by its size
    (:mod:`marsad.components.events.groups`); a numeral alone only after a verb, a particle or
    punctuation, never after a preposition or a noun it would count (الأيام الثلاثة), and only
    before punctuation, a particle, a plural verb (الثلاثة يعتزمون) or an actor mention (``starts``: their start offsets)."""
    norms = [w.norm for w in words]
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(words):
        found = group_at(norms, k)
        if found is not None:
            out.append((k, found[1]))
            k = found[1]
            continue
        prev = words[k - 1] if k else None
        nxt = words[k + 1] if k + 1 < len(words) else None
        if numeral_alone(norms, k) is not None and (prev is None or prev.kind == "punct" or (
                not is_content(prev) and prev.reading.unconj not in _PREPOSITIONS)) and (
                nxt is None or nxt.kind == "punct" or in_list("function", nxt.norm) or nxt.start in starts
                or looks_imperfect(nxt.norm) and nxt.norm.endswith(("ون", "ان"))):
            out.append((k, k + 1))  # ويخشى الثلاثة نقل: a noun after it is the verb's object, no verb of its own
        k += 1
    return out


_PREPOSITIONS = frozenset({"في", "من", "الي", "علي", "عن", "مع", "بين", "ل", "ب"})


def new_actor_at(ok: ActorTest, k: int) -> bool:
    """Does word ``k`` start an actor mention that follows another one at once?"""
    return isinstance(ok, SentenceActors) and k in ok.new_actor


NOT_COUNTRIES = frozenset({"IGO", "NGO", "IMG", "INT", "MNC"})  # first fields that name no country


def actor_identity(am: ActorMention | None) -> str | None:
    """Who an actor mention stands for, at the level roles are compared: country or organisation."""
    if am is None:
        return None
    a = am.actor
    if a.code[:3] in NOT_COUNTRIES:
        return a.code[:6]
    return a.country or None


def accept_all(span: tuple[int, int]) -> bool:
    """The test used when nothing is known about actors (no stage output at all)."""
    return True
