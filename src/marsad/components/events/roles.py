"""Source and target of a trigger from the sentence's structure.

Noun phrases are runs of content words (:func:`is_content`), at most ``MAX_NP`` long. A verb's
subject is the phrase right before it (subject-verb-object) when one is there, else the phrase
after it (verb-subject-object); its target is the phrase after a target preposition of the entry
(مع ب على إلى ضد ...) or the object after the subject. ``بين X و Y`` gives both sides. A noun
trigger takes the phrase after it (اعتقال X: target; مظاهرات X: source), the agent of a relative
clause (الدعم الذي قدمته X, هجوم شنته X) and ``من قبل X`` / ``على يد X``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from marsad.components.events.agents import ActorTest, accept_all, new_actor_at
from marsad.components.events.dictionary import Match
from marsad.components.events.phrases import (
    MAX_NP,
    has_conj,
    np_after,
    np_before,
    preposition_with_pronoun,
    skip_quantifiers,
    verb_with_object,
)
from marsad.components.events.subjects import (  # noqa: F401 - re-exported for rank.py
    _COMMAS,
    _SKIP_BEFORE,
    PREPOSITIONS_BEFORE_NOUN,
    apposed_subject,
    masdar_reading,
    plural_verb,
    subject_before_verb,
    subject_of_verb,
)
from marsad.components.events.words import Word, definite, in_list, is_content, number_value, word_lists
from marsad.text.morph import strip_conj
from marsad.text.normalize import norm_word

_HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0653))  # tanween, short vowels, shadda, sukun
BETWEEN_WINDOW = 4  # بين must come within this many words after the trigger
_DEFAULT_PREPS: dict[int, frozenset[str]] = {
    **{r: frozenset({"مع", "ب"}) for r in (4,)},
    **{r: frozenset({"ب", "ل", "مع"}) for r in (3, 5, 6)},
    **{r: frozenset({"الي", "ل"}) for r in (7, 8)},
    **{r: frozenset({"علي", "ضد", "ب"}) for r in (9, 10, 11, 12, 13)},
    **{r: frozenset({"ضد", "علي", "امام"}) for r in (14, 15, 16)},
    **{r: frozenset({"علي", "ضد"}) for r in (17, 18, 19, 20)},
}
_DEFAULT_GEN = {8: "source", 14: "source", 17: "target", 18: "target", 19: "target", 20: "target", 16: "target"}


@dataclass(frozen=True, slots=True)
class Roles:
    source: tuple[int, int] | None = None  # word range [a, b)
    target: tuple[int, int] | None = None
    source_rule: str = ""
    target_rule: str = ""
    other: tuple[int, int] | None = None  # the second side of بين X و Y when X is the target


def _first_prep_np(words: Sequence[Word], start: int, stop: int, preps: frozenset[str],
                   ok: ActorTest = accept_all, adjacent: bool = False):
    """The phrase after the first target preposition in ``[start, stop)``; clitic ب/ل too, when the
    phrase names an actor (بسرعة, بشدة are manner, not a target)."""
    end = min(stop, len(words))
    for k in range(start, end):
        w = words[k]
        if w.kind == "punct" and w.norm in ".,;:!?":
            if _dated_aside(words, k):
                end = min(len(words), end + 3)  # استخدمت روسيا حق الفيتو، الثلاثاء، في مجلس الأمن ضد
                continue
            if _dated_aside(words, k - 2):
                continue  # the comma that closes the aside
            return None
        base = w.reading.unconj
        if base in preps and w.kind == "word":
            q = skip_quantifiers(words, k + 1)  # القبض على 431 شخصا: the counted people
            np = np_after(words, q)
            return (k + 1, np[1]) if np is not None and q > k + 1 else np_after(words, k + 1)
        if (k > start or adjacent) and len(base) > 3 and base[0] in preps and base[0] in "بل" and is_content(w) \
                and not in_list("manner", w.norm):  # بشدة التفجير: an adverb, then the object
            np = np_after(words, k)
            if np is not None and ok(np):
                return np
    return None


_DAYS = frozenset(norm_word(w) for w in (
    "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "أمس", "اليوم"))


def _dated_aside(words: Sequence[Word], k: int) -> bool:
    """Is the comma at ``k`` the first of ``، الثلاثاء،``, a day set off by commas inside a clause?"""
    return k >= 0 and k + 2 < len(words) and words[k].norm in _COMMAS and words[k + 1].norm in _DAYS \
        and words[k + 2].norm in _COMMAS


def _manner(words: Sequence[Word], span: tuple[int, int]) -> bool:
    """بشدة, بسرعة, بقوة (the ``manner`` word list), alone: an adverb of manner, no actor."""
    return span[1] - span[0] == 1 and in_list("manner", words[span[0]].norm)


def _between(words: Sequence[Word], start: int, stop: int):
    for k in range(start, min(stop, start + BETWEEN_WINDOW, len(words))):
        if words[k].reading.unconj == "بين":
            x = np_after(words, k + 1)
            if x is None:
                return None
            y_start = x[1]
            if y_start < len(words) and words[y_start].norm.startswith("و"):
                y = np_after(words, y_start, allow_conj=True)
                if y:
                    return x, y
            return x, None
    return None


def _is_victim(words: Sequence[Word], span: tuple[int, int]) -> bool:
    """A number, a person noun, or a counted phrase (قتلت 47 إرهابياً): the victims, not the killers."""
    head = words[span[0]]
    counted = span[0] > 0 and number_value(words[span[0] - 1]) is not None
    return counted or number_value(head) is not None or in_list("victims", head.norm)


def _relative_agent(words: Sequence[Word], e: int) -> tuple[int, int] | None:
    """Agent of a relative clause after a noun: الدعم الذي قدمته X, هجوم شنته X."""
    for k in range(e, min(e + 8, len(words))):
        w = words[k]
        if w.kind == "punct":
            return None
        if in_list("relative", w.norm):
            continue
        n = w.norm
        if w.kind == "word" and (n.endswith(("ته", "تها")) or verb_with_object(n)):
            return np_after(words, skip_quantifiers(words, k + 1))
        base = w.reading.unconj
        if base in ("قبل", "يد") and k > 0 and words[k - 1].reading.unconj in ("من", "علي"):
            return np_after(words, skip_quantifiers(words, k + 1))
        if base in _BY_WEAPON:  # بنيران مسلحين, برصاص قناص
            return np_after(words, skip_quantifiers(words, k + 1))
    return None


_BY_WEAPON = frozenset({"بنيران", "برصاص", "بقذائف", "بقذيفه", "بصاروخ", "بصواريخ", "بغاره", "بغارات", "بايدي"})


def self_roles(words: Sequence[Word], m: Match) -> tuple[Roles, int | None]:
    """Roles for a trigger that names its participants (المتظاهرون, انتحاري) and their verb's index.

    The participants are the source; the verb they are the subject of (تجمع آلاف المتظاهرين,
    وهتف المتظاهرون, متظاهرون ... قد حطموا) becomes the trigger.
    """
    h = m.head
    a = h
    while a - 1 >= 0 and h - a < 4 and (in_list("quantifiers", words[a - 1].norm)
                                        or number_value(words[a - 1]) is not None):
        a -= 1
    np = np_after(words, h) or (h, h + 1)
    source = (a, np[1])
    verb = _verb_before(words, a)
    if verb is None:
        verb = _verb_after(words, np[1])
    preps = _DEFAULT_PREPS.get(int(m.entry.cameo[:2]), frozenset())
    target = _first_prep_np(words, np[1], min(len(words), np[1] + 10), preps)
    return Roles(source, target, "self", "prep" if target else ""), verb


def _verb_before(words: Sequence[Word], a: int) -> int | None:
    """The verb right before the participants, over time words (خرج مساء أول من أمس مئات)."""
    v = a - 1
    while v > 0 and a - v < 5 and (in_list("quantifiers", words[v].norm) or words[v].norm == "اول"
                                   or preposition_with_pronoun(words[v].norm)):
        v -= 1
    if v < 0:
        return None
    w = words[v]
    n = w.reading.unconj
    if w.kind != "word" or len(n) < 3 or in_list("function", w.norm) or in_list("verbs", w.norm) or n.startswith("ال"):
        return None
    if w.text.rstrip(_HARAKAT).endswith("\u0629"):  # ة: a noun (صورة الانتحاري), never a verb
        return None
    if in_list("victims", w.norm) or number_value(w) is not None or n.endswith(("ات", "ين")):
        return None
    return v


def _verb_after(words: Sequence[Word], b: int) -> int | None:
    """The plural verb the participants are the subject of, over a phrase between
    (متظاهرون بمدينة العريش قد حطموا, المتظاهرين من تلاميذ مرحلة الأساس ... تدفقوا)."""
    for k in range(b, min(len(words), b + 8)):
        w = words[k]
        if w.kind == "punct" or in_list("relative", w.norm):
            return None
        if w.kind != "word" or w.norm in _SKIP_BEFORE or in_list("verbs", w.norm):
            continue
        n = w.reading.unconj
        if n.startswith("ال") or len(n) < 4:
            continue
        if n.endswith("وا") or (n[0] in "يت" and n.endswith("ون")):
            return k
    return None


_BENEFIT = frozenset(norm_word(w) for w in ("لفائدة", "لصالح"))  # for the benefit of


def _beneficiary(words: Sequence[Word], start: int, stop: int) -> tuple[int, int] | None:
    for k in range(start, min(stop, len(words))):
        if words[k].reading.unconj in _BENEFIT:
            return np_after(words, k + 1)
    return None


_ENVOYS = frozenset(norm_word(w) for w in (
    "سفير", "السفير", "سفيره", "سفيرها", "سفيرهم", "سفيريها", "سفيريه", "سفراء", "السفراء", "سفراءها", "سفرائها",
    "قنصل", "القنصل", "القائم", "دبلوماسيين", "الدبلوماسيين", "دبلوماسيا", "دبلوماسيون", "البعثه", "بعثتها"))
_ENVOY_PREPS = frozenset({"لدي", "في", "من", "الي"})
ENVOY_WINDOW = 3  # words from the sanction's head to the envoy noun (استدعت الخارجية سفيرها)


def _envoy_country(words: Sequence[Word], m: Match, ok: ActorTest) -> tuple[int, int] | None:
    """Whose envoy a diplomatic sanction acts on: the country adjective of the envoy (طردت السفير
    الإسرائيلي, طرد 23 دبلوماسيا روسيا), or the country after لدى/في/إلى (استدعت سفيرها لدى قطر) and,
    for a recall, من (سحبت سفيريها من إسرائيل والولايات المتحدة): the host of one's own envoy is the
    one a recall is aimed at, while an expulsion "من موسكو" is from home."""
    if ok is accept_all:
        return None
    for k in range(m.head, min(len(words), m.end + ENVOY_WINDOW)):
        if words[k].reading.unconj not in _ENVOYS:
            continue
        j = k + 1
        if j < len(words) and words[j].norm in ("العام", "بالاعمال"):
            j += 1  # القنصل العام, القائم بالأعمال
        if j < len(words) and ok((j, j + 1)):
            return (k, j + 1) if ok((k, j + 1)) else (j, j + 1)
        preps = _ENVOY_PREPS if m.entry.cameo == "161" else _ENVOY_PREPS - {"من"}  # طرد ... من موسكو: from home
        return _first_prep_np(words, j, min(len(words), j + 2), preps, ok)
    return None


def find_roles(words: Sequence[Word], m: Match, ok: ActorTest = accept_all) -> Roles:
    """Source and target word ranges for one trigger match (sources pass the actor test ``ok``)."""
    _entry, root = m.entry, int(m.entry.cameo[:2])
    if root == 16:
        envoy = _envoy_country(words, m, ok)
        if envoy:
            base = find_roles_plain(words, m, root, ok)
            return Roles(base.source, envoy, base.source_rule, "envoy")
    if root in (6, 7):
        ben = _beneficiary(words, m.end, min(len(words), m.end + 20))
        if ben:
            base = find_roles_plain(words, m, root, ok)
            return Roles(base.source, ben, base.source_rule, "beneficiary")
    return find_roles_plain(words, m, root, ok)


def find_roles_plain(words: Sequence[Word], m: Match, root: int, ok: ActorTest = accept_all) -> Roles:
    entry = m.entry
    preps = entry.target_preps or _DEFAULT_PREPS.get(root, frozenset())
    stop = min(len(words), m.end + 12)
    both = _between(words, m.end, stop)
    if both and not ok(both[0]):
        both = None  # بين شهري أغسطس وديسمبر: a time span, not two sides
    if entry.pos == "V" and not masdar_reading(words, m):
        return _verb_roles(words, m, preps, stop, both, ok)
    return _noun_roles(words, m, root, preps, stop, both, ok)


def _verb_roles(words, m: Match, preps, stop, both, ok: ActorTest = accept_all) -> Roles:
    subj, rule, after = subject_of_verb(words, m, ok)
    source, target, trule = subj, None, ""
    if subj and ((m.entry.victim and _is_victim(words, subj)) or m.entry.passive):
        source, target, trule = None, subj, "victim-subject"
    if source is None and m.entry.source_preps:  # تلقى الملك اتصالا هاتفيا من الرئيس: the caller
        source = _first_prep_np(words, m.head + 1, stop, m.entry.source_preps, ok)
        rule = "by" if source else rule
    if source is None and not both:
        agent = _relative_agent(words, m.end)
        if agent and ok(agent):
            source, rule = agent, "relative-agent"
    if both:
        if source is None:
            source, rule = both[0], "between"
            target, trule = both[1], "between"
        else:
            target, trule = both[0], "between"
    if target is None:
        target = _first_prep_np(words, m.head + 1, stop, preps, ok)
        trule = "prep" if target else ""
        if target is not None and rule in VSO_RULES and not m.entry.target_preps and not m.entry.stmt:
            obj = _object_before(words, after, target[0], ok)
            if obj is not None:  # اتهمت الحكومة التركية، الأربعاء، إسرائيل ومصر برفض: the object, not the charge
                target, trule = obj, "object"
    if target is None and rule in OBJECT_RULES and not m.entry.stmt:
        target = np_after(words, after, stop=frozenset(m.words))
        if target is not None and target[1] - target[0] > 1 and _manner(words, (target[0], target[0] + 1)):
            target = np_after(words, target[0] + 1)  # دانت المملكة بشدة التفجير: the object after the adverb
        if target is not None and _manner(words, target) and not ok(target):
            target = None  # انتقد X بشدة: a manner adverb after the subject is no object
        trule = "object" if target else ""
        if rule in VSO_RULES and (target is None or (source is not None and ok is not accept_all
                                                     and ok((target[0], target[0] + 1)) and ok((target[0] - 1, target[0])))):
            later = object_after_adverbials(words, after, len(words), ok)
            if later is not None:
                target, trule = later, "object-after-adverbials"
    return Roles(source, target, rule, trule, both[1] if both and target == both[0] else None)


#: Subject rules after which the phrase following the verb is its object (VSO: after the subject).
OBJECT_RULES = ("vso", "pronoun-subject", "svo", "svo-apposition", "kana-subject")
#: Of those, the rules where adverbials may stand between the verb's subject and its object (VSO).
VSO_RULES = ("vso", "pronoun-subject")
OBJECT_WINDOW = 14  # words between the subject and an object delayed by adverbials


def object_after_adverbials(words: Sequence[Word], after: int, stop: int,
                             ok: ActorTest) -> tuple[int, int] | None:
    """A verb's object after the adverbials that may come between it and the subject (استقبل
    الملك في قصر السلام بجدة اليوم، الرئيس اليمني): the first actor phrase that no preposition
    governs, past the rest of the subject's name."""
    if ok is accept_all:
        return None
    k = after
    while k < len(words) and words[k].kind in ("word", "latin") and ok((k, k + 1)):
        k += 1  # the rest of the subject's name (الملك سلمان بن عبدالعزيز آل سعود)
    for j in range(k, min(stop, len(words), after + OBJECT_WINDOW)):
        w = words[j]
        if w.kind == "punct" and w.norm in ".;:!?":
            return None
        if w.kind != "word" or not is_content(w):
            continue
        prev = words[j - 1] if j > 0 else None
        governed = prev is not None and (prev.reading.unconj in PREPOSITIONS_BEFORE_NOUN
                                         or (prev.kind == "word" and is_content(prev)))
        proclitic = len(w.norm) > 3 and w.norm[0] in "بلك" and not w.norm.startswith("لل")
        np = None if governed or proclitic else np_after(words, j)
        if np is not None and ok(np):
            return np
    return None


