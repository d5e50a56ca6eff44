"""POST /api/code with the real pipeline (``marsad.load()``): the seed article's meeting, nothing stored."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.slow


def test_code_the_seed_without_storing(client: Any, seed_text: str) -> None:
    before = client.get("/api/meta").json()
    resp = client.post("/api/code", json={"text": seed_text[:6000], "published": "2014-05-22T19:14:00"})
    assert resp.status_code == 200, resp.text
    events = resp.json()["events"]
    pairs = {((e["source"] or {}).get("code"), (e["target"] or {}).get("code")) for e in events}
    assert ("IGOUNO", "IGOOIC") in pairs or ("IGOOIC", "IGOUNO") in pairs
    for e in events:
        assert seed_text[e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]
    assert client.get("/api/meta").json() == before
