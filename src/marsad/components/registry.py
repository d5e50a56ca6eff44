"""Pipeline stages. Each module holds one stage class; ``STAGES`` maps names to them."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable

from marsad.core.errors import PipelineError

#: name -> "module:Class", in the default order.
STAGES: dict[str, str] = {
    "text": "marsad.text:TextStage",
    "ner": "marsad.components.ner.stage:NerStage",
    "actors": "marsad.components.actors.stage:ActorsStage",
    "places": "marsad.components.places.stage:PlacesStage",
    "events": "marsad.components.events.stage:EventsStage",
}
DEFAULT = tuple(STAGES)


def _ner_missing() -> str | None:
    """Why the shipped NER model cannot run here (its extra or its model file missing), or None."""
    if importlib.util.find_spec("pycrfsuite") is None:
        return "python-crfsuite is not installed (pip install python-crfsuite)"
    from marsad.components.ner.features import resource_path
    from marsad.components.ner.model import MODEL_FILE

    path = resource_path(MODEL_FILE)
    return None if path.is_file() else f"the model file {path} is missing (marsad train ner)"


#: What a stage needs beyond its module (model files, extras): name -> a function returning
#: why it cannot run here, or None. A stage class may instead define ``missing()`` itself.
REQUIREMENTS: dict[str, Callable[[], str | None]] = {"ner": _ner_missing}


def missing(name: str) -> str | None:
    """Why stage ``name`` cannot run here (module, extra or data missing), or None when it can."""
    module, _, cls = STAGES[name].partition(":")
    try:
        stage = getattr(importlib.import_module(module), cls, None)
    except ImportError as exc:
        return f"cannot import {module} ({exc})"
    if stage is None:
        return f"{module} has no {cls}"
    check = REQUIREMENTS.get(name) or getattr(stage, "missing", None)
    return check() if callable(check) else None


def available() -> list[str]:
    """Names of the stages that can run here: importable, with their extras and data files."""
    return [name for name in STAGES if missing(name) is None]


def make(name: str):  # type: ignore[no-untyped-def]
    """Build the stage called ``name``."""
    if name not in STAGES:
        raise PipelineError(f"No such stage '{name}'. Available: {', '.join(sorted(STAGES))}.")
    module, _, cls = STAGES[name].partition(":")
    try:
        return getattr(importlib.import_module(module), cls)()
    except (ImportError, AttributeError) as exc:
        raise PipelineError(f"stage '{name}' cannot be loaded ({exc}); reinstall marsad.") from exc
