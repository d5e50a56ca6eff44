"""Fixtures: a store of real ANT articles with hand-coded events, and a test client over it, on
SQLite and (when a server can start) on PostgreSQL."""

from __future__ import annotations

import os
import shutil
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import handcoded  # noqa: E402
from handcoded import make_client  # noqa: E402

pytest.importorskip("fastapi")


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "hand.db"
    handcoded.build_store(path).close()
    return path


@pytest.fixture(scope="session")
def client(store_path: Path) -> Any:
    return make_client(store_path)


@pytest.fixture()
def writable_copy(store_path: Path, tmp_path: Path) -> Iterator[Path]:
    copy = tmp_path / "copy.db"
    shutil.copy(store_path, copy)
    yield copy


# -- PostgreSQL: the same store on a throwaway server (or MARSAD_TEST_PG_URL) --------------------

@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    pytest.importorskip("psycopg")
    from pgserver import drop_db, fresh_db, pg_bin, pg_server

    if not os.environ.get("MARSAD_TEST_PG_URL") and pg_bin() is None:
        pytest.skip("no PostgreSQL: set MARSAD_TEST_PG_URL or install the server binaries")
    name = f"marsad_api_{uuid.uuid4().hex[:10]}"
    with pg_server() as admin:
        url = fresh_db(admin, name)
        handcoded.build_store(url).close()
        yield url
        drop_db(admin, name)


@pytest.fixture(scope="session")
def pg_client(pg_url: str) -> Iterator[Any]:
    """A client over a read-only engine of the PostgreSQL store (as ``marsad serve`` makes it)."""
    from fastapi.testclient import TestClient

    from marsad.api.app import Settings, create_app
    from marsad.api.db import read_engine
    from marsad.store.core import to_url

    engine = read_engine(to_url(pg_url), read_only=True)
    yield TestClient(create_app(engine, Settings(token=None, rate=0, cache_size=0)))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> tuple[str, Any]:
    """``(database URL or path, client)`` on each backend."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("store_path")), request.getfixturevalue("client")
    return request.getfixturevalue("pg_url"), request.getfixturevalue("pg_client")
