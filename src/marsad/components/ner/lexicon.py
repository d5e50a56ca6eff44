"""Word-type knowledge for the NER features, learnt outside ANERcorp.

* ``dense.npz``: for each ANT word2vec word, its vector reduced to 50 dimensions (PCA, scaled)
  and its cosine similarity to the nearest training words of each label (O PERS ORG LOC MISC);
* ``foreign.json.gz``: two character 4-gram models, one of names (gazetteer words: GeoNames,
  CLDR, ANERgazet, actors) and one of common ANT words; their per-character log-likelihood
  ratio says how much a word looks like a transliterated name;
* ``cues.tsv.gz``: per ANT word stem, how often it follows a person title, an organisation
  word (شركة, حزب ...) or a place word (مدينة, ولاية ...);
* ``aqmar.tsv.gz``: the entity names of AQMAR (Arabic Wikipedia NER), a second gazetteer.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from marsad.components.ner.words import load_gazetteer
from marsad.core.errors import ResourceError
from marsad.text.morph import light_stem

EMB_DIM = 50
SIM_SCALE = 3.0
SIM_NAMES = ("simO", "simP", "simG", "simL", "simM")
_FOREIGN_CUTS = (-0.2, 0.0, 0.25, 0.5, 0.75, 1.0)


class CharLM:
    """An interpolated character n-gram model (counts of every 1..n-gram of ``^^^word$``)."""

    def __init__(self, counts: dict[str, int], size: int, n: int = 4) -> None:
        self.n, self.c, self.size = n, counts, size
        self.ctx: dict[str, int] = {}
        for g, k in counts.items():
            self.ctx[g[:-1]] = self.ctx.get(g[:-1], 0) + k

    @staticmethod
    def count(words: list[str], n: int = 4) -> tuple[dict[str, int], int]:
        counts: dict[str, int] = {}
        chars: set[str] = set()
        for w in words:
            s = "^" * (n - 1) + w + "$"
            chars.update(s)
            for i in range(n - 1, len(s)):
                for k in range(1, n + 1):
                    g = s[i - k + 1 : i + 1]
                    counts[g] = counts.get(g, 0) + 1
        return counts, len(chars) + 1

    def logp(self, w: str) -> float:
        """Mean log-probability per character (the end mark included)."""
        n = self.n
        s = "^" * (n - 1) + w + "$"
        tot = 0.0
        for i in range(n - 1, len(s)):
            p = 1.0 / self.size
            for k in range(1, n + 1):
                g = s[i - k + 1 : i + 1]
                lam = 0.6 if k > 1 else 0.9
                cx = self.ctx.get(g[:-1], 0)
                if cx:
                    p = lam * self.c.get(g, 0) / cx + (1 - lam) * p
            tot += math.log(p)
        return tot / (len(w) + 1)


class Lexicon:
    """Loads the four files of a model folder and gives each word type its extra features."""

    def __init__(self, folder: str) -> None:
        try:
            data = np.load(f"{folder}/dense.npz")
            with gzip.open(f"{folder}/foreign.json.gz", "rt", encoding="utf-8") as fh:
                lms = json.load(fh)
            with gzip.open(f"{folder}/cues.tsv.gz", "rt", encoding="utf-8") as fh:
                rows = [line.rstrip("\n").split("\t") for line in fh]
        except OSError as exc:
            raise ResourceError(f"cannot read the NER lexicon files in {folder}: {exc}; rebuild them with 'marsad train ner'") from exc
        words = data["words"].tolist()
        self.index = dict(zip(words, range(len(words)), strict=True))
        self.emb = data["emb"].astype(np.float64)
        self.sim = data["sim"].astype(np.float64) if "sim" in data else None
        self.foreign_scores = data["foreign"].tolist() if "foreign" in data else None
        self.names_lm = CharLM(lms["names"]["counts"], lms["names"]["size"])
        self.common_lm = CharLM(lms["common"]["counts"], lms["common"]["size"])
        self.cues = {r[0]: r for r in rows if len(r) == 5}
        self.aqmar = load_gazetteer(f"{folder}/aqmar.tsv.gz")

    def foreign(self, n: str) -> float:
        row = self.index.get(n) if self.foreign_scores is not None else None
        if row is not None and self.foreign_scores is not None:
            return float(self.foreign_scores[row])
        return self.score_foreign(n)

    def score_foreign(self, n: str) -> float:
        stem = light_stem(n)
        return round(self.names_lm.logp(stem) - self.common_lm.logp(stem), 3)

    def row(self, n: str) -> int | None:
        """The word's row in the dense tables (the word, else its clitic-stripped stem)."""
        row = self.index.get(n)
        return self.index.get(light_stem(n)) if row is None else row

    def sparse(self, n: str, row: int | None) -> list[str]:
        out = [f"fr={foreign_bucket(self.foreign(n))}"]
        if row is None:
            out.append("e_oov")
        cue = self.cues.get(light_stem(n))
        if cue:
            out.extend(cue_features(tuple(int(x) for x in cue[1:])))
        return out

    def dense(self, row: int) -> dict[str, float]:
        out = dict(zip(_EMB_NAMES, self.emb[row].tolist(), strict=True))
        if self.sim is not None:
            out.update((k, v * SIM_SCALE) for k, v in zip(SIM_NAMES, self.sim[row].tolist(), strict=True))
        return out

    def features(self, n: str) -> dict[str, float]:
        row = self.row(n)
        out = dict.fromkeys(self.sparse(n, row), 1.0)
        if row is not None:
            out.update(self.dense(row))
        return out

    def dense_scores(self, weights_of: Callable[[str], np.ndarray]) -> np.ndarray:
        """Every row's dense features times their CRF weights: (rows x labels)."""
        w = np.stack([weights_of(k) for k in _EMB_NAMES])
        out = self.emb @ w
        if self.sim is not None:
            out += (self.sim * SIM_SCALE) @ np.stack([weights_of(k) for k in SIM_NAMES])
        return out


_EMB_NAMES = tuple(f"e{i}" for i in range(EMB_DIM))


def foreign_bucket(score: float) -> int:
    for i, cut in enumerate(_FOREIGN_CUTS):
        if score < cut:
            return i
    return len(_FOREIGN_CUTS)


def cue_features(row: tuple[int, ...]) -> list[str]:
    """Share of a word's ANT occurrences after person / organisation / place cues, in 4 steps."""
    tot = row[0]
    out = []
    for kind, c in zip("POL", row[1:], strict=True):
        if c >= 2:
            share = c / tot
            step = 0 if share < 0.02 else 1 if share < 0.1 else 2 if share < 0.3 else 3
            out.append(f"cue{kind}={step}")
    return out


@lru_cache(maxsize=4)
def load_lexicon(folder: str) -> Lexicon:
    return Lexicon(folder)
