"""Near-duplicate article clusters over a corpus, with a random sample to check by hand.

Uses the store's own functions (signature, bands, similarity, components), in memory, so
it runs on the whole ANT corpus in about a minute without coding any event.

    .venv/bin/python benchmarks/ingest_duplicates.py ../shared/data/corpus/ant-v2.1-multisource.tar.gz \
        --sample 50 --out docs/store-duplicates-sample.md
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict
from datetime import UTC

from marsad.core.types import Article
from marsad.readers import read
from marsad.store import duplicates as d
from marsad.text.normalize import normalize_text


def _naive(t):  # type: ignore[no-untyped-def]
    return t.astimezone(UTC).replace(tzinfo=None) if t is not None and t.tzinfo else t


def clusters(paths: list[str], threshold: float) -> tuple[dict, dict, int]:
    sigs, arts, buckets = {}, {}, defaultdict(list)
    for item in read(paths):
        if not isinstance(item, Article):
            continue
        sig = d.signature(normalize_text(item.text))
        if sig is None:
            continue
        blob = d.sig_bytes(sig)
        sigs[item.id] = blob
        arts[item.id] = item
        for row in d.band_rows(item.id, d.sig_array(blob)):
            buckets[(row["band"], row["hash"])].append(item.id)
    pairs = {(a, b) for ids in buckets.values() for a in ids for b in ids if a < b}
    edges = [(a, b, s) for a, b in pairs if d.is_duplicate(
        s := d.similarity(sigs[a], sigs[b]), _naive(arts[a].published), _naive(arts[b].published), threshold)]
    return d.components(edges), arts, len(pairs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--threshold", type=float, default=d.THRESHOLD)
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", help="markdown file for the sampled clusters")
    args = ap.parse_args()
    t0 = time.perf_counter()
    comp, arts, npairs = clusters(args.paths, args.threshold)
    groups: dict[str, list[str]] = defaultdict(list)
    for aid, (cid, _, _) in comp.items():
        groups[cid].append(aid)
    sizes = [len(v) for v in groups.values()]
    print("| articles | candidate pairs | clustered articles | clusters | largest | seconds |")
    print("|---|---|---|---|---|---|")
    print(f"| {len(arts):,} | {npairs:,} | {len(comp):,} | {len(groups):,} | {max(sizes, default=0)} | "
          f"{time.perf_counter() - t0:.0f} |")
    if args.out:
        rng = random.Random(args.seed)
        picked = rng.sample(sorted(groups), min(args.sample, len(groups)))
        with open(args.out, "w", encoding="utf-8") as fh:
            for n, cid in enumerate(picked, 1):
                fh.write(f"\n## {n}. cluster {cid} ({len(groups[cid])} articles)\n\n")
                for aid in sorted(groups[cid]):
                    a = arts[aid]
                    snippet = " ".join(a.text.split())[:160]
                    fh.write(f"- `{aid}` sim {comp[aid][2]:.2f} | {a.title or ''} | {snippet}\n")


if __name__ == "__main__":
    main()
