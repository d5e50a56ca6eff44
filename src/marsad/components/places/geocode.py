"""Geocoding: country and city names of an article resolved to places.

* Countries come from the actor dictionaries' country names (CLDR + variants), not from demonyms
  (الشعب الصومالي is an actor, not a place), with the country's representative point.
* Cities come from the GeoNames extract. A small or ambiguous name needs support: a large city
  (capital, regional seat or 50,000+ people) is taken as is; another needs a cue word before it
  (مدينة, بلدة, قرية ...) or an NER LOC mention over it; a name that is also a frequent Arabic word
  needs the cue or the mention in every case.
* Homonyms (several places with one Arabic name) are ranked by: the place lies in a country the
  article names, then capital / regional seat, then population; one twenty times smaller than
  another is dropped first (دوما is Douma, not a Saxon village, even when Berlin is named).
* Regions (provinces, states, governorates: ``regions.tsv``) compete with towns of their name: a
  region noun before the name (ولاية فلوريدا, بولاية, محافظة إدلب) picks the region, a town noun
  (مدينة مأرب) the town; otherwise a large city stays the city (نيويورك) and a region beats a small
  town (فلوريدا is the state, not the town in Uruguay).
* Words inside an organisation, a person or an agent phrase are not places (الأمم المتحدة).
* A word read as a proclitic (و ب ل ف ك) plus a name is a town abroad only when the town is large
  or a cue word precedes it: such readings of small foreign towns are fragments of other words
  (ولائه, "his loyalty", is not و + لائه in Papua New Guinea).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from marsad.components.actors import (
    Lexicon,
    Match,
    Word,
    bare,
    bare_phrase,
    doc_words,
    find_matches,
    lexicon,
    resolve_document,
    span_of,
)
from marsad.components.places.gazetteer import City, Gazetteer, city_place, gazetteer
from marsad.core.types import Document, Mention, Place, PlaceMention
from marsad.text.morph import zipf
from marsad.text.normalize import norm_word, normalize

_CUES = frozenset(bare(w) for w in ["مدينة", "مدينه", "بلدة", "بلده", "قرية", "قريه", "محافظة", "محافظه", "ولاية", "مدن", "بلدات", "قرى", "مخيم", "منطقة", "ناحية", "قضاء", "إقليم", "العاصمة", "ضاحية", "حي", "مقاطعة", "مقاطعه", "إمارة", "إماره"])
#: Nouns that make the name after them a region (ولاية فلوريدا, محافظة إدلب) or a town (مدينة مأرب).
_REGION_CUES = frozenset(bare(w) for w in ["محافظة", "محافظه", "ولاية", "ولايه", "إقليم", "مقاطعة", "مقاطعه", "إمارة", "إماره"])
_TOWN_CUES = frozenset(bare(w) for w in ["مدينة", "مدينه", "بلدة", "بلده", "قرية", "قريه", "العاصمة", "ضاحية", "مخيم"])
_BLOCK = frozenset({"org", "person", "agent", "role", "demonym", "portfolio", "reference"})
_BIG = 50_000
_CLITIC_TOWN = 1_000_000  # a word read as proclitic + name: only a city this large abroad
_DWARFED = 20  # a homonym this many times smaller than another is never the one meant
_COMMON = 4.3  # zipf frequency above which a one-word name may be an ordinary word
_COMMON_ALT = 3.6  # ... and its form with the article toggled this frequent
_COMMON_TOKEN = 3.5
_FUNCTION = 5.3
_NAME_ALT = 2.0  # a proper name is rare with its article toggled ...
_NAME_TOKEN = 4.6  # ... and is not among the most frequent tokens
#: Definite words that are not nouns an adjective could follow: العربية stays a name part.
_NOT_NOUN = frozenset({"العربيه", "المملكه"})  # a token this frequent is a function word, whatever the gazetteer says  # a whole token this frequent is not read as proclitic + a place name


@dataclass
class _Ctx:
    doc: Document
    words: list[Word]
    lex: Lexicon
    gaz: Gazetteer
    countries: set[str]
    loc_spans: list[tuple[int, int]]
    near: frozenset[str] = frozenset()  # the countries bordering one the article names


def geocode_document(doc: Document, lex: Lexicon | None = None, gaz: Gazetteer | None = None) -> list[PlaceMention]:
    """The places of ``doc``, read with the actor dictionaries ``lex`` and the gazetteer ``gaz``
    (default: the shipped ones; :class:`~marsad.components.places.stage.PlacesStage` builds one
    for its own dictionaries). ``doc.actors`` is used when the actors stage has run; otherwise
    the organisation and person names to skip are found here."""
    lex = lexicon() if lex is None else lex
    gaz = gazetteer() if gaz is None else gaz
    words = doc_words(doc)
    actor_ms = _by_sentence(lex, words)
    countries = {e.key for m in actor_ms for e in m.entries if e.kind in ("country", "demonym", "seat")}
    locs = [(m.start, m.end) for m in doc.mentions if isinstance(m, Mention) and m.label == "LOC"]
    pers = [(m.start, m.end) for m in doc.mentions if isinstance(m, Mention) and m.label == "PERS"]
    near = frozenset(n for c in countries for n in gaz.neighbours.get(c, ()))
    ctx = _Ctx(doc, words, lex, gaz, countries, locs, near)
    blocked = {i for m in actor_ms if m.kinds() & _BLOCK and "country" not in m.kinds() for i in range(m.i, m.j)}
    blocked |= _actor_words(doc, words, lex)
    country_at = {m.i: m for m in actor_ms if "country" in m.kinds()}
    # a city inside a longer country name (الكويت in دولة الكويت) is the country; a region of the
    # same words (قطاع غزة, الضفة الغربية) is the region
    inner = {i for m in country_at.values() if m.j - m.i > 1 for i in range(m.i + 1, m.j)}
    out: list[PlaceMention] = []
    taken: set[int] = set()
    for cm in _by_sentence(gaz.index, words):
        whole = cm.i in country_at and cm.j >= country_at[cm.i].j
        if any(i in blocked or (i in inner and not whole) for i in range(cm.i, cm.j)):
            continue
        place = _city(ctx, cm, country_at.get(cm.i))
        if place and ctx.gaz.cities[int(place.geonameid or 0)].fclass != "PPLC" and _inside(ctx, cm, pers):
            continue  # ليو in a name the tagger reads as a person is not Léo in Burkina Faso
        if place:
            out.append(_mention(ctx, cm, place))
            taken.update(range(cm.i, cm.j))
    for m in actor_ms:
        place = _seat(ctx, m) if not taken & set(range(m.i, m.j)) else None
        if place:
            out.append(_mention(ctx, m, place))
            taken.update(range(m.i, m.j))
    for m in country_at.values():
        if taken & set(range(m.i, m.j)) or blocked & set(range(m.i, m.j)) or _adjective(ctx, m):
            continue
        e = m.first("country")
        assert e is not None
        base = gaz.countries.get(e.key)
        if base and base.geonameid:
            out.append(_mention(ctx, m, Place(_text(ctx, m), base.country, base.lat, base.lon,
                                              base.geonameid, "country", base.name_en)))
    return sorted(out, key=lambda p: p.start)


def _seat(ctx: _Ctx, m: Match) -> Place | None:
    """A seat of government as a city: a gazetteer city of that name in its country (رام الله), else
    the capital when the seat is the capital's name (واشنطن)."""
    e = m.first("seat")
    if e is None:
        return None
    words = bare_phrase(e.phrase)
    if e.key in ctx.gaz.capitals and (e.key, words) in ctx.lex.capital_names:
        return city_place(ctx.gaz, ctx.gaz.cities[ctx.gaz.capitals[e.key]], _text(ctx, m))
    for phrase, ce in ctx.gaz.index.index.get(words[0], ()):
        city = ctx.gaz.cities[int(ce.key)]
        if phrase == words and city.country == e.key and ce.kind == "city":
            return city_place(ctx.gaz, city, _text(ctx, m))
    return None


