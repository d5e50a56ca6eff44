"""``marsad train ner``: rebuild the NER model (gazetteer, word clusters, CRF) from ../shared/data."""

from __future__ import annotations

import argparse
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from marsad.cli.status import ExitStatus

COMMAND = ("train", "ner")
HELP = "rebuild the NER model from the shared data (needs the 'train' extra; 30-60 minutes on 2 cores)"


def default_data() -> Path:
    env = os.environ.get("MARSAD_SHARED")
    if env:
        return Path(env) / "data"
    return Path.cwd().parent / "shared" / "data"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=None,
                        help="the shared data folder (default: $MARSAD_SHARED/data or ../shared/data)")
    parser.add_argument("--out", type=Path, default=None,
                        help="model folder to write (default: ./marsad-models/ner; use it with MARSAD_RESOURCES, docs/ner.md)")
    parser.add_argument("--keep-resources", action="store_true",
                        help="reuse the gazetteer and cluster files in --out and the cached ANT vectors instead of rebuilding them")


def _iterations(what: str, stderr: TextIO) -> Callable[[int, int], None]:
    """A progress bar over the iterations of one CRF training (drawn on a terminal only)."""
    from marsad.cli._progress import Progress

    bar = Progress(stderr, label=f"iterations ({what})", detail=False)
    finished = [False]

    def step(done: int, total: int) -> None:
        if finished[0]:
            return
        bar.set_total(total)
        bar.update({"articles": done - bar.done()}, force=done >= total)
        if done >= total:
            finished[0] = True
            bar.close()

    return step


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from marsad.training.ner.train import TrainConfig, train

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=stderr)
    data = args.data or default_data()
    out = (args.out or Path("marsad-models") / "ner").resolve()
    report = train(data, out, TrainConfig(), rebuild_resources=not args.keep_resources,
                   progress=lambda what: _iterations(what, stderr))
    stdout.write(json.dumps({k: report[k] for k in ("dev", "test", "timings")}, indent=1) + "\n")
    stdout.write(f"model written to {out}\n")
    return ExitStatus.OK
