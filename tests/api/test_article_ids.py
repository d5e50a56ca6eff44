"""Articles whose ids hold '/' (a feed item without a guid is named by its link) can be fetched."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from handcoded import HandCoded, make_client

from marsad.core.pipeline import Pipeline
from marsad.core.types import Article
from marsad.jobs.ingest import ingest
from marsad.readers import read
from marsad.store import open_store

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>أخبار</title><link>https://example.org/</link>
<item><title>اجتماع في إسطنبول</title><link>https://example.org/news/2014/05/22/un-oic?ref=rss&amp;p=1</link>
<description>اجتمع الأمين العام للأمم المتحدة مع الأمين العام لمنظمة التعاون الإسلامي في إسطنبول.</description>
<pubDate>Thu, 22 May 2014 19:14:00 +0300</pubDate></item>
<item><title>بلا رابط</title><guid isPermaLink="false">plain-id-7</guid>
<description>خبر آخر قصير عن اجتماع الوزراء.</description></item>
</channel></rss>
"""


def _client(tmp_path: Path) -> tuple[Any, list[Article]]:
    (tmp_path / "feed.xml").write_text(FEED, "utf-8")
    arts = [r for r in read(tmp_path / "feed.xml") if isinstance(r, Article)]
    store = open_store(str(tmp_path / "feed.db"))
    ingest(store, arts, pipeline=Pipeline([HandCoded()]))
    store.close()
    return make_client(tmp_path / "feed.db", cache_size=0), arts


def test_url_ids_are_retrievable_encoded_or_not(tmp_path: Path) -> None:
    client, arts = _client(tmp_path)
    url = "https://example.org/news/2014/05/22/un-oic?ref=rss&p=1"
    assert [a.id for a in arts] == [url, "plain-id-7"]
    for path in (quote(url, safe=""), quote(url, safe="/:")):
        got = client.get(f"/api/articles/{path}")
        assert got.status_code == 200, (path, got.text)
        assert got.json()["id"] == url and "إسطنبول" in got.json()["text"]
    plain = client.get("/api/articles/plain-id-7")
    assert plain.status_code == 200 and plain.json()["id"] == "plain-id-7"


def test_missing_ids_with_slashes_are_404_in_the_error_shape(tmp_path: Path) -> None:
    client, _ = _client(tmp_path)
    for path in (quote("https://example.org/nothing", safe=""), "a/b/c"):
        got = client.get(f"/api/articles/{path}")
        assert got.status_code == 404 and got.json()["error"]["code"] == "not_found", got.text
