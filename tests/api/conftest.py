"""Fixtures: a store of real ANT articles with hand-coded events, and a test client over it."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import handcoded  # noqa: E402
from handcoded import make_client  # noqa: E402

pytest.importorskip("fastapi")


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "hand.db"
    handcoded.build_store(path).close()
    return path


@pytest.fixture(scope="session")
def client(store_path: Path) -> Any:
    return make_client(store_path)


@pytest.fixture()
def writable_copy(store_path: Path, tmp_path: Path) -> Iterator[Path]:
    copy = tmp_path / "copy.db"
    shutil.copy(store_path, copy)
    yield copy
