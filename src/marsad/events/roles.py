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

from ..text.normalize import norm_word
from .agents import ActorTest, accept_all
from .dictionary import Match
from .morph import strip_clitics
from .words import Word, in_list, is_content, number_value, word_lists

MAX_NP = 4
_HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0653))  # tanween, short vowels, shadda, sukun
BETWEEN_WINDOW = 4  # بين must come within this many words after the trigger
_SKIP_BEFORE = frozenset({"قد", "لقد", "كان", "كانت", "كانوا", "وكان", "وكانت", "فقد", "وقد"})
_DEFAULT_PREPS: dict[int, frozenset[str]] = {
    **{r: frozenset({"مع", "ب"}) for r in (4,)},
    **{r: frozenset({"ب", "ل", "مع"}) for r in (3, 5, 6)},
    **{r: frozenset({"الي", "ل"}) for r in (7, 8)},
    **{r: frozenset({"علي", "ضد", "ب"}) for r in (9, 10, 11, 12, 13)},
    **{r: frozenset({"ضد", "علي", "امام"}) for r in (14, 15, 16)},
    **{r: frozenset({"علي", "ضد"}) for r in (17, 18, 19, 20)},
}
_DEFAULT_GEN = {14: "source", 17: "target", 18: "target", 19: "target", 20: "target", 16: "target"}


@dataclass(frozen=True, slots=True)
class Roles:
    source: tuple[int, int] | None = None  # word range [a, b)
    target: tuple[int, int] | None = None
    source_rule: str = ""
    target_rule: str = ""


def has_conj(norm: str, stem: str) -> bool:
    """Does a word whose matched stem is ``stem`` carry a leading و/ف conjunction?"""
    return len(norm) > 2 and norm[0] in "وف" and not norm.startswith(stem)


def _verb_with_object(n: str) -> bool:
    """نفذه, شنتها, نظمتها: a light verb with an attached object pronoun."""
    return any(n.endswith(suf) and in_list("light_verbs", n[:-len(suf)]) for suf in ("تها", "ته", "ها", "ه"))


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
    if not is_content(w) or _verb_with_object(n) or number_value(w) is not None:
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


def _first_prep_np(words: Sequence[Word], start: int, stop: int, preps: frozenset[str]):
    """The phrase after the first target preposition in ``[start, stop)``; clitic ب/ل too."""
    for k in range(start, min(stop, len(words))):
        w = words[k]
        if w.kind == "punct" and w.norm in ".,;:!?":
            return None
        base = strip_clitics(w.norm)
        if base in preps and w.kind == "word":
            return np_after(words, k + 1)
        if k > start and len(base) > 3 and base[0] in preps and base[0] in "بل" and is_content(w):
            return np_after(words, k)
    return None


def _between(words: Sequence[Word], start: int, stop: int):
    for k in range(start, min(stop, start + BETWEEN_WINDOW, len(words))):
        if strip_clitics(words[k].norm) == "بين":
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


def _subject_of_verb(words: Sequence[Word], m: Match,
                     ok: ActorTest = accept_all) -> tuple[tuple[int, int] | None, str, int]:
    """(subject span, rule, index after the subject) for a verb trigger; subjects must be actor-like."""
    h, e = m.head, m.end
    p = h - 1
    while p >= 0 and (words[p].norm in _SKIP_BEFORE or words[p].text in _QUOTES):
        p -= 1
    before = _subject_before(words, m, p, ok)
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
    if np is None and j < len(words) and number_value(words[j]) is not None:
        np = (j, min(j + 2, len(words)))
    if np and ok(np):
        return np, "vso", max(np[1], e)
    return None, "", e


def _subject_before(words: Sequence[Word], m: Match, p: int, ok: ActorTest) -> tuple[tuple[int, int], str] | None:
    """A subject before the verb: relative (الذين يحتجون), pluperfect (وكانت X قد قتلت), SVO."""
    h = m.head
    if p >= 0 and in_list("relative", words[p].norm):  # المواطنين الغاضبين، الذين يحتجون
        np = _antecedent(words, p - 1, ok)
        if np:
            return np, "relative-subject"
    if p < h - 1:  # قد was skipped: وكانت فرقة من قوات مكافحة الإرهاب قد قتلت
        kana = next((k for k in range(p, max(-1, p - 9), -1) if strip_clitics(words[k].norm) in _KANA), None)
        np = np_after(words, kana + 1) if kana is not None else None
        if np and ok(np):
            return np, "kana-subject"
    if p >= 0 and is_content(words[p]) and not has_conj(words[h].norm, m.stem):
        np = _actor_np_before(words, p, ok)
        if np and _partitive(words, np[0]):  # الآلاف من النيباليين خرجوا
            return (np[0] - 2, np[1]), "svo"
        if np and not _after_preposition(words, np[0]):
            return np, "svo"
    return None


def masdar_reading(words: Sequence[Word], m: Match) -> bool:
    """A verb form right after a preposition is its verbal noun (بعد ساعات على قصف منزل)."""
    return m.kind == "*" and not m.entry.passive and m.head > 0 and words[m.head - 1].kind == "word" and (
        strip_clitics(words[m.head - 1].norm) in PREPOSITIONS_BEFORE_NOUN)


PREPOSITIONS_BEFORE_NOUN = frozenset({"في", "خلال", "جراء", "اثر", "عقب", "بعد", "قبل", "عن", "علي", "من", "ضد",
                                      "نتيجه", "بسبب", "منذ", "حول", "ازاء", "لدي", "اثناء", "اعقاب", "الي", "مع"})
_QUOTES = frozenset("«»\"'“”")


