"""A user's actors file merged over the shipped dictionaries (``marsad code --actors FILE``).

The file has the columns of ``persons.tsv`` (tab-separated, ``#`` comments, a header line
``id name_en names code role affiliation start end`` optional): one row per office held. It wins
over the shipped dictionaries in two ways:

* an ``id`` the shipped files use (``nouri_maliki``, ``up0617``) replaces every shipped row of that
  person: write its corrected rows, with all the names it should match;
* a name the file lists (``محمد دحلان``) is taken away from any shipped person that lists it too.

A person no dictionary knows is simply added. See ``docs/actors.md``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from marsad.components.actors.lexicon import Entry, Lexicon, Person, _add_person, _split, bare_phrase, lexicon
from marsad.core.errors import ConfigError

COLUMNS = ("id", "name_en", "names", "code", "role", "affiliation", "start", "end")


def read_user_persons(path: str | Path) -> list[tuple[Person, list[str]]]:
    """The rows of a user actors file, checked: (person, its names) each; ConfigError if malformed."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read actors file {path}: {exc}") from exc
    out: list[tuple[Person, list[str]]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if cells[0] == "id" and not out:
            continue  # the header line
        cells += [""] * (len(COLUMNS) - len(cells))
        pid, name_en, names_cell, code = cells[0], cells[1], cells[2], cells[3].upper()
        names = _split(names_cell)
        where = f"actors file {path}, line {n}"
        if len(cells) > len(COLUMNS) or not pid or not names or not code:
            raise ConfigError(f"{where}: expected tab-separated {', '.join(COLUMNS)} "
                              "(id, names and code are required; see docs/actors.md)")
        if not all(bare_phrase(x) for x in names):
            raise ConfigError(f"{where}: a name has no Arabic or Latin word: {names_cell!r}")
        if len(code) < 3 or len(code) % 3 or not code.isalpha():
            raise ConfigError(f"{where}: {code!r} is not a CAMEO code (ISO-3 or IGO/NGO, then 3-letter fields)")
        for col, value in (("start", cells[6]), ("end", cells[7])):
            if value and not _date_ok(value):
                raise ConfigError(f"{where}: {col} {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        out.append((Person(pid, name_en, names[0], code, cells[4], cells[5], cells[6], cells[7]), names))
    return out


def _date_ok(value: str) -> bool:
    parts = value.split("-")
    return [len(p) for p in parts] in ([4], [4, 2], [4, 2, 2]) and all(p.isdigit() for p in parts)


def user_lexicon(path: str | Path, base: Lexicon | None = None) -> Lexicon:
    """The shipped dictionaries (or ``base``) with the user's actors file merged over them.

    ``base`` is not changed: the result has its own phrase index and person table.
    """
    base = base or lexicon()
    rows = read_user_persons(path)
    ids = {p.id for p, _ in rows}
    names = {bare_phrase(x) for _, ns in rows for x in ns}
    index: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
    for first, items in base.index.items():
        kept = [(w, e) for w, e in items if not (e.kind == "person" and (e.key in ids or w in names))]
        if kept:
            index[first] = kept
    lex = replace(base, index=index, _seen={item for items in index.values() for item in items},
                  persons={k: v for k, v in base.persons.items() if k not in ids},
                  person_words={k: v for k, v in base.person_words.items() if k not in ids}, _holders={})
    for p, ns in rows:
        _add_person(lex, p, ns)
    return lex


__all__ = ["COLUMNS", "read_user_persons", "user_lexicon"]
