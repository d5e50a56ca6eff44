"""Publication dates for the readers, through the text layer's dateline parser.

``marsad.text.dates.parse_dateline`` reads RFC 2822 (ANT's ``<TIME>``), ISO 8601 and the
datelines outlets print (``الخميس، 22 مايو 2014 07:14 م``); the datetime is naive when the
source gives no time zone (local time of the outlet). This wrapper only guarantees that a
reader never fails because of a date: an unreadable date is simply no date.

The field readers (JSON, JSON Lines, CSV) pass a date order: an all-numeric date such as
``01/03/2020`` is read in that order, ``DMY`` (day first, as Arabic news writes it; the
default), ``MDY`` or ``YMD``. A date that one order cannot read and another can
(``13/03/2020`` is no MDY date) is read the way it can be; a four-digit year first
(``2020/03/01``) is always year-month-day.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from marsad.text.dates import looks_like_dateline as _looks_like_dateline
from marsad.text.dates import parse_dateline

DATE_ORDERS = ("DMY", "MDY", "YMD")
# d/m/y, m/d/y or y/m/d with the same separator twice; the year has two or four digits.
_NUMERIC = re.compile(r"(?<!\d)(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?!\d)")
_CLOCK_12 = re.compile(r"(?<!\d)(\d{1,2})(:\d{2}(?::\d{2})?)\s*([ap])\.?m\.?(?!\w)", re.I)


def parse_published(value: str | None, date_order: str | None = None) -> tuple[datetime | None, str | None]:
    """(datetime, precision) of a publication date or dateline, or (None, None).

    With ``date_order`` (one of :data:`DATE_ORDERS`), an ambiguous numeric date is read in
    that order and a 12-hour clock with AM/PM is read too; without it, as the dateline
    parser reads it (day first).
    """
    if not value or not value.strip():
        return None, None
    try:
        text = value.strip()
        if date_order is not None:
            text = _clock_24(_reorder(text, date_order))
        return parse_dateline(text)
    except Exception:  # a date must never stop a reader
        return None, None


def _year(digits: str) -> int | None:
    if len(digits) == 4:
        return int(digits)
    if len(digits) == 2:
        n = int(digits)
        return n + (2000 if n < 70 else 1900)
    return None


def _valid(y: int | None, m: str, d: str) -> str | None:
    if y is None:
        return None
    try:
        return date(y, int(m), int(d)).isoformat()
    except ValueError:
        return None


def _reorder(text: str, order: str) -> str:
    """``text`` with its first numeric date written as ISO ``YYYY-MM-DD``, read in ``order``."""
    m = _NUMERIC.search(text)
    if m is None:
        return text
    a, _, b, c = m.groups()
    if len(a) == 4:  # 2020/03/01: the year comes first whatever the order
        return text
    if len(a) > 2 or len(c) not in (2, 4):
        return text
    dmy, mdy = (_year(c), b, a), (_year(c), a, b)
    ymd = (_year(a), b, c) if len(c) == 2 else None
    first = {"DMY": dmy, "MDY": mdy, "YMD": ymd or dmy}[order]
    for y, month, day in (first, dmy, mdy, *((ymd,) if ymd else ())):
        iso = _valid(y, month, day)
        if iso:
            return text[: m.start()] + iso + text[m.end():]
    return text


def _clock_24(text: str) -> str:
    """``02:51 PM`` -> ``14:51`` (the dateline parser reads ص/م, not AM/PM)."""

    def fix(m: re.Match[str]) -> str:
        hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
        return f"{hour:02d}{m.group(2)}"

    return _CLOCK_12.sub(fix, text)


def looks_like_dateline(line: str) -> bool:
    """Whether a short line is a dateline such as ``الخميس، 22 مايو 2014 07:14 م``."""
    try:
        return bool(_looks_like_dateline(line.strip()))
    except Exception:
        return False
