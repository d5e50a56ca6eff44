"""The same ingest on a Dask cluster.

The client streams the readers' items (so one ``.tar.gz`` of millions of members is read
once, member by member) and cuts them into partitions of ``partition_size`` items. Each
partition is a Dask task that runs the same pipeline as single-process ingest on a worker:

* with PostgreSQL, the worker writes its partition itself, in batches inside transactions,
  through :func:`marsad.store.ingest.ingest_articles` — exactly the single-process code path;
* with SQLite, which allows one writer, the worker only codes and returns the documents,
  and the client writes them through the same batch writer.

At most ``2 x workers`` partitions are in flight, so memory stays flat however large the
input. Writes are idempotent upserts keyed on content hashes, so the result does not depend
on the order in which partitions finish, and a killed run resumes by running again.
Near-duplicate clustering runs once at the end, on the whole store, as in single-process ingest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from ..errors import ConfigError, require
from ..types import Article, ReadError

_PIPELINES: dict[str, Any] = {}
_STORES: dict[str, Any] = {}


def _pipeline(spec: str | None) -> Any:
    """The worker's pipeline, loaded once per process."""
    key = spec or ""
    if key not in _PIPELINES:
        from ..cli.ingest import load_pipeline

        _PIPELINES[key] = load_pipeline(spec)
    return _PIPELINES[key]


def _store(url: str) -> Any:
    if url not in _STORES:
        from ..store import open_store

        _STORES[url] = open_store(url)
    return _STORES[url]


def code_and_write(url: str, items: list[Article | ReadError], spec: str | None, batch_size: int,
                   run_id: int | None, force: bool) -> dict[str, int]:
    """A partition on a worker that writes to PostgreSQL itself; returns its counts."""
    from ..store.ingest import ingest_articles

    counts = ingest_articles(_store(url), items, _pipeline(spec), batch_size=batch_size,
                             run_id=run_id, force=force)
    return counts.as_dict()


def code_only(items: list[Article], spec: str | None) -> tuple[list[Any], list[tuple[Any, str, str]]]:
    """A partition on a worker that only codes (SQLite): documents, and (doc, stage, reason) failures."""
    from ..store.ingest import _Coder

    coder = _Coder(_pipeline(spec))
    docs = coder.run(items)
    return docs, [(doc, err.stage, str(err)) for doc, err in coder.failed]


def _partitions(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while part := list(islice(it, size)):
        yield part


def _client(workers: int | None, scheduler: str | None) -> Any:
    distributed = require("distributed", "dask")
    if scheduler:
        return distributed.Client(scheduler)
    if not workers or workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {workers}.")
    cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=":0")
    return distributed.Client(cluster)


def _write_locally(store: Any, part: list[Any], docs: list[Any], failed: list[tuple[Any, str, str]],
                   run_id: int | None, force: bool, cvid: str) -> dict[str, int]:
    """Write a coded SQLite partition through the single-process batch writer."""
    from ..store.ingest import Counts, _build_batch, _write, stored_hashes
    from ..store.rows import content_hash
    from ..store.writer import article_failure, read_failure

    arts = {x.id: x for x in part if isinstance(x, Article)}
    hashes = {aid: content_hash(a) for aid, a in arts.items()}
    stored = stored_hashes(store, list(arts))
    batch = _build_batch(docs, hashes, set(stored), cvid, run_id)
    batch.failures = [read_failure(x.item, x.reason, run_id) for x in part if isinstance(x, ReadError)]
    for doc, stage, reason in failed:
        a = doc.article
        batch.failures.append(article_failure(a.id, hashes[a.id], stage, reason, a.origin, run_id))
    bad = _write(store, batch, run_id)
    counts = Counts(articles=len(docs) - len(bad), skipped=len(arts) - len(docs) - len(failed),
                    failures=len(batch.failures) + len(bad))
    bad_ids = {b["article_id"] for b in bad}
    counts.events = sum(len(d.event_mentions) for d in batch.docs if d.article["id"] not in bad_ids)
    return counts.as_dict()


def _todo(store: Any, part: list[Any], force: bool) -> list[Article]:
    """The articles of a partition that are not stored yet with the same content (SQLite path)."""
    from ..store.ingest import stored_hashes
    from ..store.rows import content_hash

    arts = {x.id: x for x in part if isinstance(x, Article)}
    stored = stored_hashes(store, list(arts))
    return [a for aid, a in arts.items() if force or stored.get(aid) != content_hash(a)]


def ingest_distributed(store: Any, url: str, items: Iterable[Article | ReadError], *,
                       workers: int | None = None, scheduler: str | None = None,
                       pipeline_spec: str | None = None, batch_size: int = 64,
                       partition_size: int = 256, run_id: int | None = None, force: bool = False,
                       on_partition: Callable[[dict[str, int]], None] | None = None) -> dict[str, int]:
    """Ingest ``items`` into ``store`` (opened at ``url``) on Dask; returns the total counts."""
    distributed = require("distributed", "dask")
    from ..store.ingest import Counts
    from ..store.version import coder_version, version_id

    is_sqlite = store.engine.dialect.name == "sqlite"
    cvid = version_id(coder_version(_pipeline(pipeline_spec))) if is_sqlite else ""
    total = Counts()
    with _client(workers, scheduler) as client:
        limit = 2 * max(len(client.scheduler_info().get("workers", {})), 1)
        pending = distributed.as_completed()
        parts = _partitions(items, partition_size)
        by_future: dict[Any, list[Any]] = {}

        def submit(part: list[Any]) -> None:
            if is_sqlite:
                fut = client.submit(code_only, _todo(store, part, force), pipeline_spec, pure=False)
            else:
                fut = client.submit(code_and_write, url, part, pipeline_spec, batch_size, run_id, force,
                                    pure=False)
            by_future[fut] = part
            pending.add(fut)

        for part in islice(parts, limit):
            submit(part)
        for fut in pending:
            part = by_future.pop(fut)
            result = fut.result()
            counts = (_write_locally(store, part, *result, run_id, force, cvid) if is_sqlite else result)
            total.add(Counts(**counts))
            if on_partition is not None:
                on_partition(counts)
            nxt = next(parts, None)
            if nxt is not None:
                submit(nxt)
    return total.as_dict()
