"""The trigger dictionary: loading ``resources/triggers/triggers.tsv`` and matching it to words.

The file format is documented in ``docs/triggers.md``. Each entry names a CAMEO code, a part of
speech (V, N or X), a pattern (head word first, then context words) and flags. Matching looks
each word's candidate stems (its reading's ``analyses``, :mod:`marsad.text.morph`) up in an index of head forms, then checks
the rest of the pattern against the following and preceding words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import marsad.resources as resource_files
from marsad.core.errors import ResourceError
from marsad.resources.ontology import cameo_codes
from marsad.text.morph import reading
from marsad.text.normalize import norm_word

WINDOW_REQUIRED = 6  # +word: within this many words after the previous element
WINDOW_FORBIDDEN = 5  # !word: not within this many words after the head
_VERSION = re.compile(r"version\s+(\S+)")


@dataclass(frozen=True, slots=True)
class Element:
    forms: frozenset[str]
    op: str  # "" adjacent, "+" within window, "!" forbidden after, "-" forbidden before, "~" forbidden right after


@dataclass(frozen=True, slots=True)
class Entry:
    line: int
    cameo: str
    pos: str  # "V", "N", "X"
    head: frozenset[str]
    rest: tuple[Element, ...]
    weight: float = 0.5
    weak: bool = False
    strong: bool = False
    victim: bool = False
    stmt: bool = False
    passive: bool = False
    self: bool = False
    casualty: bool = False  # names the dead or wounded of an attack (مقتل, قتلى, أصيب)
    hal: bool = False  # a circumstantial participle (منددا, متهما): its doer is the clause's subject
    ref: bool = False  # refers back (الجريمة): only definite or after هذه, and only after another event of its root
    gen: str | None = None  # role of the noun after a noun trigger
    target_preps: frozenset[str] = frozenset()
    source_preps: frozenset[str] = frozenset()  # by=من: the phrase after it is the source (تلقى اتصالا من X)
    doer: str = ""  # doer=TURMIL: the actor code the name itself gives (غصن الزيتون), when no source is named
    text: str = ""
    imperfect_only: frozenset[str] = frozenset()  # stems made by dropping ا: need an imperfect prefix

    @property
    def rule(self) -> str:
        return f"triggers.tsv:{self.line} {self.cameo} {self.text}"

    @property
    def size(self) -> int:
        return 1 + sum(1 for e in self.rest if e.op in ("", "+"))


@dataclass(slots=True)
class Dictionary:
    entries: list[Entry]
    version: str
    index: dict[str, list[Entry]] = field(default_factory=dict)
    _hits: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for form in entry.head:
                self.index.setdefault(form, []).append(entry)

    def hits(self, word: str) -> tuple[tuple[str, str], ...]:
        """The word's candidate (stem, kind) analyses that are head forms here (cached)."""
        got = self._hits.get(word)
        if got is None:
            got = tuple(c for c in reading(word).analyses if c[0] in self.index)
            if len(self._hits) < 200_000:
                self._hits[word] = got
        return got


def _forms(word: str, verb: bool) -> frozenset[str]:
    out = set()
    for alt in word.split("|"):
        alt = norm_word(alt.strip())
        if not alt:
            continue
        out.add(alt)
        if verb and alt.startswith("ا") and len(alt) >= 4:
            out.add(alt[1:])  # اعتقل -> (ي)عتقل, ارسل -> (ي)رسل
    return frozenset(out)


