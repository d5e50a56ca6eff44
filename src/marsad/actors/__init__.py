"""Actor dictionaries and their resolution: see :mod:`marsad.stages.actors` for the stage."""

from __future__ import annotations

from .lexicon import Lexicon, lexicon

__all__ = ["Lexicon", "lexicon"]
