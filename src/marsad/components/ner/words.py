"""Word-level helpers the NER features and lexicon share: clitic stripping and the gazetteer file."""

from __future__ import annotations

import gzip
from functools import lru_cache

from marsad.core.errors import ResourceError

_PREFIXES = ("وبال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "فب", "فل",
             "وك", "و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=4)
def load_gazetteer(path: str) -> dict[str, tuple[str, ...]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            rows = (line.rstrip("\n").split("\t") for line in fh)
            return {r[0]: tuple(r[1].split(",")) for r in rows if len(r) == 2}
    except OSError as exc:
        raise ResourceError(f"cannot read the NER gazetteer {path}: {exc}; rebuild it with 'marsad train ner'") from exc


@lru_cache(maxsize=200_000)
def strip_clitics(n: str) -> str:
    """The normalised word without leading و ف ب ل ك ال, if enough of it is left."""
    for p in _PREFIXES:
        if n.startswith(p) and len(n) - len(p) >= 3:
            return n[len(p):]
    return n
