"""Exports: CSV (GDELT/Phoenix-like columns), JSON Lines (as ``marsad code`` prints, plus the
ids of the articles that reported each event), PLOVER/POLECAT-style JSON and Parquet.

Every format holds each merged event once (:mod:`.duplicates`), or, with ``table="mentions"``,
each event mention of the selected events once. Rows stream page by page in id order, so an
export of millions of events runs in flat memory (Parquet is written in row groups). The same
functions serve ``marsad export`` and the HTTP API's ``/api/export``: the same filter gives the
same rows.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, TextIO

from marsad.core.errors import ConfigError, require
from marsad.core.version import __version__
from marsad.store import schema
from marsad.store.columns import (
    COLUMNS,
    MENTION_COLUMNS,
    columns,
    fips,
    flat_row,
    geo_type,
    mention_row,
    pandas_dtypes,
)
from marsad.store.queries import StoredEvent, stored_events
from marsad.store.query import EventFilter

__all__ = ["COLUMNS", "FORMATS", "MENTION_COLUMNS", "TABLES", "columns", "export", "fips", "flat_row", "geo_type",
           "iter_events", "iter_text", "mention_row", "pandas_dtypes", "write_parquet", "write_text"]

FORMATS = ("csv", "jsonl", "plover", "parquet")
TABLES = ("events", "mentions")
PAGE = 1000

def _engine(store: Any) -> Any:
    return getattr(store, "engine", store)


def _check(table: str, fmt: str | None = None) -> None:
    if table not in TABLES:
        raise ConfigError(f"unknown table {table!r}; choose one of: {', '.join(TABLES)}.")
    if fmt is not None and fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}.")
    if table == "mentions" and fmt == "plover":
        raise ConfigError("PLOVER records are events: export mentions as csv, jsonl or parquet.")


def _id_pages(store: Any, f: EventFilter, table: str) -> Iterator[list[dict[str, Any]]]:
    """Rows of the selected events (or of their mentions), page by page in id order."""
    from sqlalchemy import select

    engine = _engine(store)
    e, m = schema.events, schema.event_mentions
    last = ""
    while True:
        with engine.connect() as conn:
            dialect = conn.dialect.name
            if table == "events":
                stmt = f.where(select(e), dialect).where(e.c.id > last).order_by(e.c.id).limit(PAGE)
            else:
                chosen = f.where(select(e.c.id), dialect)
                stmt = (select(m).where(m.c.event_id.in_(chosen), m.c.id > last).order_by(m.c.id).limit(PAGE))
            rows = [dict(r) for r in conn.execute(stmt).mappings()]
        if not rows:
            return
        yield rows
        last = rows[-1]["id"]


def iter_events(store: Any, f: EventFilter | None = None) -> Iterator[StoredEvent]:
    """Every merged event ``f`` selects (no filter: every complete, asserted event), in id order."""
    f = f or EventFilter()
    for rows in _id_pages(store, f, "events"):
        with _engine(store).connect() as conn:
            yield from stored_events(conn, rows)


def _urls(store: Any, ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """Article id -> (url, outlet)."""
    from sqlalchemy import select

    a = schema.articles
    with _engine(store).connect() as conn:
        rows = conn.execute(select(a.c.id, a.c.url, a.c.source).where(a.c.id.in_(sorted(set(ids))))).all()
    return {r[0]: (r[1], r[2]) for r in rows}


def mention_dict(r: dict[str, Any]) -> dict[str, Any]:
    """A mentions jsonl line: the mention as ``marsad code`` printed it, with its merged event's id."""
    return {**json.loads(r["data"]), "event_id": r["event_id"], "outlet": r["source"]}


