"""Relations between the events of one sentence: shared subjects, reported speech, one event
named twice, participants and attackers named by another trigger."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from marsad.components.actors import lookup
from marsad.components.events.agents import ActorTest, accept_all, agent_word
from marsad.components.events.dictionary import Match
from marsad.components.events.phrases import np_after, np_before
from marsad.components.events.rank import embedded, in_relative_clause
from marsad.components.events.roles import Roles
from marsad.components.events.subjects import actor_np_before
from marsad.components.events.words import Word, definite, in_list, number_value
from marsad.core.types import Actor
from marsad.resources.ontology import plover_for

Found = list[tuple[Match, Roles]]


def reported_speech(found: Found, words: Sequence[Word] | None = None, ok: ActorTest | None = None) -> Found:
    """قال X إن ...: code the reported event, not a 010 for the report; X speaks its verbal acts,
    unless the reported clause names its own subject (أكد بومبيو أن إيران مستمرة بدعم الميليشيات:
    إيران backs them, not بومبيو).

    A sentence keeps one 010 at most (its first speech verb), and none when it reports an event.
    """
    out: Found = []
    said = False
    for m, r in found:
        if m.entry.stmt and (said or any(not m2.entry.stmt and m2.head > m.head for m2, _ in found)):
            continue  # the content is coded, or the sentence's speech act already is (قالت ... في بيان)
        said = said or m.entry.stmt
        out.append((m, r))
    speakers = [(m, r) for m, r in found if m.entry.stmt and r.source]
    for i, (m, r) in enumerate(out):
        if r.source is None and not m.entry.stmt and int(m.entry.cameo[:2]) in (1, 2, 3, 5, 9, 10, 11, 12, 13):
            said_at = next((ms.head for ms, _ in reversed(speakers) if ms.head < m.head), None)
            sp = next((rs for ms, rs in reversed(speakers) if ms.head < m.head), None)
            clause = (_clause_subject(words, said_at, m.head, ok)
                      if words is not None and said_at is not None and not m.entry.hal else None)
            if clause is not None:
                out[i] = (m, replace(r, source=clause, source_rule="clause-subject"))
            elif sp is not None:
                out[i] = (m, replace(r, source=sp.source, source_rule="speaker"))
    return out


_THAT = frozenset({"ان", "بان", "وان"})  # أن / إن / بأن: the complementiser after a speech verb


def _clause_subject(words: Sequence[Word], said: int, act: int, ok: ActorTest | None) -> tuple[int, int] | None:
    """The subject noun right after the last أن/إن between a speech verb and an act, when it names
    an actor (a pronoun-carrying أنه/إنها refers back to the speaker and gives none)."""
    for k in range(act - 1, said, -1):
        if words[k].norm in _THAT:
            np = np_after(words, k + 1)
            if np is not None and np[1] <= act and (ok is None or ok(np)):
                return np
            return None
    return None


HAL_WINDOW = 30  # words from a circumstantial participle back to the clause it describes


def circumstantial(words: Sequence[Word], found: Found, ok: ActorTest) -> Found:
    """A circumstantial participle (قال الوزير ...، منددا بالهجوم; ردت الخارجية الكويتية مستغربة
    المواقف) is done by the subject of the clause it follows: the actor named right before it, or
    the doer of the nearest main-clause event before it (an event in a relative clause, or named by
    a noun after a preposition, is no main clause)."""
    out = list(found)
    for i, (m, r) in enumerate(out):
        if not m.entry.hal or r.source is not None:
            continue
        np = np_before(words, m.head - 1) if m.head > 0 and words[m.head - 1].kind == "word" else None
        while np is not None and np[1] - np[0] > 1 and not ok((np[0], np[0] + 1)):
            np = (np[0] + 1, np[1])  # ردت الخارجية الكويتية مستغربة: the verb before the subject is no actor
        if np is not None and ok(np):
            out[i] = (m, replace(r, source=np, source_rule="hal-subject"))
            continue
        prev = [r2.source for m2, r2 in out[:i] if r2.source and not m2.entry.hal and m2.head < m.head
                and m.head - m2.head <= HAL_WINDOW and not embedded(words, m2)
                and not in_relative_clause(words, m2)]
        if prev:
            out[i] = (m, replace(r, source=prev[-1], source_rule="hal-subject"))
    return out


def shared_subject(words: list[Word], found: Found) -> Found:
    """A verb without its own subject shares the subject named before it.

    ``اقتحم مسلحون المطار وخطفوا أربعة`` (a verb joined by و/ف with no subject of its own), ``قال الجيش إنه قتل`` and
    ``إن جنوداً نفذوا الغارة وإنهم اختطفوا`` (the pronoun of أنه refers to the last named agent).
    """
    out = list(found)
    for i, (m, r) in enumerate(out):
        if r.source is not None or m.entry.pos != "V" or m.words[0] != m.head:
            continue
        prev = [(m2, r2) for m2, r2 in out[:i] if r2.source and r2.source[1] <= m.head]
        if not prev:
            continue
        m2, r2 = max(prev, key=lambda x: x[1].source[1] if x[1].source else 0)
        if r.target_rule == "victim-subject" and not _same_attack(m2, m):
            continue  # وقتل 3 جنود may be passive: the dead are no doers, and the killer is unknown
        w = words[m.head].norm
        pronoun = m.head > 0 and words[m.head - 1].reading.unconj in _ANNAHU
        if pronoun or (w[0] in "وف" and not w.startswith(m.stem) and m.head - m2.head <= 15):
            # the accused of a charge stay the accused in the verb joined to it (ثمانية رجال متهمين باغتصاب طفلة وقتلها)
            out[i] = (m, replace(r, source=r2.source, source_rule="accused" if r2.source_rule == "accused" else "shared-subject"))
    return out


ACCUSATIONS = ("112",)
CHARGE_WORDS = 8  # how far after the accused its charge may name the accused's own acts  # اتهم, and the accusation nouns of 112


def accused_doers(words: Sequence[Word], found: Found, ok: ActorTest | None = None) -> Found:
    """اتهمت الحكومة التركية إسرائيل ومصر برفض هبوط الطائرات: the accused (the accusation's
    object) is the doer of the act its charge names after ب, when that act names no doer; so are
    people called accused of it (ثمانية رجال متهمين باغتصاب طفلة)."""
    out = list(found)
    for i, (m2, r2) in enumerate(out):
        k = m2.words[0]
        if r2.source is None and k >= 2 and words[k].norm[:1] == "ب" and in_list("accused", words[k - 1].norm):
            np = _accused(words, k - 1, ok or accept_all)
            if np is not None:
                out[i] = (m2, replace(r2, source=np, source_rule="accused"))
    for m, r in found:
        if m.entry.cameo not in ACCUSATIONS or r.target is None or not r.target_rule.startswith("object"):
            continue
        for i, (m2, r2) in enumerate(out):
            k = m2.words[0]
            if r2.source is None and r.target[1] <= k <= r.target[1] + 1 and words[k].norm[:1] == "ب":
                out[i] = (m2, replace(r2, source=r.target, source_rule="accused"))
            elif r2.source is None and m2.entry.pos == "N" and r.target[1] < k <= r.target[1] + CHARGE_WORDS \
                    and words[k].reading.unconj.endswith(_POSSESSIVE):
                # اتهم بومبيو إيران بزعزعة استقرار المنطقة عبر دعمها للحوثيين: its support, the accused's
                out[i] = (m2, replace(r2, source=r.target, source_rule="accused"))
    return out


def _accused(words: Sequence[Word], k: int, ok: ActorTest) -> tuple[int, int] | None:
    """The accused at word ``k`` (المتهمين بقتل: the word itself names them) or the people named
    right before an indefinite ``متهمين``, with a number before them (ثمانية رجال متهمين)."""
    if definite(words[k].norm):
        return (k, k + 1)
    if k < 1 or not ok((k - 1, k)):
        return actor_np_before(words, k - 1, ok)
    a = k - 1
    while a > 0 and (number_value(words[a - 1]) is not None or in_list("quantifiers", words[a - 1].norm)):
        a -= 1
    return (a, k)


def _same_attack(first: Match, then: Match) -> bool:
    """An attack followed by a killing (فتح النار ... فقتل 17 شخصا): the attacker killed them,
    whether the second verb is read active or passive."""
    return first.entry.cameo[:2] in ("18", "19") and then.entry.cameo[:2] in ("18", "19")


def participants(found: Found) -> Found:
    """المتظاهرون, انتحاري: participants named by a noun are the source of the event of their root
    that has none (مظاهرات ... المتظاهرون; انتحارياً يقود سيارة مفخخة فجر نفسه); a participant
    noun that gave its source away and stands alone (no verb of its own) is no second event."""
    out = list(found)
    gone: set[int] = set()
    for k, (m, r) in enumerate(found):
        if not m.entry.self or r.source is None:
            continue
        root = m.entry.cameo[:2]
        takers = [i for i, (m2, r2) in enumerate(out) if i != k and not m2.entry.self
                  and m2.entry.cameo[:2] == root and r2.source is None]
        for i in takers:
            out[i] = (out[i][0], replace(out[i][1], source=r.source, source_rule="participants"))
        if takers and m.words[0] == m.head:
            gone.add(k)
    return [x for i, x in enumerate(out) if i not in gone]


def attackers(words: list[Word], found: Found) -> Found:
    """قتل 150 مدنياً في ضربات جوية أميركية: the victims' killer is the attacker of the attack they died in."""
    out = list(found)
    for i, (m, r) in enumerate(out):
        if r.source is not None or r.target_rule != "victim-subject":
            continue
        att = [r2.source for m2, r2 in out if r2.source and m2.entry.cameo[:2] in ("18", "19", "20")
               and m2.head > m.head and m2.head - m.head <= 12 and embedded(words, m2)]
        if att:
            out[i] = (m, replace(r, source=att[0], source_rule="attacker"))
    return out


