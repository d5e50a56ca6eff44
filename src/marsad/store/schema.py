"""The event store's schema: SQLAlchemy Core tables shared by SQLite and PostgreSQL.

Column names of ``events`` and ``event_mentions`` equal the field names of the event
JSON that ``marsad code`` prints (``marsad.core.serialize.event_to_dict``); nested objects are
flattened with an underscore (``source.actor_id`` -> ``source_actor_id``,
``trigger.start`` -> ``trigger_start``, ``place.lat`` -> ``place_lat``). ``counts`` and
``coder`` are JSON text. The whole dict, as the coder made it, is kept in
``event_mentions.data`` so that exports reproduce it exactly.

GDELT's split is followed, with three levels: one row of ``event_mentions`` per mention (one
sentence's report of an event in one article); the mentions of one *article event* (the coder's
article assembly) share ``article_id`` and ``article_event_id``; one row of ``events`` per
real-world event, the merge of article events with the same merge key (see
:mod:`marsad.store.duplicates`). ``events`` carries the fields of its representative mention (the
most confident one) plus ``num_mentions``, ``num_articles`` and ``num_sources``.

Character offsets into ``articles.text`` are ``span_start``/``span_end`` (``end`` is a
reserved word in SQL). Full-text search tables are backend specific and created by ``sqlite.py`` (FTS5) and
``postgres.py`` (tsvector); they are not part of this metadata.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 7

#: Covering indexes for the aggregates of the API and dashboard (docs/api.md, "Latency on a
#: million events"): with them those queries read an index instead of the wide event rows.
#: The ``counted`` ones lead with the default selection (complete, asserted; ``confidence`` for
#: the floor), so the default views read only the events that count; the others serve a
#: selection that includes flagged events. ``ix_events_counted`` answers which events and how
#: many mentions a selection holds. Declared on ``events`` below; migration 5 (re)builds them.
#: ``ix_events_counted_article`` serves the text search (the events of the matching articles) and
#: ``ix_events_counted_scan`` any actor, country or quad class filter on the default selection (on
#: SQLite, such a filter is read from this one index instead of gathered from several: see
#: :meth:`marsad.store.query.EventFilter.conditions`).
AGGREGATE_INDEXES: dict[str, tuple[str, ...]] = {
    "ix_events_counted": ("complete", "asserted", "confidence", "num_mentions", "num_articles", "article_id", "id",
                          "quad_class", "place_country", "source_code", "target_code", "source_actor_id",
                          "target_actor_id", "date"),
    "ix_events_counted_article": ("complete", "asserted", "article_id", "confidence", "num_articles", "date"),
    "ix_events_counted_scan": ("complete", "asserted", "date", "quad_class", "confidence", "place_country",
                               "source_code", "target_code", "source_actor_id", "target_actor_id"),
    "ix_events_counted_date": ("complete", "asserted", "date", "quad_class", "confidence"),
    "ix_events_counted_pair": ("complete", "asserted", "source_code", "target_code", "goldstein", "confidence"),
    "ix_events_counted_target": ("complete", "asserted", "target_code", "confidence"),
    "ix_events_counted_place": ("complete", "asserted", "place_name", "place_country", "place_lat", "place_lon",
                                "place_geonameid", "confidence"),
    "ix_events_date_quad": ("date", "quad_class", "complete", "asserted", "confidence"),
    "ix_events_pair": ("source_code", "target_code", "goldstein", "complete", "asserted", "confidence"),
}
_V5_INDEXES: dict[str, tuple[str, ...]] = {  # as migration 5 made them
    **{name: cols for name, cols in AGGREGATE_INDEXES.items()
       if name not in ("ix_events_counted_article", "ix_events_counted_scan")},
    "ix_events_counted": ("complete", "asserted", "confidence", "num_mentions", "id"),
}
_V7_INDEXES = ("ix_events_counted", "ix_events_counted_article", "ix_events_counted_scan")
_V2_INDEXES: dict[str, tuple[str, ...]] = {  # as migration 2 made them
    "ix_events_date_quad": ("date", "quad_class"),
    "ix_events_pair": ("source_code", "target_code", "goldstein"),
    "ix_events_place": ("place_name", "place_country", "place_lat", "place_lon"),
}
#: Indexes on ``event_mentions``: by event (with the article: which articles report a selection),
#: by article (the article view), by outlet (the ``outlet`` filter).
MENTION_INDEXES: dict[str, tuple[str, ...]] = {
    "ix_event_mentions_event_id": ("event_id", "article_id"),
    "ix_event_mentions_article": ("article_id", "sentence"),
    "ix_event_mentions_outlet": ("source", "event_id"),
}
#: Indexes added later, with the migration that adds them: an article event's mentions.
ARTICLE_EVENT_INDEXES: dict[str, tuple[str, ...]] = {
    "ix_event_mentions_article_event": ("article_id", "article_event_id"),
}


def _create_index(name: str, table: str, cols: tuple[str, ...]) -> str:
    return f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({', '.join(cols)})"


#: Migrations, by the version they bring the database to. Version 1 creates every table;
#: a later change adds ``(n, description, [SQL statements])`` here and bumps SCHEMA_VERSION.
#: A new store is created as declared below and records every migration as applied without
#: running it; an older store runs the ones it lacks (and the data step of
#: :data:`marsad.store.core.DATA_MIGRATIONS` for that version, if any).
MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "initial schema", []),
    (2, "covering indexes for the timeline, graph and places aggregates",
     [_create_index(name, "events", cols) for name, cols in _V2_INDEXES.items()]),
    (3, "runs: process id and host of the process that runs it",
     ["ALTER TABLE runs ADD COLUMN pid INTEGER", "ALTER TABLE runs ADD COLUMN host VARCHAR(255)"]),
    (4, "complete and asserted on events and event mentions (computed from their JSON); runs: the "
        "threshold of the event detector",
     [f"ALTER TABLE {t} ADD COLUMN {c} BOOLEAN NOT NULL DEFAULT FALSE"
      for t in ("events", "event_mentions") for c in ("complete", "asserted")]
     + ["ALTER TABLE runs ADD COLUMN min_confidence FLOAT"]),
    (5, "aggregate indexes with complete and asserted; event mentions indexed by event and article, "
        "and by outlet",
     [f"DROP INDEX IF EXISTS {name}"
      for name in (*_V2_INDEXES, "ix_events_target", "ix_event_mentions_event_id")]
     + [_create_index(name, "events", cols) for name, cols in _V5_INDEXES.items()]
     + [_create_index(name, "event_mentions", cols) for name, cols in MENTION_INDEXES.items()]),
    (6, "event mentions: the article event they belong to (from their JSON's event_id); the mentions of "
        "one article event belong to one event",
     ["ALTER TABLE event_mentions ADD COLUMN article_event_id VARCHAR(300)"]
     + [_create_index(name, "event_mentions", cols) for name, cols in ARTICLE_EVENT_INDEXES.items()]),
    (7, "covering indexes for the article count of a selection, the text search and actor, country and "
        "quad class filters; on SQLite, events counted by day (kept by triggers)",
     ["DROP INDEX IF EXISTS ix_events_counted"]
     + [_create_index(name, "events", AGGREGATE_INDEXES[name]) for name in _V7_INDEXES]),
]

metadata = MetaData()

#: Each processed article. ``content_hash`` (sha256 of title and text) keys idempotent
#: ingestion: an article whose (id, content_hash) is stored is skipped.
articles = Table(
    "articles",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("published", DateTime),
    Column("published_precision", String(16)),
    Column("source", String(200), index=True),  # outlet
    Column("url", Text),
    Column("language", String(8)),
    Column("dateline", Text),
    Column("category", String(100)),
    Column("origin", Text),  # path (and archive member) it was read from
    Column("meta", Text),  # JSON
    Column("coder_version", String(64), index=True),  # coder that made its rows
    Column("run_id", Integer),
    Column("num_events", Integer, nullable=False, default=0),
    Column("minhash", LargeBinary),  # MinHash signature (uint32 little endian)
    Column("ingested_at", DateTime),
)

#: Sentences that are evidence for at least one event (not every sentence).
sentences = Table(
    "sentences",
    metadata,
    Column("article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("sentence", Integer, primary_key=True),  # the sentence's index in the article
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

#: Named-entity mentions (NER and dictionary), as the ``ner`` stage found them.
mentions = Table(
    "mentions",
    metadata,
    Column("article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("span_start", Integer, primary_key=True),
    Column("span_end", Integer, primary_key=True),
    Column("label", String(8), primary_key=True),
    Column("text", Text, nullable=False),
    Column("score", Float),
    Column("source", String(16)),
)

#: Actors (dictionary entries or built from the text), keyed by actor id.
actors = Table(
    "actors",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("code", String(64), index=True),
    Column("name_ar", Text),
    Column("name_en", Text),
    Column("type", String(16)),
    Column("country", String(8), index=True),
    Column("agent", String(16)),
    Column("role", Text),
    Column("parent", String(200)),
)

actor_mentions = Table(
    "actor_mentions",
    metadata,
    Column("article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("span_start", Integer, primary_key=True),
    Column("span_end", Integer, primary_key=True),
    Column("actor_id", String(200), primary_key=True, index=True),
    Column("text", Text, nullable=False),
    Column("sentence", Integer),
    Column("why", Text),
)

#: Places, keyed by ``id``: ``gn:<geonameid>`` or ``name:<country>:<name>``.
places = Table(
    "places",
    metadata,
    Column("id", String(300), primary_key=True),
    Column("name", Text, nullable=False),
    Column("name_en", Text),
    Column("country", String(8), index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer),
    Column("precision", String(16)),
)

place_mentions = Table(
    "place_mentions",
    metadata,
    Column("article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("span_start", Integer, primary_key=True),
    Column("span_end", Integer, primary_key=True),
    Column("place_id", String(300), primary_key=True, index=True),
    Column("text", Text, nullable=False),
    Column("sentence", Integer),
)


_INDEX: dict[str, Any] = {"index": True}
_FLAG: dict[str, Any] = {"nullable": False, "default": False}

#: The event JSON, field by field: (field, column type, column options). Nested objects
#: (``source``, ``target``, ``trigger``, ``place``) are flattened into ``<object>_<field>``
#: columns; the field tuples below and both event tables are made from these lists.
_EVENT_HEAD: list[tuple[str, Any, dict[str, Any]]] = [
    ("article_id", String(200), {"nullable": False, "index": True}),
    ("sentence", Integer, {}),
    ("date", Date, _INDEX),
    ("date_precision", String(16), {}),
    ("event_type", String(32), _INDEX),
    ("mode", String(32), {}),
    ("cameo", String(8), _INDEX),
    ("quad_class", Integer, {}),
    ("goldstein", Float, {}),
]
_ACTOR: list[tuple[str, Any, dict[str, Any]]] = [
    ("text", Text, {}), ("start", Integer, {}), ("end", Integer, {}),
    ("actor_id", String(200), _INDEX), ("code", String(64), _INDEX), ("name_en", Text, {}), ("role", Text, {}),
]
_TRIGGER: list[tuple[str, Any, dict[str, Any]]] = [("text", Text, {}), ("start", Integer, {}), ("end", Integer, {})]
_PLACE: list[tuple[str, Any, dict[str, Any]]] = [
    ("name", Text, {}), ("country", String(8), _INDEX), ("lat", Float, {}), ("lon", Float, {}),
    ("geonameid", Integer, {}), ("precision", String(16), {}),
]
_EVENT_TAIL: list[tuple[str, Any, dict[str, Any]]] = [
    *((flag, Boolean, _FLAG) for flag in ("negated", "hypothetical", "future", "historical", "attributed")),
    # complete: the source (and the target, where the type needs one) has a country or IGO code;
    # asserted: not negated, hypothetical, future or historical (marsad.core.types.Event)
    ("complete", Boolean, _FLAG),
    ("asserted", Boolean, _FLAG),
    ("counts", Text, {}),  # JSON object
    ("confidence", Float, {}),
    ("evidence", Text, {}),
    ("coder", Text, {}),  # JSON object, as the coder wrote it
    ("coder_version", String(64), _INDEX),
]
_JSON_TEXT = ("counts", "coder")  # stored as JSON text, not flattened


def _flat() -> list[tuple[str, Any, dict[str, Any]]]:
    """Every event column in table order, nested fields prefixed with their object's name."""
    out = list(_EVENT_HEAD)
    for side in ("source", "target"):
        out += [(f"{side}_{name}", typ, opts) for name, typ, opts in _ACTOR]
    out += [(f"trigger_{name}", typ, opts) for name, typ, opts in _TRIGGER]
    out += [(f"place_{name}", typ, opts) for name, typ, opts in _PLACE]
    return out + _EVENT_TAIL


