"""Which event of a sentence is its main one: adjustments to an event's confidence.

News sentences state their main event in a finite clause and mention others as background: a
verbal noun after a preposition (قتلوا في التفجير الانتحاري, جراء انفجار), an adverbial accusative
(احتجاجاً على), a relative clause (الهجوم الذي نفذته), an instrument (سيارة مفخخة). A protest verb
whose subject names the protesters (تجمع آلاف المتظاهرين, سار المعتصمون) is a protest whatever the
verb's other senses. These adjustments only reorder events of one sentence; they decide no event.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.components.events.dictionary import Match
from marsad.components.events.roles import PREPOSITIONS_BEFORE_NOUN, Roles, masdar_reading
from marsad.components.events.words import Word, in_list

EMBEDDED = 0.1  # a verbal noun inside a prepositional phrase or an adverbial accusative
RELATIVE = 0.06  # a verb in a relative clause
SHARED = 0.06  # a verb that inherits the subject of the verb before it
MOVED = 0.08  # a participant noun whose trigger moved to a verb outside the dictionary
SUPPORT = 0.12  # a protest trigger whose subject names the protesters
WEAK = 0.1  # the coder's penalty for an ambiguous word, cancelled by a protester subject
_PREPS = PREPOSITIONS_BEFORE_NOUN - {"الي", "مع"} | {"وسط"}
_PROTESTERS = ("متظاهر", "محتج", "معتصم", "مضرب")


def embedded(words: Sequence[Word], m: Match) -> bool:
    """Is a noun trigger the object of a preposition, or an adverbial accusative (احتجاجاً)?"""
    if m.entry.pos == "V" and not masdar_reading(words, m):
        return False
    w = words[m.head]
    n = w.reading.unconj
    if n.startswith(("بال", "لل", "كال")) or (n[:1] in "بل" and not n.startswith(m.stem)):
        return True
    if m.head > 0 and words[m.head - 1].reading.unconj in _PREPS:
        return not (m.head > 1 and in_list("result", words[m.head - 2].norm))
    return n.endswith("ا") and not n.endswith("اا") and not _light_verb_before(words, m.head)


def _light_verb_before(words: Sequence[Word], h: int) -> bool:
    """نفذ المتظاهرون اعتصاماً, شن الجيش هجوماً: the accusative is the light verb's object."""
    return any(in_list("light_verbs", words[k].norm) for k in range(max(0, h - 5), h))


def in_relative_clause(words: Sequence[Word], m: Match) -> bool:
    """A verb right after الذي/التي or a subordinator (بينما, فيما, عندما, حيث): a secondary clause."""
    if m.entry.pos != "V" or m.head == 0:
        return False
    prev = words[m.head - 1].norm
    return in_list("relative", prev) or in_list("subordinators", prev)


def protesters(words: Sequence[Word], span: tuple[int, int] | None) -> bool:
    """Does the phrase name protesters or strikers?"""
    if span is None:
        return False
    return any(p in words[k].norm for k in range(*span) for p in _PROTESTERS)


def adjustment(words: Sequence[Word], m: Match, roles: Roles, moved: bool) -> float:
    """What to add to the entry's confidence for the trigger's place in the sentence."""
    c = 0.0
    if not moved and embedded(words, m):
        c -= EMBEDDED
    if in_relative_clause(words, m):
        c -= RELATIVE
    if moved:
        c -= MOVED
    if roles.source_rule == "shared-subject":
        c -= SHARED  # وسار المتظاهرون ... ورددوا هتافات: the clause that names its subject leads
    if m.entry.cameo.startswith("14") and not m.entry.self and protesters(words, roles.source):
        c += SUPPORT + (WEAK if m.entry.weak else 0.0)  # the subject resolves the verb's other senses
    return c
