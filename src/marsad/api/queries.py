"""SQL over the event store for the HTTP API. Every count and mean is computed by the database.

Queries read the merged ``events`` table (one row per real-world event, see
:mod:`marsad.store.schema`); event JSON is the representative mention's ``data`` with the ids of
all articles that reported the event, as ``marsad export --format jsonl`` prints it.
Functions take a SQLAlchemy ``Connection`` and work on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any, cast

from sqlalchemy import Connection, case, func, select, text
from sqlalchemy.sql import Select

from marsad.store import schema as S
from marsad.store.queries import day_counts, day_span, kept_by_day, period_counts, selection_counts
from marsad.store.query import EventFilter, after_anchor, after_segments, newest_first, page_key

EV = S.events.c
INTERVALS = ("day", "week", "month", "year")
MAX_PERIODS = 50_000  # a timeline longer than this (zeros included) asks for a longer interval
MAX_ARTICLE_EVENTS = 500  # an article view lists at most this many events


def _where(stmt: Select[Any], f: EventFilter, dialect: str) -> Select[Any]:
    return cast("Select[Any]", f.where(stmt, dialect))


def count_events(conn: Connection, f: EventFilter) -> int:
    return int(conn.execute(_where(select(func.count()).select_from(S.events), f, conn.dialect.name)).scalar_one())


def _article_ids(conn: Connection, event_ids: list[str]) -> dict[str, list[str]]:
    em = S.event_mentions.c
    out: dict[str, list[str]] = {e: [] for e in event_ids}
    rows = conn.execute(
        select(em.event_id, em.article_id).distinct().where(em.event_id.in_(event_ids)).order_by(em.article_id)
    )
    for event_id, article_id in rows:
        out[event_id].append(article_id)
    return out


def event_dicts(conn: Connection, event_rows: list[Any]) -> list[dict[str, Any]]:
    """Event JSON for rows of ``events`` (with ``id``, ``mention_id``, ``num_*``), in order."""
    if not event_rows:
        return []
    em = S.event_mentions.c
    mids = [r.mention_id for r in event_rows]
    data = dict(conn.execute(select(em.id, em.data).where(em.id.in_(mids))).all())
    articles = _article_ids(conn, [r.id for r in event_rows])
    out = []
    for r in event_rows:
        d = json.loads(data[r.mention_id]) if r.mention_id in data else {"id": r.mention_id}
        d.update(event_id=r.id, article_ids=articles[r.id], num_mentions=r.num_mentions,
                 num_articles=r.num_articles, num_sources=r.num_sources)
        out.append(d)
    return out


class UnknownCursor(LookupError):
    """An ``after`` cursor that names no stored event."""


def page_keys(conn: Connection, f: EventFilter, limit: int, offset: int = 0, after: str | None = None) -> list[Any]:
    """The keys (:func:`~marsad.store.query.page_key`) of one page of the selection, newest first:
    from ``offset``, or after the event ``after`` (keyset paging: a deep page costs what the first
    one does). Only keys are read here, so an index that covers the filter serves the walk."""
    dialect = conn.dialect.name
    key = page_key(dialect)
    base = _where(select(key).select_from(S.events), f, dialect).order_by(*newest_first(dialect))
    if after is None:
        return list(conn.execute(base.limit(limit).offset(offset)).scalars())
    anchor = after_anchor(conn, after)
    if anchor is None:
        raise UnknownCursor(after)
    keys: list[Any] = []
    for cond in after_segments(dialect, anchor):
        keys += conn.execute(base.where(cond).limit(limit - len(keys))).scalars()
        if len(keys) >= limit:
            break
    return keys


def list_events(conn: Connection, f: EventFilter, limit: int, offset: int = 0,
                after: str | None = None) -> tuple[int, list[dict[str, Any]]]:
    """(total matching, one page of events) newest first, from ``offset`` or after the event ``after``."""
    keys = page_keys(conn, f, limit, offset, after)
    key = page_key(conn.dialect.name)
    found = {r.k: r for r in conn.execute(select(EV.id, EV.mention_id, EV.num_mentions, EV.num_articles,
                                                 EV.num_sources, key.label("k")).where(key.in_(keys)))} if keys else {}
    return count_events(conn, f), event_dicts(conn, [found[k] for k in keys if k in found])


def period_of(day: date, interval: str) -> str:
    """The label of the period holding ``day``: 2014-05-22, 2014-W21 (ISO week), 2014-05, 2014."""
    if interval == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()[: {"day": 10, "month": 7, "year": 4}[interval]]


def _period_start(day: date, interval: str) -> date:
    if interval == "week":
        return day - timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    if interval == "year":
        return day.replace(month=1, day=1)
    return day


def _next_start(start: date, interval: str) -> date:
    if interval == "day":
        return start + timedelta(days=1)
    if interval == "week":
        return start + timedelta(days=7)
    if interval == "month":
        return start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
    return start.replace(year=start.year + 1)


def periods(first: date, last: date, interval: str) -> list[str]:
    """Every period label from the one holding ``first`` to the one holding ``last``."""
    out = []
    at = _period_start(first, interval)
    while at <= last:
        out.append(period_of(at, interval))
        if len(out) > MAX_PERIODS:
            raise ValueError(f"more than {MAX_PERIODS:,} {interval}s between {first} and {last}")
        at = _next_start(at, interval)
    return out


def _interval_for(lo: str, hi: str) -> str:
    span = (date.fromisoformat(hi) - date.fromisoformat(lo)).days
    return "day" if span <= 62 else "week" if span <= 400 else "month" if span <= 3650 else "year"


def auto_interval(days: dict[str, int]) -> str:
    """Days, weeks, months or years, from the span of the middle 90% of the matching dates
    (a few events dated decades back, such as historical mentions, do not stretch it); ``days``
    holds the number of events of each day (ISO dates)."""
    n = sum(days.values())
    if not n:
        return "month"
    order = sorted(days)

    def nth(ordered: list[str]) -> str:  # the day of the (n // 20)th event along ``ordered``
        seen = 0
        for day in ordered:
            seen += days[day]
            if seen > n // 20:
                return day
        return ordered[-1]

    return _interval_for(nth(order), nth(order[::-1]))


_PREFIX = {"day": 10, "month": 7, "year": 4}


def _period_of_iso(day: str, interval: str) -> str:
    """:func:`period_of` of an ISO date string (days, months and years by slicing)."""
    if interval == "week":
        return period_of(date.fromisoformat(day), interval)
    return day[: _PREFIX[interval]]


def _by_period(conn: Connection, f: EventFilter, interval: str) -> tuple[str, str, str, list[tuple[str, Any, int]]] | None:
    """(interval, first day, last day, (period, quad class, events)) of the selection's dated events."""
    if kept_by_day(conn, f):  # the per-day counts: periods summed in SQL
        span = day_span(conn, f)
        if span is None:
            return None
        first, last, lo, hi = span
        interval = _interval_for(lo, hi) if interval == "auto" else interval
        if interval in _PREFIX:
            return interval, first, last, period_counts(conn, f, _PREFIX[interval])
        by_day = day_counts(conn, f)
    else:  # counted by day in SQL (a walk along a date index), summed into periods here
        by_day = day_counts(conn, f)
        if not by_day:
            return None
        if interval == "auto":
            days: dict[str, int] = {}
            for day, _, n in by_day:
                days[day] = days.get(day, 0) + n
            interval = auto_interval(days)
        first = min(day for day, _, _ in by_day)
        last = max(day for day, _, _ in by_day)
    counts: dict[tuple[str, Any], int] = {}
    labels: dict[str, str] = {}
    for day, q, n in by_day:
        p = labels.get(day)
        if p is None:
            p = labels[day] = _period_of_iso(day, interval)
        counts[(p, q)] = counts.get((p, q), 0) + n
    return interval, first, last, [(p, q, n) for (p, q), n in counts.items()]


