"""Rebuild ``resources/actors/up_persons.tsv`` from the UniversalPetrarch Arabic actor dictionary.

    python -m marsad.training.build_actors [--source DIR] [--out FILE]

The source (``../shared/data/dictionaries/universalpetrarch-arabic/actor_dict_ar_v4.txt``, MIT) has
5,968 entries written as lemmas joined by ``_`` with CAMEO codes and date ranges. Most of it is not
usable as is: institutions in lemma form (``أمين_عام_ل_أمة_المتحدة_``) never match running text, and
many codes are bare or wrong. What this script keeps, and why:

* entries of 2-5 words that look like personal names: no word is a title, institution or agent noun
  (the forms of ``roles.tsv`` and ``agents.tsv`` plus a list of lemma nouns below), no preposition
  lemma (``ل``, ``ب``, ``في``), no digit;
* with a code whose first field is a known ISO-3 country, IGO or a CAMEO non-state code, and a
  recognised agent (GOV, MIL, ...) where it has one; ``?`` and unknown agents are dropped;
* date ranges in ``YYYYMMDD-YYYYMMDD`` or ``>YYYYMMDD``; an end before its start (common in the source,
  e.g. ``19840502-18000101``) is read as open-ended;
* names already in the curated ``persons.tsv`` are skipped (the curated file wins).

Institutions, countries and agents were written by hand instead (``organizations.tsv``,
``countries.tsv``, ``agents.tsv``), checked against the same source.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

import marsad.resources as resource_files
from marsad.text.normalize import norm_word

HERE = resource_files.path("actors")
SOURCE = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "dictionaries" / "universalpetrarch-arabic"
AGENTS = {"GOV", "MIL", "COP", "REB", "OPP", "CVL", "JUD", "LEG", "MED", "REF", "BUS", "EDU", "HLH", "UAF",
          "PTY", "CRM", "REL", "ELI", "SPY", "LAB", "AGR", "DEV", "HRI", "ENV", "IGO", "NGO", "MNC", "RAD"}
NONSTATE = {"IGO", "NGO", "IMG", "INT", "KUR", "MNC"}
# Lemma nouns that mark an entry as an institution or a description, not a name.
_NOT_NAME_WORDS = (
    "حكومة جيش شرطة وزارة مجلس سفارة قوة قوات نظام مسؤول حزب حركة منظمة رئيس وزير أمين عام ملك أمير "
    "شيخ جنرال لواء عقيد عميد فريق قائد ركن طيار بحري جوي بري إدارة دولة ولاية جمهورية مكتب هيئة "
    "لجنة اتحاد جامعة مؤتمر محكمة بنك شركة صندوق برنامج مركز معهد جماعة جبهة تنظيم كتائب ألوية "
    "سلطة مؤسسة وكالة رابطة جمعية نقابة غرفة ديوان مجلس_ مدير نائب سفير متحدث ناطق زعيم أمن دفاع "
    "عسكري ملحق مستشار قومي عربي أمريكي أميركي إسرائيلي مصري عراقي لبناني سوري إيراني فلسطيني "
    "دكتور سيد مواطن شعب طالب عامل مقاتل مسلح انتحاري متظاهر أرض أخ إخوان مجلة سياسة تشريعية دولي شرق غرب شمال جنوب أوسط بيت"
)
_NOT_NAME = set(_NOT_NAME_WORDS.split())


def _title_words() -> set[str]:
    words = {norm_word(w) for w in _NOT_NAME}
    for fname, col in (("roles.tsv", 0), ("agents.tsv", 2)):
        for row in _rows(HERE / fname):
            for form in row[col].split("|"):
                words.update(norm_word(w) for w in form.split())
    for row in _rows(HERE / "countries.tsv"):  # demonyms: an entry with one is a description
        words.update(norm_word(w).removeprefix("-") for w in row[2].split("|") if w)
    for row in _rows(HERE.parent / "gazetteer" / "countries.tsv"):
        stem = norm_word(row[4]).removeprefix("ال")
        words.add(stem[:-1] + "ي" if stem.endswith("ا") else stem + "ي")
    words |= {w.removeprefix("ال") for w in words if len(w) > 4}
    return {w for w in words if len(w) > 1}


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if r and not r[0].startswith("#")]
    return rows[1:]


def _parse_codes(text: str) -> list[tuple[str, str, str]]:
    """``[IRQGOV 20101221-20140908]`` blocks as (code, start, end)."""
    out = []
    for code, dates in re.findall(r"\[\s*([A-Z]*)\s*([^\]]*)\]", text):
        start = end = ""
        m = re.match(r">?\s*(\d{8})(?:\s*-\s*(\d{8}))?", dates.strip())
        if m:
            start, end = m.group(1), m.group(2) or ""
            if end and end < start:
                end = ""
        out.append((code, _iso(start), _iso(end)))
    return out


def _bare(word: str) -> str:
    w = norm_word(word)
    return w[2:] if w.startswith("ال") and len(w) >= 4 else w


def _iso(d: str) -> str:
    return f"{d[:4]}-{d[4:6]}-{d[6:]}" if len(d) == 8 else ""


def _entries(path: Path) -> list[tuple[str, list[tuple[str, str, str]]]]:
    entries: list[tuple[str, list[tuple[str, str, str]]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("\t") or line.startswith("    ") or line.lstrip().startswith("["):
            if entries:
                entries[-1][1].extend(_parse_codes(line))
            continue
        name, _, rest = line.strip().partition("[")
        entries.append((name.strip(), _parse_codes("[" + rest) if rest else []))
    return entries


def _good_code(code: str, countries: set[str]) -> bool:
    first, agents = code[:3], [code[i:i + 3] for i in range(3, len(code), 3)]
    if first not in countries and first not in NONSTATE:
        return False
    return bool(agents) and len(code) % 3 == 0 and all(a in AGENTS for a in agents)


def build(source: Path, out: Path) -> tuple[int, int]:
    countries = {r[0] for r in _rows(HERE.parent / "gazetteer" / "countries.tsv")}
    titles = _title_words()
    curated = {norm_word(n) for r in _rows(HERE / "persons.tsv") for n in r[2].split("|")}
    # names the curated organisations and countries already hold (حلف شمال أطلسي is NATO)
    curated |= {" ".join(_bare(w) for w in n.split()) for r in _rows(HERE / "organizations.tsv") for n in r[6].split("|")}
    kept: dict[str, list[tuple[str, str, str]]] = {}
    entries = _entries(source / "actor_dict_ar_v4.txt")
    for lemma, codes in entries:
        words = [w for w in re.sub("[\u0670\u200e\u200f]", "", lemma).split("_") if w]  # ٰ LRM RLM
        name = " ".join(words)
        if not 2 <= len(words) <= 5 or norm_word(name) in curated or " ".join(_bare(w) for w in words) in curated or re.search(r"[0-9A-Za-z،,?]", name):
            continue
        if len(words) == 2 and norm_word(words[0]) in {"عبد", "ابو", "ابن"}:
            continue  # a compound first name (عبد العزيز) alone names no one
        if any(norm_word(w) in titles or len(w) < 2 or (w.startswith("آل") and len(w) > 3) for w in words):
            continue
        good = [c for c in codes if _good_code(c[0], countries)]
        if good:
            kept.setdefault(name, [])
            kept[name].extend(c for c in good if c not in kept[name])
    lines = ["# GENERATED by python -m marsad.training.build_actors from UniversalPetrarch (MIT); edit persons.tsv",
             "id\tname_en\tnames\tcode\trole\taffiliation\tstart\tend"]
    for i, (name, codes) in enumerate(sorted(kept.items())):
        for code, start, end in codes:
            lines.append(f"up{i:04d}\t\t{name}\t{code}\t\t{code[:3]}\t{start}\t{end}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(entries), len(kept)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=HERE / "up_persons.tsv")
    args = parser.parse_args(argv)
    n_in, n_out = build(args.source, args.out)
    print(f"read {n_in} entries, kept {n_out} person names -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
