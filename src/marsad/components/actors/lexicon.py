"""The actor dictionaries, loaded once into a phrase index keyed by normalised, clitic-free words.

Files (``marsad/resources/actors/``, tab-separated, ``#`` comments; see ``docs/actors.md``):
``countries.tsv`` (+ CLDR names in ``resources/gazetteer/countries.tsv``), ``special.tsv``,
``organizations.tsv``, ``persons.tsv`` (+ ``up_persons.tsv``), ``agents.tsv``, ``roles.tsv``,
``portfolios.tsv``, ``references.tsv``, ``stopwords.txt``.

Matching is on *bare* words: normalised (:func:`marsad.text.normalize.norm_word`), then, in the text,
with an attached conjunction (و ف), preposition (ب ك ل, and لل for ل + ال) and article (ال) removed
when what is left is long enough. A dictionary word written with ال is stored bare too, so الأمم, للأمم
and والأمم all match الأمم. A one-word entry written with ال needs the ال in the text (السلطان is a
title, سلطان may be a name).
"""

from __future__ import annotations

import csv
import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import marsad.resources as resource_files
from marsad.core.errors import ResourceError
from marsad.text.normalize import norm_word

AGENT_CODES = frozenset(
    ["GOV", "MIL", "COP", "REB", "OPP", "CVL", "JUD", "LEG", "MED", "REF", "BUS", "EDU", "HLH", "UAF", "PTY", "CRM", "REL", "ELI", "SPY", "LAB", "AGR", "DEV", "HRI", "ENV", "MNC", "RAD", "SET", "INS", "MOD"]
)
#: A word of the normalised text: Arabic letters ء-ي (U+0621-U+064A), digits, Latin.
WORD = re.compile("[\u0621-\u064a0-9a-z]+")
# Suffixes that inflect a nisba demonym (after normalisation ة -> ه).
_NISBA = ("", "ه", "ون", "ين", "ان", "تان", "تين", "ات", "ا", "و")


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary phrase and what it means.

    ``kind``: country, demonym, seat, org, person, agent, role, portfolio, reference.
    ``key``: the id it points to (ISO-3, org id, person id, agent code ...).
    """

    kind: str
    key: str
    phrase: str  # as written in the dictionary
    agent: str | None = None
    need_det: bool = False


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name_en: str
    name_ar: str
    code: str
    role: str
    affiliation: str
    start: str
    end: str


@dataclass(frozen=True, slots=True)
class Org:
    id: str
    code: str
    type: str
    parent: str | None
    name_en: str
    head_en: str
    name_ar: str


@dataclass(frozen=True, slots=True)
class Role:
    role_en: str
    agent: str | None
    kind: str  # office, head, deputy, honorific, occupation


@dataclass
class Lexicon:
    """All dictionaries, and the phrase index built from them."""

    countries: dict[str, tuple[str, str]] = field(default_factory=dict)  # iso3 -> (name_en, name_ar)
    orgs: dict[str, Org] = field(default_factory=dict)
    org_heads: dict[str, set[str]] = field(default_factory=dict)  # org id -> first bare word of its names
    country_heads: dict[str, set[str]] = field(default_factory=dict)  # iso3 -> first bare word of its long names
    reference_defaults: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # head -> (iso3, org id)
    persons: dict[str, list[Person]] = field(default_factory=dict)
    person_words: dict[str, set[str]] = field(default_factory=dict)  # person id -> bare words of all its names
    roles: dict[str, Role] = field(default_factory=dict)  # phrase -> role
    portfolios: dict[str, str] = field(default_factory=dict)
    agents: dict[str, str] = field(default_factory=dict)  # code -> English label
    stopwords: frozenset[str] = frozenset()
    capital_names: set[tuple[str, tuple[str, ...]]] = field(default_factory=set)
    index: dict[str, list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    _seen: set[tuple[tuple[str, ...], Entry]] = field(default_factory=set, repr=False)
    #: (affiliation, role) -> the terms of ``persons`` with it, in order; built on first use
    #: (:func:`marsad.components.actors.build.holder`); clear it after editing ``persons``.
    _holders: dict[tuple[str, str], list[Person]] = field(default_factory=dict, repr=False, compare=False)

    def add(self, phrase: str, entry: Entry) -> None:
        words = bare_phrase(phrase)
        if not words or (len(words) == 1 and len(words[0]) < 2):
            return
        need_det = len(words) == 1 and norm_word(phrase.strip()).startswith("ال") and len(words[0]) >= 2
        if need_det != entry.need_det:
            entry = Entry(entry.kind, entry.key, entry.phrase, entry.agent, need_det)
        item = (words, entry)  # one tuple for the set and the index: fewer objects for the GC to walk
        if item not in self._seen:
            self._seen.add(item)
            self.index.setdefault(words[0], []).append(item)

    @property
    def max_len(self) -> int:
        return max((len(w) for b in self.index.values() for w, _ in b), default=1)


def bare(word: str) -> str:
    """A dictionary word without its article: الأمم -> امم (when 2+ letters remain)."""
    w = norm_word(word)
    if w.startswith("ال") and len(w) >= 4:
        return w[2:]
    return w


def bare_phrase(phrase: str) -> tuple[str, ...]:
    return tuple(bare(w) for w in WORD.findall(norm_word(phrase)))


def nisba_forms(stem: str) -> Iterator[str]:
    """Inflected forms of a demonym: تونسي -> تونسي تونسيه تونسيون تونسيين ... (multiword: each word)."""
    words = norm_word(stem).split()
    if not words or not words[-1].endswith("ي"):
        yield stem
        return
    for suffix in _NISBA:
        yield " ".join(w + suffix if w.endswith("ي") else w for w in words)


def _rows(text: str) -> list[list[str]]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r + [""] * 10 for r in rows[1:]]


def _read(name: str, folder: str = "actors") -> str:
    try:
        ref = resource_files.path(folder, name)
        data = ref.read_bytes()
    except (FileNotFoundError, OSError) as exc:
        raise ResourceError(f"actor dictionary '{folder}/{name}' is missing; reinstall marsad") from exc
    return (gzip.decompress(data) if name.endswith(".gz") else data).decode("utf-8")


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def load_countries(lex: Lexicon) -> None:
    for r in _rows(_read("countries.tsv", "gazetteer")):
        iso3, name_en, name_ar = r[0], r[3], r[4]
        lex.countries[iso3] = (name_en, name_ar)
        if name_ar:
            lex.add(name_ar, Entry("country", iso3, name_ar))
            for form in _auto_demonym(name_ar):
                lex.add(form, Entry("demonym", iso3, name_ar))
    for r in _rows(_read("countries.tsv")):
        iso3 = r[0]
        en, ar = lex.countries.get(iso3, (iso3, ""))
        for name in _split(r[1]):
            _add_or_drop(lex, name, Entry("country", iso3, name))
        names = _split(r[1])
        lex.countries[iso3] = (en, ar or (names[0] if names else iso3))
        for name in names:  # المملكة العربية السعودية: a later "المملكة" may refer to it
            words = bare_phrase(name)
            if len(words) > 1:
                lex.country_heads.setdefault(iso3, set()).add(words[0])
        for stem in _split(r[2]):
            for form in nisba_forms(stem.lstrip("-")):
                _add_or_drop(lex, ("-" if stem.startswith("-") else "") + form, Entry("demonym", iso3, stem))
        for n, seat in enumerate(_split(r[3])):
            name, _, agent = seat.partition(":")
            lex.add(name, Entry("seat", iso3, name, agent or "GOV"))
            if n == 0:  # the first seat listed is the capital city
                lex.capital_names.add((iso3, bare_phrase(name)))
    for r in _rows(_read("special.tsv")):
        lex.countries[r[0]] = (r[1], r[0])
        for name in _split(r[2]):
            lex.add(name, Entry("country", r[0], name))
        for stem in _split(r[3]):
            for form in nisba_forms(stem):
                lex.add(form, Entry("demonym", r[0], stem))


def _auto_demonym(name_ar: str) -> list[str]:
    """Nisba of a one-word CLDR name: تونس -> تونسي, فرنسا -> فرنسي, إيطاليا -> إيطالي."""
    words = norm_word(name_ar).split()
    if len(words) != 1:
        return []
    w = words[0].removeprefix("ال")
    if w.endswith("يا"):
        stem = w[:-1]
    elif w.endswith("ا"):
        stem = w[:-1] + "ي"
    elif w.endswith("ه") or len(w) < 3:
        return []
    else:
        stem = w + "ي"
    return list(nisba_forms(stem))


def _add_or_drop(lex: Lexicon, name: str, entry: Entry) -> None:
    """Add ``name``, or with a leading "-" remove every entry of that kind and key for it."""
    if not name.startswith("-"):
        lex.add(name, entry)
        return
    words = bare_phrase(name[1:])
    if words and words[0] in lex.index:
        lex.index[words[0]] = [
            (w, e) for w, e in lex.index[words[0]] if not (w == words and e.key == entry.key)
        ]


def load_orgs(lex: Lexicon) -> None:
    for r in _rows(_read("organizations.tsv")):
        names = _split(r[6])
        org = Org(r[0], r[1], r[2], r[3] or None, r[4], r[5], names[0] if names else r[4])
        lex.orgs[org.id] = org
        for name in names:
            lex.add(name, Entry("org", org.id, name))
        if names and bare_phrase(names[0]):  # a reference (المنظمة) follows the main name's head
            lex.org_heads[org.id] = {bare_phrase(names[0])[0]}


def load_persons(lex: Lexicon) -> None:
    for fname in ("persons.tsv", "up_persons.tsv"):
        for r in _rows(_read(fname)):
            names = _split(r[2])
            if fname != "persons.tsv" and any(e.kind == "person" for e in lookup_exact(lex, names[0])):
                continue
            _add_person(lex, Person(r[0], r[1], names[0], r[3], r[4], r[5], r[6], r[7]), names)


def _add_person(lex: Lexicon, p: Person, names: list[str]) -> None:
    lex.persons.setdefault(p.id, []).append(p)
    words = lex.person_words.setdefault(p.id, set())
    for name in names:
        lex.add(name, Entry("person", p.id, name))
        words.update(bare_phrase(name))


def lookup_exact(lex: Lexicon, phrase: str) -> list[Entry]:
    words = bare_phrase(phrase)
    return [e for w, e in lex.index.get(words[0], []) if w == words] if words else []


def load_roles(lex: Lexicon) -> None:
    for r in _rows(_read("roles.tsv")):
        role = Role(r[1], r[2] or None, r[3] or "office")
        for form in _split(r[0]):
            lex.roles[form] = role
            lex.add(form, Entry("role", form, form, role.agent))
    for r in _rows(_read("portfolios.tsv")):
        for form in _split(r[0]):
            lex.portfolios[form] = r[1]
            lex.add(form, Entry("portfolio", form, form))
    for r in _rows(_read("agents.tsv")):
        lex.agents[r[0]] = r[1]
        for form in _split(r[2]):
            lex.add(form, Entry("agent", r[0], form, r[0]))
    for r in _rows(_read("references.tsv")):
        for form in _split(r[0]):
            lex.add(form, Entry("reference", bare(r[1]), form))
        for pair in _split(r[2]):
            iso3, _, org_id = pair.partition(":")
            lex.reference_defaults.setdefault(bare(r[1]), []).append((iso3, org_id))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped dictionaries (loaded once per process)."""
    lex = Lexicon()
    load_countries(lex)
    load_orgs(lex)
    load_persons(lex)
    load_roles(lex)
    words = _read("stopwords.txt").split()
    lex.stopwords = frozenset(norm_word(w) for w in words if not w.startswith("#"))
    return lex


def resource_path(name: str) -> Path:
    """Filesystem path of an actor dictionary file (for users who want to edit a copy)."""
    return resource_files.path("actors", name)
