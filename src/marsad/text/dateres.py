"""Resolvers for the date patterns of :mod:`marsad.text.dates`.

Each resolver takes the regex match (on normalised text) and the publication date, and
returns ``(value, precision, kind)``, or None when the match is not a date after all (an
impossible day, a common word that only looks like a weekday, "اليوم العالمي").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from marsad.text.caltables import (
    future_cues,
    gregorian_to_hijri,
    hijri_to_gregorian,
    markers,
    months,
    name_heads,
    number_words,
    ordinals,
    relative_days,
    units,
    weekdays,
)

Resolved = tuple[date | None, str, str] | None

# Numeric dates: day/month/year (day first, as Arab outlets print them) or year-month-day,
# with one separator / . - used twice; not inside a longer run of digits and separators.
NUMERIC = (
    r"(?<![\d.,/\-])(?:(?P<d>\d{1,2})(?P<s>[/.\-])(?P<mo>\d{1,2})(?P=s)(?P<y>(?:19|20)\d\d)"
    r"|(?P<y2>(?:19|20)\d\d)(?P<s2>[/.\-])(?P<mo2>\d{1,2})(?P=s2)(?P<d2>\d{1,2}))(?!\d|[/.\-]\d)"
)
# نفس اليوم "the same day", ذلك اليوم "that day", (مثل) هذا اليوم, (على) مدار اليوم "all day long"
_NOT_TODAY_BEFORE = ("نفس", "ذات", "ذلك", "لذلك", "هذا", "مدار", "طوال", "مدي")
_DIRECTION = {"past": -1, "current": 0, "future": 1}


def _key(s: str | None) -> str:
    return " ".join((s or "").split())


def _month(m: re.Match[str]) -> int:
    return months()[_key(m["m"])][1]


def _day_number(m: re.Match[str]) -> int:
    """The day of the month: digits (15) or an ordinal (الخامس عشر)."""
    return int(m["d"]) if m["d"] else ordinals()[_key(m["o"])]


def _day(y: int, mo: int, d: int) -> date | None:
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def shift_month(pub: date, k: int) -> date:
    total = pub.year * 12 + pub.month - 1 + k
    return date(total // 12, total % 12 + 1, 1)


def week_month(pub: date, k: int) -> date:
    """The month holding the Thursday of the week ``k`` weeks from the one of ``pub``."""
    thursday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=k, days=3)
    return date(thursday.year, thursday.month, 1)


def full(m: re.Match[str], pub: date | None) -> Resolved:
    value = _day(int(m["y"]), _month(m), _day_number(m))
    return (value, "day", "absolute") if value else None


def hijri(m: re.Match[str], pub: date | None) -> Resolved:
    value = hijri_to_gregorian(int(m["y"]), _month(m), _day_number(m))
    return (value, "day", "absolute") if value else None


def hijri_day_month(m: re.Match[str], pub: date | None) -> Resolved:
    """``العاشر من رمضان``: the Hijri year nearest to publication (صفر needs من or شهر)."""
    month, day = _month(m), _day_number(m)
    if (month == 2 and not m["of"]) or _names_something(m):
        return None  # "فاز 3 صفر": a score; "مدينة العاشر من رمضان": a town
    if not 1 <= day <= 30:
        return None
    if pub is None:
        return None, "day", "absolute"
    year = gregorian_to_hijri(pub)[0]
    candidates = [c for c in (hijri_to_gregorian(year + k, month, day) for k in (-1, 0, 1)) if c]
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs((c - pub).days)), "day", "absolute"


def numeric(m: re.Match[str], pub: date | None) -> Resolved:
    if m["y"]:
        value = _day(int(m["y"]), int(m["mo"]), int(m["d"]))
    else:
        value = _day(int(m["y2"]), int(m["mo2"]), int(m["d2"]))
    return (value, "day", "absolute") if value else None


def day_month(m: re.Match[str], pub: date | None) -> Resolved:
    """``15 مارس [الماضي|المقبل]``: the year comes from the publication date."""
    month, day = _month(m), _day_number(m)
    if _day(2000, month, day) is None or _names_something(m):  # 2000 is a leap year
        return None
    if pub is None:
        return None, "day", "absolute"
    direction = markers().get(_key(m["mk"]), "nearest")
    if direction == "nearest" and not _future_cue_before(m):
        direction = "recent"
    return _in_year_near(pub, month, day, direction), "day", "absolute"


def _names_something(m: re.Match[str]) -> bool:
    """Whether the word before the match makes it a name: "ثورة 25 يناير", "لمدينة 6 أكتوبر"."""
    before = m.string[max(0, m.start() - 16): m.start()].split()
    if not before:
        return False
    word = before[-1]
    return word in name_heads() or (word[0] in "وفبل" and word[1:] in name_heads())


#: A date without a year and without a future cue is news of the past, unless it falls this soon
#: after publication (a schedule: "the summit on 20 August" in a 15 August article).
SOON_DAYS = 31


def _in_year_near(pub: date, month: int, day: int, direction: str) -> date:
    """The date of ``day`` ``month`` in the year before, of or after ``pub``: on or before it
    (past), on or after it (future), the last one before it unless one falls within
    :data:`SOON_DAYS` after it (recent), or the nearest."""
    candidates = [_day(pub.year + k, month, day) for k in (-1, 0, 1)]
    valid = [c for c in candidates if c is not None]
    if direction == "recent":
        soon = [c for c in valid if pub < c <= pub + timedelta(days=SOON_DAYS)]
        return soon[0] if soon else max([c for c in valid if c <= pub] or valid)
    if direction == "past":
        return max([c for c in valid if c <= pub] or valid)
    if direction == "future":
        return min([c for c in valid if c >= pub] or valid)
    return min(valid, key=lambda c: abs((c - pub).days))


def range_start(m: re.Match[str], pub: date | None) -> Resolved:
    """The first day of ``من 21 إلى 27 مايو [2018|الماضي]``: the month and year of the last."""
    month, first, last = _month(m), int(m["d"]), int(m["d2"])
    if not 1 <= first <= last <= 31 or (not m["y"] and _names_something(m)):
        return None
    if m["y"]:
        value = _day(int(m["y"]), month, first)
        return (value, "day", "absolute") if value else None
    if pub is None:
        return None, "day", "absolute"
    end = _in_year_near(pub, month, last, markers().get(_key(m["mk"]), "nearest"))
    value = _day(end.year, month, first)
    return (value, "day", "absolute") if value else None


def day_of_month(m: re.Match[str], pub: date | None) -> Resolved:
    """``15 من الشهر الجاري``, ``الأول من الشهر المقبل``, ``10 من هذا الشهر``."""
    if not (m["this"] or m["mk"]):
        return None
    day = _day_number(m)
    if not 1 <= day <= 31:
        return None
    if pub is None:
        return None, "day", "relative"
    step = 0 if m["this"] else _DIRECTION[markers()[_key(m["mk"])]]
    first = shift_month(pub, step)
    value = _day(first.year, first.month, day)
    return (value, "day", "relative") if value else None


def month_year(m: re.Match[str], pub: date | None) -> Resolved:
    return date(int(m["y"]), _month(m), 1), "month", "month"


def hijri_month(m: re.Match[str], pub: date | None) -> Resolved:
    """A Hijri month and year: the Gregorian month holding its 15th day."""
    mid = hijri_to_gregorian(int(m["y"]), _month(m), 15)
    return (date(mid.year, mid.month, 1), "month", "month") if mid else None


def month_rel(m: re.Match[str], pub: date | None) -> Resolved:
    """``يناير الماضي``, ``شهر يناير من هذا العام``, ``شهر يناير``."""
    if not (m["mk"] or m["yr"] or m["sh"]):
        return None  # a bare month name (مارس is also a verb)
    if pub is None:
        return None, "month", "month"
    month = _month(m)
    if m["yr"]:
        words = _key(m["yr"]).split()
        step = 0 if words[0] in ("هذا", "هذه") else _DIRECTION[markers()[words[-1]]]
        return date(pub.year + step, month, 1), "month", "month"
    direction = markers().get(_key(m["mk"]), "nearest")
    if direction == "past":
        year = pub.year if month < pub.month else pub.year - 1
    elif direction == "future":
        year = pub.year if month > pub.month else pub.year + 1
    elif direction == "current":
        year = pub.year
    elif _future_cue_before(m):
        diff = month - pub.month
        year = pub.year - (diff > 6) + (diff < -6)
    else:  # no marker and no future cue: up to two months ahead (a schedule), else the last one
        ahead = (month - pub.month) % 12
        year = pub.year + (pub.month + ahead > 12) if ahead <= 2 else pub.year - (month > pub.month)
    return date(year, month, 1), "month", "month"


def year(m: re.Match[str], pub: date | None) -> Resolved:
    y = int(m["y"])
    after = m.string[m.end(): m.end() + 12].lstrip()
    if y > 2100 or after.startswith("ه"):  # 1435 هـ is a Hijri year
        return None
    if (y < 1000 or 1300 <= y < 1500) and not _GREGORIAN.match(after):
        return None  # عام 1436 may be Hijri, عام 284 a number: such a year needs م or ميلادي
    return date(y, 1, 1), "year", "year"


_GREGORIAN = re.compile(r"(?:م(?![\w])|ميلادي|للميلاد)")  # عام 1798م, عام 284 ميلاديا


def period(m: re.Match[str], pub: date | None) -> Resolved:
    """``العام الماضي``, ``هذا الشهر``, ``الأسبوع المقبل``."""
    if m["this"]:
        step = 0
    elif m["mk"]:
        step = _DIRECTION[markers()[_key(m["mk"])]]
    else:
        return None
    unit = {"العام": "year", "السنه": "year", "الشهر": "month", "الاسبوع": "week"}[m["u"]]
    return _ago(unit, -step, pub)


def ago(m: re.Match[str], pub: date | None) -> Resolved:
    """``منذ عامين``, ``قبل ثلاثة أشهر``, ``منذ 5 أيام``."""
    unit, count = units()[_key(m["u"])]
    n = _number(m["n"]) if m["n"] else count
    if n <= 0 or n > 200:
        return None  # "منذ سنوات": no number
    return _ago(unit, n, pub)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else number_words()[_key(word)]


def _ago(unit: str, n: int, pub: date | None) -> Resolved:
    """The date ``n`` units before ``pub`` (after, for negative ``n``), at the unit's precision."""
    precision = {"year": "year", "month": "month", "week": "month", "day": "day"}[unit]
    if pub is None:
        return None, precision, "relative"
    if unit == "year":
        return date(pub.year - n, 1, 1), precision, "relative"
    if unit == "month":
        return shift_month(pub, -n), precision, "relative"
    if unit == "week":
        return week_month(pub, -n), precision, "relative"
    return pub - timedelta(days=n), precision, "relative"


