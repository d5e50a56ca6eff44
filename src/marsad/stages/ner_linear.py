"""Fast CRF decoding in NumPy over the weights of the trained crfsuite model.

A linear-chain CRF scores a token's label as the sum of the weights of the token's features,
and most of a token's features come from its own word type or from one neighbour's type: those
partial sums are cached per word type, so a token costs a few vector additions instead of
turning ~120 feature strings into a crfsuite item. ``crf.weights.npz`` (written by
``marsad train ner`` from ``crf.bin``) holds the attribute names, the state weights (one row
per attribute, one column per label) and the transition weights; Viterbi runs in NumPy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from ..text.normalize import norm_word
from .ner_features import (
    _PAD,
    Featurizer,
    cluster_features,
    context_features,
    gazetteer_tags,
    word_features,
)
from .ner_lexicon import load_lexicon

OFFSETS = (-2, -1, 1, 2)
WEIGHTS_FILE = "crf.weights.npz"


def export_weights(crf_path: Path, out: Path) -> None:
    """Write the state and transition weights of a crfsuite model file as ``out`` (.npz)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(crf_path))
    info = tagger.info()
    labels = list(tagger.labels())
    col = {lab: i for i, lab in enumerate(labels)}
    attrs = sorted({a for a, _ in info.state_features})
    row = {a: i for i, a in enumerate(attrs)}
    weights = np.zeros((len(attrs), len(labels)), dtype=np.float64)
    for (attr, lab), w in info.state_features.items():
        weights[row[attr], col[lab]] = w
    trans = np.zeros((len(labels), len(labels)), dtype=np.float64)
    for (a, b), w in info.transitions.items():
        trans[col[a], col[b]] = w
    np.savez_compressed(out, labels=np.array(labels), attrs=np.array(attrs), weights=weights, transitions=trans)


class LinearCRF:
    """State scores from feature names and Viterbi decoding, from a ``crf.weights.npz`` file."""

    def __init__(self, path: Path) -> None:
        data = np.load(path)
        self.labels = [str(x) for x in data["labels"].tolist()]
        attrs = data["attrs"].tolist()
        self.index = dict(zip(attrs, range(len(attrs)), strict=True))
        self.weights = data["weights"]
        self.trans = data["transitions"]
        self.zero = np.zeros(len(self.labels))

    def rows(self, feats: Iterable[str]) -> list[int]:
        get = self.index.get
        return [r for r in map(get, feats) if r is not None]

    def score(self, feats: Iterable[str]) -> np.ndarray:
        rows = self.rows(feats)
        return self.weights[rows].sum(axis=0) if rows else self.zero

    def weights_of(self, feat: str) -> np.ndarray:
        row = self.index.get(feat)
        return self.zero if row is None else self.weights[row]

    def viterbi(self, mats: Sequence[np.ndarray]) -> list[list[str]]:
        """The best label sequence of each (tokens x labels) matrix of state scores, decoded
        together: one NumPy step per token position, across all the sentences."""
        lens = np.array([len(m) for m in mats])
        if not len(mats) or lens.max() == 0:
            return [[] for _ in mats]
        size, labels = int(lens.max()), len(self.labels)
        scores = np.zeros((len(mats), size, labels))
        for b, m in enumerate(mats):
            scores[b, : len(m)] = m
        best = scores[:, 0].copy()
        back = np.zeros((len(mats), size, labels), dtype=np.intp)
        keep = np.broadcast_to(np.arange(labels), best.shape)
        for t in range(1, size):
            cand = best[:, :, None] + self.trans[None]
            prev = cand.argmax(axis=1)
            new = np.take_along_axis(cand, prev[:, None, :], axis=1)[:, 0, :] + scores[:, t]
            active = (t < lens)[:, None]
            best = np.where(active, new, best)
            back[:, t] = np.where(active, prev, keep)
        out = []
        for b, n in enumerate(lens.tolist()):
            if n == 0:
                out.append([])
                continue
            rows = back[b].tolist()
            path = [int(best[b].argmax())]
            for t in range(n - 1, 0, -1):
                path.append(rows[t][path[-1]])
            out.append([self.labels[i] for i in reversed(path)])
        return out


