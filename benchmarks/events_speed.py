"""Speed of the whole pipeline, reading to events, with a per-stage breakdown (CPU seconds of one process: per-core speed).

    .venv/bin/python benchmarks/events_speed.py [--articles 200]
"""

from __future__ import annotations

import argparse
import sys
import time
from itertools import islice
from pathlib import Path

from marsad.events.pipeline import build_pipeline
from marsad.ingest import read
from marsad.types import Article, Document

ANT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus" / "ant-v2.1-multisource.tar.gz"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    args = ap.parse_args()
    t0 = time.process_time()
    arts = [a for a in islice((a for a in read(ANT, "auto") if isinstance(a, Article)
                               and a.category in ("middleEast", "internationalNews")), args.articles)]
    t_read = time.process_time() - t0
    pipe = build_pipeline(warn=lambda m: print("warning:", m, file=sys.stderr))
    pipe.run_batch([Document(article=arts[0])])  # warm caches and lazy loads
    docs = [Document(article=a) for a in arts]
    times = {}
    for stage in pipe.stages:
        t = time.process_time()
        docs = stage.pipe(docs)
        times[stage.name] = time.process_time() - t
    n = sum(len(d.sentences) for d in docs)
    total = sum(times.values())
    print(f"articles\t{len(arts)}\nsentences\t{n}\nevents\t{sum(len(d.events) for d in docs)}")
    print(f"reading (tar.gz scan, not counted)\t{t_read:.1f} s")
    print("stage\tseconds\tsentences/s")
    for name, t in times.items():
        print(f"{name}\t{t:.2f}\t{n / t if t else float('inf'):.0f}")
    print(f"pipeline\t{total:.2f}\t{n / total:.0f}")


if __name__ == "__main__":
    main()
