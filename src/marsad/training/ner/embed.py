"""Word2vec vectors trained on the ANT news corpus, and k-means word clusters over them.

The clusters become CRF features (a word's cluster at several granularities), which lets the
model generalise from names seen in training to names it has only seen in ANT.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import numpy as np

from marsad.core.errors import require
from marsad.text.normalize import norm_word
from marsad.training.ner.corpus import ant_sentences, read_conll

log = logging.getLogger(__name__)

CLUSTER_SIZES = (64, 256, 1024)


def stable_hash(text: str) -> int:
    """A hash that, unlike ``hash()``, is the same in every process (seeds the vectors)."""
    return zlib.crc32(text.encode("utf-8"))


class _Corpus:
    """Re-iterable normalised sentences: ANT text plus the NER training sentences."""

    def __init__(self, archive: Path, extra: list[list[str]]) -> None:
        self.archive = archive
        self.extra = extra

    def __iter__(self) -> Iterator[list[str]]:
        for words in ant_sentences(self.archive):
            yield [norm_word(w) for w in words]
        for words in self.extra:
            yield [norm_word(w) for w in words]


def train_word2vec(archive: Path, train_conll: Path, dim: int = 100, epochs: int = 5):  # type: ignore[no-untyped-def]
    """Skip-gram vectors over normalised words; one worker and a fixed seed, so reproducible."""
    gensim_models = require("gensim.models", "train")
    extra = [[w for w, _ in s] for s in read_conll(train_conll)]
    corpus = _Corpus(archive, extra)
    model = gensim_models.Word2Vec(
        vector_size=dim, window=5, min_count=3, sg=1, negative=5, workers=1, seed=13, epochs=epochs,
        hashfxn=stable_hash,
    )
    model.build_vocab(corpus)
    model.train(corpus, total_examples=model.corpus_count, epochs=epochs)
    return model.wv


def kmeans(x: np.ndarray, k: int, iters: int = 15, seed: int = 7) -> np.ndarray:
    """Spherical k-means (cosine) of the rows of ``x``; returns each row's cluster id."""
    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int32)
    for _ in range(iters):
        for lo in range(0, len(x), 20000):
            labels[lo : lo + 20000] = np.argmax(x[lo : lo + 20000] @ centres.T, axis=1)
        order = np.argsort(labels, kind="stable")
        present, first = np.unique(labels[order], return_index=True)
        sums = np.add.reduceat(x[order], first, axis=0)
        centres[present] = sums / (np.linalg.norm(sums, axis=1, keepdims=True) + 1e-9)
    return labels


def cluster_table(words: list[str], vectors: np.ndarray, sizes: Iterable[int] = CLUSTER_SIZES) -> dict[str, list[int]]:
    """Cluster ids of each word at every granularity in ``sizes``."""
    x = vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9)
    x = x.astype(np.float32)
    columns = [kmeans(x, k) for k in sizes]
    return {w: [int(col[i]) for col in columns] for i, w in enumerate(words)}


def write_clusters(path: Path, table: Mapping[str, Sequence[int | str]]) -> None:
    """One line per word: ``word<TAB>c64<TAB>c256<TAB>c1024``, gzip-compressed, sorted."""
    with gzip.GzipFile(path, "wb", mtime=0) as raw:
        lines = ("\t".join([w, *map(str, ids)]) + "\n" for w, ids in sorted(table.items()))
        raw.write("".join(lines).encode("utf-8"))


def build_vectors(archive: Path, train_conll: Path, cache: Path, max_words: int = 200_000) -> None:
    """Train the vectors on ANT and keep the most frequent words' vectors in ``cache`` (.npz)."""
    wv = train_word2vec(archive, train_conll)
    words = list(wv.index_to_key[:max_words])
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(cache, words=np.array(words), vectors=np.asarray([wv[w] for w in words]))


def load_vectors(cache: Path) -> tuple[list[str], np.ndarray]:
    data = np.load(cache)
    return [str(w) for w in data["words"]], data["vectors"]
