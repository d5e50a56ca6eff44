"""The one job runner of ``marsad ingest`` and ``marsad recode``.

A job logs a run in the store, draws the progress line while its work runs, marks the run
``done`` (or ``failed`` / ``interrupted`` when the work raises), prints the summary and the first
failures, and closes the store in every case.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TextIO

from marsad.cli._progress import Progress, RunTracker
from marsad.cli.status import ExitStatus

#: The work of a job: called with the run's id and its tracker (the ``on_batch`` callback); returns
#: the run's final counts, or None when the tracker's running total is the final count.
Work = Callable[[int, RunTracker], Any]


def run_job(store: Any, command: str, args: dict[str, Any], pipeline: Any, stderr: TextIO,
            work: Work, *, db: Any, clock: Callable[[], float] = time.monotonic,
            skipped_as: str = "already stored", draw_last: bool = True, total: int | None = None) -> ExitStatus:
    """Run ``work`` as the store's run ``command`` (with ``args`` logged) and close ``store``.

    ``db`` names the database in the summary; ``skipped_as`` how skipped articles are described
    there; ``draw_last`` draws the progress line once more when the work ends; ``total`` is the
    number of articles the work will handle, when known (the work may set it later through
    ``tracker.progress.set_total``). An exception from
    the work marks the run ``failed`` (``interrupted`` for Ctrl-C) and is re-raised; the store is
    closed whatever happens. Returns OK, or PARTIAL when some articles failed.
    """
    try:
        run_id = store.start_run(command, args, pipeline)
        progress = Progress(stderr, clock, total=total, skipped_as=skipped_as)
        tracker = RunTracker(store, run_id, progress)
        try:
            with tracker.finishing():
                try:
                    result = work(run_id, tracker)
                except Exception as exc:
                    _raise_if_unavailable(exc)  # disk full, database gone: one line, the run failed
                    raise
        finally:
            if draw_last:
                progress.update({}, force=True)
            progress.close()
        final = tracker.total if result is None else result
        progress.totals["skipped"] = final.skipped
        try:
            store.update_run(run_id, final, "done")
        except Exception as exc:
            _raise_if_unavailable(exc)
            raise
        print(progress.summary(db), file=stderr)
        if final.failures:
            print_failures(store, run_id, stderr)
        return ExitStatus.of(final.failures)
    finally:
        store.close()



def print_failures(store: Any, run_id: int, stderr: TextIO, limit: int = 10) -> None:
    """The first ``limit`` failures of run ``run_id`` (the rest are in the table ``failures``)."""
    bad = [f for f in store.failures() if f["run_id"] == run_id]
    for f in bad[:limit]:
        print(f"  failed: {f['item']} [{f['stage']}]: {f['reason'][:200]}", file=stderr)
    if len(bad) > limit:
        print(f"  ... and {len(bad) - limit} more (table 'failures')", file=stderr)


def _raise_if_unavailable(exc: BaseException) -> None:
    """The store job's check, imported when a job runs: building the command line needs no store extra."""
    from marsad.jobs.ingest import raise_if_unavailable

    raise_if_unavailable(exc)
