"""Ingest on a Dask LocalCluster of 2 worker processes gives what single-process ingest gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

pytest.importorskip("distributed")

from marsad.jobs.distributed import ingest_distributed  # noqa: E402
from marsad.jobs.ingest import ingest_articles  # noqa: E402
from marsad.readers import read  # noqa: E402
from marsad.store import open_store  # noqa: E402

pytestmark = [pytest.mark.slow]


def _snapshot(store: Any) -> dict[str, Any]:
    from marsad.store import schema

    with store.engine.connect() as conn:
        events = sorted(conn.execute(select(schema.events.c.id)).scalars().all())
        articles = sorted(conn.execute(select(schema.articles.c.id)).scalars().all())
    counts = store.counts()
    return {"events": events, "articles": articles, "counts": counts}


def _single(url: str, paths: list[str]) -> dict[str, Any]:
    import store_toy

    store = open_store(url)
    ingest_articles(store, read(paths), store_toy.load(), batch_size=16)
    store.cluster_duplicates()
    snap = _snapshot(store)
    store.close()
    return snap


def _dask(url: str, paths: list[str]) -> tuple[dict[str, Any], dict[str, int]]:
    store = open_store(url)
    counts = ingest_distributed(store, url, read(paths), workers=2, pipeline_spec="store_toy:load",
                                batch_size=16, partition_size=20)
    store.cluster_duplicates()
    snap = _snapshot(store)
    store.close()
    return snap, counts


@pytest.mark.postgres
def test_dask_on_postgres_equals_single_process(ant_dir: Path, pg_url: str, tmp_path: Path) -> None:
    paths = [str(ant_dir)]
    single = _single(str(tmp_path / "single.db"), paths)
    distributed, counts = _dask(pg_url, paths)
    assert counts["articles"] == len(single["articles"]) > 100
    assert distributed == single
    again = ingest_distributed(open_store(pg_url), pg_url, read(paths), workers=2,
                               pipeline_spec="store_toy:load", partition_size=20)
    assert again["articles"] == 0 and again["skipped"] == counts["articles"]


def test_dask_on_sqlite_single_writer_equals_single_process(ant_dir: Path, tmp_path: Path) -> None:
    paths = [str(ant_dir)]
    single = _single(str(tmp_path / "single.db"), paths)
    distributed, counts = _dask(str(tmp_path / "dask.db"), paths)
    assert counts["articles"] == len(single["articles"])
    assert distributed == single


def test_cli_ingest_with_workers(ant_dir: Path, tmp_path: Path) -> None:
    import io

    from marsad.cli.main import main

    single = _single(str(tmp_path / "single.db"), [str(ant_dir)])
    db = str(tmp_path / "cli.db")
    err = io.StringIO()
    rc = main(["ingest", str(ant_dir), "--db", db, "--workers", "2", "--pipeline", "store_toy:load",
               "--partition-size", "40"], stdout=io.StringIO(), stderr=err)
    assert rc == 0, err.getvalue()
    store = open_store(db)
    assert _snapshot(store) == single
    store.close()


def test_workers_code_with_the_given_dictionary(tmp_path: Path, seed_dir: Path) -> None:
    """``--dictionary`` reaches the workers: a rule removed from the file fires nowhere, and the
    store equals single-process ingest with the same file (events, rules, coder version)."""
    import io
    import shutil
    from importlib import resources

    from marsad.cli.main import main

    def ingest(db: Path, *extra: str) -> None:
        err = io.StringIO()
        rc = main(["ingest", str(src), "--db", str(db), "--dictionary", str(dic), *extra],
                  stdout=io.StringIO(), stderr=err)
        assert rc == 0, err.getvalue()

    def coded(db: Path) -> tuple[list[tuple[str, str]], dict[str, int]]:
        with open_store(db) as store:
            return sorted((e.id, e.data["coder"]["rule"]) for e in store.events()), store.coder_versions()

    shipped = resources.files("marsad.resources").joinpath("triggers", "triggers.tsv").read_text("utf-8")
    src, dic = tmp_path / "in", tmp_path / "elsewhere" / "triggers.tsv"
    src.mkdir()
    dic.parent.mkdir()
    shutil.copy(seed_dir / "000_cf51298b20422178.txt", src)
    dic.write_text(shipped, "utf-8")
    ingest(tmp_path / "shipped.db")
    rules = [rule for _, rule in coded(tmp_path / "shipped.db")[0]]
    assert rules
    where, what = rules[0].split(" ", 1)  # "triggers.tsv:73 050 دعم|ساند": drop that line
    lines = shipped.splitlines(keepends=True)
    del lines[int(where.split(":")[1]) - 1]
    dic.write_text("".join(lines), "utf-8")
    ingest(tmp_path / "single.db")
    ingest(tmp_path / "dask.db", "--workers", "1")
    single, dask = coded(tmp_path / "single.db"), coded(tmp_path / "dask.db")
    assert dask == single
    assert all(rule.split(" ", 1)[1] != what for _, rule in dask[0])
    assert dask[1].keys() != coded(tmp_path / "shipped.db")[1].keys()  # the edit is in the version
