"""The local server's hardening: a chunked over-limit body is 413, a body that stalls is 408, a
Host that is not this server's is refused (DNS rebinding), X-Forwarded-For counts only from a
configured proxy, the token comes from the environment or a file, slow headers are cut off."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from handcoded import make_client

from marsad.api.app import Settings


def _is_error(resp: Any, status: int, code: str) -> None:
    assert resp.status_code == status, resp.text
    assert resp.json()["error"]["code"] == code


def test_a_chunked_body_over_the_limit_is_413(store_path: Path) -> None:
    c = make_client(store_path, max_body_bytes=1000)

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(20):
            yield "ا".encode() * 100
        yield b'"}'

    resp = c.post("/api/code", content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in resp.request.headers  # sent chunked, nothing declared
    _is_error(resp, 413, "too_large")


def test_hosts_outside_the_allow_list_are_refused(store_path: Path) -> None:
    c = make_client(store_path)  # the test client's server name, "testserver", is the bound host
    assert c.get("/api/meta").status_code == 200
    for host in ("localhost", "127.0.0.1:8000", "[::1]:8000"):
        assert c.get("/api/meta", headers={"host": host}).status_code == 200, host
    _is_error(c.get("/api/meta", headers={"host": "attacker.example"}), 421, "misdirected")
    _is_error(c.get("/", headers={"host": "rebind.attacker.example:8000"}), 421, "misdirected")
    c2 = make_client(store_path, allowed_hosts=("events.example.org",))
    assert c2.get("/api/meta", headers={"host": "events.example.org"}).status_code == 200
    _is_error(c2.get("/api/meta", headers={"host": "other.example.org"}), 421, "misdirected")
    c3 = make_client(store_path, allowed_hosts=("*",))
    assert c3.get("/api/meta", headers={"host": "anything.example"}).status_code == 200


def test_allowed_hosts_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_ALLOWED_HOSTS", "a.example, b.example:8080")
    assert Settings().allowed_hosts == ("a.example", "b.example:8080")


def test_forwarded_for_counts_only_from_a_trusted_proxy(store_path: Path) -> None:
    plain = make_client(store_path, rate=0.01, burst=1)
    assert plain.get("/api/meta", headers={"x-forwarded-for": "203.0.113.1"}).status_code == 200
    # a client cannot pose as another one: the header is ignored, the peer is rate limited
    _is_error(plain.get("/api/meta", headers={"x-forwarded-for": "203.0.113.2"}), 429, "rate_limited")
    proxied = make_client(store_path, rate=0.01, burst=1, trusted_proxies=("testclient",))
    assert proxied.get("/api/meta", headers={"x-forwarded-for": "203.0.113.1"}).status_code == 200
    assert proxied.get("/api/meta", headers={"x-forwarded-for": "203.0.113.2"}).status_code == 200
    # the address the trusted proxy saw is the last one; earlier ones are the client's own claims
    assert proxied.get("/api/meta", headers={"x-forwarded-for": "198.51.100.7, 203.0.113.3"}).status_code == 200
    _is_error(proxied.get("/api/meta", headers={"x-forwarded-for": "198.51.100.8, 203.0.113.3"}), 429,
              "rate_limited")


def test_the_token_from_the_environment_or_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MARSAD_API_TOKEN", raising=False)
    monkeypatch.delenv("MARSAD_API_TOKEN_FILE", raising=False)
    assert Settings().token is None
    monkeypatch.setenv("MARSAD_API_TOKEN", "from-env")
    assert Settings().token == "from-env"
    secret = tmp_path / "token"
    secret.write_text("from-file\n", encoding="utf-8")
    monkeypatch.delenv("MARSAD_API_TOKEN")
    monkeypatch.setenv("MARSAD_API_TOKEN_FILE", str(secret))
    assert Settings().token == "from-file"
    from marsad.api.app import read_token_file
    from marsad.core.errors import ConfigError

    empty = tmp_path / "empty"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="empty"):
        read_token_file(str(empty))
    with pytest.raises(ConfigError, match="cannot read"):
        read_token_file(str(tmp_path / "missing"))


def test_serve_takes_a_token_file(store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from marsad.cli.serve import add_arguments, make_app

    monkeypatch.delenv("MARSAD_API_TOKEN", raising=False)
    secret = tmp_path / "token"
    secret.write_text("s3cret\n", encoding="utf-8")
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    app = make_app(parser.parse_args(["--db", str(store_path), "--token-file", str(secret)]))
    assert app.state.settings.token == "s3cret"
    app = make_app(parser.parse_args(["--db", str(store_path), "--allow-host", "news.example"]))
    assert "news.example" in app.state.settings.allowed_hosts


class _Server:
    """The app under uvicorn as ``marsad serve`` configures it, in a thread, on a free port."""

    def __init__(self, app: Any, **limits: float) -> None:
        import uvicorn

        from marsad.api.server import server_config

        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.server = uvicorn.Server(server_config(app, "127.0.0.1", self.port, **limits))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> _Server:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline and self.thread.is_alive(), "server did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)

    def talk(self, data: bytes, then: bytes = b"") -> bytes:
        """Send ``data``, wait for the server to answer or hang up, return what it sent."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=20) as s:
            s.sendall(data)
            out = b""
            while True:
                try:
                    got = s.recv(65536)
                except ConnectionResetError:
                    break
                if not got:
                    break
                out += got
        return out


def test_slow_headers_and_a_stalled_body_are_cut_off(store_path: Path) -> None:
    c = make_client(store_path, body_timeout=0.3)
    with _Server(c.app, header_timeout=0.3) as srv:
        # headers never finished: the connection is closed, nothing is served
        assert srv.talk(b"GET /api/meta HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ") == b""
        # a body announced and never sent: 408
        answer = srv.talk(b"POST /api/code HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                          b"Content-Length: 100\r\n\r\n{\"text\": ")
        assert answer.startswith(b"HTTP/1.1 408") and b"timeout" in answer
        # a whole request in time is answered, and the deadline starts again for the next one
        ok = srv.talk(b"GET /api/meta HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert ok.startswith(b"HTTP/1.1 200") and ok.count(b"HTTP/1.1 ") == 1


def test_the_server_does_not_believe_proxy_headers_itself(store_path: Path) -> None:
    from marsad.api.server import server_config

    config = server_config(make_client(store_path).app, "127.0.0.1", 8000)
    assert config.proxy_headers is False  # uvicorn's default trusts X-Forwarded-For from 127.0.0.1
