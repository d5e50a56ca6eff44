"""One event filter for every face: the Python API, ``marsad export`` and the HTTP API.

>>> f = EventFilter.parse(source="sau", include="negated", min_confidence="0.3")
>>> f.source, sorted(f.include), f.min_confidence
('sau', ['negated'], 0.3)

:meth:`EventFilter.parse` turns what a user typed (strings from a URL or a command line, or
Python values) into a filter and refuses unknown names and malformed values with a
:class:`FilterError` that says which and why. :meth:`EventFilter.conditions` writes the SQL
conditions on ``events`` (or on ``event_mentions``: both tables share the event columns); this
module is the only place where a filter's SQL differs between SQLite and PostgreSQL (the text
search).

By default only events that count are selected: ``complete`` (the actors the type needs have a
country or IGO code) and ``asserted`` (not negated, hypothetical, future or historical).
``include`` brings the others back. The confidence floor is not the store's to choose: a face
passes it (``min_confidence``; ``None`` means no floor).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import String, and_, false, literal, literal_column, or_, select, text, true
from sqlalchemy.sql import ColumnElement

from marsad.core.errors import ConfigError
from marsad.store import schema

#: What ``include`` may name: each brings back the events that have that flag.
INCLUDE = ("negated", "hypothetical", "future", "historical", "incomplete")
MODALITY = INCLUDE[:4]
_ALIASES = {"since": "start", "until": "end", "article": "article_id", "type": "event_type"}
_CODE = re.compile(r"^[A-Za-z0-9:_.\-]{1,64}$")
_ACTOR = re.compile(r"^[^\x00,]{1,200}$")
_MAX_TEXT = 300


class FilterError(ConfigError):
    """A filter name or value that cannot be used; ``name`` is the filter."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters on events, all optional and combined with AND (``None``: no filter).

    ``source``, ``target``: an actor on that side, by CAMEO code prefix in any case (``sau``
    matches ``SAUGOV``) or by actor id; ``actor``: the same on either side; ``dyad``: (A, B),
    A acts on B; ``country``: the place's country or either actor code's prefix; ``cameo``: a
    code prefix; ``place``: a place name as stored; ``place_id``: ``gn:<geonameid>`` or
    ``name:<country>:<name>``; ``outlet``: an outlet (article source) that reported it;
    ``article_id``: an article that reported it; ``q``: full-text search of the articles;
    ``min_confidence``: the lowest confidence kept; ``include``: flags whose events are kept
    (by default only complete, asserted events); ``ids``: merged event ids.
    """

    start: date | None = None
    end: date | None = None
    source: str | None = None
    target: str | None = None
    actor: str | None = None
    dyad: tuple[str, str] | None = None
    country: str | None = None
    event_type: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    place: str | None = None
    place_id: str | None = None
    outlet: str | None = None
    article_id: str | None = None
    coder_version: str | None = None
    q: str | None = None
    min_confidence: float | None = None
    include: frozenset[str] = frozenset()
    ids: tuple[str, ...] | None = None

    # -- building ---------------------------------------------------------------------------
    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def parse(cls, values: Mapping[str, Any] | None = None, /, **kwargs: Any) -> EventFilter:
        """A filter from user input; ``None`` and empty strings mean "no filter".

        Accepts the field names and ``since``/``until`` (for ``start``/``end``), ``article`` (for
        ``article_id``) and ``type`` (for ``event_type``). Raises :class:`FilterError`.
        """
        raw = {**(values or {}), **kwargs}
        out: dict[str, Any] = {}
        known = set(cls.names())
        for key, value in raw.items():
            name = _ALIASES.get(key, key)
            if name not in known:
                raise FilterError(key, f"unknown filter; use one of: {', '.join(n for n in cls.names() if n != 'ids')}")
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if name in out:
                raise FilterError(key, f"given twice (as {name} too)")
            out[name] = _PARSERS.get(name, _text)(name, value)
        f = cls(**out)
        if f.start and f.end and f.start > f.end:
            raise FilterError("start", f"{f.start} is after end {f.end}")
        return f

    def with_defaults(self, min_confidence: float | None) -> EventFilter:
        """This filter with the face's confidence floor when it has none of its own."""
        if self.min_confidence is not None or min_confidence is None:
            return self
        return replace(self, min_confidence=float(min_confidence))

    def is_empty(self) -> bool:
        return self == EventFilter()

    # -- SQL ----------------------------------------------------------------------------------
    def conditions(self, dialect: str = "sqlite", table: Any = None) -> list[ColumnElement[bool]]:
        """WHERE conditions on ``table`` (``events``, or ``event_mentions``) for this filter."""
        t = schema.events if table is None else table
        c = t.c
        out: list[ColumnElement[bool]] = list(self.flag_conditions(t))
        if dialect == "sqlite" and not self.include and t is schema.events:
            # The default selection: read an actor, country or quad class filter from the one index
            # that holds them all with the selection (schema ix_events_counted_scan, a bounded walk)
            # rather than gather rows from an index per column (a lookup per candidate row: 0.5 s for
            # a common actor at a million events). `col || ''` keeps SQLite from the latter.
            c = _Unindexed(c, ("source_code", "target_code", "source_actor_id", "target_actor_id", "place_country"))
        if self.min_confidence:
            out.append(c.confidence >= self.min_confidence)
        if self.start:
            out.append(c.date >= self.start)
        if self.end:
            out.append(c.date <= self.end)
        if self.source:
            out.append(_side(c, "source", self.source))
        if self.target:
            out.append(_side(c, "target", self.target))
        if self.actor:
            out.append(or_(_side(c, "source", self.actor), _side(c, "target", self.actor)))
        if self.dyad:
            out.append(and_(_side(c, "source", self.dyad[0]), _side(c, "target", self.dyad[1])))
        if self.country:
            out.append(or_(c.place_country == self.country, prefix(c.source_code, self.country),
                           prefix(c.target_code, self.country)))
        if self.event_type:
            out.append(c.event_type == self.event_type)
        if self.cameo:
            out.append(prefix(c.cameo, self.cameo))
        if self.quad_class:
            out.append(c.quad_class == self.quad_class)
        if self.place:
            out.append(c.place_name == self.place)
        if self.place_id:
            out.append(_place_id(c, self.place_id))
        if self.coder_version:
            out.append(c.coder_version == self.coder_version)
        mentions = t.name == "event_mentions"
        if self.ids is not None:
            out.append((c.event_id if mentions else c.id).in_(list(self.ids)))
        m = schema.event_mentions.c
        if self.article_id:
            out.append(c.article_id == self.article_id if mentions
                       else c.id.in_(select(m.event_id).where(m.article_id == self.article_id)))
        if self.outlet:
            out.append(c.source == self.outlet if mentions
                       else c.id.in_(select(m.event_id).where(m.source == self.outlet)))
        if self.q and self.q.strip():
            out.append(text_condition(c.article_id, self.q, dialect))
        return out

    def flag_conditions(self, table: Any = None) -> list[ColumnElement[bool]]:
        """What ``include`` leaves out, written on the columns the aggregate indexes lead with."""
        c = (schema.events if table is None else table).c
        out: list[ColumnElement[bool]] = []
        if "incomplete" not in self.include:
            out.append(c.complete == true())
        left_out = [flag for flag in MODALITY if flag not in self.include]
        if len(left_out) == len(MODALITY):
            out.append(c.asserted == true())
        else:
            out += [c[flag] == false() for flag in left_out]
        return out

    def where(self, stmt: Any, dialect: str = "sqlite", table: Any = None) -> Any:
        conds = self.conditions(dialect, table)
        return stmt.where(*conds) if conds else stmt


