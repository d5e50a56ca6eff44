"""Entity-level scoring as conlleval and seqeval's default mode count it.

An entity starts at a B- tag, or at an I- tag that follows O or a tag of another type; it
ends where the next tag is not an I- of the same type. A predicted entity counts as correct
only if its type, start and end all equal a gold entity's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Entity = tuple[int, int, str]  # start token, end token (exclusive), type


def entities(tags: Sequence[str]) -> list[Entity]:
    """Entities of an IOB tag sequence, conlleval style."""
    out: list[Entity] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        inside = prefix == "I" and typ == label and start >= 0
        if start >= 0 and not inside:
            out.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I") and not inside:
            start, label = i, typ
    return out


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    gold: int
    predicted: int
    correct: int


def _score(correct: int, predicted: int, gold: int) -> Score:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f, gold, predicted, correct)


def evaluate(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> dict[str, Score]:
    """Scores per type and ``micro`` over aligned sentences of gold and predicted tags."""
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_ok: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        if len(g) != len(p):
            raise ValueError(f"sentence lengths differ: {len(g)} gold tags, {len(p)} predicted")
        ge, pe = set(entities(g)), set(entities(p))
        for _, _, t in ge:
            n_gold[t] += 1
        for _, _, t in pe:
            n_pred[t] += 1
        for _, _, t in ge & pe:
            n_ok[t] += 1
    out = {t: _score(n_ok[t], n_pred[t], n_gold[t]) for t in sorted(set(n_gold) | set(n_pred))}
    out["micro"] = _score(sum(n_ok.values()), sum(n_pred.values()), sum(n_gold.values()))
    return out


def format_table(scores: dict[str, Score]) -> str:
    lines = ["type\tprecision\trecall\tf1\tgold\tpredicted\tcorrect"]
    for name, s in scores.items():
        lines.append(f"{name}\t{s.precision:.4f}\t{s.recall:.4f}\t{s.f1:.4f}\t{s.gold}\t{s.predicted}\t{s.correct}")
    return "\n".join(lines)
