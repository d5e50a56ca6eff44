"""The dashboard in headless Chromium over real ANT articles with hand-coded events."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ROWS = "#events-table tbody tr[data-event]"
SHOWN = 9  # the hand-coded events the dashboard counts by default (complete, asserted, confident)


def _ready(page: Any) -> None:
    page.wait_for_selector("body[data-ready='yes']", timeout=30_000)


def _only_local(p: Any) -> None:
    assert p.foreign == [], f"requests left 127.0.0.1: {p.foreign}"
    assert all(u.startswith(p.server.url + "/") or u.startswith("data:") for u in p.requests)
    assert not [c for c in p.console if c.startswith(("error", "pageerror"))], p.console


def test_dashboard_loads_with_every_view(page: Any) -> None:
    pg = page.open("/")
    _ready(pg)
    assert pg.locator(ROWS).count() == SHOWN
    assert str(SHOWN) in pg.locator("#stats").inner_text()
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
    assert pg.locator(".swagger-ui .opblock").count() == 10
    _only_local(page)


NETWORK_NODES = """() => echarts.getInstanceByDom(document.getElementById('network')).getOption().series[0].data
    .map((d) => ({ id: d.id, name: d.fullName, events: d.events, shown: !!(d.label && d.label.show) }))"""


def test_network_names_the_busiest_actors_in_the_page_language(page: Any) -> None:
    pg = page.open("/")
    _ready(pg)
    nodes = pg.evaluate(NETWORK_NODES)
    assert len(nodes) == 13  # every actor of the events shown that has a partner
    shown = [n for n in nodes if n["shown"]]
    assert len(shown) == 10  # only the busiest carry a permanent label; the rest show on hover
    assert min(n["events"] for n in shown) >= max(n["events"] for n in nodes if not n["shown"])
    by_id = {n["id"]: n["name"] for n in nodes}
    assert "الأمم المتحدة" in by_id["IGOUNO"] and by_id["EGY"] == "مصر"
    assert pg.locator("#network-note").is_hidden()  # nothing is left out of so small a network
    pg.click("#lang-toggle")
    expect(pg.locator("html")).to_have_attribute("lang", "en")
    _ready(pg)
    pg.wait_for_function("() => echarts.getInstanceByDom(document.getElementById('network'))"
                         ".getOption().series[0].data.some((d) => d.fullName === 'United Nations')")
    by_id = {n["id"]: n["name"] for n in pg.evaluate(NETWORK_NODES)}
    assert by_id["IGOUNO"] == "United Nations" and by_id["EGY"] == "Egypt"
    _only_local(page)


def test_views_say_when_nothing_matches(page: Any) -> None:
    pg = page.open("/")
    _ready(pg)
    for view in ("timeline", "map", "network"):
        assert pg.locator(f"#{view}-empty").is_hidden()
    pg.fill("#f-q", "كلمةلاتوجدفيأيمقال")
    pg.click("#apply")
    expect(pg.locator("#network-empty")).to_be_visible()
    for view in ("timeline", "map"):
        expect(pg.locator(f"#{view}-empty")).to_be_visible()
    # the four views are drawn as their answers arrive, in any order: wait on each
    expect(pg.locator("#events-table tbody")).to_have_text("لا أحداث تطابق المرشحات")
    expect(pg.locator("#page-info")).to_have_text("0 أحداث")
    pg.click("#reset-filters")  # (the button was id="reset", which hid form.reset())
    expect(pg.locator(ROWS)).to_have_count(SHOWN)
    for view in ("timeline", "map", "network"):
        expect(pg.locator(f"#{view}-empty")).to_be_hidden()
    _only_local(page)


def test_article_view_names_the_selected_event_and_rtl_arrow(page: Any) -> None:
    pg = page.open("/")
    _ready(pg)
    pg.click(f"{ROWS}[data-event='000_cf51298b20422178:hand0']")
    summary = pg.locator("#article-selected")
    expect(summary).to_be_visible()
    # source, then a left-pointing arrow (Arabic reads right to left), then target
    assert summary.inner_text().endswith("الأمم المتحدة (IGOUNO) ← منظمة التعاون الإسلامى (IGOOIC)")
    assert "«عقد»" in summary.inner_text() and "CONSULT" in summary.inner_text()
    date = pg.locator(f"{ROWS} td.date").first
    assert date.evaluate("(td) => getComputedStyle(td).whiteSpace") == "nowrap"
    # the quad-class bar starts the row: on the right in Arabic (the date cell must not be ltr)
    assert date.evaluate("(td) => getComputedStyle(td).borderRightWidth") == "4px"
    assert date.evaluate("(td) => getComputedStyle(td).borderLeftWidth") == "0px"
    # tooltip strings are HTML in ECharts: names from articles are escaped before they get there
    assert pg.evaluate("esc('<img src=x onerror=alert(1)>')") == "&#60;img src=x onerror=alert(1)&#62;"
    _only_local(page)


def test_include_boxes_source_filter_and_export_links(page: Any) -> None:
    pg = page.open("/")
    _ready(pg)
    pg.fill("#f-source", "sau")
    pg.click("#apply")
    expect(pg.locator(ROWS)).to_have_count(1)
    assert "SAUGOV" in pg.locator(ROWS).first.inner_text()
    pg.check("#f-include input[value=negated]")
    pg.click("#apply")
    expect(pg.locator(ROWS)).to_have_count(2)  # the negated statement comes back
    href = pg.locator("#export-csv").get_attribute("href")
    assert href.startswith("/api/export?") and "source=sau" in href and "include=negated" in href
    assert "format=csv" in href
    assert "2" in pg.locator("#stats").inner_text()
    pg.click(f"{ROWS}[data-event='SK-middleEast-3838-20181012:hand2']")
    expect(pg.locator("#article-events li.selected .flags")).to_contain_text("منفي")
    pg.click("#reset-filters")
    expect(pg.locator(ROWS)).to_have_count(SHOWN)
    _only_local(page)
