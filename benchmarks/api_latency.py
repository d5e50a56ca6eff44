"""API latency (p50, p95) of the main queries on a store of a million events or more.

The big store is grown from a store of real coded events (for example the one ``marsad demo
--no-serve`` builds from the shipped ANT sample): every event and event mention is copied K
times; copy k gets the ids ``<id>~k`` and its dates shifted by ``k * step`` days (step chosen so
that the copies span about ten years), its article ids unchanged (the copies point at the
real articles, so the article view and full-text search work). Then ``ANALYZE``.

    python benchmarks/api_latency.py --source marsad-demo.db --target /tmp/big.db --events 1000000
    python benchmarks/api_latency.py --source marsad-demo.db --postgres --events 1000000

With ``--postgres`` the same store is grown on a throwaway PostgreSQL server (``benchmarks/_pg.py``;
``MARSAD_BENCH_PG_URL`` names another): the source's tables copied, then the same copies made
with the event indexes dropped and rebuilt after, then ``VACUUM ANALYZE``.

Requests go over HTTP to uvicorn on 127.0.0.1 (one client, keep-alive), after two warm-up calls;
p50 and p95 with the answer cache off (every call runs its SQL), then a cached p50.
"""

from __future__ import annotations

import argparse
import math
import shutil
import socket
import statistics
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from marsad.store import schema as S


def _shifted(col: str, kind: str) -> str:
    if col in ("id", "mention_id", "merge_key", "event_id"):
        return f"{col} || '~' || k.n"
    if col == "date":
        return "date(date, '+' || (k.n * :step) || ' days')"
    if col in ("first_published", "published"):
        return f"datetime({col}, '+' || (k.n * :step) || ' days')"
    if col == "data":
        return ("json_set(data, '$.id', id || '~' || k.n, '$.date', date(date, '+' || (k.n * :step) || ' days'), "
                "'$.event_id', event_id || '~' || k.n)")
    return col


def _copy_sql(table: str, cols: list[str], base: str) -> str:
    exprs = ", ".join(_shifted(c, table) for c in cols)
    return (f"WITH RECURSIVE k(n) AS (SELECT :lo UNION ALL SELECT n + 1 FROM k WHERE n < :hi) "
            f"INSERT INTO {table} ({', '.join(cols)}) SELECT {exprs} FROM {base}, k")


def grow(source: Path, target: Path, n_events: int, chunk: int = 20) -> dict[str, Any]:
    """Copy ``source`` to ``target`` and add shifted copies of its events until it has ``n_events``."""
    shutil.copy(source, target)
    engine = create_engine(f"sqlite:///{target}")
    started = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(text("PRAGMA journal_mode=WAL"))
        base = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
        if base == 0:
            raise SystemExit(f"{source} has no events to grow from")
        conn.execute(text("CREATE TEMP TABLE base_events AS SELECT * FROM events"))
        conn.execute(text("CREATE TEMP TABLE base_mentions AS SELECT * FROM event_mentions"))
        # the source's own columns: a store at an older schema version grows as it is
        cols = {t: [r[1] for r in conn.execute(text(f"PRAGMA main.table_info({t})"))]
                for t in ("events", "event_mentions")}
    copies = math.ceil(max(0, n_events - base) / base)
    step = max(1, 3650 // max(1, copies))
    for lo in range(1, copies + 1, chunk):
        hi = min(copies, lo + chunk - 1)
        with engine.begin() as conn:
            for table, base_table in (("events", "base_events"), ("event_mentions", "base_mentions")):
                conn.execute(text(_copy_sql(table, cols[table], base_table)), {"lo": lo, "hi": hi, "step": step})
        print(f"  copies {hi}/{copies} ({time.perf_counter() - started:.0f} s)", flush=True)
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))
        total = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
    engine.dispose()
    return {"base": base, "copies": copies, "step_days": step, "events": total,
            "seconds": time.perf_counter() - started, "bytes": target.stat().st_size}


def _pg_shifted(col: str) -> str:
    if col in ("id", "mention_id", "merge_key", "event_id"):
        return f"{col} || '~' || k"
    if col == "date":
        return "date + k * CAST(:step AS integer)"
    if col in ("first_published", "published"):
        return f"{col} + make_interval(days => k * CAST(:step AS integer))"
    if col == "data":
        return ("(data::jsonb || jsonb_build_object('id', id || '~' || k, 'date', (date + k * CAST(:step AS integer))::text, "
                "'event_id', event_id || '~' || k))::text")
    return col


