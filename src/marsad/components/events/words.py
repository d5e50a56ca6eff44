"""Word lists of one sentence and the small closed word classes the event rules need."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import marsad.resources as resource_files
from marsad.core.types import Reading
from marsad.text.morph import list_forms
from marsad.text.normalize import norm_word


@dataclass(frozen=True, slots=True)
class Word:
    """A token of one sentence, as the event rules read it (``reading``: the token's own)."""

    i: int  # index in the sentence
    start: int
    end: int
    text: str
    norm: str
    kind: str  # "word", "latin", "number", "punct", "other"
    reading: Reading


@lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    """Named word lists from ``resources/triggers/wordlists.txt`` (``[name]`` then one word a line)."""
    text = resource_files.read_text("triggers", "wordlists.txt")
    lists: dict[str, set[str]] = {}
    current = None
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = lists.setdefault(line[1:-1], set())
        elif current is not None:
            current.update(norm_word(w) for w in line.split())
    return {k: frozenset(v) for k, v in lists.items()}


@lru_cache(maxsize=200_000)
def tags(norm: str) -> frozenset[str]:
    """Names of the word lists holding the word, without a leading و/ف, ب/ل/ك and ال (cached; the
    forms looked up are :func:`marsad.text.morph.list_forms`)."""
    forms = list_forms(norm)
    return frozenset(name for name, lst in word_lists().items() if not forms.isdisjoint(lst))


def in_list(name: str, norm: str) -> bool:
    """Is the word (with or without a leading و/ف) in the named list?"""
    return name in tags(norm)


DEFINITE_PREFIXES = ("ال", "وال", "فال", "بال", "لل", "ولل", "كال")  # the article after its clitics


def definite(word: str) -> bool:
    """الاجتماع, والهجوم, بالاتفاق, للقاء: a word with the article ال after its clitics."""
    return word.startswith(DEFINITE_PREFIXES)


def is_function(w: Word) -> bool:
    return w.kind == "word" and in_list("function", w.norm)


def is_content(w: Word) -> bool:
    """A word that can be part of a noun phrase naming an actor."""
    if w.kind not in ("word", "latin"):
        return False
    if in_list("function", w.norm) or in_list("verbs", w.norm):
        return False
    return not looks_imperfect(w.norm)


_NOT_VERBS = frozenset({"يوسف", "يحيي", "ياسر", "يونس", "يعقوب", "يزيد", "ياسين", "يناير", "يونيو", "يوليو",
                        "يوم", "يوما", "يومي", "يمني", "يمنيه", "يهود", "يهودي", "يهوديه", "يابان", "يونان"})


def looks_imperfect(norm: str) -> bool:
    """An imperfect verb shape (يفعل, ويفعلون): ي + at least three letters, not a known noun."""
    n = norm[1:] if len(norm) > 4 and norm[0] in "وف" else norm
    return len(n) >= 4 and n[0] == "ي" and n not in _NOT_VERBS and not n.startswith("يوم")


_NUMBER_WORDS = {
    "واحد": 1, "اثنان": 2, "اثنين": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4,
    "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8,
    "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30,
    "اربعين": 40, "خمسين": 50, "مئه": 100, "مائه": 100, "مئات": 100, "الف": 1000, "الاف": 1000,
    "عشرات": 10,
}


def number_value(w: Word) -> int | None:
    """The value of a number token or a simple Arabic number word (و stripped)."""
    if w.kind == "number":
        digits = w.norm.replace(",", "").split(".")[0].rstrip("%")
        return int(digits) if digits.isdigit() and len(digits) < 9 else None
    if w.kind == "word":
        return _NUMBER_WORDS.get(w.reading.unconj)
    return None