def _adjective(ctx: _Ctx, m: Match) -> bool:
    """A country name used as an adjective: السورية after a noun (the dictionary has سورية without
    ال), or a one-word name in -ية right after a definite noun or a hyphen (الحكومة السعودية)."""
    e = m.first("country")
    assert e is not None
    if m.det and not norm_word(e.phrase).startswith("ال"):
        return True
    if m.j - m.i != 1 or not ctx.words[m.i].text.endswith("يه") or m.i == 0 or m.pre:
        return False
    prev = ctx.words[m.i - 1]
    gap = ctx.doc.text[span_of(ctx.doc, ctx.words, m.i - 1, m.i)[1]:span_of(ctx.doc, ctx.words, m.i, m.i + 1)[0]]
    if "-" in gap:
        return True
    noun = prev.text.startswith("ال") and prev.text not in _NOT_NOUN and prev.text not in ctx.lex.stopwords
    return not ctx.words[m.i].brk and noun


def _actor_words(doc: Document, words: list[Word], lex: Lexicon) -> set[int]:
    """Words inside person and organisation mentions of the actors stage (run here if it has not run)."""
    actors = doc.actors or tuple(resolve_document(lex, doc, words))
    spans = [(a.start, a.end) for a in actors if a.actor.type in ("person", "igo", "ngo", "group", "party", "unknown")]
    norm = doc.norm or normalize(doc.text)
    out = set()
    for a, b in spans:  # words overlapping [a, b): binary search on the words' original starts
        k = bisect_left(words, a, key=lambda w: norm.ends[w.end - 1])
        while k < len(words) and norm.starts[words[k].start] < b:
            out.add(k)
            k += 1
    return out


