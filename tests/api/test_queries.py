"""The API's aggregates against the same numbers computed in Python from the hand-coded table."""

from __future__ import annotations

from collections import Counter, defaultdict
from statistics import mean
from typing import Any

import pytest
from handcoded import EVENTS, counted, numbered

COUNTED = counted()


def _get(client: Any, url: str, **params: Any) -> Any:
    resp = client.get(url, params=params)
    assert resp.status_code == 200, resp.text
    return resp.json()


def test_events_are_the_export_json_with_offsets_into_the_article(client: Any) -> None:
    page = _get(client, "/api/events", limit=100, include="all", min_confidence=0)
    assert page["total"] == len(EVENTS) == len(page["items"])
    for ev in page["items"]:
        art = _get(client, f"/api/articles/{ev['article_id']}")
        for key in ("trigger", "source", "target"):
            span = ev[key]
            assert art["text"][span["start"]:span["end"]] == span["text"]
        assert ev["article_ids"] == [ev["article_id"]]
        assert {"event_type", "mode", "cameo", "quad_class", "goldstein", "place", "evidence", "confidence",
                "coder", "negated", "date"} <= set(ev)
        assert ev["evidence"] in art["text"]
    dates = [ev["date"] for ev in page["items"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(("params", "expected"), [
    ({"actor": "IGOUNO"}, lambda a: "IGOUNO" in (a["source"][1], a["target"][1])),
    ({"actor": "hand:JORGOV"}, lambda a: a["target"][1] == "JORGOV"),
    ({"country": "TUR"}, lambda a: (a["place"] or [0, ""])[1] == "TUR" or "TUR" in (a["source"][1][:3], a["target"][1][:3])),
    ({"event_type": "ASSAULT"}, lambda a: a["event_type"] == "ASSAULT"),
    ({"cameo": "0"}, lambda a: a["cameo"].startswith("0")),
    ({"cameo": "04"}, lambda a: a["cameo"].startswith("04")),
    ({"quad_class": 4}, lambda a: a["quad_class"] == 4),
    ({"place": "دمشق"}, lambda a: (a["place"] or [""])[0] == "دمشق"),
    ({"start": "2018-04-01", "end": "2018-08-31"}, lambda a: "2018-04-01" <= a["date"] <= "2018-08-31"),
    ({"q": "خاشقجي"}, lambda a: a["article"] == "SK-middleEast-3838-20181012"),
    ({"q": "الاسلامي"}, lambda a: a["article"] == "000_cf51298b20422178"),  # normalised: ى/ي, إ/ا
    ({"quad_class": 1, "country": "EGY"}, lambda a: a["quad_class"] == 1 and "EGY" in (a["source"][1], a["target"][1])),
])
def test_filters(client: Any, params: dict[str, Any], expected: Any) -> None:
    want = sorted(eid for a, eid in numbered() if a in COUNTED and expected(a))
    page = _get(client, "/api/events", limit=100, **params)
    assert sorted(ev["id"] for ev in page["items"]) == want
    assert page["total"] == len(want) > 0


def test_paging_covers_every_event_once(client: Any) -> None:
    ids = []
    for offset in range(0, len(COUNTED) + 3, 3):
        ids += [ev["id"] for ev in _get(client, "/api/events", limit=3, offset=offset)["items"]]
    assert len(ids) == len(set(ids)) == len(COUNTED)


def test_graph_edges_count_events_and_average_goldstein(client: Any) -> None:
    edges: dict[tuple[str, str], list[float]] = defaultdict(list)
    for a in COUNTED:
        edges[(a["source"][1], a["target"][1])].append(a["goldstein"])
    got = _get(client, "/api/graph", limit=100)
    assert {(e["source"], e["target"]): (e["events"], e["goldstein"]) for e in got["edges"]} == {
        k: (len(v), round(mean(v), 2)) for k, v in edges.items()}
    assert got["edges"][0] == {"source": "IGOUNO", "target": "IGOOIC", "events": 2, "goldstein": 4.0}
    nodes = {n["id"]: n for n in got["nodes"]}
    assert nodes["IGOUNO"]["events"] == 3 and nodes["IGOUNO"]["name_en"] == "United Nations"


def test_timeline_counts_by_quad_class(client: Any) -> None:
    got = _get(client, "/api/timeline", interval="month")
    want = Counter((a["date"][:7], a["quad_class"]) for a in COUNTED)
    assert {(r["period"], r["quad_class"]): r["events"] for r in got["items"] if r["events"]} == want
    assert _get(client, "/api/timeline")["interval"] == "month"  # four years: months
    day = _get(client, "/api/timeline", interval="day", actor="IGOUNO")["items"]
    assert {(r["period"], r["quad_class"]): r["events"] for r in day if r["events"]} == {("2014-05-22", 1): 1, ("2014-05-22", 2): 1,
                                                                          ("2018-02-23", 1): 1}


def test_actors_and_places(client: Any) -> None:
    want: Counter[str] = Counter()
    for a in COUNTED:
        want.update([a["source"][1], a["target"][1]])
    got = {r["code"]: r["events"] for r in _get(client, "/api/actors", limit=100)["items"]}
    assert got == dict(want)
    places = Counter(a["place"][0] for a in COUNTED if a["place"])
    got_places = _get(client, "/api/places")["items"]
    assert {p["name"]: p["events"] for p in got_places} == dict(places)
    damascus = next(p for p in got_places if p["name"] == "دمشق")
    assert (damascus["lat"], damascus["lon"], damascus["country"]) == (33.51, 36.29, "SYR")


def test_meta(client: Any) -> None:
    meta = _get(client, "/api/meta")
    assert meta["events"] == meta["mentions"] == len(COUNTED) and meta["stored_articles"] == 7 + 20
    assert meta["articles"] == len({a["article"] for a in COUNTED})
    assert meta["event_types"] == sorted({a["event_type"] for a in EVENTS if a["event_type"]})
    assert (meta["first_date"], meta["last_date"]) == ("2014-05-22", "2018-10-12")
    assert meta["writable"] is False
