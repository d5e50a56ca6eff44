"""False alarms: PROTEST, ASSAULT and COERCE events on ANT sport, culture and technology articles.

    .venv/bin/python benchmarks/events_false_alarms.py [--per-category 400] [--list 20]

Prints the rate per 200 sentences and lists events to judge by hand.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from marsad.events.pipeline import build_pipeline
from marsad.ingest import read
from marsad.types import Article

ANT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus" / "ant-v2.1-multisource.tar.gz"
CATS = ("sport", "culture", "technology")
CONFLICT = ("PROTEST", "ASSAULT", "COERCE")


def sample(per_category: int, seed: int = 7) -> list[Article]:
    by_cat: dict[str, list[Article]] = {c: [] for c in CATS}
    for a in read(ANT, "auto"):
        if isinstance(a, Article):
            cat = (a.category or "").lower()
            if cat in by_cat:
                by_cat[cat].append(a)
    rng = random.Random(seed)
    out = []
    for c in CATS:
        arts = sorted(by_cat[c], key=lambda a: a.id)
        out += rng.sample(arts, min(per_category, len(arts)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-category", type=int, default=400)
    ap.add_argument("--list", type=int, default=20)
    args = ap.parse_args()
    arts = sample(args.per_category)
    pipe = build_pipeline(warn=lambda m: print("warning:", m, file=sys.stderr))
    n_sent = 0
    alarms = []
    for doc in pipe.pipe(arts):
        n_sent += len(doc.sentences)
        alarms += [(doc.article.category, e) for e in doc.events if e.event_type in CONFLICT]
    rate = 200 * len(alarms) / max(1, n_sent)
    print(f"articles\t{len(arts)}\nsentences\t{n_sent}\nPROTEST/ASSAULT/COERCE events\t{len(alarms)}")
    print(f"per 200 sentences\t{rate:.2f}")
    for cat, e in random.Random(1).sample(alarms, min(args.list, len(alarms))):
        print(f"{cat}\t{e.article_id}\t{e.event_type}\t{e.cameo}\t{e.trigger.text}\t{e.confidence:.2f}\t{e.evidence[:150]}")


if __name__ == "__main__":
    main()
