"""Compose dictionary matches of one article into coded actors.

Patterns, tried left to right in each sentence:

* ROLE [PORTFOLIO] [... AFFILIATION] [NAME] and NAME ROLE ... (apposition): a person with a role,
  coded by the affiliation (an organisation, a country or demonym, or a reference such as المنظمة);
  a dictionary person is taken as is; a role with an affiliation and no name is the dictionary
  person who held it on the publication date when there is one, else the office itself;
* AGENT + COUNTRY/DEMONYM/ORG (الجيش الإسرائيلي, حكومة لبنان, قوات الأمن العراقية) and
  DEMONYM + AGENT (أفغان متظاهرون): country + agent;
* PERSON, ORG, REFERENCE (المنظمة -> the latest organisation named with منظمة), COUNTRY, DEMONYM,
  SEAT (واشنطن, الكرملين), AGENT alone.

Within the article a person's surname and last two names become short forms (مدنى after إياد أمين
مدنى, مون after بان كى مون).
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.components.actors.build import (
    composed_actor,
    country_actor,
    holder,
    org_actor,
    person_actor,
    pick_term,
    role_title,
    text_person,
)
from marsad.components.actors.lexicon import Entry, Lexicon, Org, Role, bare
from marsad.components.actors.match import Match, Word, doc_words, find_matches, span_of
from marsad.components.actors.names import name_after, name_before, name_text, pers_words, text_of, word_like
from marsad.components.actors.outlets import outlet_country
from marsad.components.actors.state import State
from marsad.core.types import Actor, ActorMention, Document
from marsad.text.normalize import norm_word
from marsad.text.tokens import span_text

#: Locative prepositions: a country or capital after them is a place, not an actor.
_LOCATIVE = frozenset({"في", "الي", "داخل", "شمال", "جنوب", "شرق", "غرب", "قرب", "حتي", "عاصمه", "مدينه"})
_AFFIL = ("org", "country", "demonym", "reference", "seat")
#: Kinds of titles that stand before a name only, never alone (السفير, الدكتور; الصحفي السعودي).
_BEFORE_NAMES = frozenset({"honorific", "occupation"})
#: Agents of a state's offices: a title of one with no country takes the one country its sentence
#: names (الوزير in a sentence about Jordan); a journalist, an activist or a child need not be of it.
_STATE_AGENTS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
#: Words that qualify a military rank between it and the name: العقيد الركن, اللواء الطيار,
#: العميد البحري, العقيد المتقاعد (normalised).
_RANK_QUALIFIERS = frozenset(norm_word(w) for w in ("الركن", "الطيار", "البحري", "المتقاعد"))


def resolve_document(lex: Lexicon, doc: Document, words: list[Word] | None = None) -> list[ActorMention]:
    """Every actor mention of ``doc``, in text order (``words``: its :func:`doc_words`, if the
    caller has them)."""
    words = doc_words(doc) if words is None else words
    pub = doc.article.published
    state = State(lex, doc, words, pub.date() if pub else None, pers=pers_words(doc, words))
    lo = 0
    while lo < len(words):
        hi = lo
        while hi < len(words) and words[hi].sentence == words[lo].sentence:
            hi += 1
        resolve_range(state, lo, hi)
        lo = hi
    return state.out


def resolve_range(state: State, lo: int, hi: int) -> None:
    """Resolve words ``lo..hi-1`` (one sentence or a span) into ``state.out``."""
    matches = find_matches(state.lex, state.words, lo, hi, state.short)
    state.sentence_countries = frozenset(
        e.key for m in matches for e in m.entries if e.kind in ("country", "demonym", "seat"))
    owned = [i for i in range(lo + 1, hi) if _own_country_word(state.words[i].text) is not None
             and state.words[i - 1].text in _THAT and not state.words[i].brk]
    k = 0
    while k < len(matches):
        while owned and owned[0] < matches[k].i:
            _own_country(state, owned.pop(0))
        k = _step(state, matches, k, lo, hi)
    for i in owned:
        _own_country(state, i)


#: "His/her/their/our country" after "that" (قال بومبيو إن بلاده ستفرض عقوبات): the country of the
#: speaker, the latest person or body named. Elsewhere (ترحيل إمام إلى بلاده) the owner may be
#: anyone named before. Not بلدي (also "municipal").
_THAT = frozenset({"ان", "بان", "لان", "وان"})
_OWN_COUNTRY = frozenset({"بلاده", "بلادها", "بلادهم", "بلادنا", "بلدها", "بلدهم", "بلدنا"})
_OWN_COUNTRY_CLITICS = ("", "و", "ف", "ل", "ول", "فل")


def _own_country_word(text: str) -> int | None:
    """The length of the clitics before a possessive country word (وبلاده: 1), or None."""
    for c in _OWN_COUNTRY_CLITICS:
        if text.startswith(c) and text[len(c):] in _OWN_COUNTRY:
            return len(c)
    return None


def _own_country(state: State, i: int) -> None:
    """بلاده after a person or body with a country: that country, as the latest one named."""
    if not state.recent_people or not state.recent_people[-1] or state.span_mode:
        return
    iso3, pre = state.recent_people[-1], _own_country_word(state.words[i].text) or 0
    _emit(state, i, i + 1, pre, country_actor(state.lex, iso3, state.words[i].text[pre:]),
          f"'{state.words[i].text[pre:]}': the country of the latest person or body named ({iso3})")


def _step(state: State, ms: list[Match], k: int, lo: int, hi: int) -> int:
    m = ms[k]
    kinds = m.kinds()
    if "person" in kinds and not ({"org", "country", "seat"} & kinds):
        return _person(state, ms, k)
    if "role" in kinds and not ({"org", "country"} & kinds):
        done = _role(state, ms, k, lo, hi)
        if done is not None:
            return done
    if "agent" in kinds and not ({"org", "country", "seat"} & kinds):
        e = m.first("agent")
        if not state.span_mode and e is not None and e.key in _VIOLENT and _adjective(state, m, e):
            return k + 1  # التفجير الإرهابي, الهجوم المسلح: the adjective qualifies the act before it
        return _agent(state, ms, k)
    if "org" in kinds:
        org = state.lex.orgs[m.first("org").key]  # type: ignore[union-attr]
        _note_org(state, org.id)
        _emit(state, m.i, m.j, m.pre, org_actor(org), f"organisation '{m.first('org').phrase}'")  # type: ignore[union-attr]
    elif "reference" in kinds:
        org_id = _referent(state, m.first("reference"))  # type: ignore[arg-type]
        iso3, how = (None, "") if org_id else _country_referent(state, m.first("reference"))  # type: ignore[arg-type]
        if org_id:
            _emit(state, m.i, m.j, m.pre, org_actor(state.lex.orgs[org_id]),
                  f"reference '{state.words[m.i].text}' to the latest {org_id} named")
        elif iso3:
            _emit(state, m.i, m.j, m.pre, country_actor(state.lex, iso3, text_of(state, m.i, m.j)),
                  f"reference '{state.words[m.i].text}' to {how}")
    elif "demonym" in kinds and k + 1 < len(ms) and _adjacent(state, m, ms[k + 1]) and "agent" in ms[k + 1].kinds():
        e = ms[k + 1].first("agent")
        _emit(state, m.i, ms[k + 1].j, m.pre, composed_actor(state.lex, m.first("demonym").key, e.key, text_of(state, m.i, ms[k + 1].j)),  # type: ignore[union-attr]
              "demonym + agent")
        return k + 2
    elif {"country", "demonym", "seat"} & kinds and not _locative(state, m):
        _place_like(state, m)
    return k + 1


def _place_like(state: State, m: Match) -> None:
    e = m.first("country") or m.first("demonym") or m.first("seat")
    assert e is not None
    text = text_of(state, m.i, m.j)
    if not state.span_mode and _adjective(state, m, e):
        return
    if e.kind == "seat":
        _emit(state, m.i, m.j, m.pre, composed_actor(state.lex, e.key, e.agent, text), f"seat of government '{e.phrase}'")
    else:
        _emit(state, m.i, m.j, m.pre, country_actor(state.lex, e.key, text), f"{e.kind} '{e.phrase}'")


_VIOLENT = frozenset({"REB", "UAF"})  # agents whose singular nisba also describes an act


def _adjective(state: State, m: Match, e: Entry) -> bool:
    """A singular nisba after a definite noun (الأزمة السورية, العسكري الروسي) qualifies a thing,
    it names no actor; plural demonyms (التونسيين) and country names do."""
    w = state.words[m.i]
    if e.kind == "seat" or m.j - m.i != 1 or m.i == 0 or w.brk or m.pre:
        return False
    if e.kind == "country" and not (m.det and not norm_word(e.phrase).startswith("ال")):
        return False
    singular = w.text.endswith(("ي", "يه"))
    prev = state.words[m.i - 1].text
    return singular and prev.startswith("ال") and prev not in state.lex.stopwords


def _person_entry(state: State, m: Match) -> Entry | None:
    """The person a match names: of several, the one this article named last (المالكي after
    العقيد الركن تركي المالكي is the colonel, after رياض المالكي the Palestinian minister, not Nouri
    al-Maliki, whose surname the dictionary lists too)."""
    people = [x for x in m.entries if x.kind == "person"]
    if len(people) > 1:
        order = {key: n for n, key in enumerate(state.named)}
        people.sort(key=lambda x: -order.get(x.key, -1))
    return people[0] if people else None


def _person(state: State, ms: list[Match], k: int) -> int:
    m = ms[k]
    e = _person_entry(state, m)
    assert e is not None
    actor, why = _known_person(state, e)
    _emit(state, m.i, m.j, m.pre, actor, why)
    return k + 1


def _known_person(state: State, e: Entry) -> tuple[Actor, str]:
    """The actor of a person entry: a short form named earlier in the article, or a dictionary person."""
    if e.key in state.short_actors:
        actor = state.short_actors[e.key]
        return actor, f"short form of '{actor.name_ar}' named earlier"
    p = pick_term(state.lex.persons[e.key], state.when)
    if e.phrase != p.name_ar and state.short.index.get(bare(e.phrase.split()[0])):
        why = f"short form of dictionary person '{p.name_ar}' named earlier"
    else:
        why = f"dictionary person '{e.phrase}'"
    _remember(state, p.id, p.name_ar, None, family_first=(p.code[:3] in FAMILY_NAME_FIRST))
    return person_actor(p), why


@dataclass
class _Title:
    """A title read at match ``m``: its role, portfolio, end, and affiliation (entry and match)."""

    m: Match
    role: Role
    portfolio: str | None
    end: int  # one past the title and portfolio
    affil: Entry | None
    affil_m: Match | None
    stop: int  # one past the affiliation (or ``end``)


def _title(state: State, ms: list[Match], k: int, hi: int) -> tuple[_Title, int]:
    m = ms[k]
    role = state.lex.roles[m.first("role").key]  # type: ignore[union-attr]
    end, nxt = m.j, k + 1
    portfolio = None
    if nxt < len(ms) and ms[nxt].i == end and "portfolio" in ms[nxt].kinds():
        portfolio = state.lex.portfolios[ms[nxt].first("portfolio").key]  # type: ignore[union-attr]
        end, nxt = ms[nxt].j, nxt + 1
    while (end < hi and state.words[end].text in _RANK_QUALIFIERS and not state.words[end].brk
           and not (nxt < len(ms) and ms[nxt].i == end)):
        end += 1
    affil, am, nxt2 = _affiliation(state, ms, nxt, end, hi, any(_definite(w) for w in state.words[m.i:end]))
    return _Title(m, role, portfolio, end, affil, am, am.j if am else end), nxt2


def _role(state: State, ms: list[Match], k: int, lo: int, hi: int,
          given: tuple[str, int, int] | None = None) -> int | None:
    """ROLE [PORTFOLIO] [AFFILIATION] [NAME], or NAME ROLE ...; None if it is no person.

    ``given`` is (name, first word, proclitic letters) of a name already read before this role
    (السفير حميد أوبيلوييرو الأمين العام المساعد ...).
    """
    t, nxt = _title(state, ms, k, hi)
    m, end = t.m, t.stop
    if t.role.kind == "occupation" and (t.affil_m is None or given is not None):
        return None  # الصحفي السعودي جمال خاشقجي: an occupation is a title only with a nationality
    other = _other_person(state, ms, nxt, end, hi) if given is None else None
    if other is not None:
        name_end, nxt = other
        name = name_text(state, end, name_end)
        where = (end, _pre_of(state, end, name), name_end) if t.affil_m else (m.i, m.pre, name_end)
        outside = [x for x in ms if x.j <= end or x.i >= name_end]
        state.sentence_countries, countries = frozenset(
            e.key for x in outside for e in x.entries if e.kind in ("country", "demonym", "seat")), state.sentence_countries
        try:
            return _role_actor(state, t, name, where, nxt, surname=True)
        finally:
            state.sentence_countries = countries
    if given is None and nxt < len(ms) and ms[nxt].i == end and "person" in ms[nxt].kinds() and not state.words[end].brk:
        pm = ms[nxt]
        actor, why = _known_person(state, _person_entry(state, pm))  # type: ignore[arg-type]
        s0 = pm.i if t.affil_m else m.i
        _emit(state, s0, pm.j, pm.pre if t.affil_m else m.pre, actor, f"title '{t.m.first('role').phrase}' + {why}")  # type: ignore[union-attr]
        _emit_affiliation(state, t, actor)
        return nxt + 1
    if given is not None:
        return _role_actor(state, t, given[0], (given[1], given[2], t.end if t.affil_m else end), nxt)
    name_end = name_after(state, end, ms[nxt].i if nxt < len(ms) else hi, t.role.kind not in _BEFORE_NAMES)
    name = name_text(state, end, name_end)
    if name and t.role.kind in _BEFORE_NAMES and nxt < len(ms) and ms[nxt].i == name_end and _office(state, ms[nxt]):
        return _role(state, ms, nxt, lo, hi, (name, m.i, m.pre))
    if name:
        where = (end, _pre_of(state, end, name), name_end) if t.affil_m else (m.i, m.pre, name_end)
        return _role_actor(state, t, name, where, nxt)
    back = name_before(state, m.i, lo) if t.role.kind != "occupation" else None
    if back is not None:
        name = name_text(state, back, m.i)
        return _role_actor(state, t, name, (back, _pre_of(state, back, name), t.end if t.affil_m else end), nxt)
    if not t.affil:
        if t.role.kind in _BEFORE_NAMES or not t.role.agent:
            return None
        actor = composed_actor(state.lex, None, t.role.agent, text_of(state, m.i, end))
        _emit(state, m.i, end, m.pre, actor, f"title '{m.first('role').phrase}' ({t.role.role_en})")  # type: ignore[union-attr]
        return nxt
    return _office_actor(state, t, nxt)


def _other_person(state: State, ms: list[Match], nxt: int, s: int, hi: int) -> tuple[int, int] | None:
    """A name after a title that a dictionary person matches only in part: (end of the name, next
    match), or None.

    The name is 1-2 given names at word ``s`` (plain name words, or an indefinite nisba such as
    تركي, which after a definite title is a name, not an adjective), then a dictionary person's
    form (a surname, or a shorter name) whose names do not include those given names: in
    العقيد الركن تركي المالكي the surname المالكي is Nouri al-Maliki's, but تركي is not one of his
    names, so the colonel is another man; he is read from the title, not from the dictionary.
    """
    k, j = nxt, s
    while j < min(hi, s + 3):
        w = state.words[j]
        if w.brk or w.text in state.lex.stopwords or w.text.isdigit() or len(w.text) < 2:
            return None
        if j > s and w.text[0] in "وف":  # و/ف inside a name starts a new conjunct (عبد الله والملكة رانيا)
            return None
        if k < len(ms) and ms[k].i == j:
            m = ms[k]
            if "person" in m.kinds() and not ({"org", "country", "seat", "role", "agent"} & m.kinds()):
                break
            if m.j - m.i != 1 or m.det or m.pre or not m.kinds() <= {"demonym"}:
                return None
            k += 1
        elif w.text.startswith("ال") and w.index not in state.pers:
            return None
        j += 1
    else:
        return None
    if j == s or j >= hi:
        return None
    e = ms[k].first("person")
    assert e is not None
    known = state.lex.person_words.get(e.key, set())
    if e.key in state.short_actors or all(bare(state.words[x].text) in known for x in range(s, j)):
        return None
    return ms[k].j, k + 1


def _pre_of(state: State, i: int, name: str) -> int:
    return len(state.words[i].text) - len(norm_word(name.split()[0]))


def _office(state: State, m: Match) -> bool:
    e = m.first("role")
    return e is not None and state.lex.roles[e.key].kind not in _BEFORE_NAMES and not state.words[m.i].brk


def _affil_parts(state: State, t: _Title) -> tuple[Org | None, str | None]:
    org = state.lex.orgs.get(t.affil.key) if t.affil and t.affil.kind == "org" else None
    iso3 = t.affil.key if t.affil and t.affil.kind in ("country", "demonym", "seat") else None
    return org, iso3


def _office_actor(state: State, t: _Title, nxt: int) -> int:
    """A title with an affiliation and no name: the office holder on the date, else the office."""
    org, iso3 = _affil_parts(state, t)
    title = role_title(state.lex, t.role, org, iso3, t.portfolio)
    code = org.code if org else (iso3 or "") + (t.role.agent or "")
    phrase = t.m.first("role").phrase  # type: ignore[union-attr]
    who = holder(state.lex, org.id if org else (iso3 or ""), _plain_title(state, t.role, org), state.when)
    if who:
        _emit(state, t.m.i, t.stop, t.m.pre, person_actor(who), f"office '{phrase}' held by {who.name_en} on {state.when}")
        _remember(state, who.id, who.name_ar, None)
        return nxt
    actor = Actor(f"office:{code}:{title}", code, text_of(state, t.m.i, t.stop), title, "agent", code[:3] or None,
                  t.role.agent, title, org.id if org else iso3)
    _emit(state, t.m.i, t.stop, t.m.pre, actor, f"office '{phrase}' of {org.id if org else iso3}")
    return nxt


def _role_actor(state: State, t: _Title, name: str, where: tuple[int, int, int], nxt: int,
                surname: bool = False) -> int:
    """A person found from the text: the name, coded by the title's affiliation. ``surname``: the
    name ends in a dictionary name (المالكي), a short form for the rest of the article however common."""
    start, pre, end = where
    org, iso3 = _affil_parts(state, t)
    why = f"name '{name}' with title '{t.m.first('role').phrase}' from the text"  # type: ignore[union-attr]
    if not org and not iso3 and t.role.agent in _STATE_AGENTS and len(state.sentence_countries) == 1:
        (iso3,) = state.sentence_countries
        why += f"; country {iso3} from its sentence"
    code = org.code if org else (iso3 or "") + (t.role.agent or "")
    if not code:
        return nxt
    title = role_title(state.lex, t.role, org, iso3, t.portfolio)
    actor = text_person(name, code, title, org.id if org else iso3)
    _emit(state, start, end, pre, actor, why)
    _emit_affiliation(state, t, actor)
    _remember(state, actor.id, name, actor, surname, family_first=actor.country in FAMILY_NAME_FIRST)
    return nxt


def _emit_affiliation(state: State, t: _Title, person: Actor) -> None:
    """The organisation a person belongs to, as its own mention (it is an actor of the article too)."""
    org, _ = _affil_parts(state, t)
    if org and t.affil_m:
        am = t.affil_m
        _emit(state, am.i, am.j, am.pre, org_actor(org), f"affiliation of {person.name_en or person.name_ar}")


def _plain_title(state: State, role: Role, org: Org | None) -> str:
    if org and org.head_en and role.kind == "head":
        return org.head_en
    return role.role_en


def _definite(w: Word) -> bool:
    """The word carries the article (ال, or لل): a title ending in it is definite."""
    return any(det for _, _, det in w.cands)


def _affiliation(state: State, ms: list[Match], nxt: int, end: int, hi: int,
                 definite: bool = False) -> tuple[Entry | None, Match | None, int]:
    """An organisation, country, demonym or reference within 3 words after ``end`` in the clause.

    After a ``definite`` title a demonym without ال does not qualify it (an adjective agrees in
    definiteness: العقيد التركي, but العقيد تركي المالكي is a name), so it is no affiliation.
    """
    for k in range(nxt, min(nxt + 3, len(ms))):
        m = ms[k]
        if m.i - end > 3 or any(state.words[x].brk for x in range(end, m.i + 1)):
            break
        if "person" in m.kinds() or "role" in m.kinds() and not (set(_AFFIL) & m.kinds()):
            break
        e = next((x for x in m.entries if x.kind in _AFFIL), None)
        if e and e.kind == "demonym" and definite and not m.det and set(m.kinds()) <= {"demonym", "person"}:
            continue
        if e and e.kind == "reference":
            org_id = _referent(state, e)
            e = Entry("org", org_id, e.phrase) if org_id else None
        if e:
            if e.kind == "org":
                _note_org(state, e.key)
            return e, m, k + 1
    return None, None, nxt














def _agent(state: State, ms: list[Match], k: int) -> int:
    m = ms[k]
    agent = m.first("agent").key  # type: ignore[union-attr]
    for d in (1, 2):
        if k + d >= len(ms):
            break
        n = ms[k + d]
        if n.i - ms[k + d - 1].j > 1 or state.words[n.i].brk or _conj(state, n):
            break
        e = next((x for x in n.entries if x.kind in ("country", "demonym", "org", "seat", "reference")), None)
        if e and e.kind == "reference":  # طائرات التحالف: the coalition the article means
            org_id = _referent(state, e)
            e = Entry("org", org_id, e.phrase) if org_id else None
        if e:
            if e.kind == "org":
                _note_org(state, e.key)
            iso3 = state.lex.orgs[e.key].code[:3] if e.kind == "org" else e.key
            _emit(state, m.i, n.j, m.pre, composed_actor(state.lex, iso3, agent, text_of(state, m.i, n.j)),
                  f"agent '{m.first('agent').phrase}' + {e.kind} '{e.phrase}'")  # type: ignore[union-attr]
            return k + d + 1
        if "agent" not in n.kinds():
            break
    _emit(state, m.i, m.j, m.pre, composed_actor(state.lex, None, agent, text_of(state, m.i, m.j)),
          f"agent '{m.first('agent').phrase}'")  # type: ignore[union-attr]
    return k + 1


def _adjacent(state: State, a: Match, b: Match) -> bool:
    """``b`` follows ``a`` directly, in the same clause, not joined by و/ف (a new conjunct)."""
    return b.i == a.j and not state.words[b.i].brk and not _conj(state, b)


def _conj(state: State, m: Match) -> bool:
    return m.pre > 0 and state.words[m.i].text[0] in "وف"


def _locative(state: State, m: Match) -> bool:
    if state.span_mode:
        return False
    w = state.words[m.i]
    if m.pre and w.text[m.pre - 1] == "ب":
        return True
    return m.i > 0 and not w.brk and state.words[m.i - 1].text in _LOCATIVE


def _referent(state: State, e: Entry) -> str | None:
    """The latest organisation named whose main name starts with the head; before any, the
    organisation the reference stands for where the article names a given country (التحالف in
    news of Yemen is the Saudi-led coalition; ``references.tsv``'s third column)."""
    for org_id in reversed(state.recent_orgs):
        if e.key in state.lex.org_heads.get(org_id, ()):
            return org_id
    for iso3, org_id in state.lex.reference_defaults.get(e.key, ()):
        if iso3 in state.recent_countries or iso3 in state.sentence_countries:
            return org_id
    return None


def _country_referent(state: State, e: Entry) -> tuple[str | None, str]:
    """المملكة: the latest country named whose long name starts with the head (المملكة العربية
    السعودية, المملكة المغربية), named by its name, a nisba, its capital or one of its officials;
    before any, the country of a national outlet if its name starts so (a Saudi paper's المملكة)."""
    for iso3 in reversed(state.recent_countries):
        if e.key in state.lex.country_heads.get(iso3, ()):
            return iso3, f"the latest {iso3} named"
    own = outlet_country(state.doc.article)  # none named yet: a national outlet's own kingdom
    if own and e.key in state.lex.country_heads.get(own, ()):
        return own, f"{own}, the national outlet's country"
    return None, ""


def _note_org(state: State, org_id: str) -> None:
    if org_id in state.recent_orgs:
        state.recent_orgs.remove(org_id)
    state.recent_orgs.append(org_id)


#: Countries whose names put the family name first (ليو هي: ليو; شي جين بينغ: شي).
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "VNM"})