class _Unindexed:
    """Columns of ``c``, those in ``names`` as expressions that no index serves (``col || ''``)."""

    def __init__(self, c: Any, names: tuple[str, ...]) -> None:
        self._c, self._names = c, names

    def __getattr__(self, name: str) -> Any:
        return self[name]

    def __getitem__(self, name: str) -> Any:
        col = self._c[name]
        return col.concat("") if name in self._names else col


def _tie(dialect: str) -> Any:
    """The tie-break of the newest-first order: the row id on SQLite (the date index holds it),
    the event id on PostgreSQL."""
    return literal_column("events.rowid") if dialect == "sqlite" else schema.events.c.id


def newest_first(dialect: str) -> list[Any]:
    """Newest first with a stable tie-break that the date index serves (SQLite keys it by rowid).
    Events without a date come last on SQLite, first on PostgreSQL (each database's own order of
    NULL in a descending sort, which lets it walk the date index)."""
    return [schema.events.c.date.desc(), _tie(dialect).desc()]


def page_key(dialect: str) -> Any:
    """The column that names a row in the newest-first order (what :func:`after_anchor` returns)."""
    return _tie(dialect)


def after_anchor(conn: Any, event_id: str) -> tuple[Any, Any] | None:
    """(date, tie-break) of the event ``event_id``: where a page that starts after it starts; None
    when there is no such event."""
    e = schema.events.c
    row = conn.execute(select(e.date, _tie(conn.dialect.name)).where(e.id == event_id)).first()
    return None if row is None else (row[0], row[1])


