"""The dashboard in headless Chromium over real ANT articles with hand-coded events."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ROWS = "#events-table tbody tr[data-event]"


def _ready(page: Any) -> None:
    page.wait_for_selector("body[data-ready='yes']", timeout=30_000)


def _only_local(p: Any) -> None:
    assert p.foreign == [], f"requests left 127.0.0.1: {p.foreign}"
    assert all(u.startswith(p.server.url + "/") or u.startswith("data:") for u in p.requests)
    assert not [c for c in p.console if c.startswith(("error", "pageerror"))], p.console


def test_dashboard_loads_with_every_view(page: Any) -> None:
    pg = page.open("/")
    _ready(pg)
    assert pg.locator(ROWS).count() == 8
    assert "8" in pg.locator("#stats").inner_text()
    for chart in ("#timeline", "#map", "#network"):
        assert pg.locator(f"{chart} canvas").count() >= 1
    assert pg.locator("html").get_attribute("dir") == "rtl"
    assert any("/api/timeline" in u for u in page.requests)  # aggregates come from the server
    _only_local(page)


def test_filter_by_actor_then_read_the_highlighted_article(page: Any) -> None:
    pg = page.open("/")
    _ready(pg)
    pg.fill("#f-actor", "IGOUNO")
    pg.click("#apply")
    expect(pg.locator(ROWS)).to_have_count(3)
    for row in pg.locator(ROWS).all():
        assert "IGOUNO" in row.inner_text()
    pg.click(f"{ROWS}[data-event='000_cf51298b20422178:hand0']")
    pg.wait_for_selector("#article:not([hidden]) mark.hl-trigger")
    text = pg.locator("#article-text")
    assert text.get_attribute("dir") == "rtl"
    assert [m.inner_text() for m in text.locator("mark.hl-trigger").all()] == ["عقد"]
    assert [m.inner_text() for m in text.locator("mark.hl-source").all()] == ["الأمم المتحدة"]
    assert [m.inner_text() for m in text.locator("mark.hl-target").all()] == ["منظمة التعاون الإسلامى"]
    assert [m.inner_text() for m in text.locator("mark.hl-place").all()] == ["اسطنبول"]
    selected = pg.locator("#article-events li.selected")
    assert "0.90" in selected.inner_text() and "CONSULT" in selected.inner_text()
    assert "عقد الاجتماع العام المشترك" in selected.locator(".evidence").inner_text()
    # the other event of the article: its own highlights
    pg.click("#article-events li[data-event='000_cf51298b20422178:hand1']")
    assert [m.inner_text() for m in text.locator("mark.hl-trigger").all()] == ["الدعم"]
    _only_local(page)


def test_hostile_article_text_is_shown_as_text(page: Any) -> None:
    pg = page.open("/")
    _ready(pg)
    pg.click(f"{ROWS}[data-article='hostile-1']")
    pg.wait_for_selector("#article:not([hidden]) mark.hl-trigger")
    shown = pg.locator("#article-text").inner_text()
    assert "<script>window.__pwned = 1</script>" in shown and '<img src=x onerror="window.__pwned = 2">' in shown
    assert "<script>" in pg.locator("#article-title").inner_text()
    assert pg.locator("#article-text img, #article-text script, #article-title b").count() == 0
    assert pg.evaluate("window.__pwned") is None
    _only_local(page)


def test_labels_switch_to_english(page: Any) -> None:
    pg = page.open("/")
    _ready(pg)
    pg.click("#lang-toggle")
    expect(pg.locator("html")).to_have_attribute("lang", "en")
    assert pg.locator("#h-events").inner_text() == "Events"
    assert pg.locator("html").get_attribute("dir") == "ltr"
    _only_local(page)


def test_api_docs_page_works_offline(page: Any) -> None:
    pg = page.open("/api/docs")
    pg.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
    assert pg.locator(".swagger-ui .opblock").count() == 9
    _only_local(page)
