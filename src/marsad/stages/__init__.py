"""Pipeline stages. Each module holds one stage class; ``STAGES`` maps names to them."""

from __future__ import annotations

import importlib

from ..errors import PipelineError

#: name -> "module:Class", in the default order.
STAGES: dict[str, str] = {
    "text": "marsad.text:TextStage",
    "ner": "marsad.stages.ner:NerStage",
    "actors": "marsad.stages.actors:ActorsStage",
    "places": "marsad.stages.places:PlacesStage",
    "events": "marsad.stages.events:EventsStage",
}
DEFAULT = tuple(STAGES)


def available() -> list[str]:
    """Names of the stages whose modules can be imported here."""
    out = []
    for name, target in STAGES.items():
        module, _, cls = target.partition(":")
        try:
            if hasattr(importlib.import_module(module), cls):
                out.append(name)
        except ImportError:
            continue
    return out


def make(name: str):  # type: ignore[no-untyped-def]
    """Build the stage called ``name``."""
    if name not in STAGES:
        raise PipelineError(f"No such stage '{name}'. Available: {', '.join(sorted(STAGES))}.")
    module, _, cls = STAGES[name].partition(":")
    try:
        return getattr(importlib.import_module(module), cls)()
    except (ImportError, AttributeError) as exc:
        raise PipelineError(f"stage '{name}' cannot be loaded ({exc}); reinstall marsad.") from exc
