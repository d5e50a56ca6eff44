"""The Python API fits: ISO date strings for ``published``, raw texts in ``nlp.pipe``."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from pathlib import Path

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


@pytest.mark.slow
def test_event_to_dict_is_the_json_of_marsad_code(tmp_path: Path) -> None:
    from marsad.cli.main import main
    from marsad.components.events.assemble import article_events
    from marsad.core.serialize import event_from_dict

    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": TEXT, "published": "2018-04-29"}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    out = io.StringIO()
    assert main(["code", str(src), "--min-confidence", "0"], stdout=out, stderr=io.StringIO()) == 0
    printed = [json.loads(line) for line in out.getvalue().splitlines()]
    doc = marsad.load()(marsad.Article(id="a1", text=TEXT, published="2018-04-29"))
    events = article_events(doc.events)
    assert printed and [json.loads(json.dumps(e.to_dict(), ensure_ascii=False)) for e in events] == printed
    assert all(e.to_dict() == event_to_dict(e) for e in doc.events)
    plain = [e for e in doc.events if not e.mentions]
    assert all(event_from_dict(e.to_dict()).to_dict()["source"] == e.to_dict()["source"] for e in plain)
