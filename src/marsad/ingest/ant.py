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
from collections.abc import Iterator
from typing import BinaryIO

from ..types import Article, ReadError
from ._dates import parse_published
from .base import Result, clean, content_id, decode, read_limited

_DOC = re.compile(r"<DOC>", re.I)
_END = re.compile(r"</DOC>\s*$", re.I)
_FIELD = re.compile(r"<(?P<tag>[A-Z_]+)>(?P<body>.*?)</(?P=tag)>", re.S | re.I)
_OPEN = re.compile(r"<(TEXT|BODY)>", re.I)
_PARA = re.compile(r"</?P\b[^<>]*>", re.I)  # <P> paragraph tags inside TREC text
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
_BARE = re.compile(r"&(?!#?\w+;)|<<|<(?![A-Za-z/!?])|[\x00-\x08\x0b\x0c\x0e-\x1f]")  # what breaks XML

_ALIASES = {
    "HEADLINE": "TITLE", "HL": "TITLE", "HEAD": "TITLE",
    "DATE": "TIME", "DATE_TIME": "TIME", "DATETIME": "TIME",
    "BODY": "TEXT", "SOURCE": "SRC", "CATEGORY": "CAT", "DATELINE": "AUTHOR",
}


def read_ant(stream: BinaryIO, item: str) -> Iterator[Result]:
    """Yield each ``<DOC>`` of a TREC/ANT file as an Article (or a ReadError)."""
    data = read_limited(stream, item)
    if isinstance(data, ReadError):
        yield data
        return
    text = decode(data, item)
    if isinstance(text, ReadError):
        yield text
        return
    yield from parse_trec(text, item)


def parse_trec(text: str, item: str) -> Iterator[Result]:
    starts = [m.end() for m in _DOC.finditer(text)]
    if not starts:
        yield ReadError(item, "no <DOC> element: not a TREC/ANT file")
        return
    ends = [s - 5 for s in starts[1:]] + [len(text)]
    for n, (start, end) in enumerate(zip(starts, ends, strict=True), 1):
        where = item if len(starts) == 1 else f"{item} doc {n}"
        block = text[start:end]
        closed = _END.search(block)
        yield parse_doc(block[: closed.start()] if closed else block, where, item, closed is not None)


def _fields(block: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _FIELD.finditer(block):
        tag = m["tag"].upper()
        out.setdefault(_ALIASES.get(tag, tag), m["body"])
    return out


def _value(raw: str) -> str:
    raw = _CDATA.sub(lambda m: m.group(1), raw)
    return clean(html.unescape(raw))


def _body(raw: str) -> str:
    text = _value(_PARA.sub("\n", raw))
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def parse_doc(block: str, where: str, origin: str, closed: bool = True) -> Result:
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
        meta={"xml_repaired": True} if _BARE.search(block) else {},
    )
