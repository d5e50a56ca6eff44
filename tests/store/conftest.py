"""Fixtures for the store tests: real ANT articles, a toy coder, a PostgreSQL server."""

from __future__ import annotations

import os
import sys
import tarfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", REPO / ".." / "shared"))
ANT = SHARED / "data" / "corpus" / "ant-v2.1-multisource.tar.gz"
SEED = SHARED / "seed"

sys.path.insert(0, str(HERE))  # store_toy, also for subprocesses via PYTHONPATH


def extract_ant(dest: Path, prefix: str, n: int) -> Path:
    """The first ``n`` files (archive order) under ``prefix`` in the ANT archive, into ``dest``."""
    if not ANT.exists():
        pytest.skip(f"ANT corpus not found at {ANT}; set MARSAD_SHARED")
    taken = 0
    with tarfile.open(ANT, "r:gz") as tar:
        for m in tar:
            if m.isfile() and m.name.startswith(prefix):
                tar.extract(m, dest, filter="data")
                taken += 1
                if taken >= n:
                    break
    return dest


@pytest.fixture(scope="session")
def ant_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """160 real BBC middleEast articles (some near-duplicates among them)."""
    return extract_ant(tmp_path_factory.mktemp("ant"), "BBC/middleEast/", 160)


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}; set MARSAD_SHARED")
    return SEED


@pytest.fixture()
def toy_pipeline():  # type: ignore[no-untyped-def]
    import store_toy

    return store_toy.load()


# -- PostgreSQL ------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A server URL: MARSAD_TEST_PG_URL, else a throwaway server started with initdb/pg_ctl."""
    from pgserver import pg_bin
    from pgserver import pg_server as server

    if not os.environ.get("MARSAD_TEST_PG_URL") and pg_bin() is None:
        pytest.skip("no PostgreSQL: set MARSAD_TEST_PG_URL or install the server binaries")
    with server() as url:
        yield url


@pytest.fixture()
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty database on the test server, dropped afterwards."""
    pytest.importorskip("psycopg")
    from pgserver import drop_db, fresh_db

    name = f"marsad_t_{uuid.uuid4().hex[:12]}"
    yield fresh_db(pg_server, name)
    drop_db(pg_server, name)
