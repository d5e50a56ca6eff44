"""CSV (and TSV): a header row naming the columns, then one article per row.

The columns that fill the Article come from the mapping (:mod:`.fields`), as for JSON:
``text`` (or content, body, article, story), ``published`` (or date, pubDate, ...), and so
on; the other columns go to ``Article.meta``. The delimiter is a comma, a semicolon or a tab,
whichever the header row holds most of (a tab for ``.tsv``). The file is read as a stream in
UTF-8 (a byte order mark is allowed). Rows are named as a spreadsheet numbers them: the header
is row 1, the first article row 2. A row without text is a ReadError naming it, and the rest
is read; a file whose header has no text column is one ReadError saying which columns it has.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import BinaryIO

from marsad.core.types import ReadError
from marsad.readers.base import MAX_BYTES, READ_ERRORS, Result, describe, refuse, with_head
from marsad.readers.fields import DateCounter, ReadOptions, article_from

_DEFAULT = ReadOptions()
_ROW_ERRORS: tuple[type[BaseException], ...] = (csv.Error, UnicodeDecodeError, *READ_ERRORS)


def _delimiter(item: str, head: bytes) -> str:
    if item.lower().endswith((".tsv", ".tab")):
        return "\t"
    first = head.split(b"\n", 1)[0]
    counts = {d: first.count(d.encode()) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(stream: BinaryIO, item: str, options: ReadOptions | None = None) -> Iterator[Result]:
    """Yield one Article (or ReadError) per row under the header."""
    options = options or _DEFAULT
    head, stream = with_head(stream, 8192)
    refused = refuse(head, item, "empty: no header row")
    if refused:
        yield refused
        return
    if csv.field_size_limit() < MAX_BYTES:
        csv.field_size_limit(MAX_BYTES)  # an article's text is longer than csv's default limit
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    rows = csv.reader(text, delimiter=_delimiter(item, head))
    number = 1
    try:
        header = [name.strip() for name in next(rows, [])]
    except _ROW_ERRORS as exc:
        yield ReadError(item, f"cannot read the header row: {_why(exc)}")
        return
    fields = options.resolve(h for h in header if h)
    options.report(fields)
    if "text" not in fields:
        names = ", ".join(repr(n) for n in options.candidates("text"))
        how = "" if "text" in options.mapping else "; name it with --field text=COLUMN"
        has = ", ".join(h for h in header if h) or "no names"
        yield ReadError(item, f"no text column ({names}) in the header row; it has: {has}{how}")
        return
    dates = DateCounter(item, options)
    records = 0
    while True:
        try:
            row = next(rows, None)
        except _ROW_ERRORS as exc:
            yield ReadError(f"{item} row {number + 1}", f"{_why(exc)}; the rows after it are not read")
            break
        if row is None:
            break
        number += 1
        if not any(cell.strip() for cell in row):
            continue
        records += 1
        record = {name: value for name, value in zip(header, row, strict=False) if name}
        yield article_from(record, fields, f"{item} row {number}", item, options, dates)
    dates.finish(records)


def _why(exc: BaseException) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "not valid UTF-8; re-encode the file as UTF-8 (e.g. iconv -f WINDOWS-1256 -t UTF-8)"
    if isinstance(exc, csv.Error):
        return f"not valid CSV: {exc}"
    return f"cannot read: {describe(exc)}"
