"""Start a throwaway PostgreSQL server on 127.0.0.1 for benchmarks (initdb + pg_ctl)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


def _as_pg(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@contextlib.contextmanager
def pg_server(port: int = 55432) -> Iterator[str]:
    """Yield an admin URL of a fresh server; MARSAD_BENCH_PG_URL, if set, is used instead."""
    if os.environ.get("MARSAD_BENCH_PG_URL"):
        yield os.environ["MARSAD_BENCH_PG_URL"]
        return
    pgbin = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))[-1].parent
    base = Path(tempfile.mkdtemp(prefix="marsad-bench-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
    data = base / "data"
    subprocess.run(_as_pg([str(pgbin / "initdb"), "-D", str(data), "-U", "marsad", "--auth=trust", "-E", "UTF8"]),
                   check=True, capture_output=True)
    opts = f"-p {port} -k {base} -c listen_addresses=127.0.0.1"
    subprocess.run(_as_pg([str(pgbin / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-o", opts,
                           "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://marsad@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_pg([str(pgbin / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def fresh_db(admin_url: str, name: str) -> str:
    import psycopg

    plain = admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + "/" + name
