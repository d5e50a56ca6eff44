"""Run the character-LM tagger with NumPy: the weights ``train.py`` wrote, no PyTorch.

Per sentence the tokens are normalised and joined with spaces behind a newline, as in training; the
forward language model's state after each word and the backward model's state before it, with a word
embedding, feed a BiLSTM whose scores a Viterbi pass over the CRF transitions turns into IOB tags.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

import marsad.resources as resource_files
from marsad.text.normalize import norm_word

MODEL_DIR = resource_files.model_dir("ner-charlm")


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


class _LSTM:
    """One LSTM direction with PyTorch's gate order (input, forget, cell, output)."""

    def __init__(self, w: dict[str, np.ndarray], prefix: str, suffix: str = "") -> None:
        self.w_ih = np.ascontiguousarray(w[f"{prefix}weight_ih_l0{suffix}"].T)
        self.w_hh = np.ascontiguousarray(w[f"{prefix}weight_hh_l0{suffix}"].T)
        self.b = w[f"{prefix}bias_ih_l0{suffix}"] + w[f"{prefix}bias_hh_l0{suffix}"]
        self.hidden = self.w_hh.shape[0]

    def run(self, x: np.ndarray, lengths: np.ndarray | None = None, reverse: bool = False) -> np.ndarray:
        """States for ``x`` [batch, time, in]; with ``reverse``, each row read from its last real step."""
        b, t, _ = x.shape
        gates_in = x @ self.w_ih + self.b
        h = np.zeros((b, self.hidden), dtype=np.float32)
        c = np.zeros_like(h)
        out = np.zeros((b, t, self.hidden), dtype=np.float32)
        steps = range(t - 1, -1, -1) if reverse else range(t)
        k = self.hidden
        for i in steps:
            g = gates_in[:, i] + h @ self.w_hh
            c_new = _sigmoid(g[:, k:2 * k]) * c + _sigmoid(g[:, :k]) * np.tanh(g[:, 2 * k:3 * k])
            h_new = _sigmoid(g[:, 3 * k:]) * np.tanh(c_new)
            if reverse and lengths is not None:  # padding after a row's end must not feed its state
                live = (i < lengths)[:, None]
                c_new = np.where(live, c_new, c)
                h_new = np.where(live, h_new, h)
            h, c = h_new, c_new
            out[:, i] = h
        return out


class CharLMTagger:
    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        meta = json.loads((model_dir / "charlm.json").read_text(encoding="utf-8"))
        w: dict[str, np.ndarray] = {}
        for name in ("lm.npz", "tagger.npz"):
            with np.load(model_dir / name) as z:
                w.update({k: z[k].astype(np.float32) for k in z.files})
        self.meta = meta
        self.tags = meta["tags"]
        self.char_index = {c: i for i, c in enumerate(meta["chars"])}
        self.word_index = {t: i for i, t in enumerate(meta["words"])}
        self.lm_f, self.lm_b = _LSTM(w, "lmf_"), _LSTM(w, "lmb_")
        self.cemb_f, self.cemb_b = w["lmf_emb"], w["lmb_emb"]
        self.wemb = w["wemb"]
        self.tag_f, self.tag_b = _LSTM(w, "tag_"), _LSTM(w, "tag_", "_reverse")
        self.out_w, self.out_b = np.ascontiguousarray(w["out_w"].T), w["out_b"]
        self.trans, self.start, self.end = w["trans"], w["start"], w["end"]

    def tag(self, sentences: Sequence[Sequence[str]], batch: int = 64) -> list[list[str]]:
        """IOB tags for each sentence of tokens (any spelling: tokens are normalised here)."""
        order = sorted(range(len(sentences)), key=lambda i: sum(len(w) + 1 for w in sentences[i]))
        out: list[list[str]] = [[] for _ in sentences]
        for lo in range(0, len(order), batch):
            idx = [i for i in order[lo:lo + batch] if sentences[i]]
            if idx:
                for i, tags in zip(idx, self._tag_batch([[norm_word(w) for w in sentences[i]] for i in idx]), strict=True):
                    out[i] = tags
        return out

    def _tag_batch(self, sents: list[list[str]]) -> list[list[str]]:
        feats = self._lm_features(sents)
        n = max(len(s) for s in sents)
        lengths = np.array([len(s) for s in sents])
        wids = np.zeros((len(sents), n), dtype=np.int64)
        for j, s in enumerate(sents):
            wids[j, :len(s)] = [self.word_index.get(t, 1) for t in s]
        x = np.concatenate([feats, self.wemb[wids]], axis=2)
        h = np.concatenate([self.tag_f.run(x), self.tag_b.run(x, lengths, reverse=True)], axis=2)
        em = h @ self.out_w + self.out_b
        return [[self.tags[k] for k in self._viterbi(em[j, :len(s)])] for j, s in enumerate(sents)]

    def _lm_features(self, sents: list[list[str]]) -> np.ndarray:
        texts, spans = [], []
        for words in sents:
            s, sp = "\n", []
            for w in words:
                sp.append((len(s), len(s) + len(w)))
                s += w + " "
            texts.append(s)
            spans.append(sp)
        width = max(len(t) for t in texts)
        ids_f = np.zeros((len(texts), width), dtype=np.int64)
        ids_b = np.zeros_like(ids_f)
        for j, t in enumerate(texts):
            ids = np.fromiter((self.char_index.get(c, 1) for c in t), dtype=np.int64, count=len(t))
            ids_f[j, :len(t)] = ids
            ids_b[j, :len(t)] = ids[::-1]
        hf = self.lm_f.run(self.cemb_f[ids_f])
        hb = self.lm_b.run(self.cemb_b[ids_b])
        n = max(len(s) for s in sents)
        k = self.lm_f.hidden
        feats = np.zeros((len(sents), n, 2 * k), dtype=np.float32)
        for j, (t, sp) in enumerate(zip(texts, spans, strict=True)):
            fi = [b for _, b in sp]
            bi = [len(t) - a for a, _ in sp]
            feats[j, :len(sp), :k] = hf[j, fi]
            feats[j, :len(sp), k:] = hb[j, bi]
        return feats

    def _viterbi(self, em: np.ndarray) -> list[int]:
        score = self.start + em[0]
        back = []
        for i in range(1, len(em)):
            cand = score[:, None] + self.trans
            back.append(cand.argmax(0))
            score = cand.max(0) + em[i]
        best = [int((score + self.end).argmax())]
        for bp in reversed(back):
            best.append(int(bp[best[-1]]))
        return best[::-1]


@lru_cache(maxsize=2)
def tagger(model_dir: Path = MODEL_DIR) -> CharLMTagger:
    return CharLMTagger(model_dir)
