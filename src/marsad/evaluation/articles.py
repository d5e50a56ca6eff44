"""Scoring the coder on whole articles: the numbers ``marsad eval articles`` prints.

The gold file is JSON lines, one article each (``benchmarks/article_gold.py build`` writes it)::

    {"id", "title", "published", "dateline", "source", "category", "class", "text",
     "sentences": [{"index", "start", "end", "events": [{"eid", "plover", "cameo", "trigger",
                    "trigger_start", "source_text", "target_text", "source_code", "target_code",
                    "modality", "date", "place"}, ...]}, ...]}

Each gold event line is one *mention*; mentions sharing ``eid`` in an article are one event.
Coded mentions are dicts shaped like :func:`marsad.core.serialize.event_to_dict` (``event_type``,
``cameo``, ``trigger`` ``{start, end, text}``, ``source``/``target`` ``{text, code, ...}`` or
None, ``date``, ``confidence``), with an optional ``event_id`` grouping mentions of one event.

The scoring rules:

* a coded mention belongs to the gold sentence whose ``[start, end)`` holds its trigger's start;
  mentions outside every gold sentence are ignored (and counted as such);
* negated, hypothetical, historical ... mentions count like the rest, in gold and coded;
* a coded mention matches a gold mention of the same sentence with the same label (the PLOVER
  type, or ``STATEMENT`` / ``APPEAL`` for CAMEO 01x / 02x); coded mentions are paired greedily,
  most confident first, each gold mention used at most once (among several unused gold mentions of
  the label, the one whose trigger starts nearest the coded trigger, then the first);
* typed figures keep only PLOVER-typed mentions, untyped figures all labels;
* country accuracy is over matched pairs whose gold code has a first field other than ``None``: the
  coded actor's first field (``IGO`` for IGOs; agent-only codes have none) must equal it, and a
  missing coded actor is wrong;
* dyad recall: of the gold mentions with a source and a target first field, the share matched with
  both coded first fields right;
* false alarms: coded mentions in gold sentences without any gold event, per such sentence;
* date accuracy over matched pairs with a gold date: the coded date equals it or starts with it;
* the ``lead`` view repeats every figure over the first ``lead`` sentences of each article.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from marsad.components.actors.lexicon import AGENT_CODES
from marsad.core.errors import InputError
from marsad.core.types import Article, Document
from marsad.resources.ontology import cameo_codes

#: Labels that are not PLOVER types (CAMEO 01x and 02x, and a code with no type at all).
UNTYPED_LABELS = frozenset({"STATEMENT", "APPEAL", "NONE"})
#: The first fields of actor codes that mean "no first field".
_NO_FIELD = frozenset({"", "None", "NONE", "-"})
LEAD_SENTENCES = 6


# --------------------------------------------------------------------------- labels and codes


def label_of(plover: str | None, cameo: str | None) -> str:
    """The scoring label: the PLOVER type, else STATEMENT / APPEAL for CAMEO 01x / 02x.

    An untyped code outside 01/02 falls back to the ontology's PLOVER type, else ``NONE``.
    """
    if plover:
        return plover
    code = cameo or ""
    if code.startswith("01"):
        return "STATEMENT"
    if code.startswith("02"):
        return "APPEAL"
    entry = cameo_codes().get(code)
    return (entry.plover_type if entry else None) or "NONE"


def is_typed(label: str) -> bool:
    return label not in UNTYPED_LABELS


def gold_first_field(code: str | None) -> str | None:
    """``SAU GOV`` -> SAU, ``IGO None UNO`` -> IGO, ``None MIL`` -> None, ``IGOUNO`` -> IGO."""
    parts = (code or "").split()
    if not parts:
        return None
    first = parts[0]
    if len(parts) == 1 and len(first) > 3 and first not in _NO_FIELD:
        first = first[:3]
    return None if first in _NO_FIELD else first


def coded_first_field(actor: Mapping[str, Any] | None) -> str | None:
    """The first field of a coded actor: its code's first three letters unless they are an agent
    (``IGOUNO`` -> IGO, ``TURGOV`` -> TUR, ``CVL`` -> None), else its ``country`` if it has one."""
    if not actor:
        return None
    code = str(actor.get("code") or "")
    if " " in code.strip():
        first = gold_first_field(code)
        if first:
            return first
    elif code:
        head = code[:3]
        if head not in AGENT_CODES and head not in _NO_FIELD:
            return head
    country = actor.get("country")
    return str(country) if country and str(country) not in _NO_FIELD else None


# --------------------------------------------------------------------------- the gold file


@dataclass(frozen=True, slots=True)
class GoldMention:
    eid: str
    label: str
    plover: str | None
    cameo: str
    trigger: str
    trigger_start: int
    source_code: str
    target_code: str
    source_text: str = ""
    target_text: str = ""
    modality: tuple[str, ...] = ()
    date: str | None = None
    place: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"eid": self.eid, "label": self.label, "cameo": self.cameo, "trigger": self.trigger,
                "trigger_start": self.trigger_start, "source_text": self.source_text,
                "target_text": self.target_text, "source_code": self.source_code,
                "target_code": self.target_code, "modality": list(self.modality), "date": self.date}


@dataclass(frozen=True, slots=True)
class GoldSentenceSpan:
    index: int
    start: int
    end: int
    mentions: tuple[GoldMention, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    cls: str
    sentences: tuple[GoldSentenceSpan, ...]
    title: str | None = None
    published: str | None = None
    dateline: str | None = None
    source: str | None = None
    category: str | None = None

    def to_article(self) -> Article:
        """The article as marsad reads it."""
        pub = datetime.fromisoformat(self.published) if self.published else None
        return Article(id=self.id, text=self.text, title=self.title, published=pub,
                       dateline=self.dateline, source=self.source, category=self.category)


def _mention(d: Mapping[str, Any], sentence_start: int) -> GoldMention:
    plover = d.get("plover") or None
    cameo = str(d.get("cameo") or "")
    ts = d.get("trigger_start")
    return GoldMention(
        eid=str(d.get("eid", "")), label=label_of(plover, cameo), plover=plover, cameo=cameo,
        trigger=str(d.get("trigger") or ""), trigger_start=int(ts) if ts is not None else sentence_start,
        source_code=str(d.get("source_code") or ""), target_code=str(d.get("target_code") or ""),
        source_text=str(d.get("source_text") or ""), target_text=str(d.get("target_text") or ""),
        modality=tuple(d.get("modality") or ()), date=d.get("date") or None, place=d.get("place") or None,
    )


def article_from_dict(d: Mapping[str, Any]) -> GoldArticle:
    sents = []
    for k, s in enumerate(d.get("sentences") or ()):
        if isinstance(s, Mapping):
            start, end = int(s["start"]), int(s["end"])
            evs = tuple(_mention(e, start) for e in s.get("events") or ())
            sents.append(GoldSentenceSpan(int(s.get("index", k)), start, end, evs))
        else:  # [start, end] as in the article list
            sents.append(GoldSentenceSpan(k, int(s[0]), int(s[1])))
    return GoldArticle(
        id=str(d["id"]), text=str(d.get("text") or ""), cls=str(d.get("class") or "unknown"),
        sentences=tuple(sorted(sents, key=lambda s: s.start)), title=d.get("title"),
        published=d.get("published"), dateline=d.get("dateline"), source=d.get("source"),
        category=d.get("category"),
    )


def read_article_gold(path: str | Path) -> list[GoldArticle]:
    """The articles of a gold JSONL file; raises :class:`InputError` on a bad file."""
    out: list[GoldArticle] = []
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    out.append(article_from_dict(json.loads(line)))
                except (ValueError, KeyError, TypeError) as exc:
                    raise InputError(f"{path}:{n}: not an article gold line ({exc}); build the file with "
                                     "benchmarks/article_gold.py build") from exc
    except OSError as exc:
        raise InputError(f"cannot read gold file {path}: {exc}") from exc
    return out


def _gold(gold: str | Path | Sequence[GoldArticle]) -> list[GoldArticle]:
    return read_article_gold(gold) if isinstance(gold, str | Path) else list(gold)


# --------------------------------------------------------------------------- coding the gold


class _Pipe(Protocol):
    def pipe(self, items: Iterable[Article]) -> Iterable[Document]: ...


def code_gold(gold_path: str | Path | Sequence[GoldArticle],
              pipeline: _Pipe | None = None) -> dict[str, list[dict[str, Any]]]:
    """Code every gold article with ``pipeline`` (the default one if None): its mentions, by article id."""
    from marsad.core.serialize import event_to_dict

    articles = _gold(gold_path)
    if pipeline is None:
        from marsad.coding import build_pipeline

        pipeline = build_pipeline()
    from marsad.components.events.assemble import event_confidence

    out: dict[str, list[dict[str, Any]]] = {a.id: [] for a in articles}
    for doc in pipeline.pipe([a.to_article() for a in articles]):
        best = event_confidence(doc.events)
        out[doc.article.id] = [event_to_dict(e) | {"event_confidence": best[e.event_id or e.id]} for e in doc.events]
    return out


# --------------------------------------------------------------------------- alignment


def _coded_label(m: Mapping[str, Any]) -> str:
    return label_of(m.get("event_type"), m.get("cameo"))


def _confidence(m: Mapping[str, Any]) -> float:
    c = m.get("confidence")
    return float(c) if isinstance(c, int | float) else 0.0


def _trigger_start(m: Mapping[str, Any]) -> int | None:
    t = m.get("trigger")
    start = t.get("start") if isinstance(t, Mapping) else None
    return int(start) if isinstance(start, int) else None


@dataclass
class SentenceAlignment:
    """One gold sentence, the coded mentions in it and the pairs made."""

    article: GoldArticle
    sentence: GoldSentenceSpan
    coded: list[dict[str, Any]] = field(default_factory=list)
    #: for each coded mention (in ``coded`` order) the index of its gold mention, or None
    coded_match: list[int | None] = field(default_factory=list)
    #: for each gold mention the index of its coded mention, or None
    gold_match: list[int | None] = field(default_factory=list)


def match_sentence(gold: Sequence[GoldMention], coded: Sequence[Mapping[str, Any]]) -> tuple[list[int | None], list[int | None]]:
    """Greedy pairs: (gold index per coded mention, coded index per gold mention)."""
    coded_match: list[int | None] = [None] * len(coded)
    gold_match: list[int | None] = [None] * len(gold)
    order = sorted(range(len(coded)), key=lambda i: -_confidence(coded[i]))  # stable: ties keep order
    for i in order:
        lab = _coded_label(coded[i])
        ts = _trigger_start(coded[i])
        cands = [j for j, g in enumerate(gold) if gold_match[j] is None and g.label == lab]
        if not cands:
            continue
        j = min(cands, key=lambda j: (abs(gold[j].trigger_start - ts) if ts is not None else 0, j))
        coded_match[i], gold_match[j] = j, i
    return coded_match, gold_match


def align(gold: str | Path | Sequence[GoldArticle], coded: Mapping[str, Sequence[Mapping[str, Any]]],
          min_confidence: float | None = None) -> tuple[list[SentenceAlignment], int]:
    """Every gold sentence with its coded mentions and pairs; and the number of coded mentions
    ignored (outside every gold sentence, or of an article not in the gold)."""
    articles = _gold(gold)
    known = {a.id for a in articles}
    ignored = sum(len(v) for k, v in coded.items() if k not in known)
    out: list[SentenceAlignment] = []
    for art in articles:
        rows = [SentenceAlignment(art, s) for s in art.sentences]
        starts = [s.start for s in art.sentences]
        for m in coded.get(art.id, ()):
            if min_confidence is not None and float(m.get("event_confidence", _confidence(m))) < min_confidence:
                continue
            ts = _trigger_start(m)
            k = bisect_right(starts, ts) - 1 if ts is not None else -1
            if k < 0 or not (art.sentences[k].start <= (ts or 0) < art.sentences[k].end):
                ignored += 1
                continue
            rows[k].coded.append(dict(m))
        for r in rows:
            r.coded_match, r.gold_match = match_sentence(r.sentence.mentions, r.coded)
        out.extend(rows)
    return out, ignored


# --------------------------------------------------------------------------- figures


def _rate(hits: int, n: int) -> dict[str, Any]:
    return {"hits": hits, "n": n, "rate": round(hits / n, 3) if n else None}


def _prf(gold: int, coded: int, tp: int) -> dict[str, Any]:
    p = tp / coded if coded else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"gold": gold, "coded": coded, "tp": tp, "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(f, 3)}


def _coded_event_key(m: Mapping[str, Any], sentence: int, n: int) -> tuple[Any, ...]:
    """Mentions sharing an ``event_id`` are one event; a mention without one is an event of its own."""
    eid = m.get("event_id")
    return ("event", eid) if eid not in (None, "") else ("mention", sentence, n)


def _figures(rows: Sequence[SentenceAlignment], lead: int | None) -> dict[str, Any]:
    rows = [r for r in rows if lead is None or r.sentence.index < lead]
    gold_n: Counter[str] = Counter()
    coded_n: Counter[str] = Counter()
    tp: Counter[str] = Counter()
    src = [0, 0]
    tgt = [0, 0]
    dyad = [0, 0]
    date = [0, 0]
    fa = {"sentences": 0, "coded": 0, "typed": 0, "with_any": 0, "with_typed": 0}
    per_article: dict[str, dict[str, Any]] = {}
    for r in rows:
        pa = per_article.setdefault(r.article.id, {"class": r.article.cls, "gold": set(), "coded": set()})
        for g in r.sentence.mentions:
            gold_n[g.label] += 1
            pa["gold"].add(g.eid)
        for n, cm in enumerate(r.coded):
            coded_n[_coded_label(cm)] += 1
            pa["coded"].add(_coded_event_key(cm, r.sentence.index, n))
        if not r.sentence.mentions:
            n_typed = sum(1 for cm in r.coded if is_typed(_coded_label(cm)))
            fa["sentences"] += 1
            fa["coded"] += len(r.coded)
            fa["typed"] += n_typed
            fa["with_any"] += bool(r.coded)
            fa["with_typed"] += bool(n_typed)
        for j, g in enumerate(r.sentence.mentions):
            i = r.gold_match[j]
            m = r.coded[i] if i is not None else None
            if m is not None:
                tp[g.label] += 1
            gs, gt = gold_first_field(g.source_code), gold_first_field(g.target_code)
            s_ok = m is not None and gs is not None and coded_first_field(m.get("source")) == gs
            t_ok = m is not None and gt is not None and coded_first_field(m.get("target")) == gt
            if m is not None and gs is not None:
                src[0] += s_ok
                src[1] += 1
            if m is not None and gt is not None:
                tgt[0] += t_ok
                tgt[1] += 1
            if gs is not None and gt is not None:
                dyad[0] += s_ok and t_ok
                dyad[1] += 1
            if m is not None and g.date:
                d = str(m.get("date") or "")
                date[0] += bool(d) and (d == g.date or d.startswith(g.date))
                date[1] += 1
    labels = sorted(set(gold_n) | set(coded_n))
    typed = [lab for lab in labels if is_typed(lab)]

    def epa(arts: list[dict[str, Any]]) -> dict[str, Any]:
        n = len(arts)
        g = sum(len(a["gold"]) for a in arts)
        c = sum(len(a["coded"]) for a in arts)
        return {"articles": n, "gold_events": g, "coded_events": c,
                "gold_mean": round(g / n, 2) if n else None, "coded_mean": round(c / n, 2) if n else None}

    arts = list(per_article.values())
    classes = sorted({a["class"] for a in arts})
    ns = fa["sentences"]
    return {
        "sentences": len(rows),
        "typed": _prf(sum(gold_n[t] for t in typed), sum(coded_n[t] for t in typed), sum(tp[t] for t in typed)),
        "untyped": _prf(sum(gold_n.values()), sum(coded_n.values()), sum(tp.values())),
        "per_type": {lab: _prf(gold_n[lab], coded_n[lab], tp[lab]) for lab in labels},
        "source_country": _rate(*src),
        "target_country": _rate(*tgt),
        "dyad_recall": _rate(*dyad),
        "date": _rate(*date),
        "events_per_article": {"all": epa(arts),
                               "by_class": {c: epa([a for a in arts if a["class"] == c]) for c in classes}},
        "false_alarms": {
            "sentences": ns, "coded": fa["coded"], "typed": fa["typed"],
            "per_sentence": round(fa["coded"] / ns, 3) if ns else None,
            "typed_per_sentence": round(fa["typed"] / ns, 3) if ns else None,
            "sentences_with_any": fa["with_any"], "sentences_with_typed": fa["with_typed"],
        },
    }


def score_articles(gold_path: str | Path | Sequence[GoldArticle],
                   coded: Mapping[str, Sequence[Mapping[str, Any]]], *,
                   min_confidence: float | None = None, lead: int = LEAD_SENTENCES,
                   details: str | Path | None = None) -> dict[str, Any]:
    """Every figure of the module docstring, over all sentences and (``"lead"``) over the first
    ``lead`` sentences of each article; ``details`` also writes :func:`write_details`'s file."""
    articles = _gold(gold_path)
    rows, ignored = align(articles, coded, min_confidence)
    if details is not None:
        _write_rows(details, rows)
    out = {"articles": len(articles), "min_confidence": min_confidence, "ignored_mentions": ignored,
           **_figures(rows, None)}
    out["lead"] = {"first_sentences": lead, **_figures(rows, lead)}
    return out


