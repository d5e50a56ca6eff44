"""Token features for the CRF named-entity tagger (shared by training and tagging).

A token is described by its normalised form, clitic-stripped stem, affixes, shape, its word
clusters (k-means over word2vec vectors trained on the ANT corpus) and gazetteer matches, plus
the same for its neighbours. Resources are loaded once per process.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import marsad.resources as resource_files
from marsad.components.ner.words import load_gazetteer
from marsad.core.errors import ResourceError
from marsad.text.morph import article_form, light_stem, zipf
from marsad.text.normalize import norm_word

MODEL_DIR = "models/ner"
MAX_GAZ_LEN = 6

_LATIN = re.compile(r"[a-z]")  # Latin letters (normalisation lower-cases them)
_DIGIT = re.compile(r"[0-9]")
_ARABIC = re.compile(r"[\u0621-\u064A]")  # Arabic letters hamza .. yeh


def resource_path(name: str, model_dir: str | Path | None = None) -> Path:
    if model_dir is not None:
        return Path(model_dir) / name
    return resource_files.path(MODEL_DIR, name)


@lru_cache(maxsize=4)
def load_clusters(path: str) -> dict[str, tuple[str, ...]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            rows = (line.rstrip("\n").split("\t") for line in fh)
            return {r[0]: tuple(r[1:]) for r in rows if len(r) > 1}
    except OSError as exc:
        raise ResourceError(f"cannot read the NER cluster file {path}: {exc}; rebuild it with 'marsad train ner'") from exc


@lru_cache(maxsize=200_000)
def word_features(word: str) -> tuple[str, ...]:
    """Features of one word alone (cached: news repeats its words)."""
    n = norm_word(word)
    stem = light_stem(n)
    feats = [f"w={n}", f"s={stem}", f"len={min(len(n), 8)}"]
    for k in (1, 2, 3, 4):
        if len(n) > k:
            feats.append(f"p{k}={n[:k]}")
            feats.append(f"x{k}={n[-k:]}")
    if _LATIN.search(n):
        feats.append("latin")
        if word[:1].isupper():
            feats.append("cap")
        if word.isupper() and len(word) > 1:
            feats.append("acronym")
    elif _ARABIC.search(n):
        # how common the word is in Arabic (wordfreq's Zipf scale): rare words are often names
        feats.append(f"z={int(zipf(word))}")
        feats.append(f"zs={int(zipf(stem))}")
    elif _DIGIT.search(n):
        feats.append("digit")
    elif not _ARABIC.search(n):
        feats.append(f"punct={n}")
    if stem != n:
        feats.append(f"pre={n[: len(n) - len(stem)]}")
    return tuple(feats)


@lru_cache(maxsize=200_000)
def cluster_features(n: str, clusters_key: str) -> tuple[str, ...]:
    clusters = load_clusters(clusters_key)
    ids = clusters.get(n)
    tag = "c"
    if ids is None:
        ids = clusters.get(light_stem(n))
        tag = "cs"
    if ids is None:
        return ("c=none",)
    return tuple(f"{tag}{i}={c}" for i, c in enumerate(ids))


_GAZ_STARTS: dict[int, tuple[dict, frozenset[str]]] = {}


def _gaz_starts(key: int, gaz: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """First words of the gazetteer's names (kept with the table they came from)."""
    entry = _GAZ_STARTS.get(key)
    if entry is None or entry[0] is not gaz:
        entry = _GAZ_STARTS[key] = (gaz, frozenset(k.split(" ", 1)[0] for k in gaz))
    return entry[1]


@lru_cache(maxsize=200_000)
def _gaz_firsts(n: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys((n, article_form(n), light_stem(n))))


