"""Ingest throughput into the event store: articles/s, memory as the corpus grows, database size.

    .venv/bin/python benchmarks/ingest_store.py ../shared/data/corpus/ant-v2.1-multisource.tar.gz \
        --db /tmp/ant.db [--limit 5000] [--stages text,ner,actors,places,events] [--pipeline MOD:FUNC]

Reads the corpus with ``marsad.readers.read``, codes it with the pipeline and writes it with
``ingest_articles`` (what ``marsad ingest`` does, without the progress bar), then recomputes
the duplicate clusters. Prints a markdown table row; memory is the process's resident set
size sampled after each batch (peak so far), reported at each fifth of the run.
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import time
from pathlib import Path

from marsad.jobs.ingest import Counts, ingest_articles
from marsad.readers import read
from marsad.store import open_store


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def db_size_mb(store) -> float:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    if store.dialect == "postgresql":
        with store.engine.connect() as conn:
            return conn.execute(text("SELECT pg_database_size(current_database())")).scalar() / 2**20
    path = Path(store.engine.url.database)
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20


def make_pipeline(args):  # type: ignore[no-untyped-def]
    """What ``marsad ingest`` runs, unless --stages or --pipeline says otherwise."""
    import sys

    import marsad
    from marsad.cli.ingest import load_pipeline

    if args.stages:
        return marsad.load(args.stages.split(","))
    return load_pipeline(args.pipeline, None, sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--db", required=True)
    ap.add_argument("--limit", type=int, default=None, help="first N items of the input")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--stages", default=None)
    ap.add_argument("--pipeline", default=None)
    args = ap.parse_args()
    pipeline = make_pipeline(args)
    store = open_store(args.db)
    items = read(args.paths)
    total_n = args.limit or 31525
    if args.limit:
        items = itertools.islice(items, args.limit)
    total, marks, peak = Counts(), {}, 0.0
    t0 = time.perf_counter()

    def on_batch(c: Counts) -> None:
        nonlocal peak
        total.add(c)
        peak = max(peak, rss_mb())
        done = total.articles + total.skipped + total.failures
        fifth = min(5, done * 5 // max(total_n, 1))
        if fifth and fifth not in marks:
            marks[fifth] = peak

    ingest_articles(store, items, pipeline, batch_size=args.batch_size, on_batch=on_batch)
    t_ingest = time.perf_counter() - t0
    t1 = time.perf_counter()
    clustered = store.cluster_duplicates()
    t_dup = time.perf_counter() - t1
    counts = store.counts()
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("| backend | stages | articles | failures | events | articles/s | RSS MB at 20/40/60/80/100% "
          "| peak RSS MB | DB MB | dedup s | clustered |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    print(f"| {store.dialect} | {','.join(pipeline.names)} | {counts['articles']:,} | {total.failures} "
          f"| {counts['event_mentions']:,} | {total.articles / t_ingest:.1f} | "
          f"{' / '.join(f'{marks[k]:.0f}' for k in sorted(marks))} | {maxrss:.0f} | {db_size_mb(store):.0f} "
          f"| {t_dup:.1f} | {clustered:,} |")
    print(f"(cpu count {os.cpu_count()}, ingest wall {t_ingest:.0f} s)")


if __name__ == "__main__":
    main()
