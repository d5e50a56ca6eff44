"""The shipped gazetteer: GeoNames cities with Arabic names, curated regions (provinces, states,
governorates and a few named areas), and countries (CLDR names + variants).

Built by :mod:`marsad.training.build_gazetteer`. Names are indexed like the actor dictionaries
(normalised, clitic-free words), so اسطنبول, إسطنبول and وإسطنبول all find Istanbul.

:func:`load_gazetteer` builds one for the actor dictionaries it is given (their country names fill
in countries the extract lacks); :func:`gazetteer` is the shipped one, for the shipped dictionaries,
loaded once per process.
"""

from __future__ import annotations

import csv
import gzip
from dataclasses import dataclass, field
from functools import lru_cache

import marsad.resources as resource_files
from marsad.components.actors import Entry, Lexicon, bare_phrase, lexicon
from marsad.core.errors import ResourceError
from marsad.core.types import Place


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name_en: str
    country: str
    lat: float
    lon: float
    population: int
    fclass: str  # PPLC capital, PPLA large regional seat, PPL other; ADM1, ADM2, RGN for a region

    @property
    def region(self) -> bool:
        return self.fclass in REGION_CLASSES


#: Feature classes of ``regions.tsv``: first- and second-level divisions, other named regions.
REGION_CLASSES = frozenset({"ADM1", "ADM2", "RGN"})


@dataclass
class Gazetteer:
    cities: dict[int, City]
    index: Lexicon  # city names: Entry(kind="city", key=str(geonameid)); regions: kind "region", or
    # "region~" for a name that is a region only after a region noun (محافظة إدلب; إدلب is the city)
    countries: dict[str, Place]  # iso3 -> country-level Place
    capitals: dict[str, int]  # iso3 -> GeoNames id of the capital
    neighbours: dict[str, frozenset[str]] = field(default_factory=dict)  # iso3 -> the countries bordering it


def _usable(name: str) -> bool:
    """Drop GeoNames alternate names that are noise: one letter words, very short names."""
    words = bare_phrase(name)
    return bool(words) and all(len(w) >= 2 for w in words) and sum(len(w) for w in words) >= 3


def _read(name: str) -> str:
    try:
        data = resource_files.path("gazetteer", name).read_bytes()
    except OSError as exc:
        raise ResourceError(f"gazetteer file 'gazetteer/{name}' is missing; reinstall marsad") from exc
    return (gzip.decompress(data) if name.endswith(".gz") else data).decode("utf-8")


def _rows(text: str) -> list[list[str]]:
    """Tab-separated rows after the header, ``#`` comments and blank lines left out, padded."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r + [""] * 10 for r in rows[1:]]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer with the shipped actor dictionaries' countries (loaded once)."""
    return load_gazetteer(lexicon())


def load_gazetteer(lex: Lexicon) -> Gazetteer:
    """The shipped GeoNames/CLDR extract; countries it lacks are taken from ``lex``'s country names."""
    cities: dict[int, City] = {}
    index = Lexicon()
    noise = {bare_phrase(n) for n in _read("not_places.txt").splitlines() if n and not n.startswith("#")}
    for r in _rows(_read("cities.tsv.gz")):
        city = City(int(r[0]), r[1], r[2], float(r[3]), float(r[4]), int(r[5] or 0), r[6])
        cities[city.geonameid] = city
        for name in r[7].split("|"):
            if name and _usable(name) and bare_phrase(name) not in noise:
                index.add(name, Entry("city", r[0], name))
    for r in _rows(_read("regions.tsv")):
        region = City(int(r[0]), r[1], r[2], float(r[3]), float(r[4]), int(r[5] or 0), r[6])
        cities[region.geonameid] = region
        for name in r[7].split("|"):
            kind = "region~" if name.startswith("~") else "region"
            name = name.lstrip("~")
            if name and _usable(name) and bare_phrase(name) not in noise:
                index.add(name, Entry(kind, r[0], name))
    for r in _rows(_read("city_variants.tsv")):
        if r[1] and int(r[0]) in cities:
            index.add(r[1], Entry("city", r[0], r[1]))
    countries: dict[str, Place] = {}
    capitals: dict[str, int] = {}
    for r in _rows(_read("countries.tsv")):
        if r[7] and int(r[7]) in cities:
            capitals[r[0]] = int(r[7])
        lat = float(r[5]) if r[5] else None
        lon = float(r[6]) if r[6] else None
        countries[r[0]] = Place(r[4] or r[3], r[0], lat, lon, int(r[2]) if r[2] else None, "country", r[3])
    for iso3, (name_en, name_ar) in lex.countries.items():
        countries.setdefault(iso3, Place(name_ar, iso3, None, None, None, "country", name_en))
    neighbours = {r[0]: frozenset(n for n in r[1].split("|") if n) for r in _rows(_read("neighbours.tsv"))}
    return Gazetteer(cities, index, countries, capitals, neighbours)


def city_place(g: Gazetteer, city: City, text: str) -> Place:
    """The place of a gazetteer city or region, named ``text`` as printed."""
    precision = "region" if city.region else "city"
    return Place(text, city.country, city.lat, city.lon, city.geonameid, precision, city.name_en)
