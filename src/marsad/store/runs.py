"""The ``runs`` log: which process runs a run, and runs whose process is gone.

A run killed with ``kill -9`` (or by a power cut) cannot mark itself finished: its row stays
``running``. Each run records its process id and host; when a new run starts, earlier
``running`` runs of this host whose process no longer exists are marked ``interrupted``.
Runs of other hosts (PostgreSQL shared by several machines) cannot be checked from here and
are left alone. On SQLite, rows made before marsad recorded the process (no pid) are marked
``interrupted`` too: such a store was written by one machine, and they predate this version.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import select, update

from marsad.store import schema

R = schema.runs


def this_process() -> dict[str, Any]:
    return {"pid": os.getpid(), "host": socket.gethostname()[:255]}


def detector_threshold(pipeline: Any) -> float | None:
    """The threshold of the event detector a pipeline runs (a stage's ``detector.threshold``), if any."""
    for stage in getattr(pipeline, "stages", None) or []:
        threshold = getattr(getattr(stage, "detector", None), "threshold", None)
        if isinstance(threshold, int | float):
            return float(threshold)
    return None


def recorded_min_confidence(conn: Any) -> float | None:
    """The detector threshold the latest run that recorded one ran with (None: no run did)."""
    return conn.execute(select(R.c.min_confidence).where(R.c.min_confidence.is_not(None))
                        .order_by(R.c.id.desc()).limit(1)).scalar()


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` exists on this machine (a zombie, killed but not reaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def _gone(row: Any, host: str, sqlite: bool) -> bool:
    if row.pid is None:
        return sqlite
    return row.host == host and row.pid != os.getpid() and not process_alive(row.pid)


def mark_interrupted(store: Any) -> list[int]:
    """Mark ``running`` runs whose process is gone as ``interrupted``; returns their ids."""
    host = this_process()["host"]
    with store.engine.begin() as conn:
        rows = conn.execute(select(R.c.id, R.c.pid, R.c.host).where(R.c.status == "running")).all()
        stale = [r.id for r in rows if _gone(r, host, store.dialect == "sqlite")]
        if stale:
            conn.execute(update(R).where(R.c.id.in_(stale), R.c.status == "running")
                         .values(status="interrupted"))
    return stale


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
