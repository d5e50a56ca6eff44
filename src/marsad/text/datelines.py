"""Datelines and timestamps as outlets print them.

``parse_dateline(s)`` reads, among others:

* Youm7's ``الخميس، 22 مايو 2014 07:14 م`` -> 2014-05-22 19:14, naive local time, "minute"
  (ص = AM, م = PM after a clock time; a م after a year is the era mark "AD" and ignored);
* RFC 2822 as in ANT, ``Sun, 15 Jul 2018 21:56:56 +0400`` -> aware datetime, "second";
* ISO 8601 (``2018-07-15``, ``2018-07-15T21:56:56+04:00``, ``...Z``);
* numeric ``22/05/2014`` (day first) and ``2014/05/22``;
* Arabic-Indic digits, Egyptian, Levantine and Maghrebi month names, doubled forms such as
  ``مارس/آذار``, ``مارس (آذار)`` and ``نوفمبر تشرين الثاني``, weekday names;
* Hijri dates (``23 رجب 1435 هـ``), converted with the tabular calendar of
  :mod:`marsad.text.caltables` (possibly a day or two off), then moved by up to two days onto
  the weekday the dateline names, if it names one; a Gregorian date in the same line wins
  over the Hijri one.

The result is ``(datetime, precision)`` with precision in second, minute, day, month, year, or
``(None, None)`` when the string is not a dateline. It never raises. A dateline may carry a
few other words ("آخر تحديث:", "بتوقيت غرينتش"); a line with more than four such words is
not a dateline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache

from marsad.text.caltables import (
    alternation,
    hijri_to_gregorian,
    meridiem,
    month_names,
    months,
    timezones,
    weekdays,
)
from marsad.text.normalize import normalize_text

_MAX_EXTRA_WORDS = 4  # words besides the date and time that a dateline may carry
_ISO = re.compile(
    r"(\d{4})-(\d{2})(?:-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
    r"\s*(z|[+-]\d{2}(?::?\d{2})?)?)?)?"
)
# Clock time h:mm[:ss]; the colon only, since a dot also separates dates (22.05.2014).
_TIME = r"(?<!\d)(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?!\d)"
# Offset such as +0400, +04:00, gmt+3; or a zone name from resources/calendar/timezones.tsv,
# maybe after بتوقيت or in brackets: "بتوقيت غرينتش", "(مكة المكرمة)", "gmt", "z".
_TZ = r"(?:\s*(?:gmt|utc|ut)?\s*(?P<tz>[+-]\d{{1,2}}(?::?\d{{2}})?)|\s*\(?\s*(?:بتوقيت\s+)?(?P<zone>{zones})(?!\w)\s*\)?)"
# Day first, as Arab outlets print it; a two-digit year (22/5/14) is 20xx below 70, else 19xx.
_NUM_DMY = re.compile(r"(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")
_NUM_YMD = re.compile(r"(?<!\d)(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
_WORD = re.compile(r"[^\W\d_]+")
_ERA = re.compile(r"(?<!\w)(?:م|ه|هـ|ق\.?م)(?!\w)")  # era marks: م (AD), ه/هـ (AH), ق.م (BC)


@dataclass(frozen=True, slots=True)
class _Found:
    """The parts of a dateline found so far."""

    year: int
    month: int = 0
    day: int = 0
    span: tuple[int, int] = (0, 0)
    hijri: bool = False


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    greg = alternation(month_names("gregorian"))
    hij = alternation(month_names("hijri"))
    doubled = rf"(?P<m>{greg})(?:\s*[/(\-]?\s*(?:{greg})(?:\s*\))?)?"
    mer = alternation(meridiem())
    return {
        "time": re.compile(rf"{_TIME}(?:\s*(?P<mer>{mer})(?!\w))?(?:{_TZ.format(zones=alternation(timezones()))})?"),
        "dmy": re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?{doubled}\s*,?\s*(?P<y>\d{{4}})(?!\d)"),
        "mdy": re.compile(rf"(?<!\w)(?P<m>{greg})\.?\s+(?P<d>\d{{1,2}})\s*,?\s+(?P<y>\d{{4}})(?!\d)"),
        "hijri": re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?:من\s+)?(?P<m>{hij})\s*,?\s*(?P<y>\d{{4}})(?!\d)"),
        "my": re.compile(rf"(?<!\w){doubled}\s*,?\s*(?P<y>\d{{4}})(?!\d)"),
        "weekday": re.compile(rf"(?<!\w)(?:{alternation(weekdays())})(?!\w)"),
    }


def parse_dateline(s: str) -> tuple[datetime | None, str | None]:
    """A dateline or timestamp -> (datetime, precision), or (None, None) if it is not one."""
    try:
        parsed = _parse(s)
    except (ValueError, OverflowError, TypeError):
        return None, None
    if parsed is None or parsed[2] > _MAX_EXTRA_WORDS:
        return None, None
    return parsed[0], parsed[1]


def looks_like_dateline(line: str) -> bool:
    """Whether ``line`` is a short line holding a full date and little else (a dateline)."""
    if not line or len(line) > 100:
        return False
    try:
        parsed = _parse(line)
    except (ValueError, OverflowError, TypeError):
        return False
    return parsed is not None and parsed[1] in ("day", "minute", "second") and parsed[2] <= 2


def _parse(s: str) -> tuple[datetime, str, int] | None:
    """(datetime, precision, number of other words) or None."""
    text = " ".join(normalize_text(s).split())
    if not text or len(text) > 300:
        return None
    iso = _ISO.fullmatch(text)
    if iso:
        return _from_iso(iso) + (0,)
    rest, clock = _take_time(text)
    found, rest = _take_date(rest)
    if found is None:
        return None
    if found.hijri:
        found = _fit_weekday(found, rest)
    extra = _count_extra_words(rest)
    if not found.day:
        if clock is not None:
            return None
        when = datetime(found.year, found.month or 1, 1)
        return when, ("month" if found.month else "year"), extra
    when = datetime(found.year, found.month, found.day)
    if clock is None:
        return when, "day", extra
    hour, minute, second, tz = clock
    when = when.replace(hour=hour, minute=minute, second=second or 0, tzinfo=tz)
    return when, ("minute" if second is None else "second"), extra


def _from_iso(m: re.Match[str]) -> tuple[datetime, str]:
    y, mo, d, h, mi, sec, tz = m.groups()
    if d is None:
        return datetime(int(y), int(mo), 1), "month"
    when = datetime(int(y), int(mo), int(d))
    if h is None:
        return when, "day"
    when = when.replace(hour=int(h), minute=int(mi), second=int(sec or 0), tzinfo=_offset(tz, None))
    return when, ("minute" if sec is None else "second")


def _offset(tz: str | None, zone: str | None) -> timezone | None:
    """The offset of ``+0400`` / ``-03:30`` / ``+3`` or of a zone name; None when neither."""
    if zone:
        minutes = timezones()[" ".join(zone.split())]
        return UTC if minutes == 0 else timezone(timedelta(minutes=minutes))
    if not tz:
        return None
    if tz == "z":
        return UTC
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    if hours > 14 or minutes > 59:
        raise ValueError(f"offset out of range: {tz}")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _take_time(text: str) -> tuple[str, tuple[int, int, int | None, timezone | None] | None]:
    """Remove every clock time (with ص/م and zone) from ``text``; return the first one that
    has a zone, else the first: "22:10 (مكة المكرمة)، 19:10 (غرينتش)" -> 22:10+03:00."""
    found = list(_patterns()["time"].finditer(text))
    if not found:
        return text, None
    m = next((f for f in found if f["tz"] or f["zone"]), found[0])
    hour, minute = int(m["h"]), int(m["mi"])
    second = int(m["s"]) if m["s"] is not None else None
    half = meridiem().get(m["mer"] or "")
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or (second or 0) > 59:
        raise ValueError(f"bad clock time: {m.group()}")
    for f in reversed(found):
        text = text[: f.start()] + " " + text[f.end():]
    return text, (hour, minute, second, _offset(m["tz"], m["zone"]))


def _take_date(text: str) -> tuple[_Found | None, str]:
    """Find the date (Gregorian before Hijri, fullest first) and remove every date from ``text``."""
    found: list[_Found] = []
    for name in ("dmy", "mdy", "numeric", "hijri", "my", "year"):
        hit = _find(name, text)
        if hit is not None:
            found.append(hit)
            a, b = hit.span
            text = text[:a] + " " + text[b:]
    if not found:
        return None, text
    return found[0], text  # the search order puts Gregorian and fuller dates first


def _find(name: str, text: str) -> _Found | None:
    if name == "numeric":
        return _find_numeric(text)
    if name == "year":
        m = _YEAR.search(text)
        return _Found(int(m.group(1)), span=m.span()) if m else None
    m = _patterns()[name].search(text)
    if m is None:
        return None
    _, month = months()[" ".join(m["m"].split())]
    if name == "my":
        return _Found(int(m["y"]), month, span=m.span())
    if name == "hijri":
        g = hijri_to_gregorian(int(m["y"]), month, int(m["d"]))
        return _Found(g.year, g.month, g.day, m.span(), hijri=True) if g else None
    return _Found(int(m["y"]), month, int(m["d"]), m.span())


def _fit_weekday(found: _Found, rest: str) -> _Found:
    """Move a tabular Hijri conversion (up to two days) onto the weekday the dateline names."""
    m = _patterns()["weekday"].search(rest)
    if m is None:
        return found
    want = weekdays()[" ".join(m.group().split())][0]
    day = date(found.year, found.month, found.day)
    for shift in (0, -1, 1, -2, 2):
        moved = day + timedelta(days=shift)
        if moved.weekday() == want:
            return _Found(moved.year, moved.month, moved.day, found.span, hijri=True)
    return found


def _find_numeric(text: str) -> _Found | None:
    m = _NUM_YMD.search(text)
    if m:
        return _Found(int(m.group(1)), int(m.group(2)), int(m.group(3)), m.span())
    m = _NUM_DMY.search(text)
    if m:
        year = int(m.group(4))
        if len(m.group(4)) == 2:
            year += 2000 if year < 70 else 1900
        return _Found(year, int(m.group(3)), int(m.group(1)), m.span())
    return None


def _count_extra_words(rest: str) -> int:
    """Words left besides weekday names and era marks."""
    rest = _patterns()["weekday"].sub(" ", rest)
    rest = _ERA.sub(" ", rest)
    return len(_WORD.findall(rest))
