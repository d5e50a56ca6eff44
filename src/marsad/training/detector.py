"""Train the event detector (``marsad train detector``) from labelled candidate events.

Data (``data/detector/``): ``labels.jsonl``, one candidate event of the rule coder per line with
a careful reader's answer (``Y``: the sentence reports this event happening; ``N`` with a
reason; ``T:TYPE``: a real event of another type), from ANT articles drawn with a seed across
every section; and the sentence-level dev gold ``data/gold/events-dev-ant.xml`` (a candidate
matching a gold event of its type, not negated, future or hypothetical, is a yes).

The candidates are found again by running the rule coder on the same articles (read from the
ANT archive), so the features are exactly those the shipped pipeline computes. 20% of the
articles (by a hash of the article id) are dev and never trained on. The model is a logistic
regression (scikit-learn, train extra) with a Platt calibration fitted on out-of-fold
predictions of the training part; the threshold maximises F1 on those out-of-fold predictions.
"""

from __future__ import annotations

import hashlib
import json
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from marsad.components.events.detector import Detector, features, label_of
from marsad.core.types import Article, Document
from marsad.evaluation.gold import norm_tokens

# A candidate that reports its event as negated, planned or possible is still that event: the
# event's flags say so (``asserted`` is false), and its confidence says whether it is one at all.
FLAGGED = {"negated", "future", "hypothetical"}


@dataclass
class Example:
    article_id: str
    label: str
    feats: list[str]
    y: int
    origin: str  # "labels" or "gold"


@dataclass
class Split:
    train: list[Example] = field(default_factory=list)
    dev: list[Example] = field(default_factory=list)


def is_dev(article_id: str, share: float = 0.2) -> bool:
    """Whether an article belongs to the dev part (a stable hash of its id)."""
    h = int(hashlib.sha256(article_id.encode()).hexdigest()[:8], 16)
    return h / 0xFFFFFFFF < share


def ant_articles(archive: Path, ids: set[str]) -> Iterator[Article]:
    from marsad.readers import read

    for item in read([archive]):
        if isinstance(item, Article) and item.id in ids:
            yield item


def label_examples(labels: list[dict[str, Any]], docs: Iterable[Document]) -> list[Example]:
    """One example per labelled candidate found again in the coded documents."""
    want: dict[tuple[str, int, str], dict[str, Any]] = {}
    for r in labels:
        want[(r["article_id"], r["trigger_start"], r["label"])] = r
        if r["answer"].startswith("T:"):  # a real event of another type: a yes for a coder that types it so
            want.setdefault((r["article_id"], r["trigger_start"], r["answer"][2:]), r)
    out = []
    for doc in docs:
        for e in doc.events:
            lab = label_of(e)
            row = want.get((doc.article.id, e.trigger.start, lab))
            if row is None:
                continue
            y = int(row["answer"] in ("Y", f"T:{lab}") or row["answer"] == "N" and row.get("reason") in FLAGGED)
            out.append(Example(doc.article.id, lab, features(doc, e), y, "labels"))
    return out


def gold_sentences(path: Path) -> list[tuple[Article, list[dict[str, str]]]]:
    """The dev gold's sentences as one-sentence articles, with their events' label, trigger, modality."""
    out = []
    for s in ET.parse(path).getroot().iter("Sentence"):
        d = s.get("date", "")
        pub = datetime.strptime(d, "%Y%m%d") if len(d) == 8 else None
        text = (s.findtext("Text") or "").strip()
        events = []
        for ev in s.findall("Event"):
            t, c = ev.find("EventText"), ev.find("EventCoding")
            if t is None or c is None:
                continue
            cameo = c.get("eventcode", "")
            plover = c.get("plover", "")
            lab = plover or ("APPEAL" if cameo.startswith("02") else "STATEMENT")
            events.append({"label": lab, "trigger": t.get("eventtext", ""), "modality": c.get("modality", "")})
        out.append((Article(id=s.get("id", ""), text=text, published=pub, title=None), events))
    return out


