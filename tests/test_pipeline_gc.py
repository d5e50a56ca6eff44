"""The Pipeline freezes the collector's view of the loaded models once, after its first batch."""

from __future__ import annotations

import gc

import marsad.pipeline
from marsad.pipeline import Pipeline
from marsad.text import TextStage
from marsad.types import Article, Document

TEXT = "القاهرة (أ ش أ) - التقى وزير الخارجية المصري نظيره الأردني في عمان اليوم الأحد."


def _calls(pipe: Pipeline, monkeypatch) -> list[int]:
    """gc.freeze() calls (counted, then really made) after each of three batches."""
    calls = []
    real = gc.freeze

    def freeze() -> None:
        calls.append(1)
        real()

    monkeypatch.setattr(marsad.pipeline.gc, "freeze", freeze)
    seen = []
    for k in range(3):
        out = pipe.run_batch([Document(article=Article(id=f"a{k}", text=TEXT))])
        assert out and out[0].tokens
        seen.append(len(calls))
    return seen


def test_first_batch_freezes_once(monkeypatch):
    assert _calls(Pipeline([TextStage()]), monkeypatch) == [1, 1, 1]
    assert gc.get_freeze_count() > 0


def test_freeze_can_be_turned_off(monkeypatch):
    assert _calls(Pipeline([TextStage()], freeze_gc=False), monkeypatch) == [0, 0, 0]
