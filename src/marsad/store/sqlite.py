"""SQLite specifics: connection settings, upserts, FTS5 full-text search.

Indexed text must be what ``unindex_text`` recomputes: ``normalize_text`` of the title and
of the text (a text stage's ``NormText.text`` is the same string).

The database is a single file (``marsad.db`` by default) in WAL mode: readers (the HTTP
API, the dashboard) never block the writer, and a killed writer loses at most the batch
it had not committed. Search uses a contentless FTS5 table whose rowid is the article's
rowid and whose columns hold ``normalize_text`` of the title and text, so that a query
in any spelling (أ/ا, ى/ي, ة/ه, diacritics, Arabic-Indic digits) finds every variant.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from marsad.store.backend import Backend
from marsad.text.normalize import normalize_text

FTS_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "title, body, content='', tokenize='unicode61 remove_diacritics 0')"
)


#: Events per day (``event_day_counts``) and per month (``event_month_counts``), quad class (0:
#: none) and flags, kept by triggers on ``events``: a timeline with no other filter than
#: ``include`` (and no confidence floor) reads these counts instead of walking an index entry per
#: event (:func:`marsad.store.queries.kept_by_day`). SQLite only: its single writer keeps them
#: consistent; PostgreSQL's concurrent writers would lock a counts row per day in no fixed order,
#: so there the timeline always counts the events.
DAY_COUNT_FLAGS = ("complete", "asserted", "negated", "hypothetical", "future", "historical")


def _counts_sql(table: str, period: str, typ: str, of: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(DDL, backfill) of one counts table keyed by ``period`` (``of``: its value from a date)."""
    key = (period, "quad_class", *DAY_COUNT_FLAGS)
    new = ", ".join([of.format("NEW.date"), "coalesce(NEW.quad_class, 0)", *(f"NEW.{c}" for c in DAY_COUNT_FLAGS)])
    old = " AND ".join([f"{period} = {of.format('OLD.date')}", "quad_class = coalesce(OLD.quad_class, 0)",
                        *(f"{c} = OLD.{c}" for c in DAY_COUNT_FLAGS)])
    upsert = (f"INSERT INTO {table} ({', '.join(key)}, n) SELECT {new}, 1 WHERE NEW.date IS NOT NULL "
              f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET n = n + 1;")
    drop = f"UPDATE {table} SET n = n - 1 WHERE OLD.date IS NOT NULL AND {old};"
    watched = ", ".join(("date", "quad_class", *DAY_COUNT_FLAGS))
    ddl = (
        f"CREATE TABLE IF NOT EXISTS {table} ({period} {typ} NOT NULL, quad_class INTEGER NOT NULL, "
        + ", ".join(f"{c} BOOLEAN NOT NULL" for c in DAY_COUNT_FLAGS)
        + f", n INTEGER NOT NULL, PRIMARY KEY ({', '.join(key)})) WITHOUT ROWID",
        f"CREATE TRIGGER IF NOT EXISTS {table}_insert AFTER INSERT ON events BEGIN {upsert} END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_delete AFTER DELETE ON events BEGIN {drop} END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_update AFTER UPDATE OF {watched} ON events BEGIN {drop} {upsert} END",
    )
    backfill = (
        f"DELETE FROM {table}",
        f"INSERT INTO {table} ({', '.join(key)}, n) SELECT {of.format('date')}, coalesce(quad_class, 0), "
        f"{', '.join(DAY_COUNT_FLAGS)}, count(*) FROM events WHERE date IS NOT NULL "
        f"GROUP BY {of.format('date')}, coalesce(quad_class, 0), {', '.join(DAY_COUNT_FLAGS)}",
    )
    return ddl, backfill


_DAYS = _counts_sql("event_day_counts", "date", "DATE", "{}")
_MONTHS = _counts_sql("event_month_counts", "month", "VARCHAR(7)", "substr({}, 1, 7)")
DAY_COUNTS_DDL = _DAYS[0] + _MONTHS[0]
DAY_COUNTS_BACKFILL = _DAYS[1] + _MONTHS[1]


def fts_query(query: str) -> str:
    """A user query as an FTS5 expression: normalised words, all required, ``*`` kept."""
    words = []
    for raw in normalize_text(query).split():
        prefix = raw.endswith("*")
        word = "".join(ch for ch in raw if ch.isalnum())
        if word:
            words.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(words)


class SqliteBackend(Backend):
    name = "sqlite"

    @staticmethod
    def make_engine(url: str) -> Any:
        from sqlalchemy import create_engine, event

        engine = create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            if url != "sqlite://":
                cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=60000")
            cur.close()

        return engine

    def insert(self, table: Any) -> Any:
        from sqlalchemy.dialects.sqlite import insert

        return insert(table)

    def create_extra(self, conn: Any) -> None:
        from sqlalchemy import text

        conn.execute(text(FTS_DDL))
        self.create_day_counts(conn)

    def create_day_counts(self, conn: Any, backfill: bool = False) -> None:
        """The per-day event counts and the triggers that keep them; ``backfill``: count the
        events already stored (a store made before them)."""
        from sqlalchemy import text

        for sql in DAY_COUNTS_DDL + (DAY_COUNTS_BACKFILL if backfill else ()):
            conn.execute(text(sql))

    def index_text(self, conn: Any, rows: Sequence[dict[str, Any]]) -> None:
        """Add articles (dicts with ``id`` and ``norm``: normalised title and text) to the index."""
        from sqlalchemy import bindparam, text

        if not rows:
            return
        stmt = text("SELECT id, rowid FROM articles WHERE id IN :ids").bindparams(
            bindparam("ids", expanding=True))
        rowids = dict(conn.execute(stmt, {"ids": [r["id"] for r in rows]}).all())
        conn.execute(
            text("INSERT INTO articles_fts(rowid, title, body) VALUES (:r, :t, :b)"),
            [{"r": rowids[r["id"]], "t": r["norm"][0], "b": r["norm"][1]} for r in rows],
        )

    def unindex_text(self, conn: Any, article_ids: Sequence[str]) -> None:
        """Remove articles from the index (a contentless table needs the indexed values back)."""
        from sqlalchemy import text

        for aid in article_ids:
            row = conn.execute(
                text("SELECT rowid, title, text FROM articles WHERE id = :id"), {"id": aid}
            ).first()
            if row is None:
                continue
            conn.execute(
                text("INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', :r, :t, :b)"),
                {"r": row[0], "t": normalize_text(row[1] or ""), "b": normalize_text(row[2])},
            )

    def search(self, conn: Any, query: str, limit: int) -> list[tuple[str, float]]:
        from sqlalchemy import text

        expr = fts_query(query)
        if not expr:
            return []
        rows = conn.execute(
            text(
                "SELECT a.id, bm25(articles_fts) AS score FROM articles_fts "
                "JOIN articles a ON a.rowid = articles_fts.rowid "
                "WHERE articles_fts MATCH :q ORDER BY score, a.id LIMIT :n"
            ),
            {"q": expr, "n": limit},
        ).all()
        return [(r[0], -float(r[1])) for r in rows]
