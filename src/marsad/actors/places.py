"""Geocoding: country and city names of an article resolved to places.

* Countries come from the actor dictionaries' country names (CLDR + variants), not from demonyms
  (الشعب الصومالي is an actor, not a place), with the country's representative point.
* Cities come from the GeoNames extract. A small or ambiguous name needs support: a large city
  (capital, regional seat or 50,000+ people) is taken as is; another needs a cue word before it
  (مدينة, بلدة, قرية ...) or an NER LOC mention over it; a name that is also a frequent Arabic word
  needs the cue or the mention in every case.
* Homonyms (several places with one Arabic name) are ranked by: the place lies in a country the
  article names, then capital / regional seat, then population.
* Words inside an organisation, a person or an agent phrase are not places (الأمم المتحدة).
"""

from __future__ import annotations

from dataclasses import dataclass

from wordfreq import zipf_frequency

from ..text.normalize import normalize
from ..types import Document, Mention, Place, PlaceMention
from .gazetteer import City, Gazetteer, city_place, gazetteer
from .lexicon import Lexicon, bare, lexicon
from .match import Match, Word, doc_words, find_matches, span_of
from .resolve import resolve_document

_CUES = frozenset(bare(w) for w in ["مدينة", "مدينه", "بلدة", "بلده", "قرية", "قريه", "محافظة", "محافظه", "ولاية", "مدن", "بلدات", "قرى", "مخيم", "منطقة", "ناحية", "قضاء", "إقليم", "العاصمة", "ضاحية", "حي"])
_BLOCK = frozenset({"org", "person", "agent", "role", "demonym", "portfolio", "reference"})
_BIG = 50_000
_COMMON = 4.6  # zipf frequency above which a one-word name is taken as an ordinary word


@dataclass
class _Ctx:
    doc: Document
    words: list[Word]
    lex: Lexicon
    gaz: Gazetteer
    countries: set[str]
    loc_spans: list[tuple[int, int]]


def geocode_document(doc: Document, lex: Lexicon | None = None, gaz: Gazetteer | None = None) -> list[PlaceMention]:
    lex = lex or lexicon()
    gaz = gaz or gazetteer()
    words = doc_words(doc)
    actor_ms = _by_sentence(lex, words)
    countries = {e.key for m in actor_ms for e in m.entries if e.kind in ("country", "demonym", "seat")}
    locs = [(m.start, m.end) for m in doc.mentions if isinstance(m, Mention) and m.label == "LOC"]
    ctx = _Ctx(doc, words, lex, gaz, countries, locs)
    blocked = {i for m in actor_ms if m.kinds() & _BLOCK and "country" not in m.kinds() for i in range(m.i, m.j)}
    blocked |= _actor_words(doc, words, lex)
    out: list[PlaceMention] = []
    taken: set[int] = set()
    country_at = {m.i: m for m in actor_ms if "country" in m.kinds()}
    for cm in _by_sentence(gaz.index, words):
        if any(i in blocked for i in range(cm.i, cm.j)):
            continue
        place = _city(ctx, cm, country_at.get(cm.i))
        if place:
            out.append(_mention(ctx, cm, place))
            taken.update(range(cm.i, cm.j))
    for m in country_at.values():
        if not any(i in taken for i in range(m.i, m.j)) and not any(i in blocked for i in range(m.i, m.j)):
            e = m.first("country")
            assert e is not None
            base = gaz.countries.get(e.key)
            if base:
                out.append(_mention(ctx, m, Place(_text(ctx, m), base.country, base.lat, base.lon,
                                                  base.geonameid, "country", base.name_en)))
    return sorted(out, key=lambda p: p.start)


def _actor_words(doc: Document, words: list[Word], lex: Lexicon) -> set[int]:
    """Words inside person and organisation mentions of the actors stage (run here if it has not run)."""
    actors = doc.actors or tuple(resolve_document(lex, doc))
    spans = [(a.start, a.end) for a in actors if a.actor.type in ("person", "igo", "ngo", "group", "party")]
    norm = doc.norm or normalize(doc.text)
    out = set()
    for w in words:
        s, e = norm.starts[w.start], norm.ends[w.end - 1]
        if any(a < e and s < b for a, b in spans):
            out.add(w.index)
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
    cities = [ctx.gaz.cities[int(e.key)] for e in m.entries if e.kind == "city"]
    if not cities:
        return None
    best = max(cities, key=lambda c: (c.country in ctx.countries, c.fclass != "PPL", c.population))
    if country is not None and country.j >= m.j:
        iso3 = country.first("country").key  # type: ignore[union-attr]
        if best.country != iso3 or best.fclass == "PPLC":
            return None  # the country reading wins (الجزائر, تونس), unless a city of it (غزة)
    if not _supported(ctx, m, best):
        return None
    return city_place(ctx.gaz, best, _text(ctx, m))


def _supported(ctx: _Ctx, m: Match, city: City) -> bool:
    cue = m.i > 0 and bare(ctx.words[m.i - 1].text) in _CUES and not ctx.words[m.i].brk
    s, e = span_of(ctx.doc, ctx.words, m.i, m.j, m.pre)
    ner = any(a <= s and e <= b for a, b in ctx.loc_spans)
    if cue or ner:
        return True
    famous = city.fclass == "PPLC" or city.population >= 500_000
    if m.j - m.i == 1 and not famous and zipf_frequency(_text(ctx, m), "ar") >= _COMMON:
        return False
    return city.fclass != "PPL" or city.population >= _BIG


def _text(ctx: _Ctx, m: Match) -> str:
    s, e = span_of(ctx.doc, ctx.words, m.i, m.j, m.pre)
    return ctx.doc.text[s:e]


def _mention(ctx: _Ctx, m: Match, place: Place) -> PlaceMention:
    s, e = span_of(ctx.doc, ctx.words, m.i, m.j, m.pre)
    return PlaceMention(s, e, ctx.doc.text[s:e], place, ctx.words[m.i].sentence)
