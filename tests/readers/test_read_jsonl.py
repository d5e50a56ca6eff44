from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from marsad.core.types import Article, ReadError
from marsad.readers import read


def _write(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_jsonl_fields_and_errors(tmp_path: Path) -> None:
    good = {
        "id": "a1", "text": "اجتمع الوزير مع السفير.", "title": "لقاء", "published": "2018-07-15T21:56:56+04:00",
        "source": "bbc", "url": "http://x/1", "language": "ar", "tags": ["x"],
    }
    path = _write(tmp_path / "news.jsonl", [
        json.dumps(good, ensure_ascii=False).encode(),
        b"{not json",
        b"",
        json.dumps({"text": "بلا معرف."}, ensure_ascii=False).encode(),
        b'{"id": "b", "text": ""}',
        b'["a list"]',
        b'{"id": "c", "text": "\xff\xfe bad"}',
        b'{"id": "d"}',
    ])
    results = list(read(path))
    assert len(results) == 7
    a = results[0]
    assert isinstance(a, Article)
    assert (a.id, a.title, a.source, a.url) == ("a1", "لقاء", "bbc", "http://x/1")
    assert a.published == datetime(2018, 7, 15, 21, 56, 56, tzinfo=timezone(timedelta(hours=4)))
    assert a.published_precision == "second"
    assert a.meta["tags"] == ["x"] and a.meta["line"] == 1
    assert a.origin == str(path)
    errors = [r for r in results if isinstance(r, ReadError)]
    assert [e.item.rsplit(" ", 1)[-1] for e in errors] == ["2", "5", "6", "7", "8"]
    assert "not valid JSON" in errors[0].reason
    assert errors[1].reason.startswith("empty")
    assert "JSON object" in errors[2].reason
    assert "UTF-8" in errors[3].reason
    assert "'text'" in errors[4].reason
    hashed = results[2]
    assert isinstance(hashed, Article) and hashed.id.startswith("news-")
    again = [r for r in read(path) if isinstance(r, Article)]
    assert again[1].id == hashed.id  # content-hash ids are stable


def test_jsonl_detected_by_content_and_gzip(tmp_path: Path) -> None:
    import gzip

    line = json.dumps({"id": "z", "text": "خبر."}, ensure_ascii=False).encode()
    (tmp_path / "feed.data").write_bytes(line + b"\n")
    (tmp_path / "more.jsonl.gz").write_bytes(gzip.compress(line + b"\n" + line))
    results = list(read(tmp_path))
    assert [r.id for r in results if isinstance(r, Article)] == ["z", "z", "z"]
    assert all(isinstance(r, Article) for r in results)
    assert results[1].origin == str(tmp_path / "more.jsonl.gz")


def test_json_array_file(tmp_path: Path) -> None:
    records = [{"id": "a", "text": "أول."}, {"text": ""}, {"id": "c", "text": "ثالث.", "published": "2018-07-15"}]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(records, ensure_ascii=False, indent=2), "utf-8")
    results = list(read(path))
    assert [type(r) for r in results] == [Article, ReadError, Article]
    assert results[0].meta == {"record": 1} and results[1].item == f"{path} record 2"
    (tmp_path / "broken.json").write_text('[{"id": "x", "text": "نص"', "utf-8")
    [err] = list(read(tmp_path / "broken.json"))
    assert isinstance(err, ReadError) and "not valid JSON" in err.reason
