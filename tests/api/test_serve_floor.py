"""``marsad serve --min-confidence X``: the views' default confidence floor, which a request's own
``min_confidence`` still overrides."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest
from handcoded import EVENTS, counted, selected

from marsad.cli.main import main


def _app(db: Path, **extra: Any) -> Any:
    from fastapi.testclient import TestClient

    from marsad.cli.serve import make_app

    args = argparse.Namespace(db=str(db), create=False, token=None, max_body=1024, rate=0.0, **extra)
    return TestClient(make_app(args))


def _ids(client: Any, **params: Any) -> set[str]:
    page = client.get("/api/events", params={"limit": 500, **params}).json()
    return {e["event_id"] for e in page["items"]}


def test_serve_min_confidence_sets_the_default_floor(store_path: Path) -> None:
    default = _app(store_path)
    strict = _app(store_path, min_confidence=0.8)
    loose = _app(store_path, min_confidence=0.0)
    n_default = default.get("/api/meta").json()["events"]
    assert n_default == len(counted())
    high = [a for a in counted() if a["confidence"] >= 0.8]
    low = [a for a in counted() if a["confidence"] < 0.8]
    assert high and low  # the floor separates the hand-coded events
    assert strict.get("/api/meta").json()["events"] == len(high)
    assert len(_ids(strict)) == len(high)
    # every view takes it: the timeline and the places count the same events
    assert sum(i["events"] for i in strict.get("/api/timeline").json()["items"]) == len(high)
    loose_n = sum(1 for a in EVENTS if selected(a, min_confidence=0.0))
    assert loose.get("/api/meta").json()["events"] == loose_n > n_default
    # a request's own min_confidence wins over the server's
    assert _ids(strict, min_confidence=0) == _ids(loose)
    assert strict.get("/api/meta", params={"min_confidence": 0.5}).json()["events"] == \
        sum(1 for a in EVENTS if selected(a, min_confidence=0.5))


@pytest.mark.parametrize("value", ["high", "1.5", "-0.1"])
def test_serve_refuses_a_bad_min_confidence(tmp_path: Path, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "x.db"
    assert main(["serve", "--db", str(db), "--min-confidence", value]) == 2
    err = capsys.readouterr().err
    assert "--min-confidence" in err and value in err
    assert not db.exists()