def _actor_list(d: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not d:
        return []
    return [{"actorText": d.get("text"), "code": d.get("code"), "actorId": d.get("actor_id"),
             "name": d.get("name_en"), "role": d.get("role")}]


def plover_record(ev: StoredEvent, outlet: str | None = None) -> dict[str, Any] | None:
    """A PLOVER/POLECAT-style record; None for CAMEO 01/02, which PLOVER has no type for."""
    d = ev.data
    if not d.get("event_type"):
        return None
    return {
        "id": ev.id, "date": d.get("date"), "datePrecision": d.get("date_precision"),
        "event": d.get("event_type"), "mode": d.get("mode"), "context": [],
        "source": _actor_list(d.get("source")), "target": _actor_list(d.get("target")),
        "eventText": (d.get("trigger") or {}).get("text"), "text": d.get("evidence"),
        "location": d.get("place"), "cameo": d.get("cameo"), "quadClass": d.get("quad_class"),
        "goldstein": d.get("goldstein"),
        "modality": {k: bool(d.get(k)) for k in ("negated", "hypothetical", "future", "historical",
                                                  "attributed")},
        "confidence": d.get("confidence"), "language": "ar", "publication": outlet,
        "storyIds": list(ev.article_ids), "numMentions": ev.num_mentions,
        "coder": "marsad", "version": __version__, "coderInfo": d.get("coder"),
    }


def _pages(store: Any, f: EventFilter, table: str) -> Iterator[tuple[list[Any], dict[str, Any]]]:
    """Events (or mention rows) in pages, with the URL and outlet of each one's article."""
    if table == "mentions":
        for rows in _id_pages(store, f, table):
            yield rows, _urls(store, [r["article_id"] for r in rows])
        return
    page: list[StoredEvent] = []
    for ev in iter_events(store, f):
        page.append(ev)
        if len(page) >= PAGE:
            yield page, _urls(store, [e.row["article_id"] for e in page])
            page = []
    if page:
        yield page, _urls(store, [e.row["article_id"] for e in page])


def _flat(item: Any, table: str, urls: dict[str, Any]) -> dict[str, Any]:
    if table == "mentions":
        return mention_row(item, urls.get(item["article_id"], (None, None))[0])
    return flat_row(item, urls.get(item.row["article_id"], (None, None))[0])


class _Lines:
    """A write-only text buffer whose content is taken out page by page."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, s: str) -> int:
        self.parts.append(s)
        return len(s)

    def take(self) -> str:
        out, self.parts = "".join(self.parts), []
        return out


def _cell(value: Any) -> str:
    """A CSV field: text always quoted (so a spreadsheet that honours quotes keeps "040" as text),
    numbers and True/False bare, a missing value empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return '"' + value.replace('"', '""') + '"'
    return str(value)


def csv_line(values: list[Any]) -> str:
    """One CSV record (RFC 4180, CRLF-terminated as Python's csv module writes them)."""
    return ",".join(_cell(v) for v in values) + "\r\n"


def iter_text(store: Any, fmt: str, f: EventFilter | None = None, table: str = "events",
              counter: list[int] | None = None, on_page: Callable[[int], None] | None = None) -> Iterator[str]:
    """csv, jsonl or plover text, one chunk per page; ``counter[0]`` counts the records written;
    ``on_page(n)`` is called after each page with the number of events or mentions it held."""
    _check(table, fmt)
    if fmt == "parquet":
        raise ConfigError("Parquet is binary: use write_parquet.")
    f = f or EventFilter()
    n = 0
    buf = _Lines()
    names = [c for c, _ in columns(table)]
    if fmt == "csv":
        yield ",".join(names) + "\r\n"
    if fmt == "plover":
        yield "["
    for page, urls in _pages(store, f, table):
        for item in page:
            if fmt == "csv":
                row = _flat(item, table, urls)
                buf.write(csv_line([row[c] for c in names]))
            elif fmt == "jsonl":
                d = mention_dict(item) if table == "mentions" else item.to_dict()
                buf.write(json.dumps(d, ensure_ascii=False) + "\n")
            else:
                rec = plover_record(item, urls.get(item.row["article_id"], (None, None))[1])
                if rec is None:
                    continue
                buf.write(("\n" if n == 0 else ",\n") + json.dumps(rec, ensure_ascii=False))
            n += 1
        if counter is not None:
            counter[0] = n
        yield buf.take()
        if on_page is not None:
            on_page(len(page))
    if fmt == "plover":
        yield "\n]\n"


def write_text(store: Any, fmt: str, out: TextIO, f: EventFilter | None = None, table: str = "events",
               on_page: Callable[[int], None] | None = None) -> int:
    """Write csv, jsonl or plover to a text stream; returns the number of records written."""
    counter = [0]
    for chunk in iter_text(store, fmt, f, table, counter, on_page):
        out.write(chunk)
    return counter[0]


def write_parquet(store: Any, out: str | BinaryIO, f: EventFilter | None = None, table: str = "events",
                  on_page: Callable[[int], None] | None = None) -> int:
    """Write Parquet (one row group per page); returns the number of records written."""
    _check(table, "parquet")
    pa = require("pyarrow", "export")
    pq = require("pyarrow.parquet", "export")
    types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    pschema = pa.schema([(c, types[t]) for c, t in columns(table)])
    n = 0
    with pq.ParquetWriter(out, pschema) as w:
        for page, urls in _pages(store, f or EventFilter(), table):
            rows = [_flat(item, table, urls) for item in page]
            w.write_table(pa.Table.from_pylist(rows, schema=pschema))
            n += len(rows)
            if on_page is not None:
                on_page(len(rows))
    return n


def export(store: Any, fmt: str, out: Any, f: EventFilter | None = None, table: str = "events",
           on_page: Callable[[int], None] | None = None) -> int:
    """Write ``fmt`` to ``out`` (a text stream; for parquet a path or binary stream): the events
    ``f`` selects, or with ``table="mentions"`` their mentions. ``store``: a Store or an engine.
    ``on_page(n)``: called after each page written with the number of events (mentions) it held."""
    _check(table, fmt)
    if fmt == "parquet":
        return write_parquet(store, out, f, table, on_page)
    return write_text(store, fmt, out, f, table, on_page)
