"""Three levels: mentions (one per sentence), article events, merged events.

The mentions of one article event (same article, same JSON ``event_id``) always belong to one merged
event, whose fields are its most confident mention's; merged events then merge across articles
by the key of their article events. On SQLite and on PostgreSQL, with the real pipeline.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from marsad.core.types import Actor, ActorMention, Article, Document
from marsad.jobs.ingest import Coded, code_batch, ingest, plan_batch, write_coded
from marsad.jobs.recode import recode
from marsad.store import duplicates, open_store, schema
from marsad.store.version import coder_version, version_id

TEXT = "قصفت طائرات حربية روسية مواقع للمعارضة في ريف إدلب أمس. وأسفر القصف عن مقتل عشرة مدنيين."
PUBLISHED = datetime(2019, 5, 1, 9, 30)


@pytest.fixture(scope="module")
def pipeline() -> Any:
    from marsad.coding import build_pipeline

    return build_pipeline()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "m.db")
    return str(request.getfixturevalue("pg_url"))


def _article(aid: str = "strike-1") -> Article:
    return Article(id=aid, text=TEXT, title=None, source="outlet", published=PUBLISHED)


def _data_rows(store: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the event tables, sorted (to compare two stores)."""
    out = {}
    with store.engine.connect() as conn:
        for t in (schema.events, schema.event_mentions):
            out[t.name] = sorted(tuple(r) for r in conn.execute(t.select()))
    return out


def test_an_event_told_in_two_sentences_is_one_event_with_two_mentions(db: str, pipeline: Any) -> None:
    doc = pipeline(_article())
    assert len(doc.events) == 2 and len({e.event_id for e in doc.events}) == 1  # the coder's article event
    first, second = doc.events
    assert first.confidence > second.confidence and second.target is None
    with open_store(db) as store:
        ingest(store, [_article()], pipeline)
        evs = store.events(include="all", min_confidence=0)
        assert len(evs) == 1
        ev = evs[0]
        assert ev.num_mentions == 2 and ev.row["num_articles"] == 1 and ev.num_sources == 1
        assert set(ev.mention_ids) == {first.id, second.id}
        assert ev.row["mention_id"] == first.id and ev.data["id"] == first.id  # the most confident
        assert ev.row["target_code"] == first.target.actor.code
        df = store.event_mentions_df()
        assert set(df["article_event_id"]) == {first.event_id} and set(df["event_id"]) == {ev.id}
        (aev,) = store.article_events(article_id="strike-1")
        assert aev["article_event_id"] == first.event_id and aev["event_id"] == ev.id
        assert aev["mention_ids"] == [first.id, second.id] and aev["num_mentions"] == 2
        assert aev["mention_id"] == first.id and aev["data"]["id"] == first.id
        assert store.article_events(event_id=ev.id) == [aev]
        assert store.summary(include="all", min_confidence=0) == {"events": 1, "mentions": 2, "articles": 1}
        before, rows = store.counts(), _data_rows(store)
        ingest(store, [_article()], pipeline)  # re-ingest: nothing new
        assert store.counts() == before and _data_rows(store) == rows
        c = recode(store, pipeline, everything=True)  # the normal write path, articles replaced
        assert c.articles == 1
        assert store.counts() == before and _data_rows(store) == rows


def _retarget(doc: Document, aid: str) -> Document:
    """The document as another article reporting the same strike, with a known target in its first
    sentence (so that the article events merge across articles); the second mention keeps no target."""
    art = _article(aid)
    first = doc.events[0]
    assert first.target is not None
    syria = ActorMention(first.target.start, first.target.end, first.target.text,
                         Actor(id="SYR_OPPOSITION", code="SYRREB", name_ar=first.target.text), first.sentence)
    new_id = {e.id: f"{aid}:{e.id}" for e in doc.events}
    events = [dataclasses.replace(e, id=new_id[e.id], article_id=aid, event_id=new_id[e.event_id],
                                  target=syria if e is first else e.target) for e in doc.events]
    return dataclasses.replace(doc, article=art, events=events)


