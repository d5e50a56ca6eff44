"""Writing coded documents: one transaction per batch, idempotent upserts.

A batch is written whole or not at all, so a run killed at any point (``kill -9``) leaves
only complete articles behind; the next run skips the articles whose (id, content hash)
is stored and redoes the rest. Rows are keyed on content: articles on their id and
content hash, entity rows on (article, span), event mentions on the coder's mention id (with
the coder's article event id in ``article_event_id``), events on the hash of the merge key of
their article events (:mod:`.duplicates`), failures on a hash of the item.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, delete, select

from marsad.store import duplicates, schema
from marsad.store.clock import now
from marsad.store.rows import DocRows

_EVENT_COLS = [c.name for c in schema.events.columns]
_MENTION_COLS = [c.name for c in schema.event_mentions.columns]
_ARTICLE_UPDATE = [c.name for c in schema.articles.columns if c.name != "id"]
_DERIVED = (schema.sentences, schema.mentions, schema.actor_mentions, schema.place_mentions,
            schema.article_bands)


def failure_key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "replace")).hexdigest()[:32]


def read_failure(item: str, reason: str, run_id: int | None) -> dict[str, Any]:
    return {"key": failure_key("read", item), "item": item, "article_id": None, "stage": "read",
            "reason": reason, "run_id": run_id, "created_at": now()}


def article_failure(article_id: str, chash: str, stage: str, reason: str, item: str | None,
                    run_id: int | None) -> dict[str, Any]:
    return {"key": failure_key("article", article_id, chash), "item": item or article_id,
            "article_id": article_id, "stage": stage, "reason": reason, "run_id": run_id,
            "created_at": now()}


@dataclass
class Batch:
    """What one transaction writes."""

    docs: list[DocRows] = field(default_factory=list)
    sigs: dict[str, bytes | None] = field(default_factory=dict)  # article id -> MinHash bytes
    failures: list[dict[str, Any]] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # stored article ids whose rows are redone


def _in(col: Any, values: Sequence[Any]) -> Any:
    return col.in_(list(values))


def _old_event_ids(conn: Any, article_ids: Sequence[str]) -> set[str]:
    if not article_ids:
        return set()
    t = schema.event_mentions
    return set(conn.execute(select(t.c.event_id).where(_in(t.c.article_id, article_ids))).scalars())


def _delete_derived(store: Any, conn: Any, article_ids: Sequence[str]) -> None:
    if not article_ids:
        return
    store.backend.unindex_text(conn, article_ids)
    for t in (*_DERIVED, schema.event_mentions):
        conn.execute(delete(t).where(_in(t.c.article_id, article_ids)))


def _lock_events(store: Any, conn: Any, mentions: list[dict[str, Any]], old: set[str]) -> list[str]:
    """Create (or lock) the event rows this batch touches, in id order; returns their ids."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:  # the merge key of its article event: one group per corpus event
        groups.setdefault(m["merge_key"], []).append(m)
    rows = sorted((duplicates.merged_event(k, ms, _EVENT_COLS) for k, ms in groups.items()),
                  key=lambda r: r["id"])
    store.backend.upsert(conn, schema.events, rows, update=["merge_key"])
    return sorted({r["id"] for r in rows} | old)


def refresh_events(store: Any, conn: Any, ids: Sequence[str]) -> None:
    """Recompute each event from all its stored mentions (or drop it when none is left)."""
    refresh_event_rows(store.backend, conn, ids)


def refresh_event_rows(backend: Any, conn: Any, ids: Sequence[str]) -> None:
    """:func:`refresh_events` with the store's backend (what a migration has)."""
    t = schema.event_mentions
    groups: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    for i in range(0, len(ids), 500):
        for r in conn.execute(select(t).where(_in(t.c.event_id, ids[i : i + 500]))).mappings():
            groups[r["event_id"]].append(dict(r))
    e = schema.events
    keys = dict(conn.execute(select(e.c.id, e.c.merge_key).where(_in(e.c.id, ids))).all()) if ids else {}
    keep = []
    for eid, ms in groups.items():
        if not ms:
            conn.execute(delete(e).where(e.c.id == eid))
            continue
        key = keys.get(eid) or duplicates.merge_key(duplicates.representative(ms))
        keep.append(duplicates.merged_event(key, ms, _EVENT_COLS))
    backend.upsert(conn, schema.events, keep, update=[c for c in _EVENT_COLS if c != "id"])


def _mention_rows(batch: Batch) -> list[dict[str, Any]]:
    """The batch's event mentions with the merge key and corpus event id of their article event."""
    out = []
    for d in batch.docs:
        keys = duplicates.article_event_keys(d.event_mentions)
        for m in d.event_mentions:
            key = keys[str(m["id"])]
            out.append({**m, "merge_key": key, "event_id": duplicates.event_id(key)})
    return out


def write_batch(store: Any, batch: Batch) -> None:
    """Write one batch in one transaction."""
    be = store.backend
    mentions = _mention_rows(batch)
    with store.engine.begin() as conn:
        old = _old_event_ids(conn, batch.replaced)
        touched = _lock_events(store, conn, mentions, old)
        _delete_derived(store, conn, batch.replaced)
        arts = [{**d.article, "minhash": batch.sigs.get(d.article["id"])} for d in batch.docs]
        be.upsert(conn, schema.articles, arts, update=_ARTICLE_UPDATE)
        for name in ("actors", "places"):
            rows = [r for d in batch.docs for r in getattr(d, name)]
            be.upsert(conn, schema.metadata.tables[name], rows,
                      update=[c.name for c in schema.metadata.tables[name].columns if c.name != "id"])
        for name in ("sentences", "mentions", "actor_mentions", "place_mentions"):
            be.upsert(conn, schema.metadata.tables[name], [r for d in batch.docs for r in getattr(d, name)])
        be.upsert(conn, schema.event_mentions, [{k: m[k] for k in _MENTION_COLS} for m in mentions],
                  update=[c for c in _MENTION_COLS if c != "id"])
        bands = []
        for aid, sig in batch.sigs.items():
            if sig is not None:
                bands += duplicates.band_rows(aid, duplicates.sig_array(sig))
        be.upsert(conn, schema.article_bands, bands, update=["hash"])
        be.index_text(conn, [{"id": d.article["id"], "norm": d.norm} for d in batch.docs])
        refresh_events(store, conn, touched)
        be.upsert(conn, schema.failures, batch.failures, update=["item", "stage", "reason", "run_id"])
        done = [a["id"] for a in arts]
        if done:
            f = schema.failures
            conn.execute(delete(f).where(f.c.article_id.in_(bindparam("ids", expanding=True))),
                         {"ids": done})
