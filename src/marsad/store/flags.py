"""``complete`` and ``asserted`` from an event's JSON, for rows whose JSON does not carry them.

The coder writes both (``marsad.core.types.Event``); these functions give the same answer from
the JSON alone, for events stored before the coder wrote them (migration 4) and for JSON made by
other coders. An actor is *coded* when the text gives it (``basis`` is not ``implied``) and it
has a country (the ``actors`` table's, by actor id) or an IGO/NGO code.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marsad.core.types import NEEDS_TARGET

MODALITY = ("negated", "hypothetical", "future", "historical")
_ORG_PREFIXES = ("IGO", "NGO", "IMG")


def asserted_of(d: Mapping[str, Any]) -> bool:
    """Reported as happening: not negated, hypothetical, future or historical."""
    return not any(d.get(flag) for flag in MODALITY)


def _coded(actor: Mapping[str, Any] | None, countries: Mapping[str, str | None]) -> bool:
    if not actor or actor.get("basis") == "implied":
        return False
    if str(actor.get("code") or "")[:3] in _ORG_PREFIXES:
        return True
    return bool(countries.get(str(actor.get("actor_id") or "")))


def complete_of(d: Mapping[str, Any], countries: Mapping[str, str | None] | None = None) -> bool:
    """The source has a country or IGO code, and so does the target where the type needs one."""
    countries = countries or {}
    if not _coded(d.get("source"), countries):
        return False
    return d.get("event_type") not in NEEDS_TARGET or _coded(d.get("target"), countries)


def flags_of(d: Mapping[str, Any], countries: Mapping[str, str | None] | None = None) -> tuple[bool, bool]:
    """``(complete, asserted)``: as the JSON says when it says, else computed."""
    complete = d.get("complete")
    asserted = d.get("asserted")
    return (bool(complete) if complete is not None else complete_of(d, countries),
            bool(asserted) if asserted is not None else asserted_of(d))


def backfill(conn: Any) -> int:
    """Set ``complete`` and ``asserted`` of every stored event mention from its JSON, then of every
    event from its representative mention; returns the number of mentions read."""
    import json

    from sqlalchemy import bindparam, false, func, select, update

    from marsad.store import schema

    a, m, e = schema.actors, schema.event_mentions, schema.events
    countries = {k: v for k, v in conn.execute(select(a.c.id, a.c.country)) if v}
    stmt = (update(m).where(m.c.id == bindparam("mid"))
            .values(complete=bindparam("c"), asserted=bindparam("a")))
    last, seen = "", 0
    while True:
        rows = conn.execute(select(m.c.id, m.c.data).where(m.c.id > last).order_by(m.c.id).limit(5000)).all()
        if not rows:
            break
        changes = []
        for mid, data in rows:
            try:
                d = json.loads(data)
            except ValueError:
                d = {}
            c, s = flags_of(d if isinstance(d, dict) else {}, countries)
            if c or s:  # the columns were added as false
                changes.append({"mid": mid, "c": c, "a": s})
        if changes:
            conn.execute(stmt, changes)
        seen += len(rows)
        last = rows[-1][0]
    rep = m.alias("rep")
    conn.execute(update(e).values(**{
        flag: func.coalesce(select(rep.c[flag]).where(rep.c.id == e.c.mention_id).scalar_subquery(), false())
        for flag in ("complete", "asserted")}))
    return seen
