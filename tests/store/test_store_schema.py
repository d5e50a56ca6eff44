"""The schema: one declaration of the event columns, and migrations that bring old stores up to date."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from marsad.store import open_store, schema
from marsad.store.rows import flatten_event


def test_event_tables_share_the_flattened_event_columns() -> None:
    cols = [c.name for c in schema.event_columns()]
    assert sorted(flatten_event({})) == sorted(set(cols) - {"coder_version"})  # the row builder fills these
    for table in (schema.events, schema.event_mentions):
        names = [c.name for c in table.columns]
        assert [n for n in names if n in cols] == cols
    assert schema.events.c.date is not schema.event_mentions.c.date  # one column object per table


def _indexes(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_new_store_has_the_aggregate_indexes_and_every_migration_recorded(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    open_store(db).close()
    assert set(schema.AGGREGATE_INDEXES) <= _indexes(db)
    with sqlite3.connect(db) as conn:
        versions = [v for (v,) in conn.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == [v for v, _, _ in schema.MIGRATIONS] and versions[-1] == schema.SCHEMA_VERSION


def test_a_version_1_store_is_migrated_on_open(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    open_store(db).close()
    with sqlite3.connect(db) as conn:  # make it what marsad 0.1 (schema version 1) left behind
        for name in schema.AGGREGATE_INDEXES:
            conn.execute(f"DROP INDEX {name}")
        conn.execute("ALTER TABLE runs DROP COLUMN pid")
        conn.execute("ALTER TABLE runs DROP COLUMN host")
        conn.execute("INSERT INTO runs (command, status) VALUES ('ingest', 'running')")  # killed
        conn.execute("DELETE FROM schema_version WHERE version > 1")
    assert not set(schema.AGGREGATE_INDEXES) & _indexes(db)
    with open_store(db) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        with store.engine.connect() as conn:
            described = conn.execute(text("SELECT description FROM schema_version WHERE version = 2")).scalar()
    assert described and "covering indexes" in described
    assert set(schema.AGGREGATE_INDEXES) <= _indexes(db)
    with open_store(db) as store:  # the old run, made before runs recorded their process
        store.start_run("ingest")
        assert [(r["status"], r["pid"] is None) for r in store.runs()] == [("interrupted", True),
                                                                           ("running", False)]
