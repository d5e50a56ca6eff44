"""The event detector: the probability that a sentence reports a candidate event happening.

The rule coder finds candidates (a trigger, its type, its roles and modality); many are only
mentions of the word: a sport "training", a question about torture, a planned protest, a
description of what a group does. The detector is a logistic regression over what the rules
know (type, CAMEO code, rule, roles found, actor codes, modality), the words of the trigger and
around it, the sentence's place in the article and the article's title, calibrated on held-back
labelled sentences (docs/detector.md). Its probability replaces the rule coder's hand-set
confidence; ``marsad code`` hides events below :data:`THRESHOLD` by default.

The model is a plain JSON file of feature weights (``resources/models/detector/``), scored with
a dictionary lookup per feature: no extra dependency, a few microseconds per candidate.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import marsad.resources as resource_files
from marsad.core.errors import ResourceError
from marsad.core.types import Document, Event, Token

MODEL_FILE = ("models", "detector", "detector.json")
WINDOW = 3  # words each side of the trigger that are features of their own
_CLITICS = ("وال", "فال", "بال", "لل", "ال", "و", "ف")


def label_of(event: Event) -> str:
    """The label a detector model is trained per: the PLOVER type, or STATEMENT / APPEAL."""
    if event.event_type:
        return event.event_type
    return "APPEAL" if event.cameo.startswith("02") else "STATEMENT"


def _stem(norm: str) -> str:
    """The normalised word without a leading و ف and article (a light, stable stem)."""
    for p in _CLITICS:
        if norm.startswith(p) and len(norm) - len(p) >= 3:
            return norm[len(p):]
    return norm


def sentence_tokens(doc: Document) -> dict[int, list[Token]]:
    """Every token of the document by sentence index, in one pass."""
    out: dict[int, list[Token]] = {}
    for t in doc.tokens:
        out.setdefault(t.sentence, []).append(t)
    return out


def _actor_features(side: str, event: Event) -> list[str]:
    am = event.source if side == "src" else event.target
    if am is None:
        return [f"{side}=none"]
    a = am.actor
    out = [f"{side}=yes", f"{side}.type={a.type}"]
    out.append(f"{side}.country" if a.country else f"{side}.nocountry")
    if a.agent:
        out.append(f"{side}.agent={a.agent}")
    return out


_LINE = re.compile(r"^triggers\.tsv:\d+ ")


def rule_key(coder: dict) -> str:
    """The dictionary entry an event came from, as the detector knows it: its part of speech, CAMEO
    code and pattern (``V 111 هاجم +...``), not its line, so that entries can be added anywhere in the
    file without changing what the model reads of the others."""
    rule = coder.get("rule", "")
    if _LINE.match(rule):
        return f"{coder.get('pos', '')} {_LINE.sub('', rule)}"
    return rule


def features(doc: Document, event: Event, tokens: Sequence[Token] | None = None) -> list[str]:
    """The detector's features of one candidate event (binary: each name present once);
    ``tokens``: every token of its sentence (:func:`sentence_tokens`), found here if not given."""
    lab = label_of(event)
    sentence = list(tokens) if tokens is not None else sentence_tokens(doc).get(event.sentence, [])
    toks = [t for t in sentence if t.kind in ("word", "latin")]
    rule = rule_key(event.coder)
    roles = event.coder.get("roles", "")
    out = [f"type={lab}", f"cameo={event.cameo}", f"root={event.cameo[:2]}", f"rule={rule}",
           *(f"{lab}|{r}" for r in roles.split()), *_actor_features("src", event),
           *_actor_features("tgt", event)]
    out += [f"flag={f}" for f in ("negated", "hypothetical", "future", "historical", "attributed")
            if getattr(event, f)]
    # the rule coder's own score ranks the main event of a sentence (rank.py): a tenth-wide bucket
    out.append(f"rulescore={min(9, int(event.confidence * 10))}")
    inside = [t for t in toks if t.start < event.trigger.end and t.end > event.trigger.start]
    for t in inside:
        out += [f"trig={_stem(t.norm)}", f"trig|{lab}={_stem(t.norm)}"]
    if inside:
        first = toks.index(inside[0])
        last = toks.index(inside[-1])
        for k in range(1, WINDOW + 1):
            if first - k >= 0:
                out.append(f"left{k}={_stem(toks[first - k].norm)}")
            if last + k < len(toks):
                out.append(f"right{k}={_stem(toks[last + k].norm)}")
    out += sorted({f"w={_stem(t.norm)}" for t in toks})
    if event.coder.get("article") == "off-topic":
        out += ["article=off-topic", f"article=off-topic|{lab}"]
    out.append("sent=0" if event.sentence == 0 else "sent=1-2" if event.sentence <= 2 else "sent=3+")
    n = len(toks)
    out.append("len<8" if n < 8 else "len<20" if n < 20 else "len<40" if n < 40 else "len40+")
    if any(t.text in ("؟", "?") for t in sentence):
        out.append("question")
    title = doc.article.title or ""
    out += sorted({f"title={_stem(w)}" for w in _title_norms(title)})
    return out


@lru_cache(maxsize=4096)
def _title_norms(title: str) -> tuple[str, ...]:
    from marsad.text.normalize import norm_word

    return tuple(norm_word(w) for w in title.split() if len(w) > 1)


@dataclass(frozen=True, slots=True)
class Detector:
    """A trained detector: feature weights, a bias and a Platt calibration ``p = σ(a·z + b)``."""

    weights: dict[str, float]
    bias: float
    platt: tuple[float, float]
    threshold: float
    version: str

    def probability(self, feats: Sequence[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in set(feats))
        a, b = self.platt
        return 1.0 / (1.0 + math.exp(-(a * z + b)))

    def score(self, doc: Document) -> Document:
        """The document with each event's confidence set to the detector's probability."""
        if not doc.events:
            return doc
        by_sentence = sentence_tokens(doc)
        scored = []
        for e in doc.events:
            p = round(self.probability(features(doc, e, by_sentence.get(e.sentence, []))), 3)
            scored.append(replace(e, confidence=p, coder={**e.coder, "detector": self.version}))
        return replace(doc, events=tuple(scored))

    def to_json(self) -> str:
        return json.dumps({"version": self.version, "bias": self.bias, "platt": list(self.platt),
                           "threshold": self.threshold, "weights": self.weights},
                          ensure_ascii=False, sort_keys=True, indent=0)

    @classmethod
    def from_json(cls, text: str) -> Detector:
        d = json.loads(text)
        return cls(weights={k: float(v) for k, v in d["weights"].items()}, bias=float(d["bias"]),
                   platt=(float(d["platt"][0]), float(d["platt"][1])), threshold=float(d["threshold"]),
                   version=str(d["version"]))


@lru_cache(maxsize=1)
def default_detector() -> Detector | None:
    """The shipped detector, or None when this installation has none (events keep the rule
    coder's confidence)."""
    path = resource_files.path(*MODEL_FILE)
    if not path.is_file():
        return None
    try:
        return Detector.from_json(path.read_text(encoding="utf-8"))
    except (ValueError, KeyError) as exc:
        raise ResourceError(f"the event detector {path} cannot be read ({exc}); reinstall marsad") from exc


def default_threshold() -> float:
    """The documented default ``--min-confidence``: the shipped detector's threshold (0 without one)."""
    d = default_detector()
    return d.threshold if d is not None else 0.0


__all__ = ["Detector", "default_detector", "default_threshold", "features", "label_of", "rule_key"]
