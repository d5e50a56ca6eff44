"""``marsad code FILE|DIR|ARCHIVE|-``: print the events of articles as JSON Lines or a table."""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Iterator
from typing import Any, TextIO

from marsad.cli.status import ExitStatus
from marsad.components.events.assemble import article_events, event_confidence
from marsad.components.events.detector import default_threshold
from marsad.core.types import Article, Document, Event, ReadError

COMMAND = ("code",)
HELP = "code events (CAMEO and PLOVER) in articles and print them as JSON Lines or a table"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from marsad.cli._inputs import add_input_arguments

    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, archives or - (stdin)")
    parser.add_argument("--format", default="jsonl", choices=["jsonl", "table", "csv"],
                        help="jsonl: one JSON object per event (default); table: aligned columns for a "
                             "terminal; csv: one row per event for spreadsheets")
    add_input_arguments(parser, "input format (default: detected per file)")
    parser.add_argument("--dictionary", default=None, metavar="FILE",
                        help="a trigger dictionary to use instead of the shipped one (docs/triggers.md)")
    parser.add_argument("--actors", default=None, metavar="FILE",
                        help="your actors file (persons.tsv columns), merged over the shipped actor "
                             "dictionaries: fix or add an actor and re-code (docs/actors.md)")
    parser.add_argument("--min-confidence", type=float, default=None, metavar="P",
                        help="print only events the detector gives at least this probability (default: the "
                             "detector's documented threshold, docs/detector.md; 0 prints every candidate)")
    parser.add_argument("--mentions", action="store_true",
                        help="one line per mention (each sentence that reports an event) instead of one per event")


def _flags(e: Event) -> str:
    return "".join(c for c, on in (("N", e.negated), ("H", e.hypothetical), ("F", e.future),
                                    ("P", e.historical), ("A", e.attributed)) if on) or "-"


def _who(am: Any) -> str:
    if am is None:
        return "-"
    return f"{am.text} [{am.actor.code}]" if am.actor.code else am.text


#: ``--format table``: (heading, display cells); longer values are cut with an ellipsis.
TABLE = [("article", 22), ("sent", 4), ("date", 10), ("cameo", 5), ("type", 9), ("source", 26),
         ("trigger", 14), ("target", 26), ("place", 14), ("flags", 5), ("conf", 4)]
TABLE_HEADER = "  ".join(h.ljust(w) for h, w in TABLE).rstrip()


def _table_row(e: Event) -> str:
    from marsad.cli._table import row

    return row([
        e.article_id, str(e.sentence), e.date.isoformat() if e.date else "-", e.cameo,
        e.event_type or "-", _who(e.source), e.trigger.text, _who(e.target),
        e.place.place.name if e.place else "-", _flags(e), f"{e.confidence:.2f}",
    ], [w for _, w in TABLE])


#: ``--format csv``: one row per event for spreadsheets (UTF-8 with a byte-order mark, so that
#: spreadsheet programs show the Arabic).
CSV_COLUMNS = ["article_id", "sentence", "date", "cameo", "event_type", "source_code", "source_text",
               "trigger", "target_code", "target_text", "place", "place_country", "flags", "confidence",
               "evidence"]


def _csv_row(e: Event) -> list[Any]:
    def actor(am: Any) -> tuple[str, str]:
        return ("", "") if am is None else (am.actor.code or "", am.text)

    return [e.article_id, e.sentence, e.date.isoformat() if e.date else "", e.cameo, e.event_type or "",
            *actor(e.source), e.trigger.text, *actor(e.target), e.place.place.name if e.place else "",
            (e.place.place.country or "") if e.place else "", "" if _flags(e) == "-" else _flags(e),
            f"{e.confidence:.2f}", e.evidence]


def _articles(args: argparse.Namespace, errors: list[ReadError], stderr: TextIO) -> Iterator[Article]:
    from marsad.cli._inputs import read_inputs

    for item in read_inputs(args, "code", stderr):
        if isinstance(item, ReadError):
            errors.append(item)
        else:
            yield item


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from marsad.cli._inputs import check_inputs
    from marsad.core.serialize import event_to_dict

    check_inputs(args)  # a missing path or an empty folder: exit 2 before loading the models
    errors: list[ReadError] = []
    failed: list[str] = []
    from marsad.coding import build_pipeline

    pipe = build_pipeline(args.dictionary, warn=lambda m: print(f"marsad code: warning: {m}", file=stderr),
                          freeze_gc=True, actors=args.actors)
    pipe.on_error = lambda doc, err: failed.append(str(err))
    if args.format == "table":
        stdout.write(TABLE_HEADER + "\n")
    writer = csv.writer(stdout, lineterminator="\n") if args.format == "csv" else None
    if writer:
        stdout.write("\ufeff")
        writer.writerow(CSV_COLUMNS)
    floor = default_threshold() if args.min_confidence is None else args.min_confidence
    n_docs = n_events = n_complete = 0
    for doc in pipe.pipe(_articles(args, errors, stderr)):
        n_docs += 1
        for e in _events(doc, floor, args.mentions):
            n_events += 1
            n_complete += e.complete
            if writer:
                writer.writerow(_csv_row(e))
            elif args.format == "table":
                stdout.write(_table_row(e) + "\n")
            else:
                stdout.write(json.dumps(event_to_dict(e), ensure_ascii=False) + "\n")
    for err in errors:
        print(f"marsad code: cannot read {err}", file=stderr)
    for msg in failed:
        print(f"marsad code: {msg}", file=stderr)
    what = "mentions" if args.mentions else "events"
    print(f"marsad code: {n_docs} articles, {n_events} {what} ({n_complete} complete), "
          f"{len(errors) + len(failed)} failed", file=stderr)
    if n_docs == 0 and errors:
        return ExitStatus.USAGE
    return ExitStatus.of(len(errors) + len(failed))


def _events(doc: Document, min_confidence: float, mentions: bool) -> list[Event]:
    """The article's events (or their mentions) at least ``min_confidence`` probable."""
    if mentions:  # a mention of a probable event is printed, however plain its own sentence
        best = event_confidence(doc.events)
        return [e for e in doc.events if best[e.event_id or e.id] >= min_confidence]
    return [e for e in article_events(doc.events) if e.confidence >= min_confidence]
