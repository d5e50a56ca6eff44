"""Training the CRF named-entity model (``marsad train ner``).

Steps: the gazetteer file, the word-cluster file (word2vec on ANT, then k-means), the CRF on
ANERcorp train minus a dev set of whole documents cut from its end, scores on dev and test,
and a ``meta.json`` beside the model. Every step is deterministic (one worker, fixed seeds).
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.components.ner.features import (
    Featurizer,
    cluster_features,
    context_features,
    lexicon_features,
    load_clusters,
    resource_path,
)
from marsad.components.ner.lexicon import load_lexicon
from marsad.components.ner.linear import WEIGHTS_FILE, export_weights
from marsad.components.ner.model import CONLL_WINDOW, MODEL_FILE, NAMES_FILE, NerModel
from marsad.core.errors import InputError, require
from marsad.training.ner.corpus import Sentence, read_conll
from marsad.training.ner.embed import (
    CLUSTER_SIZES,
    build_vectors,
    cluster_table,
    load_vectors,
    write_clusters,
)
from marsad.training.ner.gazetteer import build_gazetteer
from marsad.training.ner.lexicon import (
    add_foreign_column,
    add_similarity,
    build_aqmar,
    build_dense,
    build_foreign,
    mine_cues,
)
from marsad.training.ner.prior import priors
from marsad.training.ner.scoring import Score, evaluate

log = logging.getLogger(__name__)

ANT = Path("corpus") / "ant-v2.1-multisource.tar.gz"
VECTORS_CACHE = Path.home() / ".cache" / "marsad" / "ner-ant-vectors.npz"
DEV_SENTENCES = 500  # the last ~12% of ANERcorp train: whole documents from its end


@dataclass
class TrainConfig:
    c1: float = 0.03
    c2: float = 0.05
    max_iterations: int = 300
    dev_sentences: int = DEV_SENTENCES
    final_on_all: bool = True  # after measuring on dev, retrain on train + dev
    extra: dict[str, float] = field(default_factory=dict)


def split_dev(sents: list[Sentence], n_dev: int) -> tuple[list[Sentence], list[Sentence]]:
    """The last ``n_dev`` sentences (whole documents at the end of the file) become dev."""
    return sents[:-n_dev], sents[-n_dev:]


#: ``on_iteration(done, total)``: called after each optimisation step of a CRF training.
IterationHook = Callable[[int, int], None]


def make_trainer(max_iterations: int, on_iteration: IterationHook | None = None) -> Any:
    """A pycrfsuite trainer that reports each iteration to ``on_iteration`` (a progress bar)."""
    crfsuite = require("pycrfsuite", "ner")

    class Trainer(crfsuite.Trainer):  # type: ignore[misc, name-defined]
        # pycrfsuite parses its log into these events only when verbose; each prints by default
        def on_start(self, log: str) -> None:
            pass

        def on_featgen_progress(self, log: str, percent: float) -> None:
            pass

        def on_featgen_end(self, log: str) -> None:
            pass

        def on_prepared(self, log: str) -> None:
            pass

        def on_prepare_error(self, log: str) -> None:
            pass

        def on_optimization_end(self, log: str) -> None:
            pass

        def on_iteration(self, log: str, info: dict[str, Any]) -> None:
            if on_iteration is not None:
                on_iteration(min(int(info.get("num", 0)), max_iterations), max_iterations)

        def on_end(self, log: str) -> None:  # converged before the last iteration: done all the same
            if on_iteration is not None:
                on_iteration(max_iterations, max_iterations)

    return Trainer(verbose=on_iteration is not None)


def train_crf(sents: Sequence[Sentence], featurizer: Featurizer, out: Path, cfg: TrainConfig,
              on_iteration: IterationHook | None = None) -> float:
    t0 = time.perf_counter()
    trainer = make_trainer(cfg.max_iterations, on_iteration)
    for s in sents:
        trainer.append(featurizer.sentence([w for w, _ in s]), [t for _, t in s])
    trainer.set_params({
        "c1": cfg.c1, "c2": cfg.c2, "max_iterations": cfg.max_iterations,
        "feature.possible_transitions": True, **cfg.extra,
    })
    trainer.train(str(out))
    export_weights(out, out.parent / WEIGHTS_FILE)  # for the NumPy decoder
    return time.perf_counter() - t0


def score_model(model: NerModel, sents: Sequence[Sentence], window: int = CONLL_WINDOW) -> dict[str, Score]:
    """Score on ``sents``; ANERcorp has no document marks, so the document-level pass sees
    ``window`` sentences either side of each one."""
    words = [[w for w, _ in s] for s in sents]
    gold = [[t for _, t in s] for s in sents]
    return evaluate(gold, model.tag(words, window))


def train(shared: Path, model_dir: Path, cfg: TrainConfig, rebuild_resources: bool = True,
          cache: Path = VECTORS_CACHE, progress: Callable[[str], IterationHook] | None = None) -> dict:
    """Build the NER resources, train and score the CRF, write the model to ``model_dir``.
    ``progress(what)`` returns the iteration hook of a progress bar for each CRF training."""
    ner_data = shared / "ner" / "anercorp-camel"
    if not (ner_data / "train.txt").is_file():
        raise InputError(f"no ANERcorp training file under {ner_data}; pass --data pointing at ../shared/data")
    model_dir.mkdir(parents=True, exist_ok=True)
    shipped_names = resource_path(NAMES_FILE)
    if not (model_dir / NAMES_FILE).exists() and shipped_names.is_file():
        shutil.copyfile(shipped_names, model_dir / NAMES_FILE)  # the hand-made list goes along
    timings: dict[str, float] = {}
    if rebuild_resources:
        timings.update(build_resources(shared, model_dir, cache))
    sents = read_conll(ner_data / "train.txt")
    train_part, dev = split_dev(sents, cfg.dev_sentences)
    add_prior(model_dir, cache, train_part)
    featurizer = Featurizer(model_dir)
    timings["crf_dev_s"] = train_crf(train_part, featurizer, model_dir / MODEL_FILE, cfg,
                                     progress("CRF on train (dev held out)") if progress else None)
    report: dict = {"config": cfg.__dict__, "dev": {}, "test": {}}
    report["dev"]["model"] = _as_dict(score_model(NerModel(model_dir, consistency=False, names=False), dev))
    report["dev"]["+consistency"] = _as_dict(score_model(NerModel(model_dir, names=False), dev))
    report["dev"]["+names"] = _as_dict(score_model(NerModel(model_dir), dev))
    if cfg.final_on_all:
        add_prior(model_dir, cache, sents)
        timings["crf_all_s"] = train_crf(sents, Featurizer(model_dir), model_dir / MODEL_FILE, cfg,
                                         progress("CRF on train + dev") if progress else None)
    report["test"] = _as_dict(score_model(NerModel(model_dir), read_conll(ner_data / "test.txt")))
    report["timings"] = timings
    (model_dir / "meta.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return report


def _as_dict(scores: dict[str, Score]) -> dict[str, dict[str, float]]:
    return {k: {"p": round(v.precision, 4), "r": round(v.recall, 4), "f1": round(v.f1, 4)} for k, v in scores.items()}


def build_resources(shared: Path, model_dir: Path, cache: Path) -> dict[str, float]:
    """The gazetteer file, the ANT word vectors (cached outside the package) and the k-means
    clusters of the cluster file (its label-prior column is added per training set)."""
    t0 = time.perf_counter()
    build_gazetteer(shared, model_dir / "gazetteer.tsv.gz")
    t1 = time.perf_counter()
    build_vectors(shared / ANT, shared / "ner" / "anercorp-camel" / "train.txt", cache)
    t2 = time.perf_counter()
    words, vectors = load_vectors(cache)
    table = cluster_table(words, vectors)
    write_clusters(model_dir / "clusters.tsv.gz", table)
    t3 = time.perf_counter()
    build_dense(cache, model_dir / "dense.npz")
    build_foreign(model_dir / "gazetteer.tsv.gz", cache, model_dir / "foreign.json.gz")
    build_aqmar(shared / "ner" / "aqmar", model_dir / "aqmar.tsv.gz")
    t4 = time.perf_counter()
    mine_cues(shared / ANT, model_dir / "cues.tsv.gz")
    add_foreign_column(model_dir)
    return {"gazetteer_s": t1 - t0, "vectors_s": t2 - t1, "clusters_s": t3 - t2, "lexicon_s": t4 - t3,
            "cues_s": time.perf_counter() - t4}


def add_prior(model_dir: Path, cache: Path, sents: Sequence[Sentence]) -> None:
    """Rewrite the cluster file's label-prior column from ``sents`` (never from dev or test)."""
    if not cache.is_file():
        raise InputError(f"no word vectors at {cache}; run 'marsad train ner' without --keep-resources first")
    words, vectors = load_vectors(cache)
    path = model_dir / "clusters.tsv.gz"
    old = {k: v[:len(CLUSTER_SIZES)] for k, v in load_clusters(str(path)).items()}
    table = {w: [*old[w], p] for w, p in zip(words, priors(words, vectors, sents), strict=True) if w in old}
    write_clusters(path, table)
    if (model_dir / "dense.npz").is_file():
        add_similarity(model_dir / "dense.npz", cache, sents)
    for cached in (load_clusters, cluster_features, context_features, lexicon_features, load_lexicon):
        cached.cache_clear()