def _object_before(words: Sequence[Word], after: int, prep: int, ok: ActorTest) -> tuple[int, int] | None:
    """A direct object that names an actor between a verb's subject and the prepositional phrase
    read as its target: a transitive verb's object comes before its other complements."""
    if ok is accept_all:
        return None
    if new_actor_at(ok, after):  # اتهمت الحكومة التركية إسرائيل: the subject ended where the object begins
        obj = np_after(words, after, stop=frozenset({prep}))
    elif after < len(words) and words[after].norm in (",", "،"):  # اتهمت الحكومة التركية، الأربعاء، إسرائيل
        obj = object_after_adverbials(words, after, prep, ok)
    else:
        return None
    if obj is None or obj[1] > prep or not ok(obj) or words[obj[0] - 1].norm == "(":
        return None  # هيئة تحرير الشام (جبهة النصرة سابقا): a name in brackets is another name
    return obj


def _noun_roles(words, m: Match, root: int, preps, stop, both, ok: ActorTest = accept_all) -> Roles:
    gen = m.entry.gen if m.entry.gen is not None or m.entry.pos == "X" else _DEFAULT_GEN.get(root)
    source = target = None
    srule = trule = ""
    head = words[m.head].norm
    nxt = words[m.head + 1].norm if m.head + 1 < len(words) else ""
    prepositional = nxt.startswith(("لل", "بال"))  # زيارة للكويت: a preposition's object, no genitive
    after = None if definite(head) or prepositional else np_after(words, m.head + 1, stop=frozenset(m.words))
    if after and verb_with_object(words[after[0]].norm):
        after = None  # ضربات نفذتها الولايات المتحدة: a relative clause, whose agent is the doer
    if after and after[1] <= m.words[-1] and not ok(after) \
            and _first_prep_np(words, m.words[-1] + 1, stop, preps, ok) is not None:
        after = None  # قطع كافة العلاقات مع قطر: words inside the pattern's own object name no actor
    obj = _lam_object(words, after) if after else None
    if after and obj and ok((after[0], after[0] + 1)):
        source, srule = after, "genitive"
        if ok(obj):
            target, trule = obj, "lam-object"
    elif after and gen == "source" and ok((after[0], after[0] + 1)):
        source, srule = after, "genitive"
    elif after and gen == "target":
        target, trule = after, "genitive"
    used = after is not None and gen in ("source", "target")
    agent = _relative_agent(words, after[1] if used and after else m.end)
    if agent and source is None and ok(agent):
        source, srule = agent, "relative-agent"
    if both:
        if source is None:
            source, srule = both[0], "between"
            target, trule = both[1], "between"
        elif target is None:
            target, trule = both[0], "between"
    if target is None:  # زيارة للكويت: an entry's own preposition may follow the noun at once
        target = _first_prep_np(words, m.head + 1, stop, preps, ok, adjacent=bool(m.entry.target_preps))
        trule = "prep" if target else ""
    if source is None and definite(head):
        decider = _decider(words, m.head)
        if decider and ok(decider):
            source, srule = decider, "decision"
    if source is None and target is None:
        both_sides = _light_verb_subject(words, m.head, "reciprocal")
        first = both_sides and next((b for b in range(both_sides[0] + 1, min(m.head, both_sides[0] + 8) + 1)
                                     if ok((both_sides[0], b))), None)
        other = first and _second_party(words, first, m.head, ok)
        if both_sides and first and other:  # each of the two to the other (split in coordination.py)
            source, srule, target, trule = (both_sides[0], first), "reciprocal", other, "reciprocal"
    if source is None:
        light = _light_verb_subject(words, m.head, stem=m.stem)
        if light and ok(light):
            source, srule = light, "light-verb"
    if source is None and not m.entry.casualty and root >= 3:
        announcer = _light_verb_subject(words, m.head, "announce", m.stem)
        if announcer and _only_adverbials(words, _past_conjuncts(words, announcer, m.head, ok), m.head) \
                and ok(announcer):  # the act announced
            source, srule = announcer, "announcer"
    return Roles(source, target, srule, trule, both[1] if both and target == both[0] else None)