def timeline(conn: Connection, f: EventFilter, interval: str) -> tuple[str, list[dict[str, Any]]]:
    """Counts of events by period and quad class, with every period from the first to the last
    event of the selection: a period without events is one item with ``quad_class`` null and 0
    events. Week numbers are ISO weeks, computed here, so they are the same on every database;
    ``auto`` picks the interval from the span of the middle 90% of the events' dates."""
    found = _by_period(conn, f, interval)
    if found is None:
        return ("month" if interval == "auto" else interval), []
    interval, first, last, rows = found
    counts = {(p, q): n for p, q, n in rows}
    quads: dict[str, list[Any]] = {}
    for p, q in counts:
        quads.setdefault(p, []).append(q)
    items = []
    for p in periods(date.fromisoformat(first), date.fromisoformat(last), interval):
        qs = quads.get(p)
        if not qs:
            items.append({"period": p, "quad_class": None, "events": 0})
            continue
        for q in sorted(qs, key=lambda x: (x is None, x)):
            items.append({"period": p, "quad_class": q, "events": counts[(p, q)]})
    return interval, items


def _names(conn: Connection, codes: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """A readable Arabic and English name for each actor code.

    A code (``IGOUNO``, ``USAGOV``) stands for many actors; it is named after its most generic one:
    an organisation, country or agent before a person, one without a role or parent before an
    office or a sub-body, a dictionary entry before a name read from the text (``text:...``), so
    ``IGOUNO`` reads "United Nations" and not a Secretary-General's name. Each language takes the
    best-ranked actor that has a name in it.
    """
    if not codes:
        return {}
    a = S.actors.c
    rank = func.row_number().over(partition_by=a.code, order_by=(
        case((a.type.in_(("person", "unknown")), 1), else_=0), case((a.role.is_(None), 0), else_=1),
        case((a.parent.is_(None), 0), else_=1), case((a.id.like("text:%"), 1), else_=0), a.id)).label("rank")
    ranked = select(a.code, a.name_ar, a.name_en, rank).where(a.code.in_(codes)).subquery()
    stmt = select(ranked.c.code, ranked.c.name_ar, ranked.c.name_en).where(ranked.c.rank <= 50).order_by(
        ranked.c.code, ranked.c.rank)
    names: dict[str, tuple[str | None, str | None]] = {}
    for code, ar, en in conn.execute(stmt):
        old_ar, old_en = names.get(code, (None, None))
        names[code] = (old_ar or ar or None, old_en or en or None)
    return names


def _role_counts(conn: Connection, f: EventFilter, code: Any) -> dict[str, int]:
    stmt = _where(select(code, func.count()), f, conn.dialect.name).where(code.is_not(None)).group_by(code)
    return dict(conn.execute(stmt).all())  # type: ignore[arg-type]


def top_actors(conn: Connection, f: EventFilter, limit: int) -> list[dict[str, Any]]:
    """Actor codes by number of roles in events: as source plus as target.

    Two GROUP BYs, each served by its own index, summed here: one per actor code, not per event.
    """
    counts = _role_counts(conn, f, EV.source_code)
    for code, n in _role_counts(conn, f, EV.target_code).items():
        counts[code] = counts.get(code, 0) + n
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    names = _names(conn, [code for code, _ in top])
    return [{"code": code, "name_ar": names.get(code, (None, None))[0], "name_en": names.get(code, (None, None))[1],
             "events": n} for code, n in top]


def graph(conn: Connection, f: EventFilter, limit: int) -> dict[str, list[dict[str, Any]]]:
    """The strongest source->target edges with their event counts and mean Goldstein score."""
    n = func.count().label("n")
    stmt = _where(select(EV.source_code, EV.target_code, n, func.avg(EV.goldstein).label("g")), f, conn.dialect.name)
    stmt = (stmt.where(EV.source_code.is_not(None), EV.target_code.is_not(None), EV.source_code != EV.target_code)
            .group_by(EV.source_code, EV.target_code).order_by(text("n DESC"), EV.source_code, EV.target_code)
            .limit(limit))
    edges = [{"source": s, "target": t, "events": k, "goldstein": None if g is None else round(float(g), 2)}
             for s, t, k, g in conn.execute(stmt)]
    weight: dict[str, int] = {}
    for e in edges:
        for end in (e["source"], e["target"]):
            weight[end] = weight.get(end, 0) + e["events"]
    names = _names(conn, list(weight))
    nodes = [{"id": code, "events": w, "name_ar": names.get(code, (None, None))[0],
              "name_en": names.get(code, (None, None))[1]} for code, w in sorted(weight.items())]
    for node in nodes:
        node["label"] = f"{node['name_en'] or node['name_ar'] or node['id']} ({node['id']})"
    return {"nodes": nodes, "edges": edges}


def top_places(conn: Connection, f: EventFilter, limit: int) -> list[dict[str, Any]]:
    """Places by number of events, with coordinates and the ``place_id`` that filters on them."""
    n = func.count().label("n")
    gn_lo, gn_hi = func.min(EV.place_geonameid), func.max(EV.place_geonameid)
    stmt = _where(select(EV.place_name, EV.place_country, func.avg(EV.place_lat), func.avg(EV.place_lon), n,
                         gn_lo, gn_hi), f, conn.dialect.name)
    stmt = (stmt.where(EV.place_name.is_not(None)).group_by(EV.place_name, EV.place_country)
            .order_by(text("n DESC"), EV.place_name).limit(limit))
    return [{"id": f"gn:{lo}" if lo is not None and lo == hi else f"name:{c or ''}:{name}",
             "name": name, "country": c, "lat": _round(lat), "lon": _round(lon), "events": k}
            for name, c, lat, lon, k, lo, hi in conn.execute(stmt)]


def _round(x: float | None) -> float | None:
    return None if x is None else round(float(x), 4)


def meta(conn: Connection, f: EventFilter | None = None) -> dict[str, Any]:
    """What the filters select (events, their mentions, the articles that report them; first and
    last date) and the values the dashboard's filters offer (PLOVER types, all events). Separate
    statements: each uses an index."""
    f = f or EventFilter()
    dialect = conn.dialect.name
    lo = conn.execute(_where(select(func.min(EV.date)), f, dialect)).scalar_one()
    hi = conn.execute(_where(select(func.max(EV.date)), f, dialect)).scalar_one()
    stored = conn.execute(select(func.count()).select_from(S.articles)).scalar_one()
    types = conn.execute(select(EV.event_type).distinct().where(EV.event_type.is_not(None))
                         .order_by(EV.event_type)).scalars().all()
    return {**selection_counts(conn, f), "stored_articles": stored,
            "first_date": None if lo is None else str(lo)[:10], "last_date": None if hi is None else str(hi)[:10],
            "event_types": list(types)}


def _rows(conn: Connection, stmt: Select[Any]) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(stmt)]


