"""Coding one document: triggers -> events with actors, place, date, modality and counts."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from marsad.components.events.agents import (
    NOT_COUNTRIES,
    ActorTest,
    accept_all,
    actor_identity,
    actor_test,
    actor_words,
    document_spans,
    sentence_actors,
)
from marsad.components.events.context import (
    counts_for,
    event_date,
    modality,
    sentence_attributed,
    stated_counts,
)
from marsad.components.events.coordination import split_coordinated
from marsad.components.events.dictionary import Dictionary, Match, default_dictionary, match_words
from marsad.components.events.filters import (
    background,
    cyber_background,
    document_cyber,
    document_off_topic,
    keep_matches,
    sense_key,
)
from marsad.components.events.links import (
    accused_doers,
    attacker_adjective,
    attackers,
    casualties,
    circumstantial,
    demonym,
    drop_nested,
    merge_close,
    participants,
    possessors,
    reported_speech,
    shared_subject,
)
from marsad.components.events.rank import adjustment
from marsad.components.events.roles import Roles, find_roles, object_after_adverbials, self_roles
from marsad.components.events.words import Word, in_list, is_content, number_value
from marsad.core.types import Actor, ActorMention, Document, Event, PlaceMention, Span
from marsad.core.version import __version__
from marsad.resources.ontology import ONTOLOGY_VERSION, cameo
from marsad.text.morph import reading
from marsad.text.normalize import norm_word
from marsad.text.tokens import name_start, span_text, token_at

CODER = "marsad-rules"


@dataclass(slots=True)
class SentenceInput:
    index: int
    text: str
    start: int
    words: list[Word]


def sentence_words(doc: Document) -> list[SentenceInput]:
    """The document's sentences with their words (from the text layer's tokens)."""
    tokens = doc.tokens
    if not tokens:
        from marsad.text import analyze

        doc = analyze(doc)
        tokens = doc.tokens
    by_sent: dict[int, list[Word]] = {}
    for t in tokens:
        if not t.norm:
            continue
        lst = by_sent.setdefault(t.sentence, [])
        lst.append(Word(len(lst), t.start, t.end, t.text, t.norm, t.kind, t.reading or reading(t.norm)))
    out = []
    sents = {s.index: s for s in doc.sentences}
    for idx in sorted(by_sent):
        ws = by_sent[idx]
        s = sents.get(idx)
        text = s.text if s else doc.text[ws[0].start: ws[-1].end]
        out.append(SentenceInput(idx, text, s.start if s else ws[0].start, ws))
    return out


def _published(doc: Document) -> date | None:
    pub = doc.article.published
    return pub.date() if pub is not None else None


def code_document(doc: Document, dictionary: Dictionary | None = None,
                  drop_background: bool = True) -> tuple[Event, ...]:
    """All events of one document, in sentence and trigger order (``drop_background=False`` keeps
    the background conflict events of sport, culture and technology articles and the uncoded
    attacks of articles about computer attacks, for measuring)."""
    d = dictionary or default_dictionary()
    events: list[Event] = []
    sents = sentence_words(doc)
    doc_off = document_off_topic([s.words for s in sents]) and not news_section(doc.article.category)
    found = [_matches(doc, sent, d) for sent in sents]
    established = frozenset(sense_key(m) for sent, ms in zip(sents, found, strict=True)
                            for m in keep_matches(sent.words, ms, doc_off) if not m.entry.weak)
    for sent, ms in zip(sents, found, strict=True):
        events.extend(code_sentence(doc, sent, d, doc_off, established, ms))
    if doc_off and drop_background:
        events = [e for e in events if not background(e)]
    if doc_off:  # the detector weighs what an article about sport, culture or technology reports
        events = [replace(e, coder={**e.coder, "article": "off-topic"}) for e in events]
    if drop_background and document_cyber([s.words for s in sents]):
        events = [e for e in events if not cyber_background(e)]
    return tuple(events)


NEWS_SECTIONS = ("news", "middleeast", "world", "politic", "local", "أخبار", "اخبار", "سياس", "محليات", "دولي")
OTHER_SECTIONS = ("sport", "cultur", "tech", "art", "entertain", "رياض", "ثقاف", "فن", "تقني", "منوعات")


def news_section(category: str | None) -> bool:
    """The outlet filed the article under news or politics (ANT's middleEast and internationalNews,
    محليات, سياسة): its conflict words are news, whatever sport or culture words it also holds."""
    key = (category or "").lower()
    return any(k in key for k in NEWS_SECTIONS) and not any(k in key for k in OTHER_SECTIONS)


def _matches(doc: Document, sent: SentenceInput, d: Dictionary) -> list[Match]:
    words = sent.words
    if not words:
        return []
    found = match_words([w.norm for w in words], d, [w.text for w in words], actor_words(doc, words))
    named = _organisation_words(doc, words)
    return [m for m in found if m.head not in named] if named else found


ORGANISATION_TYPES = frozenset({"igo", "ngo", "group", "party"})


def _organisation_words(doc: Document, words: list[Word]) -> frozenset[int]:
    """Words inside the name of an organisation (مكتب التحقيقات الاتحادي, منظمة العفو الدولية,
    هيئة تحرير الشام): a trigger word there is part of a name, not an act."""
    spans = [(am.start, am.end) for am in sentence_actors(doc, words)
             if am.actor.type in ORGANISATION_TYPES and " " in am.text]
    return frozenset(w.i for w in words for a, b in spans if a <= w.start < b)


def code_sentence(doc: Document, sent: SentenceInput, d: Dictionary, doc_off: bool = False,
                  established: frozenset[tuple[str, str]] = frozenset(),
                  matches: list[Match] | None = None) -> list[Event]:
    """The events of one sentence; ``established`` holds the senses (:func:`sense_key`) the article's
    sentences code, ``matches`` the sentence's trigger matches when already found."""
    words = sent.words
    if matches is None:
        matches = _matches(doc, sent, d)
    if not matches:
        return []
    matches = keep_matches(words, claimed_attacks(words, matches, d), doc_off, established)
    ok = actor_test(doc, words)
    found = claimer_attacks([_roles(words, m, matches, ok) for m in matches])
    found = [(m, attacker_adjective(words, m, r)) for m, r in found]
    found = merge_close(drop_nested(found))
    found = shared_subject(words, accused_doers(words, possessors(words, found), ok))
    found = reported_speech(casualties(attackers(words, participants(found))), words, ok)
    found = circumstantial(words, found, ok)
    attributed = sentence_attributed(words)
    counts = stated_counts(words)
    return [split for m, roles in found
            for split in split_coordinated(doc, _event(doc, sent, m, roles, attributed, counts, d.version, ok),
                                           roles.source_rule, roles.target_rule)]


