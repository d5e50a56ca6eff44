"""``marsad train detector``: rebuild the event detector from the labelled candidates in data/."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from marsad.cli.status import ExitStatus
from marsad.cli.train_ner import default_data

COMMAND = ("train", "detector")
HELP = "rebuild the event detector from data/detector/labels.jsonl and the dev gold (needs the 'train' extra)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data"),
                        help="the project's data folder with detector/labels.jsonl and gold/ (default: ./data)")
    parser.add_argument("--archive", type=Path, default=None,
                        help="the ANT v2.1 archive (default: $MARSAD_SHARED/data/corpus/ or ../shared/data/corpus/)")
    parser.add_argument("--out", type=Path, default=Path("marsad-models") / "detector" / "detector.json",
                        help="model file to write (default: ./marsad-models/detector/detector.json)")
    parser.add_argument("--report", type=Path, default=None, help="also write the figures as JSON here")
    parser.add_argument("--threshold", type=float, default=None,
                        help="the default --min-confidence to ship (default: the F1-best one on out-of-fold "
                             "predictions; docs/detector.md gives the shipped value and why)")
    parser.add_argument("-C", dest="c", type=float, default=0.5, help="inverse regularisation strength (default 0.5)")


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from marsad.cli._progress import Progress
    from marsad.training.detector import build_examples, candidate_pipeline, fit, split_examples

    archive = args.archive or default_data() / "corpus" / "ant-v2.1-multisource.tar.gz"
    pipeline = candidate_pipeline(warn=lambda m: print(f"marsad: warning: {m}", file=stderr))
    bar = Progress(stderr, label="labelled articles", detail=False)

    def progress(total: int | None) -> Any:
        bar.set_total(total)
        return lambda n: bar.update({"articles": n})

    try:
        examples = build_examples(args.data, archive, pipeline, log=lambda m: print(m, file=stderr),
                                  progress=progress)
    finally:
        bar.update({}, force=True)
        bar.close()
    detector, report = fit(split_examples(examples), c=args.c, threshold=args.threshold)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(detector.to_json(), encoding="utf-8")
    text = json.dumps(report, indent=1, ensure_ascii=False)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    stdout.write(text + "\n")
    stdout.write(f"detector written to {args.out}\n")
    return ExitStatus.OK