def article(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """An article with its mentions, actors, places and the events coded in it."""
    a = S.articles.c
    row = conn.execute(select(a.id, a.title, a.text, a.published, a.source, a.url, a.dateline, a.category)
                       .where(a.id == article_id)).first()
    if row is None:
        return None
    out = dict(row._mapping)
    out["published"] = None if row.published is None else row.published.isoformat()
    m, am, ac, pm, pl = (S.mentions.c, S.actor_mentions.c, S.actors.c, S.place_mentions.c, S.places.c)
    out["mentions"] = _rows(conn, select(m.span_start.label("start"), m.span_end.label("end"), m.label, m.text,
                                         m.score).where(m.article_id == article_id).order_by(m.span_start))
    out["actors"] = _rows(conn, select(am.span_start.label("start"), am.span_end.label("end"), am.text,
                                       am.actor_id, ac.code, ac.name_ar, ac.name_en, ac.role, am.why)
                          .join_from(S.actor_mentions, S.actors, am.actor_id == ac.id, isouter=True)
                          .where(am.article_id == article_id).order_by(am.span_start))
    out["places"] = _rows(conn, select(pm.span_start.label("start"), pm.span_end.label("end"), pm.text,
                                       pl.name, pl.country, pl.lat, pl.lon)
                          .join_from(S.place_mentions, S.places, pm.place_id == pl.id, isouter=True)
                          .where(pm.article_id == article_id).order_by(pm.span_start))
    em = S.event_mentions.c
    data = conn.execute(select(em.data, em.event_id).where(em.article_id == article_id)
                        .order_by(em.sentence, em.trigger_start, em.id).limit(MAX_ARTICLE_EVENTS)).all()
    out["events"] = [{**json.loads(d), "event_id": eid} for d, eid in data]
    return out
