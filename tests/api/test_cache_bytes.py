"""The answer cache is capped by the memory its answers take, not only by their number."""

from __future__ import annotations

from pathlib import Path

from handcoded import make_client

from marsad.api.cache import DEFAULT_MAX_BYTES, AnswerCache, answer_bytes
from marsad.store import open_store


def _answer(n: int, tag: str) -> list[dict[str, object]]:
    return [{"id": f"{tag}-{i}", "text": f"{tag}-{i} " + "نص الخبر " * 20, "n": i} for i in range(n)]


def test_answer_bytes_grows_with_the_answer() -> None:
    small, big = answer_bytes(_answer(10, "a")), answer_bytes(_answer(1000, "a"))
    assert 5_000 < small < big and 90 * small < big < 110 * small
    shared = "نص " * 1000
    assert answer_bytes([shared, shared]) < answer_bytes([shared, "x" + shared])  # counted once


def test_evicts_least_recently_used_by_size(store_path: Path) -> None:
    store = open_store(str(store_path))
    one = answer_bytes(_answer(100, "k0"))
    cache = AnswerCache(size=1000, max_bytes=int(one * 4.5))
    computed: list[str] = []

    def get(key: str) -> object:
        return cache.get(conn, key, lambda: computed.append(key) or _answer(100, key))

    with store.engine.connect() as conn:
        for key in ("k0", "k1", "k2", "k3"):
            get(key)
        get("k0")  # a hit: k0 is now the most recently used
        assert computed == ["k0", "k1", "k2", "k3"]
        get("k4")  # five answers do not fit in four and a half: the least recently used (k1) goes
        assert list(cache.answers) == ["k2", "k3", "k0", "k4"]
        assert cache.bytes == sum(w for _, w in cache.answers.values()) <= cache.max_bytes
        get("k1")
        assert computed[-1] == "k1" and "k2" not in cache.answers
        huge = cache.get(conn, "huge", lambda: _answer(200, "huge"))  # over a quarter of the cap: not kept
        assert len(huge) == 200 and "huge" not in cache.answers
        cache.clear()
        assert cache.bytes == 0 and not cache.answers
    store.close()


def test_the_server_caps_its_cache_in_bytes(store_path: Path) -> None:
    assert DEFAULT_MAX_BYTES == 64 * 1024 * 1024
    client = make_client(store_path, cache_bytes=300_000)
    cache = client.app.state.cache
    assert cache.max_bytes == 300_000
    sizes = []
    for offset in range(0, 40):
        got = client.get(f"/api/events?limit=20&offset={offset}")
        assert got.status_code == 200, got.text
        sizes.append(cache.bytes)
        assert cache.bytes <= 300_000
    pages = [k for k in cache.answers if k[0] == "events"]
    assert 0 < len(pages) < 40  # event pages pushed the oldest out by their size, well before 256 answers
    assert max(sizes) > 300_000 // 2