def _parse_flags(text: str, cameo: str) -> dict[str, object]:
    flags: dict[str, object] = {}
    for tok in text.split():
        key, _, val = tok.partition("=")
        if key == "w":
            flags["weight"] = float(val)
        elif key in ("weak", "strong", "victim", "stmt", "passive", "self", "casualty", "hal", "ref"):
            flags[key] = True
        elif key == "gen":
            flags["gen"] = None if val == "none" else val
        elif key == "tp":
            flags["target_preps"] = frozenset(norm_word(v) for v in val.split("|"))
        elif key == "by":
            flags["source_preps"] = frozenset(norm_word(v) for v in val.split("|"))
        elif key == "doer":
            if not (len(val) >= 3 and val.isalpha() and val.isupper()):
                raise ResourceError(f"trigger flag '{tok}' for CAMEO {cameo} needs an actor code in capitals "
                                    "(doer=TURMIL); see docs/triggers.md.")
            flags["doer"] = val
        else:
            raise ResourceError(f"unknown trigger flag '{tok}' for CAMEO {cameo}; see docs/triggers.md.")
    return flags


def parse_line(line: str, lineno: int) -> Entry | None:
    """One dictionary line as an :class:`Entry` (``None`` for blanks and comments)."""
    if not line.strip() or line.lstrip().startswith("#"):
        return None
    cols = line.rstrip("\n").split("\t")
    if len(cols) < 3:
        raise ResourceError(f"trigger line {lineno} needs CODE<TAB>POS<TAB>PATTERN[<TAB>FLAGS]: {line!r}")
    code, pos, pattern = cols[0].strip(), cols[1].strip(), cols[2].strip()
    if code not in cameo_codes():
        raise ResourceError(f"trigger line {lineno}: unknown CAMEO code '{code}'.")
    if pos not in ("V", "N", "X"):
        raise ResourceError(f"trigger line {lineno}: part of speech must be V, N or X, not '{pos}'.")
    flag_text = cols[3] if len(cols) > 3 else ""
    words = pattern.split() + [t for t in flag_text.split() if t[0] in "+!-~"]
    flag_text = " ".join(t for t in flag_text.split() if t[0] not in "+!-~")
    head = _forms(words[0], pos == "V")
    written = _forms(words[0], False)
    rest = []
    for w in words[1:]:
        op = w[0] if w[0] in "+!-~" else ""
        rest.append(Element(_forms(w[1:] if op else w, False), op))
    flags = _parse_flags(flag_text, code)
    return Entry(lineno, code, pos, head, tuple(rest), text=pattern,
                 imperfect_only=head - written, **flags)  # type: ignore[arg-type]


def load_dictionary(path: str | Path | None = None) -> Dictionary:
    """Load a trigger dictionary file (the shipped one by default)."""
    if path is None:
        text = resource_files.read_text("triggers", "triggers.tsv")
    else:
        text = Path(path).read_text("utf-8")
    entries = [e for i, ln in enumerate(text.splitlines(), 1) if (e := parse_line(ln, i))]
    match = _VERSION.search(text[:500])
    return Dictionary(entries, match.group(1) if match else "custom")


@lru_cache(maxsize=1)
def default_dictionary() -> Dictionary:
    return load_dictionary()


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    head: int  # word index of the head
    end: int  # word index after the last matched pattern word
    kind: str  # morphological kind of the head analysis ("V", "N", "*")
    words: tuple[int, ...]  # indexes of the matched pattern words
    stem: str = ""  # the head's stem as matched


def _kind_ok(pos: str, kind: str) -> bool:
    return kind == "*" or (pos == "V" and kind == "V") or (pos != "V" and kind == "N")


def _has(forms: frozenset[str], word: str) -> bool:
    if len(forms) == 1 and len(next(iter(forms))) == 1:  # a one-letter clitic such as ب
        return word.startswith(next(iter(forms)))
    return not forms.isdisjoint(reading(word).stems)


NAME_SPAN_MAX = 20  # words a +context may reach over when names lie between (a cap, for safety)
_CLAUSE_ENDS = frozenset({"،", ",", ".", "؛", ";", ":", "?", "؟", "!"})


