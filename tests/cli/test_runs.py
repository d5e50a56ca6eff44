"""``marsad runs``: the runs log as a table, with killed runs shown as interrupted."""

from __future__ import annotations

import io
from pathlib import Path

from marsad.cli.main import main
from marsad.jobs.ingest import Counts
from marsad.store import open_store


def _runs(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    rc = main(["runs", *argv], stdout=out, stderr=err)
    return rc, out.getvalue(), err.getvalue()


def test_runs_table_shows_status_and_counts(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with open_store(db) as store:
        done = store.start_run("ingest")
        store.update_run(done, Counts(articles=1200, skipped=3, events=45, failures=1), "done")
        store.start_run("recode")  # this process is alive: still running
    rc, out, _ = _runs("--db", str(db))
    assert rc == 0
    header, first, second = out.splitlines()
    assert header.split()[:9] == ["id", "command", "status", "started_at", "finished_at", "articles",
                                  "skipped", "events", "failures"]
    assert first.split()[:3] == ["1", "ingest", "done"] and "1,200" in first.split()
    assert second.split()[:3] == ["2", "recode", "running"]
    assert _runs("--db", str(db), "--limit", "1")[1].count("\n") == 2  # header and the last run


def test_runs_on_a_missing_database_is_a_usage_error(tmp_path: Path) -> None:
    rc, _, err = _runs("--db", str(tmp_path / "none.db"))
    assert rc == 2 and "no database" in err
    assert not (tmp_path / "none.db").exists()