def gold_examples(sentences: list[tuple[Article, list[dict[str, str]]]], docs: Iterable[Document]) -> list[Example]:
    gold = {a.id: evs for a, evs in sentences}
    out = []
    for doc in docs:
        evs = gold.get(doc.article.id, [])
        for e in doc.events:
            lab = label_of(e)
            hit = [g for g in evs if g["label"] == lab and norm_tokens(g["trigger"]) & norm_tokens(e.trigger.text)]
            y = int(bool(hit))
            docno = doc.article.id.split(":")[0]
            out.append(Example(docno, lab, features(doc, e), y, "gold"))
    return out


def _matrix(examples: list[Example], vocab: dict[str, int]) -> Any:
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for i, ex in enumerate(examples):
        for f in set(ex.feats):
            j = vocab.get(f)
            if j is not None:
                rows.append(i)
                cols.append(j)
    return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(vocab)))


def _f1(y: np.ndarray, p: np.ndarray, t: float) -> float:
    pred = p >= t
    tp = float((pred & (y == 1)).sum())
    fp = float((pred & (y == 0)).sum())
    fn = float((~pred & (y == 1)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def prf(y: np.ndarray, p: np.ndarray, t: float) -> dict[str, float]:
    pred = p >= t
    tp = int((pred & (y == 1)).sum())
    fp = int((pred & (y == 0)).sum())
    fn = int((~pred & (y == 1)).sum())
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"n": len(y), "positives": int(y.sum()), "precision": round(prec, 3), "recall": round(rec, 3),
            "f1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0}


def calibration_table(y: np.ndarray, p: np.ndarray, min_bin: int = 30) -> tuple[list[dict[str, float]], float]:
    """Equal-count bins of at least ``min_bin`` items: mean probability vs observed rate, and the ECE."""
    order = np.argsort(p)
    n_bins = max(1, min(10, len(p) // min_bin))
    rows, ece = [], 0.0
    for chunk in np.array_split(order, n_bins):
        mp, rate = float(p[chunk].mean()), float(y[chunk].mean())
        rows.append({"n": len(chunk), "from": round(float(p[chunk].min()), 3), "to": round(float(p[chunk].max()), 3),
                     "mean_p": round(mp, 3), "observed": round(rate, 3)})
        ece += len(chunk) / len(p) * abs(mp - rate)
    return rows, round(ece, 4)


def fit(split: Split, c: float = 0.5, min_count: int = 2, seed: int = 20261206,
        threshold: float | None = None) -> tuple[Detector, dict[str, Any]]:
    """Train on ``split.train``; calibrate and choose the threshold out of fold; report on dev."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    counts = Counter(f for ex in split.train for f in set(ex.feats))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    x = _matrix(split.train, vocab)
    y = np.array([ex.y for ex in split.train])
    groups = [ex.article_id for ex in split.train]
    oof = np.zeros(len(y))
    for tr, te in GroupKFold(n_splits=5).split(x, y, groups):
        m = LogisticRegression(C=c, max_iter=2000, random_state=seed)
        m.fit(x[tr], y[tr])
        oof[te] = m.decision_function(x[te])
    platt = LogisticRegression(C=1e6, max_iter=1000).fit(oof.reshape(-1, 1), y)
    a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
    p_oof = 1 / (1 + np.exp(-(a * oof + b)))
    grid = np.round(np.arange(0.2, 0.8, 0.01), 2)
    best = float(max(grid, key=lambda t: _f1(y, p_oof, t)))
    threshold = best if threshold is None else threshold
    model = LogisticRegression(C=c, max_iter=2000, random_state=seed).fit(x, y)
    inv = {i: f for f, i in vocab.items()}
    weights = {inv[j]: round(float(w), 5) for j, w in enumerate(model.coef_[0]) if abs(w) > 1e-6}
    version = hashlib.sha256(json.dumps(weights, sort_keys=True).encode()).hexdigest()[:12]
    det = Detector(weights=weights, bias=round(float(model.intercept_[0]), 5), platt=(round(a, 5), round(b, 5)),
                   threshold=threshold, version=version)
    report: dict[str, Any] = {"train": len(split.train), "dev": len(split.dev), "features": len(weights),
                              "threshold": threshold, "best_oof_threshold": best, "C": c,
                              "oof": prf(y, p_oof, threshold)}
    report.update(evaluate(det, split.dev))
    return det, report


def evaluate(det: Detector, examples: list[Example]) -> dict[str, Any]:
    y = np.array([ex.y for ex in examples])
    p = np.array([det.probability(ex.feats) for ex in examples])
    by_type: dict[str, Any] = {}
    groups: dict[str, list[int]] = defaultdict(list)
    for i, ex in enumerate(examples):
        groups[ex.label].append(i)
    for lab, idx in sorted(groups.items()):
        by_type[lab] = prf(y[idx], p[idx], det.threshold)
        by_type[lab]["rules_precision"] = round(float(y[idx].mean()), 3)
    table, ece = calibration_table(y, p)
    return {"dev_all": prf(y, p, det.threshold), "dev_rules_precision": round(float(y.mean()), 3),
            "dev_by_type": by_type, "calibration": table, "ece": ece}


def candidates(docs: Iterable[Document], dictionary: Any = None) -> Iterator[Document]:
    """The documents with exactly the events the detector scores at run time: the rule coder's,
    before the detector and the article steps (``pipeline`` ends with the places stage)."""
    from dataclasses import replace

    from marsad.components.events.coder import code_document

    for doc in docs:
        yield replace(doc, events=code_document(doc, dictionary))


def candidate_pipeline(warn: Any = None) -> Any:
    """The default stages up to places (the detector sees the rule coder's events of their output)."""
    from marsad.coding import build_pipeline

    full = build_pipeline(warn=warn, freeze_gc=True, detector=False)
    full.stages = [s for s in full.stages if s.name != "events"]
    return full


def counted(docs: Iterable[Document], on_doc: Callable[[int], None] | None) -> Iterator[Document]:
    """``docs``, calling ``on_doc(1)`` after each (a progress bar's step)."""
    for doc in docs:
        yield doc
        if on_doc is not None:
            on_doc(1)


def build_examples(data_dir: Path, archive: Path, pipeline: Any, log: Any = print,
                   progress: Callable[[int | None], Callable[[int], None]] | None = None) -> list[Example]:
    """Examples of the labelled candidates and the dev gold's; ``pipeline`` from
    :func:`candidate_pipeline` (no events stage). ``progress(total)`` returns the step callback
    of a progress bar over the labelled articles to code."""
    labels = [json.loads(x) for x in (data_dir / "detector" / "labels.jsonl").read_text("utf-8").splitlines() if x]
    ids = {r["article_id"] for r in labels}
    t0 = time.perf_counter()
    step = progress(len(ids)) if progress else None
    docs = list(candidates(counted(pipeline.pipe(ant_articles(archive, ids)), step)))
    examples = label_examples(labels, docs)
    log(f"labelled candidates found again: {len(examples)} of {len(labels)} ({time.perf_counter() - t0:.0f} s)")
    gold = data_dir / "gold" / "events-dev-ant.xml"
    if gold.is_file():
        sents = gold_sentences(gold)
        examples += gold_examples(sents, candidates(pipeline.pipe([a for a, _ in sents])))
        log(f"with the dev gold's candidates: {len(examples)}")
    return examples


def split_examples(examples: list[Example]) -> Split:
    s = Split()
    for ex in examples:
        (s.dev if is_dev(ex.article_id) else s.train).append(ex)
    return s


__all__ = ["Example", "Split", "build_examples", "calibration_table", "evaluate", "fit", "split_examples"]
