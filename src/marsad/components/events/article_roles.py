"""Who and whom from the whole article, for mentions whose sentence alone does not say.

Two statements about how Arabic news is written:

- **Pro-drop continues the speaker.** A sentence that opens with a verb and names no subject of
  its own (وأضاف, وأكد, وتابع, وأشار, وقال ... with the subject in the verb's inflection) goes on
  with the subject of the sentences before it: its source is the source of the latest earlier
  verbal act (CAMEO 01-13) that names a coded actor, the last speaker (not the attacker of a
  strike the speaker reported).
- **The article sets the country.** A title or an institution without a country (الوزير, الحكومة,
  الجيش, الشرطة, المتحدث) belongs to the country the article is about: the one country its
  actors and places name most (at least :data:`MIN_SHARE` of the country mentions and at least
  twice). The actor keeps its agent and records ``basis="article"``. Failing that, a national
  outlet's country (:mod:`marsad.components.actors.outlets`; never a pan-Arab or international
  outlet's) is given with ``basis="outlet"``.
- **Statements come from actors.** After pro-drop, a statement (CAMEO 01) whose speaker is still
  unknown or not a coded actor is dropped.
- **An unnamed agent is the actor in focus.** When a typed event's sentence names no source,
  after the article's mentions are assembled, the source is the latest coded source of a typed
  event named before it (unless that is its target); failing one, the actor the article's events name most often as a
  source (then as a target; the next one when the other side already is it), as its nearest
  mention. Such an
  actor records ``basis="implied"`` and does not make the event ``complete``. This is how the
  coding guide codes the implied actor of "الغارة" or "الحكومة" from context; analysts who want
  only named actors filter on ``basis``.
- **Coordinated actors are partners.** The events split from one coordination (one trigger, one
  actor each: ``قطعت السعودية والإمارات``) take none of their co-actors as an implied counterpart,
  and only the first of them counts for the speaker, the actor in focus and the participants.
- **An unnamed target is where it happened, else the country the article is about.** A strike,
  an arrest, a protest or a visit with no target named (or with an object that names no actor:
  طالبت بحماية التراث, نقلت الأسلحة) acts on the people or government of its place (غارات على
  ريف دمشق: Syria; زيارة للكويت: Kuwait); failing a place, on the article's country; failing that,
  on the article's main target participant. A meeting or a diplomatic sanction is with another
  party: its implied target is never the source's own country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from marsad.components.actors import bare_phrase, lexicon, outlet_country
from marsad.components.events.agents import NOT_COUNTRIES, actor_identity
from marsad.components.events.coder import PLACE_NOUN
from marsad.components.events.coordination import co_actor, joint, lists_of_actors, one_per_pair, trigger_key
from marsad.components.events.groups import phrase_size
from marsad.core.types import Actor, ActorMention, Document, Event, PlaceMention, Token
from marsad.text.morph import strip_conj
from marsad.text.normalize import norm_word

MIN_SHARE = 0.5
SPEECH_ROOTS = "13"  # CAMEO roots 01-13 are verbal acts: their sources are the article's speakers
OPENING_WORDS = 2  # a pro-drop verb is the sentence's first or second word (after a connective)


def article_country(doc: Document) -> str | None:
    """The country an article is about: most named by its actors and places, if it dominates. A
    word that is both an actor and a place (إيران) is one naming, not two."""
    counts = country_namings(doc)
    if not counts:
        return None
    (top, n), total = counts.most_common(1)[0], sum(counts.values())
    return top if n >= 2 and n / total >= MIN_SHARE else None


def country_namings(doc: Document) -> Counter[str]:
    """How often an article names each country by its actors and places (a word that is both an
    actor and a place, إيران, once)."""
    named = [am.actor.country for am in doc.actors]
    named += [pm.place.country for pm in doc.places
              if not any(am.start < pm.end and pm.start < am.end and am.actor.country == pm.place.country
                         for am in doc.actors)]
    return Counter(c for c in named if c and c not in NOT_COUNTRIES)


def _coded(am: ActorMention | None) -> bool:
    return am is not None and (bool(am.actor.country) or am.actor.code[:3] in NOT_COUNTRIES)


def _with_country(am: ActorMention, iso3: str, basis: str = "article") -> ActorMention:
    a = am.actor
    actor = Actor(f"{iso3}:{a.agent}", f"{iso3}{a.agent}", a.name_ar, a.name_en, a.type, iso3, a.agent,
                  a.role, a.parent)
    where = "the article" if basis == "article" else "the national outlet"
    return replace(am, actor=actor, why=f"{am.why}; country {iso3} from {where}".lstrip("; "), basis=basis)


NON_STATE = frozenset({"REB", "UAF", "INS", "CRM"})  # armed groups and criminals: not the outlet's


def _bare_agent(am: ActorMention | None, basis: str = "article") -> bool:
    """A title or institution with no country (الوزير, الحكومة, الجيش). The outlet's country is
    given to state institutions only: a national paper's terrorists (الإرهابي) may be anyone's."""
    return am is not None and not am.actor.country and bool(am.actor.agent) and am.actor.code == am.actor.agent \
        and not (basis == "outlet" and am.actor.agent in NON_STATE)


def _titled(doc: Document, am: ActorMention | None) -> ActorMention | None:
    """A bare title (السفير, الوزير) after the article named it with a country (السفير السعودي
    لدى الولايات المتحدة, وزير الخارجية الأمريكي) is that person again: the country of the latest
    earlier mention of the article that starts with the same word."""
    if am is None or am.actor.country or not am.actor.agent or am.actor.code != am.actor.agent:
        return am
    head = am.text.split()[0] if am.text.split() else ""
    if not _title(head):
        return am  # السلطات, الوزارة: an institution may be another country's
    earlier = [x for x in doc.actors if x.end <= am.start and x.actor.country and x.actor.country not in NOT_COUNTRIES
               and x.text.split()[:1] == [head] and len(x.text.split()) > 1]
    if not earlier:
        return am
    iso3 = max(earlier, key=lambda x: x.start).actor.country
    found = _with_country(am, iso3, "article")  # type: ignore[arg-type]
    return replace(found, why=f"{am.why}; the {head} named earlier with {iso3}".lstrip("; "), basis="coreference")


@lru_cache(maxsize=4096)
def _title(word: str) -> bool:
    """A title of a person (السفير, الوزير, الملك, الرئيس) in the shipped roles, not an institution."""
    words = bare_phrase(word)
    return bool(words) and any(e.kind == "role" for ws, e in lexicon().index.get(words[0], ()) if ws == words)


CIVILIANS = frozenset({"CVL"})


def _civilians_place(doc: Document, e: Event, am: ActorMention | None) -> str | None:
    """Civilians acted on at a place (اعتقلت القوات طفلا في الخليل) are people of that place: its
    country, when the event has one that the article names more than once, rather than the country
    the article is most about. A place named once is often incidental (العفو الدولية والتي تتخذ من
    لندن مقرا لها: the prisoners are not British)."""
    if am is None or am.actor.agent not in CIVILIANS or e.place is None or e.place.place.geonameid is None:
        return None
    iso3 = e.place.place.country
    return iso3 if iso3 and country_namings(doc)[iso3] >= 2 else None


ARRESTS = ("173",)  # arrest, detain


def _held_at_home(e: Event, src: ActorMention | None) -> str | None:
    """People a state arrests (السلطات اللبنانية ألقت القبض على المتهمين) are taken to be held in
    that state's country when the text gives them no country of their own."""
    if src is None or not e.cameo.startswith(ARRESTS) or not src.actor.country:
        return None
    return None if src.actor.code[:3] in NOT_COUNTRIES else src.actor.country


