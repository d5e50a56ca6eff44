"""The job runner of ``marsad ingest`` and ``marsad recode``: the run's status, and the store closed
whatever the work does."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

import marsad.cli._db as cli_db
import marsad.cli.ingest as cli_ingest
import marsad.jobs.ingest as jobs_ingest
import marsad.jobs.recode as jobs_recode
from marsad.cli._jobs import run_job
from marsad.cli.main import main
from marsad.cli.status import ExitStatus
from marsad.core.pipeline import Pipeline
from marsad.store import open_store
from marsad.store.runs import Counts


class FakeStore:
    """Records what the runner does with a store."""

    def __init__(self, fail_start: bool = False) -> None:
        self.fail_start = fail_start
        self.statuses: list[str] = []
        self.closed = 0
        self.interrupted: list[int] = []

    def start_run(self, command: str, args: Any, pipeline: Any) -> int:
        if self.fail_start:
            raise RuntimeError("database gone")
        return 7

    def update_run(self, run_id: int, counts: Counts, status: str | None = None) -> None:
        if status:
            self.statuses.append(status)

    def finishing_run(self, run_id: int, counts: Counts) -> Any:
        from contextlib import contextmanager

        @contextmanager
        def ctx() -> Any:
            try:
                yield
            except BaseException as exc:
                self.update_run(run_id, counts, "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed")
                raise

        return ctx()

    def failures(self) -> list[dict[str, Any]]:
        return [{"run_id": 7, "item": "a.txt", "stage": "events", "reason": "bad"}]

    def close(self) -> None:
        self.closed += 1


def _run(store: FakeStore, work: Any, **kw: Any) -> tuple[ExitStatus, str]:
    err = io.StringIO()
    rc = run_job(store, "ingest", {}, None, err, work, db="x.db", **kw)
    return rc, err.getvalue()


def test_done_and_closed() -> None:
    store = FakeStore()
    rc, err = _run(store, lambda run_id, tracker: tracker(Counts(articles=3, events=5)))
    assert rc == ExitStatus.OK and store.statuses == ["done"] and store.closed == 1
    assert "done: 3 articles coded and stored, 0 already stored, 5 event mentions" in err


def test_failures_are_partial_and_listed() -> None:
    store = FakeStore()
    rc, err = _run(store, lambda run_id, tracker: Counts(articles=2, skipped=4, failures=1),
                   skipped_as="already up to date")
    assert rc == ExitStatus.PARTIAL and store.statuses == ["done"] and store.closed == 1
    assert "4 already up to date" in err and "failed: a.txt [events]: bad" in err


@pytest.mark.parametrize(("exc", "status"), [(RuntimeError, "failed"), (KeyboardInterrupt, "interrupted")])
def test_work_raising_marks_the_run_and_closes_the_store(exc: type[BaseException], status: str) -> None:
    store = FakeStore()

    def work(run_id: int, tracker: Any) -> None:
        tracker(Counts(articles=1))
        raise exc("boom")

    with pytest.raises(exc):
        _run(store, work)
    assert store.statuses == [status] and store.closed == 1


def test_start_run_raising_closes_the_store() -> None:
    store = FakeStore(fail_start=True)
    with pytest.raises(RuntimeError):
        _run(store, lambda run_id, tracker: None)
    assert store.closed == 1


# -- through the commands, with a real SQLite store -------------------------------------------------

@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The stores the commands open, each with a ``closed`` count; an empty pipeline."""
    stores: list[Any] = []
    real = cli_db.open_db

    def open_db(db: str, **kw: Any) -> Any:
        store = real(db, **kw)
        store.closed = 0
        close = store.close

        def counted() -> None:
            store.closed += 1
            close()

        store.close = counted
        stores.append(store)
        return store

    monkeypatch.setattr(cli_db, "open_db", open_db)
    monkeypatch.setattr(cli_ingest, "load_pipeline", lambda spec, dictionary, stderr: Pipeline([]))
    return stores


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a1", "text": "قال الرئيس إن الاجتماع عقد في القاهرة."}) + "\n",
                    encoding="utf-8")
    return path


def _statuses(db: Path) -> list[str]:
    with open_store(db) as store:
        return [r["status"] for r in store.runs()]


def cli(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    return main(list(argv), stdout=io.StringIO(), stderr=err), err.getvalue()


def test_ingest_and_recode_close_the_store(tmp_path: Path, opened: list[Any]) -> None:
    db = tmp_path / "m.db"
    rc, err = cli("ingest", str(_article(tmp_path)), "--db", str(db))
    assert rc == ExitStatus.OK, err
    assert "done: 1 articles coded and stored" in err
    rc, err = cli("recode", "--db", str(db), "--all")
    assert rc == ExitStatus.OK, err
    assert "done: 1 articles coded and stored, 0 already up to date" in err
    rc, _ = cli("recode", "--db", str(db), "--dry-run")
    assert rc == ExitStatus.OK
    assert [s.closed for s in opened] == [1, 1, 1]
    assert _statuses(db) == ["done", "done"]


def test_failing_ingest_and_recode_close_the_store(tmp_path: Path, opened: list[Any],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "m.db"
    article = _article(tmp_path)
    assert cli("ingest", str(article), "--db", str(db))[0] == ExitStatus.OK

    def boom(*args: Any, **kw: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(jobs_ingest, "ingest_articles", boom)
    monkeypatch.setattr(jobs_recode, "recode", boom)
    rc, err = cli("ingest", str(article), "--db", str(db), "--force")
    assert rc == ExitStatus.INTERNAL and "boom" in err
    rc, err = cli("recode", "--db", str(db), "--all")
    assert rc == ExitStatus.INTERNAL and "boom" in err
    assert [s.closed for s in opened] == [1, 1, 1]
    assert sorted(_statuses(db)) == ["done", "failed", "failed"]
