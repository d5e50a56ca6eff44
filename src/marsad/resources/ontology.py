"""CAMEO and PLOVER: codes, roots, QuadClass, Goldstein scores and the mapping between them.

The tables live in ``marsad/resources/ontology/`` (``cameo.tsv``, ``plover.tsv``), derived from
the CAMEO codebook (public), GDELT's Goldstein table and the PLOVER 2021 mapping (CC BY-SA 4.0).
Conventions: ``quad_class`` is GDELT's, from the CAMEO root (1 = 01-05, 2 = 06-08, 3 = 09-13,
4 = 14-20); ``goldstein`` is GDELT's column; CAMEO 01x (statements) and 02x (appeals) have no
PLOVER type (``plover_type`` is ``None``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.core.errors import ConfigError, ResourceError
from marsad.resources import read_text

ONTOLOGY_VERSION = "cameo-1.1b3+plover-2021"


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    quad_class: int
    goldstein: float | None
    plover_type: str | None
    plover_mode: str | None
    name: str


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    quad_class: int
    cameo_roots: str
    modes: tuple[str, ...]


def _rows(name: str) -> list[list[str]]:
    try:
        text = read_text("ontology", name)
    except FileNotFoundError as exc:  # pragma: no cover - broken installation
        raise ResourceError(f"ontology table '{name}' is missing; reinstall marsad.") from exc
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [ln.split("\t") for ln in lines[1:]]


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    """All CAMEO event codes, by code (roots such as ``"04"`` included)."""
    out: dict[str, CameoCode] = {}
    for row in _rows("cameo.tsv"):
        code, root, quad, gold, ptype, pmode, name = (row + [""] * 7)[:7]
        out[code] = CameoCode(
            code=code, root=root, quad_class=int(quad),
            goldstein=float(gold) if gold else None,
            plover_type=ptype or None, plover_mode=pmode or None, name=name,
        )
    return out


@lru_cache(maxsize=1)
def plover_types() -> dict[str, PloverType]:
    """The 16 PLOVER event types, by name."""
    out: dict[str, PloverType] = {}
    for row in _rows("plover.tsv"):
        name, quad, roots, modes = (row + [""] * 4)[:4]
        out[name] = PloverType(name, int(quad), roots, tuple(m for m in modes.split(";") if m))
    return out


def cameo(code: str) -> CameoCode:
    """The entry for a CAMEO code; raises :class:`ConfigError` naming the code if unknown."""
    entry = cameo_codes().get(code)
    if entry is None:
        raise ConfigError(
            f"unknown CAMEO code '{code}'; use one of the 311 codes in "
            "marsad/resources/ontology/cameo.tsv (e.g. 040, 173, 190)."
        )
    return entry


def quad_class(code: str) -> int:
    """GDELT QuadClass from the CAMEO root: 1 = 01-05, 2 = 06-08, 3 = 09-13, 4 = 14-20."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def plover_for(code: str) -> tuple[str | None, str | None]:
    """(PLOVER type, PLOVER mode) for a CAMEO code; (None, None) for 01x and 02x."""
    entry = cameo(code)
    return entry.plover_type, entry.plover_mode


def cameo_roots_for(plover_type: str) -> list[str]:
    """The CAMEO codes whose PLOVER type is ``plover_type`` (for filters and reports)."""
    return [c.code for c in cameo_codes().values() if c.plover_type == plover_type]
