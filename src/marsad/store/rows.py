"""From a coded :class:`~marsad.core.types.Document` to rows of the store's tables."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from marsad.core.serialize import event_to_dict
from marsad.core.types import Article, Document, Event
from marsad.store import schema
from marsad.store.flags import flags_of


def content_hash(article: Article) -> str:
    """sha256 of the title and text: the key of idempotent ingestion."""
    blob = (article.title or "") + "\x1f" + article.text
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


def event_dict(event: Event) -> dict[str, Any]:
    """The event as ``marsad code`` prints it (:func:`marsad.core.serialize.event_to_dict`)."""
    return event_to_dict(event)


def _to_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def flatten_event(d: dict[str, Any]) -> dict[str, Any]:
    """The event JSON as columns of ``event_mentions``/``events`` (nested -> ``side_field``)."""
    row: dict[str, Any] = {k: d.get(k) for k in schema.EVENT_SCALARS}
    row["date"] = _to_date(row["date"])
    for flag in ("negated", "hypothetical", "future", "historical", "attributed"):
        row[flag] = bool(row[flag])
    row["complete"], row["asserted"] = flags_of(d)
    for side in ("source", "target"):
        obj = d.get(side) or {}
        for f in schema.ACTOR_FIELDS:
            row[f"{side}_{f}"] = obj.get(f)
    trig = d.get("trigger") or {}
    for f in schema.TRIGGER_FIELDS:
        row[f"trigger_{f}"] = trig.get(f)
    place = d.get("place") or {}
    for f in schema.PLACE_FIELDS:
        row[f"place_{f}"] = place.get(f)
    row["counts"] = json.dumps(d.get("counts") or {}, ensure_ascii=False, sort_keys=True)
    row["coder"] = json.dumps(d.get("coder") or {}, ensure_ascii=False, sort_keys=True)
    return row


def place_id(p: Any) -> str:
    if p.geonameid:
        return f"gn:{p.geonameid}"
    return f"name:{p.country or ''}:{p.name}"


@dataclass
class DocRows:
    """Every row one coded document adds to the store."""

    article: dict[str, Any]
    sentences: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    actor_mentions: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    place_mentions: list[dict[str, Any]] = field(default_factory=list)
    event_mentions: list[dict[str, Any]] = field(default_factory=list)
    norm: tuple[str, str] | None = None  # normalised title and text, for search


def _utc(t: datetime | None) -> datetime | None:
    """Naive UTC (both backends store timestamps without a zone)."""
    if t is None or t.tzinfo is None:
        return t
    return t.astimezone(UTC).replace(tzinfo=None)


def article_row(a: Article, chash: str, coder_vid: str, run_id: int | None, now: datetime) -> dict[str, Any]:
    return {
        "id": a.id, "content_hash": chash, "title": a.title, "text": a.text,
        "published": _utc(a.published),
        "published_precision": a.published_precision, "source": a.source, "url": a.url,
        "language": a.language, "dateline": a.dateline, "category": a.category, "origin": a.origin,
        "meta": json.dumps(a.meta, ensure_ascii=False, default=str) if a.meta else None,
        "coder_version": coder_vid, "run_id": run_id, "ingested_at": now,
    }


def doc_rows(doc: Document, chash: str, coder_vid: str, run_id: int | None, now: datetime) -> DocRows:
    a = doc.article
    out = DocRows(article_row(a, chash, coder_vid, run_id, now))
    aid = a.id
    out.mentions = [
        {"article_id": aid, "span_start": m.start, "span_end": m.end, "label": m.label, "text": m.text,
         "score": m.score, "source": m.source} for m in doc.mentions
    ]
    for am in doc.actors:
        ac = am.actor
        out.actors.append({"id": ac.id, "code": ac.code, "name_ar": ac.name_ar, "name_en": ac.name_en,
                           "type": ac.type, "country": ac.country, "agent": ac.agent, "role": ac.role,
                           "parent": ac.parent})
        out.actor_mentions.append({"article_id": aid, "span_start": am.start, "span_end": am.end,
                                   "actor_id": ac.id, "text": am.text, "sentence": am.sentence,
                                   "why": am.why})
    for pm in doc.places:
        p, pid = pm.place, place_id(pm.place)
        out.places.append({"id": pid, "name": p.name, "name_en": p.name_en, "country": p.country,
                           "lat": p.lat, "lon": p.lon, "geonameid": p.geonameid, "precision": p.precision})
        out.place_mentions.append({"article_id": aid, "span_start": pm.start, "span_end": pm.end,
                                   "place_id": pid, "text": pm.text, "sentence": pm.sentence})
    _add_events(doc, out, coder_vid)
    out.article["num_events"] = len(out.event_mentions)
    return out


def _add_events(doc: Document, out: DocRows, coder_vid: str) -> None:
    a = doc.article
    by_index = {s.index: s for s in doc.sentences}
    seen_sent: set[int] = set()
    for ev in doc.events:
        d = event_dict(ev)
        row = flatten_event(d)
        row.update(complete=bool(ev.complete), asserted=bool(ev.asserted))  # the coder's own verdict
        eid = str(d.get("id") or ev.id)  # the coder's ids are unique across articles
        row.update(id=eid, coder_version=coder_vid, data=json.dumps(
            d, ensure_ascii=False, default=str), published=out.article["published"], source=a.source)
        row["article_event_id"] = str(d.get("event_id") or eid)  # the article event it belongs to
        out.event_mentions.append(row)
        s = by_index.get(ev.sentence)
        if s is not None and s.index not in seen_sent:
            seen_sent.add(s.index)
            out.sentences.append({"article_id": a.id, "sentence": s.index, "span_start": s.start,
                                  "span_end": s.end, "text": s.text})
