"""Fixtures: a live server (uvicorn in a thread) over a store, and headless Chromium via Playwright.

The browser is Debian's ``chromium`` (``.ci/run`` installs it); Playwright only drives it.
Every request the page makes is recorded; requests to anything but the live server are aborted.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
import handcoded  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from live import LiveServer, Page  # noqa: E402

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking"]
pytestmark = pytest.mark.browser


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


@pytest.fixture()
def page(browser: Any, hand_server: LiveServer) -> Iterator[Page]:
    p = Page(browser, hand_server)
    yield p
    p.context.close()
