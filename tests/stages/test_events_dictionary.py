"""Ontology tables and trigger dictionary: codes, conventions, morphology, argument patterns."""

from __future__ import annotations

import pytest

from marsad.errors import ResourceError
from marsad.events.dictionary import default_dictionary, match_words, parse_line
from marsad.events.morph import candidates
from marsad.ontology import cameo, cameo_codes, plover_for, plover_types, quad_class
from marsad.text.tokens import token_norms


def codes(sentence: str) -> list[str]:
    return [m.entry.cameo for m in match_words(token_norms(sentence), surfaces=sentence.split())]


def test_ontology_conventions() -> None:
    assert len(cameo_codes()) == 311
    assert len(plover_types()) == 16
    assert plover_for("010") == (None, None) and plover_for("0231") == (None, None)
    assert cameo("173").plover_type == "COERCE" and cameo("173").goldstein == -5.0
    assert cameo("163").plover_type == "SANCTION"
    assert [quad_class(c) for c in ("05", "061", "13", "14")] == [1, 2, 3, 4]
    assert all(c.quad_class == quad_class(c.code) for c in cameo_codes().values())


def test_every_root_has_triggers() -> None:
    roots = {e.cameo[:2] for e in default_dictionary().entries}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


@pytest.mark.parametrize("word,stem,kind", [
    ("وتظاهروا", "تظاهر", "V"), ("المظاهرات", "مظاهره", "N"), ("يلتقي", "لتقي", "V"),
    ("سيعقد", "عقد", "V"), ("اعتقلت", "اعتقل", "*"), ("احتجاجا", "احتجاج", "*"),
])
def test_morphology_candidates(word: str, stem: str, kind: str) -> None:
    assert (stem, kind) in candidates(word) or (stem, "*") in candidates(word) or (stem, "V") in candidates(word)


@pytest.mark.parametrize("sentence,code", [
    ("اعتقلت الشرطة خمسة أشخاص", "173"),  # perfect, feminine
    ("تعتقل قوات الأمن المحتجين", "173"),  # imperfect
    ("وتظاهر آلاف الطلاب أمام الوزارة", "141"),  # conjunction + verb
    ("قُتل ثلاثة جنود في قصف", "190"),  # passive with diacritics
    ("سيلتقي الرئيس نظيره الفرنسي", "040"),  # future prefix
    ("أدانت الخارجية الهجوم", "111"),
    ("فرضت الولايات المتحدة عقوبات على إيران", "163"),  # sanction needs its argument
    ("فرضت السلطات حظر التجول في المدينة", "1723"),  # curfew is not a sanction
])
def test_triggers_match_inflected_forms(sentence: str, code: str) -> None:
    assert code in codes(sentence)


def test_argument_patterns_and_exclusions() -> None:
    assert "163" not in codes("فرضت السلطات حظر التجول في المدينة")
    assert codes("منظمة التعاون الإسلامي") == []  # a name, not cooperation
    assert "141" not in codes("انطلقت تظاهرة ثقافية في المدينة")  # a cultural event
    assert codes("اجتماع") == ["040"]


def test_bad_dictionary_lines_say_what_is_wrong() -> None:
    with pytest.raises(ResourceError, match="unknown CAMEO code '999'"):
        parse_line("999\tV\tقتل\tw=0.5", 3)
    with pytest.raises(ResourceError, match="part of speech"):
        parse_line("190\tQ\tقتل", 4)
    with pytest.raises(ResourceError, match="unknown trigger flag"):
        parse_line("190\tV\tقتل\tfoo", 5)
    assert parse_line("# comment", 1) is None