_ANNAHU = frozenset({"انه", "انها", "بانه", "بانها", "انهم", "بانهم"})  # أنه أنها بأنه


MERGE_WINDOW = 3  # words: two triggers of one type this close name one event (مظاهرة احتجاجية)


def _kind(cameo: str) -> tuple[str, str | None]:
    return cameo[:2], plover_for(cameo)[0]


def merge_close(found: Found) -> Found:
    """Keep one event where triggers of the same CAMEO root and PLOVER type stand within
    ``MERGE_WINDOW`` words (the air strikes that follow the taking of a town are two acts), unless
    they name different doers."""
    kept: Found = []
    for m, r in sorted(found, key=lambda x: (-x[0].entry.weight, x[0].head)):
        kind = _kind(m.entry.cameo)
        if any(_kind(k.entry.cameo) == kind and abs(k.head - m.head) <= MERGE_WINDOW and not _two_doers(r, rk)
               for k, rk in kept):
            continue
        kept.append((m, r))
    return sorted(kept, key=lambda x: x[0].head)


def _two_doers(a: Roles, b: Roles) -> bool:
    """Do two close triggers name different doers (اعترضت القوات السعودية صاروخا أطلقته ميليشيات
    الحوثي: the interception and the launch are two acts)?"""
    if a.source is None or b.source is None:
        return False
    return a.source[1] <= b.source[0] or b.source[1] <= a.source[0]


