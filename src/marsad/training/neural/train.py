"""Train the character-LM tagger with PyTorch (a GPU makes it minutes; a CPU, hours).

    python3 train.py --data DIR --out DIR [--device cuda] [--lm-hidden 512] [--lm-seconds 150]

Reads what ``prepare.py`` wrote (``lm.txt.gz``, ``train.txt``, ``test.txt``) and imports nothing
from marsad, so it runs wherever PyTorch does. Three steps:

1. a forward and a backward character language model (one LSTM layer each) over the ANT text,
   each for a fixed time budget;
2. a BiLSTM-CRF over, per token, the forward LM state after the word, the backward LM state before
   it and a word embedding of frequent training words (the LMs frozen); its epoch count is chosen
   on a dev set of whole documents from the end of train (the last ``--dev`` sentences);
3. the same tagger trained on all of train for that many epochs: the model written to ``--out``
   as ``lm.npz`` and ``tagger.npz`` (float16 weights) and ``charlm.json`` (vocabularies, sizes, scores).

Test F1 is printed for the record only; nothing is chosen on it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
from torch import nn

TAGS = ["O", "B-PERS", "I-PERS", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]


# ---------------------------------------------------------------- data

def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sents.append((words, tags))
            words, tags = [], []
            continue
        w, t = line.split("\t")
        words.append(w)
        tags.append(t if t in TAGS else "O")
    if words:
        sents.append((words, tags))
    return sents


def char_vocab(text: str, min_count: int) -> list[str]:
    counts = Counter(text)
    return ["<pad>", "<unk>"] + sorted(c for c, n in counts.items() if n >= min_count)


def encode(text: str, index: dict[str, int]) -> np.ndarray:
    return np.fromiter((index.get(c, 1) for c in text), dtype=np.int16, count=len(text))


# ---------------------------------------------------------------- language models

class CharLM(nn.Module):
    def __init__(self, n_chars: int, emb: int, hidden: int, dropout: float = 0.1) -> None:
        super().__init__()
        self.emb = nn.Embedding(n_chars, emb)
        self.rnn = nn.LSTM(emb, hidden, batch_first=True)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(hidden, n_chars)

    def forward(self, x, state=None):
        h, state = self.rnn(self.emb(x), state)
        return self.out(self.drop(h)), state

    def states(self, x):
        return self.rnn(self.emb(x))[0]


def train_lm(data: np.ndarray, n_chars: int, args, device, name: str) -> CharLM:
    torch.manual_seed(1)
    lm = CharLM(n_chars, args.lm_emb, args.lm_hidden).to(device)
    opt = torch.optim.Adam(lm.parameters(), lr=args.lm_lr)
    streams = torch.from_numpy(data[: len(data) // args.lm_batch * args.lm_batch].astype(np.int64))
    streams = streams.view(args.lm_batch, -1).to(device)
    seq, t0, step, state, pos = args.lm_seq, time.time(), 0, None, 0
    while time.time() - t0 < args.lm_seconds:
        if pos + seq + 1 > streams.size(1):
            pos, state = 0, None
        x, y = streams[:, pos:pos + seq], streams[:, pos + 1:pos + seq + 1]
        pos += seq
        logits, state = lm(x, state)
        state = tuple(s.detach() for s in state)
        loss = nn.functional.cross_entropy(logits.reshape(-1, n_chars), y.reshape(-1))
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(lm.parameters(), 1.0)
        opt.step()
        step += 1
        if step % 200 == 0:
            seen = step * seq * args.lm_batch
            print(f"{name} LM step {step} chars {seen / 1e6:.1f}M loss {loss.item():.3f} "
                  f"bpc {loss.item() / math.log(2):.3f} {time.time() - t0:.0f}s", flush=True)
    lm.eval()
    return lm


@torch.no_grad()
def lm_features(lm_f: CharLM, lm_b: CharLM, sents, index, device) -> list[torch.Tensor]:
    """Per sentence: [n_tokens, 2H] = forward state after each word, backward state before it."""
    out = []
    for i in range(0, len(sents), 256):
        chunk = sents[i:i + 256]
        texts, spans = [], []
        for words in chunk:
            s, sp = "\n", []
            for w in words:
                a = len(s)
                s += w + " "
                sp.append((a, a + len(w)))
            texts.append(s)
            spans.append(sp)
        width = max(len(t) for t in texts)
        xf = torch.zeros(len(texts), width, dtype=torch.long)
        xb = torch.zeros(len(texts), width, dtype=torch.long)
        for j, t in enumerate(texts):
            ids = torch.from_numpy(encode(t, index).astype(np.int64))
            xf[j, :len(t)] = ids
            xb[j, :len(t)] = ids.flip(0)
        hf = lm_f.states(xf.to(device))
        hb = lm_b.states(xb.to(device))
        for j, (t, sp) in enumerate(zip(texts, spans, strict=True)):
            n = len(t)
            fi = torch.tensor([b for _, b in sp], device=device)  # the space after the word
            bi = torch.tensor([n - a for a, _ in sp], device=device)  # reversed index of char a-1
            out.append(torch.cat([hf[j, fi], hb[j, bi]], dim=1).float())
    return out


# ---------------------------------------------------------------- tagger

class Tagger(nn.Module):
    def __init__(self, lm_dim: int, n_words: int, args) -> None:
        super().__init__()
        self.wemb = nn.Embedding(n_words, args.word_dim)
        self.drop = nn.Dropout(args.dropout)
        self.rnn = nn.LSTM(lm_dim + args.word_dim, args.tag_hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * args.tag_hidden, len(TAGS))
        k = len(TAGS)
        self.trans = nn.Parameter(torch.zeros(k, k))  # trans[i, j]: score of tag i followed by j
        self.start = nn.Parameter(torch.zeros(k))
        self.end = nn.Parameter(torch.zeros(k))

    def emissions(self, feats, wids, lengths):
        x = self.drop(torch.cat([feats, self.wemb(wids)], dim=2))
        packed = nn.utils.rnn.pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
        h, _ = self.rnn(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.size(1))
        return self.out(self.drop(h))

    def nll(self, em, tags, mask):
        b, t, k = em.shape
        score = self.start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
        alpha = self.start.unsqueeze(0) + em[:, 0]
        for i in range(1, t):
            m = mask[:, i]
            step = em[:, i].gather(1, tags[:, i:i + 1]).squeeze(1) + self.trans[tags[:, i - 1], tags[:, i]]
            score = score + step * m
            nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0), dim=1) + em[:, i]
            alpha = torch.where(m.unsqueeze(1).bool(), nxt, alpha)
        last = tags.gather(1, (mask.sum(1).long() - 1).unsqueeze(1)).squeeze(1)
        score = score + self.end[last]
        z = torch.logsumexp(alpha + self.end.unsqueeze(0), dim=1)
        return (z - score).mean()

    @torch.no_grad()
    def decode(self, em, n):
        em = em[:n].cpu().numpy()
        trans, start, end = (p.detach().cpu().numpy() for p in (self.trans, self.start, self.end))
        score, back = start + em[0], []
        for i in range(1, n):
            cand = score[:, None] + trans
            back.append(cand.argmax(0))
            score = cand.max(0) + em[i]
        best = [int((score + end).argmax())]
        for bp in reversed(back):
            best.append(int(bp[best[-1]]))
        return best[::-1]


def entities(tags: list[str]) -> set[tuple[int, int, str]]:
    out: set[tuple[int, int, str]] = set()
    start: int | None = None
    label = ""
    for i, t in enumerate(tags + ["O"]):
        if start is not None and (t == "O" or t.startswith("B-") or t[2:] != label):
            out.add((start, i, label))
            start = None
        if t != "O" and start is None:
            start, label = i, t[2:]
    return out


def f1(gold, pred) -> float:
    tp = sum(len(entities(g) & entities(p)) for g, p in zip(gold, pred, strict=True))
    ng = sum(len(entities(g)) for g in gold)
    npred = sum(len(entities(p)) for p in pred)
    return 2 * tp / (ng + npred) if ng + npred else 0.0


def batches(items, size, shuffle):
    """Batches of sentences of similar length (the CRF's forward pass is one step per token)."""
    order = sorted(range(len(items)), key=lambda j: len(items[j][1]) + (random.random() * 4 if shuffle else 0))
    chunks = [order[i:i + size] for i in range(0, len(order), size)]
    if shuffle:
        random.shuffle(chunks)
    for chunk in chunks:
        yield [items[j] for j in chunk]


def make_batch(items, device, word_drop=0.0):
    n = max(len(it[1]) for it in items)
    dim = items[0][0].size(1)
    feats = torch.zeros(len(items), n, dim, device=device)
    wids = torch.zeros(len(items), n, dtype=torch.long, device=device)
    tags = torch.zeros(len(items), n, dtype=torch.long, device=device)
    mask = torch.zeros(len(items), n, device=device)
    for j, (f, w, t) in enumerate(items):
        k = len(w)
        feats[j, :k] = f
        ww = torch.tensor(w, device=device)
        if word_drop:
            ww = torch.where(torch.rand(k, device=device) < word_drop, torch.ones_like(ww), ww)
        wids[j, :k] = ww
        tags[j, :k] = torch.tensor(t, device=device)
        mask[j, :k] = 1
    return feats, wids, tags, mask, mask.sum(1).long()


def predict(model, items, device):
    model.eval()
    out = []
    for i in range(0, len(items), 128):
        chunk = items[i:i + 128]
        feats, wids, _, _, lengths = make_batch(chunk, device)
        em = model.emissions(feats, wids, lengths)
        out += [[TAGS[i] for i in model.decode(em[j], int(lengths[j]))] for j in range(len(chunk))]
    return out


def train_tagger(train_items, eval_items, n_words, lm_dim, args, device, epochs, seed):
    torch.manual_seed(seed)
    random.seed(seed)
    model = Tagger(lm_dim, n_words, args).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs)
    history = []
    for ep in range(1, epochs + 1):
        model.train()
        for chunk in batches(train_items, args.batch, True):
            feats, wids, tags, mask, lengths = make_batch(chunk, device, args.word_drop)
            loss = model.nll(model.emissions(feats, wids, lengths), tags, mask)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
        sched.step()
        if eval_items:
            score = f1([[TAGS[t] for t in it[2]] for it in eval_items], predict(model, eval_items, device))
            history.append(score)
            print(f"  epoch {ep} F1 {score:.4f}", flush=True)
    return model, history


