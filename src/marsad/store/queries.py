"""The store's Python API: typed objects or pandas DataFrames.

>>> store = marsad.open("marsad.db")                        # doctest: +SKIP
>>> store.events(actor="IGOUNO", since="2014-01-01")       # doctest: +SKIP
>>> store.events_df(event_type="PROTEST")                  # doctest: +SKIP
>>> store.search("الأمم المتحدة")                            # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, func, or_, select

from marsad.core.errors import ConfigError, require
from marsad.store import schema

E = schema.events


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


def _date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"bad date {value!r}; write it as YYYY-MM-DD.") from exc


def event_filter(*, since: str | date | None = None, until: str | date | None = None,
                 actor: str | None = None, country: str | None = None, event_type: str | None = None,
                 cameo: str | None = None, place: str | None = None, outlet: str | None = None,
                 article_id: str | None = None, coder_version: str | None = None,
                 ids: Sequence[str] | None = None) -> Any:
    """A SQL condition on ``events`` from the usual filters (all optional, combined with AND).

    ``actor`` matches an actor id or code on either side; ``country`` the place's country or
    either actor's code prefix; ``cameo`` is a code prefix (``04`` matches 040-046);
    ``outlet`` the article source of any mention.
    """
    conds: list[Any] = []
    if since:
        conds.append(E.c.date >= _date(since))
    if until:
        conds.append(E.c.date <= _date(until))
    if actor:
        conds.append(or_(E.c.source_actor_id == actor, E.c.target_actor_id == actor,
                         E.c.source_code == actor, E.c.target_code == actor))
    if country:
        conds.append(or_(E.c.place_country == country, E.c.source_code.startswith(country),
                         E.c.target_code.startswith(country)))
    if event_type:
        conds.append(E.c.event_type == event_type.upper())
    if cameo:
        conds.append(E.c.cameo.startswith(cameo))
    if place:
        conds.append(E.c.place_name == place)
    if coder_version:
        conds.append(E.c.coder_version == coder_version)
    if ids is not None:
        conds.append(E.c.id.in_(list(ids)))
    m = schema.event_mentions
    if article_id:
        conds.append(E.c.id.in_(select(m.c.event_id).where(m.c.article_id == article_id)))
    if outlet:
        conds.append(E.c.id.in_(select(m.c.event_id).where(m.c.source == outlet)))
    return and_(*conds) if conds else None


class QueryMixin:
    """Read-side methods of :class:`marsad.store.Store` (``self.engine`` is set there)."""

    engine: Any
    backend: Any

    def counts(self) -> dict[str, int]:
        """Row count of every data table."""
        with self.engine.connect() as conn:
            return {n: conn.execute(select(func.count()).select_from(schema.metadata.tables[n])).scalar_one()
                    for n in schema.DATA_TABLES}

    def _event_rows(self, limit: int | None, offset: int, **filters: Any) -> list[dict[str, Any]]:
        stmt = select(E).order_by(E.c.date, E.c.id).offset(offset)
        cond = event_filter(**filters)
        if cond is not None:
            stmt = stmt.where(cond)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(stmt).mappings()]

    def _mentions_of(self, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        m = schema.event_mentions
        out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                stmt = select(m.c.id, m.c.event_id, m.c.article_id, m.c.data).where(
                    m.c.event_id.in_(list(ids[i : i + 500]))).order_by(m.c.id)
                for r in conn.execute(stmt).mappings():
                    out[r["event_id"]].append(dict(r))
        return out

    def events(self, limit: int | None = None, offset: int = 0, **filters: Any) -> list[StoredEvent]:
        """Merged events, oldest first, as :class:`StoredEvent` (filters: see :func:`event_filter`)."""
        rows = self._event_rows(limit, offset, **filters)
        ments = self._mentions_of([r["id"] for r in rows])
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

    def events_df(self, limit: int | None = None, **filters: Any) -> Any:
        """Merged events as a pandas DataFrame, one column per ``events`` column."""
        pd = require("pandas", "export")
        rows = self._event_rows(limit, 0, **filters)
        return pd.DataFrame(rows, columns=[c.name for c in E.columns])

    def event_mentions_df(self, event_id: str | None = None) -> Any:
        pd = require("pandas", "export")
        m = schema.event_mentions
        stmt = select(m).order_by(m.c.id)
        if event_id:
            stmt = stmt.where(m.c.event_id == event_id)
        with self.engine.connect() as conn:
            return pd.DataFrame([dict(r) for r in conn.execute(stmt).mappings()],
                                columns=[c.name for c in m.columns])

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
