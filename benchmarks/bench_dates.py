"""Datelines and date expressions over the whole ANT corpus.

Usage: .venv/bin/python benchmarks/bench_dates.py [ARCHIVE]
(default ../shared/data/corpus/ant-v2.1-multisource.tar.gz). Parses every <TIME> with
parse_dateline, normalises every <TEXT> once (as analyze() does) and times find_dates on it
with the parsed publication date; prints a table of CPU times (fair on a shared machine) and the expressions by kind.
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
    c0 = time.process_time()
    pubs = [parse_dateline(stamp)[0] for _, stamp in docs]
    c1 = time.process_time()
    norms = [normalize(text) for text, _ in docs]
    c2 = time.process_time()
    found = [find_dates(text, pub, norm) for (text, _), pub, norm in zip(docs, pubs, norms, strict=True)]
    c3 = time.process_time()
    n = sum(map(len, found))
    print("| step | items | CPU s | items/CPU s |")
    print("|---|---|---|---|")
    for name, cpu in (("parse_dateline (<TIME>)", c1 - c0), ("normalize (<TEXT>, for reference)", c2 - c1),
                      ("find_dates (<TEXT>)", c3 - c2)):
        print(f"| {name} | {len(docs):,} | {cpu:.2f} | {len(docs) / cpu:,.0f} |")
    print(f"\n{sum(p is None for p in pubs)} <TIME> values unparsed; {n:,} date expressions\n")
    print("| kind | precision | expressions |")
    print("|---|---|---|")
    kinds = Counter((d.kind, d.precision) for doc in found for d in doc)
    for (kind, precision), count in kinds.most_common():
        print(f"| {kind} | {precision} | {count:,} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