def event_columns() -> list[Column[Any]]:
    """Fresh columns of the event JSON, flattened: shared by ``events`` and ``event_mentions``."""
    return [Column(name, typ, **opts) for name, typ, opts in _flat()]


#: One row per real-world event (merge of its mentions). ``id`` is a hash of the merge key.
events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("merge_key", Text, nullable=False),
    Column("mention_id", String(300), nullable=False),  # the representative mention
    *event_columns(),
    Column("num_mentions", Integer, nullable=False, default=1),
    Column("num_articles", Integer, nullable=False, default=1),
    Column("num_sources", Integer, nullable=False, default=1),
    Column("first_published", DateTime),
)
for _name, _cols in AGGREGATE_INDEXES.items():
    Index(_name, *(events.c[c] for c in _cols))

#: One row per event as coded in one article (the coder's own event id).
event_mentions = Table(
    "event_mentions",
    metadata,
    Column("id", String(300), primary_key=True),
    Column("event_id", String(64), nullable=False),  # indexed with article_id: MENTION_INDEXES
    # the article event (the JSON's event_id: the id of its first mention): with article_id, its key
    Column("article_event_id", String(300)),
    *event_columns(),
    Column("published", DateTime),
    Column("source", String(200)),  # the article's outlet (not the source actor)
    Column("data", Text, nullable=False),  # the event JSON exactly as the coder made it
)
for _name, _cols in {**MENTION_INDEXES, **ARTICLE_EVENT_INDEXES}.items():
    Index(_name, *(event_mentions.c[c] for c in _cols))

