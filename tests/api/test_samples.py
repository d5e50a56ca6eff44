"""The sample articles shipped for ``marsad demo``."""

from __future__ import annotations

from collections import Counter

from marsad.cli.demo import sample_articles


def test_samples_are_real_ant_articles_and_the_seed(seed_text: str) -> None:
    arts = list(sample_articles())
    assert len(arts) == 301 and len({a.id for a in arts}) == 301
    seed = arts[0]
    assert seed.id == "000_cf51298b20422178" and seed.text in seed_text
    assert seed.published is not None and seed.published.date().isoformat() == "2014-05-22"
    cats = Counter(a.category for a in arts[1:])
    assert cats["middleEast"] + cats["internationalNews"] == 255 and sum(cats.values()) == 300
    assert all(a.text.strip() and a.published is not None and a.url for a in arts[1:])
    assert {a.source for a in arts[1:]} == {"alarabia", "BBC", "CNN", "france24", "skynews"}
    assert list(sample_articles(limit=3)) == arts[:3]