def _remember(state: State, key: str, name: str, actor: Actor | None, surname: bool = False,
              family_first: bool = False) -> None:
    """Register the surname and the last two names of a person as short forms for this article
    (``surname``: the name ends in a known name, keep it even with ال; ``family_first``: the
    family name is the first word, which is the short form)."""
    words = name.split()
    if key in state.named:
        state.named.remove(key)
    state.named.append(key)
    if actor is not None:
        state.short_actors[key] = actor
    if family_first:
        if len(words) > 1 and bare(words[0]) and words[0] not in state.lex.stopwords and len(words[0]) > 2:
            state.short.add(words[0], Entry("person", key, words[0]))
        return
    for n in (1, 2):
        if len(words) > n:
            form = " ".join(words[-n:])
            if not bare(words[-n]) or form in state.lex.stopwords or len(form) <= 2:
                continue
            if actor is not None and not surname and (words[-n].startswith("ال") or n == 1 and word_like(words[-1])):
                continue  # a name read from the text may end in a common word: no short form of it
            state.short.add(form, Entry("person", key, form))






def _emit(state: State, i: int, j: int, pre: int, actor: Actor, why: str) -> None:
    s, e = span_of(state.doc, state.words, i, j, pre)
    text = span_text(state.doc.text, state.doc.tokens, s, e)
    state.out.append(ActorMention(s, e, text, actor, state.words[i].sentence, why))
    if actor.country:
        if actor.country in state.recent_countries:
            state.recent_countries.remove(actor.country)
        state.recent_countries.append(actor.country)
    if actor.type != "country":  # a person or body: of a state, or of none that بلاده could name
        state.recent_people.append(actor.country if actor.country in state.lex.countries else "")
