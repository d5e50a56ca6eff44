"""RSS and Atom feeds, parsed safely: one article per entry.

A feed that declares XML entities is refused before any parser expands them (a "billion
laughs" bomb is one failed item, not a hang or a memory blow-up): the bytes are checked for
``<!ENTITY`` and then parsed by defusedxml, which forbids entity declarations and external
references (when defusedxml is installed). Only then does feedparser read the entries (it copes
with the many dialects of RSS and Atom). Entry HTML is reduced to its visible text. Needs the
``ingest`` extra.
"""

from __future__ import annotations

import importlib
import io
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from marsad.core.errors import require
from marsad.core.types import Article, ReadError
from marsad.readers._dates import parse_published
from marsad.readers.base import Result, content_id, describe, read_bytes
from marsad.readers.html import html_to_text

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)


def _refusal(data: bytes) -> str | None:
    """Why the feed must not be parsed (entity declarations), or None."""
    wide = data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] in (b"<\x00?\x00", b"\x00<\x00?")
    text = data.decode("utf-16", "ignore").encode("utf-8") if wide else data
    if _ENTITY_DECL.search(text):
        return "the feed declares XML entities (<!ENTITY>): refused as a possible XML bomb"
    try:  # a second, stricter check where defusedxml is installed (the ingest extra)
        defused = importlib.import_module("defusedxml.ElementTree")
        common = importlib.import_module("defusedxml.common")
    except ImportError:
        return None
    try:
        defused.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except common.DefusedXmlException as exc:
        return f"unsafe XML refused: {describe(exc)}"
    except Exception:  # not well-formed: feedparser's lenient parser may still read it
        return None
    return None


def read_feed(stream: BinaryIO, item: str) -> Iterator[Result]:
    """Yield one Article (or ReadError) per feed entry."""
    data = read_bytes(stream, item, empty="empty: no feed")
    if isinstance(data, ReadError):
        yield data
        return
    refusal = _refusal(data)
    if refusal:
        yield ReadError(item, refusal)
        return
    feedparser = require("feedparser", "ingest")
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        why = f": {describe(parsed.bozo_exception)}" if parsed.get("bozo") else ""
        yield ReadError(item, f"no feed entries found (not RSS or Atom?){why}")
        return
    feed = parsed.get("feed", {})
    for n, entry in enumerate(parsed.entries, 1):
        yield _entry(entry, feed, f"{item} entry {n}", item)


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or []:
        text = html_to_text(content.get("value") or "")
        if text:
            return text
    return html_to_text(entry.get("summary") or entry.get("description") or "")


def _entry(entry: Any, feed: Any, where: str, origin: str) -> Result:
    text = _entry_text(entry)
    if not text:
        return ReadError(where, "empty: the entry has no text")
    raw_date = entry.get("published") or entry.get("updated") or entry.get("created")
    published, precision = parse_published(raw_date)
    title = html_to_text(entry.get("title") or "") or None
    link = entry.get("link") if str(entry.get("link") or "").startswith(("http://", "https://")) else None
    return Article(
        id=entry.get("id") or link or content_id(origin, text),
        text=text,
        title=title,
        published=published,
        published_precision=precision,
        source=html_to_text(feed.get("title") or "") or None,
        url=link,
        language=(feed.get("language") or "ar").split("-")[0].lower(),
        category=(entry.get("tags") or [{}])[0].get("term"),
        origin=origin,
        meta={"entry": int(where.rsplit(" ", 1)[-1])},
    )
