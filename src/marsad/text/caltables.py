"""Calendar tables for datelines and date expressions, and the tabular Hijri calendar.

The tables are the data files in ``resources/calendar/`` (month names in Egyptian, Levantine,
Maghrebi, Latin and Hijri use, weekdays, relative day words, past/future markers, period
units, number words, ordinal days, ص/م, time-zone names, future cues, name heads). Every name is normalised with
:func:`marsad.text.normalize.normalize_text` when loaded, so patterns built from them match
normalised text (alef and hamza forms, ة/ه, ى/ي, digits and Latin case folded).

Hijri dates are converted with the arithmetic (tabular) Islamic calendar: 30-year cycles with
leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29, months of 30 and 29 days alternating,
epoch 1 Muharram 1 AH = 16 July 622 (Julian) = Julian Day Number 1948440. Real Hijri dates are
fixed by moon sighting or by the Umm al-Qura tables, so a converted date can be one or two days
off; callers keep precision "day" and should treat the value as approximate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

import marsad.resources as resource_files
from marsad.text.normalize import normalize_text

_HIJRI_EPOCH_JDN = 1948440  # 1 Muharram 1 AH, civil (Friday) epoch
_ORDINAL_OFFSET = 1721425  # JDN of 0000-12-31 proleptic Gregorian: ordinal = JDN - this


def _rows(name: str) -> list[list[str]]:
    """Rows of ``resources/calendar/<name>`` without comments and without the header line."""
    text = resource_files.read_text("calendar", name)
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [ln.split("\t") for ln in lines[1:]]


def norm_name(name: str) -> str:
    """A table name as it appears in normalised text (spaces collapsed)."""
    return " ".join(normalize_text(name).split())


@lru_cache(maxsize=1)
def months() -> dict[str, tuple[str, int]]:
    """Normalised month name -> (calendar, month number); calendar is gregorian or hijri."""
    return {norm_name(r[3]): (r[0], int(r[1])) for r in _rows("months.tsv")}


@lru_cache(maxsize=1)
def weekdays() -> dict[str, tuple[int, bool]]:
    """Normalised weekday name -> (weekday 0=Monday, whether it may stand alone)."""
    return {norm_name(r[2]): (int(r[0]), r[1] == "1") for r in _rows("weekdays.tsv")}


@lru_cache(maxsize=1)
def relative_days() -> dict[str, int]:
    """Normalised phrase (اليوم, أمس, أول أمس, غدا ...) -> offset in days."""
    return {norm_name(r[0]): int(r[1]) for r in _rows("relative_days.tsv")}


@lru_cache(maxsize=1)
def markers() -> dict[str, str]:
    """Normalised marker (الماضي, المقبل, الجاري ...) -> past, future or current."""
    return {norm_name(r[0]): r[1] for r in _rows("markers.tsv")}


@lru_cache(maxsize=1)
def units() -> dict[str, tuple[str, int]]:
    """Normalised period word -> (unit, count); count 0 means a plural that needs a number."""
    return {norm_name(r[0]): (r[1], int(r[2])) for r in _rows("units.tsv")}


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    return {norm_name(r[0]): int(r[1]) for r in _rows("number_words.tsv")}


@lru_cache(maxsize=1)
def ordinals() -> dict[str, int]:
    """Normalised ordinal (الأول, الحادي والعشرين ...) -> day of the month."""
    return {norm_name(r[0]): int(r[1]) for r in _rows("ordinals.tsv")}


@lru_cache(maxsize=1)
def timezones() -> dict[str, int]:
    """Normalised zone name (غرينتش, مكة المكرمة, gmt ...) -> UTC offset in minutes."""
    return {norm_name(r[0]): int(r[1]) for r in _rows("timezones.tsv")}


@lru_cache(maxsize=1)
def future_cues() -> frozenset[str]:
    """Normalised words (المقرر, سوف ...) that put an unmarked weekday in the future."""
    return frozenset(norm_name(r[0]) for r in _rows("future_cues.tsv"))


@lru_cache(maxsize=1)
def name_heads() -> frozenset[str]:
    """Normalised words (ثورة, مدينة, شارع ...) after which a day and month is a name."""
    return frozenset(norm_name(r[0]) for r in _rows("name_heads.tsv"))


@lru_cache(maxsize=1)
def meridiem() -> dict[str, str]:
    """Normalised ص/م word -> am or pm."""
    return {norm_name(r[0]): r[1] for r in _rows("meridiem.tsv")}


def alternation(names: Iterable[str]) -> str:
    """A regex alternation of ``names``, longest first; inner spaces match any run of spaces."""
    ordered = sorted(set(names), key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered)


def month_names(calendar: str) -> list[str]:
    return [n for n, (cal, _) in months().items() if cal == calendar]


def hijri_leap(year: int) -> bool:
    return (14 + 11 * year) % 30 < 11


def _hijri_jdn(year: int, month: int, day: int) -> int:
    return (day + (295 * (month - 1) + 9) // 10 + 354 * (year - 1) + (3 + 11 * year) // 30
            + _HIJRI_EPOCH_JDN - 1)


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """Convert a Hijri date with the tabular calendar; None when the date does not exist."""
    if not (1 <= month <= 12 and 1 <= day <= 30 and 1 <= year <= 9000):
        return None
    length = 30 if month % 2 == 1 or (month == 12 and hijri_leap(year)) else 29
    if day > length:
        return None
    return date.fromordinal(_hijri_jdn(year, month, day) - _ORDINAL_OFFSET)


def gregorian_to_hijri(day: date) -> tuple[int, int, int]:
    """The tabular Hijri (year, month, day) of a Gregorian date on or after 622-07-19."""
    jdn = day.toordinal() + _ORDINAL_OFFSET
    year = (30 * (jdn - _HIJRI_EPOCH_JDN) + 10646) // 10631
    while year > 1 and jdn < _hijri_jdn(year, 1, 1):
        year -= 1
    while jdn >= _hijri_jdn(year + 1, 1, 1):
        year += 1
    month = 12
    while month > 1 and jdn < _hijri_jdn(year, month, 1):
        month -= 1
    return year, month, jdn - _hijri_jdn(year, month, 1) + 1
