"""What the words around a trigger say about it: modality, stated numbers, the date, the filter.

* negated: لم/لن/لا/ما/عدم just before the trigger, or نفى/ينفي a few words before;
* future: the prefix س on the verb, سوف, يعتزم, من المقرر before it, المقبل after it;
* hypothetical: إذا, لو, في حال, ربما, قد + imperfect before it;
* attributed: unnamed sources (مصادر, أنباء, شهود) in the sentence;
* historical: a year or date before the publication year near the trigger.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from marsad.components.events.words import Word, in_list, number_value, tags
from marsad.core.types import DateExpr

_YEAR = re.compile(r"(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})(?![0-9])")  # 1800-2099
_COUNT_KEYS = ("killed", "wounded", "arrested", "participants")
DATE_WINDOW_AFTER = 12  # words after a trigger in which a date expression applies to it
DATE_WINDOW_BEFORE = 8


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    attributed: bool = False


def modality(words: Sequence[Word], h: int, attributed: bool) -> Modality:
    """Modality flags for the trigger at word ``h``."""
    before = [w.reading.unconj for w in words[max(0, h - 6): h]]
    near = before[-2:]
    negated = any(w in ("لم", "لن", "لا", "ما", "ليس", "ليست", "لما", "عدم", "دون", "بدون") for w in near)
    negated = negated or any(in_list("denial", w) for w in before)
    future = words[h].reading.future or "لن" in near
    future = future or any(in_list("future", w) for w in before[-4:])
    future = future or any(in_list("future_after", w.norm) for w in words[h + 1: h + 6])
    hypo = any(w in ("اذا", "لو", "ربما", "حال", "يحتمل", "المحتمل", "امكانيه") for w in before)
    hypo = hypo or any(in_list("hypothetical", w) and w not in ("ان", "قد") for w in before[-3:])
    hypo = hypo or (near[-1:] == ["قد"] and words[h].norm[:1] in "يت")
    return Modality(negated, hypo, future, attributed)


def sentence_attributed(words: Sequence[Word]) -> bool:
    return any(in_list("attributed", w.norm) for w in words)


def stated_counts(words: Sequence[Word]) -> dict[str, int]:
    """Numbers the sentence states for killed, wounded, arrested and participants."""
    out: dict[str, int] = {}
    for k, w in enumerate(words):
        val = number_value(w)
        if val is None or (w.kind == "number" and 1900 <= val <= 2100):
            continue
        key = _count_key(words, k)
        if key and key not in out:
            out[key] = val
    return out


def _count_key(words: Sequence[Word], k: int) -> str | None:
    best: tuple[int, str] | None = None
    for j in range(max(0, k - 3), min(len(words), k + 5)):
        if j == k or words[j].kind == "punct":
            continue
        for key in _COUNT_KEYS:
            if in_list(key, words[j].norm):
                dist = abs(j - k) + (0 if j < k else 1)
                if best is None or dist < best[0]:
                    best = (dist, key)
    return best[1] if best else None


def counts_for(event_type: str | None, counts: dict[str, int]) -> dict[str, int]:
    """The stated numbers that belong to an event of this PLOVER type."""
    keys = {
        "ASSAULT": ("killed", "wounded"), "PROTEST": ("participants", "killed", "wounded", "arrested"),
        "COERCE": ("arrested", "killed", "wounded"), "MOBILIZE": ("participants",),
    }.get(event_type or "", ())
    return {k: v for k, v in counts.items() if k in keys}


@dataclass(frozen=True, slots=True)
class When:
    value: date | None
    precision: str | None
    historical: bool
    rule: str


def event_date(words: Sequence[Word], h: int, dates: Sequence[DateExpr],
               published: date | None) -> When:
    """The event's date: a date expression near the trigger, else the article's date."""
    lo = words[max(0, h - DATE_WINDOW_BEFORE)].start
    hi = words[min(len(words) - 1, h + DATE_WINDOW_AFTER)].end
    near = [d for d in dates if lo <= d.start < hi and d.value is not None]
    if near:
        d = min(near, key=lambda d: abs(d.start - words[h].start))
        hist = published is not None and d.value is not None and d.value.year < published.year
        return When(d.value, d.precision, hist, f"date-expression:{d.kind}")
    for w in words[max(0, h - DATE_WINDOW_BEFORE): h + DATE_WINDOW_AFTER + 1]:
        if w.kind == "number" and _YEAR.fullmatch(w.norm):
            year = int(w.norm)
            if published is not None and year < published.year:
                return When(date(year, 1, 1), "year", True, "year")
    if any(in_list("historical", w.norm) for w in words[max(0, h - 3): h + 4]):
        return When(None, None, True, "historical-word")
    if published is not None:
        return When(published, "day", False, "article-date")
    return When(None, None, False, "none")


_OFF_TOPIC = frozenset({"sport", "culture", "tech"})


def context_flags(words: Sequence[Word], skip: frozenset[int] = frozenset()) -> tuple[bool, bool]:
    """(sport/culture/technology context without conflict words, conflict context) of a sentence."""
    off_topic = conflict = False
    for w in words:
        if w.i in skip:
            continue  # a trigger word is no evidence of its own context
        t = tags(w.norm)
        if t:
            off_topic = off_topic or bool(_OFF_TOPIC & t)
            conflict = conflict or "conflict" in t
    return off_topic and not conflict, conflict
