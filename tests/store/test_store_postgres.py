"""The same store on PostgreSQL (a real server: MARSAD_TEST_PG_URL, or one the fixture starts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.jobs.ingest import ingest
from marsad.store import open_store

pytestmark = pytest.mark.postgres


def _snapshot(store) -> tuple:  # type: ignore[no-untyped-def]
    events = [(e.id, e.mention_id, e.num_mentions, e.article_ids, e.complete, e.asserted)
              for e in store.events(include="all")]
    return store.counts(), events, store.duplicates()


def test_postgres_equals_sqlite_and_reingest_adds_nothing(pg_url: str, tmp_path: Path, ant_dir: Path,
                                                          toy_pipeline) -> None:  # type: ignore[no-untyped-def]
    from marsad.readers import read

    items = list(read([ant_dir]))
    with open_store(pg_url) as pg, open_store(tmp_path / "m.db") as lite:
        assert pg.dialect == "postgresql"
        ingest(pg, items, toy_pipeline, batch_size=40)
        ingest(lite, items, toy_pipeline, batch_size=40)
        snap = _snapshot(pg)
        assert snap == _snapshot(lite)
        assert snap[0]["articles"] == 160 and snap[0]["events"] > 10
        again = ingest(pg, items[::-1], toy_pipeline, batch_size=9)
        assert again.articles == 0 and again.skipped == 160
        assert _snapshot(pg) == snap


def test_postgres_search_and_failures(pg_url: str, toy_pipeline) -> None:  # type: ignore[no-untyped-def]
    from marsad.core.types import Article, ReadError

    with open_store(pg_url) as store:
        c = ingest(store, [Article(id="a", text="اجتماع الأمم المتحدة فى جنيف"),
                          Article(id="b", text="TOY-FAIL"), ReadError("f.xml", "truncated gzip"),
                          Article(id="nul", text="نص فيه\x00صفر")], toy_pipeline)
        assert c.failures == 2
        hits = [a.id for a, _ in store.search("الامم المتحده في جنيف")]
        assert hits == ["a"]
        stored = {a.id for a in store.articles()}
        assert "a" in stored and "b" not in stored
        reasons = {f["item"]: f["reason"] for f in store.failures()}
        assert reasons["f.xml"] == "truncated gzip"


def test_concurrent_writers_give_the_sequential_result(pg_url: str, tmp_path: Path, ant_dir: Path) -> None:
    """Two processes' worth of writers (threads, own connections) on overlapping input."""
    import threading

    import store_toy

    from marsad.readers import read

    items = list(read([ant_dir]))
    halves = [items[:100], items[60:][::-1]]  # 40 articles in both, in opposite orders
    errors: list[BaseException] = []

    def work(part: list) -> None:  # type: ignore[type-arg]
        try:
            with open_store(pg_url) as store:
                ingest(store, part, store_toy.load(), batch_size=8, dedup=False)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(h,)) for h in halves]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with open_store(pg_url) as pg, open_store(tmp_path / "seq.db") as lite:
        pg.cluster_duplicates()
        ingest(lite, items, store_toy.load(), batch_size=50)
        assert _snapshot(pg) == _snapshot(lite)
        assert pg.counts()["failures"] == 0


def test_runs_of_gone_processes_are_interrupted_other_hosts_left_alone(pg_url: str) -> None:
    """On a server shared by several machines, only this host's runs can be checked."""
    import subprocess
    import sys

    from sqlalchemy import update

    from marsad.store.schema import runs

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    with open_store(pg_url) as store:
        here, elsewhere, legacy = (store.start_run("ingest") for _ in range(3))
        with store.engine.begin() as conn:
            conn.execute(update(runs).where(runs.c.id == here).values(pid=gone.pid))
            conn.execute(update(runs).where(runs.c.id == elsewhere).values(pid=gone.pid, host="other-machine"))
            conn.execute(update(runs).where(runs.c.id == legacy).values(pid=None, host=None))
        assert store.mark_interrupted() == [here]
        assert [r["status"] for r in store.runs()] == ["interrupted", "running", "running"]


def test_postgres_version_3_store_is_migrated_with_its_flags(pg_url: str, ant_dir: Path,
                                                             toy_pipeline) -> None:  # type: ignore[no-untyped-def]
    """Schema 4 on PostgreSQL: the columns are added, filled from the stored JSON, the indexes rebuilt."""
    import json

    from sqlalchemy import text

    from marsad.readers import read
    from marsad.store import schema

    with open_store(pg_url) as store:
        ingest(store, list(read([ant_dir]))[:60], toy_pipeline)
        want = store.events_df(include="all")[["id", "complete", "asserted"]].values.tolist()
        with store.engine.begin() as conn:  # what marsad left behind at schema version 3
            for name in (*schema.AGGREGATE_INDEXES, *schema.MENTION_INDEXES, *schema.ARTICLE_EVENT_INDEXES):
                conn.execute(text(f"DROP INDEX {name}"))
            conn.execute(text("ALTER TABLE event_mentions DROP COLUMN article_event_id"))
            for table in ("events", "event_mentions"):
                conn.execute(text(f"ALTER TABLE {table} DROP COLUMN complete, DROP COLUMN asserted"))
            conn.execute(text("ALTER TABLE runs DROP COLUMN min_confidence"))
            conn.execute(text("DELETE FROM schema_version WHERE version > 3"))
            for mid, data in conn.execute(text("SELECT id, data FROM event_mentions")).all():
                d = {k: v for k, v in json.loads(data).items() if k not in ("complete", "asserted")}
                conn.execute(text("UPDATE event_mentions SET data = :d WHERE id = :i"),
                             {"d": json.dumps(d, ensure_ascii=False), "i": mid})
    assert {c for _, c, _ in want} == {True, False}
    with open_store(pg_url) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        assert store.events_df(include="all")[["id", "complete", "asserted"]].values.tolist() == want
        with store.engine.connect() as conn:
            names = set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename LIKE 'event%'")).scalars())
    assert set(schema.AGGREGATE_INDEXES) | set(schema.MENTION_INDEXES) | set(schema.ARTICLE_EVENT_INDEXES) <= names
