"""Summaries count what the filters select: every timeline period from the first to the last event
(zeros included), the totals of meta, and /api/export giving exactly what ``marsad export`` gives."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from handcoded import numbered, selected

from marsad.cli.main import main


def _get(client: Any, url: str, **params: Any) -> Any:
    resp = client.get(url, params=params)
    assert resp.status_code == 200, resp.text
    return resp


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@pytest.mark.parametrize("include", ["", "historical"])
def test_timeline_has_every_month_between_the_first_and_last_event(backend: tuple[str, Any], include: str) -> None:
    _, client = backend
    chosen = [a for a, _ in numbered() if selected(a, tuple(x for x in include.split(",") if x))]
    items = _get(client, "/api/timeline", interval="month", include=include).json()["items"]
    dates = sorted(a["date"] for a in chosen)
    periods = [r["period"] for r in items]
    assert sorted(set(periods)) == _months(dates[0][:7], dates[-1][:7])  # 2012-06 (historical) or 2014-05 on
    assert periods == sorted(periods)
    zeros = [r for r in items if r["events"] == 0]
    assert zeros and all(r["quad_class"] is None for r in zeros)
    assert {r["period"] for r in zeros}.isdisjoint({r["period"] for r in items if r["events"]})
    assert Counter({(r["period"], r["quad_class"]): r["events"] for r in items if r["events"]}) == Counter(
        (a["date"][:7], a["quad_class"]) for a in chosen)
    assert sum(r["events"] for r in items) == len(chosen)


def test_timeline_weeks_and_days_are_consecutive_and_the_same_on_both_databases(backend: tuple[str, Any],
                                                                               client: Any) -> None:
    _, other = backend
    for params in ({"interval": "week", "start": "2018-02-01"}, {"interval": "day", "dyad": "igo,igo"},
                   {"interval": "year", "include": "all"}):
        items = _get(other, "/api/timeline", **params).json()["items"]
        assert items == _get(client, "/api/timeline", **params).json()["items"]  # SQLite's answer
    weeks = [r["period"] for r in _get(other, "/api/timeline", interval="week", start="2018-02-01").json()["items"]]
    assert weeks[0] == "2018-W08" and weeks[-1] == "2018-W41"  # ISO weeks of 23 Feb and 12 Oct 2018
    monday = date.fromisocalendar(2018, 8, 1)
    want = [f"{(monday + timedelta(weeks=k)).isocalendar()[0]}-W{(monday + timedelta(weeks=k)).isocalendar()[1]:02d}"
            for k in range(len(set(weeks)))]
    assert sorted(set(weeks)) == want
    days = _get(other, "/api/timeline", interval="day", source="igouno", end="2014-12-31").json()["items"]
    assert days == [{"period": "2014-05-22", "quad_class": 1, "events": 1},
                    {"period": "2014-05-22", "quad_class": 2, "events": 1}]


def test_timeline_of_nothing_is_empty_and_a_selection_starts_at_its_first_event(client: Any) -> None:
    assert _get(client, "/api/timeline", q="كلمةلاتوجدفيأيمقال").json()["items"] == []
    resp = client.get("/api/timeline", params={"interval": "day", "include": "all", "start": "1900-01-01"})
    assert resp.status_code == 200  # the selection starts at its first event, not at the filter's start
    assert resp.json()["items"][0]["period"] == "2012-06-30"


def test_meta_counts_events_mentions_and_articles_of_the_selection(backend: tuple[str, Any]) -> None:
    _, client = backend
    for params in ({}, {"include": "all", "min_confidence": 0}, {"source": "sau", "include": "negated"},
                   {"outlet": "skynews"}, {"q": "كلمةلاتوجدفيأيمقال"}):
        meta = _get(client, "/api/meta", **params).json()
        include = ("negated", "hypothetical", "future", "historical", "incomplete") if "min_confidence" in params \
            else tuple(x for x in str(params.get("include", "")).split(",") if x)
        page = _get(client, "/api/events", limit=500, **params).json()
        assert meta["events"] == page["total"] == len(page["items"])
        assert meta["mentions"] == sum(ev["num_mentions"] for ev in page["items"])
        assert meta["articles"] == len({a for ev in page["items"] for a in ev["article_ids"]})
        dates = sorted(ev["date"] for ev in page["items"])
        assert (meta["first_date"], meta["last_date"]) == ((dates[0], dates[-1]) if dates else (None, None))
        if not params.get("q") and "source" not in params and "outlet" not in params:
            conf = 0.0 if "min_confidence" in params else None
            assert meta["events"] == sum(1 for a, _ in numbered() if selected(a, include, conf))


# -- export parity ---------------------------------------------------------------------------------

FILTERS = [{}, {"source": "sau", "include": "all"}, {"outlet": "skynews", "min_confidence": "0.7"},
           {"dyad": "igouno,igo", "include": "incomplete,historical", "min_confidence": "0"}]


def _cli_export(db: str, params: dict[str, str], fmt: str, tmp: Path, mentions: bool) -> bytes:
    argv = ["export", "--db", db, "--format", fmt, *(["--mentions"] if mentions else [])]
    for k, v in params.items():
        argv += [f"--{k.replace('_', '-')}", v]
    out, err = io.StringIO(), io.StringIO()
    if fmt == "parquet":
        path = tmp / "cli.parquet"
        assert main([*argv, "-o", str(path)], stdout=out, stderr=err) == 0, err.getvalue()
        return path.read_bytes()
    assert main(argv, stdout=out, stderr=err) == 0, err.getvalue()
    return out.getvalue().encode("utf-8")


def _parquet_rows(blob: bytes) -> list[dict[str, Any]]:
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    return list(pq.read_table(pa.BufferReader(blob)).to_pylist())


@pytest.mark.parametrize("table", ["events", "mentions"])
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_api_export_gives_what_marsad_export_gives(backend: tuple[str, Any], tmp_path: Path, fmt: str,
                                                   table: str) -> None:
    db, client = backend
    sizes = []
    for params in FILTERS:
        resp = _get(client, "/api/export", format=fmt, table=table, **params)
        cli = _cli_export(db, params, fmt, tmp_path, table == "mentions")
        if fmt == "parquet":
            assert resp.headers["content-type"] == "application/vnd.apache.parquet"
            rows = _parquet_rows(resp.content)
            assert rows == _parquet_rows(cli)
            n = len(rows)
        else:
            assert resp.content == cli
            n = len(resp.content.decode("utf-8").splitlines()) - (fmt == "csv")
        assert f'filename="marsad-{table}.' in resp.headers["content-disposition"]
        meta = _get(client, "/api/meta", **params).json()
        assert n == meta["events" if table == "events" else "mentions"]
        sizes.append(n)
    assert len(set(sizes)) > 1 and min(sizes) > 0  # the filters select different, non-empty sets


def test_export_refuses_plover_mentions(client: Any) -> None:
    resp = client.get("/api/export", params={"format": "plover", "table": "mentions"})
    assert resp.status_code == 422 and "PLOVER" in resp.json()["error"]["message"]
    plover = _get(client, "/api/export", format="plover").json()
    assert {r["id"] for r in plover} <= {ev["event_id"] for ev in _get(client, "/api/events", limit=500).json()["items"]}