def _actor_np_before(words: Sequence[Word], p: int, ok: ActorTest) -> tuple[int, int] | None:
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
    n = strip_clitics(norm)
    if len(n) < 4:
        return False
    return n.endswith("وا") or (n[:1] in "يت" and n.endswith("ون"))


def _partitive(words: Sequence[Word], a: int) -> bool:
    """Is the phrase at ``a`` the X of ``آلاف من X`` / ``عدد من X``?"""
    return a >= 2 and strip_clitics(words[a - 1].norm) == "من" and (
        in_list("quantifiers", words[a - 2].norm) or number_value(words[a - 2]) is not None)


def _after_preposition(words: Sequence[Word], a: int) -> bool:
    """Is the phrase starting at ``a`` the object of a preposition (في غواتيمالا), not a subject?"""
    n = words[a].norm
    if len(n) > 3 and n[0] == "ب" or n.startswith(("لل", "وب", "فب")):
        return True
    return a > 0 and strip_clitics(words[a - 1].norm) in _PREPOSITIONS


_PREPOSITIONS = frozenset({"في", "من", "الي", "علي", "عن", "مع", "حول", "عند", "لدي", "منذ", "خلال", "بعد", "قبل"})


def _relative_agent(words: Sequence[Word], e: int) -> tuple[int, int] | None:
    """Agent of a relative clause after a noun: الدعم الذي قدمته X, هجوم شنته X."""
    for k in range(e, min(e + 8, len(words))):
        w = words[k]
        if w.kind == "punct":
            return None
        if in_list("relative", w.norm):
            continue
        n = w.norm
        if w.kind == "word" and (n.endswith(("ته", "تها")) or _verb_with_object(n)):
            return np_after(words, skip_quantifiers(words, k + 1))
        base = strip_clitics(n)
        if base in ("قبل", "يد") and k > 0 and strip_clitics(words[k - 1].norm) in ("من", "علي"):
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
    while v > 0 and a - v < 5 and (in_list("quantifiers", words[v].norm) or words[v].norm == "اول"):
        v -= 1
    if v < 0:
        return None
    w = words[v]
    n = strip_clitics(w.norm)
    if w.kind != "word" or len(n) < 3 or in_list("function", w.norm) or in_list("verbs", w.norm) or n.startswith("ال"):
        return None
    if w.text.rstrip(_HARAKAT).endswith("\u0629"):  # ة: a noun (صورة الانتحاري), never a verb
        return None
    if in_list("victims", w.norm) or number_value(w) is not None or n.endswith(("ات", "ين")):
        return None
    return v


def _verb_after(words: Sequence[Word], b: int) -> int | None:
    k = b
    while k < len(words) and k - b < 4 and (words[k].norm in _SKIP_BEFORE or not is_content(words[k])
                                            and words[k].kind == "word" and words[k].norm in ("قد", "لقد")):
        k += 1
    if k < len(words) and words[k].kind == "word":
        n = words[k].norm
        if not n.startswith(("ال", "وال")) and n.endswith(("وا", "ون")) and not in_list("verbs", n):
            return k
    return None


_BENEFIT = frozenset(norm_word(w) for w in ("لفائدة", "لصالح"))  # for the benefit of


def _beneficiary(words: Sequence[Word], start: int, stop: int) -> tuple[int, int] | None:
    for k in range(start, min(stop, len(words))):
        if strip_clitics(words[k].norm) in _BENEFIT:
            return np_after(words, k + 1)
    return None


def find_roles(words: Sequence[Word], m: Match, ok: ActorTest = accept_all) -> Roles:
    """Source and target word ranges for one trigger match (sources pass the actor test ``ok``)."""
    _entry, root = m.entry, int(m.entry.cameo[:2])
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
    subj, rule, after = _subject_of_verb(words, m, ok)
    source, target, trule = subj, None, ""
    if subj and ((m.entry.victim and _is_victim(words, subj)) or m.entry.passive):
        source, target, trule = None, subj, "victim-subject"
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
        target = _first_prep_np(words, m.head + 1, stop, preps)
        trule = "prep" if target else ""
    if target is None and rule in ("vso", "pronoun-subject") and not m.entry.stmt:
        target = np_after(words, after)
        trule = "object" if target else ""
    return Roles(source, target, rule, trule)


def _noun_roles(words, m: Match, root: int, preps, stop, both, ok: ActorTest = accept_all) -> Roles:
    gen = m.entry.gen if m.entry.gen is not None or m.entry.pos == "X" else _DEFAULT_GEN.get(root)
    source = target = None
    srule = trule = ""
    head = words[m.head].norm
    definite = head.startswith(("ال", "وال", "بال", "لل", "فال", "كال"))
    after = None if definite else np_after(words, m.head + 1, stop=frozenset(m.words))
    if after and gen == "source" and ok((after[0], after[0] + 1)):
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
    if target is None:
        target = _first_prep_np(words, m.head + 1, stop, preps)
        trule = "prep" if target else ""
    if source is None:
        light = _light_verb_subject(words, m.head)
        if light and ok(light):
            source, srule = light, "light-verb"
    return Roles(source, target, srule, trule)


def _light_verb_subject(words: Sequence[Word], h: int) -> tuple[int, int] | None:
    """For ``شن الجيش هجوما`` / ``نظم المعارضون مظاهرة``: the light verb's subject."""
    for k in range(max(0, h - 7), h):
        if in_list("light_verbs", words[k].norm):
            np = np_after(words, skip_quantifiers(words, k + 1), stop=frozenset({h}))
            if np and np[1] <= h:
                return np
            conj = words[k].norm[0] in "وف" and words[k].norm not in word_lists()["light_verbs"]
            return np_before(words, k - 1) if k > 0 and not conj else None
    return None
