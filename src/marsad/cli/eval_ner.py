"""``marsad eval ner --gold FILE``: score the NER model on a gold CoNLL file's own tokens."""

from __future__ import annotations

import argparse
from typing import TextIO

from marsad.cli.status import ExitStatus
from marsad.core.errors import InputError

COMMAND = ("eval", "ner")
HELP = "precision, recall and F1 per type and micro of the NER model on a gold CoNLL file (conlleval counting)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", required=True, metavar="FILE", help="CoNLL file: token ... TAG, blank lines between sentences")
    parser.add_argument("--model-dir", default=None, help="a model folder other than the shipped one")
    parser.add_argument("--window", type=int, default=None,
                        help="sentences either side that count as one document (default 30; 0 = whole file)")
    parser.add_argument("--no-consistency", action="store_true", help="skip the document-level consistency pass")


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from marsad.components.ner.model import CONLL_WINDOW, NerModel
    from marsad.training.ner.corpus import read_conll
    from marsad.training.ner.scoring import evaluate, format_table

    try:
        gold = read_conll(args.gold)
    except OSError as exc:
        raise InputError(f"cannot read the gold file {args.gold}: {exc.strerror}; give a CoNLL file") from exc
    if not gold:
        raise InputError(f"the gold file {args.gold} holds no sentences")
    model = NerModel(args.model_dir, consistency=not args.no_consistency)
    window = CONLL_WINDOW if args.window is None else args.window
    pred = model.tag([[w for w, _ in s] for s in gold], window)
    scores = evaluate([[t for _, t in s] for s in gold], pred)
    stdout.write(format_table(scores) + "\n")
    return ExitStatus.OK
