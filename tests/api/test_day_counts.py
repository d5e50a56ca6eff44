"""SQLite's per-day event counts (kept by triggers on ``events``) give the timeline of a selection
made only by ``include`` the same answer as counting the events, before and after events are
added, changed and deleted; any other filter counts the events."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event, text

from marsad.api.queries import timeline
from marsad.store import open_store
from marsad.store.queries import day_counts
from marsad.store.query import EventFilter

INCLUDES = ["", "negated", "incomplete", "negated,historical", "all", "hypothetical,future,incomplete"]


def _both(conn: Any, include: str) -> tuple[list[Any], list[Any]]:
    kept = day_counts(conn, EventFilter.parse(include=include or None))
    # a filter that selects every event yet is not only `include`: the events are counted
    counted = day_counts(conn, EventFilter.parse(include=include or None, start="1000-01-01"))
    for interval in ("auto", "day", "week", "month", "year"):  # and the timelines made from them
        a = timeline(conn, EventFilter.parse(include=include or None), interval)
        b = timeline(conn, EventFilter.parse(include=include or None, start="1000-01-01"), interval)
        assert a == b, interval
    return sorted(kept, key=str), sorted(counted, key=str)


def _reads_day_counts(engine: Any, include: str) -> bool:
    seen: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda c, cur, stmt, *a: seen.append(stmt))
    with engine.connect() as conn:
        day_counts(conn, EventFilter.parse(include=include or None))
    return any("event_day_counts" in s for s in seen)


@pytest.mark.parametrize("include", INCLUDES)
def test_day_counts_equal_the_counted_events_through_writes(writable_copy: Path, include: str) -> None:
    engine = create_engine(f"sqlite:///{writable_copy}")
    assert _reads_day_counts(engine, include)
    with engine.begin() as conn:
        kept, counted = _both(conn, include)
        assert kept == counted and kept
        ids = [r[0] for r in conn.execute(text("SELECT id FROM events ORDER BY id"))]
        # change flags, dates and quad classes; delete some; add a copy of one
        conn.execute(text("UPDATE events SET negated = NOT negated, asserted = NOT asserted WHERE id = :i"), {"i": ids[0]})
        conn.execute(text("UPDATE events SET date = date(date, '+40 days'), quad_class = NULL WHERE id = :i"),
                     {"i": ids[1]})
        conn.execute(text("UPDATE events SET date = NULL WHERE id = :i"), {"i": ids[2]})
        conn.execute(text("UPDATE events SET complete = NOT complete WHERE id = :i"), {"i": ids[3]})
        conn.execute(text("DELETE FROM events WHERE id IN (:a, :b)"), {"a": ids[4], "b": ids[5]})
        cols = [r[1] for r in conn.execute(text("PRAGMA table_info(events)"))]
        exprs = ", ".join("id || '~copy'" if c == "id" else c for c in cols)
        conn.execute(text(f"INSERT INTO events ({', '.join(cols)}) SELECT {exprs} FROM events WHERE id = :i"),
                     {"i": ids[6]})
        kept2, counted2 = _both(conn, include)
        assert kept2 == counted2
    engine.dispose()


def test_a_store_made_before_the_day_counts_gets_them_counted(writable_copy: Path) -> None:
    engine = create_engine(f"sqlite:///{writable_copy}")
    with engine.begin() as conn:
        want = sorted(day_counts(conn, EventFilter.parse(include="all")), key=str)
        for table in ("event_day_counts", "event_month_counts"):
            conn.execute(text(f"DROP TABLE {table}"))
            for name in ("insert", "delete", "update"):
                conn.execute(text(f"DROP TRIGGER {table}_{name}"))
        conn.execute(text("DELETE FROM schema_version WHERE version >= 7"))
    engine.dispose()
    open_store(writable_copy).close()  # migration 7 counts the stored events
    engine = create_engine(f"sqlite:///{writable_copy}")
    with engine.connect() as conn:
        assert sorted(day_counts(conn, EventFilter.parse(include="all")), key=str) == want
        assert conn.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")).scalar_one() == 6
    engine.dispose()
