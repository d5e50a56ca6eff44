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
    rc, out, err = cli("code", str(src))
    assert rc == 0, err
    coded = {d["id"]: d for d in map(json.loads, out.splitlines())}
    assert len(coded) > 20
    db = str(tmp_path / "m.db")
    rc, _, err = cli("ingest", str(src), "--db", db)
    assert rc == 0, err
    rc, out, _ = cli("export", "--db", db, "--format", "jsonl")
    lines = [json.loads(x) for x in out.splitlines()]
    extra = {"event_id", "article_ids", "mention_ids", "num_mentions"}
    seen: list[str] = []
    for line in lines:
        assert {k: v for k, v in line.items() if k not in extra} == coded[line["id"]]
        assert set(line["article_ids"]) == {coded[m]["article_id"] for m in line["mention_ids"]}
        seen += line["mention_ids"]
    assert sorted(seen) == sorted(coded)  # every coded event once, in exactly one merged event
    with open_store(db) as store:
        assert store.counts()["event_mentions"] == len(coded)
        seed_id = next(d["article_id"] for d in coded.values() if not d["article_id"].startswith("BB-"))
        seed_events = store.events(article_id=seed_id)
        assert seed_events and all(e.data["evidence"] for e in seed_events)
    rc, _, err = cli("ingest", str(src), "--db", db)
    assert rc == 0 and "0 articles coded and stored, 13 already stored" in err
