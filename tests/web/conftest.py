"""Fixtures: a live server (uvicorn in a thread) over a store, and headless Chromium via Playwright.

The browser is Debian's ``chromium`` (``.ci/run`` installs it); Playwright only drives it.
Every request the page makes is recorded; requests to anything but the live server are aborted.
"""

from __future__ import annotations

import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
import handcoded  # noqa: E402

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking"]
pytestmark = pytest.mark.browser


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


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.skip("chromium is not installed (apt-get install chromium fonts-noto-core)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def hand_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    store = handcoded.build_store(tmp_path_factory.mktemp("web") / "hand.db")
    with LiveServer(store.engine) as server:
        yield server
    store.close()


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


@pytest.fixture()
def page(browser: Any, hand_server: LiveServer) -> Iterator[Page]:
    p = Page(browser, hand_server)
    yield p
    p.context.close()
