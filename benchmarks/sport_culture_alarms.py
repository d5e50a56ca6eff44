"""Conflict events coded in sport and culture news: PROTEST, ASSAULT and COERCE per 200 sentences
over every BBC sport and culture article of ANT v2.1, as ``marsad code`` prints them (its default
--min-confidence; one line per event, and per mention with --mentions).

    .venv/bin/python benchmarks/sport_culture_alarms.py [--min-confidence P] [--list 20]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from marsad.coding import build_pipeline
from marsad.components.events.assemble import article_events
from marsad.components.events.detector import default_threshold
from marsad.core.types import Article
from marsad.readers import read

ANT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus" / "ant-v2.1-multisource.tar.gz"
CONFLICT = ("PROTEST", "ASSAULT", "COERCE")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-confidence", type=float, default=None)
    ap.add_argument("--list", type=int, default=20)
    args = ap.parse_args()
    floor = default_threshold() if args.min_confidence is None else args.min_confidence
    arts = [a for a in read(ANT, "auto") if isinstance(a, Article) and (a.source or "").lower() == "bbc"
            and (a.category or "").lower() in ("sport", "culture")]
    pipe = build_pipeline(freeze_gc=True)
    sentences = events = mentions = 0
    shown = []
    for doc in pipe.pipe(arts):
        sentences += len(doc.sentences)
        ms = [e for e in doc.events if e.event_type in CONFLICT and e.confidence >= floor]
        evs = [e for e in article_events(doc.events) if e.event_type in CONFLICT and e.confidence >= floor]
        mentions += len(ms)
        events += len(evs)
        shown += [(doc.article.id, e) for e in evs]
    print(f"{len(arts)} BBC sport and culture articles, {sentences} sentences, min confidence {floor}")
    print(f"events {events}: {200 * events / sentences:.2f} per 200 sentences")
    print(f"mentions {mentions}: {200 * mentions / sentences:.2f} per 200 sentences")
    for aid, e in shown[: args.list]:
        print(f"  {aid}\t{e.event_type}\t{e.cameo}\t{e.trigger.text}\t{e.confidence:.2f}\t{e.evidence[:120]}")


if __name__ == "__main__":
    main()
