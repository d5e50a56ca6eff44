"""JSON Lines: one article per line.

Fields: ``id``, ``text`` (required), and optional ``title``, ``published``, ``source``, ``url``,
``language``, ``dateline``, ``category``; other fields are kept in ``Article.meta``. The file is
read as a stream, line by line; a bad line is a ReadError naming the line and the rest is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from marsad.core.types import Article, ReadError
from marsad.readers._dates import parse_published
from marsad.readers.base import (
    MAX_BYTES,
    READ_ERRORS,
    Result,
    clean,
    content_id,
    describe,
    over_limit,
    read_limited,
    with_head,
)

_KNOWN = ("id", "text", "title", "published", "source", "url", "language", "dateline", "category")


def _lines(stream: BinaryIO, item: str) -> Iterator[tuple[int, bytes | ReadError]]:
    """(line number, bytes) for each line; over-long lines are skipped as ReadErrors."""
    number = 0
    while True:
        try:
            line = stream.readline(MAX_BYTES + 1)
        except READ_ERRORS as exc:
            yield number + 1, ReadError(f"{item} line {number + 1}", f"cannot read: {describe(exc)}")
            return
        if not line:
            return
        number += 1
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = stream.readline(1 << 20)
            yield number, over_limit(f"{item} line {number}")
            continue
        yield number, line


def read_jsonl(stream: BinaryIO, item: str) -> Iterator[Result]:
    """Yield one Article (or ReadError) per non-blank line (or per record of a JSON array)."""
    head, stream = with_head(stream, 256)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        yield from _read_array(stream, item)
        return
    first = True
    for number, line in _lines(stream, item):
        if isinstance(line, ReadError):
            yield line
            continue
        if first and line.startswith(b"\xef\xbb\xbf"):  # UTF-8 byte order mark
            line = line[3:]
        first = False
        if not line.strip():
            continue
        yield parse_line(line, f"{item} line {number}", item)


def _read_array(stream: BinaryIO, item: str) -> Iterator[Result]:
    """A whole-file JSON array of article objects (``.json`` exports)."""
    data = read_limited(stream, item)
    if isinstance(data, ReadError):
        yield data
        return
    try:
        records = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        yield ReadError(item, f"not valid UTF-8: bad byte at offset {exc.start}")
        return
    except json.JSONDecodeError as exc:
        yield ReadError(item, f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    for number, record in enumerate(records, 1):
        yield parse_record(record, f"{item} record {number}", item)


def _position(where: str) -> dict[str, int]:
    """``{"line": 3}`` for ``path line 3``, ``{"record": 2}`` for ``path record 2``."""
    parts = where.rsplit(" ", 2)
    return {parts[1]: int(parts[2])} if len(parts) == 3 and parts[2].isdigit() else {}


def _str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def parse_line(line: bytes, where: str, origin: str) -> Result:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return ReadError(where, f"not valid UTF-8: bad byte at offset {exc.start}")
    except json.JSONDecodeError as exc:
        return ReadError(where, f"not valid JSON: {exc.msg} at column {exc.colno}")
    return parse_record(record, where, origin)


def parse_record(record: Any, where: str, origin: str) -> Result:
    """One decoded JSON value as an Article, or a ReadError saying what is missing."""
    if not isinstance(record, dict):
        return ReadError(where, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        return ReadError(where, "no 'text' field with a string value")
    text = clean(text)
    if not text.strip():
        return ReadError(where, "empty: the 'text' field has no text")
    published, precision = parse_published(_str(record, "published"))
    return Article(
        id=_str(record, "id") or content_id(origin, text),
        text=text,
        title=_str(record, "title"),
        published=published,
        published_precision=precision,
        source=_str(record, "source"),
        url=_str(record, "url"),
        language=_str(record, "language") or "ar",
        dateline=_str(record, "dateline"),
        category=_str(record, "category"),
        origin=origin,
        meta={k: v for k, v in record.items() if k not in _KNOWN} | _position(where),
    )
