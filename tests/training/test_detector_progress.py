"""``marsad train detector`` shows a progress bar while it codes the labelled articles: the total
is the number of labelled articles, and each coded article is one step."""

from __future__ import annotations

import io
import json
from pathlib import Path

from marsad.cli._progress import Progress
from marsad.core.types import Article
from marsad.readers import read
from marsad.training.detector import build_examples, candidate_pipeline

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_labelled_articles_are_counted_and_stepped(tmp_path: Path) -> None:
    import pytest

    if not SEED.exists():
        pytest.skip("the seed article is not here")
    arts = [a for a in read([SEED]) if isinstance(a, Article)]
    (tmp_path / "detector").mkdir()
    labels = [{"article_id": a.id, "trigger_start": 0, "label": "CONSULT", "answer": "N"} for a in arts]
    labels.append({"article_id": "not-in-the-archive", "trigger_start": 0, "label": "CONSULT", "answer": "N"})
    (tmp_path / "detector" / "labels.jsonl").write_text("\n".join(json.dumps(x) for x in labels), "utf-8")
    err = Terminal()
    bar = Progress(err, label="labelled articles", detail=False, interval=0)
    totals: list[int | None] = []

    def progress(total: int | None) -> object:
        totals.append(total)
        bar.set_total(total)
        return lambda n: bar.update({"articles": n})

    build_examples(tmp_path, SEED, candidate_pipeline(), log=lambda m: None, progress=progress)
    assert totals == [len(arts) + 1]
    assert bar.done() == len(arts)  # the article missing from the archive is never coded
    assert f"{len(arts)}/{len(arts) + 1} labelled articles" in err.getvalue()
