"""False alarms: PROTEST, ASSAULT and COERCE events on ANT sport, culture and technology articles.

    .venv/bin/python benchmarks/events_false_alarms.py [--per-category 400] [--list 20]
    .venv/bin/python benchmarks/events_false_alarms.py --categories middleEast,internationalNews

Prints the rate per 200 sentences and lists events to judge by hand. The second form is the
control: the same count on news articles, and how many of their conflict events the article-level
background rule (sport/culture/technology articles) removes there.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from marsad import Pipeline
from marsad.coding import build_pipeline
from marsad.components.events.coder import code_document
from marsad.core.types import Article
from marsad.readers import read

ANT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus" / "ant-v2.1-multisource.tar.gz"
CATS = ("sport", "culture", "technology")
CONFLICT = ("PROTEST", "ASSAULT", "COERCE")


def sample(per_category: int, seed: int = 7, cats: tuple[str, ...] = CATS) -> list[Article]:
    by_cat: dict[str, list[Article]] = {c.lower(): [] for c in cats}
    for a in read(ANT, "auto"):
        if isinstance(a, Article):
            cat = (a.category or "").lower()
            if cat in by_cat:
                by_cat[cat].append(a)
    rng = random.Random(seed)
    out = []
    for c in cats:
        arts = sorted(by_cat[c.lower()], key=lambda a: a.id)
        out += rng.sample(arts, min(per_category, len(arts)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-category", type=int, default=400)
    ap.add_argument("--list", type=int, default=20)
    ap.add_argument("--categories", default=",".join(CATS), help="ANT categories, comma-separated")
    args = ap.parse_args()
    arts = sample(args.per_category, cats=tuple(args.categories.split(",")))
    pipe = build_pipeline(warn=lambda m: print("warning:", m, file=sys.stderr))
    before_events = Pipeline(pipe.stages[:-1])
    n_sent = kept_bg = 0
    alarms = []
    for doc in before_events.pipe(arts):
        n_sent += len(doc.sentences)
        evs = code_document(doc)
        alarms += [(doc.article.category, e) for e in evs if e.event_type in CONFLICT]
        everything = code_document(doc, drop_background=False)
        kept_bg += sum(1 for e in everything if e.event_type in CONFLICT) - sum(1 for e in evs if e.event_type in CONFLICT)
    rate = 200 * len(alarms) / max(1, n_sent)
    print(f"articles\t{len(arts)}\nsentences\t{n_sent}\nPROTEST/ASSAULT/COERCE events\t{len(alarms)}")
    print(f"per 200 sentences\t{rate:.2f}")
    print(f"removed as background (sport/culture/technology or cyber articles)\t{kept_bg}")
    for cat, e in random.Random(1).sample(alarms, min(args.list, len(alarms))):
        flags = "historical" if e.historical else ""
        src = e.source.text if e.source else ""
        print(f"{cat}\t{e.article_id}\t{e.event_type}\t{e.cameo}\t{e.trigger.text}\t{src}\t{flags}\t{e.evidence[:150]}")


if __name__ == "__main__":
    main()
