"""Re-coding stored articles after a dictionary or model changes.

Every article row records the coder version (:mod:`.version`) that made its mentions and
events. :func:`recode` re-runs the pipeline over the stored articles whose version differs
from the pipeline's (or over all selected ones with ``everything=True``), replacing their
rows and re-merging the events they touch; articles already coded by this version are left
alone, so a killed recode resumes where it stopped and a second recode does nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from marsad.core.types import Article
from marsad.jobs.ingest import Counts, ingest_batch
from marsad.store import schema
from marsad.store.version import coder_version, version_id

A = schema.articles


def _day(value: str | date | None, end: bool = False) -> datetime | None:
    if value is None:
        return None
    d = value if isinstance(value, date) else date.fromisoformat(str(value))
    return datetime(d.year, d.month, d.day, 23, 59, 59) if end else datetime(d.year, d.month, d.day)


def select_articles(store: Any, cvid: str | None, *, since: str | date | None = None,
                    until: str | date | None = None, outlet: str | None = None,
                    category: str | None = None, ids: list[str] | None = None) -> list[str]:
    """Ids of stored articles matching the filters and not coded by ``cvid`` (None: any)."""
    stmt = select(A.c.id).order_by(A.c.id)
    if cvid is not None:
        stmt = stmt.where((A.c.coder_version != cvid) | A.c.coder_version.is_(None))
    if since:
        stmt = stmt.where(A.c.published >= _day(since))
    if until:
        stmt = stmt.where(A.c.published <= _day(until, end=True))
    if outlet:
        stmt = stmt.where(A.c.source == outlet)
    if category:
        stmt = stmt.where(A.c.category == category)
    if ids:
        stmt = stmt.where(A.c.id.in_(ids))
    with store.engine.connect() as conn:
        return list(conn.execute(stmt).scalars())


def load_articles(store: Any, ids: list[str]) -> list[Article]:
    """Rebuild :class:`Article` objects from their rows."""
    names = ["id", "text", "title", "published", "published_precision", "source", "url", "language",
             "dateline", "category", "origin"]
    with store.engine.connect() as conn:
        rows = conn.execute(select(*[A.c[n] for n in names], A.c.meta).where(A.c.id.in_(ids))).mappings()
        found = {r["id"]: Article(**{n: r[n] for n in names},
                                  meta=json.loads(r["meta"]) if r["meta"] else {}) for r in rows}
    return [found[i] for i in ids if i in found]


def _batches(ids: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def recode(store: Any, pipeline: Any, *, batch_size: int = 64, everything: bool = False,
           run_id: int | None = None, on_batch: Callable[[Counts], None] | None = None,
           **filters: Any) -> Counts:
    """Re-code the selected stored articles; returns the counts (``skipped``: up to date)."""
    cvid = version_id(coder_version(pipeline))
    todo = select_articles(store, None if everything else cvid, **filters)
    total = Counts()
    if not everything:
        total.skipped = len(select_articles(store, None, **filters)) - len(todo)
    for chunk in _batches(todo, batch_size):
        c = ingest_batch(store, list(load_articles(store, chunk)), pipeline, cvid, run_id, force=True)
        total.add(c)
        if on_batch is not None:
            on_batch(c)
    return total
