"""The shared read helpers every text reader goes through: one reason per kind of bad item."""

from __future__ import annotations

import codecs
import io

import pytest

from marsad.core.types import ReadError
from marsad.readers.base import MAX_BYTES, read_bytes, read_text


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty: no text"),
    (b" \n\t ", "empty: no text"),
    (b"%PDF-1.4 ...", "binary content (a PDF document), not text"),
    (b"abc\x00def", "binary content (NUL bytes), not text"),
    (b"\xd8\xa7\xff\xd8", "not valid UTF-8: bad byte at offset 2"),
])
def test_read_text_refuses_with_the_item_named(data: bytes, reason: str) -> None:
    got = read_text(io.BytesIO(data), "dir/a.txt")
    assert isinstance(got, ReadError)
    assert got.item == "dir/a.txt"
    assert got.reason.startswith(reason)


def test_read_text_decodes_utf8_and_utf16_with_bom() -> None:
    text = "قال الأمين العام"
    assert read_text(io.BytesIO(codecs.BOM_UTF8 + text.encode()), "a") == text
    assert read_text(io.BytesIO(text.encode("utf-16")), "a") == text


def test_read_text_size_limit() -> None:
    got = read_text(io.BytesIO(b"a" * (MAX_BYTES + 1)), "big.txt")
    assert isinstance(got, ReadError) and got.reason.startswith("over the 20 MB limit")
    assert read_text(io.BytesIO(b"a" * 1000), "small.txt") == "a" * 1000


def test_read_bytes_keeps_bytes_and_names_the_kind_when_empty() -> None:
    raw = b'<?xml version="1.0" encoding="windows-1256"?><rss/>'
    assert read_bytes(io.BytesIO(raw), "f.xml", empty="empty: no feed") == raw
    got = read_bytes(io.BytesIO(b"  "), "f.xml", empty="empty: no feed")
    assert isinstance(got, ReadError) and got.reason == "empty: no feed"
