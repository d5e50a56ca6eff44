"""WARC (and ARC) web archives: each HTML response record is read as an article page.

Records are streamed with warcio; non-HTML responses (images, scripts, robots.txt), redirects and
errors are skipped, request and metadata records ignored. A record over the size limit or whose
page yields no text is a ReadError naming the record's URL; a corrupt archive is a ReadError
after the records before the damage. The crawl date (``WARC-Date``) is kept in
``Article.meta["crawled"]``; it is not the publication date. Needs the ``ingest`` extra.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any, BinaryIO

from marsad.core.errors import require
from marsad.core.types import Article, ReadError
from marsad.readers.base import READ_ERRORS, Result, content_id, describe, read_limited
from marsad.readers.html import parse_html

_HTML_TYPES = ("text/html", "application/xhtml")


def _html_response(record: Any) -> bool:
    if record.rec_type not in ("response", "resource"):
        return False
    headers = record.http_headers
    if headers is not None:
        status = headers.get_statuscode() or ""
        if record.rec_type == "response" and not status.startswith("2"):
            return False
        ctype = headers.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    return ctype.lower().startswith(_HTML_TYPES)


class _Watched:
    """Remembers a read error, which warcio may otherwise take for the end of the archive."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self.error: BaseException | None = None

    def read(self, size: int = -1) -> bytes:
        try:
            return self._raw.read(size)
        except READ_ERRORS as exc:
            self.error = exc
            raise

    def readline(self, size: int = -1) -> bytes:
        try:
            return self._raw.readline(size)
        except READ_ERRORS as exc:
            self.error = exc
            raise


def read_warc(stream: BinaryIO, item: str) -> Iterator[Result]:
    """Yield one Article (or ReadError) per HTML response record of a WARC stream."""
    archive = require("warcio.archiveiterator", "ingest")
    count, watched = 0, _Watched(stream)
    try:
        for record in archive.ArchiveIterator(watched, arc2warc=True):
            count += 1
            if not _html_response(record):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"record {count}"
            where = f"{item}:{uri}"
            body = read_limited(record.content_stream(), where)
            if isinstance(body, ReadError):
                yield body
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than the record declares
                yield ReadError(where, "truncated WARC record: fewer bytes than its Content-Length")
                continue
            article = parse_html(body, where, url=uri if "://" in uri else None, origin=where)
            if isinstance(article, Article):
                crawled = record.rec_headers.get_header("WARC-Date")
                extra = {"crawled": crawled} if crawled else {}
                article = replace(article, id=content_id(item, article.text, salt=uri), meta=article.meta | extra)
            yield article
    except Exception as exc:  # warcio fails in many ways on damaged archives (ArchiveLoadFailed, ...)
        watched.error = watched.error or exc
    if watched.error is not None:
        yield ReadError(item, f"corrupt or truncated WARC after {count} records: {describe(watched.error)}")
    elif count == 0:
        yield ReadError(item, "no WARC records found")
