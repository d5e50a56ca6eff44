"""A store built from real ANT articles with events coded by hand (``handcoded.json``).

The hand coding goes through the real store (``Store.ingest``) as a stage of a real
``Pipeline``, so the rows are the ones the ingest path writes; the expected aggregates are
computed here in Python from the same table, independently of the SQL under test.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from marsad.cli.demo import sample_articles
from marsad.core.pipeline import Pipeline
from marsad.core.types import Actor, ActorMention, Article, Document, Event, Place, PlaceMention, Span
from marsad.jobs.ingest import ingest

DATA = json.loads((Path(__file__).with_name("handcoded.json")).read_text("utf-8"))
EVENTS: list[dict[str, Any]] = DATA["events"]
MODALITY = ("negated", "hypothetical", "future", "historical")
_NO_COUNTRY = ("IGO", "NGO", "MIL", "CVL", "GOV")


def floor() -> float:
    """The API's and ``marsad export``'s default confidence floor over this store (no run recorded one)."""
    from marsad.components.events.detector import default_threshold

    return default_threshold()


def country_of(code: str) -> str | None:
    return None if code[:3] in _NO_COUNTRY else code[:3]


def complete(ann: dict[str, Any]) -> bool:
    """What ``Event.complete`` says of the hand-coded event (every type here needs its target)."""
    def coded(code: str) -> bool:
        return code.startswith("IGO") or country_of(code) is not None

    return coded(ann["source"][1]) and (ann["event_type"] in (None, "PROTEST", "MOBILIZE") or coded(ann["target"][1]))


def selected(ann: dict[str, Any], include: tuple[str, ...] = (), min_confidence: float | None = None) -> bool:
    """Whether the API's default filters (plus ``include``) select the hand-coded event."""
    flags = set(ann.get("flags", ()))
    if any(f in flags and f not in include for f in MODALITY):
        return False
    if not complete(ann) and "incomplete" not in include:
        return False
    return ann["confidence"] >= (floor() if min_confidence is None else min_confidence)


def counted() -> list[dict[str, Any]]:
    """The events the API shows by default (complete, asserted, confident enough)."""
    return [a for a in EVENTS if selected(a)]


def numbered() -> list[tuple[dict[str, Any], str]]:
    """Each annotation with the id of its event (``<article>:hand<n>``)."""
    seen: dict[str, int] = {}
    out = []
    for a in EVENTS:
        n = seen.get(a["article"], 0)
        seen[a["article"]] = n + 1
        out.append((a, f"{a['article']}:hand{n}"))
    return out


def _find(text: str, needle: str, start: int, stop: int | None = None) -> int:
    at = text.find(needle, start, stop if stop is not None else len(text))
    if at < 0:
        raise ValueError(f"{needle!r} not found after {start}")
    return at


def _line(text: str, at: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, at) + 1
    e = text.find("\n", at)
    return s, len(text) if e < 0 else e


def code_event(doc: Document, n: int, ann: dict[str, Any]) -> tuple[Event, list[ActorMention], list[PlaceMention]]:
    text = doc.article.text
    t0 = _find(text, ann["trigger"], _find(text, ann["anchor"], 0))
    ls, le = _line(text, t0)
    sentence = text.count("\n", 0, t0)
    mentions = []
    for side in ("source", "target"):
        words, code, name_en = ann[side]
        at = _find(text, words, ls, le)
        actor = Actor(id=f"hand:{code}", code=code, name_ar=words, name_en=name_en, country=country_of(code))
        mentions.append(ActorMention(at, at + len(words), words, actor, sentence, why="hand-coded"))
    place = None
    if ann["place"]:
        name, country, lat, lon = ann["place"]
        at = _find(text, name, ls, le)
        place = PlaceMention(at, at + len(name), name, Place(name, country, lat, lon, precision="city"), sentence)
    event = Event(
        id=f"{doc.article.id}:hand{n}", article_id=doc.article.id, sentence=sentence, cameo=ann["cameo"],
        event_type=ann["event_type"], mode=ann["mode"], quad_class=ann["quad_class"], goldstein=ann["goldstein"],
        trigger=Span(t0, t0 + len(ann["trigger"]), ann["trigger"]), source=mentions[0], target=mentions[1],
        place=place, date=date.fromisoformat(ann["date"]), date_precision="day", confidence=ann["confidence"],
        evidence=text[ls:le], coder={"rule": "hand-coded test event"},
        **{flag: True for flag in ann.get("flags", ()) if flag in MODALITY},
    )
    return event, mentions, [place] if place else []


class HandCoded:
    """A stage that adds the hand-coded events of ``handcoded.json`` to their articles."""

    name = "handcoded"
    requires: frozenset[str] = frozenset()
    produces = frozenset({"actors", "places", "events"})

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        out = []
        for doc in docs:
            events, actors, places = [], [], []
            for n, ann in enumerate(a for a in EVENTS if a["article"] == doc.article.id):
                ev, am, pm = code_event(doc, n, ann)
                events.append(ev)
                actors += am
                places += pm
            out.append(replace(doc, events=tuple(events), actors=tuple(actors), places=tuple(places)))
        return out


def hostile_article() -> Article:
    h = DATA["hostile"]
    return Article(id=h["id"], text=h["text"], title=h["title"], published=datetime(2018, 5, 1, 9, 0), source="test")


def articles(extra: int = 20) -> list[Article]:
    """The hand-coded articles, ``extra`` more sample articles without events, the hostile one."""
    wanted = {a["article"] for a in EVENTS}
    picked, others = [], []
    for art in sample_articles():
        (picked if art.id in wanted else others).append(art)
    return picked + others[:extra] + [hostile_article()]


def build_store(path: Path) -> Any:
    from marsad.store import open_store

    store = open_store(str(path))
    ingest(store, articles(), pipeline=Pipeline([HandCoded()]))
    return store


def make_client(path: Path, **settings: Any) -> Any:
    from fastapi.testclient import TestClient

    from marsad.api.app import Settings, create_app
    from marsad.store import open_store

    store = open_store(str(path))
    app = create_app(store.engine, Settings(**{"token": None, "rate": 0, **settings}), store=store)
    return TestClient(app)
