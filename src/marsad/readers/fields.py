"""Which field of a JSON record or CSV row fills which part of an Article.

Without a mapping, common names are recognised (the first one present with a value wins;
names match exactly, else ignoring case):

=============  =================================================================
``text``       text, content, body, article, story
``published``  published, date, pubDate, published_at, date_extracted
``title``      title, headline
``url``        url, link
``source``     source, outlet
``dateline``   dateline, author
``id``         id
``category``   category
``language``   language
=============  =================================================================

A mapping (``--field text=content --field published=date_extracted`` on the command line)
names the field for some of these; the others keep their common names. A mapped field is
used alone: when a record lacks it, the record has no such value (no text is a ReadError).

:class:`ReadOptions` carries the mapping, the date order for ambiguous numeric dates and
two callbacks through the readers: ``on_fields(description)`` with the mapping a file uses
(``text=content, published=date_extracted, ...``) and ``warn(message)`` with one line per
file whose records had dates that cannot be read (those records are still read, without a
publication date).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from marsad.core.errors import ConfigError
from marsad.core.types import Article, ReadError
from marsad.readers._dates import DATE_ORDERS, parse_published
from marsad.readers.base import Result, clean, content_id

TARGETS = ("text", "published", "title", "url", "source", "dateline", "id", "category", "language")
COMMON_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "story"),
    "published": ("published", "date", "pubDate", "published_at", "date_extracted"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "source": ("source", "outlet"),
    "dateline": ("dateline", "author"),
    "id": ("id",),
    "category": ("category",),
    "language": ("language",),
}


_NAMES = frozenset(TARGETS)  # an input field named like an article field never goes to meta


def parse_field_option(spec: str) -> tuple[str, str]:
    """``"text=content"`` -> ``("text", "content")``; a ConfigError naming the choices otherwise."""
    target, sep, name = spec.partition("=")
    target, name = target.strip(), name.strip()
    if not sep or not target or not name:
        raise ConfigError(f"give ARTICLE=INPUT such as text=content, not {spec!r}")
    if target not in TARGETS:
        raise ConfigError(f"{target!r} (in {spec!r}) is not an article field; choose one of: {', '.join(TARGETS)}")
    return target, name


def check_mapping(mapping: Mapping[str, str] | Iterable[str] | None) -> dict[str, str]:
    """A mapping as a checked dict: from ``{"text": "content"}`` or ``["text=content", ...]``."""
    if mapping is None:
        return {}
    pairs = mapping.items() if isinstance(mapping, Mapping) else (parse_field_option(s) for s in mapping)
    out: dict[str, str] = {}
    for target, name in pairs:
        if target not in TARGETS:
            raise ConfigError(f"{target!r} is not an article field; choose one of: {', '.join(TARGETS)}")
        if not isinstance(name, str) or not name:
            raise ConfigError(f"the input field for {target!r} must be a non-empty name, not {name!r}")
        out[target] = name
    return out


@dataclass(frozen=True)
class ReadOptions:
    """What the field readers (JSON, JSON Lines, CSV) need besides the bytes."""

    mapping: Mapping[str, str] = field(default_factory=dict)  # target -> input field, as given
    date_order: str = "DMY"
    on_fields: Callable[[str], None] | None = None
    warn: Callable[[str], None] | None = None

    def __post_init__(self) -> None:
        if self.date_order not in DATE_ORDERS:
            raise ConfigError(f"unknown date order {self.date_order!r}; choose one of: {', '.join(DATE_ORDERS)}")

    def resolve(self, keys: Iterable[str]) -> dict[str, str]:
        """target -> the key of ``keys`` that fills it (targets with no key are left out)."""
        present = list(keys)
        lower: dict[str, str] = {}
        for k in present:
            lower.setdefault(k.lower(), k)
        exact = set(present)
        out: dict[str, str] = {}
        for target in TARGETS:
            names = (self.mapping[target],) if target in self.mapping else COMMON_NAMES[target]
            for name in names:
                key = name if name in exact else lower.get(name.lower())
                if key is not None:
                    out[target] = key
                    break
        return out

    def candidates(self, target: str) -> tuple[str, ...]:
        """The names looked for to fill ``target``."""
        return (self.mapping[target],) if target in self.mapping else COMMON_NAMES[target]

    def report(self, resolved: Mapping[str, str]) -> None:
        """Tell ``on_fields`` which fields a file uses."""
        if self.on_fields is not None:
            self.on_fields(describe_fields(resolved))


def describe_fields(resolved: Mapping[str, str]) -> str:
    """``text=content, published=date_extracted, title=title`` (text and published always named)."""
    parts = []
    for target in TARGETS:
        if target in resolved:
            parts.append(f"{target}={resolved[target]}")
        elif target in ("text", "published"):
            parts.append(f"{target}=(none)")
    return ", ".join(parts)


class DateCounter:
    """Counts one file's records whose date cannot be read, and warns once at the end."""

    def __init__(self, item: str, options: ReadOptions) -> None:
        self.item = item
        self.options = options
        self.unread = 0
        self.first: tuple[str, str] | None = None  # (field, value) of the first unread date

    def add(self, key: str, value: str) -> None:
        self.unread += 1
        if self.first is None:
            self.first = (key, value)

    def finish(self, records: int) -> None:
        if not self.unread or self.options.warn is None or self.first is None:
            return
        key, value = self.first
        shown = value if len(value) <= 40 else value[:37] + "..."
        self.options.warn(
            f"{self.item}: {self.unread} of {records} records have a date that cannot be read "
            f"(field {key!r}, e.g. {shown!r}); they are kept without a publication date "
            f"(numeric dates are read {self.options.date_order}, see --date-order)"
        )