def rel_day(m: re.Match[str], pub: date | None) -> Resolved:
    """``اليوم``, ``اليوم "الخميس"``, ``أمس``, ``أول أمس``, ``غدا``; a named weekday wins over
    the publication date when they disagree by up to two days."""
    rel = _key(m["rel"])
    if rel == "اليوم" and not m["wd"] and _not_today(m):
        return None
    if pub is None:
        return None, "day", "relative"
    value = pub + timedelta(days=relative_days()[rel])
    if m["wd"]:
        value = _onto_weekday(value, weekdays()[_key(m["wd"])][0])
    return value, "day", "relative"


def _onto_weekday(day: date, wd: int) -> date:
    """Move ``day`` by up to two days onto the weekday the text names ("اليوم الأربعاء" in an
    article stamped just after midnight on Thursday means Wednesday)."""
    for shift in (0, -1, 1, -2, 2):
        moved = day + timedelta(days=shift)
        if moved.weekday() == wd:
            return moved
    return day


def _not_today(m: re.Match[str]) -> bool:
    """اليوم before another ال-word (اليوم العالمي, اليوم السابع) or after نفس/ذات/ذلك."""
    following = m.string[m.end(): m.end() + 12].split()
    if following and following[0].startswith("ال"):
        return True
    preceding = m.string[max(0, m.start() - 8): m.start()].split()
    return bool(preceding) and preceding[-1] in _NOT_TODAY_BEFORE


