"""The JSON shape of an event: the single source of truth for ``marsad code``, the store and the API.

``event_to_dict(event)`` gives a plain dict of JSON types with these keys, in this order:
``id, article_id, sentence, date, date_precision, event_type, mode, cameo, quad_class, goldstein,
source, target, trigger, place, negated, hypothetical, future, historical, attributed, counts,
confidence, evidence, coder, event_id, complete, asserted, num_mentions, mentions``. ``source`` and ``target`` are ``{text, start, end, actor_id, code,
name_en, role, basis}`` or null; ``trigger`` is ``{text, start, end}``; ``place`` is ``{name, country,
lat, lon, geonameid, precision}`` or null. Offsets index the original article text.
``event_from_dict`` reverses it. The shape is built by the types themselves (``Event.to_dict()``,
``ActorMention.to_dict()``, ``PlaceMention.to_dict()``); this module names it and reads it back.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from marsad.core.types import Actor, ActorMention, Event, Place, PlaceMention, Span

EVENT_KEYS = (
    "id", "article_id", "sentence", "date", "date_precision", "event_type", "mode", "cameo",
    "quad_class", "goldstein", "source", "target", "trigger", "place", "negated", "hypothetical",
    "future", "historical", "attributed", "counts", "confidence", "evidence", "coder",
    "event_id", "complete", "asserted", "num_mentions", "mentions",
)


def actor_to_dict(am: ActorMention | None) -> dict[str, Any] | None:
    """An actor mention's JSON (:meth:`ActorMention.to_dict`), or None."""
    return am.to_dict() if am is not None else None


def place_to_dict(pm: PlaceMention | None) -> dict[str, Any] | None:
    """A place mention's JSON (:meth:`PlaceMention.to_dict`), or None."""
    return pm.to_dict() if pm is not None else None


def event_to_dict(event: Event) -> dict[str, Any]:
    """The event as a dict of JSON types (the output of ``marsad code``): :meth:`Event.to_dict`."""
    return event.to_dict()


def mention_to_dict(m: Event) -> dict[str, Any]:
    """One mention of an article event: where it is and what that sentence says of the roles."""
    return m.mention_dict()


def _actor_from(d: dict[str, Any] | None, sentence: int) -> ActorMention | None:
    if not d:
        return None
    actor = Actor(id=d.get("actor_id") or "", code=d.get("code") or "", name_ar=d["text"],
                  name_en=d.get("name_en"), role=d.get("role"))
    return ActorMention(d["start"], d["end"], d["text"], actor, sentence, basis=d.get("basis") or "text")


def _place_from(d: dict[str, Any] | None, sentence: int) -> PlaceMention | None:
    if not d:
        return None
    place = Place(d["name"], d.get("country"), d.get("lat"), d.get("lon"), d.get("geonameid"),
                  d.get("precision") or "unknown")
    return PlaceMention(-1, -1, d["name"], place, sentence)


def event_from_dict(d: dict[str, Any]) -> Event:
    """Rebuild an :class:`Event` from :func:`event_to_dict`'s output (place offsets are not kept)."""
    s = d["sentence"]
    t = d["trigger"]
    return Event(
        id=d["id"], article_id=d["article_id"], sentence=s, cameo=d["cameo"],
        event_type=d.get("event_type"), mode=d.get("mode"), quad_class=d["quad_class"],
        goldstein=d.get("goldstein"), trigger=Span(t["start"], t["end"], t["text"]),
        source=_actor_from(d.get("source"), s), target=_actor_from(d.get("target"), s),
        place=_place_from(d.get("place"), s),
        date=date.fromisoformat(d["date"]) if d.get("date") else None,
        date_precision=d.get("date_precision"),
        negated=bool(d.get("negated")), hypothetical=bool(d.get("hypothetical")),
        future=bool(d.get("future")), historical=bool(d.get("historical")),
        attributed=bool(d.get("attributed")), counts=dict(d.get("counts") or {}),
        confidence=float(d.get("confidence", 0.5)), evidence=d.get("evidence", ""),
        coder=dict(d.get("coder") or {}), event_id=d.get("event_id") or "",
    )
