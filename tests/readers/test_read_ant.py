from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from marsad.core.types import Article, ReadError
from marsad.readers import read
from marsad.readers.ant import read_ant

DOC = """<DOC>
<DOCNO>SK-economy-1-20180301</DOCNO>
<URL>http://example.org/1</URL>
<SRC>skynews</SRC>
<CAT>economy</CAT>
<TITLE>S&P ترفع التصنيف</TITLE>
<TIME>Sun, 15 Jul 2018 21:56:56 +0400</TIME>
<AUTHOR>دبي - سكاي نيوز عربية</AUTHOR>
<ABSTRACT>
الفقرة الأولى
</ABSTRACT>
<TEXT>
الفقرة الأولى &amp; رفعت الوكالة << التصنيف\x07.
الفقرة الثانية.
</TEXT>
</DOC>
"""


def _read(text: str, item: str = "x.txt") -> list[Article | ReadError]:
    return list(read_ant(io.BytesIO(text.encode("utf-8")), item))


def test_ant_fields_and_repairs() -> None:
    [art] = _read(DOC)
    assert isinstance(art, Article)
    assert art.id == "SK-economy-1-20180301"
    assert art.title == "S&P ترفع التصنيف"
    assert art.published == datetime(2018, 7, 15, 21, 56, 56, tzinfo=timezone(timedelta(hours=4)))
    assert art.published_precision == "second"
    assert (art.source, art.category, art.url) == ("skynews", "economy", "http://example.org/1")
    assert art.dateline == "دبي - سكاي نيوز عربية"
    assert art.text == "الفقرة الأولى & رفعت الوكالة << التصنيف.\nالفقرة الثانية."
    assert art.meta["xml_repaired"] is True


def test_ant_bad_documents() -> None:
    empty = DOC.replace(DOC[DOC.index("<TEXT>"):DOC.index("</TEXT>")], "<TEXT>\n\n")
    [e1] = _read(empty)
    assert isinstance(e1, ReadError) and "empty <TEXT>" in e1.reason and "SK-economy-1" in e1.item
    [e2] = _read(DOC[: DOC.index("الفقرة الثانية")])
    assert isinstance(e2, ReadError) and e2.reason.startswith("truncated XML")
    [e3] = _read("just words, no markup")
    assert isinstance(e3, ReadError) and "<DOC>" in e3.reason
    two = _read(DOC + DOC.replace("SK-economy-1-", "SK-economy-2-"), "multi.txt")
    assert [a.id for a in two if isinstance(a, Article)] == ["SK-economy-1-20180301", "SK-economy-2-20180301"]


@pytest.mark.slow
def test_whole_ant_corpus(ant_path: Path) -> None:
    n, repaired, errors = 0, 0, []
    for r in read(ant_path):
        if isinstance(r, ReadError):
            errors.append(r)
            continue
        n += 1
        repaired += bool(r.meta.get("xml_repaired"))
        assert r.text.strip() and r.id and r.published is not None and r.source
    assert n == 31_523
    assert repaired == 37
    assert sorted(e.item.rsplit("/", 1)[-1] for e in errors) == [
        "FR-internationalNews-2077-20180629.txt (FR-internationalNews-2077-20180629)",
        "FR-sport-214-20180629.txt (FR-sport-214-20180629)",
    ]
    assert all("empty <TEXT>" in e.reason for e in errors)