def grow_postgres(source: Path, url: str, n_events: int, chunk: int = 10) -> dict[str, Any]:
    """The same grown store on PostgreSQL: ``source`` (SQLite) copied table by table into a fresh
    store at ``url``, then the same shifted copies of its events and event mentions, made with the
    indexes dropped and rebuilt after (as a bulk load would), then ``VACUUM ANALYZE``."""
    from marsad.store import open_store
    from marsad.text.normalize import normalize_text

    started = time.perf_counter()
    open_store(url).close()  # the schema, at the current version
    src = create_engine(f"sqlite:///{source}")
    dst = create_engine(url)
    tables = [t for t in S.metadata.sorted_tables if t.name in (*S.DATA_TABLES, "runs")]
    with src.connect() as sconn, dst.begin() as dconn:
        for table in tables:
            cols = [c.name for c in table.columns]
            rows = [dict(r._mapping) for r in sconn.execute(table.select())]
            for i in range(0, len(rows), 2000):
                dconn.execute(table.insert(), [{k: r[k] for k in cols} for r in rows[i:i + 2000]])
        arts = sconn.execute(text("SELECT id, title, text FROM articles")).all()
        dconn.execute(text("INSERT INTO article_search(article_id, tsv) VALUES (:id, to_tsvector('simple', :body))"),
                      [{"id": a, "body": normalize_text(t or "") + "\n" + normalize_text(b)} for a, t, b in arts])
        base = dconn.execute(text("SELECT count(*) FROM events")).scalar_one()
        dconn.execute(text("CREATE TABLE base_events AS SELECT * FROM events"))
        dconn.execute(text("CREATE TABLE base_mentions AS SELECT * FROM event_mentions"))
    src.dispose()
    copies = math.ceil(max(0, n_events - base) / base)
    step = max(1, 3650 // max(1, copies))
    indexes = [ix for t in (S.events, S.event_mentions) for ix in t.indexes]
    with dst.begin() as conn:
        for ix in indexes:
            conn.execute(text(f"DROP INDEX IF EXISTS {ix.name}"))
    for lo in range(1, copies + 1, chunk):
        hi = min(copies, lo + chunk - 1)
        with dst.begin() as conn:
            for table, base_table in ((S.events, "base_events"), (S.event_mentions, "base_mentions")):
                cols = [c.name for c in table.columns]
                exprs = ", ".join(_pg_shifted(c) for c in cols)
                conn.execute(text(f"INSERT INTO {table.name} ({', '.join(cols)}) SELECT {exprs} "
                                  f"FROM {base_table}, generate_series(CAST(:lo AS integer), CAST(:hi AS integer)) AS k"),
                             {"lo": lo, "hi": hi, "step": step})
        print(f"  copies {hi}/{copies} ({time.perf_counter() - started:.0f} s)", flush=True)
    with dst.begin() as conn:
        conn.execute(text("SET maintenance_work_mem = '1GB'"))
        for ix in indexes:
            ix.create(conn)
        conn.execute(text("DROP TABLE base_events"))
        conn.execute(text("DROP TABLE base_mentions"))
        total = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
        size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
    with dst.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    dst.dispose()
    return {"base": base, "copies": copies, "step_days": step, "events": total,
            "seconds": time.perf_counter() - started, "bytes": size}


def set_indexes(db: Path, present: bool) -> None:
    """Bring the store to the current schema (migrations add the aggregate indexes to an older
    one), then make sure the aggregate indexes are there (``present``) or not (to compare)."""
    from marsad.store import open_store

    t0 = time.perf_counter()
    open_store(db).close()  # migrations: schema.AGGREGATE_INDEXES on events
    print(f"  schema up to date (migrations included): {time.perf_counter() - t0:.0f} s", flush=True)
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        for name, cols in S.AGGREGATE_INDEXES.items():
            conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON events ({', '.join(cols)})" if present
                              else f"DROP INDEX IF EXISTS {name}"))
        conn.execute(text("ANALYZE"))
    engine.dispose()


