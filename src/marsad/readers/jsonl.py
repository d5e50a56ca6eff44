"""JSON Lines (one article per line) and JSON arrays of articles.

Which field fills which part of the Article comes from the mapping (:mod:`.fields`): by
default ``text`` (or content, body, article, story), ``published`` (or date, pubDate,
published_at, date_extracted), ``title``, ``url``, ``source`` (or outlet), ``dateline`` (or
author), ``id``, ``category``, ``language``; other fields are kept in ``Article.meta``. A
record whose date cannot be read keeps its text and is read without a date (one warning per
file counts them). The file is read as a stream, line by line, or record by record for a
file whose content starts with ``[`` (a JSON array of any size; each record within the size
limit); a bad line is a ReadError naming the line and the rest is read.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from marsad.core.types import ReadError
from marsad.readers.base import MAX_BYTES, READ_ERRORS, Result, describe, over_limit, sniff_binary, with_head
from marsad.readers.fields import DateCounter, ReadOptions, article_from, has_value

_CHUNK = 1 << 20
_SPACE = " \t\r\n"
_DEFAULT = ReadOptions()


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


class _Records:
    """Parses one file's records with its options; counts unreadable dates; reports fields once."""

    def __init__(self, item: str, options: ReadOptions) -> None:
        self.item = item
        self.options = options
        self.dates = DateCounter(item, options)
        self.records = 0
        self.reported = False

    def parse(self, record: Any, where: str) -> Result:
        if isinstance(record, dict):
            self.records += 1
        return parse_record(record, where, self.item, self.options, self)

    def finish(self) -> None:
        self.dates.finish(self.records)


def read_jsonl(stream: BinaryIO, item: str, options: ReadOptions | None = None) -> Iterator[Result]:
    """Yield one Article (or ReadError) per non-blank line (or per record of a JSON array)."""
    records = _Records(item, options or _DEFAULT)
    head, stream = with_head(stream, 4096)
    why = _not_json_text(head)
    if why:  # one error for the file, not one per "line" of it
        yield ReadError(item, why)
        return
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        yield from _read_array(stream, item, records)
        records.finish()
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
        yield parse_line(line, f"{item} line {number}", item, records)
    records.finish()


def _not_json_text(head: bytes) -> str | None:
    """Why the start of a file cannot be JSON text: binary content (:func:`sniff_binary`),
    UTF-16, or mostly bytes that are not UTF-8 (another encoding); None when it can. A stray bad
    byte on one line is left to that line's own error."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16 text; JSON is read as UTF-8: re-encode it (iconv -f UTF-16 -t UTF-8)"
    why = sniff_binary(head)
    if why:
        return why
    text = head[:-4].decode("utf-8", errors="replace")  # a character cut at the end is no error
    bad = text.count("\ufffd")
    if bad >= 4 and bad >= len(text) // 20:
        return (f"not valid UTF-8: {bad} bad bytes in its first {len(head):,}; re-encode it to UTF-8 "
                "(iconv -f CP1256 -t UTF-8 for Windows Arabic)")
    return None


def _read_array(stream: BinaryIO, item: str, records: _Records) -> Iterator[Result]:
    """A JSON array of article objects (``.json`` exports), decoded one record at a time."""
    decoder = json.JSONDecoder()
    utf8 = codecs.getincrementaldecoder("utf-8-sig")()
    buf, pos, eof, number = "", 0, False, 0

    def fill() -> ReadError | None:
        nonlocal buf, pos, eof
        try:
            data = stream.read(_CHUNK)
            text = utf8.decode(data or b"", final=not data)
        except UnicodeDecodeError:
            return ReadError(item, f"not valid UTF-8 after record {number}; re-encode the file as UTF-8")
        except READ_ERRORS as exc:
            return ReadError(item, f"cannot read after record {number}: {describe(exc)}")
        eof = not data
        buf, pos = buf[pos:] + text, 0
        return None

    def skip_space() -> ReadError | None:
        nonlocal pos
        while True:
            while pos < len(buf) and buf[pos] in _SPACE:
                pos += 1
            if pos < len(buf) or eof:
                return None
            err = fill()
            if err:
                return err

    if (err := skip_space()) is not None:
        yield err
        return
    pos += 1  # the opening "[" (checked by the caller)
    while True:
        if (err := skip_space()) is not None:
            yield err
            return
        if pos >= len(buf):
            yield ReadError(item, f"not valid JSON: the array is never closed (after record {number})")
            return
        if buf[pos] == "]":
            return
        if number and buf[pos] == ",":
            pos += 1
            if (err := skip_space()) is not None:
                yield err
                return
        elif number:
            yield ReadError(item, f"not valid JSON: expected ',' or ']' after record {number}")
            return
        number += 1
        where = f"{item} record {number}"
        while True:
            try:
                record, end = decoder.raw_decode(buf, pos)
            except json.JSONDecodeError as exc:
                cut = exc.msg.startswith("Unterminated string") or exc.pos >= len(buf) - 16
                if eof or not cut:  # a real syntax error: the records after it cannot be found
                    yield ReadError(item, f"not valid JSON in record {number}: {exc.msg}"
                                          + ("" if eof else "; the records after it are not read"))
                    return
                if len(buf) - pos > MAX_BYTES:
                    yield over_limit(where)
                    yield ReadError(item, f"records after record {number} not read: split the file")
                    return
                if (err := fill()) is not None:
                    yield err
                    return
                continue
            if end >= len(buf) and not eof:  # a number or literal may go on in the next chunk
                if (err := fill()) is not None:
                    yield err
                    return
                continue
            break
        pos = end
        yield records.parse(record, where)


def parse_line(line: bytes, where: str, origin: str, records: _Records | None = None) -> Result:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return ReadError(where, f"not valid UTF-8: bad byte at offset {exc.start}")
    except json.JSONDecodeError as exc:
        return ReadError(where, f"not valid JSON: {exc.msg} at column {exc.colno}")
    if records is not None:
        return records.parse(record, where)
    return parse_record(record, where, origin)


def parse_record(record: Any, where: str, origin: str, options: ReadOptions | None = None,
                 records: _Records | None = None) -> Result:
    """One decoded JSON value as an Article, or a ReadError saying what is missing."""
    if not isinstance(record, dict):
        return ReadError(where, f"expected a JSON object, got {type(record).__name__}")
    options = options or _DEFAULT
    keys = [k for k, v in record.items() if has_value(v)]
    fields = options.resolve(keys)
    if records is not None and not records.reported:
        records.reported = True
        options.report(fields)
    return article_from(record, fields, where, origin, options, records.dates if records else None)
