"""Coordinated actors: one event per actor when a role names several together.

Arabic news names the parties of an act in one coordinated phrase: ``قطعت السعودية والإمارات
والبحرين ومصر العلاقات مع قطر`` (four states cut ties), ``اتهمت تركيا إسرائيل ومصر`` (two
accusations), ``عارضته روسيا وبوليفيا``. Each named actor acts (or is acted on) separately, so
each becomes an event of its own, with the same trigger and sentence.

A coordination is a run of the actors stage's mentions joined by ``و`` (``باريس وروما ولندن``,
``السعودية، والإمارات``); a comma alone may join a name to its apposition (``العاهل السعودي،
الملك سلمان``) or a verb's subject to its object (``طالبت إسرائيل، بريطانيا``), so it makes
no list. Only actors of distinct countries or organisations
are split: one person named with title and name stays one actor, a list stops at a country
already in it (``الجيش والشرطة`` of one state are one party), a name followed by a verb in the
singular starts a clause of its own (``وواشنطن تنفي``), ``بين X و Y`` names the two sides
of one act, and ``مثل X و Y`` the examples of a group named before it.

A verb followed by ``X و Y`` reads ``و Y`` as part of the subject; the role finder may have taken
it as the object. For acts done together (meetings, talks, agreements, cooperation: ``التقى
ترامب وماكرون``) the first is the source and the second the target, as before; for any other
act both are sources and the sentence names no target for them.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from dataclasses import replace

from marsad.components.events.agents import actor_identity, document_spans
from marsad.components.events.words import in_list, looks_imperfect
from marsad.core.types import ActorMention, Document, Event
from marsad.text.normalize import norm_word

MAX_CONJUNCTS = 5  # actors split out of one role at most
_AND = frozenset({"و", "،و", ",و"})  # what may stand between two coordinated names
#: Acts two coordinated actors do together, the first named being the source: intent to
#: cooperate (03), meetings and talks (04), cooperation and agreements (050, 057), material
#: cooperation (06).
JOINT_ROOTS = ("03", "04", "06")
JOINT_CODES = frozenset({"050", "057"})


def joint(cameo: str) -> bool:
    """Is the act one two coordinated actors do together (``التقى X و Y``: X meets Y)?"""
    return cameo[:2] in JOINT_ROOTS or cameo in JOINT_CODES


def _next_mention(doc: Document, sentence: int, end: int) -> ActorMention | None:
    """The actor mention starting first at or after ``end`` in the sentence (the longest there)."""
    index = document_spans(doc)
    k = bisect_left(index.actor_spans.starts, end)
    if k >= len(index.actors):
        return None
    first = index.actors[k]
    if first.sentence != sentence:
        return None
    same = [am for am in index.actors[k:k + 8] if am.start == first.start]
    return max(same, key=lambda am: am.end - am.start)


def _who(am: ActorMention) -> str | None:
    """The country or organisation an actor stands for (None for a bare title whose country field
    only repeats its agent, such as GOV)."""
    who = actor_identity(am)
    return None if who is None or who == am.actor.agent else who


#: Words before a coordination that make it one thing: the two sides of ``بين X و Y``, or the
#: examples of a group named before (``الدول الأوروبية ... مثل ألمانيا وهولندا``, ``بما فيها``).
_NOT_SEPARATE = frozenset(norm_word(w) for w in ("بين", "وبين", "مثل", "ومثل", "منها", "ومنها", "بينها", "فيها"))


def _introduced(doc: Document, am: ActorMention) -> bool:
    """Does a word of :data:`_NOT_SEPARATE` come right before the actor's name or inside its phrase?"""
    words = [norm_word(w.strip("،,.:\"'()")) for w in doc.text[max(0, am.start - 12):am.end].split()]
    return any(w in _NOT_SEPARATE for w in words[-4:])


def _verb(n: str, ta_shape: bool = False) -> bool:
    """A common verb (قال, أعلن) or an imperfect verb's shape: يدعو, and with ``ta_shape`` also
    تنفي (a shape names share: ترامب, تركيا), in normalised form."""
    ta = ta_shape and len(n) >= 4 and n[0] == "ت" and not n.endswith("ه")
    return looks_imperfect(n) or ta or in_list("verbs", n)


def _new_clause(doc: Document, nxt: ActorMention) -> bool:
    """Does a name start a clause of its own: it begins with a verb (``، وأعلن دعم``: a phrase the
    actors stage read as a name), or a verb in the singular follows it (``وواشنطن تنفي``)? A dual
    or plural verb (``السعودية والإمارات تقطعان``) has the whole coordination as subject."""
    inside = doc.text[nxt.start:nxt.end].split()
    if inside and _verb(norm_word(inside[0])):
        return True
    words = doc.text[nxt.end:nxt.end + 20].split()
    if not words:
        return False
    n = norm_word(words[0].strip("،,.:\"'()"))
    return _verb(n, ta_shape=True) and not n.endswith(("ان", "ون", "وا"))


#: Words that never belong to a title between و and the next name (a clause or a place phrase).
_NOT_TITLE = frozenset(norm_word(w) for w in ("في", "من", "على", "إلى", "عن", "مع", "أن", "إن", "قد", "الذي", "التي",
                                                "منها", "فيها", "بينها", "مثل", "بما", "خاصة", "سيما", "لاسيما"))


