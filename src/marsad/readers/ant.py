"""TREC-style ``<DOC>`` files as in the ANT corpus, read tolerantly.

Real files are not always well-formed XML (a bare ``&`` as in S&P, ``<<``, control characters),
so fields are found by their tags, not by an XML parser; entities are then unescaped where
they are entities and left alone where they are not. Fields: ``<DOCNO>`` id, ``<URL>``,
``<SRC>`` source, ``<CAT>`` category, ``<TITLE>`` (or ``<HEADLINE>``), ``<TIME>`` (or
``<DATE>``; RFC 2822) publication date, ``<AUTHOR>`` the dateline (city and outlet), and
``<TEXT>`` the body. ``<ABSTRACT>`` repeats the start of ``<TEXT>`` and is not read.
A file may hold several ``<DOC>`` elements.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import BinaryIO

from marsad.core.types import Article, ReadError
from marsad.readers._dates import parse_published
from marsad.readers.base import CONTROL_CHARS, Result, clean, content_id, read_text

_DOC = re.compile(r"<DOC>", re.I)
_OPENER = re.compile(r"<([A-Z_]+)>", re.I)  # <TAG>: matched alone, so never scans past its own >
_CLOSER = re.compile(r"</([A-Z_]+)>", re.I)
_OPEN = re.compile(r"<(TEXT|BODY)>", re.I)
_PARA = re.compile(r"</?P\b[^<>]*>", re.I)  # <P> paragraph tags inside TREC text
_BARE_AMP = re.compile(r"&(?!#?\w+;)")  # & that starts no entity (S&P)
_BARE_LT = re.compile(r"<[^A-Za-z/!?]")  # < that starts no tag (<<, < 5)

_FAST_TAGS = ("DOCNO", "URL", "SRC", "CAT", "TITLE", "TIME", "AUTHOR", "TEXT")
_ALIASES = {
    "HEADLINE": "TITLE", "HL": "TITLE", "HEAD": "TITLE",
    "DATE": "TIME", "DATE_TIME": "TIME", "DATETIME": "TIME",
    "BODY": "TEXT", "SOURCE": "SRC", "CATEGORY": "CAT", "DATELINE": "AUTHOR",
}


def read_ant(stream: BinaryIO, item: str) -> Iterator[Result]:
    """Yield each ``<DOC>`` of a TREC/ANT file as an Article (or a ReadError)."""
    text = read_text(stream, item)
    if isinstance(text, ReadError):
        yield text
        return
    yield from parse_trec(text, item)


def _malformed(block: str) -> bool:
    """Whether the block is not well-formed XML: a bare & or <, or a control character."""
    return bool(("&" in block and _BARE_AMP.search(block)) or ("<" in block and _BARE_LT.search(block)))


def parse_trec(text: str, item: str) -> Iterator[Result]:
    dirty = CONTROL_CHARS.search(text) is not None
    text = clean(text)  # control characters removed once for the whole file
    starts = [m.end() for m in _DOC.finditer(text)]
    if not starts:
        yield ReadError(item, "no <DOC> element: not a TREC/ANT file")
        return
    ends = [s - 5 for s in starts[1:]] + [len(text)]
    for n, (start, end) in enumerate(zip(starts, ends, strict=True), 1):
        where = item if len(starts) == 1 else f"{item} doc {n}"
        block = text[start:end].rstrip()
        closed = block[-6:].upper() == "</DOC>"
        yield parse_doc(block[:-6] if closed else block, where, item, closed, dirty)


def _fields(block: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for tag in _FAST_TAGS:  # fast path: ANT's upper-case tags, found with str.find
        start = block.find(f"<{tag}>")
        if start >= 0:
            end = block.find(f"</{tag}>", start)
            if end >= 0:
                out[tag] = block[start + len(tag) + 2 : end]
    if "TEXT" in out:
        return out
    for tag, body in _tagged(block):  # any case, aliases (HEADLINE, DATE, BODY ...)
        out.setdefault(_ALIASES.get(tag, tag), body)
    return out


def _tagged(block: str) -> Iterator[tuple[str, str]]:
    """Each ``<TAG>body</TAG>`` of the block, left to right, without overlaps (any case; a tag
    that is never closed is passed over), in linear time: the closing tags are listed once and
    each opening tag looks up its first closing tag after it (a regex with a lazy body would scan
    to the end of the block for every unclosed tag: quadratic in an unclosed ``<TEXT>``)."""
    closers: dict[str, list[int]] = {}
    for m in _CLOSER.finditer(block):
        closers.setdefault(m[1].upper(), []).append(m.start())
    pos = 0
    for m in _OPENER.finditer(block):
        if m.start() < pos:
            continue  # inside the body of the last field
        tag = m[1].upper()
        ends = closers.get(tag)
        if not ends:
            continue
        k = bisect_left(ends, m.end())
        if k < len(ends):
            yield tag, block[m.end(): ends[k]]
            pos = block.index(">", ends[k]) + 1


def _value(raw: str) -> str:
    if "<![CDATA[" in raw:
        raw = _uncdata(raw)
    if "&" in raw:
        raw = html.unescape(raw)
    return raw.replace("\r", "\n") if "\r" in raw else raw


def _uncdata(raw: str) -> str:
    """``<![CDATA[x]]>`` -> ``x``, found with str.find (an unclosed one is left as it is)."""
    parts, pos = [], 0
    while (start := raw.find("<![CDATA[", pos)) >= 0 and (end := raw.find("]]>", start + 9)) >= 0:
        parts += [raw[pos:start], raw[start + 9: end]]
        pos = end + 3
    return "".join(parts) + raw[pos:]


def _body(raw: str) -> str:
    text = _value(_PARA.sub("\n", raw) if "<" in raw else raw)
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def parse_doc(block: str, where: str, origin: str, closed: bool = True, dirty: bool = False) -> Result:
    """One ``<DOC>`` body as an Article, or a ReadError saying what is wrong with it."""
    fields = _fields(block)
    if "TEXT" not in fields and _OPEN.search(block):
        return ReadError(where, "truncated XML: <TEXT> is never closed")
    if not closed:
        return ReadError(where, "truncated XML: <DOC> is never closed")
    if "TEXT" not in fields:
        return ReadError(where, "no <TEXT> element")
    text = _body(fields["TEXT"])
    docno = _value(fields.get("DOCNO", "")).strip()
    if not text:
        return ReadError(f"{where} ({docno})" if docno else where, "empty <TEXT>: no article text")
    published, precision = parse_published(_value(fields.get("TIME", "")).strip() or None)

    def opt(tag: str) -> str | None:
        return (_value(fields.get(tag, "")).strip() or None) if tag in fields else None

    return Article(
        id=docno or content_id(origin, text),
        text=text,
        title=opt("TITLE"),
        published=published,
        published_precision=precision,
        source=opt("SRC"),
        url=opt("URL"),
        dateline=opt("AUTHOR"),
        category=opt("CAT"),
        origin=origin,
        meta={"xml_repaired": True} if dirty or _malformed(block) else {},
    )
