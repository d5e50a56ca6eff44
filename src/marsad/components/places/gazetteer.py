"""The shipped gazetteer: GeoNames cities with Arabic names, and countries (CLDR names + variants).

Built by :mod:`marsad.training.build_gazetteer`; loaded once. Names are indexed like the actor
dictionaries (normalised, clitic-free words), so اسطنبول, إسطنبول and وإسطنبول all find Istanbul.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.components.actors.lexicon import Entry, Lexicon, _read, _rows, bare_phrase, lexicon
from marsad.core.types import Place


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name_en: str
    country: str
    lat: float
    lon: float
    population: int
    fclass: str  # PPLC capital, PPLA large regional seat, PPL other


@dataclass
class Gazetteer:
    cities: dict[int, City]
    index: Lexicon  # city names: Entry(kind="city", key=str(geonameid))
    countries: dict[str, Place]  # iso3 -> country-level Place
    capitals: dict[str, int]  # iso3 -> GeoNames id of the capital


def _usable(name: str) -> bool:
    """Drop GeoNames alternate names that are noise: one letter words, very short names."""
    words = bare_phrase(name)
    return bool(words) and all(len(w) >= 2 for w in words) and sum(len(w) for w in words) >= 3


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    cities: dict[int, City] = {}
    index = Lexicon()
    noise = {bare_phrase(n) for n in _read("not_places.txt", "gazetteer").splitlines() if n and not n.startswith("#")}
    for r in _rows(_read("cities.tsv.gz", "gazetteer")):
        city = City(int(r[0]), r[1], r[2], float(r[3]), float(r[4]), int(r[5] or 0), r[6])
        cities[city.geonameid] = city
        for name in r[7].split("|"):
            if name and _usable(name) and bare_phrase(name) not in noise:
                index.add(name, Entry("city", r[0], name))
    countries: dict[str, Place] = {}
    capitals: dict[str, int] = {}
    for r in _rows(_read("countries.tsv", "gazetteer")):
        if r[7] and int(r[7]) in cities:
            capitals[r[0]] = int(r[7])
        lat = float(r[5]) if r[5] else None
        lon = float(r[6]) if r[6] else None
        countries[r[0]] = Place(r[4] or r[3], r[0], lat, lon, int(r[2]) if r[2] else None, "country", r[3])
    for iso3, (name_en, name_ar) in lexicon().countries.items():
        countries.setdefault(iso3, Place(name_ar, iso3, None, None, None, "country", name_en))
    return Gazetteer(cities, index, countries, capitals)


def city_place(g: Gazetteer, city: City, text: str) -> Place:
    precision = "city"
    return Place(text, city.country, city.lat, city.lon, city.geonameid, precision, city.name_en)