CLAIM = "015"  # claiming responsibility (تبنى تنظيم داعش الهجوم)
ATTACK_ROOTS = ("18", "19", "20")


def _claim_object(m: Match) -> bool:
    return m.entry.cameo == CLAIM and len(m.words) > 1


def claimed_attacks(words: list[Word], matches: list[Match], d: Dictionary) -> list[Match]:
    """وتبنى تنظيم داعش الهجمات الثلاث: the claim uses up the attack noun as its object, yet the
    attack is an event too; add the attack the claimed noun names (when the dictionary codes it).
    Where the sentence codes an attack already (تعرض لهجوم انتحاري ... وقد تبنى داعش هذا الهجوم),
    the claimed noun refers back to it."""
    out = list(matches)
    if any(m.entry.cameo[:2] in ATTACK_ROOTS for m in matches):
        return out
    for m in matches:
        if not _claim_object(m):
            continue
        for k in m.words[1:]:
            own = [a for a in match_words([words[k].norm], d, [words[k].text])
                   if a.entry.cameo[:2] in ATTACK_ROOTS and len(a.words) == 1]
            out.extend(replace(a, head=k, end=k + 1, words=(k,)) for a in own)
    return sorted(out, key=lambda x: x.head)


def claimer_attacks(found: list[tuple[Match, Roles]]) -> list[tuple[Match, Roles]]:
    """The group that claims an attack is its attacker: the claimed attack takes the claim's source
    when it has none of its own."""
    claims = [(m, r) for m, r in found if _claim_object(m) and r.source is not None]
    out = []
    for m, r in found:
        claim = next((r2 for m2, r2 in claims if m.head in m2.words[1:]), None)
        if claim is not None and m.entry.cameo[:2] in ATTACK_ROOTS and r.source is None:
            r = replace(r, source=claim.source, source_rule="claim")
        out.append((m, r))
    return out


