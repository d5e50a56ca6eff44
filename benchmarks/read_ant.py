"""Reader throughput and memory on the ANT corpus: articles per second and peak memory.

Reads the first 1,000, 10,000 and all articles of the corpus (each count in a fresh process, so
peak memory is measured per run) and prints a Markdown table, then the items that failed with
their reasons. Peak memory must stay flat as the count grows: readers stream.

    python benchmarks/read_ant.py                       # ../shared/data/corpus/ant-v2.1-multisource.tar.gz
    python benchmarks/read_ant.py --corpus /tmp/ant     # an unpacked copy (a folder)
    python benchmarks/read_ant.py --analyze             # also run marsad.text.analyze on each article
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared")) / "data/corpus/ant-v2.1-multisource.tar.gz"


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(corpus: str, limit: int | None, analyze: bool) -> dict[str, object]:
    from marsad.core.types import ReadError
    from marsad.readers import read

    if analyze:
        from marsad.text import analyze as run_analysis
    base = _rss_mb()
    n = chars = 0
    errors: list[str] = []
    start, cpu = time.perf_counter(), _cpu_s()
    for item in read(corpus):
        if isinstance(item, ReadError):
            errors.append(str(item))
        else:
            n += 1
            chars += len(item.text)
            if analyze:
                run_analysis(item)
        if limit is not None and n + len(errors) >= limit:
            break
    seconds, cpu = time.perf_counter() - start, _cpu_s() - cpu
    return {"items": n + len(errors), "articles": n, "chars": chars, "seconds": seconds, "cpu": cpu,
            "rss_base": base, "rss_peak": _rss_mb(), "errors": errors}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(DEFAULT))
    parser.add_argument("--limits", default="1000,10000,all", help="comma-separated item counts, or 'all'")
    parser.add_argument("--analyze", action="store_true", help="also run the text layer on each article")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        limit = None if args.child == "all" else int(args.child)
        print(json.dumps(child(args.corpus, limit, args.analyze)))
        return 0
    if not Path(args.corpus).exists():
        print(f"corpus not found: {args.corpus} (use --corpus or set MARSAD_SHARED)", file=sys.stderr)
        return 2
    print(f"corpus: {args.corpus}; Python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"{platform.machine()}; mode: {'read + analyze' if args.analyze else 'read'}\n")
    print("| items | articles | failures | wall s | CPU s | articles/s (wall) | articles/CPU-s | "
          "RSS after import MiB | peak RSS MiB | growth MiB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    last: dict[str, object] = {}
    for limit in args.limits.split(","):
        cmd = [sys.executable, __file__, "--corpus", args.corpus, "--child", limit]
        cmd += ["--analyze"] if args.analyze else []
        last = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        s, c, a = float(last["seconds"]), float(last["cpu"]), int(last["articles"])  # type: ignore[arg-type]
        base, peak = float(last["rss_base"]), float(last["rss_peak"])  # type: ignore[arg-type]
        print(f"| {last['items']:,} | {a:,} | {len(last['errors']):,} | {s:.1f} | {c:.1f} | {a / s:,.0f} | "  # type: ignore[arg-type]
              f"{a / c:,.0f} | {base:.0f} | {peak:.0f} | {peak - base:.1f} |")
    print(f"\nfailures in the last run ({len(last.get('errors', []))}):")  # type: ignore[arg-type]
    for err in last.get("errors", []):  # type: ignore[attr-defined]
        print(f"- {err}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
