"""What the detector is trained to say: a candidate is a real event of its type, whatever its
modality (a planned or negated event is still that event; its flags say it did not happen)."""

from __future__ import annotations

import marsad
from marsad.components.events.detector import label_of
from marsad.training.detector import label_examples

# ANT (France 24, 2018): a summit called off; the candidate was labelled N, reason "negated".
TEXT = ("وأعلن ترامب إلغاء القمة في اليوم نفسه الذي أعلنت فيه بيونغ يانغ أنها فككت بالكامل موقع بونغي-ري "
        "للتجارب النووية في أقصى شمال شرق البلاد.")


def _labels(doc, answer: str, reason: str) -> list[dict]:
    e = next(e for e in doc.events if e.trigger.text == "القمة")
    return [{"article_id": doc.article.id, "trigger_start": e.trigger.start, "label": label_of(e),
             "answer": answer, "reason": reason}]


def test_flagged_events_are_events_and_other_noes_are_not() -> None:
    doc = marsad.load()(marsad.Article(id="FR-1", text=TEXT))
    assert [ex.y for ex in label_examples(_labels(doc, "N", "negated"), [doc])] == [1]
    assert [ex.y for ex in label_examples(_labels(doc, "N", "future"), [doc])] == [1]
    assert [ex.y for ex in label_examples(_labels(doc, "N", "sense"), [doc])] == [0]
    assert [ex.y for ex in label_examples(_labels(doc, "N", "reference"), [doc])] == [0]
