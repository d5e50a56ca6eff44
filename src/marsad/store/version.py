"""The coder version: which marsad, dictionaries and models made a stored row.

``coder_version(pipeline)`` returns a dict (``marsad``, ``resources``, ``stages`` and any
``coder``/``version`` the pipeline or its stages declare) and :func:`version_id` a short
stable hash of it, stored on every article and event. ``marsad recode`` re-runs the
articles whose version differs from the current one.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import __version__

_RESOURCES = Path(__file__).resolve().parents[1] / "resources"
_SKIP_DIRS = {"__pycache__", "samples"}


@lru_cache(maxsize=4)
def resources_hash(root: str = str(_RESOURCES)) -> str:
    """sha256 (first 16 hex digits) over the names and bytes of every shipped resource file."""
    h = hashlib.sha256()
    base = Path(root)
    for path in sorted(p for p in base.rglob("*") if p.is_file()):
        rel = path.relative_to(base)
        if _SKIP_DIRS & set(rel.parts) or path.suffix in {".py", ".pyc"}:
            continue
        h.update(str(rel).encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:16]


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
    """What codes the events: marsad's version, the resources' hash, the stages and their versions."""
    info: dict[str, Any] = {"marsad": __version__, "resources": resources_hash()}
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
