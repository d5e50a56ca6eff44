"""Sentence-splitting throughput over the <TEXT> of every ANT article.

Usage: .venv/bin/python benchmarks/bench_sentences.py [ARCHIVE]
(default ../shared/data/corpus/ant-v2.1-multisource.tar.gz). Reads the archive as a stream,
pulls <TEXT> out with a regex (independent of the readers), then times split_sentences alone
(wall clock and CPU time of this process: the CPU figure is the fair one on a shared machine)
and prints a table.
"""

from __future__ import annotations

import re
import sys
import tarfile
import time
from pathlib import Path

from marsad.text.sentences import split_sentences

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TIME = re.compile(r"<TIME>(.*?)</TIME>", re.S)
_DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "corpus" / "ant-v2.1-multisource.tar.gz"


def load_texts(archive: Path, with_time: bool = False) -> list:  # type: ignore[type-arg]
    """Every <TEXT> of the archive (with its <TIME> as a second item when ``with_time``)."""
    texts: list = []  # type: ignore[type-arg]
    with tarfile.open(archive, "r|gz") as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".txt"):
                continue
            f = tar.extractfile(member)
            raw = f.read().decode("utf-8", "replace") if f else ""
            m = _TEXT.search(raw)
            if m:
                stamp = _TIME.search(raw)
                texts.append((m.group(1), stamp.group(1).strip() if stamp else "") if with_time else m.group(1))
    return texts


def main(argv: list[str]) -> int:
    archive = Path(argv[0]) if argv else _DEFAULT
    texts = load_texts(archive)
    chars = sum(map(len, texts))
    t0, c0 = time.perf_counter(), time.process_time()
    n = sum(len(split_sentences(t)) for t in texts)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    print("| articles | characters | sentences | wall s | CPU s | sentences/CPU s | MB/CPU s |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {len(texts):,} | {chars:,} | {n:,} | {dt:.2f} | {cpu:.2f} | {n / cpu:,.0f} | {chars / cpu / 1e6:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
