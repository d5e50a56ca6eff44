"""Field mapping for JSON, JSON Lines and CSV; dates that cannot be read; the date order; big arrays."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from aawsat_records import RECORDS  # noqa: E402
from marsad.core.errors import ConfigError
from marsad.core.types import Article, ReadError
from marsad.readers import read
from marsad.readers.base import MAX_BYTES

DATES = [datetime(2015, 7, 21, 2, 51, 32), datetime(2015, 7, 21, 3, 10, 5), datetime(2015, 7, 21, 4, 22, 47),
         datetime(2015, 7, 21, 5, 0, 0)]


def aawsat_zip(path: Path, records: list[dict[str, Any]] = RECORDS) -> Path:
    """A zip of two JSON array files, pretty-printed as exports are."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("aawsat/2015-07-21-a.json", json.dumps(records[:2], ensure_ascii=False, indent=2))
        z.writestr("aawsat/2015-07-21-b.json", json.dumps(records[2:], ensure_ascii=False, indent=2))
    return path


def _read(paths: Any, **kw: Any) -> tuple[list[Article], list[ReadError], list[str], list[str]]:
    fields: list[str] = []
    warnings: list[str] = []
    items = list(read(paths, on_fields=fields.append, warn=warnings.append, **kw))
    return ([a for a in items if isinstance(a, Article)], [e for e in items if isinstance(e, ReadError)],
            fields, warnings)


@pytest.mark.parametrize("mapping", [None, {"text": "content", "published": "date_extracted"}])
def test_zip_of_json_arrays_is_read_with_its_dates(tmp_path: Path, mapping: dict[str, str] | None) -> None:
    arts, errors, fields, warnings = _read(aawsat_zip(tmp_path / "aawsat.zip"), mapping=mapping)
    assert errors == [] and warnings == []
    assert [a.text for a in arts] == [r["content"] for r in RECORDS]
    assert [a.published for a in arts] == DATES and {a.published_precision for a in arts} == {"second"}
    assert [a.title for a in arts] == [r["title"] for r in RECORDS]
    assert [a.url for a in arts] == [r["url"] for r in RECORDS]
    assert {a.source for a in arts} == {"aawsat"}
    assert arts[0].dateline == "لندن: رنيم حنوش"
    assert arts[2].origin == f"{tmp_path / 'aawsat.zip'}:aawsat/2015-07-21-b.json" and arts[2].meta == {"record": 1}
    assert fields[0].startswith("text=content, published=date_extracted, title=title, url=url, source=source, "
                                "dateline=author")
    assert len(set(fields)) == 1  # the same layout in both files


def test_explicit_mapping_wins_and_names_what_is_missing(tmp_path: Path) -> None:
    rec = dict(RECORDS[1], text="ملخص قصير.", date="أمس")
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n" + json.dumps({"body": "نص"}, ensure_ascii=False)
                    + "\n", "utf-8")
    [a], [err], fields, _ = _read(path, mapping={"text": "content", "published": "date_extracted",
                                                 "dateline": "title"})
    assert a.text == rec["content"] and a.published == DATES[1] and a.dateline == rec["title"]
    assert "text" not in a.meta and a.meta["date"] == "أمس"  # unused fields are kept, the text is not
    assert "'content'" in err.reason and err.item == f"{path} line 2"
    assert fields == ["text=content, published=date_extracted, title=title, url=url, source=source, "
                      "dateline=title"]
    # by default the first common name present wins: text before content, published before date
    [b, c], _, _, _ = _read(path)
    assert b.text == "ملخص قصير." and b.published is None and c.text == "نص"


def test_unknown_article_field_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not an article field"):
        read(tmp_path, mapping={"body": "content"})
    with pytest.raises(ConfigError, match="date order"):
        read(tmp_path, date_order="DDMM")


def test_record_without_a_text_field_says_where_to_look(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text(json.dumps([{"headline": "عنوان", "nass": "نص الخبر"}], ensure_ascii=False), "utf-8")
    _, [err], _, _ = _read(path)
    assert "no text field" in err.reason and "'content'" in err.reason and "nass" in err.reason
    assert "--field text=" in err.reason


def test_unreadable_dates_keep_the_records_and_warn_once_per_file(tmp_path: Path) -> None:
    bad = [dict(RECORDS[0], date_extracted="غير معروف"), RECORDS[1], dict(RECORDS[2], date_extracted="قبل ساعة")]
    zipped = aawsat_zip(tmp_path / "a.zip", bad + [RECORDS[3]])
    arts, errors, _, warnings = _read(zipped)
    assert errors == [] and len(arts) == 4  # every record with text is read
    assert [a.published for a in arts] == [None, DATES[1], None, DATES[3]]
    assert len(warnings) == 2  # one per file: a.json has one bad date of two, b.json one of two
    assert warnings[0].startswith(f"{zipped}:aawsat/2015-07-21-a.json: 1 of 2 records have a date that cannot "
                                  "be read (field 'date_extracted', e.g. 'غير معروف')")
    jsonl = tmp_path / "lines.jsonl"
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in bad) + "\n", "utf-8")
    arts, _, _, warnings = _read(jsonl)
    assert len(arts) == 3 and len(warnings) == 1
    assert warnings[0].startswith(f"{jsonl}: 2 of 3 records have a date that cannot be read")