def _roles(words: list[Word], m: Match, matches: list[Match], ok: ActorTest) -> tuple[Match, Roles]:
    """Roles of a match; a participant trigger (المتظاهرون) moves to its untriggered verb."""
    if not m.entry.self:
        return m, find_roles(words, m, ok)
    roles, verb = self_roles(words, m)
    taken = {i for other in matches for i in other.words}
    if verb is not None and verb not in taken:
        m = replace(m, words=(verb,))
    return m, roles


def _actor(doc: Document, sent: SentenceInput, span: tuple[int, int] | None, rule: str,
           exclude: ActorMention | None = None, ok: ActorTest | None = None) -> ActorMention | None:
    """The actor mention of a role's phrase: the actors stage's mention in it, else the country its
    nationality adjective or place names, else the phrase uncoded when it passes ``ok`` (an
    object such as حماية التراث or إلغاء القمة is no actor: no mention)."""
    if span is None:
        return None
    ws = sent.words
    a, b = _after_clitics(doc, ws[span[0]].start), ws[span[1] - 1].end
    # the mention overlapping the phrase that starts first, then overlaps most (an index, not a scan)
    best = document_spans(doc).overlapping_actor(a, b) if doc.actors else None
    text = span_text(doc.text, doc.tokens, a, b)
    if best is not None and exclude is not None and (best is exclude or best.actor is exclude.actor
                                                     and best.start == exclude.start):
        best = None  # one mention cannot be both source and target
    if best is not None:
        if best.start <= a and b <= best.end and (best.end - best.start) > (b - a) + 12:
            # a mention much wider than the phrase: keep the phrase, take the mention's actor
            return ActorMention(a, b, text, best.actor, sent.index, why=f"structure:{rule} in {best.why}")
        lead = [w for w in ws[span[0]:span[1]] if w.end <= best.start]  # whole words before it
        if lead and is_content(lead[0]) and not in_list("quantifiers", lead[0].norm):
            # words before the mention belong to the actor's phrase (جنوداً متمردين): keep them
            return ActorMention(a, best.end, span_text(doc.text, doc.tokens, a, best.end), best.actor, sent.index,
                                why=f"structure:{rule} with {best.why}")
        return best
    if (country := _phrase_country(doc, sent, span, a, b)) is not None:
        return ActorMention(a, b, text, country[0], sent.index, why=f"structure:{rule} {country[1]}")
    if in_list("places", ws[span[0]].norm):  # a town, a neighbourhood: its people, country unknown yet
        return ActorMention(a, b, text, Actor(id="", code="", name_ar=text), sent.index, why=PLACE_NOUN)
    if ok is not None and not _people(ws, span, ok):
        return None
    return ActorMention(a, b, text, Actor(id="", code="", name_ar=text), sent.index, why=f"structure:{rule}")


def _people(ws: list[Word], span: tuple[int, int], ok: ActorTest) -> bool:
    """An actor phrase, or people counted (أربعة أوروبيين, عشرات المدنيين): a target can be either."""
    a, b = span
    while a < b - 1 and (number_value(ws[a]) is not None or in_list("quantifiers", ws[a].norm)):
        a += 1
    return ok((a, b)) or in_list("victims", ws[a].norm)


PLACE_NOUN = "structure: a place noun"
NISBA_WINDOW = 3  # a nationality adjective within the phrase's first words names its people


def _phrase_country(doc: Document, sent: SentenceInput, span: tuple[int, int], a: int,
                    b: int) -> tuple[Actor, str] | None:
    """The country a phrase with no coded actor stands for: its nationality adjective (العاملة
    الفلبينية, عشرات الفلسطينيين: the people of that country) or a place on the map inside it
    (الغوطة الشرقية, قرية كفر بطنا: places standing for their people)."""
    for w in sent.words[span[0]: min(span[1], span[0] + NISBA_WINDOW)]:
        if (country := demonym(w.text.strip("،,.:\"'()"))) is not None:
            return country, "demonym"
    located = [p for p in doc.places if p.sentence == sent.index and p.place.country and p.place.geonameid is not None]
    inside = [p for p in located if a <= p.start and p.end <= b]
    if not inside and in_list("places", sent.words[span[0]].norm):  # بلدة قرب الموصل
        inside = [p for p in located if p.start >= b]
    if not inside:
        return None
    p, iso3 = inside[0], str(inside[0].place.country)
    return Actor(id=iso3, code=iso3, name_ar=p.text, type="country", country=iso3), "place"


