"""ASGI middleware for the HTTP API: security headers, request-size and body-time limits, a Host
allow-list, the client address behind a trusted proxy, per-client rate limit.

Written as plain ASGI callables (not ``BaseHTTPMiddleware``) so that they cost little per request
and can refuse a request before its body is read. Refusals use the API's one error shape.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Everything from this server only: no CDN, no inline script, no framing, no plugins.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"geolocation=(), camera=(), microphone=()"),
]


def error_body(status: int, code: str, message: str, details: Any = None) -> dict[str, Any]:
    """The API's one error shape."""
    err: dict[str, Any] = {"status": status, "code": code, "message": message}
    if details is not None:
        err["details"] = details
    return {"error": err}


async def send_error(send: Send, status: int, code: str, message: str,
                     extra_headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps(error_body(status, code, message)).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers + (extra_headers or [])})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds the Content-Security-Policy and related headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, with_headers)


class _TooLarge(Exception):
    pass


class _TooSlow(Exception):
    pass


class BodyLimit:
    """Refuses request bodies over ``max_bytes`` (declared or streamed, chunked included) with 413,
    and bodies that stall for ``timeout`` seconds between two reads with 408."""

    def __init__(self, app: ASGIApp, max_bytes: int, timeout: float | None = None) -> None:
        self.app, self.max_bytes, self.timeout = app, max_bytes, timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await send_error(send, 413, "too_large", f"request body over {self.max_bytes} bytes; send less")
            return
        seen = 0
        started = refused = False

        async def refuse(status: int, code: str, message: str) -> None:
            nonlocal refused, started
            if not started:
                started = refused = True
                await send_error(send, status, code, message)

        async def counted() -> Message:
            nonlocal seen
            try:
                message = await asyncio.wait_for(receive(), self.timeout)
            except TimeoutError:
                await refuse(408, "timeout", f"the request body stalled for {self.timeout:g} s; send it at once")
                raise _TooSlow from None
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                # answered here: the app may turn any error while reading the body into a 400
                await refuse(413, "too_large", f"request body over {self.max_bytes} bytes; send less")
                raise _TooLarge
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the refusal already went out; what the app answers after it is dropped
            started = started or message["type"] == "http.response.start"
            await send(message)

        with contextlib.suppress(_TooLarge, _TooSlow):  # the refusal is sent
            await self.app(scope, counted, tracked)


def _host_only(host: str) -> str:
    """``example.org:8000`` -> ``example.org``; ``[::1]:8000`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


#: Names of this machine that a page on it may use: DNS rebinding cannot make a browser send them.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


class HostAllowList:
    """Refuses (421) a request whose ``Host`` header is not one this server answers to: a
    loopback name, the address the connection came in on (the ASGI ``server``), or one of
    ``allowed`` (``host`` or ``host:port``; ``*`` allows any). A web page whose DNS name an attacker points at 127.0.0.1 (DNS
    rebinding) sends its own name as Host and is refused."""

    def __init__(self, app: ASGIApp, allowed: tuple[str, ...] = ()) -> None:
        self.app = app
        self.any = "*" in allowed
        self.allowed = {a.strip().lower() for a in allowed if a.strip()} | set(LOCAL_HOSTS)

    def allows(self, host: str, server: str | None) -> bool:
        if self.any:
            return True
        full = host.strip().lower()
        name = _host_only(full)
        return full in self.allowed or name in self.allowed or (server is not None and name == server.lower())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1")
        server = (scope.get("server") or (None, None))[0]
        if not self.allows(host, server):
            await send_error(send, 421, "misdirected",
                             f"this server does not answer to host {host!r}; if that is its public name, start "
                             "it with --allow-host NAME (or MARSAD_ALLOWED_HOSTS)")
            return
        await self.app(scope, receive, send)


class ClientAddress:
    """The client's address behind a reverse proxy: ``X-Forwarded-For`` is believed only when the
    connection comes from one of ``trusted`` proxies, and then its last address that is not a
    trusted proxy is the client (earlier ones are whatever the client claimed)."""

    def __init__(self, app: ASGIApp, trusted: tuple[str, ...] = ()) -> None:
        self.app, self.trusted = app, {t.strip() for t in trusted if t.strip()}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        peer = scope.get("client")
        if scope["type"] == "http" and self.trusted and peer and peer[0] in self.trusted:
            raw = b",".join(v for k, v in scope.get("headers", []) if k == b"x-forwarded-for")
            hops = [h.strip() for h in raw.decode("latin-1").split(",") if h.strip()]
            for hop in reversed(hops):
                if hop not in self.trusted:
                    scope = dict(scope, client=(hop, 0))
                    break
        await self.app(scope, receive, send)


class RateLimit:
    """A token bucket per client address: ``rate`` requests a second, bursts up to ``burst``.

    Static files are not counted (a dashboard load fetches several). ``rate <= 0`` disables it.
    """

    def __init__(self, app: ASGIApp, rate: float, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.app, self.rate, self.burst, self.clock = app, rate, burst, clock
        self.buckets: dict[str, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def allow(self, client: str) -> bool:
        now = self.clock()
        with self.lock:
            tokens, last = self.buckets.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            ok = tokens >= 1.0
            self.buckets[client] = (tokens - 1.0 if ok else tokens, now)
            if len(self.buckets) > 10000:  # forget idle clients
                self.buckets = {k: v for k, v in self.buckets.items() if now - v[1] < 60}
        return ok

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.rate <= 0 or not scope.get("path", "").startswith("/api/"):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        if not self.allow(client):
            retry = str(max(1, round(1 / self.rate))).encode()
            await send_error(send, 429, "rate_limited", "too many requests; slow down and retry",
                             [(b"retry-after", retry)])
            return
        await self.app(scope, receive, send)
