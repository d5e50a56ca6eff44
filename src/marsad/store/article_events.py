"""Article events: the middle of the store's three levels (mentions, article events, events).

The coder's article assembly gives every mention of one event in one article the same
``event_id`` (the id of its first mention); the store keeps it in
``event_mentions.article_event_id``. The mentions with the same ``article_id`` and
``article_event_id`` are one article event, and they always belong to the same corpus event
(:mod:`marsad.store.duplicates`).

:func:`article_events` reads them; :func:`backfill` is the data step of schema migration 6: it
fills the column of stores made before it (from the stored JSON's ``event_id``, else the mention
id) and moves the mentions of one article event into one corpus event.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, select, update

from marsad.store import duplicates, schema

_CHUNK = 500


def _json_event_id(mid: str, data: str | None) -> str:
    try:
        d = json.loads(data or "")
    except ValueError:
        d = None
    found = d.get("event_id") if isinstance(d, dict) else None
    return str(found) if found else mid


def _fill_column(conn: Any) -> int:
    m = schema.event_mentions
    stmt = update(m).where(m.c.id == bindparam("mid")).values(article_event_id=bindparam("aeid"))
    last, seen = "", 0
    while True:
        rows = conn.execute(select(m.c.id, m.c.data).where(m.c.id > last).order_by(m.c.id).limit(5000)).all()
        if not rows:
            return seen
        conn.execute(stmt, [{"mid": mid, "aeid": _json_event_id(mid, data)} for mid, data in rows])
        seen += len(rows)
        last = rows[-1][0]


def _regroup(conn: Any) -> set[str]:
    """Give each mention the corpus event of its article event; returns the event ids touched."""
    m = schema.event_mentions
    stmt = update(m).where(m.c.id == bindparam("mid")).values(event_id=bindparam("eid"))
    articles = sorted(conn.execute(select(m.c.article_id).distinct()).scalars())
    touched: set[str] = set()
    for i in range(0, len(articles), _CHUNK):
        rows = [dict(r) for r in conn.execute(select(m).where(m.c.article_id.in_(articles[i : i + _CHUNK])))
                .mappings()]
        keys = duplicates.article_event_keys(rows)
        changes = []
        for r in rows:
            new = duplicates.event_id(keys[str(r["id"])])
            if new != r["event_id"]:
                changes.append({"mid": r["id"], "eid": new})
                touched |= {new, r["event_id"]}
        if changes:
            conn.execute(stmt, changes)
    return touched


def backfill(conn: Any, backend: Any) -> None:
    """Migration 6: fill ``article_event_id`` and re-merge, so the store equals a fresh one.

    Events with several mentions are recomputed too: their representative is now the most
    confident mention, not the one with the smallest id.
    """
    from marsad.store.writer import refresh_event_rows

    _fill_column(conn)
    touched = _regroup(conn)
    e = schema.events
    touched |= set(conn.execute(select(e.c.id).where(e.c.num_mentions > 1)).scalars())
    ids = sorted(touched)
    for i in range(0, len(ids), _CHUNK):
        refresh_event_rows(backend, conn, ids[i : i + _CHUNK])


def article_events(conn: Any, *, article_id: str | None = None, event_id: str | None = None,
                   ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Article events, by article then article event id: ``article_id``, ``article_event_id``,
    ``event_id`` (the corpus event), ``mention_id`` (the representative: the most confident
    mention), ``mention_ids`` (in sentence order), ``num_mentions`` and the representative's JSON
    as ``data``. Filters: one article, one corpus event, or the given article events' ids."""
    m = schema.event_mentions
    stmt = select(m.c.id, m.c.article_id, m.c.article_event_id, m.c.event_id, m.c.sentence,
                  m.c.confidence, m.c.data).order_by(m.c.article_id, m.c.sentence, m.c.id)
    if article_id is not None:
        stmt = stmt.where(m.c.article_id == article_id)
    if event_id is not None:
        stmt = stmt.where(m.c.event_id == event_id)
    if ids is not None:
        stmt = stmt.where(m.c.article_event_id.in_(list(ids)))
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in conn.execute(stmt).mappings():
        row = dict(r)
        groups.setdefault(duplicates.article_event_of(row), []).append(row)
    out = []
    for (aid, aeid), ms in sorted(groups.items()):
        rep = duplicates.representative(ms)
        out.append({"article_id": aid, "article_event_id": aeid, "event_id": rep["event_id"],
                    "mention_id": rep["id"], "mention_ids": [x["id"] for x in ms],
                    "num_mentions": len(ms), "data": json.loads(rep["data"])})
    return out
