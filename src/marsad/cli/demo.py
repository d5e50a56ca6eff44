"""``marsad demo``: build a store from the sample articles shipped in the package and serve it.

The samples are 300 articles of the ANT corpus v2.1 (Apache-2.0; the articles belong to their
outlets), drawn with a fixed seed, mostly from its middleEast and internationalNews sections,
and the seed article. ``--no-serve`` builds the store and exits.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections.abc import Iterator
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from marsad.cli.serve import serve
from marsad.cli.status import ExitStatus
from marsad.core.pipeline import Pipeline
from marsad.core.types import Article

COMMAND = ("demo",)
HELP = "build a demo event store from sample Arabic articles shipped with marsad, then serve the dashboard"
SAMPLES = "ant-sample.jsonl.gz"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default="marsad-demo.db", help="SQLite file to build (default: marsad-demo.db)")
    parser.add_argument("--no-serve", action="store_true", help="build the store and exit")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N sample articles")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")


def sample_articles(limit: int | None = None) -> Iterator[Article]:
    """The shipped sample articles, in file order."""
    path = resources.files("marsad.resources.samples") / SAMPLES
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if limit is not None and n >= limit:
                return
            rec: dict[str, Any] = json.loads(line)
            published = datetime.fromisoformat(rec["published"]) if rec.get("published") else None
            yield Article(id=rec["id"], text=rec["text"], title=rec.get("title"), published=published,
                          source=rec.get("source"), url=rec.get("url"), dateline=rec.get("dateline"),
                          category=rec.get("category"), origin=f"marsad:samples/{SAMPLES}")


def pipeline(stderr: TextIO) -> Pipeline:
    """The default pipeline, with a warning for each stage that cannot run here."""
    from marsad.coding import build_pipeline

    return build_pipeline(warn=lambda m: print(f"marsad demo: warning: {m}", file=stderr), freeze_gc=True)


def build(db: str, limit: int | None, stderr: TextIO) -> tuple[Any, Any]:
    """Open (creating) the store at ``db`` and ingest the samples; returns (store, counts)."""
    from marsad.jobs.ingest import ingest
    from marsad.store import open_store

    store = open_store(db)
    started = time.perf_counter()
    counts = ingest(store, sample_articles(limit), pipeline=pipeline(stderr))
    took = time.perf_counter() - started
    print(f"marsad demo: {Path(db)}: {counts.articles} articles, {counts.events} event mentions, "
          f"{counts.failures} failures, {counts.skipped} already stored ({took:.1f} s)", file=stderr)
    return store, counts


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    store, counts = build(args.db, args.limit, stderr)
    if args.no_serve:
        store.close()
        return ExitStatus.of(counts.failures)
    from marsad.api.app import Settings, create_app
    from marsad.api.db import read_engine

    app = create_app(read_engine(store.url, read_only=True), Settings(token=None), store=store)
    return serve(app, args.host, args.port, stderr)