@pytest.mark.parametrize(("order", "value", "expected"), [
    ("DMY", "01/03/2020", datetime(2020, 3, 1)),
    ("MDY", "01/03/2020", datetime(2020, 1, 3)),
    ("MDY", "13/03/2020", datetime(2020, 3, 13)),  # no 13th month: only day-first reads it
    ("DMY", "03/13/2020", datetime(2020, 3, 13)),
    ("YMD", "20/03/01", datetime(2020, 3, 1)),
    ("DMY", "20/03/01", datetime(2001, 3, 20)),
    ("MDY", "2020/03/01", datetime(2020, 3, 1)),  # a four-digit year first is always Y-M-D
    ("MDY", "07/21/2015 02:51 PM", datetime(2015, 7, 21, 14, 51)),
    ("DMY", "٢١/٠٧/٢٠١٥", datetime(2015, 7, 21)),
])
def test_numeric_dates_follow_the_date_order(tmp_path: Path, order: str, value: str, expected: datetime) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"content": RECORDS[2]["content"], "date": value}, ensure_ascii=False), "utf-8")
    [a], _, _, warnings = _read(path, date_order=order)
    assert a.published == expected and warnings == []


def _csv(path: Path, header: list[str], rows: list[list[str]], delimiter: str = ",") -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text("\ufeff" + buf.getvalue(), "utf-8")  # with a byte order mark, as spreadsheets save it
    return path


def test_csv_rows_are_articles(tmp_path: Path) -> None:
    rows = [[r["title"], r["content"] + "\nوأضاف المصدر أن المحادثات ستتواصل.", r["date_extracted"], r["source"],
             r["author"], "سياسة"] for r in RECORDS[:3]]
    rows.insert(1, ["", "", "2015-07-21", "aawsat", "", ""])  # a row without text
    rows.append(["", "", "", "", "", ""])  # a blank row is skipped
    path = _csv(tmp_path / "news.csv", ["headline", "article", "pubDate", "outlet", "author", "section"], rows)
    arts, errors, fields, warnings = _read(path)
    assert [a.title for a in arts] == [r["title"] for r in RECORDS[:3]]
    assert arts[0].text.startswith("حدد رئيس الوزراء") and arts[0].text.endswith("ستتواصل.")
    assert [a.published for a in arts] == DATES[:3]
    assert arts[1].source == "aawsat" and arts[1].dateline == RECORDS[1]["author"]
    assert arts[0].meta == {"section": "سياسة", "row": 2} and arts[1].meta["row"] == 4
    assert [e.item for e in errors] == [f"{path} row 3"] and errors[0].reason.startswith("empty")
    assert fields == ["text=article, published=pubDate, title=headline, source=outlet, dateline=author"]
    assert warnings == []


def test_csv_mapping_semicolons_and_missing_text_column(tmp_path: Path) -> None:
    path = _csv(tmp_path / "export.csv", ["عنوان", "نص", "تاريخ"],
                [[r["title"], r["content"], "21/07/2015"] for r in RECORDS], delimiter=";")
    _, [err], _, _ = _read(path)
    assert err.item == str(path) and "no text column" in err.reason and "نص" in err.reason
    arts, errors, fields, _ = _read(path, mapping={"text": "نص", "title": "عنوان", "published": "تاريخ"})
    assert errors == [] and [a.text for a in arts] == [r["content"] for r in RECORDS]
    assert {a.published for a in arts} == {datetime(2015, 7, 21)}
    assert fields == ["text=نص, published=تاريخ, title=عنوان"]
    tsv = _csv(tmp_path / "x.tsv", ["text", "date"], [[RECORDS[0]["content"], "03/01/2020"]], delimiter="\t")
    [a], _, _, _ = _read(tsv, date_order="MDY")
    assert a.published == datetime(2020, 3, 1)


def test_csv_is_detected_in_archives_and_not_valid_utf8_is_one_error(tmp_path: Path) -> None:
    data = _csv(tmp_path / "a.csv", ["content", "date"], [[r["content"], r["date_extracted"]] for r in RECORDS])
    with zipfile.ZipFile(tmp_path / "c.zip", "w") as z:
        z.write(data, "csv/a.csv")
        z.writestr("csv/cp1256.csv", b"content\n" + RECORDS[0]["content"].encode("cp1256"))
    arts, errors, _, _ = _read(tmp_path / "c.zip")
    assert [a.published for a in arts] == DATES
    assert len(errors) == 1 and "cp1256.csv" in errors[0].item and "UTF-8" in errors[0].reason


def test_json_array_bigger_than_one_article_limit_is_streamed(tmp_path: Path) -> None:
    body = RECORDS[0]["content"] + " "
    record = {"content": body * (12_000 // len(body)), "date_extracted": "2015-07-21 02:51:32"}
    n = MAX_BYTES // len(json.dumps(record).encode()) + 50  # the file is over the limit, each record far under it
    path = tmp_path / "big.json"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("[\n")
        for i in range(n):
            fh.write(("," if i else "") + json.dumps(dict(record, url=f"u{i}")) + "\n")
        fh.write("]\n")
    assert path.stat().st_size > MAX_BYTES
    count = last = 0
    for item in read(path):
        assert isinstance(item, Article), item
        count += 1
        last = item.meta["record"]
    assert count == n and last == n


def test_json_array_errors(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"content": "نص أول"}, {"content": "نص ثان"} {"content": "ثالث"}]', "utf-8")
    arts, errors, _, _ = _read(path)
    assert len(arts) == 2 and len(errors) == 1 and "after record 2" in errors[0].reason
    path.write_text('[{"content": "نص أول"}, {"content": "نص', "utf-8")
    arts, errors, _, _ = _read(path)
    assert len(arts) == 1 and "not valid JSON in record 2" in errors[0].reason
    path.write_bytes(b'[{"content": "\xff"}]')
    _, [err], _, _ = _read(path)
    assert "UTF-8" in err.reason