def sentence_scores(crf: LinearCRF, own: Sequence[np.ndarray], ctx: dict[int, Sequence[np.ndarray]],
                    pads: dict[int, np.ndarray], rest: Sequence[list[str]]) -> np.ndarray:
    """Sum the cached parts of each token's score: its own word's, each neighbour's (or the
    padding's at the sentence edge) and the token's remaining feature names."""
    size = len(own)
    scores = np.array(own, dtype=np.float64)
    for d, vecs in ctx.items():
        lo, hi = max(0, -d), size - max(0, d)
        if hi > lo:
            scores[lo:hi] += np.array(vecs[lo + d : hi + d])
        scores[:lo] += pads[d]
        scores[max(hi, 0):] += pads[d]
    toks: list[int] = []
    rows: list[int] = []
    for i, feats in enumerate(rest):
        r = crf.rows(feats)
        rows.extend(r)
        toks.extend([i] * len(r))
    if rows:
        np.add.at(scores, toks, crf.weights[rows])
    return scores


class FastScorer:
    """State scores of a sentence with :class:`Featurizer`'s features, cached per word type."""

    MAX_CACHE = 300_000

    def __init__(self, featurizer: Featurizer, crf: LinearCRF) -> None:
        self.fz, self.crf = featurizer, crf
        self.own: dict[str, np.ndarray] = {}
        self.ctx: dict[int, dict[str, np.ndarray]] = {d: {} for d in OFFSETS}
        self.pads = {d: crf.score(_PAD[d]) for d in OFFSETS}
        self.lexicon = load_lexicon(featurizer.lexicon) if featurizer.lexicon is not None else None
        self.dense = self.lexicon.dense_scores(crf.weights_of) if self.lexicon is not None else None

    def _own(self, word: str, n: str) -> np.ndarray:
        vec = self.own.get(word)
        if vec is None:
            key = self.fz.clusters_key
            feats = ["b", *word_features(word), *cluster_features(n, key)]
            if self.lexicon is not None and self.dense is not None:
                row = self.lexicon.row(n)
                feats.extend(self.lexicon.sparse(n, row))
                vec = self.crf.score(feats) if row is None else self.crf.score(feats) + self.dense[row]
            else:
                vec = self.crf.score(feats)
            if len(self.own) > self.MAX_CACHE:
                self.own.clear()
            self.own[word] = vec
        return vec

    def _ctx(self, n: str, d: int) -> np.ndarray:
        table = self.ctx[d]
        vec = table.get(n)
        if vec is None:
            if len(table) > self.MAX_CACHE:
                table.clear()
            vec = table[n] = self.crf.score(context_features(n, self.fz.clusters_key)[d])
        return vec

    def scores(self, words: Sequence[str]) -> np.ndarray:
        norms = [norm_word(w) for w in words]
        gaz = gazetteer_tags(norms, self.fz.gaz)
        aq = gazetteer_tags(norms, self.fz.aqmar) if self.fz.lexicon is not None else None
        size = len(words)
        rest: list[list[str]] = []
        for i in range(size):
            feats = list(gaz[i])
            for d in (-1, 1):
                j = i + d
                if 0 <= j < size and gaz[j]:
                    feats.extend(f"{d}{g}" for g in gaz[j])
            if i > 0:
                feats.append(f"bg-={norms[i - 1]}|{norms[i]}")
            if i + 1 < size:
                feats.append(f"bg+={norms[i]}|{norms[i + 1]}")
            if aq is not None and aq[i]:
                feats.extend("aq" + g for g in aq[i])
            rest.append(feats)
        own = [self._own(w, n) for w, n in zip(words, norms, strict=True)]
        ctx = {d: [self._ctx(n, d) for n in norms] for d in OFFSETS}
        return sentence_scores(self.crf, own, ctx, self.pads, rest)

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags of several sentences (decoded together)."""
        return self.crf.viterbi([self.scores(s) if s else np.zeros((0, len(self.crf.labels))) for s in sentences])