def _by_sentence(lex: Lexicon, words: list[Word]) -> list[Match]:
    out: list[Match] = []
    lo = 0
    while lo < len(words):
        hi = lo
        while hi < len(words) and words[hi].sentence == words[lo].sentence:
            hi += 1
        out.extend(find_matches(lex, words, lo, hi))
        lo = hi
    return out


def _city(ctx: _Ctx, m: Match, country: Match | None) -> Place | None:
    cue = _cue(ctx, m)
    region_cue = cue in _REGION_CUES
    kinds = ("city", "region", "region~") if region_cue else ("city", "region")
    cities = [ctx.gaz.cities[int(e.key)] for e in m.entries if e.kind in kinds]
    if not cities:
        return None
    regions = [c for c in cities if c.region]
    towns = [c for c in cities if not c.region]
    if regions and towns and (region_cue or cue in _TOWN_CUES):
        cities = regions if region_cue else towns  # ولاية فلوريدا the state; مدينة مأرب the town
    cities = _undwarfed([c for c in cities if c.region]) + _undwarfed([c for c in cities if not c.region])
    best = max(cities, key=lambda c: (c.country in ctx.countries, c.country in ctx.near, _rank(c), c.population))
    if country is not None and country.j >= m.j and not (region_cue and best.region):
        iso3 = country.first("country").key  # type: ignore[union-attr]
        base = ctx.gaz.countries.get(iso3)
        on_map = base is not None and base.geonameid is not None  # not كردستان, a people in the actors
        if on_map and (best.country != iso3 or best.fclass == "PPLC"):
            return None  # the country reading wins (الجزائر, تونس), unless a city of it (غزة)
    if not _supported(ctx, m, best):
        return None
    return city_place(ctx.gaz, best, _text(ctx, m))


def _undwarfed(cities: list[City]) -> list[City]:
    """دوما is Douma, not a village in Saxony: a homonym twenty times smaller than another is dropped."""
    top = max((c.population for c in cities), default=0)
    return [c for c in cities if c.population * _DWARFED >= top]


