"""``marsad recode [--db URL] [filters]``: re-code stored articles made by another coder version."""

from __future__ import annotations

import argparse
import time
from typing import Any, TextIO

from marsad.cli.status import ExitStatus
from marsad.core.errors import ConfigError

COMMAND = ("recode",)
HELP = "Re-run the pipeline over stored articles whose coder version differs from the current one."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default="marsad.db",
                        help="SQLite file (default marsad.db) or postgresql://USER@HOST/DB")
    parser.add_argument("--since", help="only articles published on or after YYYY-MM-DD")
    parser.add_argument("--until", help="only articles published on or before YYYY-MM-DD")
    parser.add_argument("--outlet", help="only articles from this source (outlet)")
    parser.add_argument("--category", help="only articles of this category")
    parser.add_argument("--article", action="append", dest="ids", metavar="ID",
                        help="only this article (repeatable)")
    parser.add_argument("--all", action="store_true", dest="everything",
                        help="re-code the selected articles even if this coder version made them")
    parser.add_argument("--batch-size", type=int, default=64, help="articles per transaction")
    parser.add_argument("--pipeline", default=None, metavar="MODULE:FUNCTION",
                        help="a function returning the pipeline to use (default: marsad.load)")
    parser.add_argument("--dictionary", default=None, metavar="FILE",
                        help="trigger dictionary to code with (default: the shipped one)")
    parser.add_argument("--dry-run", action="store_true", help="only count the articles to re-code")


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from marsad.cli._db import open_db
    from marsad.cli._jobs import run_job
    from marsad.cli.ingest import load_pipeline
    from marsad.jobs.recode import recode, select_articles
    from marsad.store.version import coder_version, version_id

    if args.batch_size < 1:
        raise ConfigError(f"--batch-size must be at least 1, not {args.batch_size}.")
    pipeline = load_pipeline(args.pipeline, args.dictionary, stderr)
    filters = {"since": args.since, "until": args.until, "outlet": args.outlet,
               "category": args.category, "ids": args.ids}
    store = open_db(args.db, create=False)
    if args.dry_run:
        try:
            cvid = None if args.everything else version_id(coder_version(pipeline))
            print(f"{len(select_articles(store, cvid, **filters)):,} articles to re-code", file=stdout)
        finally:
            store.close()
        return ExitStatus.OK

    def work(run_id: int, tracker: Any) -> Any:
        if tracker.progress.tty:  # the progress bar's total: the articles to re-code
            cvid = None if args.everything else version_id(coder_version(pipeline))
            tracker.progress.set_total(len(select_articles(store, cvid, **filters)))
        done = recode(store, pipeline, batch_size=args.batch_size, everything=args.everything,
                      run_id=run_id, on_batch=tracker, **filters)
        store.cluster_duplicates()
        return done

    return run_job(store, "recode", {**filters, "all": args.everything}, pipeline, stderr, work,
                   db=args.db, clock=getattr(args, "clock", time.monotonic),
                   skipped_as="already up to date")
