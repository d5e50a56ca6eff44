"""Core types shared by every stage, reader, store and face of marsad.

All types are frozen dataclasses with slots. Offsets (``start``, ``end``) are
always character offsets into the *original* article text (``Article.text``),
never into a normalised copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

Precision = Literal["day", "month", "year", "minute", "second"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as a reader yields it."""

    id: str
    text: str
    title: str | None = None
    published: datetime | None = None
    published_precision: str | None = None  # "second", "minute", "day", "month", "year"
    source: str | None = None  # outlet or file the article came from
    url: str | None = None
    language: str = "ar"
    dateline: str | None = None  # dateline place/outlet as printed (never the event place)
    category: str | None = None
    origin: str | None = None  # path (and archive member) the article was read from
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        """An ISO date string or a ``date`` is accepted for ``published`` (kept as a datetime)."""
        value: Any = self.published
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            except ValueError as exc:
                raise ValueError(f"article {self.id!r}: published {value!r} is not an ISO date "
                                 "(2020-03-01 or 2020-03-01T12:00:00)") from exc
            object.__setattr__(self, "published", value)
        elif isinstance(value, date) and not isinstance(value, datetime):
            object.__setattr__(self, "published", datetime(value.year, value.month, value.day))


@dataclass(frozen=True, slots=True)
class ReadError:
    """A reader's record for one bad input item; readers yield it instead of raising."""

    item: str  # path, archive member or line number naming the bad item
    reason: str

    def __str__(self) -> str:
        return f"{self.item}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a token after clitic segmentation.

    ``kind`` is one of: ``conj`` (و ف), ``prep`` (ب ل ك), ``fut`` (س), ``det`` (ال),
    ``stem``, ``pron`` (attached pronoun).
    """

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class Reading:
    """The morphological reading of one normalised word, made once by the text layer
    (:func:`marsad.text.morph.reading`) and read by every component.

    ``bare_forms``: (form, proclitic letters, had ال) for dictionary matching, the word first;
    ``inner``: those forms a word can take inside a phrase (no attached و/ف);
    ``light_stem``: without leading و ف ب ل ك ال when three letters are left (the NER's stem);
    ``article_form``: ال kept, what comes before it dropped (وللامم -> الامم);
    ``name_forms``: as written, without و ف ب ل ك, and ``article_form`` (a listed name's first word);
    ``unconj``: without a leading و/ف; ``future``: an imperfect verb with the future س;
    ``analyses``: candidate (stem, kind) with kind V, N or * (the event triggers'), the word first;
    ``stems``: their stems; ``list_forms``: the forms looked up in the event word lists.
    """

    norm: str
    bare_forms: tuple[tuple[str, int, bool], ...]
    inner: tuple[str, ...]
    light_stem: str
    article_form: str
    name_forms: tuple[str, ...]
    unconj: str
    future: bool
    analyses: tuple[tuple[str, str], ...]
    stems: frozenset[str]
    list_forms: frozenset[str]


@dataclass(frozen=True, slots=True)
class Token:
    """A surface token with its normalised form, clitic segments and morphological reading
    (``reading`` is None for a token with no normalised form, or one built by hand without it)."""

    index: int
    start: int
    end: int
    text: str
    norm: str  # normalised surface form (see marsad.text.normalize)
    sentence: int
    kind: str  # "word" (Arabic), "latin", "number", "punct", "other"
    segments: tuple[Segment, ...] = ()
    reading: Reading | None = None

    @property
    def stem(self) -> Segment:
        """The token's stem segment (the word without its clitics)."""
        for seg in self.segments:
            if seg.kind == "stem":
                return seg
        return Segment(self.start, self.end, self.text, "stem")


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date expression found in text, resolved against the publication date."""

    start: int
    end: int
    text: str
    value: date | None
    precision: str  # "day", "month", "year"
    kind: str  # "absolute", "relative", "weekday", "year", "month"


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention: ``label`` is PERS, ORG, LOC or MISC."""

    start: int
    end: int
    label: str
    text: str
    score: float = 1.0
    source: str = "ner"  # "ner", "dictionary", "rule"


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor from the dictionaries, or one built from the text."""

    id: str
    code: str  # CAMEO actor code such as IGOUNO, TURGOV, SOMCVL
    name_ar: str
    name_en: str | None = None
    type: str = "unknown"  # "country", "igo", "ngo", "agent", "person", "group", "unknown"
    country: str | None = None  # ISO-3166 alpha-3 / CAMEO country code
    agent: str | None = None  # CAMEO agent code such as GOV, MIL, CVL
    role: str | None = None  # free text, e.g. "Secretary-General of the UN"
    parent: str | None = None  # actor id of the parent (UNDP -> UN)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor resolved at a span of the original text."""

    start: int
    end: int
    text: str
    actor: Actor
    sentence: int
    why: str = ""  # how it was resolved (dictionary entry, apposition, coreference ...)
    #: Where the actor's identity comes from: "text" (the words themselves), "coreference" (an
    #: earlier mention: a pronoun, a pro-drop verb, another mention of the event), "article" (a
    #: title or institution given the country the article is about), "outlet" (such a title given
    #: the country of a national outlet), "implied" (a participant the sentence does not name,
    #: taken from the event's place, the actor in focus or the countries the article is about).
    basis: str = "text"

    def to_dict(self) -> dict[str, Any]:
        """The actor as ``marsad code`` prints it: ``{text, start, end, actor_id, code, name_en, role, basis}``."""
        a = self.actor
        return {
            "text": self.text, "start": self.start, "end": self.end, "actor_id": a.id or None,
            "code": a.code or None, "name_en": a.name_en, "role": a.role, "basis": self.basis,
        }


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None = None  # ISO alpha-3
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str = "unknown"  # "city", "region", "country", "unknown"
    name_en: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place
    sentence: int

    def to_dict(self) -> dict[str, Any]:
        """The place as ``marsad code`` prints it: ``{name, country, lat, lon, geonameid, precision}``."""
        p = self.place
        return {"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon,
                "geonameid": p.geonameid, "precision": p.precision}


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event. Field names follow the JSON output of ``marsad code``."""

    id: str
    article_id: str
    sentence: int
    cameo: str
    event_type: str | None  # PLOVER type, None for CAMEO 01x/02x
    mode: str | None
    quad_class: int
    goldstein: float | None
    trigger: Span
    source: ActorMention | None = None
    target: ActorMention | None = None
    place: PlaceMention | None = None
    date: date | None = None
    date_precision: str | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    attributed: bool = False
    counts: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    confidence: float = 0.5
    evidence: str = ""
    coder: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    #: The article event this mention belongs to (its first mention's id); "" before assembly.
    event_id: str = ""
    #: On an article event: every mention of it, one per sentence that reports it.
    mentions: tuple[Event, ...] = field(default=(), compare=False, hash=False)

    @property
    def asserted(self) -> bool:
        """Reported as happening: not negated, hypothetical, future or historical."""
        return not (self.negated or self.hypothetical or self.future or self.historical)

    @property
    def complete(self) -> bool:
        """The source has a country or IGO code, and so does the target where the type needs one."""
        if not _coded(self.source):
            return False
        return self.event_type not in NEEDS_TARGET or _coded(self.target)

    def to_dict(self) -> dict[str, Any]:
        """The event as a dict of JSON types: exactly what ``marsad code`` prints for it (the keys
        and their order are listed in :mod:`marsad.core.serialize`)."""
        return {
            "id": self.id, "article_id": self.article_id, "sentence": self.sentence,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "event_type": self.event_type, "mode": self.mode, "cameo": self.cameo,
            "quad_class": self.quad_class, "goldstein": self.goldstein,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "trigger": {"text": self.trigger.text, "start": self.trigger.start, "end": self.trigger.end},
            "place": self.place.to_dict() if self.place else None,
            "negated": self.negated, "hypothetical": self.hypothetical, "future": self.future,
            "historical": self.historical, "attributed": self.attributed,
            "counts": dict(self.counts), "confidence": self.confidence, "evidence": self.evidence,
            "coder": dict(self.coder),
            "event_id": self.event_id or self.id, "complete": self.complete, "asserted": self.asserted,
            "num_mentions": max(1, len(self.mentions)),
            "mentions": [m.mention_dict() for m in self.mentions],
        }

    def mention_dict(self) -> dict[str, Any]:
        """This event as one mention of an article event: where it is and what its sentence says
        of the roles (``{id, sentence, trigger, source, target, confidence}``)."""
        return {
            "id": self.id, "sentence": self.sentence,
            "trigger": {"text": self.trigger.text, "start": self.trigger.start, "end": self.trigger.end},
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "confidence": self.confidence,
        }


#: PLOVER types whose events need a recipient to be counted (PROTEST and MOBILIZE stand alone;
#: statements and appeals of CAMEO 01/02 have no PLOVER type).
NEEDS_TARGET = frozenset({"ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
                          "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN"})


def _coded(am: ActorMention | None) -> bool:
    """Whether an actor mention carries a country or an IGO/NGO code (not a bare agent such as GOV)
    that the text gives (not a participant implied by the article)."""
    if am is None or am.basis == "implied":
        return False
    a = am.actor
    return bool(a.country) or a.code[:3] in ("IGO", "NGO", "IMG")


@dataclass(frozen=True, slots=True)
class NormText:
    """A normalised copy of a text with a map back to the original.

    A normalised span ``[a, b)`` maps back to ``[starts[a], ends[b - 1])``, see
    :func:`marsad.text.normalize.to_original`.
    """

    text: str
    starts: Sequence[int]  # original start of each normalised character
    ends: Sequence[int]  # original end of each normalised character (diacritics glued on)
    length: int  # length of the original text


@dataclass(frozen=True, slots=True)
class Document:
    """An article and everything the stages found in it."""

    article: Article
    norm: NormText | None = None
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    dates: tuple[DateExpr, ...] = ()
    mentions: tuple[Mention, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    events: tuple[Event, ...] = ()

    @property
    def text(self) -> str:
        """The article's original text (every offset in the document points into it)."""
        return self.article.text

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        """The tokens of sentence ``index``, in text order."""
        return tuple(t for t in self.tokens if t.sentence == index)
