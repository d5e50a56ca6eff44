"""The ANT reader finds tags in linear time, with the results the old regex gave."""

from __future__ import annotations

import io
import random
import re

from marsad.core.types import Article, ReadError
from marsad.readers.ant import _tagged, _uncdata, read_ant

# the regex the reader used before: right, but quadratic when tags are never closed
_FIELD = re.compile(r"<(?P<tag>[A-Z_]+)>(?P<body>.*?)</(?P=tag)>", re.S | re.I)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)


def _by_regex(block: str) -> list[tuple[str, str]]:
    return [(m["tag"].upper(), m["body"]) for m in _FIELD.finditer(block)]


def _read(text: str) -> list[Article | ReadError]:
    return list(read_ant(io.BytesIO(text.encode("utf-8")), "x.txt"))


def test_tags_found_as_the_regex_found_them() -> None:
    pieces = ["<TEXT>", "</TEXT>", "<text>", "</Text>", "<HEADLINE>", "</headline>", "<P>", "</P>",
              "<DATE>", "</DATE>", "<B_X>", "</B_X>", "<", ">", "</", "نص", " ", "&", "<<", "\n", "a"]
    rng = random.Random(7)
    for _ in range(3000):
        block = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert list(_tagged(block)) == _by_regex(block), block


def test_cdata_unwrapped_as_the_regex_did() -> None:
    pieces = ["<![CDATA[", "]]>", "]]", "نص", "<", "x", "]"]
    rng = random.Random(11)
    for _ in range(3000):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        assert _uncdata(raw) == _CDATA.sub(lambda m: m.group(1), raw), raw


def test_aliases_and_lower_case_tags_still_read() -> None:
    [art] = _read("<doc>\n<docno>L-1</docno>\n<headline>عنوان</headline>\n<date>2018-07-15</date>\n"
                  "<body><p>الفقرة الأولى.</p><p>الثانية.</p></body>\n</doc>\n")
    assert isinstance(art, Article)
    assert (art.id, art.title, art.text) == ("L-1", "عنوان", "الفقرة الأولى.\nالثانية.")


def test_unclosed_text_of_many_unclosed_tags_is_read_in_one_pass() -> None:
    # 150,000 <P> that never close inside a <TEXT> that never closes (2.4 MB): a lazy regex scans
    # to the end of the block for each of them (about 10^11 steps); one pass reads it at once
    body = "<P>فقرة بلا نهاية\n" * 150_000
    [err] = _read(f"<DOC>\n<DOCNO>U-1</DOCNO>\n<TITLE>عنوان</TITLE>\n<TEXT>\n{body}</DOC>\n")
    assert isinstance(err, ReadError) and err.reason == "truncated XML: <TEXT> is never closed"
    [err] = _read(f"<DOC>\n<DOCNO>U-2</DOCNO>\n<BODY>\n{body}")
    assert isinstance(err, ReadError) and "<TEXT> is never closed" in err.reason


def test_many_unclosed_cdata_sections_are_read_in_one_pass() -> None:
    text = "<![CDATA[ خبر " * 150_000
    [art] = _read(f"<DOC>\n<DOCNO>C-1</DOCNO>\n<TEXT>\n{text}\n</TEXT>\n</DOC>\n")
    assert isinstance(art, Article) and art.text.startswith("<![CDATA[ خبر") and art.text.count("CDATA") == 150_000
