"""Run articles through the pipeline and write them: the unit of work of ``marsad ingest``.

:func:`ingest_articles` is what one process (or one Dask partition) does: it skips articles
already stored with the same content hash, codes the rest batch by batch, and writes each
batch in one transaction, with every failure (unreadable item, failing stage, unwritable
row) stored with its reason. It returns :class:`Counts`.

A batch goes through three public steps, which a distributed run may place on different
machines: :func:`plan_batch` (needs the store: what is already stored), :func:`code_batch`
(needs only the pipeline) and :func:`write_coded` (needs the store).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from marsad.core.types import Article, Document, ReadError
from marsad.store import duplicates, schema
from marsad.store.clock import now
from marsad.store.rows import content_hash, doc_rows
from marsad.store.runs import Counts
from marsad.store.version import coder_version, version_id
from marsad.text.normalize import normalize_text

if TYPE_CHECKING:
    from marsad.core.pipeline import Pipeline
    from marsad.store.store import Store
from marsad.store.writer import Batch, article_failure, read_failure, write_batch


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


@dataclass
class Plan:
    """A batch of reader items checked against the store: what is left to code."""

    todo: list[Article]  # articles not stored yet with the same content (all with ``force``)
    errors: list[ReadError]  # items the readers could not read
    hashes: dict[str, str]  # article id -> content hash, for every article of the batch
    skipped: int = 0  # articles already stored with the same content


@dataclass
class Coded:
    """What the pipeline made of a batch: documents, and the articles a stage failed on.

    Picklable (a Dask worker returns it to the client): failures are ``(article, stage, reason)``.
    """

    docs: list[Document]
    failed: list[tuple[Article, str, str]] = field(default_factory=list)


def plan_batch(store: Any, items: list[Article | ReadError], force: bool = False) -> Plan:
    """Split reader items into errors, articles already stored (same id and content) and the rest."""
    arts = {x.id: x for x in items if isinstance(x, Article)}  # a repeated id: the last wins
    hashes = {aid: content_hash(a) for aid, a in arts.items()}
    stored = stored_hashes(store, list(arts))
    todo = [a for aid, a in arts.items() if force or stored.get(aid) != hashes[aid]]
    errors = [x for x in items if isinstance(x, ReadError)]
    return Plan(todo, errors, hashes, len(arts) - len(todo))


def code_batch(pipeline: Any, articles: list[Article]) -> Coded:
    """Run the pipeline over ``articles``; the documents a stage fails on are collected, not raised.

    Needs no store: a Dask worker runs it where only the pipeline is loaded.
    """
    failed: list[tuple[Article, str, str]] = []
    saved = pipeline.on_error
    pipeline.on_error = lambda doc, err: failed.append((doc.article, err.stage, str(err)))
    try:
        docs = list(pipeline.pipe(articles))
    finally:
        pipeline.on_error = saved
    return Coded(docs, failed)


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


def write_coded(store: Any, plan: Plan, coded: Coded, cvid: str, run_id: int | None) -> Counts:
    """Write a coded batch in one transaction (article by article if the database refuses a row).

    Articles stored by then under the same id are replaced (their old rows removed); read errors,
    stage failures and refused rows go to ``failures``. Returns the batch's counts.
    """
    stored = stored_hashes(store, [d.article.id for d in coded.docs])  # now, not when planned
    batch = _build_batch(coded.docs, plan.hashes, set(stored), cvid, run_id)
    batch.failures = [read_failure(x.item, x.reason, run_id) for x in plan.errors]
    batch.failures += [article_failure(a.id, plan.hashes[a.id], stage, reason, a.origin, run_id)
                       for a, stage, reason in coded.failed]
    bad = _write(store, batch, run_id)
    bad_ids = {b["article_id"] for b in bad}
    return Counts(articles=len(coded.docs) - len(bad), skipped=plan.skipped,
                  events=sum(len(d.event_mentions) for d in batch.docs if d.article["id"] not in bad_ids),
                  failures=len(batch.failures) + len(bad))


def ingest_batch(store: Any, items: list[Article | ReadError], pipeline: Any, cvid: str,
                 run_id: int | None, force: bool = False) -> Counts:
    """Plan, code and write one batch of reader items; ``force`` re-codes stored articles too."""
    plan = plan_batch(store, items, force)
    return write_coded(store, plan, code_batch(pipeline, plan.todo), cvid, run_id)


def ingest_articles(store: Any, articles: Iterable[Article | ReadError], pipeline: Any, *,
                    batch_size: int = 64, run_id: int | None = None,
                    on_batch: Callable[[Counts], None] | None = None, force: bool = False) -> Counts:
    """Code ``articles`` with ``pipeline`` and store them; returns the counts of this call.

    Reusable as the body of one partition in a distributed run: it needs only the store,
    an iterable of reader items and a pipeline.
    """
    cvid = version_id(coder_version(pipeline))
    total = Counts()
    for chunk in _chunks(articles, batch_size):
        c = ingest_batch(store, chunk, pipeline, cvid, run_id, force)
        total.add(c)
        if on_batch is not None:
            on_batch(c)
    return total


def ingest(store: Store, items: Iterable[Article | ReadError], pipeline: Pipeline | None = None, *,
           batch_size: int = 64, dedup: bool = True, **kw: Any) -> Counts:
    """Code and store ``items`` (articles or reader errors) as one logged run; see
    :func:`ingest_articles`. Without a pipeline, the default one (:mod:`marsad.coding`)."""
    if pipeline is None:
        from marsad.coding import build_pipeline

        pipeline = build_pipeline()
    run_id = store.start_run("ingest", {"batch_size": batch_size}, pipeline)
    with store.finishing_run(run_id, Counts()):
        counts = ingest_articles(store, items, pipeline, batch_size=batch_size, run_id=run_id, **kw)
        if dedup:
            store.cluster_duplicates()
    store.update_run(run_id, counts, "done")
    return counts