def _opens_sentence(doc: Document, e: Event, words: dict[int, list[Token]]) -> bool:
    ws = words.get(e.sentence, [])
    return any(t.start <= e.trigger.start < t.end for t in ws[:OPENING_WORDS])


def fill_roles(doc: Document, mentions: Sequence[Event], country: str | None) -> tuple[Event, ...]:
    """The mentions with pro-drop sources filled and bare agents given the article's country
    (``country``: :func:`article_country` of ``doc``)."""
    if not mentions:
        return tuple(mentions)
    words: dict[int, list[Token]] = {}
    for t in doc.tokens:
        if t.kind in ("word", "latin"):
            words.setdefault(t.sentence, []).append(t)
    basis = "article"
    if country is None:
        country, basis = outlet_country(doc.article), "outlet"
    out: list[Event] = []
    last_source: ActorMention | None = None
    last_sentence = -1
    last_pair: tuple[ActorMention, ActorMention] | None = None  # the latest two sides named together
    grouped = any(_group_size(m.source) or _group_size(m.target) for m in mentions)
    lists = lists_of_actors(doc) if grouped else []
    for e in (x for m in mentions for x in _each_of_group(m, lists)):
        if e.sentence != last_sentence:
            # the speaker as it stood at the end of the previous sentences
            speaker, last_sentence = last_source, e.sentence
        src, tgt = e.source, e.target
        if e.event_type and src is None and tgt is None and last_pair is not None and _names_both_sides(e):
            src, tgt = (replace(am, why=f"{am.why}; one of the two sides named before".lstrip("; "),
                                basis="coreference") for am in last_pair)
        elif e.event_type and _named(src) and _named(tgt) and actor_identity(src) != actor_identity(tgt):
            last_pair = (src, tgt)  # type: ignore[assignment]
        if src is None and speaker is not None and e.coder.get("pos") == "V" and _opens_sentence(doc, e, words):
            src = replace(speaker, why=f"{speaker.why}; subject of an earlier sentence (pro-drop)".lstrip("; "),
                          basis="coreference")
        src, tgt = _titled(doc, src), _titled(doc, tgt)
        if country and _bare_agent(src, basis):
            src = _with_country(src, country, basis)  # type: ignore[arg-type]
        home = _civilians_place(doc, e, tgt) or _held_at_home(e, src) or country
        if home and _bare_agent(tgt, basis):
            tgt = _with_country(tgt, home, basis)  # type: ignore[arg-type]
        if src is not None and tgt is not None and (src.start, src.end) == (tgt.start, tgt.end):
            tgt = None  # one mention is never both source and target
        if _coded(src) and e.cameo[:2] <= SPEECH_ROOTS and not co_actor(out[-1] if out else None, e):
            last_source = src  # a speaker: the source of a verbal act, not of a reported attack (the first of several)
        out.append(replace(e, source=src, target=tgt) if (src, tgt) != (e.source, e.target) else e)
    return tuple(out)


