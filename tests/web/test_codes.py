"""The dashboard's curated names (``marsad/web/static/codes.json``) cover every code the pipeline uses."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import marsad

RESOURCES = Path(marsad.__file__).parent / "resources"
CODES = json.loads((Path(marsad.__file__).parent / "web" / "static" / "codes.json").read_text("utf-8"))


def _rows(path: Path) -> list[list[str]]:
    lines = [x for x in path.read_text("utf-8").splitlines() if x.strip() and not x.startswith("#")]
    return list(csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE))


def test_every_agent_code_has_an_arabic_and_english_label() -> None:
    agents = {r[0]: r[1] for r in _rows(RESOURCES / "actors" / "agents.tsv")}
    assert set(CODES["agents"]) == set(agents)
    for code, name_en in agents.items():
        assert CODES["agents"][code]["en"] == name_en
        assert CODES["agents"][code]["ar"].strip()
    assert CODES["agents"]["GOV"]["ar"] == "الحكومة"  # not a word an article used for it ("إدارة")


def test_every_plover_type_and_country_is_named_in_both_languages() -> None:
    types = {r[0] for r in _rows(RESOURCES / "ontology" / "plover.tsv")}
    assert set(CODES["plover"]) == types
    countries = {r[0]: (r[3], r[4]) for r in _rows(RESOURCES / "gazetteer" / "countries.tsv")}
    assert set(CODES["countries"]) == set(countries)
    for iso3, (name_en, name_ar) in countries.items():
        assert CODES["countries"][iso3] == {"ar": name_ar or name_en, "en": name_en}
    for table in ("plover", "countries"):
        assert all(v["ar"].strip() and v["en"].strip() for v in CODES[table].values())
