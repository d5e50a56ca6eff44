"""The ``actors`` stage: dictionary phrases and mentions resolved to coded actors.

Also two plain functions for other stages and tools:

* :func:`resolve_span` codes an arbitrary span of a document (a source or target phrase the NER
  missed, such as المتظاهرون or الجيش الإسرائيلي) as one actor;
* :func:`lookup` explains what a phrase resolves to, candidate by candidate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from marsad.components.actors.build import composed_actor
from marsad.components.actors.lexicon import Lexicon, lexicon
from marsad.components.actors.match import doc_words, find_matches
from marsad.components.actors.names import pers_words
from marsad.components.actors.resolve import State, resolve_document, resolve_range
from marsad.core.types import Actor, ActorMention, Article, Document
from marsad.text.normalize import normalize


class ActorsStage:
    name = "actors"
    requires: frozenset[str] = frozenset({"tokens", "mentions"})
    produces: frozenset[str] = frozenset({"actors"})

    def __init__(self, lex: Lexicon | None = None, actors_file: str | Path | None = None) -> None:
        """``actors_file``: a user's actors file merged over the shipped dictionaries
        (:func:`marsad.components.actors.user.user_lexicon`; ``lex``, if given, is the base)."""
        if actors_file is not None:
            from marsad.components.actors.user import user_lexicon

            lex = user_lexicon(actors_file, lex)
        self.lex = lex or lexicon()

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        return [replace(d, actors=tuple(resolve_document(self.lex, d))) for d in docs]


def resolve_span(doc: Document, start: int, end: int, lex: Lexicon | None = None,
                 infer_country: bool = True) -> ActorMention | None:
    """One actor for the original-text span ``[start, end)`` of ``doc``, or None if nothing codes.

    Actors already found before the span in the article (organisations for المنظمة, short names)
    are taken into account. Several actors in the span are merged: a person or an organisation
    wins; otherwise the first country-like field and the first agent are composed (ISR + MIL).
    With ``infer_country``, an agent without a country (المتظاهرون) takes the country of its
    sentence when the sentence names exactly one (a country, demonym, capital or gazetteer city
    outside the span; ``doc.places`` is used when the places stage has run).
    """
    lex = lex or lexicon()
    state = _state_before(doc, start, lex)
    first = len(state.out)
    lo = next((w.index for w in state.words if w.end > _norm_pos(doc, start)), len(state.words))
    hi = next((w.index for w in state.words if w.start >= _norm_pos(doc, end)), len(state.words))
    if lo >= hi:
        return None
    state.span_mode = True
    resolve_range(state, lo, hi)
    found = state.out[first:]
    if not found:
        return None
    merged = _merge(lex, doc, found)
    if infer_country and merged.actor.country is None and merged.actor.agent:
        iso3 = _sentence_country(doc, lex, merged)
        if iso3:
            actor = composed_actor(lex, iso3, merged.actor.agent, merged.text)
            merged = replace(merged, actor=actor, why=f"{merged.why}; country {iso3} from its sentence")
    return merged


def _sentence_country(doc: Document, lex: Lexicon, m: ActorMention) -> str | None:
    """The one country named in the sentence of ``m`` outside it, or None."""
    found = set()
    for a in resolve_document(lex, doc):
        if a.sentence == m.sentence and (a.end <= m.start or a.start >= m.end) and a.actor.country:
            found.add(a.actor.country)
    for p in doc.places:
        if p.sentence == m.sentence and (p.end <= m.start or p.start >= m.end) and p.place.country:
            found.add(p.place.country)
    found = {c for c in found if c in lex.countries and c not in ("IGO", "NGO", "INT", "IMG")}
    return found.pop() if len(found) == 1 else None


def _state_before(doc: Document, start: int, lex: Lexicon) -> State:
    words = doc_words(doc)
    pub = doc.article.published
    state = State(lex, doc, words, pub.date() if pub else None, pers=pers_words(doc, words))
    cut = next((w.index for w in words if w.end > _norm_pos(doc, start)), len(words))
    lo = 0
    while lo < cut:
        hi = lo
        while hi < cut and words[hi].sentence == words[lo].sentence:
            hi += 1
        resolve_range(state, lo, hi)
        lo = hi
    state.out.clear()
    return state


def _norm_pos(doc: Document, offset: int) -> int:
    norm = doc.norm or normalize(doc.text)
    import bisect

    return bisect.bisect_left(list(norm.starts), offset)


def _merge(lex: Lexicon, doc: Document, found: list[ActorMention]) -> ActorMention:
    strong = [m for m in found if m.actor.type in ("person", "igo", "ngo", "group", "party")]
    if strong:
        return strong[0]
    if len(found) == 1:
        return found[0]
    country = next((m.actor.country for m in found if m.actor.country), None)
    agent = next((m.actor.agent for m in found if m.actor.agent), None)
    s, e = min(m.start for m in found), max(m.end for m in found)
    actor = composed_actor(lex, country, agent, doc.text[s:e])
    why = " + ".join(m.why for m in found)
    return ActorMention(s, e, doc.text[s:e], actor, found[0].sentence, f"merged: {why}")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of a phrase: a dictionary entry or the composed result."""

    text: str
    kind: str
    key: str
    actor: Actor | None
    why: str


def lookup(text: str, lex: Lexicon | None = None) -> list[Candidate]:
    """What ``text`` resolves to: the composed actor first, then every dictionary match in it."""
    lex = lex or lexicon()
    doc = Document(article=Article(id="lookup", text=text))
    out: list[Candidate] = []
    whole = resolve_span(doc, 0, len(text), lex)
    if whole:
        out.append(Candidate(whole.text, "result", whole.actor.code, whole.actor, whole.why))
    words = doc_words(doc)
    for m in find_matches(lex, words, 0, len(words)):
        seen: set[tuple[str, str]] = set()
        for e in m.entries:
            if (e.kind, e.key) in seen:
                continue
            seen.add((e.kind, e.key))
            out.append(Candidate(" ".join(w.text for w in words[m.i:m.j]), e.kind, e.key, None,
                                 f"{e.kind} entry '{e.phrase}'" + (f" (agent {e.agent})" if e.agent else "")))
    return out
