"""``marsad demo --no-serve`` over the shipped ANT sample with the real pipeline, then the dashboard
over that store in Chromium. With MARSAD_UPDATE_SCREENSHOT=1 it saves the README's screenshot
(``docs/img/dashboard.png``); otherwise the picture goes to a temporary folder."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest
from live import LiveServer, Page
from playwright.sync_api import expect

from marsad.cli.main import main

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "img" / "dashboard.png"
UPDATE_SCREENSHOT = os.environ.get("MARSAD_UPDATE_SCREENSHOT") == "1"  # regenerate only on purpose


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    err = io.StringIO()
    code = main(["demo", "--no-serve", "--db", str(db), "--limit", "150"], stdout=io.StringIO(), stderr=err)
    assert code in (0, 1), err.getvalue()
    assert "150 articles" in err.getvalue()
    again = io.StringIO()  # building twice adds nothing
    main(["demo", "--no-serve", "--db", str(db), "--limit", "150"], stdout=io.StringIO(), stderr=again)
    assert "0 articles, 0 event mentions" in again.getvalue() and "150 already stored" in again.getvalue()
    return db


def test_dashboard_over_the_demo_store(browser: Any, demo_store: Path) -> None:
    from marsad.api.db import read_engine

    with LiveServer(read_engine(f"sqlite:///{demo_store}")) as server:
        p = Page(browser, server)
        pg = p.open("/")
        pg.wait_for_selector("body[data-ready='yes']", timeout=60_000)
        rows = pg.locator("#events-table tbody tr[data-event]")
        expect(rows.first).to_be_visible()
        pg.wait_for_timeout(1500)  # let the force layout settle for the picture
        shot = SCREENSHOT if UPDATE_SCREENSHOT else demo_store.parent / "dashboard.png"
        shot.parent.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000  # a picture of the drawn dashboard, not a blank page
        _network_is_capped(pg)
        trigger = rows.first.locator(".trigger").inner_text()
        rows.first.click()
        pg.wait_for_selector("#article:not([hidden]) mark.hl-trigger")
        assert pg.locator("#article-text mark.hl-trigger").first.inner_text() == trigger
        assert pg.locator("#article-events li.selected .evidence").inner_text()
        assert p.foreign == [], p.foreign
        assert not [c for c in p.console if c.startswith(("error", "pageerror"))], p.console
        p.context.close()


NODES = """() => echarts.getInstanceByDom(document.getElementById('network')).getOption().series[0].data
    .map((d) => ({ id: d.id, name: d.fullName, shown: !!(d.label && d.label.show) }))"""


def _network_is_capped(pg: Any) -> None:
    """A real network is larger than the dashboard draws: it shows the 30 busiest actors, names 10
    of them, says how many it left out, and names a code after the organisation, not a person."""
    graph = pg.evaluate("async () => (await fetch('/api/graph?limit=60')).json()")
    total = len(graph["nodes"])
    assert total > 30, total  # 60 edges of 150 articles reach more actors than the cap
    nodes = pg.evaluate(NODES)
    assert len(nodes) == 30
    assert 0 < sum(n["shown"] for n in nodes) <= 10
    note = pg.locator("#network-note")
    expect(note).to_be_visible()
    assert f"{total}" in note.inner_text() and f"{total - 30}" in note.inner_text()
    actors = pg.evaluate("async () => (await fetch('/api/actors?limit=1000')).json()")["items"]
    un = next(a for a in actors if a["code"] == "IGOUNO")  # the seed article's UN, among others
    assert (un["name_ar"], un["name_en"]) == ("الأمم المتحدة", "United Nations")
