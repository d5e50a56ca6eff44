"""The same API over PostgreSQL: dialect-specific SQL (to_char periods, tsvector search, read-only
transactions). Uses MARSAD_TEST_PG_URL, else a throwaway server started with initdb and pg_ctl."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from handcoded import EVENTS, HandCoded, articles

pytestmark = pytest.mark.postgres
psycopg = pytest.importorskip("psycopg")


def _run_as_pg(cmd: list[str]) -> None:
    full = ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd
    subprocess.run(full, check=True, capture_output=True)


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    url = os.environ.get("MARSAD_TEST_PG_URL")
    if url:
        name = f"marsad_api_{uuid.uuid4().hex[:10]}"
        admin = url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        yield url.rsplit("/", 1)[0] + "/" + name
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        return
    initdb = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb")) or ([Path(p)] if (p := shutil.which("initdb")) else [])
    if not initdb:
        pytest.skip("no PostgreSQL: set MARSAD_TEST_PG_URL or install the server binaries")
    pgbin = initdb[-1].parent
    base = Path(f"/tmp/marsad-api-pg-{uuid.uuid4().hex[:8]}")
    base.mkdir()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
    port = 51000 + os.getpid() % 4000
    _run_as_pg([str(pgbin / "initdb"), "-D", str(base / "data"), "-U", "marsad", "--auth=trust", "-E", "UTF8"])
    opts = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
    _run_as_pg([str(pgbin / "pg_ctl"), "-D", str(base / "data"), "-l", str(base / "log"), "-w", "-o", opts, "start"])
    try:
        yield f"postgresql+psycopg://marsad@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(["runuser", "-u", "postgres", "--", str(pgbin / "pg_ctl"), "-D", str(base / "data"),
                        "-m", "immediate", "stop"] if os.geteuid() == 0 else
                       [str(pgbin / "pg_ctl"), "-D", str(base / "data"), "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def pg_client(pg_url: str) -> Any:
    from fastapi.testclient import TestClient

    from marsad.api.app import Settings, create_app
    from marsad.api.db import read_engine
    from marsad.pipeline import Pipeline
    from marsad.store import open_store

    store = open_store(pg_url)
    store.ingest(articles(), pipeline=Pipeline([HandCoded()]))
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
