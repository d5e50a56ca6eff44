"""``marsad export --db URL --format csv|jsonl|plover|parquet [filters]``: events out of the store."""

from __future__ import annotations

import argparse
from typing import TextIO

from marsad.cli.ingest import require_existing
from marsad.cli.status import ExitStatus
from marsad.core.errors import ConfigError

COMMAND = ("export",)
HELP = "Export stored events as CSV (GDELT-like), JSON Lines, PLOVER JSON or Parquet."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from marsad.store.export import FORMATS

    parser.add_argument("--db", default="marsad.db",
                        help="SQLite file (default marsad.db) or postgresql://USER@HOST/DB")
    parser.add_argument("--format", default="jsonl", choices=FORMATS, help="output format (default jsonl)")
    parser.add_argument("-o", "--output", help="output file (default: stdout; required for parquet)")
    parser.add_argument("--since", help="events on or after YYYY-MM-DD")
    parser.add_argument("--until", help="events on or before YYYY-MM-DD")
    parser.add_argument("--actor", help="actor id or CAMEO actor code, either side")
    parser.add_argument("--country", help="place country, or actor code prefix (e.g. SYR)")
    parser.add_argument("--event-type", help="PLOVER event type (e.g. PROTEST)")
    parser.add_argument("--cameo", help="CAMEO code prefix (e.g. 04 or 190)")
    parser.add_argument("--place", help="place name as stored")
    parser.add_argument("--outlet", help="events reported by this outlet (article source)")
    parser.add_argument("--article", dest="article_id", help="events reported by this article")


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from marsad.store import open_store
    from marsad.store.export import export

    filters = {k: getattr(args, k) for k in ("since", "until", "actor", "country", "event_type", "cameo",
                                             "place", "outlet", "article_id")}
    if args.format == "parquet" and not args.output:
        raise ConfigError("Parquet is binary: give an output file with -o FILE.parquet.")
    require_existing(args.db)
    store = open_store(args.db)
    try:
        if args.output and args.format == "parquet":
            n = export(store, "parquet", args.output, **filters)
        elif args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as fh:
                n = export(store, args.format, fh, **filters)
        else:
            n = export(store, args.format, stdout, **filters)
    finally:
        store.close()
    print(f"exported {n:,} events ({args.format})", file=stderr)
    return ExitStatus.OK
