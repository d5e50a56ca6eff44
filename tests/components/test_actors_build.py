"""The rebuild scripts of the shipped actor and gazetteer files (parts that need no extra package)."""

from __future__ import annotations

from pathlib import Path

from marsad.training.build_actors import _entries, _good_code, _parse_codes
from marsad.training.build_gazetteer import arabic_names


def test_arabic_names_keep_arabic_spellings_only():
    names = ["Istanbul", "اسطنبول", "استانبول", "اسطنبول", "استانبول‌", "ایستانبول", "伊斯坦布尔"]
    assert arabic_names(names) == ["اسطنبول", "استانبول"]


def test_petrarch_codes_and_dates():
    assert _parse_codes("[IRQGOV 20101221-20140908]") == [("IRQGOV", "2010-12-21", "2014-09-08")]
    assert _parse_codes("[LBNCVLREF 19840502-18000101]") == [("LBNCVLREF", "1984-05-02", "")]
    assert _parse_codes("[SYRGOV > 20000717]") == [("SYRGOV", "2000-07-17", "")]
    countries = {"IRQ", "LBN"}
    assert _good_code("IRQGOV", countries) and _good_code("IGOJUD", countries)
    assert not _good_code("IRQ", countries) and not _good_code("XXXGOV", countries)


def test_petrarch_entries_parse(tmp_path: Path):
    src = tmp_path / "d.txt"
    src.write_text("نوري_المالكي_\n\t[IRQGOV 20101221-20140908]\nحكومة  [GOV]\n", encoding="utf-8")
    assert _entries(src) == [("نوري_المالكي_", [("IRQGOV", "2010-12-21", "2014-09-08")]), ("حكومة", [("GOV", "", "")])]
