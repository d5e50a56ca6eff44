"""Check that a speed change left the pipeline's output exactly as it was.

    .venv/bin/python benchmarks/check_same_output.py dump DIR [--articles 200]
    .venv/bin/python benchmarks/check_same_output.py check DIR

``dump`` reads ANT middleEast/internationalNews articles, runs the default pipeline and writes to
DIR: the articles and the NER mentions (``inputs.pickle``) and, per stage, one line per document
with everything that stage produced (``text.jsonl`` norm, sentences, tokens, dates;
``actors.jsonl``; ``places.jsonl``; ``events.jsonl`` in the ``marsad code`` shape).

``check`` re-runs the stages on the saved articles and compares, stage by stage. The actors,
places and events stages are fed the *saved* NER mentions, so a change in the NER stage made
meanwhile does not show up as a difference downstream (``--ner`` runs NER too and compares it);
``events`` and ``ner`` differences are reported but may come from changes to those stages
themselves. Exit status 1 when text, actors or places differ.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import Any

from marsad.coding import build_pipeline
from marsad.core.serialize import event_to_dict
from marsad.core.types import Article, Document
from marsad.readers import read

ANT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus" / "ant-v2.1-multisource.tar.gz"
CATEGORIES = ("middleEast", "internationalNews")


def ant_articles(n: int) -> list[Article]:
    """The first ``n`` ANT articles of the two news categories, in archive order."""
    it = (a for a in read(ANT, "auto") if isinstance(a, Article) and a.category in CATEGORIES)
    return list(islice(it, n))


def _plain(x: Any) -> Any:
    """A JSON-able, exact rendering of dataclasses, tuples and ranges."""
    if hasattr(x, "__dataclass_fields__"):
        return [_plain(getattr(x, f)) for f in x.__dataclass_fields__]
    if isinstance(x, (list, tuple, range)):
        return [_plain(v) for v in x]
    if isinstance(x, (set, frozenset)):  # a token's reading holds sets: in an order that does not vary
        return sorted(_plain(v) for v in x)
    if isinstance(x, dict):
        return {str(k): _plain(v) for k, v in x.items()}
    if x is None or isinstance(x, (str, int, float, bool)):
        return x
    return repr(x)


def _norm_digest(doc: Document) -> str:
    norm = doc.norm
    if norm is None:
        return ""
    h = hashlib.sha256(norm.text.encode("utf-8"))
    h.update(repr((list(norm.starts), list(norm.ends), norm.length)).encode())
    return h.hexdigest()


def stage_lines(name: str, docs: list[Document]) -> list[str]:
    """One JSON line per document with what stage ``name`` produced."""
    out = []
    for d in docs:
        if name == "text":
            rec: Any = [_norm_digest(d), _plain(d.sentences), _plain(d.tokens), _plain(d.dates)]
        elif name == "events":
            rec = [event_to_dict(e) for e in d.events]
        else:
            rec = _plain(getattr(d, name))
        out.append(json.dumps([d.article.id, rec], ensure_ascii=False, sort_keys=True))
    return out


def run_stages(arts: list[Article], mentions: dict[str, tuple] | None) -> dict[str, list[str]]:
    """Run the default pipeline stage by stage; with ``mentions``, use them instead of NER's."""
    pipe = build_pipeline(warn=lambda m: print("warning:", m, file=sys.stderr))
    docs = [Document(article=a) for a in arts]
    lines: dict[str, list[str]] = {}
    for stage in pipe.stages:
        if stage.name == "ner" and mentions is not None:
            docs = [replace(d, mentions=mentions[d.article.id]) for d in docs]
        else:
            docs = stage.pipe(docs)
        if stage.name in ("text", "ner", "actors", "places", "events"):
            lines[stage.name] = stage_lines(stage.name, docs) if stage.name != "ner" else [
                json.dumps([d.article.id, _plain(d.mentions)], ensure_ascii=False) for d in docs]
    lines["_mentions"] = docs  # type: ignore[assignment]
    return lines


def dump(out: Path, n: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    arts = ant_articles(n)
    lines = run_stages(arts, None)
    docs = lines.pop("_mentions")
    mentions = {d.article.id: d.mentions for d in docs}  # type: ignore[union-attr]
    with open(out / "inputs.pickle", "wb") as fh:
        pickle.dump({"articles": arts, "mentions": mentions}, fh)
    for name, ls in lines.items():
        (out / f"{name}.jsonl").write_text("\n".join(ls) + "\n", encoding="utf-8")
    print(f"{len(arts)} articles dumped to {out}")


def check(base: Path, run_ner: bool = False) -> int:
    with open(base / "inputs.pickle", "rb") as fh:
        saved = pickle.load(fh)
    lines = run_stages(saved["articles"], None if run_ner else saved["mentions"])
    lines.pop("_mentions")
    bad = 0
    for name in ("text", "ner", "actors", "places", "events") if run_ner else ("text", "actors", "places", "events"):
        old = (base / f"{name}.jsonl").read_text("utf-8").splitlines()
        new = lines.get(name, [])
        diff = [i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b]
        if len(old) != len(new):
            diff.append(min(len(old), len(new)))
        print(f"{name}\t{'same' if not diff else f'{len(diff)} documents differ, first: {diff[:5]}'}")
        if diff and name not in ("events", "ner"):
            bad += 1
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=["dump", "check"])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--ner", action="store_true", help="check: run the NER stage too and compare its mentions")
    args = ap.parse_args()
    if args.command == "dump":
        dump(args.dir, args.articles)
        return 0
    return check(args.dir, args.ner)


if __name__ == "__main__":
    sys.exit(main())
