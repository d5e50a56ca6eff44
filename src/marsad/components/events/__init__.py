"""Event coding: trigger dictionary, morphology, roles, modality and the ``events`` stage."""

from __future__ import annotations

from marsad.components.events.coder import code_document
from marsad.components.events.dictionary import default_dictionary, load_dictionary

__all__ = ["code_document", "default_dictionary", "load_dictionary"]
