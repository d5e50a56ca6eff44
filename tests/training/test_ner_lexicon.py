"""Building the NER lexicon files: the AQMAR gazetteer and the foreignness models."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from marsad.components.ner.features import load_gazetteer
from marsad.components.ner.lexicon import CharLM
from marsad.training.ner.lexicon import build_aqmar, build_foreign


def test_aqmar_names_become_a_typed_gazetteer(tmp_path: Path) -> None:
    conll = "قال O\nألبرت B-PER\nأينشتاين I-PER\nفي O\nبرلين B-LOC\n\nحزب B-ORG\nالخضر I-ORG\nو O\n"
    (tmp_path / "train.txt").write_text(conll, encoding="utf-8")
    (tmp_path / "dev.txt").write_text("نظرية B-MISC\nالنسبية I-MISC\n", encoding="utf-8")
    out = tmp_path / "aqmar.tsv.gz"
    build_aqmar(tmp_path, out)
    gaz = load_gazetteer(str(out))
    assert gaz == {"البرت اينشتاين": ("PERS",), "برلين": ("LOC",), "حزب الخضر": ("ORG",), "نظريه النسبيه": ("MISC",)}


def test_foreign_models_are_counted_from_names_and_common_words(tmp_path: Path) -> None:
    import numpy as np

    gaz = tmp_path / "gazetteer.tsv.gz"
    with gzip.open(gaz, "wt", encoding="utf-8") as fh:
        fh.write("دونالد رامسفيلد\tPERS\nشتاينبرج\tLOC\nالحكومه\tORG\n")
    cache = tmp_path / "vectors.npz"
    np.savez(cache, words=np.array(["الحكومه", "قال", "الوزير"]), vectors=np.zeros((3, 2)))
    out = tmp_path / "foreign.json.gz"
    build_foreign(gaz, cache, out)
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        table = json.load(fh)
    names = CharLM(table["names"]["counts"], table["names"]["size"])
    common = CharLM(table["common"]["counts"], table["common"]["size"])
    # ORG names are not name words; the common words keep الحكومه, so it looks common
    assert names.logp("رامسفيلد") - common.logp("رامسفيلد") > names.logp("حكومه") - common.logp("حكومه")
