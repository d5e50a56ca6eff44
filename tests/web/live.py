"""A live server (uvicorn in a thread) over a store, and a page that records its requests."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any


class LiveServer:
    def __init__(self, engine: Any) -> None:
        import uvicorn

        from marsad.api.app import Settings, create_app

        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.url = f"http://127.0.0.1:{self.port}"
        app = create_app(engine, Settings(token=None, rate=0))
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


class Page:
    """A page plus what it requested and logged."""

    def __init__(self, browser: Any, server: LiveServer) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ar")
        self.requests: list[str] = []
        self.foreign: list[str] = []
        self.console: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.server = server

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.server.url + "/") or url.startswith("data:"):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def open(self, path: str = "/") -> Any:
        self.page.goto(self.server.url + path)
        return self.page


