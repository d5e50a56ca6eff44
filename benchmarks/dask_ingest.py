"""Single-process ingest against Dask workers, on a fixed subset of ANT, into PostgreSQL.

    python benchmarks/dask_ingest.py [--n 5000] [--workers 2]

The subset is the first N articles, in archive order, of the middleEast and internationalNews
folders of ../shared/data/corpus/ant-v2.1-multisource.tar.gz, written to a JSON Lines file first
so that both runs read the same input the same way. Each run starts from an empty database. Prints
a Markdown table: wall seconds, articles/s, speed-up, and the overhead per article of the
distributed path, (workers x T_dask - T_single) / N, in CPU-milliseconds.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pg import fresh_db, pg_server  # noqa: E402

ANT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus" / "ant-v2.1-multisource.tar.gz"


def subset(n: int, out: Path) -> int:
    from marsad.readers import read

    taken = 0
    with out.open("w", encoding="utf-8") as f:
        for item in read([str(ANT)]):
            if taken >= n:
                break
            if getattr(item, "category", None) in ("middleEast", "internationalNews"):
                a = item
                f.write(json.dumps({"id": a.id, "text": a.text, "title": a.title, "source": a.source,
                                    "url": a.url, "published": a.published.isoformat() if a.published else None},
                                   ensure_ascii=False) + "\n")
                taken += 1
    return taken


def timed(argv: list[str]) -> float:
    import io

    from marsad.cli.main import main

    t = time.perf_counter()
    err = io.StringIO()
    rc = main(argv, stdout=io.StringIO(), stderr=err)
    if rc != 0:
        print(err.getvalue()[-2000:], file=sys.stderr)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp, pg_server() as admin:
        path = Path(tmp) / "subset.jsonl"
        n = subset(args.n, path)
        single = timed(["ingest", str(path), "--db", fresh_db(admin, "bench_single"), "--no-dedup"])
        dask = timed(["ingest", str(path), "--db", fresh_db(admin, "bench_dask"), "--no-dedup",
                      "--workers", str(args.workers)])
    print("| run | articles | wall s | articles/s | speed-up |\n|---|---|---|---|---|")
    print(f"| single process | {n} | {single:.1f} | {n / single:.1f} | 1.00 |")
    print(f"| Dask, {args.workers} workers | {n} | {dask:.1f} | {n / dask:.1f} | {single / dask:.2f} |")
    print(f"\noverhead per article of the distributed path: "
          f"{(args.workers * dask - single) / n * 1000:.1f} CPU-ms")


if __name__ == "__main__":
    main()
