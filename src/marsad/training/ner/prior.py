"""A label prior for every ANT word: the entity types of its nearest labelled neighbours.

For each word in the word2vec vocabulary, the ten most similar words (cosine) that occur in
the NER training sentences vote with their label distributions (PERS, ORG, LOC, MISC or O);
the word itself does not vote. The winning label and its share, in quarters, become one more
column of the cluster file (``PERS3``): a type-aware cluster that reaches names never seen in
training but seen in ANT.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from marsad.text.normalize import norm_word
from marsad.training.ner.corpus import Sentence

LABELS = ("O", "PERS", "ORG", "LOC", "MISC")


def label_distributions(sents: Sequence[Sentence]) -> dict[str, np.ndarray]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for s in sents:
        for w, t in s:
            counts[norm_word(w)][t[2:] if t != "O" else "O"] += 1
    out = {}
    for w, c in counts.items():
        v = np.array([c[lab] for lab in LABELS], dtype=np.float32)
        out[w] = v / v.sum()
    return out


def priors(words: list[str], vectors: np.ndarray, sents: Sequence[Sentence], k: int = 10) -> list[str]:
    dist = label_distributions(sents)
    x = vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9)
    index = {w: i for i, w in enumerate(words)}
    labelled = [w for w in dist if w in index]
    rows = np.array([index[w] for w in labelled])
    y = np.stack([dist[w] for w in labelled])
    lab_x = x[rows].T.copy()
    column = {int(i): j for j, i in enumerate(rows)}
    out: list[str] = []
    for lo in range(0, len(words), 4096):
        sims = x[lo : lo + 4096] @ lab_x
        for r in range(sims.shape[0]):  # a word does not vote for itself
            own = column.get(lo + r)
            if own is not None:
                sims[r, own] = -1.0
        top = np.argpartition(-sims, k, axis=1)[:, :k]
        for r in range(sims.shape[0]):
            v = y[top[r]].mean(axis=0)
            best = int(np.argmax(v))
            out.append(f"{LABELS[best]}{min(int(v[best] * 4), 3)}")
    return out
