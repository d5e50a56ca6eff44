"""``--field``, ``--date-order`` and the fields line on ``marsad code``, ``parse`` and ``ingest``."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from aawsat_records import RECORDS  # noqa: E402
from marsad.cli.main import main

MAPPING = ["--field", "text=content", "--field", "published=date_extracted"]


def _zip(path: Path, records: list[dict[str, Any]] = RECORDS) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("aawsat/a.json", json.dumps(records[:2], ensure_ascii=False, indent=2))
        z.writestr("aawsat/b.json", json.dumps(records[2:], ensure_ascii=False, indent=2))
    return path


def _main(*argv: str) -> tuple[int, str, list[str]]:
    out, err = io.StringIO(), io.StringIO()
    rc = main(list(argv), stdout=out, stderr=err)
    return rc, out.getvalue(), err.getvalue().splitlines()


@pytest.mark.parametrize("mapping", [[], MAPPING], ids=["common-names", "field-options"])
def test_code_a_zip_of_json_arrays(tmp_path: Path, mapping: list[str]) -> None:
    rc, out, err = _main("code", str(_zip(tmp_path / "aawsat.zip")), "--min-confidence", "0", *mapping)
    assert rc == 0, err
    fields = [line for line in err if line.startswith("marsad code: fields: ")]
    assert len(fields) == 1  # once per command, though two files were read
    assert fields[0].startswith("marsad code: fields: text=content, published=date_extracted")
    assert err[-1] == "marsad code: 4 articles, " + err[-1].split(", ", 1)[1] and err[-1].endswith(", 0 failed")
    events = [json.loads(line) for line in out.splitlines()]
    assert len({e["article_id"] for e in events}) == 4  # every record with content is coded ...
    assert all(e["date"] and e["date"].startswith("2015-07-") for e in events)  # ... with its date


def test_parse_reads_the_date_order_and_warns_once_per_file(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    lines = [dict(RECORDS[0], date_extracted="01/03/2020"), dict(RECORDS[1], date_extracted="أمس"),
             dict(RECORDS[2], date_extracted="—")]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), "utf-8")
    for order, expected in (("DMY", "2020-03-01"), ("MDY", "2020-01-03")):
        rc, out, err = _main("parse", str(path), "--no-tokens", "--date-order", order.lower())
        docs = [json.loads(line) for line in out.splitlines()]
        assert rc == 0 and [d["published"] for d in docs] == [expected, None, None]
        assert [d["text"] for d in docs] == [r["content"] for r in lines]  # kept, with no date
        warnings = [line for line in err if "warning" in line]
        assert len(warnings) == 1 and warnings[0].startswith(f"marsad parse: warning: {path}: 2 of 3 records")
    rc, _, err = _main("parse", str(path), "--date-order", "DM")
    assert rc == 2 and err[0].startswith("usage: marsad parse")


def test_parse_csv_with_fields(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text("عنوان,النص,التاريخ\n" + "".join(f'"{r["title"]}","{r["content"]}",21/07/2015\n'
                                                       for r in RECORDS), "utf-8")
    rc, out, err = _main("parse", str(path), "--no-tokens", "--field", "text=النص", "--field", "title=عنوان",
                         "--field", "published=التاريخ")
    docs = [json.loads(line) for line in out.splitlines()]
    assert rc == 0 and [d["title"] for d in docs] == [r["title"] for r in RECORDS]
    assert {d["published"] for d in docs} == {"2015-07-21"}
    assert err == ["marsad parse: fields: text=النص, published=التاريخ, title=عنوان"]
    rc, out, err = _main("parse", str(path))  # no common name for the text: one error naming the columns
    assert rc == 1 and out == "" and len(err) == 2 and "no text column" in err[1] and "النص" in err[1]


@pytest.mark.parametrize("bad", ["body=content", "text", "=content"])
def test_a_bad_field_option_is_a_usage_error(bad: str, tmp_path: Path) -> None:
    rc, out, err = _main("code", str(tmp_path), "--field", bad)
    assert rc == 2 and out == ""
    assert err[0].startswith("usage: marsad code") and "--field" in err[-1]


def test_ingest_with_fields(tmp_path: Path) -> None:
    pytest.importorskip("sqlalchemy")
    db = tmp_path / "m.db"
    rc, _, err = _main("ingest", str(_zip(tmp_path / "aawsat.zip")), "--db", str(db), *MAPPING)
    assert rc == 0, err
    assert sum(line.startswith("marsad ingest: fields: text=content, published=date_extracted") for line in err) == 1
    assert any("4 articles coded and stored" in line for line in err)
    rc, out, _ = _main("runs", "--db", str(db), "--json")
    assert rc == 0 and json.loads(out.splitlines()[-1])["articles"] == 4
