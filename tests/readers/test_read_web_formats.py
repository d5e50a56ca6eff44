"""HTML pages, RSS/Atom feeds and WARC archives (the ``ingest`` extra)."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from marsad.core.types import Article, ReadError
from marsad.readers import read
from marsad.readers.containers import read_stream

pytest.importorskip("trafilatura")
pytest.importorskip("feedparser")

PARA = "قال وزير الخارجية إن المحادثات مع الوفد الزائر تناولت سبل تعزيز التعاون بين البلدين."
TZ4 = timezone(timedelta(hours=4))
PAGE = f"""<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>لقاء الوزيرين | موقع</title>
<meta property="og:title" content="لقاء الوزيرين"><meta property="og:site_name" content="موقع الأخبار">
<meta property="article:published_time" content="2018-07-15T21:56:56+04:00">
<script>var tracking = "TRACKER";</script></head><body><nav>الرئيسية</nav><article><h1>لقاء الوزيرين</h1>
<p>{PARA}</p><script>document.write("INLINE")</script><p>{PARA} {PARA}</p></article><footer>حقوق النشر</footer></body></html>"""


def test_html_page_text_and_metadata(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, "utf-8")
    [art] = list(read(tmp_path / "page.html"))
    assert isinstance(art, Article)
    assert art.title == "لقاء الوزيرين"
    assert art.published == datetime(2018, 7, 15, 21, 56, 56, tzinfo=TZ4)
    assert art.source == "موقع الأخبار" and art.language == "ar"
    assert PARA in art.text and "TRACKER" not in art.text and "INLINE" not in art.text
    assert "حقوق النشر" not in art.text
    (tmp_path / "page.bin").write_text(PAGE, "utf-8")  # detected by content, not by name
    assert [a.text for a in read(tmp_path / "page.bin")] == [art.text]


FEED = f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>وكالة</title><language>ar</language>
<item><title>خبر أول</title><link>http://example.org/1</link><guid>g1</guid>
<pubDate>Sun, 15 Jul 2018 21:56:56 +0400</pubDate>
<description><![CDATA[<p>{PARA}</p><script>alert("SCRIPT")</script>]]></description></item>
<item><title>بلا نص</title><guid>g2</guid></item></channel></rss>"""
ATOM = f"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>أ</title>
<entry><id>tag:x,2018:1</id><title>t</title><updated>2018-07-15T21:56:56+04:00</updated>
<content type="html">&lt;p&gt;{PARA}&lt;/p&gt;</content></entry></feed>"""


def test_rss_and_atom() -> None:
    rss = list(read_stream("news.xml", io.BytesIO(FEED.encode())))
    assert isinstance(rss[0], Article) and rss[0].id == "g1" and rss[0].text == PARA
    assert rss[0].published == datetime(2018, 7, 15, 21, 56, 56, tzinfo=TZ4)
    assert (rss[0].source, rss[0].url, rss[0].title) == ("وكالة", "http://example.org/1", "خبر أول")
    assert isinstance(rss[1], ReadError) and rss[1].item == "news.xml entry 2"
    [atom] = list(read_stream("x.atom", io.BytesIO(ATOM.encode())))
    assert isinstance(atom, Article) and atom.id == "tag:x,2018:1" and atom.text == PARA
    assert atom.url is None


def test_feed_entities_refused_quickly() -> None:
    small = FEED.replace("<rss", '<!DOCTYPE rss [<!ENTITY a "x">]><rss', 1)
    [err] = list(read_stream("f.rss", io.BytesIO(small.encode())))
    assert isinstance(err, ReadError) and "XML bomb" in err.reason
    wide = small.replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16")
    [err] = list(read_stream("f.rss", io.BytesIO(wide)))
    assert isinstance(err, ReadError) and "XML bomb" in err.reason


def _warc(gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    records = [("http://example.org/a", "text/html; charset=utf-8", PAGE.encode(), "200 OK"),
               ("http://example.org/logo.png", "image/png", b"\x89PNG\r\n", "200 OK"),
               ("http://example.org/old", "text/html", b"<html></html>", "301 Moved")]
    for uri, ctype, body, status in records:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses(gz: bool) -> None:
    pytest.importorskip("warcio")
    data = _warc(gz)
    name = "crawl.warc.gz" if gz else "crawl.warc"
    [art] = list(read_stream(name, io.BytesIO(data)))
    assert isinstance(art, Article)
    assert art.url == "http://example.org/a" and art.origin == f"{name}:http://example.org/a"
    assert art.id.startswith("crawl-") and "crawled" in art.meta
    assert "TRACKER" not in art.text and PARA in art.text
    cut = list(read_stream(name, io.BytesIO(data[: len(data) * 2 // 3])))
    assert isinstance(cut[-1], ReadError) and "truncated" in cut[-1].reason
