"""Throughput of the actors and places stages on ANT articles (one core).

    .venv/bin/python benchmarks/actors_speed.py [N]

Reads the first N (default 300) middleEast articles of the ANT archive, builds documents with the
normalised text only (the stages need no more), and times each stage over them, after a warm-up
that loads the dictionaries and the gazetteer (the load time is printed too).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from marsad.core.types import Article, Document
from marsad.readers import read
from marsad.text.normalize import normalize

SHARED = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))


def main(n: int) -> None:
    docs = []
    for a in read([str(SHARED / "data" / "corpus" / "ant-v2.1-multisource.tar.gz")]):
        if isinstance(a, Article) and a.category == "middleEast":
            docs.append(Document(article=a, norm=normalize(a.text)))
            if len(docs) == n:
                break
    words = sum(len(d.text.split()) for d in docs)
    t = time.perf_counter()
    from marsad.components.actors.stage import ActorsStage
    from marsad.components.places.stage import PlacesStage

    actors, places = ActorsStage(), PlacesStage()
    places.pipe(actors.pipe(docs[:5]))  # warm-up: word frequencies are loaded on first use
    load = time.perf_counter() - t
    print(f"load dictionaries + gazetteer: {load:.2f} s; {len(docs)} articles, {words} words")
    print("| stage | articles/s | words/s | found per article |")
    print("|---|---|---|---|")
    for name, stage, field in (("actors", actors, "actors"), ("places", places, "places")):
        t = time.perf_counter()
        out = stage.pipe(docs)
        dt = time.perf_counter() - t
        if name == "actors":
            docs = out
        found = sum(len(getattr(d, field)) for d in out) / len(out)
        print(f"| {name} | {len(docs) / dt:.1f} | {words / dt:,.0f} | {found:.1f} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
