"""Entity counting as conlleval does it, and the feature helpers of the NER model."""

from __future__ import annotations

import pytest

from marsad.components.ner.features import gazetteer_tags
from marsad.components.ner.model import propagate
from marsad.text.morph import light_stem as strip_clitics
from marsad.training.ner.corpus import split_words
from marsad.training.ner.scoring import entities, evaluate


def test_i_after_o_starts_an_entity() -> None:
    assert entities(["O", "I-PERS", "I-PERS", "B-LOC", "I-ORG", "O"]) == [(1, 3, "PERS"), (3, 4, "LOC"), (4, 5, "ORG")]


def test_b_splits_two_entities_of_one_type() -> None:
    assert entities(["B-LOC", "B-LOC", "I-LOC"]) == [(0, 1, "LOC"), (1, 3, "LOC")]


def test_exact_match_only() -> None:
    gold = [["B-ORG", "I-ORG", "O", "B-PERS"]]
    pred = [["B-ORG", "O", "O", "B-PERS"]]
    s = evaluate(gold, pred)
    assert s["micro"].correct == 1 and s["micro"].gold == 2 and s["micro"].predicted == 2
    assert s["ORG"].f1 == 0.0
    assert s["PERS"].f1 == pytest.approx(1.0)
    assert s["micro"].f1 == pytest.approx(0.5)


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        evaluate([["O"]], [["O", "O"]])


def test_strip_clitics_keeps_short_stems() -> None:
    assert strip_clitics("والامم") == "امم"
    assert strip_clitics("بوش") == "بوش"  # too little would be left
    assert strip_clitics("لبنان") == "بنان"  # a feature, not a segmentation: both forms are features


def test_gazetteer_longest_match_with_clitic() -> None:
    gaz = {"الامم المتحده": ("ORG",), "الامم": ("LOC",)}
    tags = gazetteer_tags(["في", "والامم", "المتحده"], gaz)
    assert tags[0] == []
    assert "gB=ORG" in tags[1] and "gI=ORG" in tags[2]


def test_propagate_tags_repeats_within_window() -> None:
    sents = [["زار", "دويسنبرج", "القاهرة"], ["وقال", "دويسنبرج"], ["x"] * 3, ["ودويسنبرج", "هنا"]]
    tags = [["O", "B-PERS", "B-LOC"], ["O", "O"], ["O"] * 3, ["O", "O"]]
    near = propagate(sents, tags, window=1)
    assert near[1] == ["O", "B-PERS"]
    assert near[3] == ["O", "O"]  # three sentences away: outside the window
    assert propagate(sents, tags, window=0)[3] == ["B-PERS", "O"]


def test_split_words_like_anercorp() -> None:
    assert split_words('قال "بان كي مون"، أمس.') == ["قال", '"', "بان", "كي", "مون", '"', "،", "أمس", "."]
