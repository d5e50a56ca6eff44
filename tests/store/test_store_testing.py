"""The throwaway PostgreSQL server of ``marsad.store.testing``: starts, serves, and is gone after."""

from __future__ import annotations

import pytest

from pgserver import fresh_db, pg_bin, pg_server

pytestmark = pytest.mark.postgres
psycopg = pytest.importorskip("psycopg")


def test_pg_server_starts_a_server_and_removes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    if pg_bin() is None:
        pytest.skip("no PostgreSQL server binaries")
    monkeypatch.setenv("MARSAD_TEST_PG_URL", "postgresql://nobody@127.0.0.1:1/none")
    with pg_server(env=None) as admin:  # env=None: always a fresh server, whatever the variable
        assert admin.startswith("postgresql+psycopg://marsad@127.0.0.1:")
        url = fresh_db(admin, "t_one")
        plain = url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(plain) as conn:
            assert conn.execute("SELECT current_database(), 6 * 7").fetchone() == ("t_one", 42)
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(plain, connect_timeout=3)


def test_pg_server_uses_the_given_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_TEST_PG_URL", "postgresql://somebody@db.example/x")
    with pg_server() as url:
        assert url == "postgresql://somebody@db.example/x"
