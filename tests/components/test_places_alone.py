"""The places stage runs alone: on a Document built by hand, with the dictionaries and gazetteer it
is given and no other stage run first, it finds what it finds in the full pipeline."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

import marsad.components.places.gazetteer as gazetteer_module
import marsad.components.places.geocode as geocode_module
import marsad.components.places.stage as stage_module
from marsad.components.actors import Lexicon, lexicon
from marsad.components.places.gazetteer import gazetteer, load_gazetteer
from marsad.components.places.stage import PlacesStage
from marsad.core.types import Article, Document
from marsad.text.normalize import normalize

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "marsad" / "resources" / "samples" / "ant-sample.jsonl.gz"


@pytest.fixture(scope="module")
def coded() -> list[Document]:
    """40 sample articles through the whole pipeline."""
    from marsad.coding import build_pipeline

    with gzip.open(SAMPLE, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for _, line in zip(range(40), f, strict=False)]
    articles = [Article(id=str(r["id"]), text=r["text"]) for r in rows]
    return list(build_pipeline().pipe(articles))


def _by_hand(doc: Document) -> Document:
    """A new Document of the text and the NER mentions only: no actors, no places, no events."""
    text = doc.text
    return Document(article=Article(id=doc.article.id, text=text), norm=normalize(text),
                    sentences=doc.sentences, mentions=doc.mentions)


def _refuse(*_: Any) -> Any:
    raise AssertionError("the places stage read a module-level default")


def test_places_alone_on_hand_built_documents(coded: list[Document], monkeypatch: pytest.MonkeyPatch) -> None:
    lex, gaz = lexicon(), gazetteer()
    stage = PlacesStage(lex, gaz)
    for module in (stage_module, geocode_module, gazetteer_module):  # only what the constructor got
        monkeypatch.setattr(module, "lexicon", _refuse)
        monkeypatch.setattr(module, "gazetteer", _refuse)
    alone = stage.pipe([_by_hand(d) for d in coded])
    assert sum(len(d.places) for d in coded) > 40
    assert [d.places for d in alone] == [d.places for d in coded]


def test_the_stage_builds_its_gazetteer_for_its_own_dictionaries() -> None:
    lex = Lexicon()
    lex.countries["XZZ"] = ("Zedland", "زدلاند")
    stage = PlacesStage(lex)
    assert stage.lex is lex
    assert stage.gaz.countries["XZZ"].name_en == "Zedland"
    assert "XZZ" not in gazetteer().countries
    assert stage.gaz.cities == gazetteer().cities
    assert load_gazetteer(lexicon()).countries == gazetteer().countries


def test_defaults_are_the_shipped_ones() -> None:
    stage = PlacesStage()
    assert stage.lex is lexicon() and stage.gaz is gazetteer()


def test_a_users_actors_file_keeps_the_shipped_gazetteer(tmp_path: Path) -> None:
    from marsad.components.actors.user import user_lexicon

    path = tmp_path / "actors.tsv"
    path.write_text("karim_dimashq\tKarim Dimashq\tكريم دمشق\tSYRGOV\tminister\tSYR\t\t\n", encoding="utf-8")
    lex = user_lexicon(path)
    stage = PlacesStage(lex)
    assert stage.lex is lex and stage.gaz is gazetteer()  # a user's file adds persons, not countries