# ---------------------------------------------------------------- export

def _half(arrays: dict) -> dict:
    return {k: v.detach().float().cpu().numpy().astype(np.float16) for k, v in arrays.items()}


def export_lms(path: Path, lm_f: CharLM, lm_b: CharLM) -> None:
    arrays = {}
    for name, lm in (("f", lm_f), ("b", lm_b)):
        arrays[f"lm{name}_emb"] = lm.emb.weight
        for p in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"):
            arrays[f"lm{name}_{p}"] = getattr(lm.rnn, p)
    np.savez_compressed(path, **_half(arrays))


def export_tagger(path: Path, tagger: Tagger) -> None:
    arrays = {"wemb": tagger.wemb.weight}
    for p in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
              "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse"):
        arrays[f"tag_{p}"] = getattr(tagger.rnn, p)
    arrays["out_w"], arrays["out_b"] = tagger.out.weight, tagger.out.bias
    arrays["trans"], arrays["start"], arrays["end"] = tagger.trans, tagger.start, tagger.end
    np.savez_compressed(path, **_half(arrays))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--lm-chars", type=int, default=0, help="use only the first N characters (0 = all)")
    ap.add_argument("--lm-hidden", type=int, default=512)
    ap.add_argument("--lm-emb", type=int, default=48)
    ap.add_argument("--lm-seq", type=int, default=250)
    ap.add_argument("--lm-batch", type=int, default=256)
    ap.add_argument("--lm-lr", type=float, default=2e-3)
    ap.add_argument("--lm-seconds", type=float, default=150)
    ap.add_argument("--word-dim", type=int, default=64)
    ap.add_argument("--word-min", type=int, default=2)
    ap.add_argument("--word-drop", type=float, default=0.1)
    ap.add_argument("--tag-hidden", type=int, default=192)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--dev", type=int, default=500)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit", type=int, default=0, help="tagger: only the first N training sentences (smoke tests)")
    args = ap.parse_args()
    torch.backends.cuda.matmul.allow_tf32 = True
    torch.backends.cudnn.allow_tf32 = True
    device = torch.device(args.device)
    args.out.mkdir(parents=True, exist_ok=True)
    t_start = time.time()

    with gzip.open(args.data / "lm.txt.gz", "rt", encoding="utf-8") as f:
        text = f.read()
    if args.lm_chars:
        text = text[: args.lm_chars]
    chars = char_vocab(text, 200)
    index = {c: i for i, c in enumerate(chars)}
    data = encode(text, index)
    print(f"LM text {len(text):,} chars, vocabulary {len(chars)}", flush=True)
    del text
    lm_f = train_lm(data, len(chars), args, device, "forward")
    lm_b = train_lm(data[::-1].copy(), len(chars), args, device, "backward")
    export_lms(args.out / "lm.npz", lm_f, lm_b)
    t_lm = time.time() - t_start

    train = read_conll(args.data / "train.txt")
    if args.limit:
        train = train[: args.limit] + train[-args.dev:]
    test = read_conll(args.data / "test.txt")
    counts = Counter(w for ws, _ in train for w in ws)
    words = ["<pad>", "<unk>"] + sorted(w for w, n in counts.items() if n >= args.word_min)
    windex = {w: i for i, w in enumerate(words)}

    def items(sents):
        feats = lm_features(lm_f, lm_b, [ws for ws, _ in sents], index, device)
        return [(f, [windex.get(w, 1) for w in ws], [TAGS.index(t) for t in ts])
                for f, (ws, ts) in zip(feats, sents, strict=True)]

    train_items, test_items = items(train), items(test)
    lm_dim = 2 * args.lm_hidden
    cut = len(train_items) - args.dev
    print(f"tagger: {cut} train / {args.dev} dev sentences, {len(words)} words", flush=True)
    _, hist = train_tagger(train_items[:cut], train_items[cut:], len(words), lm_dim, args, device,
                           args.epochs, args.seed)
    best = int(np.argmax(hist)) + 1
    print(f"best dev F1 {max(hist):.4f} at epoch {best}", flush=True)
    t0 = time.time()
    model, _ = train_tagger(train_items, [], len(words), lm_dim, args, device, best, args.seed)
    t_tag = time.time() - t0
    export_tagger(args.out / "tagger.npz", model)
    test_f1 = f1([[TAGS[t] for t in it[2]] for it in test_items], predict(model, test_items, device))
    print(f"test F1 {test_f1:.4f} (reported only)", flush=True)
    meta = {"chars": chars, "words": words, "tags": TAGS, "lm_hidden": args.lm_hidden,
            "lm_emb": args.lm_emb, "word_dim": args.word_dim, "tag_hidden": args.tag_hidden,
            "dev_f1": max(hist), "dev_history": hist, "epochs": best, "test_f1": test_f1,
            "lm_seconds": t_lm, "tagger_seconds": t_tag, "device": str(device),
            "gpu": torch.cuda.get_device_name(0) if device.type == "cuda" else None,
            "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()}}
    (args.out / "charlm.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    print(f"done in {time.time() - t_start:.0f}s", flush=True)


if __name__ == "__main__":
    main()
