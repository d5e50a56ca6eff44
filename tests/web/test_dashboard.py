"""The dashboard in headless Chromium over real ANT articles with hand-coded events."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ROWS = "#events-table tbody tr[data-event]"
SHOWN = 9  # the hand-coded events the dashboard counts by default (complete, asserted, confident)


def _ready(page: Any) -> None:
    page.wait_for_selector("body[data-ready='yes']", timeout=30_000)


def _only_local(p: Any, refused: bool = False) -> None:
    """No request left the server, no script error; ``refused``: Chromium's own notes of the 422s a test asked for."""
    assert p.foreign == [], f"requests left 127.0.0.1: {p.foreign}"
    assert all(u.startswith(p.server.url + "/") or u.startswith("data:") for u in p.requests)
    errors = [c for c in p.console if c.startswith(("error", "pageerror"))]
    if refused:
        errors = [c for c in errors if "status of 422" not in c]
    assert not errors, p.console


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
    href = pg.locator("#export").get_attribute("href")
    assert href.startswith("/api/export?") and "source=sau" in href and "include=negated" in href
    assert "format=csv" in href
    expect(pg.locator("#stats")).to_contain_text("2")  # the views are drawn as their answers arrive
    pg.click(f"{ROWS}[data-event='SK-middleEast-3838-20181012:hand2']")
    expect(pg.locator("#article-events li.selected .flags")).to_contain_text("منفي")
    pg.click("#article-close")  # the article covers the filters' end
    pg.click("#reset-filters")
    expect(pg.locator(ROWS)).to_have_count(SHOWN)
    _only_local(page)


def _query(pg: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(pg.url).query)


def test_filters_are_kept_in_the_url_and_restored_from_it(page: Any) -> None:
    pg = page.open("/")
    _ready(pg)
    pg.fill("#f-source", "sau")
    pg.fill("#f-dyad", "SAUGOV,TURGOV")
    pg.fill("#f-conf", "0.5")
    pg.select_option("#f-quad", "1")
    pg.check("#f-include input[value=negated]")
    pg.click("#apply")
    expect(pg.locator(ROWS)).to_have_count(2)
    pg.click("#lang-toggle")
    expect(pg.locator("html")).to_have_attribute("lang", "en")
    _ready(pg)
    query = _query(pg)
    assert query == {"source": ["sau"], "dyad": ["SAUGOV,TURGOV"], "quad_class": ["1"], "min_confidence": ["0.5"],
                     "include": ["negated"], "lang": ["en"]}, query
    # the same URL in a fresh page restores every control, the language and the view
    url = pg.url
    fresh = page.context.new_page()
    fresh.goto(url)
    _ready(fresh)
    assert fresh.input_value("#f-source") == "sau" and fresh.input_value("#f-dyad") == "SAUGOV,TURGOV"
    assert fresh.input_value("#f-conf") == "0.5" and fresh.input_value("#f-quad") == "1"
    assert fresh.is_checked("#f-include input[value=negated]")
    assert not fresh.is_checked("#f-include input[value=future]")
    assert fresh.locator("html").get_attribute("lang") == "en"
    assert fresh.locator("#h-events").inner_text() == "Events"
    expect(fresh.locator(ROWS)).to_have_count(2)
    assert fresh.url == url  # loading it does not rewrite it
    fresh.close()
    # back to the previous view: the controls follow the history
    pg.go_back()
    expect(pg.locator(ROWS)).to_have_count(SHOWN)
    assert pg.input_value("#f-source") == ""
    _only_local(page)


TIMELINE_BAR = """([period, quad]) => {
    const c = echarts.getInstanceByDom(document.getElementById('timeline'));
    const periods = c.getOption().xAxis[0].data;
    const [x, y] = c.convertToPixel({ seriesIndex: quad - 1 }, [periods.indexOf(period), 0.5]);
    const box = document.getElementById('timeline').getBoundingClientRect();
    return [box.left + x, box.top + y];
}"""

NODE_AT = """(id) => {
    const c = echarts.getInstanceByDom(document.getElementById('network'));
    const data = c.getModel().getSeriesByIndex(0).getData();
    const i = data.mapArray((idx) => data.getId(idx)).indexOf(id);
    const [x, y] = data.getItemLayout(i);
    const [px, py] = c.convertToPixel({ seriesIndex: 0 }, [x, y]);
    const box = document.getElementById('network').getBoundingClientRect();
    return [box.left + px, box.top + py];
}"""


