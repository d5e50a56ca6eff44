"""Ingestion into SQLite: idempotent, failures stored, order independent, updates replace."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from marsad.cli.main import main
from marsad.core.types import Article, ReadError
from marsad.jobs.ingest import ingest as run_ingest
from marsad.store import open_store
from marsad.store.schema import DATA_TABLES


def ingest(db: Path | str, *paths: Path | str, extra: tuple[str, ...] = ()) -> tuple[int, str]:
    err = io.StringIO()
    rc = main(["ingest", *map(str, paths), "--db", str(db), "--pipeline", "store_toy:load", *extra],
              stdout=io.StringIO(), stderr=err)
    return rc, err.getvalue()


def data_counts(db: Path | str) -> dict[str, int]:
    with open_store(db) as store:
        return store.counts()


def test_ingest_then_reingest_adds_nothing(tmp_path: Path, ant_dir: Path, seed_dir: Path) -> None:
    db = tmp_path / "m.db"
    rc, err = ingest(db, ant_dir, seed_dir)
    assert rc == 0, err
    first = data_counts(db)
    assert first["articles"] == 161
    assert first["event_mentions"] > 20 and first["events"] <= first["event_mentions"]
    assert first["sentences"] > 0 and first["actor_mentions"] > 100
    assert "161 articles coded and stored" in err
    rc, err = ingest(db, ant_dir, seed_dir)
    assert rc == 0
    assert "0 articles coded and stored, 161 already stored" in err
    assert data_counts(db) == first
    with open_store(db) as store:
        runs = store.runs()
    assert [r["status"] for r in runs] == ["done", "done"]
    # the run tracker records each run's totals, as the summary prints them
    assert [(r["articles"], r["skipped"], r["failures"]) for r in runs] == [(161, 0, 0), (0, 161, 0)]
    assert runs[0]["events"] == first["event_mentions"] and runs[1]["events"] == 0


def test_failures_are_stored_with_reasons_and_exit_1(tmp_path: Path, ant_dir: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for p in sorted((ant_dir / "BBC" / "middleEast").iterdir())[:5]:
        shutil.copy(p, src / p.name)
    (src / "bad.jsonl").write_text('{"id": "ok-1", "text": "الأمم المتحدة تدعو إلى اجتماع"}\n'
                                   '{"id": "fail-1", "text": "TOY-FAIL هنا"}\n{not json\n', "utf-8")
    (src / "binary.bin").write_bytes(bytes(range(256)) * 4)
    db = tmp_path / "m.db"
    rc, err = ingest(db, src)
    assert rc == 1
    with open_store(db) as store:
        fails = store.failures()
        stored = {a.id for a in store.articles()}
    stages = sorted(f["stage"] for f in fails)
    assert "toy" in stages and "read" in stages
    toy_fail = next(f for f in fails if f["stage"] == "toy")
    assert toy_fail["article_id"] == "fail-1" and "refuses" in toy_fail["reason"]
    assert "ok-1" in stored and "fail-1" not in stored and len(stored) == 6
    before = data_counts(db)
    rc2, _ = ingest(db, src)
    assert rc2 == 1 and data_counts(db) == before  # the same failures, no new rows


def _events(db: Path) -> list[tuple[str, str, int, int]]:
    with open_store(db) as store:
        return [(e.id, e.mention_id, e.num_mentions, e.num_articles) for e in store.events()]


def test_same_events_and_clusters_whatever_order_and_batches(tmp_path: Path, ant_dir: Path,
                                                              toy_pipeline) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from marsad.readers import read

    items = list(read([ant_dir]))
    # syndicated copies of 30 articles (same text and time, another id) among them
    items += [dataclasses.replace(x, id=x.id + "-copy") for x in items[::5] if isinstance(x, Article)]
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    with open_store(a) as store:
        run_ingest(store, items, toy_pipeline, batch_size=50)
    with open_store(b) as store:  # reversed, small batches, in two runs
        rev = items[::-1]
        run_ingest(store, rev[:90], toy_pipeline, batch_size=7)
        run_ingest(store, rev[90:], toy_pipeline, batch_size=13)
    assert data_counts(a) == data_counts(b)
    assert _events(a) == _events(b)
    assert any(n > 1 for _, _, _, n in _events(a))  # some events reported by several articles
    with open_store(a) as sa, open_store(b) as sb:
        assert sa.duplicates() == sb.duplicates() and sa.duplicates()


def test_updated_article_replaces_its_rows(tmp_path: Path, toy_pipeline) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "m.db"
    v1 = Article(id="x", text="قصف سوريا العراق. اجتماع مصر السعودية.")
    v2 = Article(id="x", text="اجتماع روسيا تركيا.")
    with open_store(db) as store:
        run_ingest(store, [v1], toy_pipeline)
        assert store.counts()["event_mentions"] == 2
        run_ingest(store, [v2], toy_pipeline)
        c = store.counts()
        assert c["articles"] == 1 and c["event_mentions"] == 1 and c["events"] == 1
        assert c["actor_mentions"] == 2
        assert [e.cameo for e in store.events()] == ["040"]
        assert store.search("سوريا") == [] and len(store.search("روسيا")) == 1


def test_search_folds_arabic_spelling(tmp_path: Path, seed_dir: Path, toy_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (seed_dir / "000_cf51298b20422178.txt").read_text("utf-8")
    with open_store(tmp_path / "m.db") as store:
        run_ingest(store, [Article(id="seed", text=text), Article(id="other", text="مباراة كرة القدم")],
                     toy_pipeline)
        for q in ("الأمم المتحدة", "الامم المتحده", "الأُمَم المُتَّحِدَة", "بان كى مون"):
            assert [a.id for a, _ in store.search(q)] == ["seed"], q
        assert store.search("كرة")[0][0].id == "other"
        assert store.search("لاشيء_هنا") == []


def test_read_errors_only(tmp_path: Path, toy_pipeline) -> None:  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "m.db") as store:
        c = run_ingest(store, [ReadError("a.xml", "not XML")], toy_pipeline)
        assert (c.articles, c.failures) == (0, 1)
        run_ingest(store, [ReadError("a.xml", "not XML")], toy_pipeline)
        assert store.counts()["failures"] == 1


def test_bad_db_url_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("نص خبر قصير.\n", "utf-8")  # something to read: the URL is the error
    rc, err = ingest("mysql://x/y", tmp_path)
    assert rc == 2 and "postgresql://" in err


@pytest.mark.parametrize("table", DATA_TABLES)
def test_schema_has_every_data_table(tmp_path: Path, table: str) -> None:
    with open_store(tmp_path / "m.db") as store:
        assert table in store.counts()


def test_row_the_database_refuses_is_a_store_failure(tmp_path: Path, toy_pipeline) -> None:  # type: ignore[no-untyped-def]
    arts = [Article(id="ok", text="اجتماع مصر وتركيا"), Article(id="bad", text="اجتماع \ud800 مصر")]
    with open_store(tmp_path / "m.db") as store:
        c = run_ingest(store, arts, toy_pipeline)
        assert (c.articles, c.failures) == (1, 1)
        fail = store.failures()[0]
        assert fail["article_id"] == "bad" and fail["stage"] == "store" and "Encode" in fail["reason"]
        assert [a.id for a in store.articles()] == ["ok"]
