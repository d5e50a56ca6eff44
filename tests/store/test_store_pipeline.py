"""With the real pipeline: export jsonl is exactly ``marsad code`` output plus article ids."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from marsad.cli.main import main
from marsad.store import open_store

pytestmark = pytest.mark.slow


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    rc = main(list(argv), stdout=out, stderr=err)
    return rc, out.getvalue(), err.getvalue()


def test_export_jsonl_reproduces_marsad_code(tmp_path: Path, ant_dir: Path, seed_dir: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(seed_dir / "000_cf51298b20422178.txt", src)
    for p in sorted((ant_dir / "BBC" / "middleEast").iterdir())[:12]:
        shutil.copy(p, src / p.name)
    # the store keeps every mention with its probability: marsad code --mentions --min-confidence 0
    rc, out, err = cli("code", str(src), "--mentions", "--min-confidence", "0")
    assert rc == 0, err
    coded = {d["id"]: d for d in map(json.loads, out.splitlines())}
    assert len(coded) > 20
    db = str(tmp_path / "m.db")
    rc, _, err = cli("ingest", str(src), "--db", db)
    assert rc == 0, err
    rc, out, _ = cli("export", "--db", db, "--format", "jsonl", "--include", "all", "--min-confidence", "0")
    lines = [json.loads(x) for x in out.splitlines()]
    extra = {"event_id", "article_ids", "mention_ids", "num_mentions"}
    seen: list[str] = []
    for line in lines:
        assert {k: v for k, v in line.items() if k not in extra} == {
            k: v for k, v in coded[line["id"]].items() if k not in extra}
        assert set(line["article_ids"]) == {coded[m]["article_id"] for m in line["mention_ids"]}
        seen += line["mention_ids"]
    assert sorted(seen) == sorted(coded)  # every coded event once, in exactly one merged event
    # by default: the complete, asserted events at or above the threshold the detector ran with
    from marsad.components.events.detector import default_threshold

    rc, out, _ = cli("export", "--db", db, "--format", "jsonl")
    default = sorted(json.loads(x)["event_id"] for x in out.splitlines())
    floor = default_threshold()
    assert default == sorted(x["event_id"] for x in lines
                             if x["complete"] and x["asserted"] and x["confidence"] >= floor)
    assert 0 < len(default) < len(lines)
    with open_store(db) as store:
        assert store.default_min_confidence() == floor  # recorded with the run
        assert sorted(e.id for e in store.events()) == default
        assert store.counts()["event_mentions"] == len(coded)
        seed_id = next(d["article_id"] for d in coded.values() if not d["article_id"].startswith("BB-"))
        seed_events = store.events(article_id=seed_id, include="all")
        assert seed_events and all(e.data["evidence"] for e in seed_events)
    rc, _, err = cli("ingest", str(src), "--db", db)
    assert rc == 0 and "0 articles coded and stored, 13 already stored" in err


def test_edit_dictionary_then_recode(tmp_path: Path, seed_dir: Path) -> None:
    """A user removes a trigger from a copy of the dictionary and re-codes: only that changes."""
    from importlib import resources

    shipped = resources.files("marsad.resources").joinpath("triggers", "triggers.tsv").read_text("utf-8")
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(seed_dir / "000_cf51298b20422178.txt", src)
    db = str(tmp_path / "m.db")
    dict_v1 = tmp_path / "triggers.tsv"
    dict_v1.write_text(shipped, "utf-8")
    assert cli("ingest", str(src), "--db", db, "--dictionary", str(dict_v1))[0] == 0
    with open_store(db) as store:
        before = store.events_df(include="all", min_confidence=0)
        rules = sorted(e.data["coder"]["rule"] for e in store.events(include="all", min_confidence=0))
    assert len(before) > 0
    # drop the dictionary line of one rule that fired ("triggers.tsv:73 050 دعم|ساند")
    where, what = rules[0].split(" ", 1)
    lines = shipped.splitlines(keepends=True)
    del lines[int(where.split(":")[1]) - 1]
    dict_v1.write_text("".join(lines), "utf-8")
    rc, out, _ = cli("recode", "--db", db, "--dictionary", str(dict_v1), "--dry-run")
    assert rc == 0 and out.startswith("1 articles")
    rc, _, err = cli("recode", "--db", db, "--dictionary", str(dict_v1))
    assert rc == 0, err
    with open_store(db) as store:
        after = store.events_df(include="all", min_confidence=0)
        assert len(store.coder_versions()) == 1
        assert all(e.data["coder"]["rule"].split(" ", 1)[1] != what
                   for e in store.events(include="all", min_confidence=0))
    assert set(after["id"]) != set(before["id"])
    assert cli("recode", "--db", db, "--dictionary", str(dict_v1), "--dry-run")[1].startswith("0 articles")