def _future_cue_before(m: re.Match[str]) -> bool:
    """A future cue within 60 characters before, in the same sentence: a word of
    ``future_cues.tsv`` (من المقرر, سوف) or a verb with the future prefix س (سيلعب, ستعقد)."""
    before = m.string[max(0, m.start() - 60): m.start()]
    before = before[max(before.rfind("."), before.rfind("\n"), before.rfind("?"), before.rfind(",")) + 1:]
    cues = future_cues()
    return any(w in cues or (w[:1] in "وف" and w[1:] in cues) or _future_verb(w) for w in before.split())


def _future_verb(word: str) -> bool:
    """س + an imperfect verb (ي ت ن ا) whose form without س is a common word (wordfreq):
    سيلعب, ستعقد; not سيارة, سياسة, ستين, سنوات."""
    if word[:1] in "وف" and len(word) > 5:
        word = word[1:]
    if len(word) < 5 or word[0] != "\u0633" or word[1] not in "\u064a\u062a\u0646\u0627":  # س; ي ت ن ا
        return False  # four letters: names (سالم, سامي) and nouns (سيدي); the verbs are listed
    return _zipf(word[1:]) >= 4.0 and _zipf(word[1:]) + 1.0 >= _zipf(word)


def _zipf(word: str) -> float:
    from marsad.text.morph import zipf

    return zipf(word)


def weekday(m: re.Match[str], pub: date | None) -> Resolved:
    """``يوم الاثنين``, ``الخميس الماضي``, ``مساء الجمعة المقبلة``."""
    wd, bare = weekdays()[_key(m["wd"])]
    if not (bare or m["pre"] or m["mk"]):
        return None
    if pub is None:
        return None, "day", "weekday"
    direction = markers().get(_key(m["mk"]), "nearest")
    if direction == "nearest" and _future_cue_before(m):
        direction = "soon"
    back = (pub.weekday() - wd) % 7
    if direction == "soon":
        return pub + timedelta(days=(wd - pub.weekday()) % 7), "day", "weekday"
    if direction == "future":
        return pub + timedelta(days=(wd - pub.weekday()) % 7 or 7), "day", "weekday"
    if direction == "past":
        back = back or 7
    return pub - timedelta(days=back), "day", "weekday"
