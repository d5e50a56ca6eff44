"""Geocoding check on place mentions sampled from ANT middleEast articles.

    .venv/bin/python benchmarks/geocode_ant_sample.py sample > benchmarks/data/geocode_ant_sample.tsv
    .venv/bin/python benchmarks/geocode_ant_sample.py score benchmarks/data/geocode_ant_judged.tsv
    .venv/bin/python benchmarks/geocode_ant_sample.py sample2 160 > benchmarks/data/geocode_ant_sample2.tsv

``sample`` draws articles of the middleEast category (a fixed hash of the article id picks them),
runs the places stage on each and collects candidate place mentions from three sources, so that
places the gazetteer lacks are drawn too: (1) what the places stage found, (2) the word or two after
a place noun (مدينة بلدة قرية محافظة منطقة مخيم حي ولاية إقليم ناحية قضاء), (3) ANERgazet location
names (a research gazetteer, used here only to draw the sample). It prints a seeded random sample
of 300 candidates with their context and the stage's answer.

A person then reads every row and writes a verdict in the ``judge`` column: ``ok`` (a place, resolved
to the right place), ``wrong`` (a place resolved to a wrong one, or a place in the gazetteer that
was missed), ``out`` (a place the gazetteer does not hold: village, region, landmark ...), ``no``
(not a place mention: dropped), ``fp`` (not a place, but the stage gave it one). ``score`` counts
the first 200 rows that are places, and the false places among the rows read up to there.
"""

from __future__ import annotations

import csv
import hashlib
import os
import random
import re
import sys
from collections import Counter
from pathlib import Path

from marsad.components.actors.lexicon import bare_phrase
from marsad.components.places.geocode import geocode_document
from marsad.core.types import Article, Document
from marsad.readers import read
from marsad.text.normalize import normalize

SHARED = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
ANT = SHARED / "data" / "corpus" / "ant-v2.1-multisource.tar.gz"
GAZ = SHARED / "data" / "ner" / "anergazet" / "AlignedLocGazetteer.txt"
# A place noun, then one or two Arabic words (U+0621-U+064A).
_CUE = re.compile("(?<![\u0621-\u064a])(?:مدينة|بلدة|قرية|محافظة|منطقة|مخيم|حي|ولاية|إقليم|ناحية|قضاء) ([\u0621-\u064a]+(?: [\u0621-\u064a]+)?)")


def _articles(share: int, offset: int = 0) -> list[Article]:
    out = []
    for a in read([str(ANT)]):
        pick = offset <= int(hashlib.sha1(getattr(a, "id", "").encode()).hexdigest(), 16) % 100 < offset + share
        if isinstance(a, Article) and a.category == "middleEast" and pick:
            out.append(a)
    return out


def _anergazet() -> set[tuple[str, ...]]:
    names = set()
    for line in GAZ.read_text("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("="):
            words = bare_phrase(line)
            if words and (len(words) > 1 or len(words[0]) > 3):
                names.add(words)
    return names


def candidates(a: Article, gaz: set[tuple[str, ...]]) -> list[tuple[int, int, str]]:
    doc = Document(article=a, norm=normalize(a.text))
    found = {(p.start, p.end): f"{p.place.name_en}|{p.place.country}|{p.place.precision}|{p.place.geonameid}"
             for p in geocode_document(doc)}
    spans = set(found)
    for m in _CUE.finditer(a.text):
        spans.add((m.start(1), m.start(1) + len(m.group(1).split()[0])))
    for m in re.finditer("[\u0621-\u064a]+", a.text):
        if bare_phrase(m.group()) in gaz:
            spans.add((m.start(), m.end()))
    out = []
    for s, e in sorted(spans):
        hit = next((v for (ps, pe), v in found.items() if ps <= s < pe or s <= ps < e), "NONE")
        out.append((s, e, hit))
    return out


def sample(n: int = 300, share: int = 8, offset: int = 0) -> None:
    gaz = _anergazet()
    rows = []
    for a in _articles(share, offset):
        for s, e, hit in candidates(a, gaz):
            ctx = (a.text[max(0, s - 40):s] + "[[" + a.text[s:e] + "]]" + a.text[e:e + 40]).replace("\n", " ")
            rows.append((a.id, a.text[s:e], hit, ctx.replace("\t", " ")))
    random.Random(2026 + offset).shuffle(rows)
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(["article", "mention", "system", "context", "judge"])
    for r in rows[:n]:
        w.writerow([*r, ""])


def score(path: Path, n: int = 200) -> None:
    with open(path, encoding="utf-8") as fh:
        judged = list(csv.DictReader(fh, delimiter="\t"))
    rows = [r for r in judged if r["judge"] in ("ok", "wrong", "out")][:n]
    seen = judged[: judged.index(rows[-1]) + 1]
    c = Counter(r["judge"] for r in rows)
    in_gaz = c["ok"] + c["wrong"]
    out_answered = sum(1 for r in rows if r["judge"] == "out" and r["system"] != "NONE")
    fp = sum(1 for r in seen if r["judge"] == "fp")
    print("| place mentions judged | in gazetteer | resolved right | % right | outside gazetteer "
          "| of which given a (wrong) place | non-places given a place |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {len(rows)} | {in_gaz} | {c['ok']} | {100 * c['ok'] / max(in_gaz, 1):.1f} | {c['out']} "
          f"| {out_answered} | {fp} of {len(seen) - len(rows)} candidates that were not places |")


def recheck(path: Path) -> None:
    """Re-run the stage on the judged rows; print the rows whose answer changed (to judge again)."""
    with open(path, encoding="utf-8") as fh:
        judged = list(csv.DictReader(fh, delimiter="\t"))
    wanted = {r["article"] for r in judged}
    arts = {a.id: a for a in read([str(ANT)]) if isinstance(a, Article) and a.id in wanted}
    cache: dict[str, list] = {}
    for n, r in enumerate(judged, 1):
        a = arts[r["article"]]
        left, rest = r["context"].split("[[", 1)
        mention, right = rest.split("]]", 1)
        flat = a.text.replace("\n", " ").replace("\t", " ")
        s = flat.find(left + mention + right) + len(left)
        e = s + len(mention)
        if a.id not in cache:
            cache[a.id] = geocode_document(Document(article=a, norm=normalize(a.text)))
        hit = next((f"{p.place.name_en}|{p.place.country}|{p.place.precision}|{p.place.geonameid}"
                    for p in cache[a.id] if p.start <= s < p.end or s <= p.start < e), "NONE")
        if hit != r["system"]:
            print(f"{n}\t{r['judge']}\t{r['system']} -> {hit}\t{r['context']}")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "score":
        score(Path(sys.argv[2]))
    elif len(sys.argv) > 2 and sys.argv[1] == "recheck":
        recheck(Path(sys.argv[2]))
    elif len(sys.argv) > 2 and sys.argv[1] == "sample2":  # a second, disjoint draw of articles
        sample(int(sys.argv[2]), offset=50)
    else:
        sample()
