"""Which database errors mean the store itself has stopped working, not that one row was refused.

A run that meets one (disk full, the file gone or unwritable, the server gone) stops at once with
one line, instead of retrying every article of every batch and recording each as a failure it
cannot even write.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

#: Fragments of SQLite and PostgreSQL messages (lower case) that mean the database is unusable.
_FATAL = (
    "database or disk is full", "disk i/o error", "unable to open database file", "readonly database",
    "database disk image is malformed", "no such table", "no space left on device", "could not extend file",
    "could not write", "disk full", "server closed the connection", "connection refused",
    "terminating connection", "connection is closed", "the database system is shutting down",
)
_ERRNOS = {errno.ENOSPC, errno.EIO, errno.EROFS, errno.EDQUOT, errno.ENOENT}


def fatal_reason(exc: BaseException) -> str | None:
    """A one-line reason when ``exc`` means the store is unusable (disk full, database gone,
    connection lost); None for an error about one row, which the caller may isolate."""
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        first = (str(exc.orig).strip().splitlines() or [type(exc.orig).__name__])[0]
        if exc.connection_invalidated:
            return f"the connection to the database was lost ({first})"
        if any(m in first.lower() for m in _FATAL):
            return first
        return None
    if isinstance(exc, OSError) and exc.errno in _ERRNOS:
        return exc.strerror or str(exc)
    return None


def vanished(store: Any) -> str | None:
    """Why the store's SQLite file is gone from where it was opened (deleted or moved while
    open: SQLite would go on writing to a file nobody can open again), or None."""
    url = str(getattr(store, "url", "") or "")
    if not url.startswith("sqlite:///") or url == "sqlite:///" or ":memory:" in url:
        return None
    path = Path(url[len("sqlite:///"):].split("?", 1)[0])
    return None if path.exists() else f"the database file {path} was removed or moved during the run"
