"""Datelines, date expressions and the Hijri conversion."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.text.caltables import hijri_to_gregorian, months
from marsad.text.dates import find_dates, looks_like_dateline, parse_dateline
from marsad.text.sentences import split_sentences

SEED_PUB = datetime(2014, 5, 22, 19, 14)  # Thursday


# --- datelines ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("line", "value", "precision"),
    [
        ("الخميس، 22 مايو 2014 07:14 م", datetime(2014, 5, 22, 19, 14), "minute"),
        ("الخميس، ٢٢ مايو ٢٠١٤ ٠٧:١٤ ص", datetime(2014, 5, 22, 7, 14), "minute"),
        ("الخميس، 22 مايو 2014 12:05 ص", datetime(2014, 5, 22, 0, 5), "minute"),
        ("Sun, 15 Jul 2018 21:56:56 +0400",
         datetime(2018, 7, 15, 21, 56, 56, tzinfo=timezone(timedelta(hours=4))), "second"),
        ("Mon, 2 Apr 2018 08:00:00 GMT", datetime(2018, 4, 2, 8, 0, 0, tzinfo=UTC), "second"),
        ("2018-07-15", datetime(2018, 7, 15), "day"),
        ("2018-07-15T21:56:56Z", datetime(2018, 7, 15, 21, 56, 56, tzinfo=UTC), "second"),
        ("2018-07-15T21:56-03:30",
         datetime(2018, 7, 15, 21, 56, tzinfo=timezone(-timedelta(hours=3, minutes=30))), "minute"),
        ("٢٠١٨-٠٧-١٥", datetime(2018, 7, 15), "day"),
        ("الأربعاء 22 مارس/آذار 2017", datetime(2017, 3, 22), "day"),
        ("22 مارس (آذار) 2017", datetime(2017, 3, 22), "day"),
        ("الثلاثاء 3 نوفمبر تشرين الثاني 2015", datetime(2015, 11, 3), "day"),
        ("3 كانون الأول 2019 - 10:30", datetime(2019, 12, 3, 10, 30), "minute"),
        ("الجمعة 6 جويلية 2018", datetime(2018, 7, 6), "day"),
        ("22/05/2014 10:30", datetime(2014, 5, 22, 10, 30), "minute"),
        ("الخميس 22/5/14 - 10:30", datetime(2014, 5, 22, 10, 30), "minute"),
        ("آخر تحديث: الخميس، 22 مايو 2014 07:14 م", datetime(2014, 5, 22, 19, 14), "minute"),
        ("May 22, 2014 7:14 PM", datetime(2014, 5, 22, 19, 14), "minute"),
        ("الأحد 15 تموز 2018 - 21:56 بتوقيت غرينتش", datetime(2018, 7, 15, 21, 56, tzinfo=UTC), "minute"),
        ("آخر تحديث: الأحد 15 يوليو 2018 - 22:10 (مكة المكرمة)، 19:10 (غرينتش)",
         datetime(2018, 7, 15, 22, 10, tzinfo=timezone(timedelta(hours=3))), "minute"),
        ("22 مايو 2014 10:00 بتوقيت القاهرة", datetime(2014, 5, 22, 10, 0), "minute"),  # DST: left naive
        ("مارس 2017", datetime(2017, 3, 1), "month"),
        ("2014", datetime(2014, 1, 1), "year"),
        # tabular Hijri gives 23 May (a Friday); the named Thursday moves it to 22 May
        ("الخميس 23 رجب 1435 هـ", datetime(2014, 5, 22), "day"),
        ("23 رجب 1435 هـ الموافق 22 مايو 2014 م", datetime(2014, 5, 22), "day"),
    ],
)
def test_parse_dateline(line: str, value: datetime, precision: str) -> None:
    assert parse_dateline(line) == (value, precision)


@pytest.mark.parametrize(
    "line",
    ["", "hello", "الخميس", "الخميس، 32 مايو 2014", "25:00 22 مايو 2014", "2014-13-01",
     "07:14 م", "منظمة التعاون الإسلامى تبحث مع الأمم المتحدة سبل تعزيز التعاون الثنائى",
     "وقال الوزير في مؤتمر صحفي عقده في القاهرة يوم 22 مايو 2014 إن الحكومة ستواصل العمل"],
)
def test_parse_dateline_rejects(line: str) -> None:
    assert parse_dateline(line) == (None, None)


def test_looks_like_dateline() -> None:
    assert looks_like_dateline("الخميس، 22 مايو 2014 07:14 م")
    assert looks_like_dateline("Sun, 15 Jul 2018 21:56:56 +0400")
    assert not looks_like_dateline("مارس 2017")  # not precise enough to be a dateline
    assert not looks_like_dateline("منظمة التعاون الإسلامى تبحث مع الأمم المتحدة سبل تعزيز التعاون الثنائى")
    assert not looks_like_dateline("وانعقد الاجتماع في 22 مايو 2014 بحضور الوزراء والسفراء")


def test_seed_dateline_is_last_line(seed_text: str) -> None:
    lines = [ln for ln in seed_text.splitlines() if ln.strip()]
    assert looks_like_dateline(lines[-1])
    assert not any(looks_like_dateline(ln) for ln in lines[:-1])
    assert parse_dateline(lines[-1]) == (SEED_PUB, "minute")


# --- Hijri -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("hijri", "gregorian"),
    [((1, 1, 1), date(622, 7, 19)), ((1439, 10, 1), date(2018, 6, 15)), ((1445, 9, 1), date(2024, 3, 11)),
     ((1435, 9, 1), date(2014, 6, 29))],  # Umm al-Qura: 28 June; the tabular calendar is a day late
)
def test_hijri_to_gregorian(hijri: tuple[int, int, int], gregorian: date) -> None:
    assert hijri_to_gregorian(*hijri) == gregorian


@given(st.dates(min_value=date(622, 7, 19), max_value=date(2200, 12, 31)))
def test_hijri_roundtrip_property(day: date) -> None:
    from marsad.text.caltables import gregorian_to_hijri

    assert hijri_to_gregorian(*gregorian_to_hijri(day)) == day


def test_hijri_rejects_impossible_days() -> None:
    assert hijri_to_gregorian(1435, 2, 30) is None  # Safar has 29 days
    assert hijri_to_gregorian(1435, 13, 1) is None


# --- date expressions ----------------------------------------------------------------------

def _found(text: str, pub: datetime | None = SEED_PUB) -> list[tuple[str, date | None, str, str]]:
    return [(d.text, d.value, d.precision, d.kind) for d in find_dates(text, pub)]


def test_seed_golden(seed_text: str) -> None:
    sents = split_sentences(seed_text)
    dates = find_dates(seed_text, SEED_PUB)
    by_text = {d.text: d for d in dates}
    today = by_text['اليوم "الخميس"']
    assert (today.value, today.precision, today.kind) == (date(2014, 5, 22), "day", "relative")
    assert sents[4].start <= today.start < today.end <= sents[4].end
    year = by_text["عام 2012"]
    assert (year.value, year.precision) == (date(2012, 1, 1), "year")
    month = by_text["شهر يناير من هذا العام"]
    assert (month.value, month.precision) == (date(2014, 1, 1), "month")
    for d in dates:
        assert seed_text[d.start:d.end] == d.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل أمس الأربعاء", [("أمس الأربعاء", date(2014, 5, 21), "day", "relative")]),
        ("وصل اليوم الأربعاء", [("اليوم الأربعاء", date(2014, 5, 21), "day", "relative")]),  # stamped after midnight
        ("زارها أول أمس", [("أول أمس", date(2014, 5, 20), "day", "relative")]),
        ("ويصل غداً", [("غداً", date(2014, 5, 23), "day", "relative")]),
        ("وقال اليوم إنه", [("اليوم", date(2014, 5, 22), "day", "relative")]),
        ("التقى يوم الاثنين الماضي", [("يوم الاثنين الماضي", date(2014, 5, 19), "day", "weekday")]),
        ("وصل الخميس", [("الخميس", date(2014, 5, 22), "day", "weekday")]),
        ("الخميس الماضي", [("الخميس الماضي", date(2014, 5, 15), "day", "weekday")]),
        ("الأحد المقبل", [("الأحد المقبل", date(2014, 5, 25), "day", "weekday")]),
        ("مساء الجمعة", [("مساء الجمعة", date(2014, 5, 16), "day", "weekday")]),
        ("ومن المقرر أن يصل الرئيس السبت", [("السبت", date(2014, 5, 24), "day", "weekday")]),
        ("ومن المقرر أن يصل الرئيس الخميس", [("الخميس", date(2014, 5, 22), "day", "weekday")]),
        ("من المقرر ذلك. وصل الرئيس السبت", [("السبت", date(2014, 5, 17), "day", "weekday")]),
        ("وسيلتقي تشيلسي مع ليفربول السبت", [("السبت", date(2014, 5, 24), "day", "weekday")]),
        ("وقال إن السيارة وصلت السبت", [("السبت", date(2014, 5, 17), "day", "weekday")]),
        ("في 15 مارس الماضي", [("15 مارس الماضي", date(2014, 3, 15), "day", "absolute")]),
        ("في 15 يونيو المقبل", [("15 يونيو المقبل", date(2014, 6, 15), "day", "absolute")]),
        ("في ١٥ مَارِسَ الْمَاضِي", [("١٥ مَارِسَ الْمَاضِي", date(2014, 3, 15), "day", "absolute")]),
        ("في 15 مارس 2012", [("15 مارس 2012", date(2012, 3, 15), "day", "absolute")]),
        ("في 3 نوفمبر تشرين الثاني 2015", [("3 نوفمبر تشرين الثاني 2015", date(2015, 11, 3), "day", "absolute")]),
        ("بتاريخ 22/05/2014", [("22/05/2014", date(2014, 5, 22), "day", "absolute")]),
        ("في مارس/آذار 2017", [("مارس/آذار 2017", date(2017, 3, 1), "month", "month")]),
        ("في ديسمبر/كانون الأول عام 2019", [("ديسمبر/كانون الأول عام 2019", date(2019, 12, 1), "month", "month")]),
        ("يناير الماضي", [("يناير الماضي", date(2014, 1, 1), "month", "month")]),
        ("مايو الماضي", [("مايو الماضي", date(2013, 5, 1), "month", "month")]),
        ("لشهر يوليو", [("شهر يوليو", date(2014, 7, 1), "month", "month")]),
        ("في عام 2012", [("عام 2012", date(2012, 1, 1), "year", "year")]),
        ("وفي 2012،", [("2012", date(2012, 1, 1), "year", "year")]),
        ("العام الماضي", [("العام الماضي", date(2013, 1, 1), "year", "relative")]),
        ("السنة المقبلة", [("السنة المقبلة", date(2015, 1, 1), "year", "relative")]),
        ("منذ عامين", [("منذ عامين", date(2012, 1, 1), "year", "relative")]),
        ("قبل ثلاثة أشهر", [("قبل ثلاثة أشهر", date(2014, 2, 1), "month", "relative")]),
        ("قبل 5 أيام", [("قبل 5 أيام", date(2014, 5, 17), "day", "relative")]),
        ("الشهر الماضي", [("الشهر الماضي", date(2014, 4, 1), "month", "relative")]),
        # weeks: the month holding that week's Thursday (15 May 2014 for last week)
        ("الأسبوع الماضي", [("الأسبوع الماضي", date(2014, 5, 1), "month", "relative")]),
        ("في 23 رجب 1435 هـ", [("23 رجب 1435 هـ", date(2014, 5, 23), "day", "absolute")]),
        ("في الأول من مايو 2018", [("الأول من مايو 2018", date(2018, 5, 1), "day", "absolute")]),
        ("في الحادي والعشرين من مارس الماضي",
         [("الحادي والعشرين من مارس الماضي", date(2014, 3, 21), "day", "absolute")]),
        ("في العاشر من رمضان 1439 هـ", [("العاشر من رمضان 1439 هـ", date(2018, 5, 25), "day", "absolute")]),
        ("في الـ15 من مايو", [("15 من مايو", date(2014, 5, 15), "day", "absolute")]),
        ("في الفترة من 21 إلى 27 أبريل الماضي", [("21", date(2014, 4, 21), "day", "absolute"),
                                                ("27 أبريل الماضي", date(2014, 4, 27), "day", "absolute")]),
        ("من 20 إلى 27 مايو الماضي", [("20", date(2013, 5, 20), "day", "absolute"),  # 27 May 2014 is after
                                      ("27 مايو الماضي", date(2013, 5, 27), "day", "absolute")]),
        ("بين 3 و5 مارس 2012", [("3", date(2012, 3, 3), "day", "absolute"),
                                ("5 مارس 2012", date(2012, 3, 5), "day", "absolute")]),
        ("في العاشر من رمضان", [("العاشر من رمضان", date(2014, 7, 8), "day", "absolute")]),
        ("في 3 من صفر", [("3 من صفر", date(2013, 12, 7), "day", "absolute")]),
        ("في 15 من الشهر الجاري", [("15 من الشهر الجاري", date(2014, 5, 15), "day", "relative")]),
        ("الأول من الشهر المقبل", [("الأول من الشهر المقبل", date(2014, 6, 1), "day", "relative")]),
    ],
)
def test_find_dates(text: str, expected: list[tuple[str, date | None, str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    ["اليوم العالمي للمرأة", "صحيفة اليوم السابع", "في نفس اليوم", "صلاة الجمعة", "الأحد عشر لاعبا",
     "في 2000 مدينة", "منذ سنوات", "قبل شهر رمضان", "قبل أسبوع من الانتخابات", "مارس الضغط",
     "زار بغداد", "في المستقبل", "عام 1435 هـ", "الأول من نوعه", "15 من الشهر", "على مدار اليوم", "طوال اليوم",
     "فاز الأهلي 3 صفر", "منذ ثورة 25 يناير", "في مدينة 6 أكتوبر", "لمدينة العاشر من رمضان",
     "قوى 14 آذار"],
)
def test_find_dates_rejects(text: str) -> None:
    assert _found(text) == []


def test_relative_without_publication_has_no_value() -> None:
    found = _found("وصل أمس، وفي 15 مارس الماضي، وفي عام 2012", pub=None)
    assert found == [
        ("أمس", None, "day", "relative"),
        ("15 مارس الماضي", None, "day", "absolute"),
        ("عام 2012", date(2012, 1, 1), "year", "year"),
    ]


def test_offsets_survive_diacritics_and_tatweel() -> None:
    text = "وَصَلَ الوزيرُ أَمْـــسِ إلى القاهرة في ١٥ مـارس ٢٠١٢."
    (d1, d2) = find_dates(text, SEED_PUB)
    assert text[d1.start:d1.end] == "أَمْـــسِ" and d1.value == date(2014, 5, 21)
    assert text[d2.start:d2.end] == "١٥ مـارس ٢٠١٢" and d2.value == date(2012, 3, 15)


# --- properties ----------------------------------------------------------------------------

_WORDS = st.sampled_from(
    ["اليوم", "أمس", "الخميس", "يوم", "الماضي", "المقبل", "عام", "منذ", "عامين", "شهر", "مارس", "آذار",
     "/", "15", "٢٠١٢", "2014", "رجب", "1435", "هـ", "في", "و", "،", ".", '"', "ـ", "\u064e", "بغداد",
     "الأسبوع", "قبل", "3", "أيام", "ثلاثة", "ﻻ", "ﷲ", "الأول", "من", "\u200f", "İ"]
)


@given(st.lists(_WORDS, max_size=20).map(" ".join), st.datetimes(min_value=datetime(1900, 1, 1),
                                                               max_value=datetime(2100, 1, 1)))
def test_find_dates_offsets_property(text: str, pub: datetime) -> None:
    prev = -1
    for d in find_dates(text, pub):
        assert 0 <= d.start < d.end <= len(text) and text[d.start:d.end] == d.text
        assert d.start >= prev
        prev = d.end
        assert d.precision in ("day", "month", "year")


@given(st.text(max_size=80))
def test_parse_dateline_never_raises(s: str) -> None:
    value, precision = parse_dateline(s)
    assert (value is None) == (precision is None)
    for d in find_dates(s, None):
        assert s[d.start:d.end] == d.text


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
       st.sampled_from(sorted(n for n, (cal, _) in months().items() if cal == "gregorian")))
def test_dateline_roundtrip_property(day: date, name: str) -> None:
    month = months()[name][1]
    try:
        expected = day.replace(month=month)
    except ValueError:
        return
    assert parse_dateline(f"{expected.day} {name} {expected.year}") == (
        datetime(expected.year, expected.month, expected.day), "day")


@pytest.mark.slow
def test_every_ant_timestamp_parses(ant_path: Path) -> None:
    """All 31,525 ANT <TIME> values parse to aware datetimes with precision second."""
    import re
    import tarfile

    stamp = re.compile(r"<TIME>(.*?)</TIME>", re.S)
    count = 0
    with tarfile.open(ant_path, "r|gz") as tar:
        for member in tar:
            f = tar.extractfile(member) if member.isfile() and member.name.endswith(".txt") else None
            m = stamp.search(f.read().decode("utf-8", "replace")) if f else None
            if m:
                value, precision = parse_dateline(m.group(1).strip())
                assert value is not None and value.tzinfo is not None and precision == "second", m.group(1)
                count += 1
    assert count == 31525


def test_partial_dates_resolve_backwards_unless_future() -> None:
    """A day and month without a year is news of the past (27 يناير in an August article is last
    January), unless a future cue precedes it or it falls in the coming month (a schedule)."""
    pub = datetime(2018, 8, 15)

    def first(text: str) -> date | None:
        found = find_dates(text, pub)
        return found[0].value if found else None

    assert first("قتل 20 شخصا في غارة في 27 يناير") == date(2018, 1, 27)
    assert first("وستعقد القمة في 27 يناير") == date(2019, 1, 27)
    assert first("تعقد القمة في 20 أغسطس") == date(2018, 8, 20)
    assert first("وزار الرئيس بكين في شهر ديسمبر") == date(2017, 12, 1)


@pytest.mark.parametrize(("text", "year"), [
    ("بدأت الحملة الفرنسية على مصر عام 1798 بقيادة بونابرت", 1798),  # before 1800, no marker needed
    ("اغتيل كليبر في القاهرة عام 1800م", 1800),
    ("في عصر الإمبراطور دقلديانوس عام 284 ميلاديا", 284),  # three digits: a marker is needed
    ("تأسست المدينة عام 1436م", 1436),  # 1300-1499: Gregorian only with a marker
    ("صدر القرار عام 1436 هـ", None),  # Hijri
    ("في موسم حج عام 1436", None),  # may be Hijri: not read
    ("بلغ عدد الحجاج عام 500 ألف", None),  # a number, not a year
])
def test_older_years_and_gregorian_markers(text: str, year: int | None) -> None:
    years = [d.value.year for d in find_dates(text, datetime(2018, 6, 13)) if d.precision == "year"]
    assert years == ([year] if year else [])
