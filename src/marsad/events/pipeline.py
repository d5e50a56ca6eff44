"""The pipeline ``marsad code`` and ``marsad eval events`` run: the default stages, degraded safely.

A stage whose resources are missing here (an untrained NER model, say) is replaced by a
pass-through stage with the same name and contract, and a warning says so: events are still
coded from sentence structure, with fewer actor codes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..types import Article, Document

PROBE = Article(id="probe", text="التقى وزير الخارجية المصري نظيره الأردني في عمان أمس.")


class PassThrough:
    """Stands in for a stage that cannot run here; produces nothing new."""

    def __init__(self, stage: Any) -> None:
        self.name = stage.name
        self.requires = frozenset(stage.requires)
        self.produces = frozenset(stage.produces)

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        return list(docs)


def build_pipeline(dictionary: str | None = None, warn: Callable[[str], None] | None = None) -> Any:
    """The default pipeline (with ``events`` last), each stage probed once on a tiny article."""
    from .. import Pipeline, stages
    from ..stages.events import EventsStage

    names = [n for n in stages.available() if n != "events"]
    built: list[Any] = []
    doc: Document = Document(article=PROBE)
    for name in names:
        try:
            stage = stages.make(name)
        except Exception as exc:  # noqa: BLE001 - report and go on without it
            (warn or (lambda m: None))(f"stage '{name}' cannot be loaded ({exc}); running without it")
            continue
        try:
            doc = stage.pipe([doc])[0]
        except Exception as exc:  # noqa: BLE001
            (warn or (lambda m: None))(f"stage '{name}' cannot run here ({exc}); running without it")
            stage = PassThrough(stage)
        built.append(stage)
    built.append(EventsStage(dictionary))
    have = {"article"} | {f for s in built[:-1] for f in s.produces}
    for field in ("actors", "places"):
        if field not in have:
            built.insert(-1, _Empty(field))
    return Pipeline(built)


class _Empty:
    """Declares an empty field (no places stage installed yet): events are coded without it."""

    def __init__(self, field: str) -> None:
        self.name = f"no-{field}"
        self.requires: frozenset[str] = frozenset()
        self.produces = frozenset({field})

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        return list(docs)
