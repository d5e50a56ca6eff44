"""Building the NER lexicon files (see :mod:`marsad.components.ner.lexicon`) from the shared data.

``dense.npz`` (PCA of the ANT vectors; the label-similarity column is added per training set,
like the label prior), ``foreign.json.gz`` (character models of names and of common words),
``cues.tsv.gz`` (cue profile of ANT words) and ``aqmar.tsv.gz`` (AQMAR entity names).
"""

from __future__ import annotations

import gzip
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

import marsad.resources as resource_files
from marsad.components.ner.lexicon import EMB_DIM, CharLM, Lexicon
from marsad.text.morph import light_stem
from marsad.text.normalize import norm_word
from marsad.training.ner.corpus import Sentence, ant_sentences, read_conll
from marsad.training.ner.embed import load_vectors
from marsad.training.ner.gazetteer import write_gazetteer

LABELS = ("O", "PERS", "ORG", "LOC", "MISC")


def unit_rows(v: np.ndarray) -> np.ndarray:
    return v / (np.linalg.norm(v, axis=1, keepdims=True) + 1e-9)


def build_dense(cache: Path, out: Path) -> None:
    """The vectors' first ``EMB_DIM`` principal components, each scaled to std 3/sqrt(dim)."""
    words, v = load_vectors(cache)
    x = unit_rows(v)
    x = x - x.mean(0)
    _, _, vt = np.linalg.svd(x[:50000], full_matrices=False)
    p = x @ vt[:EMB_DIM].T
    p = np.round(p / p.std(0) * 3 / np.sqrt(EMB_DIM), 3)
    np.savez_compressed(out, words=np.array(words), emb=p.astype(np.float32))


def add_similarity(out: Path, cache: Path, sents: Sequence[Sentence], k: int = 3) -> None:
    """Per word, the mean cosine of its ``k`` nearest training words of each majority label
    (the word itself left out); rewritten for every training set, never from dev or test."""
    words, v = load_vectors(cache)
    x = unit_rows(v).astype(np.float32)
    idx = {w: i for i, w in enumerate(words)}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for s in sents:
        for w, t in s:
            counts[norm_word(w)][t[2:] if t != "O" else "O"] += 1
    major = {w: c.most_common(1)[0][0] for w, c in counts.items() if w in idx}
    sim = np.zeros((len(words), len(LABELS)), dtype=np.float32)
    for li, lab in enumerate(LABELS):
        cols = np.array([idx[w] for w, m in major.items() if m == lab])
        kk = min(k, len(cols))
        for lo in range(0, len(words), 4096):
            sims = x[lo : lo + 4096] @ x[cols].T
            own = np.nonzero((cols >= lo) & (cols < lo + 4096))[0]
            sims[cols[own] - lo, own] = -1
            sim[lo : lo + 4096, li] = (-np.partition(-sims, kk - 1, axis=1)[:, :kk]).mean(1)
    data = dict(np.load(out))
    data["sim"] = np.round(sim, 3)
    np.savez_compressed(out, **data)


def build_foreign(gazetteer: Path, cache: Path, out: Path, common: int = 30000) -> None:
    """Character 4-gram counts of name words (gazetteer LOC/PERS/actor entries) and of the
    ``common`` most frequent ANT words that are not name words."""
    names: set[str] = set()
    with gzip.open(gazetteer, "rt", encoding="utf-8") as fh:
        for line in fh:
            name, labels = line.rstrip("\n").split("\t")
            if "LOC" in labels or "PERS" in labels or "ACT" in labels:
                names.update(w for w in map(light_stem, name.split()) if len(w) > 2)
    words, _ = load_vectors(cache)
    plain = [light_stem(w) for w in words[:common] if len(w) > 2]
    plain = [w for w in plain if w not in names]
    table = {}
    for key, ws in (("names", sorted(names)), ("common", plain)):
        counts, size = CharLM.count(ws)
        table[key] = {"size": size, "counts": counts}
    with gzip.GzipFile(out, "wb", mtime=0) as raw:
        raw.write(json.dumps(table, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def add_foreign_column(folder: Path) -> None:
    """Store every dense-table word's foreignness score in ``dense.npz`` (the tagger then runs
    the character models only on words outside the table)."""
    lex = Lexicon(str(folder))
    data = dict(np.load(folder / "dense.npz"))
    data["foreign"] = np.array([lex.score_foreign(str(w)) for w in data["words"].tolist()], dtype=np.float64)
    np.savez_compressed(folder / "dense.npz", **data)


def _cue_table() -> dict[str, str]:
    path = resource_files.path("models", "ner", "cue_words.tsv")
    cue: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, _, words = line.partition("\t")
            for w in words.split():
                n = norm_word(w)
                cue[n] = kind
                for p in ("و", "ف", "ب", "ل", "وب", "ول"):
                    cue.setdefault(p + n, kind)
    return cue


def mine_cues(archive: Path, out: Path) -> None:
    """Count, for every ANT word stem, its occurrences and those right after each kind of cue."""
    cue = _cue_table()
    total: Counter[str] = Counter()
    hits: dict[str, Counter[str]] = defaultdict(Counter)
    memo: dict[str, tuple[str, str]] = {}
    for words in ant_sentences(archive):
        state, skipped = None, 0
        for w in words:
            pair = memo.get(w)
            if pair is None:
                full = norm_word(w)
                pair = memo[w] = (light_stem(full), full)
            stem, full = pair
            total[stem] += 1
            if state is not None:
                if state in ("P", "T") and full.startswith("ال") and skipped < 3:
                    skipped += 1
                    if cue.get(full) == "P":
                        state, skipped = "P", 0
                    continue
                if state != "T" or skipped:
                    hits[stem]["P" if state == "T" else state] += 1
                state = None
            if full in cue:
                state, skipped = cue[full], 0
    with gzip.GzipFile(out, "wb", mtime=0) as raw:
        rows = (f"{n}\t{c}\t{hits[n]['P']}\t{hits[n]['O']}\t{hits[n]['L']}\n"
                for n, c in sorted(total.items()) if c >= 3 and n in hits)
        raw.write("".join(rows).encode("utf-8"))


def build_aqmar(folder: Path, out: Path) -> None:
    """Entity names of AQMAR train and dev (PER becomes PERS), as a gazetteer file."""
    table: dict[str, set[str]] = defaultdict(set)
    for fname in ("train.txt", "dev.txt"):
        for sent in read_conll(folder / fname):
            cur: list[str] = []
            label = ""
            for w, t in [*sent, ("", "O")]:
                if t.startswith("I-") and cur and t[2:] == label:
                    cur.append(w)
                    continue
                if cur:
                    table[" ".join(norm_word(x) for x in cur)].add("PERS" if label == "PER" else label)
                    cur = []
                if t != "O":
                    cur, label = [w], t[2:]
    write_gazetteer(out, {k: v for k, v in table.items() if len(k) > 2})
