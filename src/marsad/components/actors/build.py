"""Actor records built from dictionary entries and from the text."""

from __future__ import annotations

from datetime import date

from marsad.components.actors.lexicon import AGENT_CODES, Lexicon, Org, Person, Role
from marsad.core.types import Actor


def agent_of(code: str) -> str | None:
    """The first CAMEO agent field of a code after its first field: IGOUNODEV -> DEV, ISRMIL -> MIL."""
    for k in range(3, len(code), 3):
        if code[k:k + 3] in AGENT_CODES:
            return code[k:k + 3]
    return None


def country_actor(lex: Lexicon, iso3: str, text: str) -> Actor:
    en, ar = lex.countries.get(iso3, (iso3, text))
    kind = "country" if len(iso3) == 3 and iso3 not in {"KUR", "INT", "ARB"} else "group"
    return Actor(f"country:{iso3}", iso3, ar or text, en, kind, iso3, None)


def composed_actor(lex: Lexicon, iso3: str | None, agent: str | None, text: str) -> Actor:
    """A country (or other first field) with an agent: ISR + MIL -> ISRMIL, or a bare agent: CVL."""
    code = (iso3 or "") + (agent or "")
    label = lex.agents.get(agent or "", agent or "")
    en = " ".join(x for x in (lex.countries.get(iso3 or "", (iso3 or "",))[0], label) if x)
    return Actor(f"{iso3 or ''}:{agent or ''}", code, text, en or None, "agent", iso3, agent)


def org_actor(org: Org) -> Actor:
    return Actor(org.id, org.code, org.name_ar, org.name_en, org.type, org.code[:3], agent_of(org.code),
                 None, org.parent)


def person_actor(p: Person) -> Actor:
    role = p.role
    if role and p.affiliation:
        role = f"{role}, {p.affiliation}"
    # imported entries without any date may be outlets or bodies written like names (واشنطن بوست)
    kind = "person" if p.start or p.end or not p.id.startswith("up") else "unknown"
    return Actor(p.id, p.code, p.name_ar, p.name_en or None, kind, p.code[:3] or None,
                 agent_of(p.code), role or None, p.affiliation or None)


def pick_term(terms: list[Person], when: date | None) -> Person:
    """The office a person held on ``when`` (else the latest one listed first in the file)."""
    if when:
        iso = when.isoformat()
        for t in terms:
            if (not t.start or t.start[: len(iso)] <= iso) and (not t.end or iso <= _end(t.end)):
                return t
    return terms[0]


def _end(end: str) -> str:
    return end if len(end) == 10 else end + "-12-31"


def holder(lex: Lexicon, affiliation: str, role_en: str, when: date | None) -> Person | None:
    """The dictionary person who held ``role_en`` at ``affiliation`` on ``when`` (None if unknown)."""
    if when is None:
        return None
    iso = when.isoformat()
    if not lex._holders:
        for terms in lex.persons.values():
            for t in terms:
                lex._holders.setdefault((t.affiliation, t.role), []).append(t)
    for t in lex._holders.get((affiliation, role_en), ()):
        if t.start and t.start <= iso <= _end(t.end or "9999"):
            return t
    return None


def role_title(lex: Lexicon, role: Role, org: Org | None, iso3: str | None, portfolio: str | None) -> str:
    """English role text: "OIC Assistant Secretary-General for Economic Affairs", "President, IRN"."""
    title = role.role_en
    if org and org.head_en and role.kind == "head":
        title = org.head_en
    elif org and org.head_en and role.kind == "deputy":
        title = f"{role.role_en.split()[0]} {org.head_en}"
    if portfolio:
        title += f" for {portfolio}"
    if org:
        return f"{org.id} {title}"
    if iso3:
        return f"{title}, {lex.countries.get(iso3, (iso3,))[0]}"
    return title


def text_person(name: str, code: str, role: str | None, affiliation: str | None) -> Actor:
    """A person found from the text (not in the dictionaries)."""
    bare = len(code) == 3 and code in AGENT_CODES  # a title with no country: وزير -> GOV, no country
    return Actor(f"text:{name}", code, name, None, "person", None if bare else code[:3] or None,
                 agent_of(code) or (code if bare else None), role, affiliation)
