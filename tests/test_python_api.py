"""The Python API fits: ISO date strings for ``published``, raw texts in ``nlp.pipe``."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

import marsad
from marsad.core.serialize import event_to_dict

TEXT = "التقى وزير الخارجية المصري نظيره الأردني في عمان أمس وبحثا التعاون بين البلدين."


def test_published_accepts_iso_strings_and_dates() -> None:
    assert marsad.Article(id="a", text=TEXT, published="2020-03-01").published == datetime(2020, 3, 1)
    assert marsad.Article(id="a", text=TEXT, published="2020-03-01T12:30:00").published == datetime(2020, 3, 1, 12, 30)
    assert marsad.Article(id="a", text=TEXT, published=date(2020, 3, 1)).published == datetime(2020, 3, 1)
    with pytest.raises(ValueError, match="not an ISO date"):
        marsad.Article(id="a", text=TEXT, published="not a date")


@pytest.mark.slow
def test_pipe_takes_strings_and_string_dates() -> None:
    nlp = marsad.load()
    docs = list(nlp.pipe([TEXT, TEXT]))
    assert [d.article.id for d in docs] == ["text-0", "text-1"]
    dated = nlp(marsad.Article(id="b", text=TEXT, published="2018-04-29"))
    assert dated.events and all(e.date == date(2018, 4, 28) for e in dated.events if e.event_type == "CONSULT")
    json.dumps([event_to_dict(e) for e in dated.events], ensure_ascii=False)
