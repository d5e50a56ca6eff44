"""The detector reads a dictionary entry by its code, part of speech and pattern, not by its line:
adding entries anywhere in triggers.tsv leaves the probabilities of the other entries' events as
they were."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

import marsad.resources as resource_files
from marsad.coding import build_pipeline
from marsad.components.events.detector import rule_key
from marsad.core.types import Article

pytestmark = pytest.mark.slow

# ANT, CNN middleEast: a condemnation of an attack, and a visit hosted
TEXT = ("أدانت وزارة الخارجية السعودية، الإثنين، الهجوم الذي استهدف كنيسة في الشيشان، وفقا لما نقلته "
        "وكالة الأنباء السعودية (واس). استقبل العاهل السعودي الملك سلمان بن عبدالعزيز، الثلاثاء، الرئيس "
        "المصري عبدالفتاح السيسي، في \"نيوم\"، شمال غرب السعودية.")


def _events(pipe):
    doc = list(pipe.pipe([Article(id="t", text=TEXT, published=datetime(2018, 5, 1))]))[0]
    return [(e.cameo, e.trigger.text, e.confidence) for e in doc.events]


def test_rule_key_has_no_line() -> None:
    assert rule_key({"rule": "triggers.tsv:145 111 انتقد|نتقد", "pos": "V"}) == "V 111 انتقد|نتقد"
    assert rule_key({"rule": "custom"}) == "custom"


def test_moving_the_entries_keeps_the_probabilities(tmp_path: Path) -> None:
    text = resource_files.read_text("triggers", "triggers.tsv")
    first, rest = text.split("\n", 1)
    shifted = tmp_path / "triggers.tsv"
    shifted.write_text(first + "\n# a comment\n# and another\n" + rest, encoding="utf-8")
    before = _events(build_pipeline())
    after = _events(build_pipeline(dictionary=shifted))
    assert len(before) >= 2 and before == after