def _rank(c: City) -> int:
    """A large city before a region of its name (نيويورك, درعا), a region before a small town
    (فلوريدا is the state, not the town in Uruguay)."""
    if c.region:
        return 1
    return 2 if c.fclass != "PPL" or c.population >= _BIG else 0


def _cue(ctx: _Ctx, m: Match) -> str | None:
    """The place noun right before ``m`` (مدينة, محافظة ...; also with a proclitic: بولاية), or None."""
    if m.i == 0 or ctx.words[m.i].brk:
        return None
    w = bare(ctx.words[m.i - 1].text)
    if w in _CUES:
        return w
    for k in (1, 2):  # بولاية, وبمحافظة: a clitic or two on a place noun of 4+ letters
        if len(w) > k and w[:k].strip("وفبلك") == "" and (rest := bare(w[k:])) in _CUES and len(rest) >= 4:
            return rest
    return None


def _supported(ctx: _Ctx, m: Match, city: City) -> bool:
    """Whether a city reading of ``m`` is taken (see the module notes)."""
    cue = _cue(ctx, m) is not None
    foreign = city.fclass != "PPLC" and city.country not in ctx.countries
    if m.pre and foreign and city.population < _CLITIC_TOWN and not cue:
        return False  # ولائه is "his loyalty", not و + لائه (a town in Papua New Guinea)
    s, e = span_of(ctx.doc, ctx.words, m.i, m.j, m.pre)
    if cue or any(a <= s and e <= b for a, b in ctx.loc_spans):
        return True
    if city.region and m.j - m.i > 1:
        return True  # شمال سيناء, هضبة الجولان: a phrase of the region list is no ordinary word
    if m.pre and zipf(_text(ctx, m, 0)) >= _COMMON_TOKEN:
        return False  # لجان is "committees", not ل + جان
    if city.fclass != "PPLC" and zipf(_text(ctx, m, 0)) >= _FUNCTION:
        return False  # فإن, وان: a function word
    if m.j - m.i == 1 and foreign and _ordinary(_text(ctx, m)):
        return False  # هوية, معسكر, المشهد: a common noun, and the article names no country of that city
    if foreign and not (city.population >= 1_000_000 and not m.det) and not _proper_name(ctx, m):
        return False  # a town abroad in a country the article never names: طراز, قوله, منا are words
    return city.fclass != "PPL" or city.population >= _BIG


def _inside(ctx: _Ctx, m: Match, spans: list[tuple[int, int]]) -> bool:
    s, e = span_of(ctx.doc, ctx.words, m.i, m.j, m.pre)
    return any(a <= s and e <= b for a, b in spans)


def _proper_name(ctx: _Ctx, m: Match) -> bool:
    """Looks like a name, not a word: rare with its article toggled (جنيف, not خبر/الخبر), and the
    token is not a frequent form of a word (قوله, منا, لأول)."""
    word = _text(ctx, m)
    other = word[2:] if word.startswith("ال") else "ال" + word
    return zipf(other) < _NAME_ALT and zipf(_text(ctx, m, 0)) < _NAME_TOKEN


def _ordinary(word: str) -> bool:
    """A frequent word that is also frequent with its article toggled (هوية/الهوية) is a common noun;
    a place name is not (جنيف is frequent, الجنيف is not)."""
    other = word[2:] if word.startswith("ال") else "ال" + word
    return zipf(word) >= _COMMON and zipf(other) >= _COMMON_ALT


def _text(ctx: _Ctx, m: Match, pre: int | None = None) -> str:
    s, e = span_of(ctx.doc, ctx.words, m.i, m.j, m.pre if pre is None else pre)
    return ctx.doc.text[s:e]


def _mention(ctx: _Ctx, m: Match, place: Place) -> PlaceMention:
    s, e = span_of(ctx.doc, ctx.words, m.i, m.j, m.pre)
    return PlaceMention(s, e, ctx.doc.text[s:e], place, ctx.words[m.i].sentence)
