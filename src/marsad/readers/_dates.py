"""Publication dates for the readers, through the text layer's dateline parser.

``marsad.text.dates.parse_dateline`` reads RFC 2822 (ANT's ``<TIME>``), ISO 8601 and the
datelines outlets print (``الخميس، 22 مايو 2014 07:14 م``); the datetime is naive when the
source gives no time zone (local time of the outlet). This wrapper only guarantees that a
reader never fails because of a date: an unreadable date is simply no date.
"""

from __future__ import annotations

from datetime import datetime

from marsad.text.dates import looks_like_dateline as _looks_like_dateline
from marsad.text.dates import parse_dateline


def parse_published(value: str | None) -> tuple[datetime | None, str | None]:
    """(datetime, precision) of a publication date or dateline, or (None, None)."""
    if not value or not value.strip():
        return None, None
    try:
        return parse_dateline(value.strip())
    except Exception:  # a date must never stop a reader
        return None, None


def looks_like_dateline(line: str) -> bool:
    """Whether a short line is a dateline such as ``الخميس، 22 مايو 2014 07:14 م``."""
    try:
        return bool(_looks_like_dateline(line.strip()))
    except Exception:
        return False