#: MinHash LSH bands: articles sharing a (band, hash) are near-duplicate candidates.
article_bands = Table(
    "article_bands",
    metadata,
    Column("article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("band", Integer, primary_key=True),
    Column("hash", String(16), nullable=False),
)
Index("ix_article_bands_hash", article_bands.c.band, article_bands.c.hash)

#: Near-duplicate article clusters; ``cluster_id`` is the smallest article id in it.
duplicate_clusters = Table(
    "duplicate_clusters",
    metadata,
    Column("article_id", String(200), primary_key=True),
    Column("cluster_id", String(200), nullable=False, index=True),
    Column("size", Integer, nullable=False),
    Column("similarity", Float),  # estimated Jaccard with the cluster's first article
)

#: Items that could not be read or coded, with the reason. ``key`` makes it idempotent.
failures = Table(
    "failures",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("item", Text, nullable=False),  # path, archive member or article id
    Column("article_id", String(200), index=True),
    Column("stage", String(32)),  # "read", "ner", "events", ... or "store"
    Column("reason", Text, nullable=False),
    Column("run_id", Integer),
    Column("created_at", DateTime),
)

#: One row per ``marsad ingest`` or ``marsad recode`` invocation (a log; not data).
runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("command", String(32), nullable=False),
    Column("args", Text),
    Column("coder_version", String(64)),
    Column("coder", Text),  # JSON
    Column("started_at", DateTime),
    Column("finished_at", DateTime),
    Column("status", String(16)),  # running, done, failed, interrupted
    Column("articles", Integer, default=0),
    Column("skipped", Integer, default=0),
    Column("events", Integer, default=0),
    Column("failures", Integer, default=0),
    Column("pid", Integer),  # the process that runs it, on ``host``: to tell a killed run
    Column("host", String(255)),
    Column("min_confidence", Float),  # the threshold of the detector that coded the run (if any)
)

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime),
    Column("description", Text),
)

#: Tables holding data (the ``runs`` log excluded): re-ingesting must add no row to them.
DATA_TABLES = (
    "articles", "sentences", "mentions", "actors", "actor_mentions", "places", "place_mentions",
    "events", "event_mentions", "article_bands", "duplicate_clusters", "failures",
)

#: Fields of the event JSON that are columns as they are, and the fields of its nested objects.
EVENT_SCALARS = tuple(n for n, _, _ in _EVENT_HEAD + _EVENT_TAIL if n not in (*_JSON_TEXT, "coder_version"))
ACTOR_FIELDS = tuple(n for n, _, _ in _ACTOR)
TRIGGER_FIELDS = tuple(n for n, _, _ in _TRIGGER)
PLACE_FIELDS = tuple(n for n, _, _ in _PLACE)
