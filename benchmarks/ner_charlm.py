"""Score the character-LM tagger (NumPy) on an ANERcorp file, alone and with the CRF's post-passes.

    .venv/bin/python benchmarks/ner_charlm.py [--gold ../shared/data/ner/anercorp-camel/test.txt]
        [--model-dir src/marsad/resources/models/ner-charlm]

Prints micro F1 for: the tagger alone; + the document consistency pass (30 sentences either
side); + the names list; and its speed in tokens per CPU-second (batches of 64 sentences).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from marsad.components.ner.model import CONLL_WINDOW, apply_names, load_names, propagate, resource_path
from marsad.training.ner.corpus import read_conll
from marsad.training.ner.scoring import evaluate, format_table
from marsad.training.neural.infer import MODEL_DIR, CharLMTagger

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=SHARED / "data/ner/anercorp-camel/test.txt")
    ap.add_argument("--model-dir", type=Path, default=MODEL_DIR)
    args = ap.parse_args()
    gold = read_conll(args.gold)
    words = [[w for w, _ in s] for s in gold]
    gtags = [[t for _, t in s] for s in gold]
    model = CharLMTagger(args.model_dir)
    t0 = time.process_time()
    raw = model.tag(words)
    cpu = time.process_time() - t0
    n = sum(len(s) for s in words)
    prop = propagate(words, raw, CONLL_WINDOW)
    named = apply_names(words, prop, load_names(str(resource_path("names.tsv", None))))
    for name, pred in (("tagger alone", raw), ("+ consistency pass", prop), ("+ names list", named)):
        print(f"{name}: micro F1 {evaluate(gtags, pred)['micro'].f1:.4f}")
    print(format_table(evaluate(gtags, named)))
    print(f"{n} tokens in {cpu:.1f} CPU-s: {n / cpu:,.0f} tokens/s")


if __name__ == "__main__":
    main()
