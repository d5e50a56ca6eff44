"""Opening a store: engine, backend specifics, migrations.

One code path for both backends: SQLAlchemy 2 Core, with psycopg 3 for PostgreSQL.
The backend modules (:mod:`.sqlite`, :mod:`.postgres`) add what SQL does not share:
connection settings, upserts and full-text search.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from marsad.core.errors import ConfigError, require
from marsad.store import schema
from marsad.store.backend import Backend
from marsad.store.clock import now

DEFAULT_DB = "marsad.db"


def _backfill_flags(conn: Any, backend: Backend) -> None:
    from marsad.store.flags import backfill

    backfill(conn)


def _backfill_article_events(conn: Any, backend: Backend) -> None:
    from marsad.store.article_events import backfill

    backfill(conn, backend)


def _day_counts(conn: Any, backend: Backend) -> None:
    if hasattr(backend, "create_day_counts"):  # SQLite
        backend.create_day_counts(conn, backfill=True)


#: Data steps of migrations, run after the version's SQL on a store that had an older version.
DATA_MIGRATIONS: dict[int, Callable[[Any, Backend], None]] = {4: _backfill_flags, 6: _backfill_article_events,
                                                             7: _day_counts}


def to_url(url_or_path: str | Path | None) -> str:
    """Turn ``marsad.db``, ``sqlite:///x.db`` or ``postgresql://...`` into a SQLAlchemy URL."""
    raw = str(url_or_path or DEFAULT_DB)
    if raw.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + raw.split("://", 1)[1]
    if raw.startswith(("postgresql+", "sqlite:")):
        return raw
    if "://" in raw:
        raise ConfigError(
            f"unsupported database URL {raw!r}; give a file path (SQLite) or postgresql://USER@HOST/DB."
        )
    if raw == ":memory:":
        return "sqlite://"
    return "sqlite:///" + str(Path(raw).expanduser())


def make_backend(url: str) -> Backend:
    sqlalchemy = require("sqlalchemy", "store")
    if url.startswith("postgresql"):
        require("psycopg", "store")
        from marsad.store.postgres import PostgresBackend

        engine = sqlalchemy.create_engine(url, pool_pre_ping=True)
        return PostgresBackend(engine)
    from marsad.store.sqlite import SqliteBackend

    return SqliteBackend(SqliteBackend.make_engine(url))


def migrate(backend: Backend) -> int:
    """Create or upgrade the schema; returns the version the database is at."""
    from sqlalchemy import inspect, select, text

    with backend.engine.begin() as conn:
        backend.lock_schema(conn)
        has = inspect(conn).has_table("schema_version")
        current = 0
        if has:
            current = conn.execute(select(schema.schema_version.c.version)).scalars().all()
            current = max(current, default=0)
        if current > schema.SCHEMA_VERSION:
            raise ConfigError(
                f"the database is at schema version {current}, newer than this marsad "
                f"({schema.SCHEMA_VERSION}); upgrade marsad (pip install -U marsad)."
            )
        fresh = current == 0
        if fresh:  # the declared schema is the latest: migrations are recorded, not run
            schema.metadata.create_all(conn)
            backend.create_extra(conn)
        for version, description, statements in schema.MIGRATIONS:
            if version <= current:
                continue
            for sql in [] if fresh else statements:
                conn.execute(text(sql))
            if not fresh and version in DATA_MIGRATIONS:
                DATA_MIGRATIONS[version](conn, backend)
            conn.execute(schema.schema_version.insert().values(
                version=version, applied_at=now(), description=description))
    return schema.SCHEMA_VERSION
