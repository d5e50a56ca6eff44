"""Tagging speed of the ner stage: tokens per second on one core, features included.

Builds Documents (sentences and tokens, not timed) from the first ANT articles, then times
NerStage.pipe over batches of 64 documents, as the pipeline runs it. Prints a table.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/ner_speed.py [--articles 300]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from marsad.components.ner.features import cluster_features, context_features, lexicon_features, word_features
from marsad.components.ner.model import load_model
from marsad.components.ner.stage import NerStage
from marsad.core.types import Article, Document
from marsad.text.sentences import split_sentences
from marsad.text.tokens import tokenize
from marsad.training.ner.corpus import ant_articles

SHARED = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))


def documents(n: int, skip: int = 0) -> list[Document]:
    docs = []
    for i, text in enumerate(ant_articles(SHARED / "data" / "corpus" / "ant-v2.1-multisource.tar.gz")):
        if i < skip:
            continue
        if len(docs) >= n:
            break
        sents = tuple(split_sentences(text))
        docs.append(Document(article=Article(id=str(i), text=text), sentences=sents, tokens=tuple(tokenize(text, sents))))
    return docs


def run(docs: list[Document], stage: NerStage, batch: int = 64) -> tuple[int, float, float]:
    """Tokens tagged, wall seconds and CPU seconds of this process (the machine is shared)."""
    t0, c0 = time.perf_counter(), time.process_time()
    n = 0
    for k in range(0, len(docs), batch):
        out = stage.pipe(docs[k : k + batch])
        n += sum(len(d.tokens) for d in out)
    return n, time.perf_counter() - t0, time.process_time() - c0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--model-dir", default=None, help="another model folder (default: the shipped one)")
    ap.add_argument("--crfsuite", action="store_true", help="decode with crfsuite instead of the NumPy decoder")
    args = ap.parse_args()
    t0 = time.perf_counter()
    model = load_model(args.model_dir)
    load_s = time.perf_counter() - t0
    if args.crfsuite:
        model.fast = None
    stage = NerStage(args.model_dir)
    warm = documents(50, skip=20000)
    run(warm, stage)  # warm-up on other articles
    docs = documents(args.articles)
    for cached in (word_features, cluster_features, context_features, lexicon_features):
        cached.cache_clear()
    fast = model.fast
    if fast is not None:  # the per-type score caches of the NumPy decoder
        fast.clear()
    n, secs, cpu = run(docs, stage)
    print("| measure | value |\n|---|---|")
    print(f"| model load (s) | {load_s:.2f} |")
    print(f"| articles, tokens | {len(docs)}, {n} |")
    print(f"| tokens/s, cold feature caches: wall / CPU time | {n / secs:,.0f} / {n / cpu:,.0f} |")
    n2, secs2, cpu2 = run(docs, stage)
    print(f"| tokens/s, warm caches: wall / CPU time | {n2 / secs2:,.0f} / {n2 / cpu2:,.0f} |")


if __name__ == "__main__":
    main()
