"""The same API over PostgreSQL: dialect-specific SQL (to_char periods, tsvector search, read-only
transactions). Uses MARSAD_TEST_PG_URL, else a throwaway server started with initdb and pg_ctl."""

from __future__ import annotations

import os
import uuid
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from handcoded import EVENTS, HandCoded, articles

from marsad.jobs.ingest import ingest

pytestmark = pytest.mark.postgres
psycopg = pytest.importorskip("psycopg")


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    from pgserver import drop_db, fresh_db, pg_bin, pg_server

    if not os.environ.get("MARSAD_TEST_PG_URL") and pg_bin() is None:
        pytest.skip("no PostgreSQL: set MARSAD_TEST_PG_URL or install the server binaries")
    name = f"marsad_api_{uuid.uuid4().hex[:10]}"
    with pg_server() as admin:
        yield fresh_db(admin, name)
        drop_db(admin, name)


@pytest.fixture(scope="module")
def pg_client(pg_url: str) -> Any:
    from fastapi.testclient import TestClient

    from marsad.api.app import Settings, create_app
    from marsad.api.db import read_engine
    from marsad.core.pipeline import Pipeline
    from marsad.store import open_store

    store = open_store(pg_url)
    ingest(store, articles(), pipeline=Pipeline([HandCoded()]))
    engine = read_engine(store.url, read_only=True)
    yield TestClient(create_app(engine, Settings(token=None, rate=0, cache_size=0)))
    engine.dispose()
    store.close()


def test_filters_and_aggregates_on_postgres(pg_client: Any) -> None:
    page = pg_client.get("/api/events", params={"limit": 100}).json()
    assert page["total"] == len(EVENTS)
    assert [e["date"] for e in page["items"]] == sorted((e["date"] for e in page["items"]), reverse=True)
    assert pg_client.get("/api/events", params={"actor": "IGOUNO"}).json()["total"] == 3
    assert pg_client.get("/api/events", params={"country": "TUR"}).json()["total"] == 2
    assert pg_client.get("/api/events", params={"cameo": "04"}).json()["total"] == 2
    assert pg_client.get("/api/events", params={"q": "خاشقجي"}).json()["total"] == 1
    timeline = pg_client.get("/api/timeline", params={"interval": "month"}).json()["items"]
    assert {(r["period"], r["quad_class"]): r["events"] for r in timeline} == Counter(
        (a["date"][:7], a["quad_class"]) for a in EVENTS)
    week = pg_client.get("/api/timeline", params={"interval": "week", "actor": "IGOUNO"}).json()["items"]
    assert sum(r["events"] for r in week) == 3
    edges = pg_client.get("/api/graph").json()["edges"]
    assert edges[0] == {"source": "IGOUNO", "target": "IGOOIC", "events": 2, "goldstein": 4.0}
    art = pg_client.get("/api/articles/000_cf51298b20422178").json()
    assert [e["trigger"]["text"] for e in art["events"]] == ["عقد", "الدعم"]
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