def test_drill_down_from_a_timeline_bar_and_a_network_node(page: Any) -> None:
    pg = page.open("/")
    _ready(pg)
    # the 2014-05 bar of verbal cooperation: the UN's meeting with the OIC (its aid event is material)
    x, y = pg.evaluate(TIMELINE_BAR, ["2014-05", 1])
    pg.mouse.click(x, y)
    expect(pg.locator(ROWS)).to_have_count(1)
    assert pg.locator(ROWS).first.get_attribute("data-event") == "000_cf51298b20422178:hand0"
    assert (pg.input_value("#f-start"), pg.input_value("#f-end"), pg.input_value("#f-quad")) == (
        "2014-05-01", "2014-05-31", "1")
    _ready(pg)
    assert _query(pg) == {"start": ["2014-05-01"], "end": ["2014-05-31"], "quad_class": ["1"]}
    pg.click("#reset-filters")
    expect(pg.locator(ROWS)).to_have_count(SHOWN)
    _ready(pg)
    pg.wait_for_function("() => echarts.getInstanceByDom(document.getElementById('network'))"
                         ".getOption().series[0].data.some((d) => d.id === 'SAUGOV')")
    pg.locator("#network").scroll_into_view_if_needed()  # the whole chart in the viewport: the mouse reaches any node
    at = None
    for _ in range(50):  # the force layout settles, then the node stays put
        pg.wait_for_timeout(100)
        now = pg.evaluate(NODE_AT, "SAUGOV")
        if now == at:
            break
        at = now
    pg.mouse.click(*at)
    expect(pg.locator("#f-actor")).to_have_value("SAUGOV")
    expect(pg.locator(ROWS)).to_have_count(2)  # SAUGOV -> TURGOV and TURGOV -> SAUGOV
    for row in pg.locator(ROWS).all():
        assert "SAUGOV" in row.inner_text()
    assert _query(pg)["actor"] == ["SAUGOV"]
    _only_local(page)


def test_period_ranges_of_every_interval(page: Any) -> None:
    pg = page.open("/")
    _ready(pg)
    got = pg.evaluate("() => ['2014', '2014-02', '2016-02', '2014-W21', '2015-W01', '2014-05-22'].map(periodRange)")
    assert got == [["2014-01-01", "2014-12-31"], ["2014-02-01", "2014-02-28"], ["2016-02-01", "2016-02-29"],
                   ["2014-05-19", "2014-05-25"], ["2014-12-29", "2015-01-04"], ["2014-05-22", "2014-05-22"]]


def test_export_button_downloads_the_filtered_events(page: Any) -> None:
    pg = page.open("/?source=sau&include=negated")
    _ready(pg)
    expect(pg.locator(ROWS)).to_have_count(2)
    shown = pg.evaluate("async () => (await (await fetch('/api/events?source=sau&include=negated')).json()).total")
    assert shown == 2
    with pg.expect_download() as info:
        pg.click("#export")
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text("utf-8-sig"))))
    assert len(rows) == shown
    assert {r["Actor1Code"] for r in rows} == {"SAUGOV"}
    pg.select_option("#export-format", "jsonl")
    with pg.expect_download() as info:
        pg.click("#export")
    lines = [json.loads(x) for x in Path(info.value.path()).read_text("utf-8").splitlines() if x.strip()]
    assert len(lines) == shown
    pg.select_option("#export-format", "parquet")
    href = pg.locator("#export").get_attribute("href")
    assert "format=parquet" in href and "source=sau" in href and "include=negated" in href
    _only_local(page)


def test_an_invalid_value_shows_the_api_error_once_until_cleared(page: Any) -> None:
    pg = page.open("/")
    _ready(pg)
    error = pg.locator("#error")
    assert error.is_hidden()
    pg.fill("#f-cameo", "abc")
    pg.click("#apply")
    expect(error).to_be_visible()
    pg.wait_for_selector("body[data-ready='error']")
    text = error.inner_text()
    assert "bad CAMEO code 'abc'" in text
    assert text.count("bad CAMEO code") == 1  # five requests failed; the message is shown once
    assert pg.locator("text=bad CAMEO code").count() == 1
    pg.click("#reset-filters")
    expect(error).to_be_hidden()
    _ready(pg)
    assert pg.input_value("#f-cameo") == ""
    # again, cleared this time by a valid query
    pg.fill("#f-cameo", "04x")
    pg.click("#apply")
    expect(error).to_be_visible()
    pg.fill("#f-cameo", "04")
    pg.click("#apply")
    expect(error).to_be_hidden()
    _ready(pg)
    expect(pg.locator(ROWS)).to_have_count(2)  # the consultations counted by default (040, 043)
    _only_local(page, refused=True)


