"""Draw the detector's labelling sample and merge the labels (data/detector/README.md).

    tar xzf ../shared/data/corpus/ant-v2.1-multisource.tar.gz -C /tmp/ant
    .venv/bin/python benchmarks/draw_detector_sample.py draw --ant-dir /tmp/ant --out /tmp/det
    # readers label /tmp/det/batch{0..3}.txt into /tmp/det/labels{0..3}.tsv
    .venv/bin/python benchmarks/draw_detector_sample.py merge --work /tmp/det --out data/detector/labels.jsonl

``draw`` shuffles the ANT files of each section with seed 20261206, leaves out the first 400
news and 100 sport/culture/economy files of the article gold's pool, takes 450 files per section,
codes them, groups candidates by sentence and fills per-type quotas (rare types first), then
writes four batches with 10% of the sentences repeated in a second batch. The candidates of
the shipped labels were drawn with the coder of the commit that added this script; a later
coder finds other candidates, which ``marsad train detector`` reports as not found again.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
from pathlib import Path
from typing import Any

SEED = 20261206
QUOTA = {"ASSAULT": 600, "PROTEST": 360, "CONSULT": 380, "ACCUSE": 330, "SUPPORT": 300, "AGREE": 260,
         "COERCE": 360, "STATEMENT": 560, "APPEAL": 200, "REQUEST": 160, "AID": 180, "REJECT": 160,
         "COOPERATE": 160, "RETREAT": 130, "THREATEN": 140, "SANCTION": 80, "CONCEDE": 50, "MOBILIZE": 40}


def pools(ant_dir: Path) -> list[Path]:
    by_cat: dict[str, list[Path]] = collections.defaultdict(list)
    for f in sorted(ant_dir.glob("*/*/*")):
        by_cat[f.parent.name].append(f)
    rng = random.Random(SEED)
    pol = by_cat["middleEast"] + by_cat["internationalNews"]
    non = by_cat["sport"] + by_cat["culture"] + by_cat["economy"]
    rng.shuffle(pol)
    rng.shuffle(non)
    used = set(pol[:400]) | set(non[:100])  # the article gold's pool
    out: list[Path] = []
    for cat in sorted(by_cat):
        fs = [f for f in by_cat[cat] if f not in used]
        rng.shuffle(fs)
        out += fs[:450]
    return out


def candidates(paths: list[Path]) -> list[dict[str, Any]]:
    from marsad.coding import build_pipeline
    from marsad.core.serialize import event_to_dict
    from marsad.core.types import Article
    from marsad.readers import read

    pipe = build_pipeline(detector=False)
    arts = (a for p in paths for a in read([p]) if isinstance(a, Article))
    out = []
    for doc in pipe.pipe(arts):
        sents = {s.index: s for s in doc.sentences}
        for e in doc.events:
            d = event_to_dict(e)
            d.update(_category=doc.article.category, _source=doc.article.source,
                     _sentence_text=sents[e.sentence].text)
            out.append(d)
    return out


def _label(e: dict[str, Any]) -> str:
    return e["event_type"] or ("STATEMENT" if e["cameo"].startswith("01") else "APPEAL")


def draw(ant_dir: Path, out: Path) -> None:
    ev = candidates(pools(ant_dir))
    sents: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for e in ev:
        sents.setdefault((e["article_id"], e["sentence"]), []).append(e)
    rng = random.Random(SEED)
    keys = list(sents)
    rng.shuffle(keys)
    chosen, seen, have = [], set(), collections.Counter()
    for t in sorted(QUOTA, key=lambda t: QUOTA[t]):
        for k in keys:
            if have[t] >= QUOTA[t]:
                break
            if k not in seen and any(_label(e) == t for e in sents[k]):
                seen.add(k)
                chosen.append(k)
                for lab in {_label(e) for e in sents[k]}:
                    have[lab] += 1
    rng.shuffle(chosen)
    items = []
    for i, k in enumerate(chosen):
        uniq, keyset = [], set()
        for e in sents[k]:
            u = (_label(e), e["trigger"]["start"])
            if u not in keyset:
                keyset.add(u)
                uniq.append(e)
        items.append({"sid": f"S{i:04d}", "article_id": k[0], "sentence": k[1], "text": sents[k][0]["_sentence_text"],
                      "category": sents[k][0]["_category"], "outlet": sents[k][0]["_source"],
                      "candidates": [{"cid": f"S{i:04d}.c{j + 1}", "label": _label(e), "cameo": e["cameo"],
                                      "trigger": e["trigger"], "source": (e["source"] or {}).get("text"),
                                      "target": (e["target"] or {}).get("text")} for j, e in enumerate(uniq[:4])]})
    out.mkdir(parents=True, exist_ok=True)
    (out / "items.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    n, per = len(items), (len(items) + 3) // 4
    double = rng.sample(range(n), n // 10)
    for b in range(4):
        own = list(range(b * per, min(n, (b + 1) * per)))
        extra = [i for i in double if i // per == (b + 1) % 4]
        with (out / f"batch{b}.txt").open("w", encoding="utf-8") as fh:
            for i in own + extra:
                it = items[i]
                fh.write(f"## {it['sid']} [{it['category']}, {it['outlet']}]\n{it['text']}\n")
                for c in it["candidates"]:
                    fh.write(f"  {c['cid']}: {c['label']} (CAMEO {c['cameo']}) trigger=«{c['trigger']['text']}»")
                    fh.write(f" source=«{c['source']}»" if c["source"] else "")
                    fh.write(f" target=«{c['target']}»" if c["target"] else "")
                    fh.write("\n")
                fh.write("\n")
    print(f"{n} sentences, {sum(len(i['candidates']) for i in items)} candidates, {len(double)} repeated")


def merge(work: Path, out: Path) -> None:
    items = json.loads((work / "items.json").read_text("utf-8"))
    labels: dict[str, list[tuple[str, str]]] = collections.defaultdict(list)
    for f in sorted(work.glob("labels*.tsv")):
        for line in f.read_text("utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and parts[0].startswith("S"):
                labels[parts[0]].append((parts[1].strip(), parts[2].strip() if len(parts) > 2 else ""))
    twice = [ls for ls in labels.values() if len(ls) > 1]
    if twice:
        same = sum(a[0] == b[0] for a, b, *_ in twice) / len(twice)
        yes = [(a[0] == "Y", b[0] == "Y") for a, b, *_ in twice]
        po = sum(x == y for x, y in yes) / len(yes)
        pa, pb = sum(x for x, _ in yes) / len(yes), sum(y for _, y in yes) / len(yes)
        kappa = (po - (pa * pb + (1 - pa) * (1 - pb))) / (1 - (pa * pb + (1 - pa) * (1 - pb)))
        print(f"labelled twice: {len(twice)}; same label {same:.3f}; same yes/no {po:.3f}; kappa {kappa:.3f}")
    with out.open("w", encoding="utf-8") as fh:
        for it in items:
            for c in it["candidates"]:
                ls = labels.get(c["cid"])
                if not ls:
                    continue
                fh.write(json.dumps({
                    "cid": c["cid"], "article_id": it["article_id"], "sentence": it["sentence"],
                    "category": it["category"], "outlet": it["outlet"], "label": c["label"], "cameo": c["cameo"],
                    "trigger_start": c["trigger"]["start"], "trigger": c["trigger"]["text"], "text": it["text"],
                    "answer": ls[0][0], "reason": ls[0][1], "second": ls[1][0] if len(ls) > 1 else None,
                }, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--ant-dir", type=Path, required=True)
    d.add_argument("--out", type=Path, required=True)
    m = sub.add_parser("merge")
    m.add_argument("--work", type=Path, required=True)
    m.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    if args.cmd == "draw":
        draw(args.ant_dir, args.out)
    else:
        merge(args.work, args.out)


if __name__ == "__main__":
    main()
