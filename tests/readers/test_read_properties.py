"""Property tests: no reader raises, whatever the bytes."""

from __future__ import annotations

import io
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.core.types import Article, ReadError
from marsad.readers import FORMATS
from marsad.readers.containers import read_stream

_PREFIXES = [b"", b"<DOC><DOCNO>", b"\x1f\x8b\x08\x00", b"PK\x03\x04", b"WARC/1.0\r\n", b"<?xml version='1.0'?><rss>",
             b"<html><body>", b"{\"text\": ", b"BZh9", b"\xfd7zXZ\x00"]


@settings(max_examples=int(os.environ.get("MARSAD_HYPOTHESIS_EXAMPLES", "150")), deadline=None)
@given(prefix=st.sampled_from(_PREFIXES), data=st.binary(max_size=2048), fmt=st.sampled_from(FORMATS),
       name=st.sampled_from(["x.txt", "x.jsonl", "x.tar.gz", "x.zip", "x.warc.gz", "x.html", "x.rss", "-"]))
def test_no_reader_raises_on_random_bytes(prefix: bytes, data: bytes, fmt: str, name: str) -> None:
    for result in read_stream(name, io.BytesIO(prefix + data), fmt):
        assert isinstance(result, Article | ReadError)
        if isinstance(result, ReadError):
            assert result.item.startswith(name) and result.reason
