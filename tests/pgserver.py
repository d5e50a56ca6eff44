"""A throwaway PostgreSQL server for tests and benchmarks.

>>> from pgserver import pg_server, fresh_db
>>> with pg_server() as admin:                      # doctest: +SKIP
...     url = fresh_db(admin, "bench")
...     store = marsad.open(url)

:func:`pg_server` uses the URL in ``MARSAD_TEST_PG_URL`` when it is set (CI starts one server
for the whole suite); otherwise it creates a cluster in a temporary folder with the server
binaries of the Debian/Ubuntu ``postgresql`` package (``/usr/lib/postgresql/<N>/bin``, else
``initdb`` on the PATH), starts it on 127.0.0.1 on a free port with trust authentication for the
user ``marsad``, and stops and removes it on exit. As root, the server runs as ``postgres``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from marsad.core.errors import ConfigError

ENV_URL = "MARSAD_TEST_PG_URL"


def pg_bin() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl`` (the newest Debian version first), or None."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_pg(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the ``postgres`` user then."""
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(cmd: list[str]) -> None:
    done = subprocess.run(_as_pg(cmd), capture_output=True, text=True)
    if done.returncode != 0:
        raise ConfigError(f"{Path(cmd[0]).name} failed ({done.returncode}): {done.stderr.strip()[-500:]}")


@contextlib.contextmanager
def pg_server(port: int | None = None, *, env: str | None = ENV_URL, fsync: bool = False) -> Iterator[str]:
    """Yield the admin URL (``postgresql+psycopg://marsad@127.0.0.1:PORT/postgres``) of a server.

    ``env`` names an environment variable whose URL, when set, is used instead of starting one
    (``None``: always start one). ``fsync=False`` (tests) trades crash safety for speed.
    """
    if env and os.environ.get(env):
        yield os.environ[env]
        return
    pgbin = pg_bin()
    if pgbin is None:
        raise ConfigError(f"no PostgreSQL server binaries (initdb, pg_ctl): install the postgresql "
                          f"package or set {env or ENV_URL} to a server URL.")
    base = Path(tempfile.mkdtemp(prefix="marsad-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
    data, port = base / "data", port or free_port()
    try:
        _run([str(pgbin / "initdb"), "-D", str(data), "-U", "marsad", "--auth=trust", "-E", "UTF8"])
        opts = f"-p {port} -k {base} -c listen_addresses=127.0.0.1" + ("" if fsync else " -c fsync=off")
        _run([str(pgbin / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-o", opts, "start"])
        yield f"postgresql+psycopg://marsad@127.0.0.1:{port}/postgres"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(_as_pg([str(pgbin / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                           capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def _admin(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def fresh_db(admin_url: str, name: str) -> str:
    """Create (or re-create, empty) database ``name`` on the server; returns its URL."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(_admin(admin_url), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return admin_url.rsplit("/", 1)[0] + "/" + name


def drop_db(admin_url: str, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(_admin(admin_url), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
