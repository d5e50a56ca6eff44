"""``marsad code --format table`` lines up around Arabic; ``--format csv`` is for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from marsad.cli._table import FSI, PDI, cell, row, truncate, width
from marsad.cli.code import TABLE, TABLE_HEADER
from marsad.cli.main import main

TEXT = ("اعتقلت الشرطة المصرية خمسة متظاهرين في القاهرة أمس. "
        "واتهمت إيران الولايات المتحدة بدعم الإرهاب في المنطقة خلال اجتماع عقد في طهران.")


def columns_of(line: str) -> list[str]:
    """A table line cut into its cells by the display widths of TABLE (isolates take no cell)."""
    out, rest = [], line
    for _, w in TABLE:
        taken, used = [], 0
        while rest and used < w:
            ch, rest = rest[0], rest[1:]
            taken.append(ch)
            used += width(ch)
        while rest and width(rest[0]) == 0:  # the closing isolate and trailing marks
            taken.append(rest[0])
            rest = rest[1:]
        out.append("".join(taken))
        assert rest[:2] in ("  ", ""), (line, out)
        rest = rest[2:]
    return out


def test_display_width_counts_cells_not_code_points() -> None:
    assert width("الأمم المتحدة") == 13
    assert width("مُحَمَّد") == 4  # harakat take no cell
    assert width(FSI + "ab" + PDI) == 2
    assert width("中国") == 4
    assert truncate("الولايات المتحدة الأمريكية", 10) == "الولايات …" and width(truncate("مُحَمَّدٌ عَلِيّ", 5)) <= 5
    assert cell("مصر", 6) == FSI + "مصر" + PDI + "   " and cell("SYR", 5) == "SYR  "
    assert row(["a", "مُحَمَّد"], [3, 6]) == "a    " + FSI + "مُحَمَّد" + PDI


def test_table_columns_line_up_around_arabic(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "x1", "text": TEXT, "published": "2018-07-15"}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    out = io.StringIO()
    assert main(["code", str(src), "--format", "table", "--min-confidence", "0"], stdout=out,
                stderr=io.StringIO()) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == TABLE_HEADER and len(lines) > 2
    for line in lines[1:]:
        cells = columns_of(line)
        assert cells[0].strip() == "x1" and re.fullmatch(r"\d{4}-\d\d-\d\d|-", cells[2].strip())
        assert re.fullmatch(r"0\.\d\d|1\.00", cells[-1].strip())
        for c in cells:  # an Arabic cell is isolated, so that it cannot reorder its neighbours
            body = c.rstrip(" ")
            if re.search("[\u0600-\u06ff]", body):
                assert body.startswith(FSI) and body.endswith(PDI)


def test_csv_for_spreadsheets(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "x1", "text": TEXT, "published": "2018-07-15"}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    out, jl = io.StringIO(), io.StringIO()
    assert main(["code", str(src), "--format", "csv"], stdout=out, stderr=io.StringIO()) == 0
    assert main(["code", str(src)], stdout=jl, stderr=io.StringIO()) == 0
    text = out.getvalue()
    assert text.startswith("\ufeffarticle_id,")  # the byte-order mark spreadsheets need for UTF-8
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    events = [json.loads(x) for x in jl.getvalue().splitlines()]
    assert rows and [r["cameo"] for r in rows] == [e["cameo"] for e in events]
    assert [r["source_text"] for r in rows] == [(e["source"] or {}).get("text", "") for e in events]
    assert all(r["evidence"] and r["article_id"] == "x1" for r in rows)