def _title_between(text: str) -> bool:
    """Is the text between two names و and a short title of the second (ووزير الخارجية الصيني)?"""
    words = [norm_word(w.strip("،,.:\"'()")) for w in text.split()]
    return 1 <= len(words) <= 4 and words[0].startswith("و") and len(words[0]) > 2 \
        and not any(w in _NOT_TITLE or w[1:] in _NOT_TITLE for w in words) and "," not in text and "،" not in text


def conjuncts(doc: Document, am: ActorMention, sides: bool = False) -> list[ActorMention]:
    """``am`` and the actors coordinated after it (``السعودية والإمارات والبحرين ومصر``), each
    standing for another country or organisation, at most :data:`MAX_CONJUNCTS`; ``[am]`` when
    it heads no coordination, or the coordination follows ``بين`` (the two sides of one act),
    unless ``sides`` asks for those too (the states a later ``الدول الثلاث`` counts)."""
    ids = [_who(am)]
    if ids[0] is None or not doc.actors or (_introduced(doc, am) and not sides):
        return [am]
    chain = [am]
    end = am.end
    while len(chain) < MAX_CONJUNCTS:
        nxt = _next_mention(doc, am.sentence, end)
        if nxt is not None and not doc.text[end:nxt.start].strip() and _who(nxt) == ids[-1]:
            end = nxt.end  # رئيس مجلس القيادة الرئاسي اليمني رشاد العليمي: the office, then its holder's name
            continue
        if nxt is None or ("".join(doc.text[end:nxt.start].split()) not in _AND
                           and not _title_between(doc.text[end:nxt.start])):
            break
        who = _who(nxt)
        if who is None or who in ids or _new_clause(doc, nxt):
            break
        ids.append(who)
        chain.append(nxt)
        end = nxt.end
    return chain


def lists_of_actors(doc: Document) -> list[list[ActorMention]]:
    """The document's coordinations of two or more actors of distinct countries or organisations
    (:func:`conjuncts`, the two sides after ``بين`` included), in text order."""
    out: list[list[ActorMention]] = []
    end = -1
    for am in document_spans(doc).actors:
        if am.start < end:
            continue
        chain = conjuncts(doc, am, sides=True)
        if len(chain) > 1:
            out.append(chain)
            end = chain[-1].end
    return out


def trigger_key(e: Event) -> tuple[int, int]:
    """Where an event's trigger is (sentence, start): the events split from one coordination share it."""
    return e.sentence, e.trigger.start


def co_actor(previous: Event | None, e: Event) -> bool:
    """Is ``e`` the second or a later event split from the coordination ``previous`` belongs to?"""
    return previous is not None and trigger_key(previous) == trigger_key(e)


def _overlaps(a: ActorMention, b: ActorMention) -> bool:
    return a.start < b.end and b.start < a.end


def split_coordinated(doc: Document, e: Event, source_rule: str = "", target_rule: str = "") -> list[Event]:
    """The event once per (source, target) pair when its source or target heads a coordination;
    ``[e]`` unchanged otherwise. The first pair keeps the event's id."""
    sources: list[ActorMention | None] = [e.source]
    if e.source is not None and source_rule != "between":
        sources = list(conjuncts(doc, e.source))
    target = e.target
    if target is not None and len(sources) > 1:
        hit = next((k for k, s in enumerate(sources) if k and s is not None and _overlaps(s, target)), None)
        if hit is not None and joint(e.cameo):
            sources = sources[:hit]  # التقى ترامب وماكرون: Trump meets Macron
        elif hit is not None:
            target = None  # عارضته روسيا وبوليفيا: both oppose it
    if source_rule == "reciprocal" and e.source is not None and e.target is not None:
        return _each_other(e, e.source, e.target)  # تبادل نتنياهو وأردوغان الانتقادات
    if target is None and len(sources) > 1 and joint(e.cameo):
        sources, target = sources[:1], sources[1]  # وكان ترامب وماكرون قد التقيا: Trump meets Macron
    targets: list[ActorMention | None] = [target]
    if target is not None and target_rule != "between":
        targets = [t for k, t in enumerate(conjuncts(doc, target))
                   if not k or not any(s is not None and _overlaps(s, t) for s in sources)]
    if len(sources) == 1 and len(targets) == 1 and target is e.target:
        return [e]
    return one_per_pair(e, sources, targets)


def one_per_pair(e: Event, sources: list[ActorMention | None], targets: list[ActorMention | None]) -> list[Event]:
    """``e`` once per (source, target) pair; the first keeps the event's id, the others get one
    made from it and the pair's positions."""
    out: list[Event] = []
    for s in sources:
        for t in targets:
            key = f"{e.id}|{s.start if s else ''}|{t.start if t else ''}"
            out.append(replace(e, source=s, target=t,
                               id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16] if out else e.id))
    return out


def _each_other(e: Event, a: ActorMention, b: ActorMention) -> list[Event]:
    """A reciprocal act (تبادل X و Y الاتهامات): X to Y and Y to X, the first keeping the event's id."""
    key = f"{e.id}|{b.start}|{a.start}"
    return [replace(e, source=a, target=b),
            replace(e, source=b, target=a, id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16])]


__all__ = ["co_actor", "conjuncts", "joint", "lists_of_actors", "split_coordinated", "trigger_key"]
