"""``marsad export --db URL --format csv|jsonl|plover|parquet [filters]``: events out of the store."""

from __future__ import annotations

import argparse
from typing import TextIO

from marsad.cli.ingest import require_existing
from marsad.cli.status import ExitStatus
from marsad.core.errors import ConfigError, require

COMMAND = ("export",)
HELP = "Export stored events as CSV (GDELT-like), JSON Lines, PLOVER JSON or Parquet."
# marsad.store.export.FORMATS, named here so that building the parser imports no SQLAlchemy
FORMATS = ("csv", "jsonl", "plover", "parquet")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default="marsad.db",
                        help="SQLite file (default marsad.db) or postgresql://USER@HOST/DB")
    parser.add_argument("--format", default="jsonl", choices=FORMATS, help="output format (default jsonl)")
    parser.add_argument("-o", "--output", help="output file (default: stdout; required for parquet)")
    parser.add_argument("--mentions", action="store_true",
                        help="export the event mentions of the selected events (one row per report) instead")
    filters = parser.add_argument_group(
        "filters", "by default only complete, asserted events at or above the detector's threshold")
    filters.add_argument("--since", help="events on or after YYYY-MM-DD")
    filters.add_argument("--until", help="events on or before YYYY-MM-DD")
    filters.add_argument("--source", help="source actor: CAMEO code prefix, any case (sau matches SAUGOV), or actor id")
    filters.add_argument("--target", help="target actor (as --source)")
    filters.add_argument("--actor", help="an actor on either side (as --source)")
    filters.add_argument("--dyad", help="A,B: A acts on B (each as --source)")
    filters.add_argument("--country", help="place country, or actor code prefix (e.g. SYR)")
    filters.add_argument("--event-type", help="PLOVER event type (e.g. PROTEST)")
    filters.add_argument("--cameo", help="CAMEO code prefix (e.g. 04 or 190)")
    filters.add_argument("--quad-class", help="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
                                              "4 material conflict")
    filters.add_argument("--place", help="place name as stored")
    filters.add_argument("--place-id", help="gn:<GeoNames id> or name:<country>:<name>")
    filters.add_argument("--outlet", help="events reported by this outlet (article source)")
    filters.add_argument("--article", dest="article_id", help="events reported by this article")
    filters.add_argument("--min-confidence", help="lowest confidence kept (default: the event detector's threshold)")
    filters.add_argument("--include", help="comma list of negated, hypothetical, future, historical, incomplete "
                                           "(or all): events to export besides the complete, asserted ones")


FILTERS = ("since", "until", "source", "target", "actor", "dyad", "country", "event_type", "cameo", "quad_class",
           "place", "place_id", "outlet", "article_id", "min_confidence", "include")


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    require("sqlalchemy", "store")  # one line naming the extra, before the store's modules are imported
    from marsad.cli._db import open_db
    from marsad.cli._progress import Progress
    from marsad.components.events.detector import default_threshold
    from marsad.store.export import export
    from marsad.store.query import EventFilter

    flt = EventFilter.parse({k: getattr(args, k, None) for k in FILTERS})  # a bad value: a usage error
    if args.format == "parquet" and not args.output:
        raise ConfigError("Parquet is binary: give an output file with -o FILE.parquet.")
    table = "mentions" if args.mentions else "events"
    require_existing(args.db)
    store = open_db(args.db, create=False)  # one line, not a traceback, when it cannot be opened
    try:
        flt = flt.with_defaults(store.default_min_confidence(default_threshold()))
        progress = Progress(stderr, label=table, detail=False)
        if progress.tty:
            progress.set_total(store.summary(flt)[table])

        def on_page(n: int) -> None:
            progress.update({"articles": n})

        try:
            if args.output and args.format == "parquet":
                n = export(store, "parquet", args.output, flt, table, on_page)
            elif args.output:
                with open(args.output, "w", encoding="utf-8", newline="") as fh:
                    n = export(store, args.format, fh, flt, table, on_page)
            else:
                n = export(store, args.format, stdout, flt, table, on_page)
        finally:
            progress.update({}, force=True)
            progress.close()
    finally:
        store.close()
    print(f"exported {n:,} {table} ({args.format})", file=stderr)
    return ExitStatus.OK
