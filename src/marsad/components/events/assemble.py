"""Article assembly: mentions of the same real event become one event.

A news article names an event once and then refers back to it: the meeting, then "الاجتماع" and
"اللقاء"; the strike, then "الغارة" and "الهجوم"; the agreement, then every later "الاتفاق". The
rule coder codes each sentence alone, so each of these is a mention. Two mentions of one
article belong to the same event when they have the same CAMEO code (or the later one is the
definite generic noun of its root, such as الهجوم after a strike), the same time
(the same historical flag, and no two dates the text gives; a mention dated only by the
publication day takes its event's date), and no contradicting actors (both name a source,
or both a target, with different countries or organisations). Statements and appeals (CAMEO
01/02) are not merged: two things a speaker said are two acts, nor are the events one trigger
has for coordinated actors (``قطعت السعودية والإمارات``: two events); a later mention of theirs
goes with the first of them.

Each mention keeps its own sentence, trigger and roles, and records its event's id. A mention
that lacks a source or target takes the one another mention of its event names (its ``why``
says so), so a later "وأكد الاجتماع" still knows who met. The article event is the most
confident mention carrying the roles, place and date the mentions agree on, with every mention.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from marsad.components.events.agents import actor_identity
from marsad.components.events.coordination import trigger_key
from marsad.components.events.words import definite
from marsad.core.types import Event

UNMERGED_ROOTS = ("01", "02")
ARTICLE_DATE = "article-date"  # the coder's rule for a mention dated by the publication day


def _definite_noun(text: str) -> bool:
    """A trigger written as a definite noun (الاجتماع, والهجوم, بالاتفاق, للقاء): how Arabic news
    refers back to an event it has already told."""
    first = text.split()[0] if text.split() else ""
    return definite(first)


def _same_act(group: list[Event], m: Event) -> bool:
    """The same CAMEO code as a mention of the group, or a definite noun of its root where one side
    is the root's unspecific code (الهجوم after a strike, الغارة after an attack)."""
    if m.cameo in {e.cameo for e in group}:
        return True
    generic = any(_generic(e.cameo) for e in group) or _generic(m.cameo)
    return generic and _definite_noun(m.trigger.text)


def _generic(cameo: str) -> bool:
    """The root's unspecific code (040, 190, 180 ...)."""
    return len(cameo) == 3 and cameo.endswith("0")


def _compatible(group: list[Event], m: Event) -> bool:
    head = group[0]
    if m.cameo[:2] in UNMERGED_ROOTS or head.cameo[:2] != m.cameo[:2] or head.event_type != m.event_type:
        return False
    if not _same_act(group, m):
        return False
    if any(trigger_key(e) == trigger_key(m) for e in group):
        return False  # one trigger coded once per coordinated actor: each is an event of its own
    if m.historical != head.historical:
        return False
    dated = [e.date for e in group if _text_dated(e)]
    if _text_dated(m) and dated and m.date not in dated:
        return False
    for side in ("source", "target"):
        mine = actor_identity(getattr(m, side))
        theirs = {w for e in group if (w := actor_identity(getattr(e, side))) is not None}
        if mine is not None and theirs and mine not in theirs:
            return False
    return True


def _text_dated(e: Event) -> bool:
    """Whether the mention's date comes from words of the text, not the publication date."""
    return e.date is not None and e.coder.get("date") != ARTICLE_DATE


def _inherit(m: Event, group: list[Event]) -> Event:
    """The mention with the roles (and the date) it lacks taken from another mention of its event."""
    fill: dict[str, Any] = {}
    if not _text_dated(m):
        dated = next((e for e in group if _text_dated(e)), None)
        if dated is not None:
            fill.update(date=dated.date, date_precision=dated.date_precision)
    for side in ("source", "target"):
        if getattr(m, side) is None:
            donor = next((getattr(e, side) for e in group if actor_identity(getattr(e, side)) is not None), None)
            if donor is not None and donor is not m.source and donor is not m.target:
                fill[side] = replace(donor, why=f"{donor.why}; from another mention of the same event".lstrip("; "),
                                     basis=donor.basis if donor.basis == "implied" else "coreference")
    return replace(m, **fill) if fill else m


def assemble(mentions: Sequence[Event]) -> tuple[Event, ...]:
    """The mentions, in their order, each with its article event's id and the roles it inherits."""
    groups: list[list[Event]] = []
    home_of: list[list[Event]] = []
    by_trigger: dict[tuple[int, int], list[list[Event]]] = {}  # the groups holding a mention of a trigger
    for m in mentions:
        home = next((g for g in reversed(groups) if _compatible(g, m)), None)
        if home is not None:  # a coordination's events (one trigger): the first actor's, as named first
            home = next((g for g in by_trigger[trigger_key(home[0])] if _compatible(g, m)), home)
        if home is None:
            home = [m]
            groups.append(home)
        else:
            home.append(m)
        home_of.append(home)
        by_trigger.setdefault(trigger_key(m), []).append(home)
    return tuple(replace(_inherit(m, g), event_id=g[0].id) for m, g in zip(mentions, home_of, strict=True))


def event_confidence(mentions: Sequence[Event]) -> dict[str, float]:
    """Each article event's confidence (the highest of its mentions), by event id: a mention is
    printed when its event is probable, so a later "الاجتماع" of a real meeting is kept."""
    best: dict[str, float] = {}
    for m in mentions:
        key = m.event_id or m.id
        best[key] = max(best.get(key, 0.0), m.confidence)
    return best


def article_events(mentions: Sequence[Event]) -> tuple[Event, ...]:
    """One event per article event id, in the order of first mention: the most confident mention
    with every mention, the highest confidence, and the roles and place any mention gives."""
    groups: dict[str, list[Event]] = {}
    for m in mentions:
        groups.setdefault(m.event_id or m.id, []).append(m)
    events = []
    for eid, g in groups.items():
        best = max(g, key=lambda e: (e.confidence, -e.sentence))
        events.append(replace(
            best, id=eid, event_id=eid, confidence=max(e.confidence for e in g), mentions=tuple(g),
            source=best.source or next((e.source for e in g if e.source), None),
            target=best.target or next((e.target for e in g if e.target), None),
            place=best.place or next((e.place for e in g if e.place), None),
        ))
    return tuple(events)


__all__ = ["article_events", "assemble", "event_confidence"]
