"""Publication dates for the readers.

Uses ``marsad.text.dates.parse_dateline`` / ``looks_like_dateline`` when the text layer provides
them; until then (or if they decline a value) a small fallback reads RFC 2822, ISO 8601 and the
Arabic layout ``الخميس، 22 مايو 2014 07:14 م``. Values are returned as (datetime, precision);
the datetime is naive when the source gives no time zone (local time of the outlet).
"""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")  # U+0660-0669, U+06F0-06F9
_PM = ("م", "مساء", "مساءً", "pm", "PM")  # م = U+0645
_AM = ("ص", "صباحا", "صباحاً", "am", "AM")  # ص = U+0635
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    text = resources.files("marsad.ingest").joinpath("dateline_months.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {name: int(num) for name, num in rows}


@lru_cache(maxsize=1)
def _arabic_pattern() -> re.Pattern[str]:
    names = "|".join(sorted(map(re.escape, _months()), key=len, reverse=True))
    return re.compile(
        r"(?P<d>\d{1,2})\s*(?:/|-|\s)\s*(?P<m>" + names + r")\s*(?:/|-|\s)\s*(?P<y>\d{4})"
        r"(?:\s*[-–,،]?\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ap>[^\s\d]+)?)?"
    )


@lru_cache(maxsize=1)
def _text_dates() -> Any:
    try:
        from ..text import dates  # the text layer's parser, when it exists
    except ImportError:
        return None
    return dates


def _adapt(value: Any) -> tuple[datetime | None, str | None]:
    """Turn whatever the text layer returns into (datetime, precision)."""
    if value is None:
        return None, None
    if isinstance(value, tuple) and len(value) >= 2:
        dt, precision = value[0], value[1]
    else:
        dt = getattr(value, "value", value)
        precision = getattr(value, "precision", None)
    if isinstance(dt, date) and not isinstance(dt, datetime):
        dt = datetime(dt.year, dt.month, dt.day)
        precision = precision or "day"
    if not isinstance(dt, datetime):
        return None, None
    return dt, (precision if isinstance(precision, str) else "second")


def parse_published(value: str | None) -> tuple[datetime | None, str | None]:
    """(datetime, precision) of a publication date or dateline, or (None, None)."""
    if not value or not value.strip():
        return None, None
    value = value.strip()
    mod = _text_dates()
    fn = getattr(mod, "parse_dateline", None) if mod else None
    if fn is not None:
        try:
            dt, precision = _adapt(fn(value))
        except Exception:  # a helper's bug must not stop reading; fall back below
            dt, precision = None, None
        if dt is not None:
            return dt, precision
    return _fallback(value)


def looks_like_dateline(line: str) -> bool:
    """Whether a short line is a dateline such as ``الخميس، 22 مايو 2014 07:14 م``."""
    line = line.strip()
    if not line or len(line) > 80:
        return False
    mod = _text_dates()
    fn = getattr(mod, "looks_like_dateline", None) if mod else None
    if fn is not None:
        try:
            return bool(fn(line))
        except Exception:
            pass
    return _fallback(line)[0] is not None and len(line.split()) <= 10


def _fallback(value: str) -> tuple[datetime | None, str | None]:
    text = value.translate(_DIGITS)
    if _ISO.match(text):
        return _iso(text)
    try:
        dt = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        dt = None
    if dt is not None:
        has_seconds = re.search(r"\d:\d\d:\d\d", text) is not None
        return dt, "second" if has_seconds else "minute"
    return _arabic(text)


def _iso(text: str) -> tuple[datetime | None, str | None]:
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None, None
    precision = "day" if len(text) <= 10 else ("minute" if text.count(":") == 1 else "second")
    return dt, precision


def _arabic(text: str) -> tuple[datetime | None, str | None]:
    m = _arabic_pattern().search(text)
    if not m:
        return None, None
    try:
        day = datetime(int(m["y"]), _months()[m["m"]], int(m["d"]))
    except ValueError:
        return None, None
    if m["H"] is None:
        return day, "day"
    hour, minute = int(m["H"]), int(m["M"])
    if m["ap"] in _PM and hour < 12:
        hour += 12
    elif m["ap"] in _AM and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return day, "day"
    second = int(m["S"]) if m["S"] else 0
    precision = "second" if m["S"] else "minute"
    return day + timedelta(hours=hour, minutes=minute, seconds=second), precision