def spoken_by_actors(mentions: Sequence[Event]) -> tuple[Event, ...]:
    """Statements (CAMEO 01) of a known actor only: once the article has lent its speakers to
    pro-drop verbs, a statement whose speaker is still unknown or no coded actor (بيان with no
    author, تصريحات of someone no dictionary knows) is not political event data."""
    return tuple(e for e in mentions if e.cameo[:2] != "01" or (e.source is not None and bool(e.source.actor.code)))


def _participants(doc: Document, mentions: Sequence[Event], side: str) -> list[list[ActorMention]]:
    """The article's participants in a role, most often named in it first (then those named in the
    other role), each as its mentions in text order; the article's countries when no event names one."""
    named: dict[str, list[ActorMention]] = {}
    score: Counter[str] = Counter()
    for k, e in enumerate(mentions):
        if co_actor(mentions[k - 1] if k else None, e):
            continue  # the second and later of coordinated actors: the first one counts for them
        for role in ("source", "target"):
            am = getattr(e, role)
            who = actor_identity(am)
            if who is not None and am is not None and am.basis != "implied":
                named.setdefault(who, []).append(am)
                score[who] += 100 if role == side else 1
    if not named:
        for am in doc.actors:
            who = actor_identity(am)
            if who is not None and who[:3] not in NOT_COUNTRIES:
                named.setdefault(who, []).append(am)
                score[who] += 1
    return [sorted(named[w], key=lambda am: am.start) for w, _ in score.most_common()]


