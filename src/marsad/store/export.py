"""Exports: CSV (GDELT/Phoenix-like columns), JSON Lines (as ``marsad code`` prints, plus the
ids of the articles that reported each event), PLOVER/POLECAT-style JSON and Parquet.

Every format holds each merged event once (:mod:`.duplicates`). Rows stream page by page
in event-id order, so an export of millions of events runs in flat memory (Parquet is
written in row groups).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any, BinaryIO, TextIO

from marsad.core.errors import ConfigError, require
from marsad.core.version import __version__
from marsad.store import schema
from marsad.store.queries import StoredEvent, event_filter

FORMATS = ("csv", "jsonl", "plover", "parquet")
PAGE = 1000

#: CSV/Parquet columns: GDELT 2.0 event-table names where GDELT has the field, then marsad's.
COLUMNS: list[tuple[str, str]] = [
    ("GlobalEventID", "string"), ("SQLDATE", "string"), ("DatePrecision", "string"),
    ("Actor1Code", "string"), ("Actor1Name", "string"), ("Actor1Text", "string"),
    ("Actor1ActorID", "string"), ("Actor1Role", "string"),
    ("Actor2Code", "string"), ("Actor2Name", "string"), ("Actor2Text", "string"),
    ("Actor2ActorID", "string"), ("Actor2Role", "string"),
    ("IsRootEvent", "int"), ("EventCode", "string"), ("EventBaseCode", "string"),
    ("EventRootCode", "string"), ("QuadClass", "int"), ("GoldsteinScale", "float"),
    ("NumMentions", "int"), ("NumSources", "int"), ("NumArticles", "int"),
    ("ActionGeo_FullName", "string"), ("ActionGeo_CountryCode", "string"), ("ActionGeo_Lat", "float"),
    ("ActionGeo_Long", "float"), ("ActionGeo_FeatureID", "int"), ("ActionGeo_Precision", "string"),
    ("PloverType", "string"), ("PloverMode", "string"), ("Negated", "bool"), ("Hypothetical", "bool"),
    ("Future", "bool"), ("Historical", "bool"), ("Attributed", "bool"), ("Confidence", "float"),
    ("TriggerText", "string"), ("Evidence", "string"), ("ArticleIDs", "string"),
    ("SOURCEURL", "string"), ("FirstPublished", "string"), ("CoderVersion", "string"),
]


def iter_events(store: Any, **filters: Any) -> Iterator[StoredEvent]:
    """Every merged event matching ``filters``, in id order, page by page."""
    from sqlalchemy import and_, select

    e = schema.events
    cond = event_filter(**filters)
    last = ""
    while True:
        stmt = select(e.c.id).where(e.c.id > last).order_by(e.c.id).limit(PAGE)
        if cond is not None:
            stmt = stmt.where(and_(cond))
        with store.engine.connect() as conn:
            ids = list(conn.execute(stmt).scalars())
        if not ids:
            return
        found = {x.id: x for x in store.events(ids=ids)}
        yield from (found[i] for i in ids if i in found)
        last = ids[-1]


def _urls(store: Any, ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """Article id -> (url, outlet)."""
    from sqlalchemy import select

    a = schema.articles
    with store.engine.connect() as conn:
        rows = conn.execute(select(a.c.id, a.c.url, a.c.source).where(a.c.id.in_(ids))).all()
    return {r[0]: (r[1], r[2]) for r in rows}


def flat_row(ev: StoredEvent, url: str | None = None) -> dict[str, Any]:
    """One CSV/Parquet row (GDELT-like column names)."""
    r = ev.row
    cameo = r["cameo"] or ""
    out: dict[str, Any] = {
        "GlobalEventID": ev.id, "SQLDATE": r["date"].strftime("%Y%m%d") if r["date"] else None,
        "DatePrecision": r["date_precision"], "IsRootEvent": int(r["sentence"] == 0),
        "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": r["quad_class"], "GoldsteinScale": r["goldstein"], "NumMentions": r["num_mentions"],
        "NumSources": r["num_sources"], "NumArticles": r["num_articles"],
        "ActionGeo_FullName": r["place_name"], "ActionGeo_CountryCode": r["place_country"],
        "ActionGeo_Lat": r["place_lat"], "ActionGeo_Long": r["place_lon"],
        "ActionGeo_FeatureID": r["place_geonameid"], "ActionGeo_Precision": r["place_precision"],
        "PloverType": r["event_type"], "PloverMode": r["mode"], "Confidence": r["confidence"],
        "TriggerText": r["trigger_text"], "Evidence": r["evidence"],
        "ArticleIDs": " ".join(ev.article_ids), "SOURCEURL": url,
        "FirstPublished": r["first_published"].isoformat() if r["first_published"] else None,
        "CoderVersion": r["coder_version"],
    }
    for flag in ("negated", "hypothetical", "future", "historical", "attributed"):
        out[flag.capitalize()] = bool(r[flag])
    for n, side in ((1, "source"), (2, "target")):
        out[f"Actor{n}Code"] = r[f"{side}_code"]
        out[f"Actor{n}Name"] = r[f"{side}_name_en"]
        out[f"Actor{n}Text"] = r[f"{side}_text"]
        out[f"Actor{n}ActorID"] = r[f"{side}_actor_id"]
        out[f"Actor{n}Role"] = r[f"{side}_role"]
    return out


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


def _pages(store: Any, **filters: Any) -> Iterator[tuple[list[StoredEvent], dict[str, Any]]]:
    """Events in pages, with the URL of each representative article."""
    page: list[StoredEvent] = []
    for ev in iter_events(store, **filters):
        page.append(ev)
        if len(page) >= PAGE:
            yield page, _urls(store, [e.row["article_id"] for e in page])
            page = []
    if page:
        yield page, _urls(store, [e.row["article_id"] for e in page])


def write_text(store: Any, fmt: str, out: TextIO, **filters: Any) -> int:
    """Write csv, jsonl or plover to a text stream; returns the number of events written."""
    n = 0
    writer = csv.DictWriter(out, fieldnames=[c for c, _ in COLUMNS]) if fmt == "csv" else None
    if writer:
        writer.writeheader()
    if fmt == "plover":
        out.write("[")
    for page, urls in _pages(store, **filters):
        for ev in page:
            if writer:
                writer.writerow(flat_row(ev, urls.get(ev.row["article_id"], (None, None))[0]))
            elif fmt == "jsonl":
                out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
            else:
                rec = plover_record(ev, urls.get(ev.row["article_id"], (None, None))[1])
                if rec is None:
                    continue
                out.write(("\n" if n == 0 else ",\n") + json.dumps(rec, ensure_ascii=False))
            n += 1
    if fmt == "plover":
        out.write("\n]\n")
    return n


def write_parquet(store: Any, out: str | BinaryIO, **filters: Any) -> int:
    """Write Parquet (one row group per page); returns the number of events written."""
    pa = require("pyarrow", "export")
    pq = require("pyarrow.parquet", "export")
    types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    pschema = pa.schema([(c, types[t]) for c, t in COLUMNS])
    n = 0
    with pq.ParquetWriter(out, pschema) as w:
        for page, urls in _pages(store, **filters):
            rows = [flat_row(ev, urls.get(ev.row["article_id"], (None, None))[0]) for ev in page]
            w.write_table(pa.Table.from_pylist(rows, schema=pschema))
            n += len(rows)
    return n


def export(store: Any, fmt: str, out: Any, **filters: Any) -> int:
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}.")
    if fmt == "parquet":
        return write_parquet(store, out, **filters)
    return write_text(store, fmt, out, **filters)
