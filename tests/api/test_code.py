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


def test_coding_never_starves_reading(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """While the pipeline is busy, at most QUEUE coding requests wait; the rest get 503 at once in
    the one error shape, and reading requests are answered meanwhile."""
    from concurrent.futures import ThreadPoolExecutor, wait

    import marsad.api.coding as coding

    monkeypatch.setattr(coding, "WAIT_S", 3.0)
    text = "التقى وزير الخارجية المصري نظيره الأردني في عمان أمس."
    coding._LOCK.acquire()  # the pipeline is busy with someone else's long text
    try:
        with ThreadPoolExecutor(max_workers=16) as pool:
            posts = [pool.submit(client.post, "/api/code", json={"text": text}) for _ in range(16)]
            # the requests beyond the queue are refused at once, without waiting for the pipeline
            done: set[Any] = set()
            for _ in range(5):  # (an unbounded queue would leave them all waiting)
                done = wait(posts, timeout=1.0)[0]
                if len(done) >= 16 - coding.QUEUE - 1:
                    break
            assert len(done) >= 16 - coding.QUEUE - 1, "coding requests beyond the queue were not refused"
            early = [f.result().status_code for f in done]
            assert client.get("/api/meta").status_code == 200  # reads go on meanwhile
            coding._LOCK.release()
            codes = [f.result().status_code for f in posts]
    finally:
        if coding._LOCK.locked():
            coding._LOCK.release()
    assert early.count(503) >= 16 - coding.QUEUE - 1
    assert codes.count(200) >= 1 and codes.count(503) >= 16 - coding.QUEUE - 1, codes
    busy = next(f.result() for f in posts if f.result().status_code == 503)
    assert "busy" in busy.text