def _implied(e: Event, participants: list[list[ActorMention]], other: ActorMention | None) -> ActorMention | None:
    taken = actor_identity(other)
    for ms in participants[:2]:
        if actor_identity(ms[0]) == taken:
            continue
        before = [am for am in ms if am.start <= e.trigger.start]
        am = before[-1] if before else ms[0]
        return replace(am, why=f"{am.why}; implied: a participant of the article".lstrip("; "), basis="implied")
    return None


def imply_roles(doc: Document, mentions: Sequence[Event], country: str | None) -> tuple[Event, ...]:
    """Typed mentions whose sentence names no source get the latest source named before them (the
    actor in focus), else the article's participant most often named as a source, other than the
    target; those with no target get one from :func:`_implied_target` (``basis="implied"``).
    ``country``: :func:`article_country` of ``doc``."""
    sources = _participants(doc, mentions, "source")
    if not sources:
        return tuple(mentions)
    targets = _participants(doc, mentions, "target")
    co_sources, co_targets = _named_together(mentions, "source"), _named_together(mentions, "target")
    out: list[Event] = []
    last: ActorMention | None = None  # the latest named, coded source of a typed event: the actor in focus
    last_event: Event | None = None
    last_target: ActorMention | None = None  # the latest named, coded target of a typed event
    for e in mentions:
        src, tgt = e.source, e.target
        if e.event_type and tgt is not None and tgt.basis != "implied" and _coded(tgt):
            last_target = tgt
        if e.event_type:
            if src is None and _reported_by(last_event, e):
                pass  # whoever condemns an attack did not carry it out: its doer stays unknown
            elif src is None and last is not None and actor_identity(last) != actor_identity(tgt):
                src = replace(last, why=f"{last.why}; implied: the latest named source".lstrip("; "),
                              basis="implied")
            elif src is None:
                src = _implied(e, sources, tgt)
            elif src.basis != "implied" and _coded(src) and not co_actor(out[-1] if out else None, e):
                last, last_event = src, e  # typed events set the focus (the first of coordinated actors); statements do not
            if src is not e.source and actor_identity(src) in co_targets.get(trigger_key(e), set()):
                src = None  # اتهمت إسرائيل ومصر: one co-target is not the other's source
            if tgt is None and last_target is not None and actor_identity(last_target) != actor_identity(src) \
                    and e.event_type not in PLACE_TARGETS \
                    and actor_identity(last_target) not in co_sources.get(trigger_key(e), set()):
                tgt = replace(last_target, why=f"{last_target.why}; implied: the latest named target".lstrip("; "),
                              basis="implied")
            if tgt is None:
                tgt = _implied_target(doc, e, country, targets, src)
                co = co_sources.get(trigger_key(e), set())
                if actor_identity(tgt) in co:  # قطعت السعودية والإمارات: one co-source is not the other's target
                    tgt = _implied(e, [ms for ms in targets if actor_identity(ms[0]) not in co], src)
                elif tgt is not None and src is not None and (tgt.start, tgt.end) == (src.start, src.end):
                    tgt = _other_mention(doc, tgt, e.trigger.start)  # one mention is never both source and target
            elif not tgt.actor.code and tgt.why == PLACE_NOUN:  # بلدة, الأحياء السكنية: whose?
                found = _implied_target(doc, e, country, targets, src)
                if found is not None:
                    tgt = replace(tgt, actor=found.actor, why=f"{PLACE_NOUN}; {found.why}", basis="implied")
        out.append(replace(e, source=src, target=tgt) if (src, tgt) != (e.source, e.target) else e)
    return tuple(out)


