from __future__ import annotations

from datetime import datetime
from pathlib import Path

from marsad.core.types import Article, ReadError
from marsad.readers import read

HEADLINE = "منظمة التعاون الإسلامى تبحث مع الأمم المتحدة سبل تعزيز التعاون الثنائى"


def _one(path: str | Path, fmt: str = "auto") -> Article | ReadError:
    results = list(read(path, fmt))
    assert len(results) == 1
    return results[0]


def test_seed_golden(seed_path: Path) -> None:
    art = _one(seed_path)
    assert isinstance(art, Article)
    assert art.title == HEADLINE
    assert art.published == datetime(2014, 5, 22, 19, 14)
    assert art.published.tzinfo is None  # local time of the outlet, zone not printed
    assert art.published_precision == "minute"
    assert art.text.startswith("عقد الاجتماع العام المشترك")
    assert art.text.endswith("على نحو ملائم \" .")
    assert HEADLINE not in art.text and "مايو 2014" not in art.text
    assert art.origin == str(seed_path)
    assert art.id.startswith("000_cf51298b20422178-")
    assert art.meta["layout"] == "body-headline-dateline"
    assert _one(seed_path, "seed") == art  # forced format gives the same, ids are stable


def test_headline_dateline_body(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("عنوان الخبر هنا\nالأحد، 3 يونيو 2018 10:05 ص\nالفقرة الأولى من الخبر.\nالفقرة الثانية.\n", "utf-8")
    art = _one(p)
    assert isinstance(art, Article)
    assert art.title == "عنوان الخبر هنا"
    assert art.published == datetime(2018, 6, 3, 10, 5)
    assert art.text == "الفقرة الأولى من الخبر.\nالفقرة الثانية."


def test_plain_text_without_layout(tmp_path: Path) -> None:
    p = tmp_path / "b.txt"
    body = "قال الرئيس إن الاجتماع كان مثمرا.\nوأضاف أن المحادثات ستستمر."
    p.write_text(body, "utf-8")
    art = _one(p)
    assert isinstance(art, Article)
    assert art.title is None and art.published is None
    assert art.text == body


def test_crlf_and_bom(tmp_path: Path) -> None:
    p = tmp_path / "c.txt"
    p.write_bytes("\ufeffسطر أول.\r\nسطر ثان.\r\n".encode())
    art = _one(p)
    assert isinstance(art, Article)
    assert art.text == "سطر أول.\nسطر ثان."


def test_bad_plain_text_items(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"  \n\n")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 ".encode("latin-1") * 10)
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "ok.txt").write_text("نص سليم.", "utf-8")
    results = {Path(r.item if isinstance(r, ReadError) else r.origin or "").name: r for r in read(tmp_path)}
    assert isinstance(results["ok.txt"], Article)
    reasons = {k: v.reason for k, v in results.items() if isinstance(v, ReadError)}
    assert reasons["empty.txt"].startswith("empty")
    assert reasons["latin1.txt"].startswith("not valid UTF-8: bad byte at offset 3;")
    assert "PNG" in reasons["image.txt"]