def has_value(value: Any) -> bool:
    """Whether a field's value counts as given (not None, not blank text)."""
    return value is not None and not (isinstance(value, str) and not value.strip())


def _position(where: str) -> dict[str, int]:
    """``{"line": 3}`` for ``path line 3``, ``{"record": 2}`` for ``path record 2``."""
    parts = where.rsplit(" ", 2)
    return {parts[1]: int(parts[2])} if len(parts) == 3 and parts[2].isdigit() else {}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def article_from(record: dict[str, Any], fields: dict[str, str], where: str, origin: str,
                 options: ReadOptions, dates: DateCounter | None) -> Result:
    """The Article of one record (JSON object or CSV row) given the fields that fill it."""
    key = fields.get("text")
    text = record.get(key) if key is not None else None
    if not isinstance(text, str):
        if key is not None:
            return ReadError(where, f"the {key!r} field (the text) is not a string")
        empty = options.resolve(record)  # a text field that is there but empty
        if "text" in empty:
            return ReadError(where, f"empty: the {empty['text']!r} field has no text")
        names = ", ".join(repr(n) for n in options.candidates("text"))
        has = ", ".join(list(map(str, record))[:12]) or "no fields"
        how = "" if "text" in options.mapping else "; name it with --field text=FIELD"
        return ReadError(where, f"no text field ({names}) with a string value; the record has: {has}{how}")
    text = clean(text)
    if not text.strip():
        return ReadError(where, f"empty: the {key!r} field has no text")

    def get(target: str) -> str | None:
        name = fields.get(target)
        return _text(record.get(name)) if name is not None else None

    raw_date = get("published")
    published, precision = parse_published(raw_date, options.date_order)
    if published is None and raw_date and dates is not None:
        dates.add(fields["published"], raw_date)
    used = set(fields.values()) | _NAMES  # the article fields' own names never go to meta
    return Article(
        id=get("id") or content_id(origin, text),
        text=text,
        title=get("title"),
        published=published,
        published_precision=precision,
        source=get("source"),
        url=get("url"),
        language=get("language") or "ar",
        dateline=get("dateline"),
        category=get("category"),
        origin=origin,
        meta={k: v for k, v in record.items() if k not in used and k is not None} | _position(where),
    )
