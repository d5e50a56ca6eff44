"""Run articles through the pipeline and write them: the unit of work of ``marsad ingest``.

:func:`ingest_articles` is what one process (or one Dask partition) does: it skips articles
already stored with the same content hash, codes the rest batch by batch, and writes each
batch in one transaction, with every failure (unreadable item, failing stage, unwritable
row) stored with its reason. It returns :class:`Counts`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from itertools import islice
from typing import Any

from sqlalchemy import select

from ..errors import StageError
from ..text.normalize import normalize_text
from ..types import Article, Document, ReadError
from . import duplicates, schema
from .core import now
from .rows import content_hash, doc_rows
from .version import coder_version, version_id
from .writer import Batch, article_failure, read_failure, write_batch


@dataclass
class Counts:
    """What a run did. ``articles``: coded and stored; ``skipped``: already stored."""

    articles: int = 0
    skipped: int = 0
    events: int = 0
    failures: int = 0

    def add(self, other: Counts) -> Counts:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def stored_hashes(store: Any, ids: list[str]) -> dict[str, str]:
    a = schema.articles
    if not ids:
        return {}
    with store.engine.connect() as conn:
        return dict(conn.execute(select(a.c.id, a.c.content_hash).where(a.c.id.in_(ids))).all())


class _Coder:
    """Runs the pipeline over a batch, collecting the documents that fail."""

    def __init__(self, pipeline: Any) -> None:
        self.pipeline = pipeline
        self.failed: list[tuple[Document, StageError]] = []

    def run(self, articles: list[Article]) -> list[Document]:
        self.failed = []
        saved = self.pipeline.on_error
        self.pipeline.on_error = lambda doc, err: self.failed.append((doc, err))
        try:
            return list(self.pipeline.pipe(articles))
        finally:
            self.pipeline.on_error = saved


def _build_batch(docs: list[Document], hashes: dict[str, str], replaced: set[str], cvid: str,
                 run_id: int | None) -> Batch:
    batch = Batch()
    t = now()
    for doc in docs:
        aid = doc.article.id
        rows = doc_rows(doc, hashes[aid], cvid, run_id, t)
        norm = normalize_text(doc.article.text)  # what unindex_text recomputes
        rows.norm = (normalize_text(doc.article.title or ""), norm)
        batch.docs.append(rows)
        batch.sigs[aid] = duplicates.sig_bytes(duplicates.signature(norm))
        if aid in replaced:
            batch.replaced.append(aid)
    return batch


def _write(store: Any, batch: Batch, run_id: int | None) -> list[dict[str, Any]]:
    """Write a batch; if it fails, write its documents one by one and return those that fail."""
    try:
        write_batch(store, batch)
        return []
    except Exception:  # noqa: BLE001 - isolate the article the database refuses
        pass  # (a database that is down fails again below, writing the failures, and raises)
    bad = []
    write_batch(store, Batch(failures=batch.failures))
    for d in batch.docs:
        aid = d.article["id"]
        one = Batch(docs=[d], sigs={aid: batch.sigs.get(aid)},
                    replaced=[aid] if aid in batch.replaced else [])
        try:
            write_batch(store, one)
        except Exception as exc:  # noqa: BLE001
            bad.append(article_failure(aid, d.article["content_hash"], "store",
                                       f"{type(exc).__name__}: {str(exc)[:500]}", d.article["origin"], run_id))
    if bad:
        write_batch(store, Batch(failures=bad))
    return bad


def ingest_batch(store: Any, chunk: list[Article | ReadError], coder: _Coder, cvid: str,
                 run_id: int | None, force: bool = False) -> Counts:
    """Code and write one batch of reader items; ``force`` re-codes stored articles too."""
    counts = Counts()
    failures = [read_failure(x.item, x.reason, run_id) for x in chunk if isinstance(x, ReadError)]
    arts = {x.id: x for x in chunk if isinstance(x, Article)}  # a repeated id: the last wins
    hashes = {aid: content_hash(a) for aid, a in arts.items()}
    stored = stored_hashes(store, list(arts))
    todo = [a for aid, a in arts.items() if force or stored.get(aid) != hashes[aid]]
    counts.skipped = len(arts) - len(todo)
    docs = coder.run(todo)
    for doc, err in coder.failed:
        a = doc.article
        failures.append(article_failure(a.id, hashes[a.id], err.stage, str(err), a.origin, run_id))
    batch = _build_batch(docs, hashes, set(stored), cvid, run_id)
    batch.failures = failures
    bad = _write(store, batch, run_id)
    counts.articles = len(docs) - len(bad)
    bad_ids = {b["article_id"] for b in bad}
    counts.events = sum(len(d.event_mentions) for d in batch.docs if d.article["id"] not in bad_ids)
    counts.failures = len(failures) + len(bad)
    return counts


def ingest_articles(store: Any, articles: Iterable[Article | ReadError], pipeline: Any, *,
                    batch_size: int = 64, run_id: int | None = None,
                    on_batch: Callable[[Counts], None] | None = None, force: bool = False) -> Counts:
    """Code ``articles`` with ``pipeline`` and store them; returns the counts of this call.

    Reusable as the body of one partition in a distributed run: it needs only the store,
    an iterable of reader items and a pipeline.
    """
    cvid = version_id(coder_version(pipeline))
    coder = _Coder(pipeline)
    total = Counts()
    for chunk in _chunks(articles, batch_size):
        c = ingest_batch(store, chunk, coder, cvid, run_id, force)
        total.add(c)
        if on_batch is not None:
            on_batch(c)
    return total
