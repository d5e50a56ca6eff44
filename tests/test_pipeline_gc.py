"""The Pipeline freezes the collector's view of the loaded models once, after its first batch."""

from __future__ import annotations

import gc

from marsad.pipeline import Pipeline
from marsad.text import TextStage
from marsad.types import Article, Document

TEXT = "القاهرة (أ ش أ) - التقى وزير الخارجية المصري نظيره الأردني في عمان اليوم الأحد."


def _run(pipe: Pipeline) -> int:
    gc.unfreeze()
    pipe.run_batch([Document(article=Article(id="a", text=TEXT))])
    frozen = gc.get_freeze_count()
    pipe.run_batch([Document(article=Article(id="b", text=TEXT))])
    assert gc.get_freeze_count() == frozen  # once, not after every batch
    gc.unfreeze()
    return frozen


def test_first_batch_freezes_the_loaded_objects():
    assert _run(Pipeline([TextStage()])) > 0


def test_freeze_can_be_turned_off():
    assert _run(Pipeline([TextStage()], freeze_gc=False)) == 0