def _second_party(words: Sequence[Word], after: int, stop: int, ok: ActorTest) -> tuple[int, int] | None:
    """The actor joined by و after the first party of a reciprocal verb, before the act's noun."""
    for k in range(after, min(stop, after + 3)):
        if words[k].norm[:1] == "و" and has_conj(words[k].norm, words[k].norm[1:]):
            return next(((k, b) for b in range(k + 1, min(stop, k + 8) + 1) if ok((k, b))), None)
    return None


_DECISION = frozenset({"قرار", "لقرار", "بقرار", "عزم", "نيه", "رغبه"})


def _decider(words: Sequence[Word], h: int) -> tuple[int, int] | None:
    """The genitive of a decision noun right before an act it decides (قرار الرئيس الأميركي دونالد
    ترامب الانسحاب, عزم الحكومة فرض): the one deciding does the act."""
    for k in range(h - 2, max(-1, h - 2 - MAX_NP), -1):
        if strip_conj(words[k].norm) in _DECISION:
            np = (k + 1, h)
            return np if all(w.kind == "word" and is_content(w) for w in words[k + 1:h]) else None
    return None


def _lam_object(words: Sequence[Word], after: tuple[int, int]) -> tuple[int, int] | None:
    """A verbal noun's object with لـ right after its genitive (اتهام لندن لموسكو, دعم إيران
    للحوثيين, انتقادات واشنطن لطهران): then the genitive is the doer, not the one acted on."""
    j = after[1]
    if j >= len(words) or words[j].kind != "word":
        return None
    n = words[j].norm
    if not n.startswith("ل") or len(n) < 4 or in_list("function", n) or not is_content(words[j]):
        return None
    return np_after(words, j)


