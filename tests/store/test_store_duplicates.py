"""Near-duplicate articles and merged events: the documented rules, order independent."""

from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path

from marsad.core.types import Article
from marsad.jobs.ingest import ingest
from marsad.store import duplicates, open_store


def _seed_text(seed_dir: Path) -> str:
    return (seed_dir / "000_cf51298b20422178.txt").read_text("utf-8")


def test_updated_copy_clusters_and_old_background_does_not(tmp_path: Path, seed_dir: Path,
                                                           toy_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = _seed_text(seed_dir)
    day = datetime(2014, 5, 22, 19, 14)
    arts = [
        Article(id="orig", text=text, published=day),
        Article(id="update", text="وأعلن المتحدث لاحقا أن الاجتماع انتهى مساء الخميس.\n" + text,
                published=datetime(2014, 5, 23, 8, 0)),
        Article(id="months-later", text=text, published=datetime(2014, 9, 30)),
        Article(id="other", text="مباراة كرة القدم انتهت بالتعادل بين الفريقين في الدوري", published=day),
    ]
    with open_store(tmp_path / "m.db") as store:
        ingest(store, arts, toy_pipeline)
        assert store.duplicates() == {"orig": ["orig", "update"]}


def test_rule_on_pairs() -> None:
    a, b = datetime(2018, 5, 1), datetime(2018, 5, 3, 23)
    assert duplicates.is_duplicate(0.6, a, b) and not duplicates.is_duplicate(0.59, a, b)
    assert not duplicates.is_duplicate(1.0, a, datetime(2018, 5, 5, 1))
    assert duplicates.is_duplicate(0.9, None, b)


def test_components_do_not_depend_on_edge_order() -> None:
    edges = [("a", "b", 0.9), ("c", "d", 0.7), ("b", "c", 0.8), ("x", "y", 1.0)]
    want = duplicates.components(edges)
    assert want["d"] == ("a", 4, 0.7) and want["y"] == ("x", 2, 1.0)
    for seed in range(5):
        shuffled = edges[:]
        random.Random(seed).shuffle(shuffled)
        assert duplicates.components([(y, x, s) if seed % 2 else (x, y, s) for x, y, s in shuffled]) == want


def test_merge_key_rule() -> None:
    base = {"article_id": "a1", "date": date(2018, 5, 1), "date_precision": "day", "cameo": "190",
            "source_actor_id": "israel", "target_actor_id": None, "target_code": "PSE",
            "target_text": "غزة", "place_country": "PSE", "negated": False}
    other_article = {**base, "article_id": "a2", "target_text": "قطاع غزة"}
    assert duplicates.merge_key(base) == duplicates.merge_key(other_article)
    assert duplicates.merge_key(base) != duplicates.merge_key({**base, "negated": True})
    assert duplicates.merge_key(base) != duplicates.merge_key({**base, "date": date(2018, 5, 2)})
    month = {**base, "date": date(2018, 5, 1), "date_precision": "month"}
    assert duplicates.merge_key(month) == duplicates.merge_key({**month, "date": date(2018, 5, 20)})
    no_target = {**base, "target_code": None}
    assert duplicates.merge_key(no_target) != duplicates.merge_key({**no_target, "article_id": "a2"})
    agent_only = {**base, "source_actor_id": ":GOV"}
    assert duplicates.merge_key(agent_only) != duplicates.merge_key({**agent_only, "article_id": "a2"})
    undated = {**base, "date": None, "published": None}
    assert duplicates.merge_key(undated) != duplicates.merge_key({**undated, "article_id": "a2"})
    pub = {**base, "date": None, "published": datetime(2018, 5, 1, 9)}
    assert duplicates.merge_key(pub) == duplicates.merge_key(base)
