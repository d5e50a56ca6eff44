"""How ``marsad serve`` runs the app under uvicorn: a header read timeout, and no proxy headers
believed at the server level (the app decides, see ``Settings.trusted_proxies``).

uvicorn has a keep-alive timeout but none for a request's headers: a client that sends a header
line a byte at a time holds a connection for ever (slowloris). :class:`HeaderTimeoutH11` closes
a connection whose request headers are not complete ``header_timeout`` seconds after the
connection opened or after its previous response.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn import Config
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT = 10.0


class HeaderTimeoutH11(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request's headers."""

    header_timeout = HEADER_TIMEOUT

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_timer: asyncio.TimerHandle | None = None
        self._arm()

    def _arm(self) -> None:
        self._disarm()
        self._waiting_for = self.cycle  # headers are complete once a new cycle replaces this one
        self._header_timer = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def _disarm(self) -> None:
        timer = getattr(self, "_header_timer", None)
        if timer is not None:
            timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if self.cycle is self._waiting_for and not self.transport.is_closing():
            self.transport.close()  # no request was made in time: hang up without an answer

    def handle_events(self) -> None:
        super().handle_events()
        if self.cycle is not getattr(self, "_waiting_for", None):
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


def server_config(app: Any, host: str, port: int, header_timeout: float = HEADER_TIMEOUT) -> Config:
    """The uvicorn configuration of ``marsad serve``: h11 with a header deadline, a short
    keep-alive, no ``Server`` header, and ``X-Forwarded-For`` left to the app."""
    protocol = type("H11WithHeaderTimeout", (HeaderTimeoutH11,), {"header_timeout": header_timeout})
    return Config(app, host=host, port=port, log_level="warning", server_header=False, http=protocol,
                  proxy_headers=False, timeout_keep_alive=5)
