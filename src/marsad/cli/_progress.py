"""A one-line progress display on stderr for long runs (ingest, recode)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TextIO


class Progress:
    """Rewrites one line on a terminal (``\\r``); elsewhere prints a line every ``interval`` s."""

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic,
                 interval: float = 0.5, label: str = "articles") -> None:
        self.stream, self.clock, self.label = stream, clock, label
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.interval = interval if self.tty else max(interval, 10.0)
        self.start = self.last = clock()
        self.totals: dict[str, int] = {}

    def update(self, counts: dict[str, int], force: bool = False) -> None:
        for k, v in counts.items():
            self.totals[k] = self.totals.get(k, 0) + v
        t = self.clock()
        if force or t - self.last >= self.interval:
            self.last = t
            self._draw(t)

    def rate(self) -> float:
        done = self.totals.get("articles", 0) + self.totals.get("skipped", 0)
        return done / max(self.clock() - self.start, 1e-9)

    def line(self) -> str:
        g = self.totals.get
        return (f"{g('articles', 0):,} {self.label} ({g('skipped', 0):,} already stored)  "
                f"{self.rate():,.1f}/s  mentions {g('events', 0):,}  failures {g('failures', 0):,}")

    def _draw(self, _t: float) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K" + self.line())
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()

    def elapsed(self) -> float:
        return self.clock() - self.start

    def summary(self, db: Any) -> str:
        g = self.totals.get
        return (f"done: {g('articles', 0):,} {self.label} coded and stored, {g('skipped', 0):,} already "
                f"stored, {g('events', 0):,} event mentions, {g('failures', 0):,} failures in "
                f"{self.elapsed():.1f} s ({self.rate():,.1f} articles/s) -> {db}")


class RunTracker:
    """The ``on_batch`` callback of a run: adds up its counts, records them in the store's
    ``runs`` row and draws the progress line. Shared by ``marsad ingest`` and ``marsad recode``.
    """

    def __init__(self, store: Any, run_id: int, progress: Progress) -> None:
        from marsad.jobs.ingest import Counts

        self.store, self.run_id, self.progress = store, run_id, progress
        self.total = Counts()
        killed = getattr(store, "interrupted", [])  # found by start_run: say so once
        if killed:
            ids = ", ".join(map(str, killed))
            progress.stream.write(f"marsad: run{'s' if len(killed) > 1 else ''} {ids} stopped before "
                                  "finishing (process gone): marked 'interrupted'\n")

    def finishing(self) -> Any:
        """Context: an exception inside marks the run ``failed`` (``interrupted`` for Ctrl-C)."""
        return self.store.finishing_run(self.run_id, self.total)

    def __call__(self, counts: Any) -> None:
        self.total.add(counts)
        self.store.update_run(self.run_id, self.total)
        self.progress.update(counts.as_dict())
