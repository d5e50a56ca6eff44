"""The text layer's fast paths give exactly what the plain versions give."""

from __future__ import annotations

import pickle
from bisect import bisect_right
from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.core.types import Segment, Token
from marsad.text.fastnew import fast_constructor
from marsad.text.morph import reading, zipf
from marsad.text.normalize import _DELETE, _MARK_SET, normalize
from marsad.text.sentences import split_sentences
from marsad.text.tokens import tokenize
from marsad.text.wordcache import trim_caches, word_cache

TEXT = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأؤإئىة ،؛؟.!«»\"'-0123456789٠١abcXYZ\n")
        + ["\u0640", "\u064b", "\u064e", "\u0651", "\u0652", "\u0670", "\u200b", "\u200f", "\u00a0", "\u202b"]
    ),
    max_size=300,
)


def _reference_map(text: str) -> tuple[list[int], list[int]]:
    """The offset map built character by character (the definition)."""
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        if ord(ch) in _DELETE:
            if ch in _MARK_SET and ends and ends[-1] == i:
                ends[-1] = i + 1
            continue
        starts.append(i)
        ends.append(i + 1)
    return starts, ends


@given(TEXT)
@settings(max_examples=400)
def test_offset_map_equals_the_character_loop(text: str) -> None:
    norm = normalize(text)
    assert (list(norm.starts), list(norm.ends)) == _reference_map(text)


def test_offset_map_of_a_long_text() -> None:
    text = ("مُحَمَّد\u200b قال: الأمم المتحدة ـ " * 4000)[:150_001]  # longer than the offsets kept at import
    norm = normalize(text)
    assert (list(norm.starts), list(norm.ends)) == _reference_map(text)


def test_marks_glue_to_their_letter_and_format_characters_do_not() -> None:
    text = "مُحَمَّـد\u200bعلي"  # ُ َ ّ ـ after letters; a zero-width space before علي
    norm = normalize(text)
    assert norm.text == "محمدعلي"
    assert (norm.starts[0], norm.ends[0]) == (0, 2)  # م + damma
    assert (norm.starts[2], norm.ends[2]) == (4, 8)  # م + fatha, shadda, tatweel
    assert (norm.starts[4], norm.ends[4]) == (10, 11)  # ع: the zero-width space belongs to nobody


@given(TEXT)
@settings(max_examples=300)
def test_token_sentence_index_is_the_sentence_that_starts_at_or_before_it(text: str) -> None:
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    for tok in tokenize(text, sentences):
        assert tok.sentence == (max(bisect_right(starts, tok.start) - 1, 0) if starts else 0)


def test_zipf_equals_wordfreq() -> None:
    from wordfreq import get_frequency_list, zipf_frequency

    words = [w for bucket in get_frequency_list("ar", "best")[::2] for w in bucket[:30]]
    words += ["قثقثقث", "الأمم", "مُحَمَّد", "ـــ", "http", "2014", "abc", "الامم المتحدة", "ٱلله", ""]
    assert len(words) > 5000  # a spread over the whole frequency range
    assert [zipf(w) for w in words] == [float(zipf_frequency(w, "ar")) for w in words]


@dataclass(frozen=True, slots=True)
class _Plain:
    a: int
    b: str
    c: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class _Checked:
    a: int

    def __post_init__(self) -> None:
        if self.a < 0:
            raise ValueError("negative")


@dataclass(frozen=True)
class _NoSlots:
    a: int
    b: list[int] = field(default_factory=list)


def test_fast_constructor_makes_the_same_objects() -> None:
    make = fast_constructor(_Plain)
    assert make is not _Plain
    x = make(1, "x", (2,))
    assert type(x) is _Plain and x == _Plain(1, "x", (2,)) and hash(x) == hash(_Plain(1, "x", (2,)))
    assert pickle.loads(pickle.dumps(x)) == x
    seg = fast_constructor(Segment)(3, 5, "ال", "det")
    assert seg == Segment(3, 5, "ال", "det") and type(seg) is Segment
    tok = fast_constructor(Token)(0, 3, 5, "ال", "ال", 0, "word", (seg,), reading("ال"))
    assert tok == Token(0, 3, 5, "ال", "ال", 0, "word", (seg,), reading("ال")) and tok.stem == Segment(3, 5, "ال", "stem")


def test_fast_constructor_leaves_classes_it_cannot_copy() -> None:
    assert fast_constructor(_Checked) is _Checked  # __post_init__ must run
    assert fast_constructor(_NoSlots) is _NoSlots


def test_word_cache_is_bounded_by_trim() -> None:
    calls: list[str] = []

    @word_cache(3)
    def shout(word: str) -> str:
        calls.append(word)
        return word.upper()

    assert [shout(w) for w in "abcda"] == list("ABCDA")
    assert calls == list("abcd")  # the second a came from the cache
    trim_caches()
    assert shout.cache_info().currsize == 0  # 4 > 3: emptied
    assert shout("a") == "A" and calls[-1] == "a"
