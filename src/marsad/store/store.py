"""The :class:`Store`: an event database, SQLite or PostgreSQL, behind one API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from marsad.store import schema
from marsad.store.clock import now
from marsad.store.core import make_backend, migrate, to_url
from marsad.store.queries import QueryMixin
from marsad.store.runs import Counts, detector_threshold, mark_interrupted, this_process
from marsad.store.version import coder_version, version_id


class Store(QueryMixin):
    """An opened event store. Use :func:`marsad.store.open_store` (``marsad.open``)."""

    def __init__(self, url_or_path: str | Path | None = None) -> None:
        self.url = to_url(url_or_path)
        self.backend = make_backend(self.url)
        self.engine = self.backend.engine
        self.dialect = self.backend.name
        self.schema_version = migrate(self.backend)
        self.interrupted: list[int] = []  # runs found killed when this one started

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the store's database connections."""
        self.engine.dispose()

    # -- runs -----------------------------------------------------------------------------------
    def start_run(self, command: str, args: dict[str, Any] | None = None, pipeline: Any = None) -> int:
        """Log a new run (``running``, with this process id and host) and return its id.

        Earlier runs left ``running`` by a process that is gone are marked ``interrupted`` first
        (their ids are in :attr:`interrupted`).
        """
        self.interrupted = mark_interrupted(self)
        info = coder_version(pipeline)
        with self.engine.begin() as conn:
            res = conn.execute(schema.runs.insert().values(
                command=command, args=json.dumps(args or {}, ensure_ascii=False, default=str),
                coder_version=version_id(info), coder=json.dumps(info, ensure_ascii=False),
                started_at=now(), status="running", articles=0, skipped=0, events=0, failures=0,
                min_confidence=detector_threshold(pipeline), **this_process()))
            return int(res.inserted_primary_key[0])

    def mark_interrupted(self) -> list[int]:
        """Mark ``running`` runs whose process is gone (killed) as ``interrupted``; returns their ids."""
        return mark_interrupted(self)

    def update_run(self, run_id: int, counts: Counts, status: str | None = None) -> None:
        """Record a run's counts so far, and its final status when one is given."""
        values: dict[str, Any] = counts.as_dict()
        if status:
            values.update(status=status, finished_at=now())
        with self.engine.begin() as conn:
            conn.execute(update(schema.runs).where(schema.runs.c.id == run_id).values(**values))

    # -- work -----------------------------------------------------------------------------------
    @contextmanager
    def finishing_run(self, run_id: int, counts: Counts) -> Iterator[None]:
        """On an exception inside, mark the run ``interrupted`` (Ctrl-C) or ``failed``, and re-raise."""
        try:
            yield
        except BaseException as exc:
            status = "interrupted" if isinstance(exc, KeyboardInterrupt | SystemExit) else "failed"
            with suppress(Exception):  # the database itself may be what failed
                self.update_run(run_id, counts, status)
            raise

    def cluster_duplicates(self, threshold: float | None = None) -> int:
        """Recompute near-duplicate article clusters; returns the number of clustered articles."""
        from marsad.store.dedup_run import cluster_articles

        return cluster_articles(self, threshold)

    def coder_versions(self) -> dict[str, int]:
        """How many stored articles each coder version coded (version id -> articles)."""
        a = schema.articles
        from sqlalchemy import func

        with self.engine.connect() as conn:
            return dict(conn.execute(select(a.c.coder_version, func.count()).group_by(a.c.coder_version)).all())
