"""Scoring the coder on a gold file: the numbers ``marsad eval events`` prints."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from marsad.core.types import Article, Document, Event
from marsad.evaluation.gold import GoldSentence, code_matches, event_label, overlaps, type_counts


def default_pipeline() -> Callable[[list[Article]], list[Document]]:
    """The default pipeline of whatever stages this installation has (text ... events)."""
    from marsad.coding import build_pipeline

    pipe = build_pipeline()
    return lambda arts: list(pipe.pipe(arts))


def code_gold(sentences: Sequence[GoldSentence],
              pipeline: Callable[[list[Article]], list[Document]] | None = None) -> list[list[Event]]:
    """Code each gold sentence as a one-sentence article with its date; events per sentence."""
    run = pipeline or default_pipeline()
    arts = [Article(id=s.id, text=s.text, published=s.published) for s in sentences]
    docs = {d.article.id: d for d in run(arts)}
    return [list(docs[s.id].events) if s.id in docs else [] for s in sentences]


def _top(evs: Sequence[Event]) -> Event | None:
    return max(evs, key=lambda e: e.confidence) if evs else None


def _best_of(evs: Sequence[Event], label: str) -> Event | None:
    return _top([e for e in evs if event_label(e) == label])


def _rate(hits: int, n: int) -> dict[str, float | int]:
    return {"hits": hits, "n": n, "rate": round(hits / n, 3) if n else 0.0}


def single_type_report(sentences: Sequence[GoldSentence], coded: Sequence[Sequence[Event]]) -> dict[str, Any]:
    """The issue's measures for a one-event-per-sentence gold set (the UniversalPetrarch dev set)."""
    rows: dict[str, Any] = {}
    cats = sorted({s.category for s in sentences if s.events})
    for cat in cats + ["ALL"]:
        pairs = [(s, evs) for s, evs in zip(sentences, coded, strict=True)
                 if s.events and (cat == "ALL" or s.category == cat)]
        has = sum(1 for s, evs in pairs if _best_of(evs, s.events[0].label))
        top = sum(1 for s, evs in pairs if (t := _top(evs)) and event_label(t) == s.events[0].label)
        trig = [(s, _best_of(evs, s.events[0].label)) for s, evs in pairs if s.events[0].eventtext]
        trig_any = [(s, [e for e in evs if event_label(e) == s.events[0].label])
                    for s, evs in pairs if s.events[0].eventtext]
        src_any = [(s, [e for e in evs if event_label(e) == s.events[0].label])
                   for s, evs in pairs if s.events[0].sourcetext]
        src = [(s, _best_of(evs, s.events[0].label)) for s, evs in pairs if s.events[0].sourcetext]
        tgt = [(s, _best_of(evs, s.events[0].label)) for s, evs in pairs if s.events[0].targettext]
        code = [(s, _best_of(evs, s.events[0].label)) for s, evs in pairs
                if any(p != "None" for p in s.events[0].sourcecode.split())]
        rows[cat] = {
            "has_type": _rate(has, len(pairs)),
            "top_type": _rate(top, len(pairs)),
            "trigger_overlap": _rate(sum(1 for s, e in trig if e and overlaps(s.events[0].eventtext, e.trigger.text)), len(trig)),
            "trigger_overlap_any": _rate(sum(1 for s, es in trig_any if any(overlaps(s.events[0].eventtext, e.trigger.text) for e in es)), len(trig_any)),
            "source_overlap_any": _rate(sum(1 for s, es in src_any if any(e.source and overlaps(s.events[0].sourcetext, e.source.text) for e in es)), len(src_any)),
            "source_overlap": _rate(sum(1 for s, e in src if e and e.source and overlaps(s.events[0].sourcetext, e.source.text)), len(src)),
            "target_overlap": _rate(sum(1 for s, e in tgt if e and e.target and overlaps(s.events[0].targettext, e.target.text)), len(tgt)),
            "source_code": _rate(sum(1 for s, e in code if e and e.source and code_matches(s.events[0].sourcecode, e.source.actor.code)), len(code)),
        }
    return rows


def per_type_report(sentences: Sequence[GoldSentence], coded: Sequence[Sequence[Event]]) -> dict[str, Any]:
    """Per-type precision and recall (events matched by type within each sentence)."""
    c = type_counts(sentences, coded)
    out: dict[str, Any] = {}
    labels = sorted(set(c["gold"]) | set(c["pred"]))
    for lab in labels + ["ALL"]:
        tp = sum(c["tp"].values()) if lab == "ALL" else c["tp"][lab]
        g = sum(c["gold"].values()) if lab == "ALL" else c["gold"][lab]
        p = sum(c["pred"].values()) if lab == "ALL" else c["pred"][lab]
        prec, rec = (tp / p if p else 0.0), (tp / g if g else 0.0)
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[lab] = {"gold": g, "pred": p, "tp": tp, "precision": round(prec, 3),
                    "recall": round(rec, 3), "f1": round(f1, 3)}
    none = [evs for s, evs in zip(sentences, coded, strict=True) if not s.events]
    out["_no_event_sentences"] = _rate(sum(1 for evs in none if not [e for e in evs if e.event_type]), len(none))
    return out


def strip_events(docs: Sequence[Document]) -> list[Document]:
    return [replace(d, events=()) for d in docs]
