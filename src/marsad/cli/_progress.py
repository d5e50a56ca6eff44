"""A progress bar on stderr for long runs (ingest, recode, export), and the run tracker."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TextIO


def _duration(seconds: float) -> str:
    """``42s``, ``3m05s``, ``2h07m``."""
    s = int(round(seconds))
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{s % 3600 // 60:02d}m"


def bar(fraction: float, width: int = 20) -> str:
    """A text bar of ``width`` cells, ``fraction`` of them full (``[#####...............]``)."""
    full = max(0, min(width, int(fraction * width)))
    return "[" + "#" * full + "." * (width - full) + "]"


class Progress:
    """A progress bar on one terminal line (``\r``): done of total when the total is known, with
    percentage, rate, ETA and failures so far; the count and rate when it is not. Silent when
    ``stream`` is not a terminal (a log or a pipe gets the summary only)."""

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic,
                 interval: float = 0.5, label: str = "articles", total: int | None = None,
                 skipped_as: str = "already stored", detail: bool = True) -> None:
        self.stream, self.clock, self.label, self.skipped_as = stream, clock, label, skipped_as
        self.detail = detail  # events and failures so far (a run of the coder), or the count only
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.interval = interval
        self.start = self.last = clock()
        self.totals: dict[str, int] = {}
        self.total = total
        self.drawn = False

    def set_total(self, total: int | None) -> None:
        """The number of items the run will handle (skipped ones included), once it is known."""
        self.total = total

    def update(self, counts: dict[str, int], force: bool = False) -> None:
        for k, v in counts.items():
            self.totals[k] = self.totals.get(k, 0) + v
        t = self.clock()
        if force or t - self.last >= self.interval:
            self.last = t
            self._draw(t)

    def done(self) -> int:
        """Items handled so far: stored, skipped and failed."""
        g = self.totals.get
        return g("articles", 0) + g("skipped", 0) + g("failures", 0)

    def rate(self) -> float:
        return self.done() / max(self.clock() - self.start, 1e-9)

    def eta(self) -> float | None:
        """Seconds left at the rate so far; None when the total or the rate is unknown."""
        rate = self.rate()
        if self.total is None or rate <= 0:
            return None
        return max(self.total - self.done(), 0) / rate

    def line(self) -> str:
        g = self.totals.get
        done = self.done()
        tail = f"  events {g('events', 0):,}  failures {g('failures', 0):,}" if self.detail else ""
        if g("skipped", 0):
            tail += f"  ({g('skipped', 0):,} {self.skipped_as})"
        if self.total:
            eta = self.eta()
            return (f"{bar(done / self.total)} {min(done / self.total, 1.0):4.0%}  {done:,}/{self.total:,} "
                    f"{self.label}  {self.rate():,.1f}/s  ETA {_duration(eta) if eta is not None else '?'}{tail}")
        return f"{done:,} {self.label}  {self.rate():,.1f}/s{tail}"

    def _draw(self, _t: float) -> None:
        if not self.tty:
            return
        self.stream.write("\r\x1b[K" + self.line())
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.tty and self.drawn:
            self.stream.write("\n")
            self.stream.flush()

    def elapsed(self) -> float:
        return self.clock() - self.start

    def summary(self, db: Any) -> str:
        g = self.totals.get
        return (f"done: {g('articles', 0):,} {self.label} coded and stored, {g('skipped', 0):,} "
                f"{self.skipped_as}, {g('events', 0):,} event mentions, {g('failures', 0):,} failures in "
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
