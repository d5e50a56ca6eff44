"""Datelines and date expressions over the whole ANT corpus.

Usage: .venv/bin/python benchmarks/bench_dates.py [ARCHIVE]
(default ../shared/data/corpus/ant-v2.1-multisource.tar.gz). Parses every <TIME> with
parse_dateline, normalises every <TEXT> once (as analyze() does) and times find_dates on it
with the parsed publication date; prints a timing table and the expressions by kind.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from bench_sentences import _DEFAULT, load_texts

from marsad.text.dates import find_dates, parse_dateline
from marsad.text.normalize import normalize


def main(argv: list[str]) -> int:
    archive = Path(argv[0]) if argv else _DEFAULT
    docs = load_texts(archive, with_time=True)
    t0 = time.perf_counter()
    pubs = [parse_dateline(stamp)[0] for _, stamp in docs]
    t_dateline = time.perf_counter() - t0
    t0 = time.perf_counter()
    norms = [normalize(text) for text, _ in docs]
    t_norm = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = [find_dates(text, pub, norm) for (text, _), pub, norm in zip(docs, pubs, norms, strict=True)]
    t_find = time.perf_counter() - t0
    n = sum(map(len, found))
    print("| step | items | seconds | items/s |")
    print("|---|---|---|---|")
    print(f"| parse_dateline (<TIME>) | {len(docs):,} | {t_dateline:.2f} | {len(docs) / t_dateline:,.0f} |")
    print(f"| normalize (<TEXT>, for reference) | {len(docs):,} | {t_norm:.2f} | {len(docs) / t_norm:,.0f} |")
    print(f"| find_dates (<TEXT>) | {len(docs):,} | {t_find:.2f} | {len(docs) / t_find:,.0f} |")
    print(f"\n{sum(p is None for p in pubs)} <TIME> values unparsed; {n:,} date expressions\n")
    print("| kind | precision | expressions |")
    print("|---|---|---|")
    kinds = Counter((d.kind, d.precision) for doc in found for d in doc)
    for (kind, precision), count in kinds.most_common():
        print(f"| {kind} | {precision} | {count:,} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