def _pick(engine: Any) -> dict[str, str]:
    """Filter values that exist in the store: the top actor, the median event's month, an article."""
    with engine.connect() as conn:
        actor = conn.execute(text("SELECT source_code, count(*) n FROM events WHERE source_code IS NOT NULL "
                                  "GROUP BY source_code ORDER BY n DESC LIMIT 1")).scalar_one()
        n = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
        month = str(conn.execute(text("SELECT date FROM events WHERE date IS NOT NULL ORDER BY date "
                                      "LIMIT 1 OFFSET :half"), {"half": n // 2}).scalar_one())[:7]  # a month in the middle
        article = conn.execute(text("SELECT article_id FROM events LIMIT 1")).scalar_one()
    return {"actor": actor, "month": month, "article": article}


def queries(p: dict[str, str]) -> list[tuple[str, str, dict[str, Any]]]:
    month = {"start": p["month"] + "-01", "end": p["month"] + "-28"}
    return [
        ("meta (totals)", "/api/meta", {}),
        ("events, page 1", "/api/events", {"limit": 50}),
        ("events, offset 100000", "/api/events", {"limit": 50, "offset": 100_000}),
        ("events, after the 100000th (cursor)", "/api/events", {"limit": 50, "after": p["cursor"]}),
        ("events, actor", "/api/events", {"limit": 50, "actor": p["actor"]}),
        ("events, country + quad class", "/api/events", {"limit": 50, "country": "SYR", "quad_class": 4}),
        ("events, one month", "/api/events", {"limit": 50, **month}),
        ("events, text search", "/api/events", {"limit": 50, "q": "سوريا"}),
        ("events, source prefix (sau)", "/api/events", {"limit": 50, "source": "sau"}),
        ("events, every flag included", "/api/events", {"limit": 50, "include": "all", "min_confidence": 0}),
        ("timeline, all", "/api/timeline", {}),
        ("timeline, every flag included", "/api/timeline", {"include": "all", "min_confidence": 0}),
        ("timeline, actor", "/api/timeline", {"actor": p["actor"]}),
        ("graph, all (100 edges)", "/api/graph", {"limit": 100}),
        ("graph, one month", "/api/graph", {"limit": 100, **month}),
        ("actors, all", "/api/actors", {"limit": 100}),
        ("places, all", "/api/places", {"limit": 300}),
        ("article", f"/api/articles/{p['article']}", {}),
    ]


def _url(db: Path | str) -> str:
    return str(db) if "://" in str(db) else f"sqlite:///{db}"


def serve(db: Path | str, cache_size: int) -> tuple[Any, str]:
    import uvicorn

    from marsad.api.app import Settings, create_app
    from marsad.api.db import read_engine

    engine = read_engine(_url(db), read_only=True)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    app = create_app(engine, Settings(token=None, rate=0, cache_size=cache_size))
    server = uvicorn.Server(uvicorn.Config(app,
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    server.thread = thread  # measure() waits for it to stop
    return server, f"http://127.0.0.1:{port}"


def measure(db: Path | str, repeat: int, cache_size: int = 0) -> list[tuple[str, float, float, int]]:
    """p50 and p95 per query; with ``cache_size=0`` every call runs its SQL."""
    import httpx

    server, base = serve(db, cache_size)
    engine = create_engine(_url(db))
    rows = []
    with httpx.Client(base_url=base, timeout=120) as client:
        picked = _pick(engine)
        # the cursor of a deep page: the event_id of the 100,000th event of the default selection
        total = client.get("/api/events", params={"limit": 1}).json()["total"]
        deep = client.get("/api/events", params={"limit": 1, "offset": min(99_999, total - 1)}).json()["items"]
        picked["cursor"] = deep[0]["event_id"] if deep else ""
        for name, path, params in queries(picked):
            times = []
            for i in range(repeat + 2):
                t0 = time.perf_counter()
                resp = client.get(path, params=params)
                took = time.perf_counter() - t0
                resp.raise_for_status()
                if i >= 2:
                    times.append(took * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)]
            size = len(resp.content)
            rows.append((name, statistics.median(times), p95, size))
            print(f"  {name}: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms", flush=True)
    server.should_exit = True
    server.thread.join(30)
    engine.dispose()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, help="a store of real coded events to grow from")
    ap.add_argument("--target", type=Path, help="the grown SQLite store (created; reused with --no-grow)")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--no-grow", action="store_true", help="measure an existing --target")
    ap.add_argument("--without-indexes", action="store_true",
                    help="drop the aggregate indexes (schema.AGGREGATE_INDEXES) first, to measure without them")
    ap.add_argument("--postgres", action="store_true",
                    help="grow the store from --source on a throwaway PostgreSQL server (benchmarks/_pg.py) and "
                         "measure it there (--target is not used)")
    args = ap.parse_args()
    if args.postgres:
        from _pg import fresh_db, pg_server

        with pg_server() as admin:
            url = fresh_db(admin, "marsad_latency")
            info = grow_postgres(args.source, url, args.events)
            print(f"grown on PostgreSQL: {info['base']} real events x {info['copies'] + 1} = {info['events']} events, "
                  f"{info['bytes'] / 2**30:.2f} GiB, {info['seconds']:.0f} s")
            _table(measure(url, args.repeat), measure(url, 5, cache_size=256))
        return
    if args.target is None:
        ap.error("give --target (the SQLite store to grow or measure), or --postgres")
    if not args.no_grow:
        info = grow(args.source, args.target, args.events)
        print(f"grown: {info['base']} real events x {info['copies'] + 1} (dates shifted by {info['step_days']} days "
              f"per copy) = {info['events']} events, {info['bytes'] / 2**30:.2f} GiB, {info['seconds']:.0f} s")
    set_indexes(args.target, present=not args.without_indexes)
    _table(measure(args.target, args.repeat), measure(args.target, 5, cache_size=256))


def _table(rows: list[tuple[str, float, float, int]], warm: list[tuple[str, float, float, int]]) -> None:
    print("\n| query | p50 ms | p95 ms | cached p50 ms | response bytes |\n|---|---:|---:|---:|---:|")
    for (name, p50, p95, size), (_, c50, _, _) in zip(rows, warm, strict=True):
        print(f"| {name} | {p50:.1f} | {p95:.1f} | {c50:.1f} | {size} |")


if __name__ == "__main__":
    main()
