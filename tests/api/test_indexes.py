"""The aggregates behind the dashboard's default view (complete, asserted events above the confidence
floor) read the covering indexes, not the event rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event, text

from marsad.api import queries
from marsad.store.query import EventFilter

DEFAULT = EventFilter().with_defaults(0.25)  # what a request without filters asks
ALL = EventFilter.parse(include="all").with_defaults(0.25)  # flagged events too, above the same floor
# an actor, a country and a quad class, the text search: read from one covering index each
ACTOR = EventFilter.parse(actor="sau").with_defaults(0.25)
COUNTRY_QUAD = EventFilter.parse(country="SYR", quad_class=4).with_defaults(0.25)
TEXT = EventFilter.parse(q="سوريا").with_defaults(0.25)


def _plans(db: Path, run: Any) -> list[str]:
    """EXPLAIN QUERY PLAN of every statement ``run(conn)`` executes, as one string each."""
    engine = create_engine(f"sqlite:///{db}")
    seen: list[tuple[str, Any]] = []
    event.listen(engine, "before_cursor_execute",
                 lambda conn, cur, stmt, params, ctx, many: seen.append((stmt, params)))
    with engine.connect() as conn:
        run(conn)
    plans = []
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        for stmt, params in seen:
            if stmt.lstrip().upper().startswith("SELECT") and "FROM events" in stmt:
                rows = raw.execute("EXPLAIN QUERY PLAN " + stmt, params).fetchall()
                plans.append(" | ".join(r[-1] for r in rows))
    engine.dispose()
    return plans


@pytest.mark.parametrize(("run", "index"), [
    (lambda c: queries.timeline(c, DEFAULT, "month"), "ix_events_counted_date"),
    (lambda c: queries.count_events(c, DEFAULT), "ix_events_counted"),
    (lambda c: queries.meta(c, DEFAULT), "ix_events_counted"),
    (lambda c: queries.graph(c, DEFAULT, 100), "ix_events_counted_pair"),
    (lambda c: queries.top_actors(c, DEFAULT, 100), "ix_events_counted_pair"),
    (lambda c: queries.top_actors(c, DEFAULT, 100), "ix_events_counted_target"),
    (lambda c: queries.top_places(c, DEFAULT, 300), "ix_events_counted_place"),
    (lambda c: queries.count_events(c, ACTOR), "ix_events_counted"),
    (lambda c: queries.count_events(c, COUNTRY_QUAD), "ix_events_counted"),
    (lambda c: queries.list_events(c, ACTOR, 50), "ix_events_counted"),
    (lambda c: queries.timeline(c, ACTOR, "month"), "ix_events_counted_scan"),
    (lambda c: queries.count_events(c, TEXT), "ix_events_counted_article"),
    (lambda c: queries.timeline(c, ALL, "month"), "ix_events_date_quad"),
    (lambda c: queries.graph(c, ALL, 100), "ix_events_pair"),
])
def test_aggregate_reads_its_covering_index(store_path: Path, run: Any, index: str) -> None:
    plans = [p for p in _plans(store_path, run) if "events" in p or "event_mentions" in p]
    assert plans, "no query on events was run"
    assert any(f"USING COVERING INDEX {index}" in p for p in plans), plans


def test_articles_of_a_selection_are_counted_from_indexes(store_path: Path) -> None:
    plans = _plans(store_path, lambda c: queries.meta(c, DEFAULT))
    assert any("COVERING INDEX ix_event_mentions_event_id" in p for p in plans), plans


def test_without_the_index_the_same_query_scans_the_table(writable_copy: Path) -> None:
    engine = create_engine(f"sqlite:///{writable_copy}")
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_events_counted_place"))
    engine.dispose()
    plans = _plans(writable_copy, lambda c: queries.top_places(c, DEFAULT, 300))
    assert not any("COVERING INDEX" in p for p in plans), plans
