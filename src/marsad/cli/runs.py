"""``marsad runs [--db URL]``: the ingest and recode runs of a store, with their status."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from marsad.cli.status import ExitStatus
from marsad.core.errors import ConfigError

COMMAND = ("runs",)
HELP = "List the ingest and recode runs of a store: status (running, done, failed, interrupted) and counts."

_COLUMNS = ("id", "command", "status", "started_at", "finished_at", "articles", "skipped", "events",
            "failures", "host", "pid")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default="marsad.db",
                        help="SQLite file (default marsad.db) or postgresql://USER@HOST/DB")
    parser.add_argument("--limit", type=int, default=20, help="the most recent N runs (default 20)")
    parser.add_argument("--json", action="store_true", help="one JSON object per run instead of a table")


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if hasattr(value, "isoformat"):
        return value.isoformat(sep=" ", timespec="seconds")
    return f"{value:,}" if isinstance(value, int) else str(value)


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from marsad.cli._db import open_db

    if args.limit < 1:
        raise ConfigError(f"--limit must be at least 1, not {args.limit}.")
    with open_db(args.db, create=False) as store:
        store.mark_interrupted()  # a run whose process is gone is not running
        rows = store.runs()[-args.limit:]
    if args.json:
        for r in rows:
            print(json.dumps({k: r[k] for k in _COLUMNS}, default=str, ensure_ascii=False), file=stdout)
        return ExitStatus.OK
    table = [list(_COLUMNS)] + [[_cell(r[k]) for k in _COLUMNS] for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(_COLUMNS))]
    for row in table:
        print("  ".join(c.rjust(w) if c[:1].isdigit() else c.ljust(w) for c, w in zip(row, widths, strict=True))
              .rstrip(), file=stdout)
    return ExitStatus.OK
