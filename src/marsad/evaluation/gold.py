"""Gold event files in the dev set's XML format, and scoring a coder against them.

Two layouts are read: the UniversalPetrarch validation layout (``<EventText>`` and
``<EventCoding>`` directly under ``<Sentence>``, one event, its PLOVER type also in the sentence's
``category``) and marsad's ANT dev layout (any number of ``<Event>`` elements, ``category="NONE"``
for a sentence without events). Gold texts are bags of words: they are compared by normalised
token overlap.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from marsad.core.errors import InputError
from marsad.core.types import Event
from marsad.text.normalize import norm_word


@dataclass(frozen=True, slots=True)
class GoldEvent:
    label: str  # PLOVER type, or STATEMENT / APPEAL for CAMEO 01x / 02x
    cameo: str
    eventtext: str
    sourcetext: str
    targettext: str
    sourcecode: str
    targetcode: str


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    published: datetime | None
    category: str
    events: tuple[GoldEvent, ...] = field(default=())


def label_of(plover: str | None, cameo: str) -> str:
    """The type label used in scoring: the PLOVER type, or STATEMENT/APPEAL for 01x/02x."""
    if plover:
        return plover
    if cameo.startswith("01"):
        return "STATEMENT"
    if cameo.startswith("02"):
        return "APPEAL"
    return "NONE"


def _event(text_el: ET.Element | None, code_el: ET.Element | None, category: str) -> GoldEvent:
    t = text_el.attrib if text_el is not None else {}
    c = code_el.attrib if code_el is not None else {}
    cameo = c.get("eventcode", "")
    plover = c.get("plover", "") or (category if not cameo and category not in ("NONE", "") else "")
    return GoldEvent(label_of(plover, cameo), cameo, t.get("eventtext", ""), t.get("sourcetext", ""),
                     t.get("targettext", ""), c.get("sourcecode", ""), c.get("targetcode", ""))


def read_gold(path: str | Path) -> list[GoldSentence]:
    """All sentences of a gold file."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(f"cannot read gold file {path}: {exc}; give an XML file in the dev set's format.") from exc
    out: list[GoldSentence] = []
    for s in root.iter("Sentence"):
        cat = s.get("category", "")
        text = (s.findtext("Text") or "").strip()
        d = s.get("date", "")
        pub = datetime.strptime(d, "%Y%m%d") if len(d) == 8 and d.isdigit() else None
        evs = [_event(e.find("EventText"), e.find("EventCoding"), cat) for e in s.findall("Event")]
        if not evs and s.find("EventText") is not None:
            evs = [_event(s.find("EventText"), s.find("EventCoding"), cat)]
        out.append(GoldSentence(s.get("id", str(len(out))), text, pub, cat, tuple(evs)))
    return out


def norm_tokens(text: str) -> set[str]:
    """Normalised tokens of a gold or coded text, without و/ف, ال, # and _ (for overlap)."""
    out = set()
    for raw in text.replace("_", " ").replace("#", " ").split():
        w = norm_word(raw.strip(".,،:;\"'«»()-"))
        if len(w) > 3 and w[0] in "وف":
            w = w[1:]
        if w.startswith("ال") and len(w) > 4:
            w = w[2:]
        if w:
            out.add(w)
    return out


def overlaps(gold: str, coded: str | None) -> bool:
    return bool(coded) and bool(norm_tokens(gold) & norm_tokens(coded or ""))


def event_label(e: Event) -> str:
    return label_of(e.event_type, e.cameo)


def code_matches(gold_code: str, coded: str | None) -> bool:
    """Does a CAMEO actor code (``IRQMIL``) agree with a gold code (``IRQ MIL``, ``None CVL``)?"""
    parts = [p for p in gold_code.split() if p and p != "None"]
    if not parts or not coded:
        return False
    return all(p in coded for p in parts)


def type_counts(sentences: Sequence[GoldSentence], coded: Sequence[Sequence[Event]]) -> dict[str, Counter]:
    """Per-label matched, gold and predicted counts.

    A coded event matches a gold event of the same label whose trigger overlaps it by at least one
    normalised token (by label alone where the gold trigger is empty); each gold event matches once.
    Negated, hypothetical and historical events count: they are gold events too.
    """
    tp: Counter = Counter()
    gold: Counter = Counter()
    pred: Counter = Counter()
    for s, evs in zip(sentences, coded, strict=True):
        gold.update(e.label for e in s.events)
        pred.update(event_label(e) for e in evs)
        free = list(s.events)
        for e in sorted(evs, key=lambda e: -e.confidence):
            lab = event_label(e)
            hit = next((g for g in free if g.label == lab
                        and (not g.eventtext or overlaps(g.eventtext, e.trigger.text))), None)
            if hit is not None:
                free.remove(hit)
                tp[lab] += 1
    return {"tp": tp, "gold": gold, "pred": pred}
