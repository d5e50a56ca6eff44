"""Read-only by default, tokens for writes, size and rate limits, headers, one error shape."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from handcoded import EVENTS, HandCoded, make_client

from marsad.api.security import RateLimit
from marsad.core.pipeline import Pipeline


def _is_error(resp: Any, status: int, code: str) -> None:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["code"] == code
    assert body["error"]["message"]


def test_one_error_shape(client: Any) -> None:
    _is_error(client.get("/api/articles/no-such-article"), 404, "not_found")
    _is_error(client.get("/api/no-such-route"), 404, "not_found")
    _is_error(client.get("/api/events", params={"limit": 0}), 422, "invalid")
    _is_error(client.get("/api/events", params={"quad_class": 9}), 422, "invalid")
    _is_error(client.get("/api/events", params={"start": "yesterday"}), 422, "invalid")
    _is_error(client.get("/api/events", params={"actor": "a\x00b"}), 422, "invalid")
    _is_error(client.delete("/api/events"), 405, "method_not_allowed")
    _is_error(client.post("/api/code", content=b"{not json", headers={"content-type": "application/json"}),
              422, "invalid")


def test_headers_on_every_response(client: Any) -> None:
    for url in ("/", "/api/events", "/static/app.js", "/api/docs", "/api/nothing"):
        resp = client.get(url)
        csp = resp.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self';" in csp and "frame-ancestors 'none'" in csp
        assert resp.headers["x-content-type-options"] == "nosniff"


def test_read_only_by_default(client: Any) -> None:
    _is_error(client.post("/api/articles", json={"id": "x", "text": "نص"}), 403, "forbidden")
    assert client.get("/api/meta").json()["writable"] is False


def test_write_needs_the_token(writable_copy: Path) -> None:
    c = make_client(writable_copy, token="s3cret-token")
    c.app.state.pipeline = Pipeline([HandCoded()])
    article = {"id": "posted-1", "text": "قال <script>alert(1)</script> المتحدث", "title": "t"}
    _is_error(c.post("/api/articles", json=article), 401, "unauthorized")
    _is_error(c.post("/api/articles", json=article, headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
    ok = c.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret-token"})
    assert ok.status_code == 201, ok.text
    stored = c.get("/api/articles/posted-1").json()
    assert stored["text"] == article["text"]  # stored as given; the page inserts it as text


def test_request_size_limit(store_path: Path) -> None:
    c = make_client(store_path, max_body_bytes=1000)
    _is_error(c.post("/api/code", json={"text": "ا" * 2000}), 413, "too_large")
    _is_error(c.post("/api/code", content=b"x" * 5000, headers={"content-type": "application/json"}),
              413, "too_large")


def test_code_text_length_limit(client: Any) -> None:
    _is_error(client.post("/api/code", json={"text": "ب" * 20_001}), 422, "invalid")
    _is_error(client.post("/api/code", json={"text": ""}), 422, "invalid")
    _is_error(client.post("/api/code", json={"text": "نص", "extra": 1}), 422, "invalid")


def test_rate_limit(store_path: Path) -> None:
    c = make_client(store_path, rate=0.5, burst=3)
    codes = [c.get("/api/meta").status_code for _ in range(5)]
    assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
    _is_error(c.get("/api/meta"), 429, "rate_limited")
    assert c.get("/api/meta").headers["retry-after"] == "2"
    assert c.get("/static/app.css").status_code == 200  # static files are not counted


def test_rate_limit_refills_with_time() -> None:
    now = [0.0]
    limiter = RateLimit(app=None, rate=2.0, burst=2, clock=lambda: now[0])  # type: ignore[arg-type]
    assert [limiter.allow("a") for _ in range(3)] == [True, True, False]
    assert limiter.allow("b")  # per client
    now[0] += 0.5
    assert limiter.allow("a") and not limiter.allow("a")


def test_read_only_server_cannot_write_even_through_sql(store_path: Path) -> None:
    import sqlalchemy

    from marsad.api.db import read_engine

    engine = read_engine(f"sqlite:///{store_path}", read_only=True)
    with pytest.raises(sqlalchemy.exc.OperationalError, match="readonly"), engine.begin() as conn:
        conn.execute(sqlalchemy.text("DELETE FROM events"))
    with engine.connect() as conn:
        assert conn.execute(sqlalchemy.text("SELECT count(*) FROM events")).scalar_one() == len(EVENTS)


def test_serve_command_checks_its_options(store_path: Path) -> None:
    import io

    from marsad.cli.main import main

    err = io.StringIO()
    assert main(["serve", "--db", str(store_path), "--port", "70000"], stdout=io.StringIO(), stderr=err) == 2
    assert "port 70000" in err.getvalue()


def test_answers_follow_writes(writable_copy: Path) -> None:
    c = make_client(writable_copy, token="tok")
    c.app.state.pipeline = Pipeline([HandCoded()])
    before = c.get("/api/meta").json()["stored_articles"]
    resp = c.post("/api/articles", json={"id": "posted-2", "text": "نص"}, headers={"Authorization": "Bearer tok"})
    assert resp.status_code == 201
    assert c.get("/api/meta").json()["stored_articles"] == before + 1