def _ahead(pos: int, norms: Sequence[str], names: frozenset[int]) -> Iterator[int]:
    """The words after ``pos`` within :data:`WINDOW_REQUIRED`, the words of names not counted:
    وقع وزير الخارجية عادل الجبير ونظيره الفرنسي لوران فابيوس اتفاقية (the names are one subject)."""
    steps, j = 0, pos + 1
    while j < min(len(norms), pos + 1 + NAME_SPAN_MAX) and steps < WINDOW_REQUIRED:
        yield j
        steps += j not in names
        j += 1
        if j - pos > WINDOW_REQUIRED and norms[j - 1] in _CLAUSE_ENDS:
            return  # past the usual reach, never over a clause boundary


def _check_rest(entry: Entry, norms: Sequence[str], i: int,
                names: frozenset[int] = frozenset()) -> list[int] | None:
    pos, got = i, [i]
    for el in entry.rest:
        if el.op == "":
            if pos + 1 >= len(norms) or not _has(el.forms, norms[pos + 1]):
                return None
            pos += 1
            got.append(pos)
        elif el.op == "+":
            hit = next((j for j in _ahead(pos, norms, names) if _has(el.forms, norms[j])), None)
            if hit is None:
                return None
            pos = hit
            got.append(hit)
        elif el.op == "!":
            if any(_has(el.forms, norms[j]) for j in range(i + 1, min(len(norms), i + 1 + WINDOW_FORBIDDEN))):
                return None
        elif el.op in ("-", "~") and _neighbour_has(el, norms, i):
            return None
    return got


def _imperfect(word: str, stem: str) -> bool:
    """Does the stem follow an imperfect prefix (ي ت ن ا) in the word (يعتقل, ستعتقل)?"""
    w = word[1:] if len(word) > 3 and word[0] in "وف" else word
    k = w.find(stem)
    return k >= 1 and w[k - 1] in "يتنا"


def _neighbour_has(el: Element, norms: Sequence[str], i: int) -> bool:
    """``-w``: the word right before the head is w; ``~w``: the word right after it is."""
    j = i - 1 if el.op == "-" else i + 1
    return 0 <= j < len(norms) and _has(el.forms, norms[j])


_TA_MARBUTA = "\u0629"  # ة
_HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0653))  # tanween, short vowels, shadda, sukun


def match_words(norms: Sequence[str], dictionary: Dictionary | None = None,
                surfaces: Sequence[str] | None = None, names: frozenset[int] = frozenset()) -> list[Match]:
    """All pattern matches in a sentence's normalised words, longest first where they overlap.

    ``surfaces`` (the original words) lets a final ة (U+0629) rule out a verb reading; the words of
    ``names`` (indexes inside actor names) do not count towards the reach of a ``+`` context word.
    """
    d = dictionary or default_dictionary()
    found: list[Match] = []
    for i, word in enumerate(norms):
        best: Match | None = None
        noun_only = surfaces is not None and surfaces[i].rstrip(_HARAKAT).endswith(_TA_MARBUTA)
        for stem, kind in d.hits(word):
            for entry in d.index[stem]:
                if not _kind_ok(entry.pos, kind) or (noun_only and entry.pos == "V"):
                    continue
                if stem in entry.imperfect_only and not _imperfect(word, stem):
                    continue  # عدم is no يعدم, ووقفوا no يوقف
                got = _check_rest(entry, norms, i, names)
                if got is None:
                    continue
                m = Match(entry, i, got[-1] + 1, kind, tuple(got), stem)
                if best is None or _rank(entry) > _rank(best.entry):
                    best = m
        if best is not None:
            found.append(best)
    return _resolve_overlaps(found)


def _rank(entry: Entry) -> tuple[bool, int, float]:
    """Which entry a word takes: a reference back (``ref``) only when no other entry matches it."""
    return not entry.ref, entry.size, entry.weight


def _resolve_overlaps(found: list[Match]) -> list[Match]:
    taken: set[int] = set()
    kept: list[Match] = []
    for m in sorted(found, key=lambda m: (-m.entry.size, -m.entry.weight, m.head)):
        if taken.isdisjoint(m.words):
            kept.append(m)
            taken.update(m.words)
    return sorted(kept, key=lambda m: m.head)
