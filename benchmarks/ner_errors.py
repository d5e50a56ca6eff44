"""Error analysis of the NER model on a gold CoNLL file: kinds of mistake, counts, examples.

    .venv/bin/python benchmarks/ner_errors.py [--gold ../shared/data/ner/anercorp-camel/test.txt]

A gold entity the model did not get exactly is "missed" (no predicted entity overlaps it),
"boundary" (an overlapping prediction of the same type, other span) or "type" (same span,
other type, or overlapping with another type); a predicted entity overlapping no gold one is
"spurious". Each is split by type and by whether the gold name occurs as an entity in train
(seen) and, for Arabic-script names, whether it is a Latin-script token.
"""

from __future__ import annotations

import argparse
import os
from collections import Counter, defaultdict
from pathlib import Path

from marsad.components.ner.model import CONLL_WINDOW, NerModel
from marsad.training.ner.corpus import read_conll
from marsad.training.ner.scoring import entities

DATA = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[1].parent / "shared")) / "data" / "ner"


def kind_of(e: tuple[int, int, str], others: set[tuple[int, int, str]]) -> str:
    over = [x for x in others if x[0] < e[1] and e[0] < x[1]]
    if not over:
        return "missed"
    if any(x[2] == e[2] for x in over):
        return "boundary"
    return "tagged " + "/".join(sorted({x[2] for x in over}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(DATA / "anercorp-camel" / "test.txt"))
    ap.add_argument("--train", default=str(DATA / "anercorp-camel" / "train.txt"))
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    seen = set()
    for s in read_conll(args.train):
        seen.update(" ".join(w for w, _ in s[a:b]) for a, b, _ in entities([t for _, t in s]))
    gold = read_conll(args.gold)
    pred = NerModel().tag([[w for w, _ in s] for s in gold], CONLL_WINDOW)
    counts: Counter[str] = Counter()
    examples: dict[str, Counter[str]] = defaultdict(Counter)
    for s, ptags in zip(gold, pred, strict=True):
        ge, pe = set(entities([t for _, t in s])), set(entities(ptags))
        for e in ge - pe:
            text = " ".join(w for w, _ in s[e[0]:e[1]])
            key = f"{e[2]} {kind_of(e, pe)} ({'seen' if text in seen else 'unseen'} in train)"
            counts[key] += 1
            examples[key][text] += 1
        for e in pe - ge:
            if not any(x[0] < e[1] and e[0] < x[1] for x in ge):
                text = " ".join(w for w, _ in s[e[0]:e[1]])
                key = f"spurious {e[2]} (no gold entity there)"
                counts[key] += 1
                examples[key][text] += 1
    print("| kind of mistake | count | most frequent examples |\n|---|---|---|")
    for key, n in counts.most_common(args.top):
        ex = ", ".join(f"{t} ({c})" for t, c in examples[key].most_common(5))
        print(f"| {key} | {n} | {ex} |")


if __name__ == "__main__":
    main()
