"""The store's Python API: typed objects or pandas DataFrames.

>>> store = marsad.open("marsad.db")                        # doctest: +SKIP
>>> store.events(actor="IGOUNO", since="2014-01-01")       # doctest: +SKIP
>>> store.events_df(source="sau", include="negated")       # doctest: +SKIP
>>> store.search("الأمم المتحدة")                            # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import String, cast, func, select, text, union

from marsad.core.errors import ConfigError, require
from marsad.store import schema
from marsad.store.columns import COLUMNS, flat_row, pandas_dtypes
from marsad.store.query import EventFilter, as_filter
from marsad.store.runs import recorded_min_confidence

E = schema.events
#: Columns of :meth:`QueryMixin.events_df` that hold dates (datetime64 in the frame).
DATE_COLUMNS = ("date", "first_published")


def article_urls(conn: Any, ids: Sequence[str]) -> dict[str, str | None]:
    """Article id -> its URL."""
    a = schema.articles
    out: dict[str, str | None] = {}
    wanted = sorted(set(ids))
    for i in range(0, len(wanted), 500):
        for aid, url in conn.execute(select(a.c.id, a.c.url).where(a.c.id.in_(wanted[i : i + 500]))):
            out[aid] = url
    return out


def _export_frame(pd: Any, rows: list[dict[str, Any]]) -> Any:
    """Export rows as a DataFrame typed as a CSV export reads back with ``pandas_dtypes()``."""
    names = [c for c, _ in COLUMNS]
    df = pd.DataFrame(rows, columns=names).astype(pandas_dtypes())
    df["FirstPublished"] = pd.to_datetime(df["FirstPublished"])
    return df


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: str
    title: str | None
    text: str
    published: datetime | None
    source: str | None
    url: str | None
    category: str | None
    num_events: int
    coder_version: str | None


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """One merged event: the representative mention's JSON, plus its articles and mentions."""

    id: str
    data: dict[str, Any]  # the event JSON as ``marsad code`` printed it (representative mention)
    article_ids: tuple[str, ...]
    mention_ids: tuple[str, ...]
    num_mentions: int
    num_sources: int
    row: dict[str, Any] = field(repr=False)  # every column of the ``events`` row

    def __getattr__(self, name: str) -> Any:  # cameo, date, source_code, ... from the row
        try:
            return self.row[name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    def to_dict(self) -> dict[str, Any]:
        """The ``marsad code`` JSON plus ``event_id``, ``article_ids`` and ``mention_ids``."""
        return {**self.data, "event_id": self.id, "article_ids": list(self.article_ids),
                "mention_ids": list(self.mention_ids), "num_mentions": self.num_mentions}


def event_rows(conn: Any, f: EventFilter, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Rows of ``events`` matching ``f``, oldest first (date, then id)."""
    stmt = f.where(select(E), conn.dialect.name).order_by(E.c.date, E.c.id).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [dict(r) for r in conn.execute(stmt).mappings()]


def mentions_of(conn: Any, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Event id -> its mentions (id, event_id, article_id, data), in mention id order."""
    m = schema.event_mentions
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    for i in range(0, len(ids), 500):
        stmt = select(m.c.id, m.c.event_id, m.c.article_id, m.c.data).where(
            m.c.event_id.in_(list(ids[i : i + 500]))).order_by(m.c.id)
        for r in conn.execute(stmt).mappings():
            out[r["event_id"]].append(dict(r))
    return out


def stored_events(conn: Any, rows: Sequence[dict[str, Any]]) -> list[StoredEvent]:
    """:class:`StoredEvent` objects for rows of ``events``, in their order."""
    ments = mentions_of(conn, [r["id"] for r in rows])
    out = []
    for r in rows:
        ms = ments[r["id"]]
        rep = next((x for x in ms if x["id"] == r["mention_id"]), ms[0] if ms else None)
        out.append(StoredEvent(
            id=r["id"], data=json.loads(rep["data"]) if rep else {},
            article_ids=tuple(sorted({x["article_id"] for x in ms})),
            mention_ids=tuple(x["id"] for x in ms), num_mentions=r["num_mentions"],
            num_sources=r["num_sources"], row=r))
    return out


def _counts_table(name: str, period: str, typ: Any) -> Any:
    from sqlalchemy import Boolean, Column, Integer, MetaData, Table

    from marsad.store.sqlite import DAY_COUNT_FLAGS

    return Table(name, MetaData(), Column(period, typ), Column("quad_class", Integer),
                 *(Column(c, Boolean) for c in DAY_COUNT_FLAGS), Column("n", Integer))


def _days() -> Any:
    from sqlalchemy import Date

    return _counts_table("event_day_counts", "date", Date)


def _months() -> Any:
    return _counts_table("event_month_counts", "month", String)


def kept_by_day(conn: Any, f: EventFilter) -> bool:
    """Whether the store keeps the per-day and per-month counts of what ``f`` selects: on SQLite, a
    selection made only by ``include`` (no confidence floor, no other filter); see
    :data:`marsad.store.sqlite.DAY_COUNTS_DDL`."""
    return (conn.dialect.name == "sqlite" and not f.min_confidence
            and replace(f, include=frozenset(), min_confidence=None).is_empty()
            and conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_month_counts'"))
            .first() is not None)  # a store not yet migrated to schema 7 (opened read-only) counts its events


def _day_of(conn: Any, f: EventFilter, month: str, before: int, beyond: int, from_end: bool) -> str:
    """The day of ``month`` on which the running count of events (``before`` of them earlier along
    the walk) first exceeds ``beyond``; the walk goes back from the end when ``from_end``."""
    t = _days()
    year, mon = int(month[:4]), int(month[5:7])
    start, stop = date(year, mon, 1), date(year + mon // 12, mon % 12 + 1, 1)
    n = func.sum(t.c.n)
    stmt = (select(cast(t.c.date, String), n).where(*f.flag_conditions(t), t.c.date >= start, t.c.date < stop)
            .group_by(t.c.date).having(n > 0).order_by(t.c.date.desc() if from_end else t.c.date))
    seen = before
    last = month + "-01"
    for d, k in conn.execute(stmt).all():
        last = str(d)[:10]
        seen += int(k)
        if seen > beyond:
            break
    return last


def day_span(conn: Any, f: EventFilter) -> tuple[str, str, str, str] | None:
    """For a selection :func:`kept_by_day`: its first and last day, and the days of its
    ``(n // 20)``-th event from the start and from the end (ISO dates); None when it has no dated
    event. Read from the per-month counts, then the per-day counts of three or four months."""
    m = _months()
    months = conn.execute(select(m.c.month, func.sum(m.c.n)).where(*f.flag_conditions(m)).group_by(m.c.month)
                          .having(func.sum(m.c.n) > 0).order_by(m.c.month)).all()
    if not months:
        return None
    total = sum(int(k) for _, k in months)
    out = []
    for from_end, beyond in ((False, -1), (True, -1), (False, total // 20), (True, total // 20)):
        seen = 0
        for month, k in (reversed(months) if from_end else months):
            if seen + int(k) > beyond:
                out.append(_day_of(conn, f, month, seen, beyond, from_end))
                break
            seen += int(k)
    first, last, lo, hi = out
    return first, last, lo, hi


def period_counts(conn: Any, f: EventFilter, chars: int) -> list[tuple[str, int | None, int]]:
    """For a selection :func:`kept_by_day`: (period, quad class, events), the period being the
    first ``chars`` characters of the ISO date (10: day, 7: month, 4: year), from the per-month
    counts (months, years) or the per-day counts (days)."""
    t = _days() if chars > 7 else _months()
    key = cast(t.c.date, String) if chars > 7 else t.c.month
    period = func.substr(key, 1, chars)
    n = func.sum(t.c.n)
    stmt = (select(period, t.c.quad_class, n).where(*f.flag_conditions(t)).group_by(period, t.c.quad_class)
            .having(n > 0))
    return [(str(p), q or None, int(k)) for p, q, k in conn.execute(stmt).all()]


def day_counts(conn: Any, f: EventFilter) -> list[tuple[str, int | None, int]]:
    """(ISO day, quad class, events) of the dated events ``f`` selects: from the per-day counts
    when the store keeps them (:func:`kept_by_day`), else counted from the events."""
    dialect = conn.dialect.name
    if kept_by_day(conn, f):
        return period_counts(conn, f, 10)
    stmt = (f.where(select(cast(E.c.date, String), E.c.quad_class, func.count()), dialect)
            .where(E.c.date.is_not(None)).group_by(E.c.date, E.c.quad_class))
    return [(str(d)[:10], q, int(k)) for d, q, k in conn.execute(stmt).all()]


def selection_counts(conn: Any, f: EventFilter) -> dict[str, int]:
    """How many events ``f`` selects, how many mentions they have and how many articles report them."""
    dialect = conn.dialect.name
    n, mentions = conn.execute(f.where(select(func.count(), func.coalesce(func.sum(E.c.num_mentions), 0))
                                       .select_from(E), dialect)).one()
    m = schema.event_mentions.c
    # an event reported by one article: that article is its own (the representative mention's);
    # only the others are looked up among the mentions
    single = f.where(select(E.c.article_id.label("a")), dialect).where(E.c.num_articles == 1)
    several = select(m.article_id.label("a")).where(
        m.event_id.in_(f.where(select(E.c.id), dialect).where(E.c.num_articles != 1)))
    both = union(single, several).subquery()
    articles = conn.execute(select(func.count()).select_from(both)).scalar_one()
    return {"events": int(n), "mentions": int(mentions), "articles": int(articles)}


class QueryMixin:
    """Read-side methods of :class:`marsad.store.Store` (``self.engine`` is set there)."""

    engine: Any
    backend: Any

    def counts(self) -> dict[str, int]:
        """Row count of every data table."""
        with self.engine.connect() as conn:
            return {n: conn.execute(select(func.count()).select_from(schema.metadata.tables[n])).scalar_one()
                    for n in schema.DATA_TABLES}

    def default_min_confidence(self, fallback: float = 0.0) -> float:
        """The confidence floor when none is given: the threshold of the event detector that coded
        the store (recorded by its latest run), else ``fallback`` (a face passes the shipped
        detector's; the Python API's is 0: no floor)."""
        with self.engine.connect() as conn:
            recorded = recorded_min_confidence(conn)
        return float(fallback) if recorded is None else float(recorded)

    def event_filter(self, f: EventFilter | None = None, /, **filters: Any) -> EventFilter:
        """The filter :meth:`events` applies: ``f`` or the keyword filters (:class:`EventFilter`'s
        names), with this store's default confidence floor when none is given."""
        return as_filter(f, **filters).with_defaults(self.default_min_confidence())

    def events(self, f: EventFilter | None = None, /, *, limit: int | None = None, offset: int = 0,
               **filters: Any) -> list[StoredEvent]:
        """Merged events, oldest first, as :class:`StoredEvent`.

        Filters: an :class:`~marsad.store.query.EventFilter`, or its fields as keywords
        (``source="sau"``, ``include="negated"``, ``since="2014-01-01"``...). By default only
        complete, asserted events at or above :meth:`default_min_confidence` are returned.
        """
        flt = self.event_filter(f, **filters)
        with self.engine.connect() as conn:
            return stored_events(conn, event_rows(conn, flt, limit, offset))

    def events_df(self, f: EventFilter | None = None, /, *, limit: int | None = None, columns: str = "store",
                  **filters: Any) -> Any:
        """Merged events, oldest first, as a pandas DataFrame (filters: :meth:`events`).

        ``columns="store"`` (default): one column per ``events`` table column (``id``, ``date``,
        ``source_code``, ``place_country``...); ``date`` and ``first_published`` are datetime64.
        ``columns="export"``: the columns of ``marsad export --format csv|parquet``, same names,
        order and values (``GlobalEventID``, ``SQLDATE``, ``Actor1Code``, FIPS
        ``ActionGeo_CountryCode``...), typed as :func:`marsad.store.columns.pandas_dtypes` reads the
        CSV, with ``FirstPublished`` as datetime64. docs/store.md maps one set of names to the other.
        """
        pd = require("pandas", "export")
        if columns not in ("store", "export"):
            raise ConfigError(f"columns={columns!r}: choose 'store' (the events table's names) or 'export' "
                              "(the CSV/Parquet names)")
        flt = self.event_filter(f, **filters)
        with self.engine.connect() as conn:
            rows = event_rows(conn, flt, limit, 0)
            if columns == "export":
                evs = stored_events(conn, rows)
                urls = article_urls(conn, [r["article_id"] for r in rows])
                return _export_frame(pd, [flat_row(ev, urls.get(ev.row["article_id"])) for ev in evs])
        df = pd.DataFrame(rows, columns=[c.name for c in E.columns])
        for name in DATE_COLUMNS:
            df[name] = pd.to_datetime(df[name])
        return df

    def summary(self, f: EventFilter | None = None, /, **filters: Any) -> dict[str, int]:
        """``{"events", "mentions", "articles"}`` that the filters select (filters: :meth:`events`)."""
        flt = self.event_filter(f, **filters)
        with self.engine.connect() as conn:
            return selection_counts(conn, flt)

    def event_mentions_df(self, event_id: str | None = None) -> Any:
        """Event mentions (of one merged event, or all) as a pandas DataFrame, one column per
        ``event_mentions`` column; ``date`` and ``published`` are datetime64."""
        pd = require("pandas", "export")
        m = schema.event_mentions
        stmt = select(m).order_by(m.c.id)
        if event_id:
            stmt = stmt.where(m.c.event_id == event_id)
        with self.engine.connect() as conn:
            df = pd.DataFrame([dict(r) for r in conn.execute(stmt).mappings()], columns=[c.name for c in m.columns])
        for name in ("date", "published"):
            df[name] = pd.to_datetime(df[name])
        return df

    def article_events(self, article_id: str | None = None, event_id: str | None = None) -> list[dict[str, Any]]:
        """Article events (the mentions of one event in one article), of one article or one merged
        event or all: dicts with ``article_id``, ``article_event_id``, ``event_id`` (the merged
        event), ``mention_id`` (the most confident mention), ``mention_ids``, ``num_mentions`` and
        ``data`` (that mention's JSON)."""
        from marsad.store.article_events import article_events

        with self.engine.connect() as conn:
            return article_events(conn, article_id=article_id, event_id=event_id)

    def article(self, article_id: str) -> StoredArticle | None:
        found = self.articles(ids=[article_id])
        return found[0] if found else None

    def articles(self, ids: Sequence[str] | None = None, limit: int | None = None,
                 outlet: str | None = None) -> list[StoredArticle]:
        a = schema.articles
        names = [f for f in StoredArticle.__slots__]  # type: ignore[attr-defined]
        stmt = select(*[a.c[n] for n in names]).order_by(a.c.id)
        if ids is not None:
            stmt = stmt.where(a.c.id.in_(list(ids)))
        if outlet:
            stmt = stmt.where(a.c.source == outlet)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return [StoredArticle(**dict(r)) for r in conn.execute(stmt).mappings()]

    def search(self, query: str, limit: int = 20) -> list[tuple[StoredArticle, float]]:
        """Full-text search over titles and texts, any Arabic spelling; best first."""
        with self.engine.connect() as conn:
            hits = self.backend.search(conn, query, limit)
        arts = {a.id: a for a in self.articles(ids=[h[0] for h in hits])}
        return [(arts[i], s) for i, s in hits if i in arts]

    def duplicates(self) -> dict[str, list[str]]:
        """Near-duplicate article clusters: cluster id -> article ids."""
        d = schema.duplicate_clusters
        out: dict[str, list[str]] = {}
        with self.engine.connect() as conn:
            for cid, aid in conn.execute(select(d.c.cluster_id, d.c.article_id).order_by(d.c.cluster_id,
                                                                                         d.c.article_id)):
                out.setdefault(cid, []).append(aid)
        return out

    def failures(self) -> list[dict[str, Any]]:
        f = schema.failures
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(f).order_by(f.c.item)).mappings()]

    def runs(self) -> list[dict[str, Any]]:
        r = schema.runs
        with self.engine.connect() as conn:
            return [dict(x) for x in conn.execute(select(r).order_by(r.c.id)).mappings()]
