"""What the actor resolver knows of one article so far (shared by the resolver and the name rules)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from marsad.components.actors.lexicon import Lexicon
from marsad.components.actors.match import Word
from marsad.core.types import Actor, ActorMention, Document


@dataclass
class State:
    """What one article has named so far."""

    lex: Lexicon
    doc: Document
    words: list[Word]
    when: date | None
    recent_orgs: list[str] = field(default_factory=list)
    recent_countries: list[str] = field(default_factory=list)  # countries of the actors named so far, latest last
    recent_people: list[str] = field(default_factory=list)  # countries of the persons and bodies named so far
    short: Lexicon = field(default_factory=Lexicon)
    short_actors: dict[str, Actor] = field(default_factory=dict)
    named: list[str] = field(default_factory=list)  # ids of the persons named so far, the latest last
    span_mode: bool = False  # resolving a given span: a country after في is still the actor asked for
    pers: frozenset[int] = frozenset()  # words inside NER PERS mentions: names whatever they look like
    sentence_countries: frozenset[str] = frozenset()  # countries the current sentence names
    out: list[ActorMention] = field(default_factory=list)
