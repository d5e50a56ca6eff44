"""The event store: SQLite (a ``marsad.db`` file, the default) or PostgreSQL (a URL).

>>> from marsad.store import open_store
>>> store = open_store(":memory:")
>>> store.counts()["events"]
0
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from marsad.store.store import Store

__all__ = ["Store", "open_store"]


def open_store(url_or_path: str | Path | None = None) -> Store:
    """Open (creating or upgrading) a store: a file path, ``:memory:`` or ``postgresql://...``.

    Without an argument it opens ``marsad.db`` in the current directory.
    """
    from marsad.core.errors import require

    require("sqlalchemy", "store")  # a clear "pip install 'marsad[store]'" when missing
    from marsad.store.store import Store

    return Store(url_or_path)


def __getattr__(name: str) -> Any:
    if name == "Store":
        from marsad.store.store import Store

        return Store
    raise AttributeError(name)