def test_curated_labels_for_agent_codes_and_plover_types(page: Any) -> None:
    pg = page.open("/?include=incomplete")
    _ready(pg)
    nodes = {n["id"]: n["name"] for n in pg.evaluate(NETWORK_NODES)}
    # the bare agent MIL: its article's words are "الجيش الإسرائيلي", its label the agent's name
    assert nodes["MIL"] == "الجيش"
    assert nodes["SAUGOV"] == "المملكة العربية السعودية: الحكومة"  # not the article's "مصدر سعودي"
    assert "تشاور (CONSULT)" in pg.locator("#f-type option[value=CONSULT]").inner_text()
    row = pg.locator(f"{ROWS}[data-event='000_cf51298b20422178:hand0']")
    assert "تشاور (CONSULT)" in row.inner_text()
    pg.click("#lang-toggle")
    _ready(pg)
    pg.wait_for_function("() => echarts.getInstanceByDom(document.getElementById('network'))"
                         ".getOption().series[0].data.some((d) => d.fullName === 'Military')")
    nodes = {n["id"]: n["name"] for n in pg.evaluate(NETWORK_NODES)}
    assert nodes["MIL"] == "Military" and nodes["SAUGOV"] == "Saudi Arabia: government"
    expect(pg.locator(f"{ROWS}[data-event='000_cf51298b20422178:hand0']")).to_contain_text("Consult (CONSULT)")
    _only_local(page)


EDGE_AT = """([source, target, t]) => {
    const c = echarts.getInstanceByDom(document.getElementById('network'));
    const series = c.getModel().getSeriesByIndex(0);
    const edges = series.getEdgeData();
    let i = -1;
    edges.each((idx) => { const e = edges.getRawDataItem(idx); if (e.source === source && e.target === target) i = idx; });
    const [p1, p2, cp] = edges.getItemLayout(i);
    const u = 1 - t;  // the point at t along the (quadratic) edge
    const mid = cp ? [u * u * p1[0] + 2 * u * t * cp[0] + t * t * p2[0], u * u * p1[1] + 2 * u * t * cp[1] + t * t * p2[1]]
                   : [u * p1[0] + t * p2[0], u * p1[1] + t * p2[1]];
    const [px, py] = c.convertToPixel({ seriesIndex: 0 }, mid);
    const box = document.getElementById('network').getBoundingClientRect();
    return [box.left + px, box.top + py];
}"""

PLACE_AT = """(placeId) => {
    const c = echarts.getInstanceByDom(document.getElementById('map'));
    const point = c.getOption().series[0].data.find((d) => d.placeId === placeId);
    const [x, y] = c.convertToPixel({ seriesIndex: 0 }, point.value.slice(0, 2));
    const box = document.getElementById('map').getBoundingClientRect();
    return [box.left + x, box.top + y];
}"""


def _settled(pg: Any, script: str, arg: Any) -> list[float]:
    """Where ``script`` puts ``arg`` once the force layout has stopped moving it."""
    at = None
    for _ in range(50):
        pg.wait_for_timeout(100)
        now = pg.evaluate(script, arg)
        if now == at:
            break
        at = now
    assert at is not None
    return at


