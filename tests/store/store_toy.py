"""A small deterministic coder for store tests: real Pipeline, real stages, tiny rules.

The store must work before (and independently of) the full pipeline, so these tests code
real ANT and seed text with a few actor names and trigger words. ``load()`` is usable as
``marsad ingest --pipeline store_toy:load`` with this folder on PYTHONPATH.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Sequence
from pathlib import Path

from marsad.core.pipeline import Pipeline
from marsad.core.types import Actor, ActorMention, Document, Event, Mention, Sentence, Span

ACTORS = {  # Arabic name -> (id, CAMEO code, English name)
    "الأمم المتحدة": ("un", "IGOUNO", "United Nations"),
    "إيران": ("iran", "IRN", "Iran"),
    "السعودية": ("saudi", "SAU", "Saudi Arabia"),
    "إسرائيل": ("israel", "ISR", "Israel"),
    "روسيا": ("russia", "RUS", "Russia"),
    "واشنطن": ("usa", "USA", "United States"),
    "تركيا": ("turkey", "TUR", "Turkey"),
    "سوريا": ("syria", "SYR", "Syria"),
    "مصر": ("egypt", "EGY", "Egypt"),
    "العراق": ("iraq", "IRQ", "Iraq"),
}
TRIGGERS = {  # trigger word -> (CAMEO, PLOVER type, quad class, Goldstein)
    "اجتماع": ("040", "CONSULT", 1, 1.0),
    "قصف": ("190", "ASSAULT", 4, -10.0),
    "اتهم": ("112", "ACCUSE", 3, -2.0),
    "دعا": ("010", None, 1, 0.0),
}
_SENT = re.compile(r"[^.!؟?\n]+[.!؟?\n]?")  # up to . ! ؟ (U+061F) ? or a line break


TRIGGERS_V2 = {k: v for k, v in TRIGGERS.items() if k != "دعا"} | {"زيارة": ("042", "CONSULT", 1, 1.9)}


class ToyStage:
    """Version 1 uses TRIGGERS; version 2 (an edited dictionary) drops دعا and adds زيارة."""

    name = "toy"
    requires: frozenset[str] = frozenset()
    produces = frozenset({"sentences", "mentions", "actors", "events"})

    def __init__(self, version: str = "1") -> None:
        self.version = version
        self.triggers = TRIGGERS if version == "1" else TRIGGERS_V2

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        return [self.one(d) for d in docs]

    def one(self, doc: Document) -> Document:
        text = doc.article.text
        if "TOY-FAIL" in text:
            raise ValueError("the toy coder refuses this article")
        sents = tuple(Sentence(i, m.start(), m.end(), m.group()) for i, m in enumerate(_SENT.finditer(text)))
        ments, acts, events = [], [], []
        for s in sents:
            found = []
            for name, (aid, code, en) in ACTORS.items():
                for m in re.finditer(re.escape(name), s.text):
                    start = s.start + m.start()
                    ments.append(Mention(start, start + len(name), "LOC", name, source="dictionary"))
                    country = None if code.startswith("IGO") else code[:3]
                    found.append(ActorMention(start, start + len(name), name, Actor(
                        aid, code, name, en, "igo" if country is None else "country", country), s.index))
            acts += found
            found.sort(key=lambda a: a.start)
            events += self.events_in(doc, s, found, len(events))
        return dataclasses.replace(doc, sentences=sents, mentions=tuple(ments), actors=tuple(acts),
                                   events=tuple(events))

    def events_in(self, doc: Document, s: Sentence, found: list[ActorMention], n: int) -> list[Event]:
        out = []
        pub = doc.article.published
        for word, (cameo, etype, quad, gold) in self.triggers.items():
            i = s.text.find(word)
            if i < 0 or not found:
                continue
            start = s.start + i
            out.append(Event(
                id=f"{doc.article.id}-e{n + len(out)}", article_id=doc.article.id, sentence=s.index,
                cameo=cameo, event_type=etype, mode=None, quad_class=quad, goldstein=gold,
                trigger=Span(start, start + len(word), word), source=found[0],
                target=found[1] if len(found) > 1 else None, date=pub.date() if pub else None,
                date_precision="day" if pub else None, evidence=s.text.strip(), confidence=0.5,
                coder={"marsad": "test", "rule": f"toy:{word}"}))
        return out


class GateStage:
    """After ``MARSAD_TOY_GATE_AFTER`` articles, touch the file ``MARSAD_TOY_GATE`` and hang."""

    name = "gate"
    requires: frozenset[str] = frozenset()
    produces: frozenset[str] = frozenset()

    def __init__(self) -> None:
        self.seen = 0

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        self.seen += len(docs)
        gate = os.environ.get("MARSAD_TOY_GATE")
        if gate and self.seen > int(os.environ.get("MARSAD_TOY_GATE_AFTER", "0")):
            Path(gate).touch()
            import time

            while True:  # wait here to be killed
                time.sleep(1)
        return list(docs)


def load(version: str = "1") -> Pipeline:
    stages: list = [ToyStage(version)]
    if os.environ.get("MARSAD_TOY_GATE"):
        stages.append(GateStage())
    return Pipeline(stages, batch_size=16)


def load_v2() -> Pipeline:
    return load("2")
