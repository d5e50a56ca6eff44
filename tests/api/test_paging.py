"""Keyset paging of ``/api/events`` (``after``: the previous page's ``next``) gives the same pages as
``offset``, undated events included, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest


def _pages(client: Any, size: int, params: dict[str, Any], cursor: bool) -> list[list[str]]:
    pages: list[list[str]] = []
    after: str | None = None
    while True:
        query: dict[str, Any] = {"limit": size, **params}
        if cursor and after:
            query["after"] = after
        elif not cursor:
            query["offset"] = size * len(pages)
        body = client.get("/api/events", params=query).json()
        ids = [e["event_id"] for e in body["items"]]
        if not ids:
            assert body["next"] is None
            return pages
        pages.append(ids)
        after = body["next"]
        if cursor and after is None:
            return pages
        assert len(pages) < 100


@pytest.mark.parametrize("params", [{}, {"include": "all", "min_confidence": 0}, {"actor": "sau", "include": "all"},
                                    {"actor": "sau"}, {"country": "TUR", "min_confidence": 0}])
@pytest.mark.parametrize("size", [1, 2, 4])
def test_cursor_pages_are_the_offset_pages(backend: tuple[str, Any], params: dict[str, Any], size: int) -> None:
    _, client = backend
    by_offset = _pages(client, size, params, cursor=False)
    by_cursor = _pages(client, size, params, cursor=True)
    assert by_cursor == by_offset
    flat = [i for p in by_cursor for i in p]
    everything = client.get("/api/events", params={"limit": 500, **params}).json()
    assert flat == [e["event_id"] for e in everything["items"]]
    assert len(flat) == len(set(flat)) == everything["total"]


def test_paging_covers_undated_events(backend: tuple[str, Any]) -> None:
    """Undated events come last on SQLite and first on PostgreSQL (each one's NULL order in a
    descending sort); the cursor crosses from one stretch to the other either way."""
    from sqlalchemy import create_engine, update

    from marsad.api.queries import list_events
    from marsad.store import schema
    from marsad.store.core import to_url
    from marsad.store.query import EventFilter

    url, _ = backend
    engine = create_engine(url if "://" in url else to_url(url))
    f = EventFilter.parse(include="all", min_confidence=0)
    with engine.connect() as conn, conn.begin() as tx:  # rolled back: the shared store is left as it was
        dated = [e["event_id"] for e in list_events(conn, f, 500)[1]]
        undated = dated[1:8:2]
        conn.execute(update(schema.events).where(schema.events.c.id.in_(undated)).values(date=None))
        whole = [e["event_id"] for e in list_events(conn, f, 500)[1]]
        assert sorted(whole) == sorted(dated) and set(whole[-4:] if conn.dialect.name == "sqlite"
                                                       else whole[:4]) == set(undated)
        for size in (1, 3, 5):
            pages, after = [], None
            while True:
                total, items = list_events(conn, f, size, after=after)
                if not items:
                    break
                pages += [e["event_id"] for e in items]
                after = items[-1]["event_id"]
            assert pages == whole and total == len(whole)
        tx.rollback()
    engine.dispose()


def test_an_unknown_cursor_or_both_ways_at_once_are_refused(client: Any) -> None:
    body = client.get("/api/events", params={"after": "no-such-event"})
    assert body.status_code == 422 and "after: no event with id 'no-such-event'" in body.json()["error"]["message"]
    first = client.get("/api/events", params={"limit": 1}).json()
    body = client.get("/api/events", params={"after": first["next"], "offset": 3})
    assert body.status_code == 422 and "either offset or after" in body.json()["error"]["message"]
