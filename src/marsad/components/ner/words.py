"""The NER gazetteer file, shared by the features and the lexicon (the clitic-stripped stem they
look up is the text layer's: :func:`marsad.text.morph.light_stem`)."""

from __future__ import annotations

import gzip
from functools import lru_cache

from marsad.core.errors import ResourceError


@lru_cache(maxsize=4)
def load_gazetteer(path: str) -> dict[str, tuple[str, ...]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            rows = (line.rstrip("\n").split("\t") for line in fh)
            return {r[0]: tuple(r[1].split(",")) for r in rows if len(r) == 2}
    except OSError as exc:
        raise ResourceError(f"cannot read the NER gazetteer {path}: {exc}; rebuild it with 'marsad train ner'") from exc