def drop_nested(found: Found) -> Found:
    """Drop a trigger that lies inside another event's source or target (المتظاهرون as a source)."""
    kept = []
    for m, r in found:
        others = [x for m2, r2 in found if m2 is not m for x in (r2.source, r2.target) if x]
        if not m.entry.self or not any(a <= m.head < b for a, b in others):
            kept.append((m, r))
    return kept


def attacker_adjective(ws: list[Word], m: Match, roles: Roles) -> Roles:
    """ضربة جوية أميركية, هجوم انتحاري إسرائيلي: a nationality adjective after an attack noun.

    An adjective of an attack noun has the singular form; the human plural (عشرات الفلسطينيين)
    is a noun naming people."""
    if roles.source is not None or m.entry.cameo[:2] not in ("18", "19", "20") or m.entry.pos == "V":
        return roles
    for k in range(m.end, min(len(ws), m.end + 3)):
        if ws[k].kind != "word":
            break
        if demonym(ws[k].text) is not None:
            if ws[k].norm.endswith(("يون", "يين")):
                return roles  # الفلسطينيين: a human plural names people (the victims), no adjective
            between = ws[m.end:k]
            if between and definite(ws[k].norm) and not definite(ws[m.head].norm) \
                    and not any(agent_word(w) for w in between):
                return roles  # بقتل العاملة الفلبينية: the adjective agrees with the genitive, not the act
            return replace(roles, source=(k, k + 1), source_rule="nationality")
    return roles


@lru_cache(maxsize=50_000)
def demonym(word: str) -> Actor | None:
    """The country a one-word nationality adjective names (أميركية -> USA), via the actors lookup."""
    if not word.endswith(("ي", "ية", "يه", "يون", "يين")):  # ي ية: nisba endings only
        return None
    try:
        found = lookup(word)
    except Exception:  # noqa: BLE001 - the lookup is a bonus, never a failure
        return None
    for c in found:
        if c.kind == "result" and c.actor is not None and c.actor.type == "country":
            return c.actor
    return None




def casualties(found: Found) -> Found:
    """ضربات جوية ... قتلت 30 شخصاً: a killing whose subject is the attack coded in the same sentence
    is that attack's result (its counts), not a second event."""
    attacks = [set(m.words) for m, _ in found if m.entry.cameo[:2] in ("18", "19", "20") and not m.entry.casualty]
    if not attacks:
        return found
    return [(m, r) for m, r in found if not (m.entry.casualty and r.source is not None
                                             and any(set(range(*r.source)) & a for a in attacks))]


_POSSESSIVE = ("هما", "هم", "ها", "ه")  # attached possessive pronouns


def possessors(words: list[Word], found: Found) -> Found:
    """قال الجيش التركي إن طائراته قصفت: forces named with a possessive pronoun belong to the actor
    named before them (the speaker), who is the source."""
    out = list(found)
    for i, (m, r) in enumerate(out):
        if r.source is None or r.source[1] - r.source[0] != 1:
            continue
        n = words[r.source[0]].reading.unconj
        if not any(n.endswith(p) and len(n) > len(p) + 2 and in_list("agents", n[: -len(p)]) for p in _POSSESSIVE):
            continue
        before = [r2.source for m2, r2 in out if r2.source and r2.source[1] <= r.source[0] and r2 is not r]
        if before:
            out[i] = (m, replace(r, source=max(before, key=lambda s: s[1]), source_rule="possessor"))
    return out
