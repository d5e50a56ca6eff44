"""What differs between SQLite and PostgreSQL: the interface each backend module implements."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any


class Backend:
    """What differs between SQLite and PostgreSQL."""

    name = "generic"

    def __init__(self, engine: Any) -> None:
        self.engine = engine

    def create_extra(self, conn: Any) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def insert(self, table: Any) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def index_text(self, conn: Any, rows: Sequence[dict[str, Any]]) -> None:  # pragma: no cover
        raise NotImplementedError

    def unindex_text(self, conn: Any, article_ids: Sequence[str]) -> None:  # pragma: no cover
        raise NotImplementedError

    def search(self, conn: Any, query: str, limit: int) -> list[tuple[str, float]]:  # pragma: no cover
        raise NotImplementedError

    def lock_schema(self, conn: Any) -> None:
        """Serialise schema creation and migrations between processes opening the same store."""

    def upsert(self, conn: Any, table: Any, rows: Sequence[dict[str, Any]],
               update: Iterable[str] | None = None) -> None:
        """Insert ``rows``; on a primary-key conflict update ``update`` columns (or do nothing)."""
        if not rows:
            return
        keys = [c.name for c in table.primary_key.columns]
        cols = list(update or [])
        # last wins; key order, so that concurrent writers lock rows in the same order
        by_key = {tuple(r[k] for k in keys): r for r in rows}
        rows = [by_key[k] for k in sorted(by_key)]
        stmt = self.insert(table)
        if cols:
            stmt = stmt.on_conflict_do_update(
                index_elements=keys, set_={c: getattr(stmt.excluded, c) for c in cols})
        else:
            stmt = stmt.on_conflict_do_nothing(index_elements=keys)
        for chunk in _chunks(rows, 1000):
            conn.execute(stmt, list(chunk))


def _chunks(rows: Sequence[dict[str, Any]], size: int) -> Iterable[Sequence[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]