def after_segments(dialect: str, anchor: tuple[Any, Any]) -> list[ColumnElement[bool]]:
    """Conditions that select, in newest-first order, the events after ``anchor`` (keyset paging):
    one per stretch of that order that an index walks, to be read one after the other until the
    page is full (dated events, then undated ones on SQLite; the reverse on PostgreSQL)."""
    e = schema.events.c
    day, key = anchor
    tie = _tie(dialect)
    dated_after = and_(e.date <= day, or_(e.date < day, tie < key)) if day is not None else None
    undated_after = and_(e.date.is_(None), tie < key)
    if dialect == "sqlite":  # NULL sorts last in DESC
        return [dated_after, e.date.is_(None)] if dated_after is not None else [undated_after]
    # PostgreSQL: NULL sorts first in DESC
    return [dated_after] if dated_after is not None else [undated_after, e.date.is_not(None)]


def prefix(col: Any, value: str) -> ColumnElement[bool]:
    """``col`` starts with ``value``, written as a range so that an index serves it."""
    upper = value[:-1] + chr(ord(value[-1]) + 1)
    return and_(col >= value, col < upper)


def _side(c: Any, side: str, value: str) -> ColumnElement[bool]:
    """An actor on one side: code prefix (codes are upper case) or exact actor id."""
    return or_(prefix(c[f"{side}_code"], value.upper()), c[f"{side}_actor_id"] == value)


def _place_id(c: Any, value: str) -> ColumnElement[bool]:
    if value.startswith("gn:"):
        return c.place_geonameid == int(value[3:])
    _, country, name = value.split(":", 2)
    country_cond = c.place_country == country if country else c.place_country.is_(None)
    return and_(c.place_name == name, country_cond)


def text_condition(article_id: Any, q: str, dialect: str) -> ColumnElement[bool]:
    """Rows whose article matches the full-text query (FTS5 on SQLite, tsvector on PostgreSQL)."""
    from marsad.text.normalize import normalize_text

    if dialect == "postgresql":
        sub = text("SELECT article_id FROM article_search WHERE tsv @@ plainto_tsquery('simple', :fts)")
        return article_id.in_(sub.bindparams(fts=normalize_text(q)).columns(article_id=String))
    from marsad.store.sqlite import fts_query

    expr = fts_query(q)
    if not expr:
        return literal(True)
    sub = text("SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
               "WHERE articles_fts MATCH :fts")
    return article_id.in_(sub.bindparams(fts=expr).columns(id=String))


# -- parsing one value ----------------------------------------------------------------------------