def _apposition(doc: Document, ws: list[Word], source: ActorMention | None, target: ActorMention | None,
                first: int) -> bool:
    """Is the object found after a comma just an apposition of the subject (same actor code, only
    a comma between them)?"""
    if source is None or target is None or not source.actor.code or target.actor.code != source.actor.code:
        return False
    between = doc.text[source.end: ws[first].start]
    return between.strip(" \u060c,") == "" and ("\u060c" in between or "," in between)


def _after_clitics(doc: Document, start: int) -> int:
    """A phrase starts where a name in its first word would (ومنظمة التعاون -> منظمة التعاون)."""
    tok = token_at(doc.tokens, start)
    return name_start(tok)[0] if tok is not None and tok.start == start else start


def _place(doc: Document, sent: SentenceInput, trigger_start: int) -> PlaceMention | None:
    cands = [p for p in doc.places if p.sentence == sent.index and _located(doc, p)]
    if not cands:
        return None

    def score(p: PlaceMention) -> tuple[int, int]:
        before = doc.text[max(0, p.start - 4): p.start]
        fi = 0 if ("في" in before or "فى" in before or before.endswith("ب")) else 1
        return fi, abs(p.start - trigger_start)

    return min(cands, key=score)


def _located(doc: Document, p: PlaceMention) -> bool:
    """A place on the map (geocoded) or a LOC mention of the NER stage: never an adverb (بسرعة)."""
    if p.place.geonameid is not None or p.place.lat is not None:
        return True
    return any(m.label == "LOC" and m.start <= p.start and p.end <= m.end for m in doc.mentions)


def _mention_of(doc: Document, am: ActorMention | None) -> ActorMention | None:
    """The document's actor mention an event actor came from, if any."""
    if am is None:
        return None
    return next((x for x in doc.actors if x.start <= am.start and am.end <= x.end and x.actor is am.actor), None)


def _recode(m: Match, ws: list[Word], source: tuple[int, int] | None) -> str:
    code = m.entry.cameo
    if source is not None and code[:2] in ("17", "18", "19"):
        text = " ".join(w.norm for w in ws[source[0]:source[1]])
        if any(k in text for k in ("متظاهر", "محتج", "معتصم")):
            return "145"  # protesters burning and breaking things: a riot
    if code[:2] == "04" and any(in_list("willing", w.norm) for w in ws[max(0, m.head - INTENT_WINDOW): m.head]):
        return "036"  # مستعد للجلوس في محادثات, يريد أن يلتقي: the intent to meet, not a meeting
    return code


ARMED_AGENTS = frozenset({"REB", "UAF", "INS"})
ARMED_WORDS = ("ميليشي", "مليشي", "مسلح", "ارهابي")  # stems of armed-group nouns and adjectives


def _armed(am: ActorMention | None) -> bool:
    """An armed group: a rebel, insurgent or unidentified armed agent, or a phrase naming one."""
    if am is None:
        return False
    if am.actor.agent in ARMED_AGENTS or am.actor.code[3:6] in ARMED_AGENTS:
        return True
    text = norm_word(am.text.replace(" ", ""))
    return any(w in text for w in ARMED_WORDS)


BOYCOTT, STATE_BOYCOTT = "143", "163"
STATE_AGENTS = frozenset({"GOV"})


def _state(am: ActorMention | None) -> bool:
    """A state: a country, or its government."""
    if am is None or not am.actor.code:
        return False
    return am.actor.type == "country" or am.actor.agent in STATE_AGENTS or am.actor.code[3:6] in STATE_AGENTS


def state_boycotts(events: Sequence[Event]) -> tuple[Event, ...]:
    """مقاطعة أربع دول عربية لقطر: a boycott by or of a state (or its government) is an economic
    sanction (163); a boycott by citizens, consumers or fans stays a protest (143). Decided once the
    article has filled the roles."""
    return tuple(_recoded(e, STATE_BOYCOTT) if e.cameo == BOYCOTT and _by_a_state(e) else e for e in events)


def _by_a_state(e: Event) -> bool:
    """A state boycotts, or a state is boycotted by no one named other than a state (activists
    boycotting Israeli goods stay a protest)."""
    named = e.source is not None and bool(e.source.actor.code)
    return _state(e.source) or (_state(e.target) and not named)


def _recoded(e: Event, code: str) -> Event:
    return replace(e, **code_fields(code), coder={**e.coder, "recoded": f"{e.cameo}->{code}"})


