"""Opening the event store for a command: every way it can fail is one line saying what to do.

* the ``store`` extra is missing: ``pip install 'marsad[store]'`` (:class:`MissingExtra`);
* ``--db`` is not a path or a PostgreSQL URL, names a SQLite file that does not exist (for a
  command that only reads), a folder, or a file in a folder that does not exist;
* the database cannot be opened: PostgreSQL refuses the connection (the URL is shown without
  its password), or SQLite cannot open the file.

All are :class:`ConfigError`\\ s (exit 2); ``marsad --debug`` adds the traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from marsad.core.errors import ConfigError, require


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL and ``:memory:``)."""
    if url.startswith("sqlite:///") and len(url) > len("sqlite:///"):
        return Path(url[len("sqlite:///"):].split("?", 1)[0])
    return None


def check_db(db: str, *, create: bool, or_else: str = "") -> str:
    """The SQLAlchemy URL of ``--db``, checked before anything is created; raises ConfigError.

    ``or_else`` is added to the message for a missing SQLite file (another way out)."""
    require("sqlalchemy", "store")
    from marsad.store.core import to_url

    url = to_url(db)
    path = sqlite_path(url)
    if path is None:
        return url
    if path.is_dir():
        raise ConfigError(f"--db {db} is a folder; give a database file such as {path / 'marsad.db'}")
    if not path.exists():
        if not create:
            raise ConfigError(f"no database at {db!r}; create it with: marsad ingest PATH --db {db}{or_else}")
        folder = path.parent
        if not folder.is_dir():
            raise ConfigError(f"the folder {folder} for the database {db} does not exist; create it first "
                              f"(mkdir -p {folder}) or give another --db")
    return url


def open_db(db: str, *, create: bool, or_else: str = "") -> Any:
    """The store at ``db``; a new SQLite file only with ``create``. One-line ConfigErrors."""
    url = check_db(db, create=create, or_else=or_else)
    from sqlalchemy.exc import DBAPIError

    from marsad.store import open_store

    try:
        return open_store(db)
    except DBAPIError as exc:
        raise ConfigError(cannot_open(db, url, exc)) from exc


def safe_url(url: str) -> str:
    """``url`` with its password hidden."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - only for a message
        return url.split("@", 1)[-1] if "@" in url else url


def cannot_open(db: str, url: str, exc: BaseException) -> str:
    """One line: which database could not be opened, why, and what to check."""
    cause = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    why = lines[0] if lines else type(cause).__name__
    if url.startswith("postgresql"):
        return (f"cannot connect to the PostgreSQL database {safe_url(db)}: {why}; check that the server is "
                "running and that the host, port, user, password and database in --db are right")
    return f"cannot open the SQLite database {db}: {why}; check that it is a marsad database you may write to"
