"""The same API over PostgreSQL: dialect-specific SQL (tsvector search, read-only transactions).
Uses MARSAD_TEST_PG_URL, else a throwaway server started with initdb and pg_ctl (tests/api/conftest.py)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from handcoded import counted

pytestmark = pytest.mark.postgres
psycopg = pytest.importorskip("psycopg")
COUNTED = counted()


def test_filters_and_aggregates_on_postgres(pg_client: Any) -> None:
    page = pg_client.get("/api/events", params={"limit": 100}).json()
    assert page["total"] == len(COUNTED)
    assert [e["date"] for e in page["items"]] == sorted((e["date"] for e in page["items"]), reverse=True)
    assert pg_client.get("/api/events", params={"actor": "IGOUNO"}).json()["total"] == 3
    assert pg_client.get("/api/events", params={"country": "TUR"}).json()["total"] == 3
    assert pg_client.get("/api/events", params={"cameo": "04"}).json()["total"] == 2
    assert pg_client.get("/api/events", params={"q": "خاشقجي"}).json()["total"] == 2
    timeline = pg_client.get("/api/timeline", params={"interval": "month"}).json()["items"]
    assert {(r["period"], r["quad_class"]): r["events"] for r in timeline if r["events"]} == Counter(
        (a["date"][:7], a["quad_class"]) for a in COUNTED)
    week = pg_client.get("/api/timeline", params={"interval": "week", "actor": "IGOUNO"}).json()["items"]
    assert sum(r["events"] for r in week) == 3
    edges = pg_client.get("/api/graph").json()["edges"]
    assert edges[0] == {"source": "IGOUNO", "target": "IGOOIC", "events": 2, "goldstein": 4.0}
    art = pg_client.get("/api/articles/000_cf51298b20422178").json()
    assert [e["trigger"]["text"] for e in art["events"]] == ["عقد", "عقد", "الدعم"]  # every event of it
    meta = pg_client.get("/api/meta").json()
    assert (meta["first_date"], meta["last_date"]) == ("2014-05-22", "2018-10-12")


def test_read_only_engine_on_postgres(pg_url: str, pg_client: Any) -> None:
    import sqlalchemy

    from marsad.api.db import read_engine
    from marsad.store.core import to_url

    engine = read_engine(to_url(pg_url), read_only=True)
    with pytest.raises(sqlalchemy.exc.InternalError, match="read-only"), engine.begin() as conn:
        conn.execute(sqlalchemy.text("DELETE FROM events"))
    engine.dispose()
