"""Exports: JSON Lines reproduce the coder's dicts; CSV, PLOVER and Parquet hold each event once."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from marsad.cli.main import main
from marsad.store import open_store
from marsad.store.rows import event_dict


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, ant_dir: Path) -> str:
    path = str(tmp_path_factory.mktemp("exp") / "m.db")
    rc = main(["ingest", str(ant_dir), "--db", path, "--pipeline", "store_toy:load"],
              stdout=io.StringIO(), stderr=io.StringIO())
    assert rc == 0
    return path


def export(db: str, *argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert main(["export", "--db", db, *argv], stdout=out, stderr=err) == 0, err.getvalue()
    return out.getvalue()


def test_jsonl_is_the_coders_json_plus_article_ids(db: str, ant_dir: Path) -> None:
    import store_toy

    from marsad.readers import read

    lines = [json.loads(x) for x in export(db, "--format", "jsonl", "--include", "all").splitlines()]
    with open_store(db) as store:
        assert len(lines) == store.counts()["events"]
    coded = {}
    for doc in store_toy.load().pipe(a for a in read([ant_dir]) if not hasattr(a, "reason")):
        for ev in doc.events:
            coded[ev.id] = json.loads(json.dumps(event_dict(ev), ensure_ascii=False))
    extra = {"event_id", "article_ids", "mention_ids", "num_mentions"}
    mention_ids = set()
    for line in lines:
        assert {k: v for k, v in line.items() if k not in extra} == {
            k: v for k, v in coded[line["id"]].items() if k not in extra}
        assert line["article_id"] in line["article_ids"] and line["id"] in line["mention_ids"]
        assert line["num_mentions"] == len(line["mention_ids"])
        mention_ids |= set(line["mention_ids"])
    assert mention_ids == set(coded)  # every coded event is in exactly one exported event
    assert sum(len(x["mention_ids"]) for x in lines) == len(coded)


def test_csv_and_filters(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(export(db, "--format", "csv"))))
    assert rows and {"GlobalEventID", "SQLDATE", "Actor1Code", "EventCode", "QuadClass"} <= set(rows[0])
    assert len({r["GlobalEventID"] for r in rows}) == len(rows)
    assault = list(csv.DictReader(io.StringIO(export(db, "--format", "csv", "--event-type", "ASSAULT"))))
    assert assault and all(r["EventCode"].startswith("19") for r in assault)
    syr = list(csv.DictReader(io.StringIO(export(db, "--format", "csv", "--actor", "SYR"))))
    assert syr and all("SYR" in (r["Actor1Code"], r["Actor2Code"]) for r in syr)
    late = list(csv.DictReader(io.StringIO(export(db, "--format", "csv", "--since", "2018-09-01"))))
    assert all(r["SQLDATE"] >= "20180901" for r in late) and len(late) < len(rows)


def test_defaults_count_complete_asserted_events_and_include_brings_the_rest(db: str) -> None:
    every = list(csv.DictReader(io.StringIO(export(db, "--format", "csv", "--include", "all"))))
    default = list(csv.DictReader(io.StringIO(export(db, "--format", "csv"))))
    assert all(r["Complete"] == r["Asserted"] == "True" for r in default)
    assert {r["GlobalEventID"] for r in default} == {
        r["GlobalEventID"] for r in every if r["Complete"] == "True" and r["Asserted"] == "True"}
    incomplete = list(csv.DictReader(io.StringIO(export(db, "--format", "csv", "--include", "incomplete"))))
    assert len(default) < len(incomplete) == len(every)  # the toy coder never flags modality
    saudi = list(csv.DictReader(io.StringIO(export(db, "--format", "csv", "--source", "sau", "--include", "all"))))
    assert saudi and all(r["Actor1Code"].startswith("SAU") for r in saudi)
    assert len(saudi) == sum(1 for r in every if r["Actor1Code"].startswith("SAU"))


def test_mentions_export_lists_every_mention_of_the_selected_events(db: str) -> None:
    events = [json.loads(x) for x in export(db, "--format", "jsonl", "--actor", "irn").splitlines()]
    mentions = [json.loads(x) for x in export(db, "--format", "jsonl", "--actor", "irn", "--mentions").splitlines()]
    assert events and sorted(m["id"] for m in mentions) == sorted(i for e in events for i in e["mention_ids"])
    owner = {i: e["event_id"] for e in events for i in e["mention_ids"]}
    assert all(m["event_id"] == owner[m["id"]] and m["outlet"] for m in mentions)
    rows = list(csv.DictReader(io.StringIO(export(db, "--format", "csv", "--actor", "irn", "--mentions"))))
    assert [r["MentionID"] for r in rows] == sorted(owner)
    assert {"MentionID", "GlobalEventID", "ArticleID", "Outlet", "Published", "Complete"} <= set(rows[0])
    err = io.StringIO()
    assert main(["export", "--db", db, "--format", "plover", "--mentions"], stdout=io.StringIO(), stderr=err) == 2
    assert "PLOVER" in err.getvalue()


def test_plover_skips_untyped_cameo_01_02(db: str) -> None:
    recs = json.loads(export(db, "--format", "plover"))
    jsonl = [json.loads(x) for x in export(db, "--format", "jsonl").splitlines()]
    assert len(recs) == sum(1 for x in jsonl if x["event_type"])
    assert all(r["event"] and r["storyIds"] and r["language"] == "ar" for r in recs)


def test_parquet_reads_back_in_pandas(db: str, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "e.parquet"
    assert main(["export", "--db", db, "--format", "parquet", "-o", str(out), "--include", "all"],
                stdout=io.StringIO(), stderr=io.StringIO()) == 0
    df = pd.read_parquet(out)
    with open_store(db) as store:
        assert len(df) == store.counts()["events"] == len(store.events_df(include="all"))
    assert df["GoldsteinScale"].dtype.kind == "f" and df["NumMentions"].min() >= 1


def test_parquet_needs_an_output_file(db: str) -> None:
    err = io.StringIO()
    assert main(["export", "--db", db, "--format", "parquet"], stdout=io.StringIO(), stderr=err) == 2
    assert "-o" in err.getvalue()


def test_export_of_a_missing_database_is_a_usage_error(tmp_path: Path) -> None:
    err = io.StringIO()
    assert main(["export", "--db", str(tmp_path / "none.db")], stdout=io.StringIO(), stderr=err) == 2
    assert "marsad ingest" in err.getvalue() and not (tmp_path / "none.db").exists()
