"""Validate the hand-coded dev gold set data/gold/events-dev-ant.xml."""

from __future__ import annotations

import csv
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "data" / "gold" / "events-dev-ant.xml"
SHARED = Path(os.environ.get("MARSAD_SHARED", REPO / ".." / "shared"))
CAMEO_TSV = SHARED / "data" / "ontology" / "cameo_event_codes.tsv"

MIN_SENTENCES = 300
MIN_NO_EVENT = 100
MODALITIES = {"negated", "future", "hypothetical", "historical", "attributed"}
AGENTS = {
    "None", "GOV", "MIL", "COP", "REB", "OPP", "CVL", "JUD", "LEG", "PTY", "BUS", "MED",
    "NGO", "REL", "EDU", "HLH", "CRM", "UAF", "SPY", "LAB", "ELI", "REF", "AGR", "IGO",
}
# First field of an actor code: ISO-3 country, a CAMEO generic sector, or None.
_FIRST = re.compile(r"^(?:[A-Z]{3}|None)$")


@pytest.fixture(scope="module")
def root() -> ET.Element:
    return ET.parse(GOLD).getroot()


@pytest.fixture(scope="module")
def cameo() -> dict[str, str]:
    with CAMEO_TSV.open(encoding="utf-8") as fh:
        return {r["cameo_code"]: r["plover_type_2021"] for r in csv.DictReader(fh, delimiter="\t")}


def _sentences(root: ET.Element) -> list[ET.Element]:
    return root.findall("./Sentences/Sentence")


def test_size_and_no_event_share(root: ET.Element) -> None:
    sents = _sentences(root)
    assert len(sents) >= MIN_SENTENCES
    no_event = [s for s in sents if not s.findall("Event")]
    assert len(no_event) >= MIN_NO_EVENT
    assert all(s.get("category") == "NONE" for s in no_event)


def test_ids_unique_and_provenance(root: ET.Element) -> None:
    ids = [s.get("id") for s in _sentences(root)]
    assert len(ids) == len(set(ids))
    for s in _sentences(root):
        assert re.fullmatch(r"\d{8}", s.get("date", "")), s.get("id")
        assert s.get("id") == f"{s.get('docno')}:{s.get('sent_index')}"
        assert s.get("section") in {"middleEast", "internationalNews"}
        assert int(s.get("n_events", "-1")) == len(s.findall("Event"))


def test_event_codes_exist_and_match_plover(root: ET.Element, cameo: dict[str, str]) -> None:
    for s in _sentences(root):
        for ev in s.findall("Event"):
            coding = ev.find("EventCoding")
            code, plover = coding.get("eventcode"), coding.get("plover")
            assert code in cameo, (s.get("id"), code)
            allowed = set(cameo[code].split("|")) if cameo[code] else {""}
            assert plover in allowed, (s.get("id"), code, plover)


def test_actor_codes_and_modality(root: ET.Element) -> None:
    for s in _sentences(root):
        for ev in s.findall("Event"):
            coding = ev.find("EventCoding")
            for attr in ("sourcecode", "targetcode"):
                parts = coding.get(attr, "").split()
                assert 2 <= len(parts) <= 3, (s.get("id"), attr, parts)
                assert _FIRST.match(parts[0]) and parts[1] in AGENTS, (s.get("id"), parts)
            mods = [m for m in coding.get("modality", "").split(";") if m]
            assert set(mods) <= MODALITIES, (s.get("id"), mods)


def test_surface_texts_occur_in_sentence(root: ET.Element) -> None:
    for s in _sentences(root):
        text = s.findtext("Text", "").strip()
        assert text, s.get("id")
        for ev in s.findall("Event"):
            et = ev.find("EventText")
            assert et.get("eventtext"), (s.get("id"), "empty trigger")
            for attr in ("eventtext", "sourcetext", "targettext"):
                value = et.get(attr, "")
                assert value in text, (s.get("id"), attr, value)
            assert et.get("eid") == ev.get("eid") == ev.find("EventCoding").get("eid")


def test_xml_is_built_from_annotations() -> None:
    """The XML must be exactly what `draw_gold_sample.py build` makes of the .ann file."""
    import importlib.util
    import json

    spec = importlib.util.spec_from_file_location(
        "draw_gold_sample", REPO / "benchmarks" / "draw_gold_sample.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    gold_dir = GOLD.parent
    rows = [
        json.loads(line)
        for line in (gold_dir / "events-dev-ant.draw.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    ann = module.parse_ann(gold_dir / "events-dev-ant.ann")
    assert len(ann) == len(rows) == len({r["draw_rank"] for r in rows})
    assert module.build(rows, ann) == GOLD.read_text(encoding="utf-8")