def code_fields(code: str) -> dict[str, Any]:
    """An event's fields that follow from its CAMEO code: the code, PLOVER type and mode, QuadClass
    and Goldstein score."""
    entry = cameo(code)
    return {"cameo": code, "event_type": entry.plover_type, "mode": entry.plover_mode,
            "quad_class": entry.quad_class, "goldstein": entry.goldstein}


SUPPORT_OBJECT_WINDOW = 3  # words after a support trigger that name what is supported
TERRORISM = frozenset({"الارهاب", "للارهاب", "بالارهاب", "ارهاب", "والارهاب"})


def _support_code(doc: Document, ws: list[Word], m: Match, target: ActorMention | None) -> str:
    """دعم الميليشيات, لدعمها للحوثيين: backing an armed group is material aid (070), whatever role
    the group was given; دعمها للإرهاب: "support of terrorism" is an accusation (112)."""
    if _armed(target):
        return "070"
    for w in ws[m.end: m.end + SUPPORT_OBJECT_WINDOW]:
        if w.kind == "punct":
            break
        if w.norm in TERRORISM:
            return "112"
        near = document_spans(doc).overlapping_actor(w.start, w.end) if doc.actors else None
        if _armed(near) or any(a in w.norm for a in ARMED_WORDS):
            return "070"
    return "050"


INTENT_WINDOW = 4  # a word of willingness this close before a meeting word governs it


def _confidence(m: Match, roles: Roles, src: ActorMention | None, mod, strong_conflict: bool,
                words: list[Word]) -> float:
    moved = m.words[0] != m.head
    c = m.entry.weight + (0.06 if m.entry.pos == "V" else 0.0) + adjustment(words, m, roles, moved)
    c += 0.08 if roles.source else 0.0
    c += 0.05 if src is not None and src.actor.code else 0.0
    c += 0.04 if roles.target else 0.0
    c -= 0.2 if mod.negated else 0.0
    c -= 0.1 if mod.hypothetical else 0.0
    c -= 0.1 if (m.entry.weak and not strong_conflict) else 0.0
    return round(min(0.99, max(0.05, c)), 3)


def _event(doc: Document, sent: SentenceInput, m: Match, roles: Roles, attributed: bool,
           counts: dict[str, int], dictionary_version: str, ok: ActorTest | None = None) -> Event:
    ws = sent.words
    first, last = trigger_words(m, ws)
    t0, t1 = ws[first].start, ws[last].end
    source = _actor(doc, sent, roles.source, roles.source_rule)
    if roles.source_rule == "accused" and source is not None and not source.actor.code:
        # ثمانية رجال متهمين باغتصاب: people known only as accused of a crime are coded as criminals
        source = replace(source, actor=Actor(f"agent:{ACCUSED}", ACCUSED, source.text, "criminals", "agent",
                                             agent=ACCUSED))
    target = _actor(doc, sent, roles.target, roles.target_rule, exclude=_mention_of(doc, source), ok=ok)
    if source is not None and target is not None and target.start < source.end and source.start < target.end:
        target = None  # the subject's own name read again as the object: one actor is never both
    if roles.other is not None and target is not None and actor_identity(target) == actor_identity(source):
        # هددت كوريا الشمالية بإلغاء القمة بين زعيمها كيم ... والرئيس الأمريكي: the other side
        target = _actor(doc, sent, roles.other, roles.target_rule, exclude=_mention_of(doc, source), ok=ok) or target
    if roles.target_rule == "object-after-adverbials" and roles.target is not None and _apposition(
            doc, ws, source, target, roles.target[0]):
        # العاهل السعودي، الملك سلمان بن عبد العزيز، الأربعاء، ... رئيس الوزراء اللبناني: the
        # subject's apposition is not its object; the object comes after it
        later = object_after_adverbials(ws, roles.target[1], len(ws), ok or accept_all)
        target = _actor(doc, sent, later, "object-after-adverbials", exclude=_mention_of(doc, source), ok=ok)
    if source is None and target is not None and _visitor(m, roles, target):
        source, target = target, None  # الزيارة ... لولي العهد السعودي: the crown prince's visit
    if source is None and m.entry.doer:
        source = _named_doer(doc, sent, m, t0, t1)
    code = _recode(m, ws, roles.source)
    if code == WARNING and target is not None and _political(target) \
            and (source is None or target.actor.code != source.actor.code):
        # حذرت الوزارة من حملات التشويه التي تمارسه ميليشيا الحوثي: concern about another actor's conduct
        code = DISAPPROVAL
    if code == "050":
        code = _support_code(doc, ws, m, target)
    mod = modality(ws, m.head, attributed)
    if mod.future and not mod.negated and code[:2] in THREAT_CODES and _condition_after(ws, last):
        # ستلغي القمة إذا ما ضغطت واشنطن عليها: a coercive act promised on a condition is a threat, made now
        code, mod = THREAT_CODES[code[:2]], replace(mod, future=False)
    fields = code_fields(code)
    when = event_date(ws, m.head, doc.dates, _published(doc))
    strong = not m.entry.weak
    key = f"{doc.article.id}|{sent.index}|{t0}|{code}"
    return Event(
        id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        article_id=doc.article.id, sentence=sent.index, **fields,
        trigger=Span(t0, t1, doc.text[t0:t1]),
        source=source, target=target, place=_place(doc, sent, t0),
        date=when.value, date_precision=when.precision,
        negated=mod.negated, hypothetical=mod.hypothetical, future=mod.future,
        historical=when.historical, attributed=mod.attributed,
        counts=counts_for(fields["event_type"], counts),
        confidence=_confidence(m, roles, source, mod, strong, ws),
        evidence=sent.text,
        coder={
            "coder": CODER, "marsad": __version__, "dictionary": dictionary_version,
            "ontology": ONTOLOGY_VERSION, "rule": m.entry.rule, "pos": m.entry.pos,
            "roles": f"source:{roles.source_rule or '-'} target:{roles.target_rule or '-'}",
            "date": when.rule,
        },
    )


