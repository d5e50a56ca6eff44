"""Which trigger matches name events: context filters for ambiguous and figurative words.

* ``weak`` conflict words (هجوم is also a football attack) need a conflict cue in the sentence other
  than their own words, or a strong conflict trigger beside them, or an article that already codes
  the word with an entry that is not weak (:func:`sense_key`);
* in sentences about sport, culture or technology (cue words, no conflict cue) only ``strong``
  triggers stay; in articles about them (more such cues than conflict cues) a conflict event needs
  a strong trigger and a conflict cue of its own sentence;
* a sentence that names a work (a film, series, novel, game, video, song, exhibition piece) and has
  no conflict cue besides the trigger tells a story: no conflict event;
* a conflict word inside a quoted title (فيلماً بعنوان "قتلوا أبي أولاً") names no event;
* so does a sentence about animals, illness or suicide; attack words next to computer words are cyber
  attacks (no ASSAULT); a violence noun governed by a charge (التهمة ... بالاغتصاب) is alleged;
* definite violence nouns in a list (القتل والتدمير) name no event, nor does a noun after مثل or
  النوع من (لمثل هذه المناقشات: a kind of event), nor a definite noun of the dead or wounded
  (المصابين, الضحايا: the victims of an attack already told); a violence or coercion word acting on
  an economic object (استهداف الصادرات, حرب تجارية) is a metaphor; a definite agreement noun with
  no object that is named or governed (الاتفاق النووي, بالاتفاق) is a known agreement, not a new one;
  a charge beside an arrest or a sentence (اعتقلت ... بتهمة) is the ground of that measure;
* in articles about sport, culture or technology, past conflict events and conflict events with no
  coded actor are background (:func:`background`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from marsad.components.events.dictionary import Match
from marsad.components.events.words import Word, definite, in_list, tags
from marsad.core.types import Event

_OFF_TOPIC = frozenset({"sport", "culture", "tech"})


@dataclass(frozen=True, slots=True)
class SentenceCues:
    off_topic: bool  # a sport, culture or technology cue word
    fiction: bool  # a work of fiction or art is named
    conflict: frozenset[int]  # indexes of conflict cue words
    nature: bool = False  # animals, illness, suicide
    cyber: bool = False  # computers: cyber attacks
    accusation: frozenset[int] = frozenset()  # indexes of charge and accusation words
    titles: tuple[tuple[int, int], ...] = ()  # quoted titles of works: word ranges
    off_count: int = 0  # how many sport, culture or technology cue words


def sentence_cues(words: Sequence[Word]) -> SentenceCues:
    found: dict[str, set[int]] = {}
    for w in words:
        for t in tags(w.norm):
            found.setdefault(t, set()).add(w.i)
    off = set().union(*(found.get(t, set()) for t in _OFF_TOPIC))
    return SentenceCues(bool(off), "fiction" in found, frozenset(found.get("conflict", ())),
                        "nature" in found, "cyber" in found, frozenset(found.get("accusation", ())),
                        _titles(words), len(off))


_OPEN = frozenset('"«“')  # " « “
_CLOSE = frozenset('"»”')  # " » ”


def _titles(words: Sequence[Word]) -> tuple[tuple[int, int], ...]:
    """Quoted spans right after a work or an authoring verb: كتب "اغتيال جياني فيرساتشي"."""
    out = []
    for k, w in enumerate(words):
        if w.text in _OPEN and k > 0 and (in_list("fiction", words[k - 1].norm) or in_list("authoring", words[k - 1].norm)):
            end = next((j for j in range(k + 1, min(len(words), k + 12)) if words[j].text in _CLOSE), None)
            if end is not None:
                out.append((k + 1, end))
    return tuple(out)


def document_cyber(sents: Sequence[Sequence[Word]]) -> bool:
    """An article about computer attacks: three cyber cue words other than إلكتروني (a website or
    an e-mail is no cyber attack), so its "attacks" are cyber attacks."""
    return sum(1 for words in sents for w in words if _topic(w.norm) == 3) >= 3


def document_off_topic(sents: Sequence[Sequence[Word]]) -> bool:
    """An article about sport, culture or technology: three such cue words, at least half as many as
    conflict words (a review of a war film still reads as culture)."""
    off = conflict = 0
    for words in sents:
        for w in words:
            t = _topic(w.norm)
            off += t == 1
            conflict += t == 2
    return off >= 3 and 2 * off >= conflict


@lru_cache(maxsize=200_000)
def _topic(norm: str) -> int:
    """1 for a sport/culture/technology cue word, 2 for a conflict cue word, 3 for a cyber cue word,
    else 0 (cached)."""
    t = tags(norm)
    if "cyber" in t and "كترون" not in norm:  # الإلكتروني is also a website or an e-mail
        return 3
    return 1 if _OFF_TOPIC & t else (2 if "conflict" in t else 0)


def generic(words: Sequence[Word], m: Match) -> bool:
    """القتل والتدمير والاحتلال: a definite violence noun in a list names no event."""
    if m.entry.pos != "N" or int(m.entry.cameo[:2]) < 17 or m.end != m.head + 1:
        return False
    head = words[m.head].norm
    if not head.startswith(("ال", "وال")):
        return False
    nxt = words[m.head + 1] if m.head + 1 < len(words) else None
    prev = words[m.head - 1] if m.head > 0 else None
    listed = (nxt is not None and nxt.norm.startswith("وال")) or head.startswith("وال")
    return listed and (prev is None or not prev.norm.startswith(("ب", "ل")) or head.startswith("وال"))


def keep(m: Match, cues: SentenceCues, strong_conflict: bool, doc_off: bool,
         established: frozenset[tuple[str, str]] = frozenset()) -> bool:
    """Does the match name an event in its sentence's context? (``established``: see
    :func:`sense_key`)"""
    root = int(m.entry.cameo[:2])
    if m.entry.ref:  # هذه الجريمة: a mention of an act the article has told with another word
        stem = sense_key(m)[1]
        return any(c[:2] == m.entry.cameo[:2] and s != stem for c, s in established)
    conflict = any(i != m.head for i in cues.conflict)  # a trigger word is no evidence of itself
    if cues.off_topic and not conflict and not m.entry.strong and (root >= 13 or cues.off_count >= 2):
        return False  # one culture word (الكاتب) does not make a phone call a cultural event
    if root >= 18 and (cues.fiction or cues.nature) and not (conflict or strong_conflict):
        return False  # the plot of a film, a game, an exhibition piece; hunting animals; suicide
    if root >= 13 and cues.titles and any(a <= m.head < b for a, b in cues.titles):
        return False  # فيلماً بعنوان "قتلوا أبي أولاً": a title
    if root >= 18 and cues.cyber:
        return False  # cyber attacks and their victims
    if root >= 18 and m.entry.pos == "N" and any(m.head - 6 <= i < m.head for i in cues.accusation):
        return False  # اتهامات بالاغتصاب: the charge is the event, the violence is alleged
    if doc_off and root >= 13 and not (m.entry.strong and conflict):
        return False  # sport/culture articles: only strong conflict words among conflict cues
    own = bool(cues.conflict) and not cues.off_topic  # in news context a conflict word supports itself
    if sense_key(m) in established:
        own = True  # the article already used this word in its conflict sense
    return not (m.entry.weak and root >= 13 and not (conflict or strong_conflict or own))


def sense_key(m: Match) -> tuple[str, str]:
    """A word's sense in an article: its CAMEO code and its head stem. One sense per article: once an
    entry that is not weak codes the word (المناورات العسكرية), a later "المناورات مستمرة" of the
    same article is the same exercises, not a weak word with no cue."""
    stem = m.stem[2:] if m.stem.startswith("ال") and len(m.stem) > 4 else m.stem  # المناورات = مناورات
    return m.entry.cameo, stem


_KIND = frozenset({"مثل", "لمثل", "بمثل", "ومثل", "النوع", "نوع"})  # مثل هذا اللقاء: a kind of event


def of_a_kind(words: Sequence[Word], m: Match) -> bool:
    """لمثل هذه المناقشات, هذا النوع من الاجتماعات: a noun naming a kind of event, not one that happened."""
    if m.entry.pos != "N":
        return False
    return any(words[k].norm in _KIND for k in range(max(0, m.head - 3), m.head))


def economic_object(words: Sequence[Word], m: Match) -> bool:
    """استهداف الصادرات الأميركية, حرب تجارية, أن توقف ممارساتها التجارية: a violence or coercion
    word whose object or adjective is economic is a metaphor, not an attack or an arrest."""
    if int(m.entry.cameo[:2]) < 17:
        return False
    return any(in_list("economy", w.norm) for w in words[m.end: m.end + 2])


AGREEMENT_NOUN = "030"  # the agreement noun entries (اتفاق): an agreement, or the act of agreeing
_ON = frozenset({"علي", "على"})


def agreement_reference(words: Sequence[Word], m: Match) -> bool:
    """الاتفاق النووي, بالاتفاق, للاتفاق أن يستمر: a definite agreement noun names an agreement
    already known to the reader, not a new one; only the verbal noun with its object (جرى الاتفاق
    على, والاتفاق على أنه) reports agreeing."""
    if m.entry.pos != "N" or m.entry.cameo != AGREEMENT_NOUN or not definite(words[m.head].norm):
        return False
    if any(w.norm in _ON for w in words[m.head + 1: m.head + 3]):
        return False
    named = m.head + 1 < len(words) and definite(words[m.head + 1].norm)  # الاتفاق النووي, الموقع
    governed = m.head > 0 and words[m.head - 1].kind == "word" and words[m.head - 1].norm not in _OPENERS
    return named or governed or words[m.head].norm.startswith(("بال", "لل", "وبال", "ولل"))


_OPENERS = frozenset({"ان", "وان", "لان", "بان", "لكن", "ولكن", "كما", "ثم"})  # a subject follows: إن الاتفاق جاء


def charge_of_another(words: Sequence[Word], m: Match, matches: Sequence[Match]) -> bool:
    """اعتقلت 3 مسؤولين بتهمة الإهمال: a charge named beside an arrest, a detention or a sentence is
    the ground of that measure, not a second one."""
    if m.entry.cameo != CHARGE or "تهم" not in words[m.head].norm:
        return False
    return any(o is not m and o.entry.cameo[:2] == CHARGE[:2] for o in matches)


CHARGE = "173"


def definite_casualties(words: Sequence[Word], m: Match) -> bool:
    """المصابين الفلسطينيين, الضحايا, القتلى: definite nouns of the dead and wounded refer to the
    victims of an attack already told; they are no new event."""
    if m.entry.pos != "N" or not m.entry.casualty:
        return False
    return definite(words[m.head].norm)


def keep_matches(words: Sequence[Word], matches: list[Match], doc_off: bool,
                 established: frozenset[tuple[str, str]] = frozenset()) -> list[Match]:
    cues = sentence_cues(words)
    out = []
    for m in matches:
        strong_conflict = any(not o.entry.weak and int(o.entry.cameo[:2]) >= 14 for o in matches if o is not m)
        if m.entry.ref and not _refers_back(words, m):
            continue
        if keep(m, cues, strong_conflict, doc_off, established) and not generic(words, m) and not of_a_kind(words, m) \
                and not definite_casualties(words, m) and not economic_object(words, m) \
                and not agreement_reference(words, m) and not charge_of_another(words, m, matches):
            out.append(m)
    return out


_DEMONSTRATIVES = frozenset({"هذه", "تلك", "هذا", "ذلك"})


def _refers_back(words: Sequence[Word], m: Match) -> bool:
    """Is the noun definite (الجريمة, بالجريمة) or after a demonstrative (هذه الجريمة)?"""
    return definite(words[m.head].norm) or (m.head > 0 and words[m.head - 1].reading.unconj in _DEMONSTRATIVES)


def background(e: Event) -> bool:
    """In an article about sport, culture or technology, a conflict event that is past (historical)
    or names no coded actor on either side is background to the story (a singer's arrest in 2012, a
    film's killing, "these attacks" on computers), not an event of the news."""
    if e.cameo[:2] < "13":
        return False
    coded = any(a is not None and a.actor.code for a in (e.source, e.target))
    return e.historical or not coded


def cyber_background(e: Event) -> bool:
    """In an article about computer attacks, an attack with no coded actor is one of them."""
    coded = any(a is not None and a.actor.code for a in (e.source, e.target))
    return e.cameo[:2] in ("18", "19", "20") and not coded
