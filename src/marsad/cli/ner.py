"""``marsad ner --conll FILE``: tag given tokens (first column of a CoNLL file) with the NER model."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from marsad.cli.status import ExitStatus
from marsad.core.errors import InputError

COMMAND = ("ner",)
HELP = "tag the tokens of a CoNLL file (first column) with PERS/ORG/LOC/MISC IOB tags"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--conll", required=True, metavar="FILE",
                        help="tokens in the first whitespace-separated column, blank lines between sentences")
    parser.add_argument("--model-dir", default=None, help="a model folder other than the shipped one")
    parser.add_argument("--window", type=int, default=None,
                        help="sentences either side that count as one document for the consistency pass "
                             "(default 30; 0 = the whole file)")
    parser.add_argument("--no-consistency", action="store_true", help="skip the document-level consistency pass")


def read_tokens(path: str) -> list[list[str]]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"no such CoNLL file: {path}; give a file with one token per line")
    sents: list[list[str]] = []
    cur: list[str] = []
    for line in p.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts:
            cur.append(parts[0])
        elif cur:
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    return sents


def tag_file(path: str, model_dir: str | None, window: int | None, consistency: bool) -> tuple[list[list[str]], list[list[str]]]:
    from marsad.components.ner.model import CONLL_WINDOW, NerModel

    sents = read_tokens(path)
    model = NerModel(model_dir, consistency=consistency)
    return sents, model.tag(sents, CONLL_WINDOW if window is None else window)


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    sents, tags = tag_file(args.conll, args.model_dir, args.window, not args.no_consistency)
    for words, ts in zip(sents, tags, strict=True):
        stdout.write("".join(f"{w}\t{t}\n" for w, t in zip(words, ts, strict=True)))
        stdout.write("\n")
    return ExitStatus.OK
