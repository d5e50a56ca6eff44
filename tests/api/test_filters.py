"""One EventFilter behind the HTTP API, the Python API and ``marsad export``, on SQLite and PostgreSQL.

Expected answers are computed in Python from the hand-coded table (handcoded.json), not from SQL.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from handcoded import EVENTS, MODALITY, counted, floor, numbered, selected

from marsad.cli.main import main
from marsad.store import open_store

Ann = dict[str, Any]

CASES: list[tuple[dict[str, str], Callable[[Ann], bool]]] = [
    ({"source": "sau"}, lambda a: a["source"][1].startswith("SAU")),
    ({"source": "SaUgOv"}, lambda a: a["source"][1] == "SAUGOV"),
    ({"source": "hand:SAUGOV"}, lambda a: a["source"][1] == "SAUGOV"),  # an actor id
    ({"target": "sau"}, lambda a: a["target"][1].startswith("SAU")),
    ({"target": "igo"}, lambda a: a["target"][1].startswith("IGO")),
    ({"actor": "tur"}, lambda a: a["source"][1].startswith("TUR") or a["target"][1].startswith("TUR")),
    ({"actor": "IGOUNO"}, lambda a: "IGOUNO" in (a["source"][1], a["target"][1])),
    ({"dyad": "sau,tur"}, lambda a: a["source"][1].startswith("SAU") and a["target"][1].startswith("TUR")),
    ({"dyad": "TUR, SAU"}, lambda a: a["source"][1].startswith("TUR") and a["target"][1].startswith("SAU")),
    ({"outlet": "youm7"}, lambda a: a["article"] == "000_cf51298b20422178"),
    ({"outlet": "skynews"}, lambda a: a["article"].startswith("SK-")),
    ({"min_confidence": "0.8"}, lambda a: a["confidence"] >= 0.8),
    ({"place_id": "name:TUR:اسطنبول"}, lambda a: (a["place"] or [""])[0] == "اسطنبول"),
    ({"place": "دمشق"}, lambda a: (a["place"] or [""])[0] == "دمشق"),
    ({"country": "syr"}, lambda a: (a["place"] or ["", ""])[1] == "SYR"
     or "SYR" in (a["source"][1][:3], a["target"][1][:3])),
    ({"event_type": "consult"}, lambda a: a["event_type"] == "CONSULT"),
    ({"cameo": "05"}, lambda a: a["cameo"].startswith("05")),
    ({"quad_class": "4"}, lambda a: a["quad_class"] == 4),
    ({"start": "2018-06-01", "end": "2018-10-12"}, lambda a: "2018-06-01" <= a["date"] <= "2018-10-12"),
    ({"q": "خاشقجي"}, lambda a: a["article"] == "SK-middleEast-3838-20181012"),
    ({"include": "all"}, lambda a: True),
    ({"source": "sau", "include": "negated"}, lambda a: a["source"][1].startswith("SAU")),
]


def _want(params: dict[str, str], expected: Callable[[Ann], bool]) -> list[str]:
    include = ("negated", "hypothetical", "future", "historical", "incomplete") if params.get("include") == "all" \
        else tuple(x for x in params.get("include", "").split(",") if x)
    conf = float(params["min_confidence"]) if "min_confidence" in params else None
    return sorted(eid for a, eid in numbered() if selected(a, include, conf) and expected(a))


def _api_ids(client: Any, params: dict[str, Any]) -> list[str]:
    resp = client.get("/api/events", params={"limit": 500, **params})
    assert resp.status_code == 200, resp.text
    page = resp.json()
    assert page["total"] == len(page["items"])
    return sorted(ev["id"] for ev in page["items"])


def _export_ids(db: str, params: dict[str, str], *extra: str) -> list[str]:
    argv = ["export", "--db", db, "--format", "jsonl", *extra]
    for k, v in params.items():
        argv += [f"--{ {'start': 'since', 'end': 'until'}.get(k, k).replace('_', '-')}", v]
    if "q" in params:  # marsad export has no text search
        return []
    out, err = io.StringIO(), io.StringIO()
    assert main(argv, stdout=out, stderr=err) == 0, err.getvalue()
    return sorted(json.loads(line)["id"] for line in out.getvalue().splitlines())


@pytest.mark.parametrize(("params", "expected"), CASES, ids=[
    "&".join(f"{k}={v}" for k, v in p.items()) for p, _ in CASES])
def test_each_filter_selects_what_the_hand_coding_says(backend: tuple[str, Any], params: dict[str, str],
                                                       expected: Callable[[Ann], bool]) -> None:
    db, client = backend
    want = _want(params, expected)
    assert want, "a case must select something"
    assert _api_ids(client, params) == want
    with open_store(db) as store:  # the Python API (its default floor is 0: give the faces' floor)
        got = store.events(**{"min_confidence": floor(), **params})
        assert sorted(e.mention_id for e in got) == want
        df = store.events_df(**{"min_confidence": str(floor()), **params})
        assert sorted(df["mention_id"]) == want
    if "q" not in params:
        assert _export_ids(db, params) == want


def test_source_sau_returns_only_events_whose_source_code_starts_with_sau(backend: tuple[str, Any]) -> None:
    _, client = backend
    everything = client.get("/api/events", params={"limit": 500, "include": "all", "min_confidence": 0}).json()
    sau = sorted(ev["id"] for ev in everything["items"] if ev["source"]["code"].startswith("SAU"))
    assert any(ev["target"]["code"].startswith("SAU") for ev in everything["items"])  # a SAU target is not enough
    assert _api_ids(client, {"source": "sau", "include": "all", "min_confidence": 0}) == sau
    default = client.get("/api/events", params={"source": "sau"}).json()["items"]
    assert default and all(ev["source"]["code"].startswith("SAU") for ev in default)
    assert len(default) < len(sau)  # the negated one is left out by default


def test_defaults_leave_out_flagged_incomplete_and_unconfident_events(backend: tuple[str, Any]) -> None:
    _, client = backend
    default = set(_api_ids(client, {}))
    assert default == {eid for a, eid in numbered() if a in counted()}
    flagged = {eid: a for a, eid in numbered() if eid not in default}
    assert sorted(set().union(*(a.get("flags", []) for a in flagged.values()))) == sorted(
        [*MODALITY, "incomplete", "low confidence"])
    for which in (*MODALITY, "incomplete"):
        back = set(_api_ids(client, {"include": which})) - default
        assert back == {eid for eid, a in flagged.items() if which in a.get("flags", [])}, which
        assert back  # each flag brings its event back
    both = set(_api_ids(client, {"include": "negated,future"})) - default
    assert both == {eid for eid, a in flagged.items() if {"negated", "future"} & set(a.get("flags", []))}
    low = set(_api_ids(client, {"min_confidence": 0})) - default
    assert low == {eid for eid, a in flagged.items() if "low confidence" in a.get("flags", [])}
    assert len(_api_ids(client, {"include": "all", "min_confidence": 0})) == len(EVENTS)


def test_stored_flags_match_the_coders(backend: tuple[str, Any]) -> None:
    db, _ = backend
    with open_store(db) as store:
        df = store.events_df(include="all", min_confidence=0)
    by_id = dict(zip(df["mention_id"], zip(df["complete"], df["asserted"], strict=True), strict=True))
    for a, eid in numbered():
        asserted = not set(a.get("flags", [])) & set(MODALITY)
        assert by_id[eid] == ("incomplete" not in a.get("flags", []), asserted), eid


@pytest.mark.parametrize(("params", "message"), [
    ({"include": "negatd"}, "include: unknown value 'negatd'"),
    ({"dyad": "SAU"}, "dyad: bad dyad 'SAU'"),
    ({"dyad": "SAU,TUR,YEM"}, "dyad: bad dyad"),
    ({"place_id": "paris"}, "place_id: bad place id 'paris'"),
    ({"min_confidence": "high"}, "min_confidence"),
    ({"min_confidence": "1.5"}, "min_confidence"),
    ({"start": "22/05/2014"}, "start"),
    ({"start": "2018-10-01", "end": "2018-01-01"}, "start: 2018-10-01 is after end 2018-01-01"),
    ({"country": "Syria"}, "country: bad country 'Syria'"),
    ({"cameo": "04x"}, "cameo: bad CAMEO code"),
    ({"event_type": "PROTESTS"}, "event_type: unknown PLOVER type 'PROTESTS'"),
    ({"sorce": "SAU"}, "unknown parameter 'sorce'"),
    ({"quad_class": "5"}, "quad_class"),
])
def test_unknown_or_malformed_values_get_the_one_error_shape(client: Any, params: dict[str, str],
                                                             message: str) -> None:
    for path in ("/api/events", "/api/timeline", "/api/meta", "/api/export"):
        resp = client.get(path, params=params)
        assert resp.status_code == 422, (path, resp.text)
        body = resp.json()
        assert set(body) == {"error"} and body["error"]["status"] == 422 and body["error"]["code"] == "invalid"
        assert message in body["error"]["message"], body["error"]["message"]


def test_export_refuses_malformed_filters_as_a_usage_error(store_path: Any) -> None:
    err = io.StringIO()
    assert main(["export", "--db", str(store_path), "--include", "negatd"], stdout=io.StringIO(), stderr=err) == 2
    assert "include: unknown value 'negatd'" in err.getvalue()
