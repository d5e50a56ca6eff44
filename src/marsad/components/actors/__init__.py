"""Actor dictionaries and their resolution: see :mod:`marsad.components.actors.stage` for the stage."""

from __future__ import annotations

from marsad.components.actors.lexicon import Lexicon, lexicon

__all__ = ["Lexicon", "lexicon"]
