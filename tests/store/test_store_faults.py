"""Faults during an ingest: a full disk or a database that goes away is one line and a failed run
(not a traceback, not one false failure per article); an article over its time budget is one
recorded failure and the run goes on."""

from __future__ import annotations

import io
import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import store_toy
from sqlalchemy import event
from sqlalchemy.engine import Engine

from marsad.cli.main import main
from marsad.core.errors import StoreUnavailable
from marsad.core.pipeline import Pipeline
from marsad.core.types import Document
from marsad.jobs.ingest import ingest_articles
from marsad.readers import read
from marsad.store import open_store


def _runs(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT command, status FROM runs ORDER BY id").fetchall()


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture()
def small_disk() -> Iterator[list[int]]:
    """Every SQLite connection opened meanwhile may grow its file to limit[0] pages, as on a
    full disk (SQLite answers SQLITE_FULL, "database or disk is full", as it does there)."""
    limit = [0]

    def cap(dbapi_conn: Any, _record: Any) -> None:
        if limit[0] and isinstance(dbapi_conn, sqlite3.Connection):
            dbapi_conn.execute(f"PRAGMA max_page_count = {limit[0]}")

    event.listen(Engine, "connect", cap)
    try:
        yield limit
    finally:
        event.remove(Engine, "connect", cap)


def test_a_full_disk_is_one_line_and_a_failed_run(ant_dir: Path, tmp_path: Path, small_disk: list[int]) -> None:
    db = tmp_path / "full.db"
    open_store(str(db)).close()
    with sqlite3.connect(db) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    small_disk[0] = pages + 60  # room for a batch or two of the 160 articles
    out, err = io.StringIO(), io.StringIO()
    rc = main(["ingest", str(ant_dir), "--db", str(db), "--pipeline", "store_toy:load", "--batch-size", "16",
               "--no-dedup"], stdout=out, stderr=err)
    small_disk[0] = 0
    lines = err.getvalue().strip().splitlines()
    assert rc == 1, err.getvalue()
    assert len(lines) == 1 and "database or disk is full" in lines[0] and "Traceback" not in err.getvalue()
    assert lines[0].startswith("marsad ingest: error: the event store stopped working")
    assert _runs(db) == [("ingest", "failed")]
    stored = _count(db, "articles")
    assert 0 < stored < 160  # what was stored before is kept
    with sqlite3.connect(db) as conn:  # no false "store" failure for each article it could not write
        assert conn.execute("SELECT count(*) FROM failures WHERE stage = 'store'").fetchone()[0] == 0
    # with room again, the same command resumes and finishes
    rc = main(["ingest", str(ant_dir), "--db", str(db), "--pipeline", "store_toy:load", "--no-dedup"],
              stdout=io.StringIO(), stderr=io.StringIO())
    assert rc == 0 and _runs(db)[-1] == ("ingest", "done") and _count(db, "articles") > stored


class Remover:
    """A stage that removes the database file while the second batch is being coded."""

    name = "remover"
    requires: frozenset[str] = frozenset()
    produces: frozenset[str] = frozenset()

    def __init__(self, path: Path) -> None:
        self.path, self.batches = path, 0

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        self.batches += 1
        if self.batches == 2:
            os.remove(self.path)
        return list(docs)


def test_a_database_removed_during_the_run_stops_it(ant_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "gone.db"
    store = open_store(str(db))
    pipeline = Pipeline([*store_toy.load().stages, Remover(db)])
    run_id = store.start_run("ingest", {}, pipeline)
    with pytest.raises(StoreUnavailable, match="removed or moved"):
        ingest_articles(store, read([ant_dir]), pipeline, batch_size=16, run_id=run_id)
    store.close()
    assert not db.exists()


class Stuck:
    """A stage that never finishes on an article holding the word STUCK (as a quadratic scan of a
    huge article would), and is instant on the others."""

    name = "stuck"
    requires: frozenset[str] = frozenset()
    produces: frozenset[str] = frozenset()

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        for d in docs:
            while "STUCK" in d.article.text:
                pass
        return list(docs)


def test_an_article_over_its_time_budget_is_one_failure_and_the_run_goes_on(ant_dir: Path, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    files = sorted(p for p in ant_dir.rglob("*") if p.is_file())[:6]
    for i, f in enumerate(files):
        text = f.read_bytes()
        (src / f"{i}.sgml").write_bytes(text.replace(b"</TEXT>", b" STUCK</TEXT>", 1) if i == 2 else text)
    db = tmp_path / "t.db"
    with open_store(str(db)) as store:
        pipeline = Pipeline([Stuck(), *store_toy.load().stages])
        run_id = store.start_run("ingest", {}, pipeline)
        counts = ingest_articles(store, read([src]), pipeline, run_id=run_id, item_timeout=1.0)
        failures = store.failures()
    stuck = [f for f in failures if f["stage"] == "time"]
    assert len(stuck) == 1 and "time budget of 1 s" in stuck[0]["reason"]
    assert counts.failures == 1 and counts.articles == _count(db, "articles") >= 5


def test_a_tiny_budget_fails_every_article_and_the_command_goes_on(ant_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "tiny.db"
    err = io.StringIO()
    rc = main(["ingest", str(ant_dir), "--db", str(db), "--pipeline", "store_toy:load", "--item-timeout",
               "0.000001", "--no-dedup"], stdout=io.StringIO(), stderr=err)
    assert rc == 1 and "160 failures" in err.getvalue() and "[time]" in err.getvalue()
    assert _count(db, "articles") == 0 and _runs(db) == [("ingest", "done")]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM failures WHERE stage = 'time'").fetchone()[0] == 160