def _past_conjuncts(words: Sequence[Word], np: tuple[int, int], h: int, ok: ActorTest) -> int:
    """Where the words after a verb's subject begin that are neither the subject nor its verb: past
    the actors joined to it by و (أعلنت السعودية والإمارات والبحرين ومصر عن قطع) and, for a subject
    before its verb (وكانت كل من السعودية والإمارات قد أعلنوا قطع), past the verb."""
    k = np[1]
    while k < h:
        j = k + 1 if words[k].norm in _COMMAS and k + 1 < h else k  # السعودية، والإمارات
        if words[j].norm[:1] != "و" or not ok((j, j + 1)):
            break
        k = (np_after(words, j, allow_conj=True) or (j, j + 1))[1]
    while k < h and (words[k].norm in _SKIP_BEFORE or in_list("announce", words[k].norm)):
        k += 1
    return k


def _only_adverbials(words: Sequence[Word], a: int, b: int) -> bool:
    """Only punctuation and time or function words between two words (، اليوم السبت،)."""
    return all(w.kind == "punct" or in_list("function", w.norm) for w in words[a:b])


_DEMONSTRATIVES = frozenset(norm_word(w) for w in ("هذه", "هذا", "تلك", "ذلك", "هؤلاء"))
LIGHT_VERB_WINDOW = 12  # words from a light verb to its noun (بعث خادم الحرمين الشريفين الملك سلمان ... برقية)


