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

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from marsad.core.errors import StoreUnavailable
from marsad.core.types import Article, Document, ReadError
from marsad.store import duplicates, schema
from marsad.store.clock import now
from marsad.store.health import fatal_reason, vanished
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


class ItemTimeout(BaseException):
    """Raised in the main thread when one article's time budget is spent. A BaseException, so that
    the pipeline's per-stage error handling (``except Exception``) does not retry the article."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`ItemTimeout` in the code inside once ``seconds`` have passed (SIGALRM; the
    main thread of a Unix process only; Python code is interrupted between two bytecodes)."""
    def expired(signum: int, frame: Any) -> None:
        raise ItemTimeout

    previous = signal.signal(signal.SIGALRM, expired)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)


def can_time_out() -> bool:
    """Whether :func:`time_budget` works here (a Unix main thread; not in a Dask worker thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def code_batch(pipeline: Any, articles: list[Article], item_timeout: float | None = None) -> Coded:
    """Run the pipeline over ``articles``; the documents a stage fails on are collected, not raised.

    With ``item_timeout`` (seconds; where :func:`can_time_out`), articles are coded one at a time
    and one that takes longer is stopped and collected as a failure of stage ``time``.
    Needs no store: a Dask worker runs it where only the pipeline is loaded.
    """
    failed: list[tuple[Article, str, str]] = []
    saved = pipeline.on_error
    pipeline.on_error = lambda doc, err: failed.append((doc.article, err.stage, str(err)))
    try:
        if not item_timeout or item_timeout <= 0 or not can_time_out():
            return Coded(list(pipeline.pipe(articles)), failed)
        docs: list[Document] = []
        for art in articles:
            try:
                with time_budget(item_timeout):
                    out = pipeline.run_batch([Document(article=art)])
            except ItemTimeout:  # (also when the alarm came just as the article was done)
                failed.append((art, "time", f"coding took longer than the time budget of {item_timeout:g} s "
                                            "per article (--item-timeout); the article is left out"))
                continue
            docs.extend(out)
        return Coded(docs, failed)
    finally:
        pipeline.on_error = saved


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


def raise_if_unavailable(exc: BaseException) -> None:
    """Raise :class:`StoreUnavailable` (one line) when ``exc`` means the store stopped working."""
    reason = fatal_reason(exc)
    if reason is not None:
        raise StoreUnavailable(f"the event store stopped working: {reason}. The run stopped and is marked "
                               "failed; the articles stored before are kept. Free disk space (or bring the "
                               "database back) and run the same command again: it resumes.") from exc


def _write(store: Any, batch: Batch, run_id: int | None) -> list[dict[str, Any]]:
    """Write a batch; if it fails, write its documents one by one and return those that fail.
    A store that stopped working (disk full, database gone) raises StoreUnavailable at once."""
    try:
        write_batch(store, batch)
        return []
    except Exception as exc:  # noqa: BLE001 - isolate the article the database refuses
        raise_if_unavailable(exc)
    bad = []
    write_batch(store, Batch(failures=batch.failures))
    for d in batch.docs:
        aid = d.article["id"]
        one = Batch(docs=[d], sigs={aid: batch.sigs.get(aid)},
                    replaced=[aid] if aid in batch.replaced else [])
        try:
            write_batch(store, one)
        except Exception as exc:  # noqa: BLE001
            raise_if_unavailable(exc)
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
                 run_id: int | None, force: bool = False, item_timeout: float | None = None) -> Counts:
    """Plan, code and write one batch of reader items; ``force`` re-codes stored articles too."""
    plan = plan_batch(store, items, force)
    return write_coded(store, plan, code_batch(pipeline, plan.todo, item_timeout), cvid, run_id)


def ingest_articles(store: Any, articles: Iterable[Article | ReadError], pipeline: Any, *,
                    batch_size: int = 64, run_id: int | None = None,
                    on_batch: Callable[[Counts], None] | None = None, force: bool = False,
                    item_timeout: float | None = None) -> Counts:
    """Code ``articles`` with ``pipeline`` and store them; returns the counts of this call.

    ``item_timeout``: seconds one article may take to code; an article over it is recorded as a
    failure and the run goes on (see :func:`code_batch`). A store that stops working (disk full,
    database gone) raises :class:`~marsad.core.errors.StoreUnavailable` at once.

    Reusable as the body of one partition in a distributed run: it needs only the store,
    an iterable of reader items and a pipeline.
    """
    cvid = version_id(coder_version(pipeline))
    total = Counts()
    for chunk in _chunks(articles, batch_size):
        gone = vanished(store)
        if gone:
            raise StoreUnavailable(f"the event store stopped working: {gone}. The run stopped; the articles "
                                   "stored before are in that file, wherever it went.")
        try:
            c = ingest_batch(store, chunk, pipeline, cvid, run_id, force, item_timeout=item_timeout)
            total.add(c)
            if on_batch is not None:
                on_batch(c)  # (the command's callback records the counts in the store)
        except StoreUnavailable:
            raise
        except Exception as exc:
            raise_if_unavailable(exc)  # reading the store fails the same way as writing it
            raise
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
