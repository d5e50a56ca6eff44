"""What each feature family of the event detector adds: retrain without it and score dev.

    .venv/bin/python benchmarks/detector_ablation.py [--threshold 0.45]

Reads data/detector/labels.jsonl and the ANT archive as ``marsad train detector`` does; prints dev
F1 (all types, ASSAULT, PROTEST) with all features, without each family, and with the rules'
features only (docs/detector.md).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from marsad.training.detector import Example, build_examples, candidate_pipeline, fit, split_examples

ANT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus" / "ant-v2.1-multisource.tar.gz"
FAMILIES = {
    "what the rules know": ("type=", "cameo=", "root=", "rule=", "src", "tgt", "flag="),
    "the trigger words": ("trig",),
    "the window": ("left", "right"),
    "the sentence words": ("w=",),
    "position": ("sent=", "len", "question"),
    "the title": ("title=",),
    "the article's topic": ("article=",),
}


def _keep(examples: list[Example], test: object) -> list[Example]:
    return [Example(e.article_id, e.label, [f for f in e.feats if test(f)], e.y, e.origin)  # type: ignore[operator]
            for e in examples]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=float, default=0.45)
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1] / "data")
    args = ap.parse_args()
    examples = build_examples(args.data, ANT, candidate_pipeline())
    rules = FAMILIES["what the rules know"]
    runs = [("all", examples)]
    runs += [(f"without {name}", _keep(examples, lambda f, p=prefixes: not f.startswith(p)))
             for name, prefixes in FAMILIES.items()]
    runs.append(("the rules' features only", _keep(examples, lambda f: f.startswith(rules) or "|source:" in f)))
    print("features\tF1\tASSAULT\tPROTEST")
    for name, exs in runs:
        _, rep = fit(split_examples(exs), threshold=args.threshold)
        by = rep["dev_by_type"]
        print(f"{name}\t{rep['dev_all']['f1']:.3f}\t{by['ASSAULT']['f1']:.3f}\t{by['PROTEST']['f1']:.3f}", flush=True)


if __name__ == "__main__":
    main()
