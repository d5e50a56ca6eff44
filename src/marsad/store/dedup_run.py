"""Recomputing the near-duplicate article clusters over the whole store."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, delete, select

from marsad.store import duplicates, schema


def candidate_pairs(conn: Any) -> list[tuple[str, str]]:
    """Article pairs sharing at least one LSH band hash."""
    a, b = schema.article_bands.alias("a"), schema.article_bands.alias("b")
    stmt = select(a.c.article_id, b.c.article_id).distinct().select_from(
        a.join(b, and_(a.c.band == b.c.band, a.c.hash == b.c.hash, a.c.article_id < b.c.article_id)))
    return [(x, y) for x, y in conn.execute(stmt)]


def _signatures(conn: Any, ids: list[str]) -> dict[str, tuple[bytes, Any]]:
    """Article id -> (MinHash bytes, published)."""
    t = schema.articles
    out: dict[str, tuple[bytes, Any]] = {}
    for i in range(0, len(ids), 500):
        rows = conn.execute(select(t.c.id, t.c.minhash, t.c.published).where(t.c.id.in_(ids[i : i + 500])))
        out.update({r[0]: (r[1], r[2]) for r in rows})
    return out


def cluster_articles(store: Any, threshold: float | None = None) -> int:
    """Replace ``duplicate_clusters`` with the clusters of the current articles (one transaction)."""
    limit = duplicates.THRESHOLD if threshold is None else threshold
    with store.engine.begin() as conn:
        pairs = candidate_pairs(conn)
        sigs = _signatures(conn, sorted({x for p in pairs for x in p}))
        edges = []
        for x, y in pairs:
            (sx, px), (sy, py) = sigs.get(x, (None, None)), sigs.get(y, (None, None))
            if sx and sy:
                sim = duplicates.similarity(sx, sy)
                if duplicates.is_duplicate(sim, px, py, limit):
                    edges.append((x, y, sim))
        comp = duplicates.components(edges)
        rows = [{"article_id": aid, "cluster_id": cid, "size": size, "similarity": round(sim, 4)}
                for aid, (cid, size, sim) in sorted(comp.items())]
        conn.execute(delete(schema.duplicate_clusters))
        store.backend.upsert(conn, schema.duplicate_clusters, rows)
    return len(rows)