# --------------------------------------------------------------------------- details


def _coded_view(m: Mapping[str, Any]) -> dict[str, Any]:
    def actor(a: Any) -> Any:
        return None if not a else {"text": a.get("text"), "code": a.get("code"), "country": a.get("country"),
                                   "basis": a.get("basis")}

    t = m.get("trigger") or {}
    return {"label": _coded_label(m), "cameo": m.get("cameo"), "trigger": t.get("text"),
            "trigger_start": t.get("start"), "source": actor(m.get("source")), "target": actor(m.get("target")),
            "date": m.get("date"), "confidence": m.get("confidence"), "event_id": m.get("event_id"),
            "flags": [f for f in ("negated", "hypothetical", "future", "historical", "attributed") if m.get(f)]}


def _write_rows(path: str | Path, rows: Sequence[SentenceAlignment]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            s = r.sentence
            gold = [g.as_dict() | {"matched": r.gold_match[j]} for j, g in enumerate(s.mentions)]
            coded = [_coded_view(m) | {"matched": r.coded_match[i]} for i, m in enumerate(r.coded)]
            fh.write(json.dumps({
                "article": r.article.id, "class": r.article.cls, "sentence": s.index, "start": s.start,
                "end": s.end, "text": r.article.text[s.start:s.end], "gold": gold, "coded": coded,
                "missed": sum(1 for x in r.gold_match if x is None),
                "spurious": sum(1 for x in r.coded_match if x is None),
            }, ensure_ascii=False) + "\n")


def write_details(path: str | Path, gold_path: str | Path | Sequence[GoldArticle],
                  coded: Mapping[str, Sequence[Mapping[str, Any]]], *,
                  min_confidence: float | None = None) -> None:
    """One JSON line per gold sentence: its text, gold mentions and coded mentions, each with the
    index of the mention it was paired with (``matched``; null when unpaired)."""
    rows, _ = align(gold_path, coded, min_confidence)
    _write_rows(path, rows)