def test_drill_down_from_a_network_edge_and_a_map_place(page: Any) -> None:
    pg = page.open("/")
    _ready(pg)
    pg.wait_for_function("() => echarts.getInstanceByDom(document.getElementById('network'))"
                         ".getOption().series[0].links.some((l) => l.source === 'ISRMIL')")
    pg.locator("#network").scroll_into_view_if_needed()
    # the Israeli army's strike on Lebanese civilians: a one-event edge, drawn 1 or 2 pixels wide; the
    # force layout may lay another node or edge over its middle, so points along it are tried in turn
    for t in (0.5, 0.4, 0.6, 0.3, 0.7):
        pg.mouse.click(*_settled(pg, EDGE_AT, ["ISRMIL", "LBNCVL", t]))
        pg.wait_for_timeout(300)
        if pg.locator("#f-dyad").input_value() == "ISRMIL,LBNCVL":
            break
        pg.click("#reset-filters")
        _ready(pg)
    expect(pg.locator("#f-dyad")).to_have_value("ISRMIL,LBNCVL")
    expect(pg.locator(ROWS)).to_have_count(1)
    assert "ISRMIL" in pg.locator(ROWS).first.inner_text() and "LBNCVL" in pg.locator(ROWS).first.inner_text()
    _ready(pg)
    assert _query(pg) == {"dyad": ["ISRMIL,LBNCVL"]}
    pg.click("#reset-filters")
    expect(pg.locator(ROWS)).to_have_count(SHOWN)
    _ready(pg)
    # Damascus, where the UN envoy's statement on Syria was made
    places = pg.evaluate("async () => (await (await fetch('/api/places')).json()).items")
    damascus = [p for p in places if p["name"] == "دمشق"]
    assert len(damascus) == 1 and damascus[0]["events"] == 1
    place_id = damascus[0]["id"]
    pg.locator("#map").scroll_into_view_if_needed()
    pg.mouse.click(*pg.evaluate(PLACE_AT, place_id))
    expect(pg.locator("#f-place-id")).to_have_value(place_id)
    expect(pg.locator(ROWS)).to_have_count(1)
    row = pg.locator(ROWS).first.inner_text()
    assert "دمشق" in row and "IGOUNO" in row and "SYR" in row
    _ready(pg)
    assert _query(pg) == {"place_id": [place_id]}
    _only_local(page)


def test_next_and_previous_pages_ask_after_the_last_event(page: Any) -> None:
    pg = page.open("/?include=all&min_confidence=0")
    _ready(pg)
    pg.evaluate("() => { state.limit = 4; return refresh(false); }")  # pages of 4, to have several
    _ready(pg)
    by_offset = [pg.evaluate(f"async () => (await (await fetch('/api/events?include=all&min_confidence=0&limit=4"
                             f"&offset={o}')).json()).items.map((e) => e.id)") for o in (0, 4, 8)]
    shown = lambda: [r.get_attribute("data-event") for r in pg.locator(ROWS).all()]  # noqa: E731
    assert shown() == by_offset[0]
    for expected in by_offset[1:]:
        with pg.expect_request(lambda r: "/api/events?" in r.url and "after=" in r.url and "offset=" not in r.url):
            pg.click("#next")
        expect(pg.locator(f"{ROWS}[data-event='{expected[0]}']")).to_have_count(1)
        assert shown() == expected
    expect(pg.locator("#page-info")).to_contain_text("9")  # rows 9 to 12 of the whole count
    pg.click("#prev")
    expect(pg.locator(f"{ROWS}[data-event='{by_offset[1][0]}']")).to_have_count(1)
    assert shown() == by_offset[1]
    assert _query(pg)["offset"] == ["4"]
    _only_local(page)


TIMELINE_ZOOM = """() => {
    const o = echarts.getInstanceByDom(document.getElementById('timeline')).getOption();
    const periods = o.xAxis[0].data;
    const totals = periods.map((_, i) => o.series.reduce((acc, s) => acc + s.data[i], 0));
    return { periods, totals, start: o.dataZoom[0].startValue, end: o.dataZoom[0].endValue };
}"""


@pytest.mark.parametrize("query", ["", "?include=all&min_confidence=0", "?start=2014-01-01&end=2014-12-31"])
def test_timeline_opens_on_the_span_of_the_middle_of_the_events(page: Any, query: str) -> None:
    pg = page.open("/" + query)
    _ready(pg)
    z = pg.evaluate(TIMELINE_ZOOM)
    periods, totals = z["periods"], z["totals"]
    start = z["start"] if isinstance(z["start"], int) else periods.index(z["start"])
    end = z["end"] if isinstance(z["end"], int) else periods.index(z["end"])
    everything = sum(totals)
    assert everything and 0 <= start <= end < len(periods)
    assert sum(totals[start:end + 1]) >= 0.9 * everything  # the bulk of the events is in view...
    assert totals[start] and totals[end]  # ... from a period with events to a period with events
    # and no more than that: leaving out the first or the last period in view leaves out over 5%
    if start < end:
        assert sum(totals[:start + 1]) > everything // 20 and sum(totals[end:]) > everything // 20
    _only_local(page)
