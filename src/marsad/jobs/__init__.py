"""Run ``marsad ingest`` on Dask: a local cluster of N processes or an existing scheduler.

See :func:`marsad.jobs.distributed.ingest_distributed`.
"""

from __future__ import annotations

__all__ = ["ingest_distributed"]


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    if name == "ingest_distributed":
        from marsad.jobs.distributed import ingest_distributed

        return ingest_distributed
    raise AttributeError(name)