ACCUSED = "CRM"
WARNING, DISAPPROVAL = "012", "110"
#: the threat (13x) of each coercive root: sanctions and cut ties, repression, force
THREAT_CODES = {"16": "131", "17": "137", "18": "138", "19": "138", "20": "138"}
_CONDITIONS = frozenset({"اذا", "لو", "حال"})


def _condition_after(ws: list[Word], last: int) -> bool:
    """Does a condition (إذا, لو, في حال) follow the trigger in its clause?"""
    for w in ws[last + 1: last + 16]:
        if w.kind == "punct" and w.norm in ".;!?؟":
            return False
        if w.reading.unconj in _CONDITIONS:
            return True
    return False


def _political(am: ActorMention | None) -> bool:
    """A coded actor that is a state, an organisation or an armed or political group, not the
    public (consumers, migrants, companies warned of a danger)."""
    return am is not None and bool(am.actor.code) and am.actor.agent not in ("CVL", "BUS") \
        and bool(am.actor.country or am.actor.code[:3] in NOT_COUNTRIES)


def _named_doer(doc: Document, sent: SentenceInput, m: Match, t0: int, t1: int) -> ActorMention:
    """The actor an operation's name gives (غصن الزيتون: Turkey's army), on the name's words."""
    code = m.entry.doer
    actor = Actor(f"doer:{code}", code, doc.text[t0:t1], None, "agent", code[:3], code[3:6] or None)
    return ActorMention(t0, t1, doc.text[t0:t1], actor, sent.index, why=f"the doer its name gives ({code})")


VISITS = frozenset({"042", "043"})


def _visitor(m: Match, roles: Roles, target: ActorMention) -> bool:
    """A visit noun's ل names where the visit goes when it is a country or a city (زيارة للكويت),
    and whose visit it is when it is a person or an office (الزيارة الأخوية لولي العهد)."""
    return m.entry.cameo in VISITS and m.entry.pos == "N" and roles.target_rule == "prep" \
        and target.actor.type in ("person", "agent") and target.actor.agent in ("GOV", None) \
        and bool(target.actor.country)


def trigger_words(m: Match, words: list[Word]) -> tuple[int, int]:
    """First and last word of the trigger: the head and the pattern words right after it; when
    words split the pattern of a light verb (ألقت المخابرات التركية القبض, فرضت واشنطن عقوبات) or
    of a verb of expressing (أعرب الوزير عن قلقه) the noun that carries the meaning."""
    runs: list[list[int]] = [[m.words[0]]]
    for k in sorted(m.words[1:]):
        if k == runs[-1][-1] + 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    light = m.entry.pos == "V" and (in_list("light_verbs", words[m.head].norm) or in_list("expressing", words[m.head].norm))
    run = runs[-1] if light and len(runs) > 1 else runs[0]
    return run[0], run[-1]


def code_documents(docs: Sequence[Document]) -> list[Document]:
    return [replace(doc, events=code_document(doc)) for doc in docs]