def gazetteer_tags(norms: Sequence[str], gaz: dict[str, tuple[str, ...]]) -> list[list[str]]:
    """Longest gazetteer match starting at each token (first word also tried without clitics)."""
    out: list[list[str]] = [[] for _ in norms]
    starts = _gaz_starts(id(gaz), gaz)
    i = 0
    while i < len(norms):
        best = 0
        labels: tuple[str, ...] = ()
        for first in _gaz_firsts(norms[i]):
            if first not in starts:
                continue
            for j in range(min(len(norms), i + MAX_GAZ_LEN), i, -1):
                if j - i <= best:
                    break
                hit = gaz.get(" ".join([first, *norms[i + 1 : j]]))
                if hit:
                    best, labels = j - i, hit
                    break
        for k in range(best):
            pos = "B" if k == 0 else "I"
            out[i + k].extend(f"g{pos}={lab}" for lab in labels)
            if best > 1:
                out[i + k].append(f"gm{pos}")
        i += max(best, 1)
    return out


@lru_cache(maxsize=200_000)
def context_features(n: str, clusters_key: str) -> dict[int, tuple[str, ...]]:
    """What a word contributes to its neighbours' features, by offset (cached per word type)."""
    stem = light_stem(n)
    near = cluster_features(n, clusters_key)[:2]
    out = {}
    for d in (-2, -1, 1, 2):
        feats = [f"{d}w={n}", f"{d}s={stem}"]
        if abs(d) == 1:
            feats.extend(f"{d}{c}" for c in near)
        out[d] = tuple(feats)
    return out


_PAD = {d: (f"{d}w=<pad>",) for d in (-2, -1, 1, 2)}


@lru_cache(maxsize=200_000)
def lexicon_features(n: str, folder: str) -> dict[str, float]:
    from marsad.components.ner.lexicon import load_lexicon

    return load_lexicon(folder).features(n)


class Featurizer:
    """Turns a sentence's words into CRF items: a list of feature strings per token, or, when the
    model folder holds the lexicon files (``dense.npz`` ...), a feature -> value dict per token."""

    def __init__(self, model_dir: str | Path | None = None) -> None:
        self.clusters_key = str(resource_path("clusters.tsv.gz", model_dir))
        self.gaz = load_gazetteer(str(resource_path("gazetteer.tsv.gz", model_dir)))
        load_clusters(self.clusters_key)
        folder = resource_path("dense.npz", model_dir).parent
        self.lexicon: str | None = None
        if (folder / "dense.npz").is_file():
            from marsad.components.ner.lexicon import load_lexicon

            self.lexicon = str(folder)
            self.aqmar = load_lexicon(self.lexicon).aqmar

    def sentence(self, words: Sequence[str]) -> list:
        key = self.clusters_key
        norms = [norm_word(w) for w in words]
        gaz = gazetteer_tags(norms, self.gaz)
        ctx = [context_features(n, key) for n in norms]
        size = len(words)
        out: list[list[str]] = []
        for i in range(size):
            f = ["b", *word_features(words[i]), *cluster_features(norms[i], key), *gaz[i]]
            for d in (-2, -1, 1, 2):
                j = i + d
                if 0 <= j < size:
                    f.extend(ctx[j][d])
                    if gaz[j] and abs(d) == 1:
                        f.extend(f"{d}{g}" for g in gaz[j])
                else:
                    f.extend(_PAD[d])
            if i > 0:
                f.append(f"bg-={norms[i - 1]}|{norms[i]}")
            if i + 1 < size:
                f.append(f"bg+={norms[i]}|{norms[i + 1]}")
            out.append(f)
        if self.lexicon is None:
            return out
        return self._with_lexicon(out, norms)

    def _with_lexicon(self, feats: list[list[str]], norms: list[str]) -> list[dict[str, float]]:
        """Add each word's lexicon features (dense values) and its AQMAR gazetteer matches."""
        folder = self.lexicon
        assert folder is not None
        aq = gazetteer_tags(norms, self.aqmar)
        items = []
        for f, n, a in zip(feats, norms, aq, strict=True):
            d = dict.fromkeys(f, 1.0)
            d.update(lexicon_features(n, folder))
            for g in a:
                d["aq" + g] = 1.0
            items.append(d)
        return items
