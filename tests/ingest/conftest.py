"""Fixtures for the reader tests: where the shared data lives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("MARSAD_SHARED", REPO / ".." / "shared")).resolve()
SEED = SHARED / "seed" / "000_cf51298b20422178.txt"
ANT = SHARED / "data" / "corpus" / "ant-v2.1-multisource.tar.gz"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}; set MARSAD_SHARED")
    return SEED


@pytest.fixture(scope="session")
def ant_path() -> Path:
    if not ANT.exists():
        pytest.skip(f"ANT corpus not found at {ANT}; set MARSAD_SHARED")
    return ANT
