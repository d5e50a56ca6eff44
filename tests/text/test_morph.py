"""The one morphological reading per word: made by the text layer, stored on every token, and read
by the actors, places, NER and event components instead of rules of their own."""

from __future__ import annotations

from dataclasses import replace

import pytest

import marsad.components.ner.features as ner_features
import marsad.components.ner.lexicon as ner_lexicon
import marsad.components.ner.model as ner_model
from marsad.components.actors import doc_words
from marsad.components.events.coder import sentence_words
from marsad.core.types import Article, Document
from marsad.text import analyze, morph
from marsad.text.morph import reading
from marsad.text.normalize import norm_word


@pytest.fixture(scope="module")
def seed_doc(seed_text: str) -> Document:
    return analyze(Article(id="seed", text=seed_text))


def test_every_token_carries_its_reading_once_per_word(seed_doc: Document) -> None:
    words = [t for t in seed_doc.tokens if t.kind == "word"]
    assert len(words) > 300
    for t in seed_doc.tokens:
        assert t.reading is not None and t.reading.norm == t.norm
        assert t.reading is reading(t.norm)  # one object per word, not one analysis per use
    same = [t for t in words if t.norm == "المتحده"]
    assert len(same) > 1 and len({id(t.reading) for t in same}) == 1


def test_the_readings_keep_each_components_forms_apart() -> None:
    r = reading(norm_word("وللأمم"))
    assert ("امم", 2, True) in r.bare_forms and ("للامم", 1, False) in r.bare_forms  # dictionary matching
    assert r.inner == ("وللامم",)  # inside a phrase, و is coordination: only the whole word
    assert r.light_stem == "امم" and r.article_form == "الامم"  # the NER's stem and article form
    assert r.unconj == "للامم"
    assert ("تظاهر", "V") in reading("وتظاهروا").analyses and "تظاهر" in reading("وتظاهروا").stems
    assert reading("وستعقد").future and not reading("وسط").future
    assert {"القنبله", "قنبله"} <= reading("بالقنبله").list_forms
    # a feature stem is not a segmentation: لبنان keeps its ل as a token, but its light stem drops it
    assert reading("لبنان").light_stem == "بنان"
    assert [s.kind for s in analyze(Article(id="l", text="لبنان")).tokens[0].segments] == ["stem"]


def test_the_event_coder_reads_the_tokens_reading(seed_doc: Document) -> None:
    """A reading put on a token by hand is the one the event rules see: they do not analyse again."""
    k = next(i for i, t in enumerate(seed_doc.tokens) if t.norm == "ومنظمه")
    mine = replace(reading("ومنظمه"), unconj="منظمه-by-hand")
    tokens = list(seed_doc.tokens)
    tokens[k] = replace(tokens[k], reading=mine)
    doc = replace(seed_doc, tokens=tuple(tokens))
    words = {w.start: w for s in sentence_words(doc) for w in s.words}
    assert words[tokens[k].start].reading is mine
    assert all(words[t.start].reading is t.reading for t in seed_doc.tokens if t.start in words and t.index != k)


def test_the_actor_words_read_the_text_layers_reading(seed_doc: Document) -> None:
    words = doc_words(seed_doc)
    assert len(words) > 300
    for w in words:
        r = reading(w.text)
        assert w.cands is r.bare_forms and w.inner is r.inner


def test_the_ner_uses_the_text_layers_rules() -> None:
    for module in (ner_features, ner_lexicon, ner_model):
        assert getattr(module, "light_stem", morph.light_stem) is morph.light_stem
        assert not hasattr(module, "strip_clitics")
    assert ner_model.name_forms is morph.name_forms
    assert reading("وللامم").name_forms == ("وللامم", "الامم", "لامم", "للامم")
    assert ner_features.word_features("وللأمم")[1] == f"s={reading('وللامم').light_stem}"


def test_a_reading_pickles_as_its_word(seed_doc: Document) -> None:
    """Documents a Dask worker sends back carry each word once, not every form of its reading."""
    import pickle

    back = pickle.loads(pickle.dumps(seed_doc.tokens))
    assert back == seed_doc.tokens
    assert all(t.reading is reading(t.norm) for t in back)
    r = reading("وتظاهروا")
    assert len(pickle.dumps(r)) < 100 < len(pickle.dumps(r.analyses))  # the word, not its forms
