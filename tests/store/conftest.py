"""Fixtures for the store tests: real ANT articles, a toy coder, a PostgreSQL server."""

from __future__ import annotations

import os
import shutil
import subprocess
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

def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_pg(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server URL: MARSAD_TEST_PG_URL, else a throwaway server started with initdb/pg_ctl."""
    url = os.environ.get("MARSAD_TEST_PG_URL")
    if url:
        yield url
        return
    pgbin = _pg_bin()
    if pgbin is None:
        pytest.skip("no PostgreSQL: set MARSAD_TEST_PG_URL or install the server binaries")
    base = Path(f"/tmp/marsad-test-pg-{uuid.uuid4().hex[:8]}")
    base.mkdir()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
    data, port = base / "data", 55000 + os.getpid() % 4000
    subprocess.run(_as_pg([str(pgbin / "initdb"), "-D", str(data), "-U", "marsad", "--auth=trust",
                           "-E", "UTF8"]), check=True, capture_output=True)
    opts = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(_as_pg([str(pgbin / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w",
                           "-o", opts, "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://marsad@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_pg([str(pgbin / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture()
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty database on the test server, dropped afterwards."""
    import psycopg

    name = f"marsad_t_{uuid.uuid4().hex[:12]}"
    admin = pg_server.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = pg_server.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
