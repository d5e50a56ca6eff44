"""The same ingest on a Dask cluster.

The client streams the readers' items (so one ``.tar.gz`` of millions of members is read
once, member by member) and cuts them into partitions of ``partition_size`` items. Each
partition is a Dask task that runs the same pipeline as single-process ingest on a worker:

* with PostgreSQL, the worker writes its partition itself, in batches inside transactions,
  through :func:`marsad.jobs.ingest.ingest_articles` — exactly the single-process code path;
* with SQLite, which allows one writer, the worker only codes and returns the documents,
  and the client writes them through the same batch writer.

At most ``2 x workers`` partitions are in flight, so memory stays flat however large the
input. Writes are idempotent upserts keyed on content hashes, so the result does not depend
on the order in which partitions finish, and a killed run resumes by running again.
Near-duplicate clustering runs once at the end, on the whole store, as in single-process ingest.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from marsad.core.errors import ConfigError, require
from marsad.core.types import Article, ReadError

_PIPELINES: dict[tuple[str, str], Any] = {}
_STORES: dict[str, Any] = {}


@dataclass(frozen=True)
class Dictionary:
    """A trigger dictionary shipped to the workers by value: they may not see the client's files.

    The file name is kept (rules are named ``triggers.tsv:73 ...``) and so are the bytes (the
    coder version hashes them), so workers code exactly as single-process ingest does.
    """

    name: str
    data: bytes

    @classmethod
    def read(cls, path: str | None) -> Dictionary | None:
        return cls(Path(path).name, Path(path).read_bytes()) if path else None

    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def materialise(self) -> str:
        """A local copy of the file (written once per worker machine); returns its path."""
        path = Path(tempfile.gettempdir()) / f"marsad-dictionary-{self.digest()[:16]}" / self.name
        if not path.exists() or path.read_bytes() != self.data:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}")
            tmp.write_bytes(self.data)
            tmp.replace(path)
        return str(path)


def _pipeline(spec: str | None, dictionary: Dictionary | None = None) -> Any:
    """The worker's pipeline (with the client's dictionary), loaded once per process."""
    key = (spec or "", dictionary.digest() if dictionary else "")
    if key not in _PIPELINES:
        from marsad.coding import pipeline_from_spec

        _PIPELINES[key] = pipeline_from_spec(spec, dictionary.materialise() if dictionary else None)
    return _PIPELINES[key]


def _store(url: str) -> Any:
    if url not in _STORES:
        from marsad.store import open_store

        _STORES[url] = open_store(url)
    return _STORES[url]


def code_and_write(url: str, items: list[Article | ReadError], spec: str | None, batch_size: int,
                   run_id: int | None, force: bool, dictionary: Dictionary | None = None) -> dict[str, int]:
    """A partition on a worker that writes to PostgreSQL itself; returns its counts."""
    from marsad.jobs.ingest import ingest_articles

    counts = ingest_articles(_store(url), items, _pipeline(spec, dictionary), batch_size=batch_size,
                             run_id=run_id, force=force)
    return counts.as_dict()


def code_only(articles: list[Article], spec: str | None, dictionary: Dictionary | None = None) -> Any:
    """A partition on a worker that only codes (SQLite): a :class:`~marsad.jobs.ingest.Coded`."""
    from marsad.jobs.ingest import code_batch

    return code_batch(_pipeline(spec, dictionary), articles)


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


def ingest_distributed(store: Any, url: str, items: Iterable[Article | ReadError], *,
                       workers: int | None = None, scheduler: str | None = None,
                       pipeline_spec: str | None = None, batch_size: int = 64,
                       partition_size: int = 256, run_id: int | None = None, force: bool = False,
                       dictionary: str | None = None, pipeline: Any = None,
                       on_partition: Callable[[dict[str, int]], None] | None = None) -> dict[str, int]:
    """Ingest ``items`` into ``store`` (opened at ``url``) on Dask; returns the total counts.

    ``dictionary``: a trigger dictionary file (``--dictionary``), read here and sent to the workers.
    ``pipeline``: the same pipeline, already loaded here (else it is loaded for the coder version).
    """
    distributed = require("distributed", "dask")
    from marsad.jobs.ingest import Counts, plan_batch, write_coded
    from marsad.store.version import coder_version, version_id

    is_sqlite = store.engine.dialect.name == "sqlite"
    dic, cvid = Dictionary.read(dictionary), ""
    if is_sqlite:  # the client writes: it needs the coder version the workers code with
        cvid = version_id(coder_version(pipeline or _pipeline(pipeline_spec, dic)))
    total = Counts()
    with _client(workers, scheduler) as client:
        limit = 2 * max(len(client.scheduler_info().get("workers", {})), 1)
        pending = distributed.as_completed()
        parts = _partitions(items, partition_size)
        plans: dict[Any, Any] = {}

        def submit(part: list[Any]) -> None:
            if is_sqlite:  # the client plans and writes; the worker codes
                plan = plan_batch(store, part, force)
                fut = client.submit(code_only, plan.todo, pipeline_spec, dic, pure=False)
                plans[fut] = plan
            else:
                fut = client.submit(code_and_write, url, part, pipeline_spec, batch_size, run_id, force,
                                    dic, pure=False)
            pending.add(fut)

        for part in islice(parts, limit):
            submit(part)
        for fut in pending:
            result = fut.result()
            counts = (write_coded(store, plans.pop(fut), result, cvid, run_id).as_dict() if is_sqlite
                      else result)
            total.add(Counts(**counts))
            if on_partition is not None:
                on_partition(counts)
            nxt = next(parts, None)
            if nxt is not None:
                submit(nxt)
    return total.as_dict()
