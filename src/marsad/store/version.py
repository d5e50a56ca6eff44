"""The coder version: which marsad, dictionaries and models made a stored row.

``coder_version(pipeline)`` returns a dict (``marsad``, ``resources``, ``stages`` and any
``coder``/``version`` the pipeline or its stages declare) and :func:`version_id` a short
stable hash of it, stored on every article and event. ``marsad recode`` re-runs the
articles whose version differs from the current one.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from marsad.core.version import __version__


def _stage_id(stage: Any) -> str:
    """A stage's name, with its version and its dictionary's version when it declares them."""
    out = stage.name
    if getattr(stage, "version", None):
        out += f"@{stage.version}"
    dictionary_version = getattr(getattr(stage, "dictionary", None), "version", None)
    if dictionary_version:
        out += f"+dictionary@{dictionary_version}"
    return out


def coder_version(pipeline: Any = None) -> dict[str, Any]:
    """What codes the events: marsad's version, the stages and their versions, and the coder
    identity the pipeline declares (:mod:`marsad.coding`: the resources' digest, the dictionary)."""
    info: dict[str, Any] = {"marsad": __version__}
    if pipeline is not None:
        stages = getattr(pipeline, "stages", [])
        info["stages"] = [_stage_id(s) for s in stages]
        extra = getattr(pipeline, "coder", None)
        if isinstance(extra, dict):
            info.update({k: v for k, v in extra.items() if k not in info})
    return info


def version_id(info: dict[str, Any]) -> str:
    """A short stable id for a coder-version dict."""
    blob = json.dumps(info, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]