def _str(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise FilterError(name, f"expected text, got {type(value).__name__}")
    value = value.strip()
    if "\x00" in value:
        raise FilterError(name, "must not contain NUL")
    if len(value) > _MAX_TEXT:
        raise FilterError(name, f"longer than {_MAX_TEXT} characters")
    return value


def _text(name: str, value: Any) -> str:
    return _str(name, value)


def _date(name: str, value: Any) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(_str(name, value))
    except ValueError:
        raise FilterError(name, f"bad date {value!r}; write it as YYYY-MM-DD") from None


def _actor(name: str, value: Any) -> str:
    value = _str(name, value)
    if not _ACTOR.match(value):
        raise FilterError(name, f"bad actor {value!r}; give a CAMEO code or its prefix (SAU, IGOUNO) or an actor id")
    return value


def _dyad(name: str, value: Any) -> tuple[str, str]:
    parts = [p.strip() for p in value.split(",")] if isinstance(value, str) else list(value)
    if len(parts) != 2 or not all(isinstance(p, str) and p.strip() for p in parts):
        raise FilterError(name, f"bad dyad {value!r}; give two actors separated by a comma: SAU,YEM (SAU acts on YEM)")
    return _actor(name, parts[0]), _actor(name, parts[1])


def _country(name: str, value: Any) -> str:
    value = _str(name, value)
    if not re.fullmatch(r"[A-Za-z]{2,3}", value):
        raise FilterError(name, f"bad country {value!r}; give two or three letters (SYR, EG)")
    return value.upper()


def _event_type(name: str, value: Any) -> str:
    value = _str(name, value)
    if not re.fullmatch(r"[A-Za-z_]{1,32}", value):
        raise FilterError(name, f"bad PLOVER type {value!r}; give a name such as ASSAULT")
    return value.upper()


def _cameo(name: str, value: Any) -> str:
    value = _str(name, value)
    if not re.fullmatch(r"[0-9]{1,4}", value):
        raise FilterError(name, f"bad CAMEO code {value!r}; give a code or a prefix of digits (04, 190)")
    return value


def _quad(name: str, value: Any) -> int:
    try:
        q = int(value) if not isinstance(value, bool) else -1
    except (TypeError, ValueError):
        q = -1
    if q not in (1, 2, 3, 4):
        raise FilterError(name, f"bad quad class {value!r}; give 1 (verbal cooperation), 2 (material "
                                "cooperation), 3 (verbal conflict) or 4 (material conflict)")
    return q


def _place_id_value(name: str, value: Any) -> str:
    value = _str(name, value)
    if re.fullmatch(r"gn:[0-9]{1,12}", value) or re.fullmatch(r"name:[A-Za-z]{0,3}:.+", value):
        return value
    raise FilterError(name, f"bad place id {value!r}; give gn:<GeoNames id> or name:<country>:<name>")


def _confidence(name: str, value: Any) -> float:
    try:
        x = float(value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError):
        raise FilterError(name, f"bad confidence {value!r}; give a number from 0 to 1") from None
    if not 0.0 <= x <= 1.0:
        raise FilterError(name, f"{value!r} is not between 0 and 1")
    return x


def _include(name: str, value: Any) -> frozenset[str]:
    items: Iterable[Any] = value.split(",") if isinstance(value, str) else value
    out: set[str] = set()
    for item in items:
        word = str(item).strip().lower()
        if not word:
            continue
        if word == "all":
            out |= set(INCLUDE)
        elif word in INCLUDE:
            out.add(word)
        else:
            raise FilterError(name, f"unknown value {item!r}; use a comma list of {', '.join(INCLUDE)} (or all)")
    return frozenset(out)


def _ids(name: str, value: Any) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else list(value)
    return tuple(str(x).strip() for x in items if str(x).strip())


_PARSERS: dict[str, Any] = {
    "start": _date, "end": _date, "source": _actor, "target": _actor, "actor": _actor, "dyad": _dyad,
    "country": _country, "event_type": _event_type, "cameo": _cameo, "quad_class": _quad,
    "place_id": _place_id_value, "min_confidence": _confidence, "include": _include, "ids": _ids,
}


def as_filter(f: EventFilter | None = None, /, **filters: Any) -> EventFilter:
    """``f`` (a filter), or one parsed from keyword filters; not both."""
    if f is not None and filters:
        raise FilterError(next(iter(filters)), "give either an EventFilter or keyword filters, not both")
    return f if f is not None else EventFilter.parse(filters)
