"""The one pipeline factory: every face (CLI, HTTP API, Python API, store jobs, Dask workers)
builds its pipeline here.

Policy when a model or extra is missing: the default pipeline replaces a stage that cannot be
loaded or cannot run here (the NER model not installed, say) by a pass-through stage with the
same contract and says so through ``warn``; events are still coded from sentence structure,
with fewer actor codes. A pipeline of explicitly named stages (``stages=[...]``) is built
exactly as asked and raises :class:`~marsad.core.errors.PipelineError` instead.

The coder identity (which dictionary, which file) is the pipeline's declared ``coder`` field;
the store records it with every run.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from marsad import resources
from marsad.components import registry
from marsad.components.events.dictionary import Dictionary, default_dictionary, load_dictionary
from marsad.components.events.stage import EventsStage
from marsad.core.errors import ConfigError
from marsad.core.pipeline import ErrorHandler, Pipeline, Stage
from marsad.core.types import Article, Document

if TYPE_CHECKING:
    from marsad.components.actors.stage import ActorsStage

PROBE = Article(id="probe", text="التقى وزير الخارجية المصري نظيره الأردني في عمان أمس.")

Warn = Callable[[str], None]


class PassThrough:
    """Stands in for a stage that cannot run here; produces nothing new."""

    def __init__(self, stage: Stage) -> None:
        self.name = stage.name
        self.requires = frozenset(stage.requires)
        self.produces = frozenset(stage.produces)

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        return list(docs)


class _Empty:
    """Declares an empty field (no places stage installed yet): events are coded without it."""

    def __init__(self, field: str) -> None:
        self.name = f"no-{field}"
        self.requires: frozenset[str] = frozenset()
        self.produces = frozenset({field})

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        return list(docs)


def _file_digest(path: str | Path) -> str:
    """A user file's identity in the coder version: the first 16 hex digits of its sha256."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def _dictionary(dictionary: str | Path | Dictionary | None) -> tuple[Dictionary, dict[str, str]]:
    """The trigger dictionary to code with and what the coder identity says of it."""
    if dictionary is None:
        d = default_dictionary()
        return d, {"dictionary": d.version}
    if isinstance(dictionary, Dictionary):
        return dictionary, {"dictionary": dictionary.version}
    d = load_dictionary(str(dictionary))
    digest = _file_digest(dictionary)
    return d, {"dictionary": d.version, "dictionary_file": digest}


def _actors(actors: str | Path | None) -> tuple[ActorsStage | None, dict[str, str]]:
    """The actors stage with a user's actors file merged in, and what the coder identity says of it."""
    if actors is None:
        return None, {}
    from marsad.components.actors.stage import ActorsStage

    stage = ActorsStage(actors_file=actors)  # reads and checks the file: ConfigError if malformed
    return stage, {"actors_file": _file_digest(actors)}


def _make(name: str, actors_stage: ActorsStage | None) -> Stage:
    """Stage ``name``; with a user's actors file, the actors stage built for it and a places stage
    that reads the same dictionaries (a person the file adds is not a place)."""
    if actors_stage is None or name not in ("actors", "places"):
        return registry.make(name)  # type: ignore[no-any-return]
    if name == "actors":
        return actors_stage
    from marsad.components.places.stage import PlacesStage

    return PlacesStage(actors_stage.lex)


def _default_stages(warn: Warn, actors_stage: ActorsStage | None = None) -> list[Stage]:
    """The default stages before ``events``, each probed once on a tiny article."""
    built: list[Stage] = []
    doc = Document(article=PROBE)
    for name in [n for n in registry.available() if n != "events"]:
        try:
            stage = _make(name, actors_stage)
        except Exception as exc:  # noqa: BLE001 - report and go on without it
            warn(f"stage '{name}' cannot be loaded ({exc}); running without it")
            continue
        try:
            doc = stage.pipe([doc])[0]
        except Exception as exc:  # noqa: BLE001
            warn(f"stage '{name}' cannot run here ({exc}); running without it")
            stage = PassThrough(stage)
        built.append(stage)
    have = {"article"} | {f for s in built for f in s.produces}
    built += [_Empty(field) for field in ("actors", "places") if field not in have]
    return built


def build_pipeline(
    dictionary: str | Path | Dictionary | None = None,
    *,
    stages: Sequence[str] | None = None,
    warn: Warn | None = None,
    on_error: ErrorHandler | None = None,
    batch_size: int = 64,
    freeze_gc: bool = False,
    detector: bool = True,
    actors: str | Path | None = None,
) -> Pipeline:
    """The pipeline: text, ner, actors, places, events (or the named ``stages`` in order).

    ``dictionary`` is a trigger dictionary file (docs/triggers.md) to code with instead of the
    shipped one; ``warn`` receives one line per stage left out; ``on_error(doc, err)`` each
    document a stage failed on (by default the error is raised); ``freeze_gc`` calls
    ``gc.freeze()`` after the first batch (the CLI turns it on; it affects the whole process);
    ``detector=False`` keeps the rule coder's own confidence instead of the trained detector's;
    ``actors`` is a user's actors file (docs/actors.md) merged over the shipped actor dictionaries
    (the actors and the places stages both read the merged dictionaries).
    The coder identity records the digest of either file.
    """
    d, coder = _dictionary(dictionary)
    actors_stage, actors_id = _actors(actors)
    coder = {"resources": resources.digest(), **coder, **actors_id}
    if stages is not None:
        built: list[Stage] = [EventsStage(d, detector) if n == "events" else _make(n, actors_stage) for n in stages]
    else:
        built = [*_default_stages(warn or (lambda message: None), actors_stage), EventsStage(d, detector)]
    return Pipeline(built, on_error=on_error, batch_size=batch_size, freeze_gc=freeze_gc, coder=coder)


def pipeline_from_spec(spec: str | None, dictionary: str | None = None, warn: Warn | None = None,
                       actors: str | None = None) -> Pipeline:
    """The default pipeline, or the one a ``module:function`` spec returns (a user's own stages).

    ``actors`` (a user's actors file) applies to the default pipeline only.
    """
    if not spec:
        return build_pipeline(dictionary, warn=warn, actors=actors)
    if actors:
        raise ConfigError(f"an actors file applies to the default pipeline, not to {spec!r}; "
                          "build your pipeline with marsad.coding.build_pipeline(actors=FILE).")
    module, _, func = spec.partition(":")
    try:
        pipeline: Pipeline = getattr(importlib.import_module(module), func or "load")()
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"cannot load pipeline {spec!r} ({exc}); give MODULE:FUNCTION.") from exc
    return pipeline


__all__ = ["PassThrough", "build_pipeline", "pipeline_from_spec"]
