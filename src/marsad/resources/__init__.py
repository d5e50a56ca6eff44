"""The data files marsad ships (ontology, dictionaries, gazetteer, models) and the one loader.

Every component finds its files through :func:`path` / :func:`read_text`. Setting the
environment variable ``MARSAD_RESOURCES`` to a folder with the same layout makes marsad read
from there instead (a rebuilt model, an edited dictionary set), without touching the
installed package.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

ENV = "MARSAD_RESOURCES"


def root() -> Path:
    """The resources folder: ``$MARSAD_RESOURCES`` when set, else the installed package's."""
    override = os.environ.get(ENV)
    return Path(override) if override else Path(str(resources.files("marsad.resources")))


def path(*parts: str) -> Path:
    """A file or folder under the resources root (``path("models", "ner", "crf.bin")``)."""
    return root().joinpath(*parts)


def read_text(*parts: str) -> str:
    """A UTF-8 text file under the resources root."""
    return path(*parts).read_text(encoding="utf-8")


def model_dir(name: str) -> Path:
    """The folder of a shipped model (``model_dir("ner")``)."""
    return path("models", name)


#: Folders whose files do not change what the coder finds: ``samples`` (demo inputs) and ``export``
#: (tables that only rename fields in exports, such as ISO-3 -> FIPS country codes).
_SKIP_DIRS = {"__pycache__", "samples", "export"}


def digest() -> str:
    """sha256 (first 16 hex digits) over the names and bytes of every resource file: part of the
    coder version, so a store knows when its events were made with other data."""
    return _digest(str(root()))


@lru_cache(maxsize=4)
def _digest(base_dir: str) -> str:
    h = hashlib.sha256()
    base = Path(base_dir)
    for file in sorted(p for p in base.rglob("*") if p.is_file()):
        rel = file.relative_to(base)
        if _SKIP_DIRS & set(rel.parts) or file.suffix in {".py", ".pyc"}:
            continue
        h.update(str(rel).encode() + b"\0")
        h.update(hashlib.sha256(file.read_bytes()).digest())
    return h.hexdigest()[:16]


__all__ = ["ENV", "digest", "model_dir", "path", "read_text", "root"]
