"""``marsad ingest PATH... [--db URL]``: read, code and store articles, resumably."""

from __future__ import annotations

import argparse
import time
from typing import Any, TextIO

from marsad.core.errors import ConfigError
from marsad.core.pipeline import Pipeline

COMMAND = ("ingest",)
HELP = "Code articles from files, folders, archives or feeds and store them in an event database."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from marsad.cli._inputs import add_input_arguments

    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, archives or - (stdin)")
    parser.add_argument("--db", default="marsad.db",
                        help="SQLite file (default marsad.db, created if missing) or postgresql://USER@HOST/DB")
    add_input_arguments(parser, "input format (default: detected per file)")
    parser.add_argument("--batch-size", type=int, default=64,
                        help="articles per transaction (default 64)")
    parser.add_argument("--pipeline", default=None, metavar="MODULE:FUNCTION",
                        help="a function returning the pipeline to use (default: marsad.load)")
    parser.add_argument("--dictionary", default=None, metavar="FILE",
                        help="trigger dictionary to code with (default: the shipped one), as in marsad code")
    parser.add_argument("--actors", default=None, metavar="FILE",
                        help="your actors file merged over the shipped actor dictionaries, as in marsad code "
                             "(docs/actors.md)")
    parser.add_argument("--force", action="store_true",
                        help="re-code articles that are already stored")
    parser.add_argument("--item-timeout", type=float, default=120.0, metavar="SECONDS",
                        help="time budget of one article: one that takes longer is recorded as a failure and "
                             "the run goes on (default 120; 0: none; not applied with --workers/--scheduler)")
    parser.add_argument("--no-dedup", action="store_true",
                        help="do not recompute near-duplicate article clusters at the end")
    dist = parser.add_mutually_exclusive_group()
    dist.add_argument("--workers", type=int, default=None, metavar="N",
                      help="run on a local Dask cluster of N worker processes (needs marsad[dask])")
    dist.add_argument("--scheduler", default=None, metavar="tcp://HOST:PORT",
                      help="run on an existing Dask cluster (needs marsad[dask])")
    parser.add_argument("--partition-size", type=int, default=256, metavar="N",
                        help="articles per Dask task with --workers/--scheduler (default 256)")


def load_pipeline(spec: str | None, dictionary: str | None, stderr: TextIO, actors: str | None = None) -> Pipeline:
    """The pipeline an ingest or recode runs, with warnings on ``stderr`` and gc.freeze on."""
    from marsad.coding import pipeline_from_spec

    pipeline = pipeline_from_spec(spec, dictionary, warn=lambda m: print(f"marsad: warning: {m}", file=stderr),
                                  actors=actors)
    pipeline.freeze_gc = True  # a command-line process: freezing the loaded models is safe
    return pipeline


def require_existing(db: str) -> None:
    """Reading commands on a SQLite path that does not exist: say so instead of creating it
    (and name the extra to install when the store's packages are missing)."""
    from marsad.cli._db import check_db

    check_db(db, create=False)


def _ingest(args: argparse.Namespace, store: Any, pipeline: Any, run_id: int, tracker: Any,
            stderr: TextIO) -> None:
    from marsad.cli._inputs import read_inputs
    from marsad.jobs.ingest import Counts, ingest_articles

    items = read_inputs(args, "ingest", stderr)
    if args.workers or args.scheduler:
        from marsad.jobs.distributed import ingest_distributed

        ingest_distributed(store, args.db, items, workers=args.workers, scheduler=args.scheduler,
                           pipeline_spec=args.pipeline, batch_size=args.batch_size,
                           partition_size=args.partition_size, run_id=run_id, force=args.force,
                           dictionary=args.dictionary, pipeline=pipeline,
                           on_partition=lambda c: tracker(Counts(**c)))
    else:
        ingest_articles(store, items, pipeline, batch_size=args.batch_size, run_id=run_id,
                        on_batch=tracker, force=args.force, item_timeout=getattr(args, "item_timeout", None))
    if not args.no_dedup:
        store.cluster_duplicates()


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from marsad.cli._db import check_db, open_db
    from marsad.cli._inputs import check_inputs, mapping
    from marsad.cli._jobs import run_job

    if args.batch_size < 1:
        raise ConfigError(f"--batch-size must be at least 1, not {args.batch_size}.")
    if getattr(args, "item_timeout", 0) < 0:
        raise ConfigError(f"--item-timeout must be 0 (none) or more seconds, not {args.item_timeout}.")
    check_inputs(args)  # a missing path or an empty folder: exit 2, and no database is created
    actors = getattr(args, "actors", None)
    if actors and (args.workers or args.scheduler):
        raise ConfigError("--actors does not reach Dask workers yet; ingest without --workers/--scheduler.")
    check_db(args.db, create=True)
    extra = {"actors": actors} if actors else {}  # the three-argument call stays as it was
    pipeline = load_pipeline(args.pipeline, args.dictionary, stderr, **extra)
    run_args = {"paths": args.paths, "input_format": args.input_format, "batch_size": args.batch_size}
    if args.fields:
        run_args["fields"] = mapping(args)
    if args.date_order != "DMY":
        run_args["date_order"] = args.date_order
    store = open_db(args.db, create=True)
    return run_job(store, "ingest", run_args, pipeline, stderr,
                   lambda run_id, tracker: _ingest(args, store, pipeline, run_id, tracker, stderr),
                   db=args.db, clock=getattr(args, "clock", time.monotonic), total=_total(args, stderr))


def _total(args: argparse.Namespace, stderr: TextIO) -> int | None:
    """The number of articles to ingest, for the progress bar: counted only where one is drawn."""
    if not getattr(stderr, "isatty", lambda: False)():
        return None
    from marsad.readers.count import count_articles

    return count_articles(args.paths, args.input_format)
