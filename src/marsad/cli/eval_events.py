"""``marsad eval events --gold FILE.xml``: score the event coder against a gold file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from marsad.cli.status import ExitStatus
from marsad.core.errors import InputError

COMMAND = ("eval", "events")
HELP = "score coded events against a gold XML file (the dev set's format)"

_SINGLE_COLS = ("has_type", "top_type", "trigger_overlap_any", "trigger_overlap", "source_overlap_any",
                "source_overlap", "target_overlap", "source_code")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", required=True, metavar="FILE.xml", help="gold sentences in the dev set's XML format")
    parser.add_argument("--format", default="table", choices=["table", "json"], help="output format")
    parser.add_argument("--details", default=None, metavar="FILE.jsonl",
                        help="also write each sentence's gold and coded events here, for error analysis")


def _table_single(rows: dict[str, Any]) -> str:
    head = "type\t" + "\t".join(_SINGLE_COLS)
    lines = [head]
    for cat, r in rows.items():
        cells = [f"{r[c]['rate']:.3f} ({r[c]['hits']}/{r[c]['n']})" for c in _SINGLE_COLS]
        lines.append(cat + "\t" + "\t".join(cells))
    return "\n".join(lines) + "\n"


def _table_types(rows: dict[str, Any]) -> str:
    lines = ["type\tgold\tpred\ttp\tprecision\trecall\tf1"]
    for lab, r in rows.items():
        if lab.startswith("_"):
            continue
        lines.append(f"{lab}\t{r['gold']}\t{r['pred']}\t{r['tp']}\t{r['precision']:.3f}\t{r['recall']:.3f}\t{r['f1']:.3f}")
    ne = rows["_no_event_sentences"]
    lines.append(f"sentences without gold events coded with no typed event: {ne['rate']:.3f} ({ne['hits']}/{ne['n']})")
    return "\n".join(lines) + "\n"


def _details(path: str, sentences: list, coded: list) -> None:
    from marsad.core.serialize import event_to_dict

    with open(path, "w", encoding="utf-8") as fh:
        for s, evs in zip(sentences, coded, strict=True):
            fh.write(json.dumps({
                "id": s.id, "category": s.category, "text": s.text,
                "gold": [[e.label, e.eventtext, e.sourcetext, e.targettext] for e in s.events],
                "coded": [event_to_dict(e) | {"evidence": None} for e in evs],
            }, ensure_ascii=False) + "\n")


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from marsad.evaluation.events import code_gold, per_type_report, single_type_report
    from marsad.evaluation.gold import read_gold

    if not Path(args.gold).is_file():
        raise InputError(f"no such gold file: {args.gold}; give an XML file in the dev set's format")
    sentences = read_gold(args.gold)
    if not sentences:
        raise InputError(f"{args.gold} holds no <Sentence> elements; give a gold file in the dev set's format")
    coded = code_gold(sentences)
    single = single_type_report(sentences, coded)
    types = per_type_report(sentences, coded)
    if args.details:
        _details(args.details, sentences, coded)
    if args.format == "json":
        stdout.write(json.dumps({"gold": args.gold, "sentences": len(sentences), "single": single,
                                 "per_type": types}, ensure_ascii=False, indent=1) + "\n")
        return ExitStatus.OK
    stdout.write(f"gold: {args.gold} ({len(sentences)} sentences)\n\n")
    if all(len(s.events) <= 1 for s in sentences):
        stdout.write("per sentence, for the event of the gold type (top = most confident of that type):\n")
        stdout.write(_table_single(single) + "\n")
    stdout.write("per type, an event matches a gold event of its type whose trigger it overlaps (by type alone where the gold trigger is empty):\n")
    stdout.write(_table_types(types))
    return ExitStatus.OK
