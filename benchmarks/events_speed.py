"""Speed of the whole default pipeline, reading to events, with a per-stage breakdown.

    .venv/bin/python benchmarks/events_speed.py [--articles 400] [--repeat 3] [--no-freeze]
    .venv/bin/python benchmarks/events_speed.py --articles 200 --profile text   # cProfile of one stage

Articles: the first N middleEast/internationalNews articles of ANT v2.1 (the next one is the
warm-up). The stages run as ``marsad code`` runs them (``Pipeline.run_batch`` on batches of 64);
each stage's CPU time (``time.process_time``: one process, so per-core speed) is summed over the
batches. Reading the archive is not counted. The models are loaded and one article is run before
timing, so lazy loads are excluded but the word caches start nearly cold. With ``--repeat R``
the measurement runs in R fresh processes (always at least one, apart from the one that read the
archive) and the table gives the median (and the range) of each figure. As in ``marsad code``, the
Pipeline calls ``gc.freeze()`` after its first batch; ``--no-freeze`` turns that off, to show what the
loaded models cost the garbage collector. Peak RSS is the process's high-water mark (``ru_maxrss``).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pickle
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path
from typing import Any

from marsad.core.types import Article, Document

ANT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus" / "ant-v2.1-multisource.tar.gz"
CATEGORIES = ("middleEast", "internationalNews")


def read_articles(n: int) -> list[Article]:
    """The first ``n + 1`` ANT articles of the two news categories (the last one warms up)."""
    from marsad.readers import read

    it = (a for a in read(ANT, "auto") if isinstance(a, Article) and a.category in CATEGORIES)
    return list(islice(it, n + 1))


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(arts: list[Article], batch: int, freeze: bool, profile: str | None,
            detector: bool = True) -> dict[str, Any]:
    """Time each stage over the articles (all but the last, which warms up)."""
    from marsad.coding import build_pipeline

    t0 = time.process_time()
    pipe = build_pipeline(warn=lambda m: print("warning:", m, file=sys.stderr), detector=detector)
    pipe.freeze_gc = freeze  # the Pipeline freezes the loaded models after its first batch
    pipe.run_batch([Document(article=arts[-1])])
    load_s, load_rss = time.process_time() - t0, _rss_mb()
    prof = cProfile.Profile() if profile else None
    times = {s.name: 0.0 for s in pipe.stages}
    counts = {"articles": 0, "sentences": 0, "tokens": 0, "events": 0, "characters": 0}
    for lo in range(0, len(arts) - 1, batch):
        docs = [Document(article=a) for a in arts[lo:min(lo + batch, len(arts) - 1)]]
        for stage in pipe.stages:
            if prof and stage.name == profile:
                prof.enable()
            t = time.process_time()
            docs = list(stage.pipe(docs))
            times[stage.name] += time.process_time() - t
            if prof and stage.name == profile:
                prof.disable()
        counts["articles"] += len(docs)
        for key, field in (("sentences", "sentences"), ("tokens", "tokens"), ("events", "events")):
            counts[key] += sum(len(getattr(d, field)) for d in docs)
        counts["characters"] += sum(len(d.text) for d in docs)
    if prof:
        pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(30)
    return {"times": times, "counts": counts, "load_s": load_s, "load_rss_mb": load_rss,
            "peak_rss_mb": _rss_mb()}


def _fresh_runs(args: argparse.Namespace, arts: list[Article]) -> list[dict[str, Any]]:
    """Run the measurement in ``args.repeat`` fresh processes, the articles handed over in a file."""
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.pickle"
        path.write_bytes(pickle.dumps(arts))
        cmd = [sys.executable, __file__, "--child", str(path), "--batch", str(args.batch)]
        cmd += (["--no-freeze"] if args.no_freeze else []) + (["--profile", args.profile] if args.profile else [])
        cmd += ["--no-detector"] if args.no_detector else []
        for k in range(args.repeat):
            done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
            if done.returncode != 0:  # the child's traceback went to stderr
                sys.exit(f"events_speed: run {k + 1} failed (exit {done.returncode}); see the error above")
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return runs


def _cell(values: list[float], fmt: str) -> str:
    mid = format(statistics.median(values), fmt)
    if len(values) == 1 or min(values) == max(values):
        return mid
    return f"{mid} ({format(min(values), fmt)}-{format(max(values), fmt)})"


def report(runs: list[dict[str, Any]], out: Any = sys.stdout) -> None:
    """Print the table: per stage CPU seconds, sentences/s, tokens/s and share of the pipeline."""
    c = runs[0]["counts"]
    print(f"machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}, "
          f"Python {sys.version.split()[0]}, {len(runs)} run(s): median (min-max)", file=out)
    print(" ".join(f"{k} {v:,}" for k, v in c.items()), file=out)
    print("stage\tCPU s\tsentences/s\ttokens/s\tshare", file=out)
    names = list(runs[0]["times"])
    totals = [sum(r["times"].values()) for r in runs]
    for name in names + ["pipeline"]:
        secs = totals if name == "pipeline" else [r["times"][name] for r in runs]
        share = [s / t for s, t in zip(secs, totals, strict=True)]
        print(f"{name}\t{_cell(secs, '.2f')}\t{_cell([c['sentences'] / max(s, 1e-9) for s in secs], ',.0f')}\t"
              f"{_cell([c['tokens'] / max(s, 1e-9) for s in secs], ',.0f')}\t{_cell([x * 100 for x in share], '.0f')}%",
              file=out)
    print(f"loading models (CPU s)\t{_cell([r['load_s'] for r in runs], '.1f')}", file=out)
    print(f"RSS after loading (MB)\t{_cell([r['load_rss_mb'] for r in runs], '.0f')}", file=out)
    print(f"peak RSS (MB)\t{_cell([r['peak_rss_mb'] for r in runs], '.0f')}", file=out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=400, help="articles to time (default 400)")
    ap.add_argument("--batch", type=int, default=64, help="documents per batch (default 64, as Pipeline)")
    ap.add_argument("--repeat", type=int, default=1, help="fresh processes to run (default 1)")
    ap.add_argument("--no-freeze", action="store_true", help="no gc.freeze() after the first batch")
    ap.add_argument("--no-detector", action="store_true", help="the rule coder's confidence, no trained detector")
    ap.add_argument("--profile", metavar="STAGE", help="print a cProfile of this stage to stderr")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        arts = pickle.loads(args.child.read_bytes())
        print(json.dumps(measure(arts, args.batch, not args.no_freeze, args.profile, not args.no_detector)))
        return
    t = time.process_time()
    arts = read_articles(args.articles)
    print(f"reading ANT (not counted): {time.process_time() - t:.1f} CPU s", file=sys.stderr)
    report(_fresh_runs(args, arts))


if __name__ == "__main__":
    main()
