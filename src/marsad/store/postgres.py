"""PostgreSQL specifics: upserts and tsvector full-text search.

Search uses ``article_search(article_id, tsv)`` with a GIN index; ``tsv`` is
``to_tsvector('simple', normalize_text(title || text))``. The ``simple`` configuration
does no stemming, so Arabic words match after marsad's own normalisation, and queries
are normalised the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from marsad.store.backend import Backend
from marsad.text.normalize import normalize_text

SEARCH_DDL = (
    "CREATE TABLE IF NOT EXISTS article_search ("
    "article_id VARCHAR(200) PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, tsv tsvector NOT NULL)",
    "CREATE INDEX IF NOT EXISTS ix_article_search_tsv ON article_search USING GIN (tsv)",
)


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """PostgreSQL text cannot hold NUL: store U+FFFD instead (same length, offsets kept)."""
    return {k: v.replace("\x00", "\ufffd") if isinstance(v, str) and "\x00" in v else v
            for k, v in row.items()}


class PostgresBackend(Backend):
    name = "postgresql"

    def __init__(self, engine: Any) -> None:
        super().__init__(engine)
        # batch executemany INSERTs into multi-row VALUES (SQLAlchemy's "insertmanyvalues"):
        # psycopg's own executemany costs a round trip per row
        engine.dialect.use_insertmanyvalues_wo_returning = True

    def lock_schema(self, conn: Any) -> None:
        from sqlalchemy import text

        conn.execute(text("SELECT pg_advisory_xact_lock(7236351)"))  # any constant: marsad's schema lock

    def upsert(self, conn: Any, table: Any, rows: Sequence[dict[str, Any]],
               update: Iterable[str] | None = None) -> None:
        super().upsert(conn, table, [_clean(r) for r in rows], update)

    def insert(self, table: Any) -> Any:
        from sqlalchemy.dialects.postgresql import insert

        return insert(table)

    def create_extra(self, conn: Any) -> None:
        from sqlalchemy import text

        for sql in SEARCH_DDL:
            conn.execute(text(sql))

    def index_text(self, conn: Any, rows: Sequence[dict[str, Any]]) -> None:
        from sqlalchemy import text

        if not rows:
            return
        params = [_clean({"id": r["id"], "body": r["norm"][0] + "\n" + r["norm"][1]}) for r in rows]
        conn.execute(
            text(
                "INSERT INTO article_search(article_id, tsv) VALUES (:id, to_tsvector('simple', :body)) "
                "ON CONFLICT (article_id) DO UPDATE SET tsv = excluded.tsv"
            ),
            params,
        )

    def unindex_text(self, conn: Any, article_ids: Sequence[str]) -> None:
        from sqlalchemy import bindparam, text

        if article_ids:
            stmt = text("DELETE FROM article_search WHERE article_id IN :ids").bindparams(
                bindparam("ids", expanding=True))
            conn.execute(stmt, {"ids": list(article_ids)})

    def search(self, conn: Any, query: str, limit: int) -> list[tuple[str, float]]:
        from sqlalchemy import text

        q = normalize_text(query)
        if not q.strip():
            return []
        rows = conn.execute(
            text(
                "SELECT article_id, ts_rank(tsv, plainto_tsquery('simple', :q)) AS score FROM article_search "
                "WHERE tsv @@ plainto_tsquery('simple', :q) ORDER BY score DESC, article_id LIMIT :n"
            ),
            {"q": q, "n": limit},
        ).all()
        return [(r[0], float(r[1])) for r in rows]