#: Light verbs whose object a preposition introduces: قامت القوات بقصف, شاركت تركيا في العملية,
#: تمكنت القوات من قتل (perfect and imperfect stems, without و/ف).
_GOVERNS = {"ب": ("قام", "قامت", "قاموا", "يقوم", "تقوم", "يقومون"),
            "في": ("شارك", "يشارك", "تشارك"), "من": ("تمكن", "يتمكن")}


def _governing_preposition(words: Sequence[Word], h: int, stem: str) -> str | None:
    """The preposition a noun at ``h`` is the object of: a word before it (في, على) or its own
    clitic ب or ل (بقصف, للهجوم, against the matched ``stem``); None for a bare noun."""
    if h > 0 and words[h - 1].reading.unconj in PREPOSITIONS_BEFORE_NOUN:
        return words[h - 1].reading.unconj
    n = words[h].reading.unconj
    if n.startswith(("بال", "لل")) or (stem and len(n) > 3 and n[0] in "بل" and not n.startswith(stem)):
        return n[0]
    return None


def _light_verb_subject(words: Sequence[Word], h: int, verbs: str = "light_verbs",
                        stem: str = "") -> tuple[int, int] | None:
    """For ``شن الجيش هجوما`` / ``نظم المعارضون مظاهرة`` / ``بعث الملك برقية تهنئة``: the light
    verb's subject (the nearest light verb before the noun, over a long title and name). With
    ``verbs="announce"``, the subject of أعلن before an act it announces (أعلنت وزارة الداخلية القبض
    على: the ministry's arrest; never a casualty noun: أعلنت الشرطة مقتل ثلاثة)."""
    prep = _governing_preposition(words, h, stem)
    for k in range(h - 1, max(-1, h - LIGHT_VERB_WINDOW), -1):
        if in_list(verbs, words[k].norm):
            if prep and not (prep == "عن" and verbs == "announce") and not any(
                    words[k].reading.unconj.startswith(v) for v in _GOVERNS.get(prep, ())):
                return None  # ردا على هجوم سوري, لإصدار أمر باعتقاله: a noun in another phrase
            j = k + 1
            while j < h and (preposition_with_pronoun(words[j].norm) or words[j].norm in _DEMONSTRATIVES):
                j += 1  # التي وجهت فيه كل من الولايات المتحدة وبريطانيا; وقدمت هذه الدول الأربعة قائمة مطالب
            np = np_after(words, skip_quantifiers(words, j), stop=frozenset({h}))
            if np and np[1] <= h:
                return np
            conj = words[k].norm[0] in "وف" and words[k].norm not in word_lists()[verbs]
            if k > 0 and not conj and words[k - 1].norm in _SKIP_BEFORE:
                return subject_before_verb(words, k)  # وكانت كل من السعودية والإمارات قد أعلنوا قطع
            if k > 0 and not conj and words[k - 1].norm in _COMMAS:
                return apposed_subject(words, k - 1, accept_all)  # وكان الرئيس، ترامب، وجه انتقادات
            return np_before(words, k - 1) if k > 0 and not conj else None
    return None
