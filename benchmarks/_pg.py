"""A throwaway PostgreSQL server for benchmarks: ``tests/pgserver.py`` with benchmark defaults.

``MARSAD_BENCH_PG_URL``, when set, names a server to use instead; the throwaway server keeps
``fsync`` on, as a real one would.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from pgserver import fresh_db  # noqa: E402
from pgserver import pg_server as _server  # noqa: E402

__all__ = ["fresh_db", "pg_server"]


@contextlib.contextmanager
def pg_server(port: int | None = None) -> Iterator[str]:
    """Yield an admin URL of a fresh server (or of MARSAD_BENCH_PG_URL)."""
    with _server(port, env="MARSAD_BENCH_PG_URL", fsync=True) as url:
        yield url
