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


def _downgrade_to_3(conn: sqlite3.Connection) -> None:
    """Make a store what marsad left behind at schema version 3 (before complete and asserted)."""
    for table in ("event_day_counts", "event_month_counts"):  # the counts came with version 7
        for name in ("insert", "delete", "update"):
            conn.execute(f"DROP TRIGGER {table}_{name}")
        conn.execute(f"DROP TABLE {table}")
    for name in (*schema.AGGREGATE_INDEXES, *schema.MENTION_INDEXES, *schema.ARTICLE_EVENT_INDEXES):
        conn.execute(f"DROP INDEX {name}")
    conn.execute("ALTER TABLE event_mentions DROP COLUMN article_event_id")
    for table in ("events", "event_mentions"):
        for col in ("complete", "asserted"):
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {col}")
    conn.execute("ALTER TABLE runs DROP COLUMN min_confidence")
    conn.execute("CREATE INDEX ix_event_mentions_article ON event_mentions (article_id, sentence)")
    conn.execute("CREATE INDEX ix_event_mentions_event_id ON event_mentions (event_id)")
    for name, cols in {"ix_events_date_quad": ("date", "quad_class"),
                       "ix_events_pair": ("source_code", "target_code", "goldstein"),
                       "ix_events_place": ("place_name", "place_country", "place_lat", "place_lon")}.items():
        conn.execute(f"CREATE INDEX {name} ON events ({', '.join(cols)})")
    conn.execute("DELETE FROM schema_version WHERE version > 3")


def test_a_version_1_store_is_migrated_on_open(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    open_store(db).close()
    with sqlite3.connect(db) as conn:  # make it what marsad 0.1 (schema version 1) left behind
        _downgrade_to_3(conn)
        for name in ("ix_events_date_quad", "ix_events_pair", "ix_events_place"):
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


def test_a_version_3_store_gets_complete_and_asserted_from_its_json(tmp_path: Path, ant_dir: Path,
                                                                   toy_pipeline: object) -> None:
    """Stores made before the flags were columns: each mention's flags are computed from its stored
    JSON (the coder's own, or, for JSON that lacks them, from the actors and modality), each
    event's from its representative mention; they then equal what a fresh store holds."""
    import json

    from marsad.jobs.ingest import ingest
    from marsad.readers import read

    db = tmp_path / "v3.db"
    with open_store(db) as store:
        ingest(store, [a for a in read([ant_dir]) if not hasattr(a, "reason")][:80], pipeline=toy_pipeline)
        want_m = store.event_mentions_df()[["id", "complete", "asserted"]].values.tolist()
        want_e = store.events_df(include="all", min_confidence=0)[["id", "complete", "asserted"]].values.tolist()
    assert {c for _, c, _ in want_m} == {True, False}  # the toy store has incomplete events too
    with sqlite3.connect(db) as conn:
        _downgrade_to_3(conn)
        for mid, data in conn.execute("SELECT id, data FROM event_mentions").fetchall():
            d = json.loads(data)  # JSON as marsad wrote it before the coder said complete/asserted
            d.pop("complete", None)
            d.pop("asserted", None)
            conn.execute("UPDATE event_mentions SET data = ? WHERE id = ?", (json.dumps(d, ensure_ascii=False), mid))
    with open_store(db) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        assert store.event_mentions_df()[["id", "complete", "asserted"]].values.tolist() == want_m
        got_e = store.events_df(include="all", min_confidence=0)[["id", "complete", "asserted"]].values.tolist()
        assert got_e == want_e
    assert set(schema.AGGREGATE_INDEXES) | set(schema.MENTION_INDEXES) | set(schema.ARTICLE_EVENT_INDEXES) <= _indexes(db)
