"""The subject of a verb trigger: before it (SVO, relative clauses, the pluperfect كان ... قد),
after it (VSO, over quantifiers), or carried by the verb itself (خطفوا: a plural suffix)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from marsad.components.actors import bare, lexicon
from marsad.components.events.agents import ActorTest, accept_all, new_actor_at
from marsad.components.events.dictionary import Match
from marsad.components.events.phrases import (
    MAX_NP,
    has_conj,
    np_after,
    np_before,
    skip_quantifiers,
)
from marsad.components.events.words import Word, in_list, is_content, number_value
from marsad.text.morph import strip_conj

_SKIP_BEFORE = frozenset({"قد", "لقد", "كان", "كانت", "كانوا", "وكان", "وكانت", "فقد", "وقد"})


def subject_of_verb(words: Sequence[Word], m: Match,
                     ok: ActorTest = accept_all) -> tuple[tuple[int, int] | None, str, int]:
    """(subject span, rule, index after the subject) for a verb trigger; subjects must be actor-like."""
    h, e = m.head, m.end
    p = h - 1
    while p >= 0 and (words[p].norm in _SKIP_BEFORE or words[p].text in _QUOTES):
        p -= 1
    before = _subject_before(words, h, m.stem, p, ok)
    if before is not None:
        return before[0], before[1], e
    if plural_verb(words[h].norm, m.stem):  # وخطفوا أربعة أوروبيين: the suffix is the subject
        return None, "pronoun-subject", e
    # pattern words may be the subject when they name people (خرج +متظاهرون)
    stop = frozenset(k for k in m.words if k == h or not (
        in_list("participants", words[k].norm) or in_list("victims", words[k].norm)))
    j = h + 1
    q = skip_quantifiers(words, j)
    np = np_after(words, q, stop=stop) if q > j else None
    np = np or np_after(words, j, stop=stop)
    if np is not None:  # اتهمت السعودية إيران: the subject ends where the next actor begins
        np = next(((np[0], k) for k in range(np[0] + 1, np[1]) if new_actor_at(ok, k)), np)
    if np is None and j < len(words) and number_value(words[j]) is not None:
        np = (j, min(j + 2, len(words)))
    if np and ok(np) and _headed_by_actor(words, np, ok):
        # هدد الرئيس الأمريكي كوريا الشمالية بالرد: the object may stand before a context word of the pattern
        return np, "vso", np[1] if m.words[-1] > np[1] and np[1] not in m.words else max(np[1], e)
    return None, "", e


def _headed_by_actor(words: Sequence[Word], np: tuple[int, int], ok: ActorTest) -> bool:
    """Does the phrase start with an actor word (an actor mention, an agent noun, or the first word
    of a dictionary title or name: وزير, محكمة; a head such as مصدر)? In رفضت مصافحة مسؤولين the officials are the
    genitive of a verbal noun, part of the object, not the subject of رفضت."""
    w = words[np[0]]
    return ok((np[0], np[0] + 1)) or in_list("heads", w.norm) or starts_actor_phrase(w.norm) \
        or starts_actor_phrase(w.reading.unconj)


@lru_cache(maxsize=4096)
def starts_actor_phrase(norm: str) -> bool:
    """Is ``norm`` the first word of some phrase of the actor dictionaries?"""
    head = bare(norm)
    return any(ws[0] == head for ws, _ in lexicon().index.get(head, ()))


def subject_before_verb(words: Sequence[Word], v: int, ok: ActorTest = accept_all) -> tuple[int, int] | None:
    """The subject standing before the verb at ``v`` over the particles of the pluperfect (وكانت كل
    من السعودية والإمارات قد أعلنوا): the subject of a light or announcing verb that is not a trigger."""
    p = v - 1
    while p >= 0 and (words[p].norm in _SKIP_BEFORE or words[p].text in _QUOTES):
        p -= 1
    n = words[v].norm
    found = _subject_before(words, v, n[1:] if n[:1] in "وف" else n, p, ok)
    return found[0] if found is not None else None


def _subject_before(words: Sequence[Word], h: int, stem: str, p: int,
                    ok: ActorTest) -> tuple[tuple[int, int], str] | None:
    """A subject before the verb at ``h`` (its matched stem ``stem``): relative (الذين يحتجون),
    pluperfect (وكانت X قد قتلت), SVO."""
    if p >= 0 and in_list("relative", words[p].norm):  # المواطنين الغاضبين، الذين يحتجون
        np = _antecedent(words, p - 1, ok)
        if np:
            return np, "relative-subject"
    if p < h - 1:  # قد was skipped: وكانت فرقة من قوات مكافحة الإرهاب قد قتلت
        kana = next((k for k in range(p, max(-1, p - 9), -1) if words[k].reading.unconj in _KANA), None)
        np = np_after(words, kana + 1) if kana is not None else None
        if np and ok(np):
            return np, "kana-subject"
    if p >= 0 and words[p].norm in _COMMAS and not has_conj(words[h].norm, stem):
        np = apposed_subject(words, p, ok)
        if np:
            return np, "svo-apposition"
    if p >= 0 and is_content(words[p]) and not has_conj(words[h].norm, stem):
        np = actor_np_before(words, p, ok)
        if np and _partitive(words, np[0]):  # الآلاف من النيباليين خرجوا
            return (np[0] - 2, np[1]), "svo"
        if np and not _after_preposition(words, np[0]):
            return np, "svo"
    return None


_COMMAS = frozenset({",", "،"})
#: Words after which a clause starts with its subject (وكان الرئيس ...، ترامب، انتقد; أن الوزير، ...، قال).
_CLAUSE_OPENERS = frozenset({"كان", "كانت", "وكان", "وكانت", "ان", "بان", "لان", "وان"})


def apposed_subject(words: Sequence[Word], comma: int, ok: ActorTest) -> tuple[int, int] | None:
    """A subject set off by commas before its verb, ``[title]، [name]، verb`` (وكان الرئيس الأميركي،
    دونالد ترامب، انتقد): the name's phrase before ``comma``, with the title before the first comma,
    when the whole stands at the start of a clause (the sentence's start, كان, أنّ)."""
    np = actor_np_before(words, comma - 1, ok) if comma > 0 else None
    if np is None:
        return None
    a = np[0]
    if a >= 2 and words[a - 1].norm in _COMMAS:
        title = actor_np_before(words, a - 2, ok)
        if title is not None:
            a = next((k + 1 for k in range(a - 2, title[0] - 1, -1) if words[k].norm in _CLAUSE_OPENERS), title[0])
    opener = a == 0 or words[a - 1].kind == "punct" and words[a - 1].norm not in _COMMAS \
        or words[a - 1].norm in _CLAUSE_OPENERS
    return (a, np[1]) if opener else None


def masdar_reading(words: Sequence[Word], m: Match) -> bool:
    """A verb form right after a preposition is its verbal noun (بعد ساعات على قصف منزل), and so is
    one right after a verb that takes a verbal noun as its object (أعلنوا قطع العلاقات, شنت قصفا):
    two finite verbs do not follow each other without و."""
    if m.kind != "*" or m.entry.passive or m.head == 0 or words[m.head - 1].kind != "word":
        return False
    prev = words[m.head - 1]
    return prev.reading.unconj in PREPOSITIONS_BEFORE_NOUN or in_list("announce", prev.norm) \
        or in_list("light_verbs", prev.norm)


PREPOSITIONS_BEFORE_NOUN = frozenset({"في", "خلال", "جراء", "اثر", "عقب", "بعد", "قبل", "عن", "علي", "من", "ضد",
                                      "نتيجه", "بسبب", "منذ", "حول", "ازاء", "لدي", "اثناء", "اعقاب", "الي", "مع"})
_QUOTES = frozenset("«»\"'“”")


def actor_np_before(words: Sequence[Word], p: int, ok: ActorTest) -> tuple[int, int] | None:
    """The actor phrase ending at ``p``: مستوطني براخة (the actor word need not be the last one)."""
    np = np_before(words, p)
    if np and ok(np):
        return np
    for k in range(p - 1, max(-1, p - 3), -1):
        if not is_content(words[k]):
            return None
        if ok((k, k + 1)):
            a = np_before(words, k)
            return (a[0] if a else k, p + 1)
    return None


def _antecedent(words: Sequence[Word], q: int, ok: ActorTest) -> tuple[int, int] | None:
    """The human antecedent of الذين/التي: the nearest actor phrase, over a place phrase between
    (السكان المحليين في مدينة بلد وين الذين خرجوا)."""
    for k in range(q, max(-1, q - 7), -1):
        if words[k].kind == "punct" and words[k].norm not in ",،":
            return None
        if is_content(words[k]) and ok((k, k + 1)):
            a = k
            while a > 0 and k - a < MAX_NP - 1 and is_content(words[a - 1]) and ok((a - 1, a)):
                a -= 1
            return (a, k + 1)
    return None


_KANA = frozenset({"كان", "كانت", "كانوا"})


def plural_verb(norm: str, stem: str) -> bool:
    """A verb that carries a plural subject (خطفوا, يطلقون): a following noun is its object."""
    n = strip_conj(norm)
    if len(n) < 4:
        return False
    return n.endswith("وا") or (n[:1] in "يت" and n.endswith("ون"))


def _partitive(words: Sequence[Word], a: int) -> bool:
    """Is the phrase at ``a`` the X of ``آلاف من X`` / ``عدد من X``?"""
    return a >= 2 and words[a - 1].reading.unconj == "من" and (
        in_list("quantifiers", words[a - 2].norm) or number_value(words[a - 2]) is not None)


def _after_preposition(words: Sequence[Word], a: int) -> bool:
    """Is the phrase starting at ``a`` the object of a preposition (في غواتيمالا), not a subject?"""
    n = words[a].norm
    if n.startswith(("بلاد", "بلد")):
        return False  # بلاده: "his country", no preposition ب
    if len(n) > 3 and n[0] == "ب" or n.startswith(("لل", "وب", "فب")):
        return True
    return a > 0 and words[a - 1].reading.unconj in _PREPOSITIONS


_PREPOSITIONS = frozenset({"في", "من", "الي", "علي", "عن", "مع", "حول", "عند", "لدي", "منذ", "خلال", "بعد", "قبل"})