def _write(store: Any, pipeline: Any, docs: list[Document]) -> None:
    cvid = version_id(coder_version(pipeline))
    write_coded(store, plan_batch(store, [d.article for d in docs]), Coded(docs), cvid, None)


def test_article_events_merge_across_articles_whatever_the_order(db: str, pipeline: Any, tmp_path: Path) -> None:
    (doc,) = code_batch(pipeline, [_article()]).docs
    a, b = _retarget(doc, "copy-a"), _retarget(doc, "copy-b")
    with open_store(db) as store:
        _write(store, pipeline, [a])
        _write(store, pipeline, [b])
        # the second mention alone has no target: its own key would keep it in its article
        with store.engine.connect() as conn:
            mentions = [dict(r) for r in conn.execute(schema.event_mentions.select()).mappings()]
        assert len({duplicates.merge_key(r) for r in mentions}) == 3
        assert len({r["event_id"] for r in mentions}) == 1
        evs = store.events(include="all", min_confidence=0)
        assert [(e.num_mentions, e.row["num_articles"], e.article_ids) for e in evs] == [
            (4, 2, ("copy-a", "copy-b"))]
        assert evs[0].row["mention_id"] == "copy-a:" + doc.events[0].id
        assert len(store.article_events()) == 2
        first = _data_rows(store)
    with open_store(tmp_path / "reverse.db") as other:  # the other order, in one batch
        _write(other, pipeline, [b, a])
        assert _data_rows(other)["events"] == first["events"]


def _downgrade_to_5(store: Any) -> None:
    """Make a store what marsad left behind at schema version 5: no article_event_id, each mention
    merged by its own key, each event's fields those of its mention with the smallest id."""
    m, e = schema.event_mentions, schema.events
    with store.engine.begin() as conn:
        mentions = [dict(r) for r in conn.execute(m.select()).mappings()]
        conn.execute(text("DROP INDEX ix_event_mentions_article_event"))
        conn.execute(text("ALTER TABLE event_mentions DROP COLUMN article_event_id"))
        conn.execute(e.delete())
        groups: dict[str, list[dict[str, Any]]] = {}
        for r in mentions:
            key = duplicates.merge_key(r)
            groups.setdefault(key, []).append(r)
            conn.execute(text("UPDATE event_mentions SET event_id = :e WHERE id = :i"),
                         {"e": duplicates.event_id(key), "i": r["id"]})
        cols = [c.name for c in e.columns]
        for key, ms in groups.items():
            row = duplicates.merged_event(key, ms, cols)
            smallest = min(ms, key=lambda x: x["id"])
            row.update({c: smallest[c] for c in cols if c in smallest and c != "id"}, mention_id=smallest["id"])
            conn.execute(e.insert().values(**row))
        conn.execute(text("DELETE FROM schema_version WHERE version > 5"))


def test_a_version_5_store_gets_its_article_events(db: str, pipeline: Any, ant_dir: Path,
                                                   toy_pipeline: Any) -> None:
    """Stores made before article events: ``article_event_id`` comes from each mention's stored JSON
    (else its id) and the mentions of one article event are merged into one event; the store then
    equals what a fresh one holds."""
    from marsad.readers import read

    with open_store(db) as store:
        ingest(store, [x for x in read([ant_dir]) if not hasattr(x, "reason")][:60], pipeline=toy_pipeline)
        ingest(store, [_article()], pipeline)
        want = _data_rows(store)
        n_events = store.counts()["events"]
        _downgrade_to_5(store)
        assert store.counts()["events"] == n_events + 1  # the strike's second sentence was an event apart
    with open_store(db) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        assert _data_rows(store) == want
        df = store.event_mentions_df()
        assert df["article_event_id"].notna().all()
        assert (df["article_event_id"] == df["id"]).sum() >= len(df) - 1  # the toy coder: one mention each
        with store.engine.connect() as conn:
            described = conn.execute(text("SELECT description FROM schema_version WHERE version = 6")).scalar()
        assert described and "article event" in described