#: Dual nouns that refer to the two sides named before (الزعيمان ناقشا, اتفق الجانبان).
_BOTH_SIDES = frozenset(norm_word(w) for w in (
    "الزعيمان", "الزعيمين", "الجانبان", "الجانبين", "الطرفان", "الطرفين", "الفريقان", "الفريقين", "الرئيسان",
    "الرئيسين", "الوزيران", "الوزيرين", "البلدان", "البلدين", "الحليفان", "الحليفين"))


GROUP_REACH = 3  # sentences before its own that a group phrase (الدول الثلاث) may refer back to


def _group_size(am: ActorMention | None) -> int | None:
    """How many states an uncoded role phrase counts (هذه الدول الأربع: 4), if it is such a phrase."""
    return phrase_size(am.text) if am is not None and not am.actor.code else None


def _each_of_group(e: Event, lists: list[list[ActorMention]]) -> list[Event]:
    """The mention once per state when a role of it is a phrase that counts states named before
    (``وقدمت هذه الدول الأربعة قائمة مطالب``: the four states of the latest list of four, in the same
    sentence or the :data:`GROUP_REACH` before it; ``كلتا الدولتين``: the latest two). A phrase no
    list of its exact size answers names no one. An act two parties do together (``اتفق البلدان``)
    has the first as source and the second as target, as for a coordination."""
    roles: dict[str, list[ActorMention | None]] = {"source": [e.source], "target": [e.target]}
    for role, am in (("source", e.source), ("target", e.target)):
        size = _group_size(am)
        if size is None or am is None:
            continue
        members = _latest_list(lists, am, size)
        if role == "target":  # طردت ... دبلوماسيين من الدول الثلاث: never the named doer itself
            members = [x for x in members if actor_identity(x) != actor_identity(e.source)] \
                if _named(e.source) else []
        roles[role] = [replace(x, why=f"{x.why}; one of the {size} named before".lstrip("; "),
                               basis="coreference") for x in members] or [None]
    sources, targets = roles["source"], roles["target"]
    if len(sources) == len(targets) == 1:
        return [e] if (sources[0], targets[0]) == (e.source, e.target) else [replace(e, source=sources[0],
                                                                                    target=targets[0])]
    if len(sources) > 1 and targets == [None] and joint(e.cameo):
        sources, targets = sources[:1], sources[1:2]  # اتفق البلدان: one with the other
    return one_per_pair(e, sources, targets)


def _latest_list(lists: list[list[ActorMention]], am: ActorMention, size: int) -> list[ActorMention]:
    """The states of the latest list of ``size`` named before ``am`` within :data:`GROUP_REACH`
    sentences, else of one set right after it in brackets (الدول الأربع (السعودية ومصر ...))."""
    before = [ms for ms in lists if len(ms) == size and ms[-1].end <= am.start
              and am.sentence - GROUP_REACH <= ms[0].sentence <= am.sentence]
    if before:
        return before[-1]
    return next((ms for ms in lists if len(ms) == size and ms[0].sentence == am.sentence
                 and 0 <= ms[0].start - am.end <= 3), [])


def _names_both_sides(e: Event) -> bool:
    """Does the mention's sentence refer to two sides with a dual noun (الزعيمين, الجانبان)?"""
    return any(strip_conj(norm_word(w.strip("،,.:\"'()«»"))) in _BOTH_SIDES for w in e.evidence.split())


def _named(am: ActorMention | None) -> bool:
    return am is not None and am.basis != "implied" and _coded(am)


def _reported_by(verbal: Event | None, e: Event) -> bool:
    """``e`` is the thing a verbal act of its sentence is about (أدانت السعودية التفجير): the one who
    condemns, denies or welcomes an attack did not carry it out."""
    return verbal is not None and verbal.sentence == e.sentence and verbal.cameo[:2] == "11" \
        and e.cameo[:2] > SPEECH_ROOTS and verbal.trigger.start < e.trigger.start


