"""``marsad recode``: only articles coded by another version change; a second recode does nothing."""

from __future__ import annotations

import io
from pathlib import Path

from marsad.cli.main import main
from marsad.store import open_store


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    rc = main(list(argv), stdout=out, stderr=err)
    return rc, out.getvalue(), err.getvalue()


def _triggers(db: Path) -> dict[str, int]:
    with open_store(db) as store:
        df = store.event_mentions_df()
    return df["trigger_text"].value_counts().to_dict()


def test_recode_replaces_other_versions_only(tmp_path: Path, ant_dir: Path) -> None:
    db = str(tmp_path / "m.db")
    assert cli("ingest", str(ant_dir), "--db", db, "--pipeline", "store_toy:load")[0] == 0
    v1 = _triggers(Path(db))
    assert v1.get("دعا", 0) > 0 and "زيارة" not in v1
    rc, out, _ = cli("recode", "--db", db, "--pipeline", "store_toy:load", "--dry-run")
    assert rc == 0 and out.startswith("0 articles")
    # only one outlet's articles by date first: the rest keep version 1
    rc, _, err = cli("recode", "--db", db, "--pipeline", "store_toy:load_v2", "--until", "2018-02-20")
    assert rc == 0, err
    with open_store(db) as store:
        versions = store.coder_versions()
    assert len(versions) == 2
    rc, _, err = cli("recode", "--db", db, "--pipeline", "store_toy:load_v2")
    assert rc == 0, err
    v2 = _triggers(Path(db))
    assert "دعا" not in v2 and v2.get("زيارة", 0) > 0
    assert v2["اجتماع"] == v1["اجتماع"]
    with open_store(db) as store:
        before = store.counts()
        assert len(store.coder_versions()) == 1
        evs = store.events()
        assert all(e.data["trigger"]["text"] != "دعا" for e in evs)
    rc, _, err = cli("recode", "--db", db, "--pipeline", "store_toy:load_v2")
    assert rc == 0 and "0 articles coded" in err
    rc, _, err = cli("ingest", str(ant_dir), "--db", db, "--pipeline", "store_toy:load_v2")
    assert rc == 0 and "0 articles coded" in err
    with open_store(db) as store:
        assert store.counts() == before
