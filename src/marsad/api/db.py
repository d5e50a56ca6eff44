"""The API's own read engine over a store: tuned for aggregates, and read-only at the database
level when the server is (SQLite ``query_only``, PostgreSQL ``default_transaction_read_only``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, event


def read_engine(url: str, read_only: bool = True) -> Any:
    """An engine for the API's queries over the store at ``url`` (a SQLAlchemy URL)."""
    if url.startswith("postgresql"):
        options = {"options": "-c default_transaction_read_only=on"} if read_only else {}
        return create_engine(url, pool_pre_ping=True, connect_args=options)
    from marsad.store.sqlite import SqliteBackend

    engine = SqliteBackend.make_engine(url)

    @event.listens_for(engine, "connect")
    def _tune(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA cache_size=-65536")  # 64 MiB of pages per connection
        cur.execute("PRAGMA mmap_size=1073741824")
        cur.execute("PRAGMA temp_store=MEMORY")
        if read_only:
            cur.execute("PRAGMA query_only=ON")
        cur.close()

    return engine
