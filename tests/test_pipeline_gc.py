"""gc.freeze(): off in the library by default; on request (the CLI) once, after the first batch."""

from __future__ import annotations

import gc
import io

import marsad.core.pipeline
from marsad.cli.main import main
from marsad.coding import build_pipeline
from marsad.core.pipeline import Pipeline
from marsad.core.types import Article, Document
from marsad.text import TextStage

TEXT = "القاهرة (أ ش أ) - التقى وزير الخارجية المصري نظيره الأردني في عمان اليوم الأحد."


def _calls(pipe: Pipeline, monkeypatch) -> list[int]:
    """gc.freeze() calls (counted, then really made) after each of three batches."""
    calls = []
    real = gc.freeze

    def freeze() -> None:
        calls.append(1)
        real()

    monkeypatch.setattr(marsad.core.pipeline.gc, "freeze", freeze)
    seen = []
    for k in range(3):
        out = pipe.run_batch([Document(article=Article(id=f"a{k}", text=TEXT))])
        assert out and out[0].tokens
        seen.append(len(calls))
    return seen


def test_first_batch_freezes_once(monkeypatch):
    assert _calls(Pipeline([TextStage()], freeze_gc=True), monkeypatch) == [1, 1, 1]
    assert gc.get_freeze_count() > 0


def test_library_default_never_freezes(monkeypatch):
    assert _calls(Pipeline([TextStage()]), monkeypatch) == [0, 0, 0]
    assert _calls(build_pipeline(stages=["text"]), monkeypatch) == [0, 0, 0]


def test_the_command_line_freezes(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(marsad.core.pipeline.gc, "freeze", lambda: calls.append(1))
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["code", str(path)], io.StringIO(), io.StringIO()) == 0
    assert calls == [1]
