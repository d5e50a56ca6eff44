"""HTML article pages: the main text (trafilatura) and metadata (title, date, url, outlet, language).

Boilerplate (menus, footers, comments) and scripts, styles and templates never become text.
The publication date is read from the page's metadata (``article:published_time``,
``datePublished``, ``<time datetime>``...) keeping the time and zone when given; trafilatura's
date (a day) is the fallback. Needs the ``ingest`` extra.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any, BinaryIO

from marsad.core.errors import require
from marsad.core.types import Article, ReadError
from marsad.readers._dates import parse_published
from marsad.readers.base import Result, clean, content_id, read_limited, refuse

_META_DATE = re.compile(
    r"""<meta\s[^>]*?(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|"""
    r"""datePublished|pubdate|publishdate|date|dc\.date|dcterms\.created|sailthru\.date)["'][^>]*>""",
    re.I,
)
_CONTENT = re.compile(r"""content\s*=\s*["']([^"']+)["']""", re.I)
_JSONLD_DATE = re.compile(r""""datePublished"\s*:\s*"([^"]+)\"""")
_TIME_TAG = re.compile(r"""<time\s[^>]*datetime\s*=\s*["']([^"']+)["']""", re.I)
_LANG = re.compile(r"""<html\s[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})""", re.I)
MIN_WORDS = 5  # fewer words than this is a page without an article (menus, error pages)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object"})
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section",
                         "blockquote"})


def _without_code(trafilatura: Any, data: bytes) -> Any:
    """The page as an lxml tree with scripts, styles, noscript and templates removed.

    trafilatura's fallback extractors can otherwise return the content of <noscript>.
    JSON-LD blocks stay: they hold metadata, not code.
    """
    tree = trafilatura.utils.load_html(data)
    if tree is None:
        raise ValueError("not parseable as HTML")
    for el in list(tree.iter("script", "style", "noscript", "template")):
        if el.tag == "script" and (el.get("type") or "").lower() == "application/ld+json":
            continue
        el.drop_tree()
    return tree


def read_html(stream: BinaryIO, item: str) -> Iterator[Result]:
    """Yield the article of one HTML page (or a ReadError)."""
    data = read_limited(stream, item)
    if isinstance(data, ReadError):
        yield data
        return
    yield parse_html(data, item)


def _page_date(markup: str) -> tuple[Any, str | None]:
    candidates = []
    for tag in _META_DATE.finditer(markup):
        found = _CONTENT.search(tag.group(0))
        if found:
            candidates.append(found.group(1))
    candidates += _JSONLD_DATE.findall(markup) + _TIME_TAG.findall(markup)
    for value in candidates:
        dt, precision = parse_published(value)
        if dt is not None:
            return dt, precision
    return None, None


def parse_html(data: bytes, item: str, url: str | None = None, origin: str | None = None) -> Result:
    """The article of an HTML page as bytes (``url`` from a crawl record, when known)."""
    refused = refuse(data, item, empty="empty: no HTML")
    if refused:
        return refused
    trafilatura = require("trafilatura", "ingest")
    try:
        tree = _without_code(trafilatura, data)
        doc = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_images=False, as_dict=False
        )
    except Exception as exc:  # trafilatura/lxml can fail on odd markup; that is one bad item
        return ReadError(item, f"cannot parse HTML: {type(exc).__name__}: {exc}")
    meta = doc.as_dict() if doc is not None else {}
    text = clean(meta.get("text") or "").strip()
    title = (meta.get("title") or "").strip() or None
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :].lstrip()
    if len(text.split()) < MIN_WORDS:
        return ReadError(item, f"no article text found in the HTML page ({len(text.split())} words)")
    markup = data[:500_000].decode("utf-8", "replace")
    published, precision = _page_date(markup)
    if published is None and meta.get("date"):
        published, precision = parse_published(str(meta["date"]))
        precision = "day" if published is not None else None
    lang = _LANG.search(markup)
    page_url = meta.get("url") or url
    return Article(
        id=content_id(item, text, salt=page_url or ""),
        text=text,
        title=title,
        published=published,
        published_precision=precision,
        source=meta.get("sitename") or meta.get("hostname"),
        url=page_url,
        language=lang.group(1).lower() if lang else "ar",
        origin=origin or item,
        meta={k: meta[k] for k in ("author", "description", "categories", "tags") if meta.get(k)},
    )


class _TextOnly(HTMLParser):
    """Collects the visible text of an HTML fragment, skipping scripts, styles and the head."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment (feed summaries, pages trafilatura finds nothing in)."""
    parser = _TextOnly()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # HTMLParser is lenient; keep what was collected before any failure
        pass
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in clean("".join(parser.parts)).split("\n"))
    return "\n".join(line for line in lines if line)
