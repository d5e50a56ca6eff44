"""``marsad train ner`` reports the CRF's iterations to a progress bar."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from marsad.cli.train_ner import _iterations

pytest.importorskip("pycrfsuite")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_each_iteration_is_reported_and_the_bar_ends(tmp_path: Path) -> None:
    from marsad.training.ner.train import make_trainer

    seen: list[tuple[int, int]] = []
    err = Terminal()
    bar = _iterations("test", err)

    def hook(done: int, total: int) -> None:
        seen.append((done, total))
        bar(done, total)

    trainer = make_trainer(8, hook)
    sents = [(["قال", "وزير", "الخارجية"], ["O", "B-PERS", "I-PERS"]),
             (["زار", "بغداد", "أمس"], ["O", "B-LOC", "O"]),
             (["في", "القاهرة"], ["O", "B-LOC"])]
    for words, tags in sents:
        trainer.append([{"w=" + w: 1.0, "bias": 1.0} for w in words], tags)
    trainer.set_params({"max_iterations": 8})
    trainer.train(str(tmp_path / "m.crfsuite"))
    assert seen and seen[0] == (1, 8) and seen[-1] == (8, 8)
    assert [d for d, _ in seen[:-1]] == list(range(1, len(seen)))
    assert "8/8 iterations (test)" in err.getvalue() and err.getvalue().endswith("\n")
    assert err.getvalue().count("\n") == 1  # the end of training does not draw the bar again
