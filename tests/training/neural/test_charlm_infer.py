"""The NumPy runner of the character-LM tagger: padding never leaks into a sentence's tags.

The weights here are random (the trained model is not shipped yet); what is checked is the
runner's arithmetic: one sentence tagged alone gets the same tags as in a batch of sentences of
other lengths, and the LSTM equals a step-by-step reference.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from marsad.training.neural.infer import _LSTM, CharLMTagger

TAGS = ["O", "B-PERS", "I-PERS", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]


def _lstm_weights(rng, prefix, n_in, hidden, suffix=""):
    return {f"{prefix}weight_ih_l0{suffix}": rng.normal(0, 0.5, (4 * hidden, n_in)),
            f"{prefix}weight_hh_l0{suffix}": rng.normal(0, 0.5, (4 * hidden, hidden)),
            f"{prefix}bias_ih_l0{suffix}": rng.normal(0, 0.5, 4 * hidden),
            f"{prefix}bias_hh_l0{suffix}": rng.normal(0, 0.5, 4 * hidden)}


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    rng = np.random.default_rng(7)
    chars = ["<pad>", "<unk>", "\n", " "] + list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
    words = ["<pad>", "<unk>", "قال", "الرئيس", "في"]
    h, e, wd, th = 6, 4, 3, 5
    w = {"lmf_emb": rng.normal(size=(len(chars), e)), "lmb_emb": rng.normal(size=(len(chars), e)),
         "wemb": rng.normal(size=(len(words), wd)), "out_w": rng.normal(size=(len(TAGS), 2 * th)),
         "out_b": rng.normal(size=len(TAGS)), "trans": rng.normal(size=(len(TAGS), len(TAGS))),
         "start": rng.normal(size=len(TAGS)), "end": rng.normal(size=len(TAGS))}
    w |= _lstm_weights(rng, "lmf_", e, h) | _lstm_weights(rng, "lmb_", e, h)
    w |= _lstm_weights(rng, "tag_", 2 * h + wd, th) | _lstm_weights(rng, "tag_", 2 * h + wd, th, "_reverse")
    d = tmp_path_factory.mktemp("charlm")
    lm = {k: v for k, v in w.items() if k.startswith("lm")}
    np.savez(d / "lm.npz", **{k: v.astype(np.float16) for k, v in lm.items()})
    np.savez(d / "tagger.npz", **{k: v.astype(np.float16) for k, v in w.items() if k not in lm})
    (d / "charlm.json").write_text(json.dumps({"chars": chars, "words": words, "tags": TAGS}), encoding="utf-8")
    return d


SENTENCES = [["قال", "الرئيس", "الفلسطيني", "محمود", "عباس", "في", "رام", "الله"],
             ["وزير"],
             [],
             ["في", "بيروت", "اليوم"]]


def test_batch_equals_one_by_one(model_dir):
    model = CharLMTagger(model_dir)
    together = model.tag(SENTENCES)
    alone = [model.tag([s])[0] for s in SENTENCES]
    assert together == alone
    assert [len(t) for t in together] == [len(s) for s in SENTENCES]
    assert all(t in TAGS for s in together for t in s)


def test_lstm_matches_step_by_step_reference():
    rng = np.random.default_rng(3)
    w = {k: v.astype(np.float32) for k, v in _lstm_weights(rng, "x_", 3, 4).items()}
    lstm = _LSTM(w, "x_")
    x = rng.normal(size=(2, 5, 3)).astype(np.float32)
    got = lstm.run(x, np.array([5, 3]), reverse=True)

    def sig(v):
        return 1 / (1 + np.exp(-v))

    for row, length in ((0, 5), (1, 3)):
        h, c = np.zeros(4), np.zeros(4)
        for t in range(length - 1, -1, -1):
            g = w["x_weight_ih_l0"] @ x[row, t] + w["x_bias_ih_l0"] + w["x_weight_hh_l0"] @ h + w["x_bias_hh_l0"]
            i, f, gg, o = np.split(g, 4)
            c = sig(f) * c + sig(i) * np.tanh(gg)
            h = sig(o) * np.tanh(c)
            assert np.allclose(got[row, t], h, atol=1e-5)
