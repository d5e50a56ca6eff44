"""Helpers the store tests import by name (conftest.py itself is not importable reliably)."""

from __future__ import annotations

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def toy_env() -> dict[str, str]:
    """Environment for a subprocess that can import ``store_toy`` and this checkout's marsad."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), str(REPO / "src"), env.get("PYTHONPATH", "")])
    return env