def _named_together(mentions: Sequence[Event], side: str) -> dict[tuple[int, int], set[str]]:
    """The actors a trigger has in a role when a coordination there was split (``قطعت السعودية
    والإمارات``: one mention per actor, with the same trigger), by (sentence, trigger start)."""
    out: dict[tuple[int, int], set[str]] = {}
    for e in mentions:
        am = getattr(e, side)
        if (who := actor_identity(am)) is not None and am is not None and am.basis == "text":
            out.setdefault(trigger_key(e), set()).add(who)
    return {k: v for k, v in out.items() if len(v) > 1}


PLACE_TARGETS = frozenset({"ASSAULT", "COERCE", "PROTEST", "RETREAT", "CONSULT", "MOBILIZE"})
TWO_PARTY = frozenset({"CONSULT", "SANCTION", "THREATEN"})  # never done to one's own country: its target is another


def _implied_target(doc: Document, e: Event, country: str | None, targets: list[list[ActorMention]],
                    src: ActorMention | None) -> ActorMention | None:
    """The target of a typed mention that names none: its place's country for acts done at a place,
    else the article's country, else the article's main target participant."""
    p = e.place
    own = actor_identity(src) if e.event_type in TWO_PARTY else None  # a meeting is with someone else
    if e.event_type in PLACE_TARGETS and p is not None and p.place.country and p.place.geonameid is not None \
            and p.place.country != own:
        return _country_mention(p.start, p.end, p.text, p.sentence, p.place.country, "the country of its place")
    if country and country != own:
        near = _nearest_mention(doc, country, e.trigger.start)
        if near is not None:
            return _country_mention(near.start, near.end, near.text, near.sentence, country, "the article's country")
    return _implied(e, targets, src)


def _other_mention(doc: Document, am: ActorMention, at: int) -> ActorMention | None:
    """Another mention of ``am``'s country than ``am`` itself (the people of the state that acts at
    home, إيران ... التعذيب), the nearest before ``at``; None when the article has none."""
    iso3 = am.actor.country
    others: list[ActorMention | PlaceMention] = [x for x in doc.actors if x.actor.country == iso3
                                                 and (x.start, x.end) != (am.start, am.end)]
    others += [p for p in doc.places if p.place.country == iso3 and (p.start, p.end) != (am.start, am.end)]
    m = _nearest_before(others, at) if iso3 else None
    return None if m is None else _country_mention(m.start, m.end, m.text, m.sentence, iso3,  # type: ignore[arg-type]
                                                   "another mention of its country")


def _nearest_mention(doc: Document, iso3: str, at: int) -> ActorMention | PlaceMention | None:
    """The mention of a country nearest before ``at``, else the first: the country's own name or a
    place in it, else any actor of it (a minister's name stands for the country only failing those)."""
    named: list[ActorMention | PlaceMention] = [am for am in doc.actors if am.actor.country == iso3
                                                and am.actor.type == "country"]
    named += [pm for pm in doc.places if pm.place.country == iso3]
    if not named:
        named = [am for am in doc.actors if am.actor.country == iso3]
    return _nearest_before(named, at)


def _nearest_before(mentions: Sequence[ActorMention | PlaceMention], at: int) -> ActorMention | PlaceMention | None:
    """The mention starting last at or before ``at``, else the first one; None when there are none."""
    ordered = sorted(mentions, key=lambda m: m.start)
    before = [m for m in ordered if m.start <= at]
    return before[-1] if before else (ordered[0] if ordered else None)


def _country_mention(start: int, end: int, text: str, sentence: int, iso3: str, why: str) -> ActorMention:
    actor = Actor(iso3, iso3, text, type="country", country=iso3)
    return ActorMention(start, end, text, actor, sentence, why=f"implied: {why}", basis="implied")


__all__ = ["actor_identity", "article_country", "fill_roles", "imply_roles", "spoken_by_actors"]
