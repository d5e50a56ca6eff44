"""Normalisation and tokenisation: invariants and the cases the issue names."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalize import normalize, normalize_text, to_original
from marsad.text.tokens import tokenize

ARABIC = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأؤإئىة ،؛؟.!«»\"'-0123456789٠١٢٣٤٥٦٧٨٩۰۱abcXYZ\n\t")
        + ["\u0640", "\u064b", "\u064e", "\u0651", "\u0652", "\u0670", "\u200b", "\u200f", "\u00a0", "\ufefb", "\u202b"]
    ),
    max_size=200,
)


def test_variants_fold_alike() -> None:
    assert normalize_text("فى") == normalize_text("في")
    assert normalize_text("الإسلامى") == normalize_text("الاسلامي")
    assert normalize_text("إسطنبول") == normalize_text("اسطنبول")
    assert normalize_text("منظمة") == normalize_text("منظمه")
    assert normalize_text("مُحَمَّـــد") == "محمد"
    assert normalize_text("٢٠١٤ ۱۲") == "2014 12"
    assert normalize_text("،؛؟") == ",;?"
    assert normalize_text("a\u00a0b\u200fc") == "a bc"
    assert normalize_text("\ufefb") == "لا"  # lam-alef ligature
    assert normalize_text("CNN") == "cnn"


@given(ARABIC)
@settings(max_examples=300)
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert normalize(text).text == once


@given(ARABIC)
@settings(max_examples=300)
def test_offset_map_points_into_the_original(text: str) -> None:
    norm = normalize(text)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    for i in range(len(norm.text)):
        a, b = to_original(norm, i, i + 1)
        assert 0 <= a < b <= len(text)
        assert normalize_text(text[a:b]).startswith(norm.text[i]) or len(normalize_text(text[a:b])) > 1


@given(ARABIC)
@settings(max_examples=300)
def test_token_offsets_in_order_and_exact(text: str) -> None:
    prev_end = 0
    for tok in tokenize(text):
        assert prev_end <= tok.start < tok.end <= len(text)
        assert text[tok.start : tok.end] == tok.text
        pos = tok.start
        for seg in tok.segments:
            assert seg.start == pos and text[seg.start : seg.end] == seg.text
            pos = seg.end
        assert pos == tok.end
        prev_end = tok.end


def _pieces(word: str) -> list[tuple[str, str]]:
    (tok,) = tokenize(word)
    return [(s.text, s.kind) for s in tok.segments]


def test_names_are_never_cut() -> None:
    for name in ["بان", "لبنان", "بلال", "فلسطين", "إلى", "الله", "ألقاها"]:
        assert _pieces(name) == [(name, "stem")], name


def test_clitics_are_cut() -> None:
    assert _pieces("وللأمم") == [("و", "conj"), ("ل", "prep"), ("ل", "det"), ("أمم", "stem")]
    assert _pieces("والأمم") == [("و", "conj"), ("ال", "det"), ("أمم", "stem")]
    assert _pieces("بالأمانة") == [("ب", "prep"), ("ال", "det"), ("أمانة", "stem")]
    assert _pieces("وشدد") == [("و", "conj"), ("شدد", "stem")]
    assert _pieces("سيجتمع") == [("س", "fut"), ("يجتمع", "stem")]
    assert _pieces("مشاوراتهما") == [("مشاورات", "stem"), ("هما", "pron")]


def test_diacritics_stay_with_their_letters() -> None:
    word = "وَالأُمَمِ"
    pieces = _pieces(word)
    assert "".join(p for p, _ in pieces) == word
    assert pieces[0] == ("وَ", "conj")


def test_token_kinds() -> None:
    toks = tokenize("قالت CNN إن 3.5% من ٢٠١٤ «نعم»")
    assert [t.kind for t in toks] == ["word", "latin", "word", "number", "word", "number", "punct", "word", "punct"]
