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

from marsad.components.ner.features import (
    _PAD,
    Featurizer,
    cluster_features,
    context_features,
    gazetteer_tags,
    word_features,
)
from marsad.components.ner.lexicon import load_lexicon
from marsad.text.normalize import norm_word

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
        out: list[list[str]] = []
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


class _Rows:
    """A growing (rows x labels) matrix of cached score vectors, with a key -> row index."""

    def __init__(self, labels: int, first: Sequence[np.ndarray] = ()) -> None:
        self.mat = np.zeros((1024, labels))
        self.index: dict[str, int] = {}
        self.size = 0
        for vec in first:
            self.append(vec)

    def append(self, vec: np.ndarray) -> int:
        if self.size == len(self.mat):
            self.mat = np.concatenate([self.mat, np.zeros_like(self.mat)])
        self.mat[self.size] = vec
        self.size += 1
        return self.size - 1


class FastScorer:
    """State scores with :class:`Featurizer`'s features: each word's own part and each word's
    part in its neighbours' scores are computed once per word type and kept as matrix rows,
    so a document costs a few fancy-indexing sums."""

    MAX_TYPES = 300_000

    def __init__(self, featurizer: Featurizer, crf: LinearCRF) -> None:
        self.fz, self.crf = featurizer, crf
        self.lexicon = load_lexicon(featurizer.lexicon) if featurizer.lexicon is not None else None
        self.dense = self.lexicon.dense_scores(crf.weights_of) if self.lexicon is not None else None
        self.clear()

    def clear(self) -> None:
        labels = len(self.crf.labels)
        self.own = _Rows(labels)
        self.ctx = {d: _Rows(labels, [self.crf.score(_PAD[d])]) for d in OFFSETS}  # row 0: padding

    def _own_row(self, word: str, n: str) -> int:
        feats = ["b", *word_features(word), *cluster_features(n, self.fz.clusters_key)]
        vec = None
        if self.lexicon is not None and self.dense is not None:
            row = self.lexicon.row(n)
            feats.extend(self.lexicon.sparse(n, row))
            vec = None if row is None else self.dense[row]
        score = self.crf.score(feats)
        return self.own.append(score if vec is None else score + vec)

    def _ctx_row(self, n: str) -> int:
        parts = context_features(n, self.fz.clusters_key)
        segs: list[int] = []
        rows: list[int] = []
        for k, d in enumerate(OFFSETS):
            r = self.crf.rows(parts[d])
            rows.extend(r)
            segs.extend([k] * len(r))
        sums = np.zeros((len(OFFSETS), len(self.crf.labels)))
        if rows:
            np.add.at(sums, segs, self.crf.weights[rows])
        return [self.ctx[d].append(sums[k]) for k, d in enumerate(OFFSETS)][0]  # same row in each table

    def _ids(self, words: Sequence[str], norms: Sequence[str]) -> tuple[list[int], list[int]]:
        own, ctx = self.own.index, self.ctx[OFFSETS[0]].index
        wid = []
        for w, n in zip(words, norms, strict=True):
            r = own.get(w)
            if r is None:
                r = own[w] = self._own_row(w, n)
            wid.append(r)
        nid = []
        for n in norms:
            r = ctx.get(n)
            if r is None:
                r = ctx[n] = self._ctx_row(n)
            nid.append(r)
        return wid, nid

    def _rest(self, norms: Sequence[str]) -> list[list[str]]:
        """Each token's features that are not cached per type: gazetteer matches (its own and
        its neighbours'), AQMAR matches and bigrams."""
        gaz = gazetteer_tags(norms, self.fz.gaz)
        aq = gazetteer_tags(norms, self.fz.aqmar) if self.fz.lexicon is not None else None
        size = len(norms)
        rest: list[list[str]] = []
        for i in range(size):
            feats = list(gaz[i])
            if i > 0:
                feats.append(f"bg-={norms[i - 1]}|{norms[i]}")
                if gaz[i - 1]:
                    feats.extend(f"-1{g}" for g in gaz[i - 1])
            if i + 1 < size:
                feats.append(f"bg+={norms[i]}|{norms[i + 1]}")
                if gaz[i + 1]:
                    feats.extend(f"1{g}" for g in gaz[i + 1])
            if aq is not None and aq[i]:
                feats.extend("aq" + g for g in aq[i])
            rest.append(feats)
        return rest

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags of several sentences (scored and decoded together)."""
        if self.own.size > self.MAX_TYPES or self.ctx[1].size > self.MAX_TYPES:
            self.clear()
        wid: list[int] = []
        near: dict[int, list[int]] = {d: [] for d in OFFSETS}
        toks: list[int] = []
        rows: list[int] = []
        for words in sentences:
            norms = [norm_word(w) for w in words]
            w_ids, n_ids = self._ids(words, norms)
            for i, feats in enumerate(self._rest(norms)):
                r = self.crf.rows(feats)
                rows.extend(r)
                toks.extend([len(wid) + i] * len(r))
            wid.extend(w_ids)
            m = len(n_ids)
            for d in OFFSETS:  # the neighbour's row, or row 0 (padding) past the sentence's edge
                near[d].extend(([0] * -d + n_ids[: m + d])[:m] if d < 0 else (n_ids[d:] + [0] * d)[:m])
        scores = self.own.mat[wid]
        for d in OFFSETS:
            scores += self.ctx[d].mat[near[d]]
        if rows:
            np.add.at(scores, toks, self.crf.weights[rows])
        mats, start = [], 0
        for words in sentences:
            mats.append(scores[start : start + len(words)])
            start += len(words)
        return self.crf.viterbi(mats)
