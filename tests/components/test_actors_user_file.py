"""A user's actors file merged over the shipped dictionaries, and titles that beat a surname match."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.components.actors.lexicon import lexicon
from marsad.components.actors.resolve import resolve_document
from marsad.components.actors.stage import ActorsStage
from marsad.components.actors.user import user_lexicon
from marsad.core.errors import ConfigError
from marsad.core.types import Article, Document

HEADER = "id\tname_en\tnames\tcode\trole\taffiliation\tstart\tend\n"


def actors_of(text: str, lex=None) -> list[tuple[str, str]]:
    doc = Document(article=Article(id="t", text=text))
    return [(a.text, a.actor.code) for a in resolve_document(lex or lexicon(), doc)]


def write(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "actors.tsv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_an_unknown_name_is_coded_after_adding_it(tmp_path):
    text = "وقال يحيى سريع إن قواته قصفت مطار أبها."
    assert ("يحيى سريع", "YEMREB") not in actors_of(text)
    lex = user_lexicon(write(tmp_path, "yahya_saree\tYahya Saree\tيحيى سريع\tYEMREB\tHouthi military spokesman\tYEM\t\t\n"))
    assert ("يحيى سريع", "YEMREB") in actors_of(text, lex)
    assert ("يحيى سريع", "YEMREB") not in actors_of(text)  # the shipped lexicon is left as it was


def test_a_wrong_code_is_corrected_by_id_or_by_name(tmp_path):
    text = "اتهم محمد دحلان الرئيس الفلسطيني محمود عباس بالفساد."
    assert ("محمد دحلان", "PSEREB") in actors_of(text)  # the imported UniversalPetrarch code
    by_id = user_lexicon(write(tmp_path, "up0617\tMohammed Dahlan\tمحمد دحلان|دحلان\tPSEOPP\t\tPSE\t\t\n"))
    assert ("محمد دحلان", "PSEOPP") in actors_of(text, by_id)
    assert by_id.persons["up0617"][0].code == "PSEOPP" and len(by_id.persons["up0617"]) == 1
    by_name = user_lexicon(write(tmp_path, "dahlan\tMohammed Dahlan\tمحمد دحلان\tPSEOPP\t\tPSE\t\t\n"))
    assert ("محمد دحلان", "PSEOPP") in actors_of(text, by_name)
    assert ("محمود عباس", "PSEGOV") in actors_of(text, by_name)  # the rest of the dictionaries stay


def test_the_stage_takes_the_file(tmp_path):
    path = write(tmp_path, "# a comment\nyahya_saree\tYahya Saree\tيحيى سريع\tYEMREB\t\tYEM\t2019\t\n")
    doc = Document(article=Article(id="t", text="وقال يحيى سريع إن قواته قصفت مطار أبها."))
    from marsad.text import TextStage

    doc = ActorsStage(actors_file=path).pipe(TextStage().pipe([doc]))[0]
    assert any(a.actor.code == "YEMREB" for a in doc.actors)


@pytest.mark.parametrize("row, says", [
    ("x\tX\t\tIRQGOV\n", "names and code are required"),
    ("x\tX\tنوري\t\n", "names and code are required"),
    ("x\tX\tنوري\tIRQGO\n", "not a CAMEO code"),
    ("x\tX\tنوري\tIRQGOV\t\tIRQ\t2006/05/20\t\n", "not YYYY"),
])
def test_a_malformed_file_is_refused_with_its_line(tmp_path, row, says):
    with pytest.raises(ConfigError, match=says) as err:
        user_lexicon(write(tmp_path, row))
    assert "line 2" in str(err.value)


def test_a_title_beats_a_surname_match():
    # the Saudi-led coalition's spokesman, not Nouri al-Maliki (IRQGOV) of the dictionary
    text = ("وقال المتحدث باسم التحالف العقيد الركن تركي المالكي إنه تم اعتراض صاروخ باليستي أطلق "
            "باتجاه السعودية. وأضاف المالكي أن الصاروخ كان باتجاه نجران.")
    found = actors_of(text)
    assert ("العقيد الركن تركي المالكي", "SAUMIL") in found
    assert ("المالكي", "SAUMIL") in found  # the short form later in the article is the colonel too
    assert not any(code == "IRQGOV" or code.startswith("TUR") for _, code in found)
    # alone in its sentence: the listed spokesman, with his title
    assert ("العقيد تركي المالكي", "SAUMIL") in actors_of("قال العقيد تركي المالكي إن الهجوم فشل.")


@pytest.mark.parametrize("text, expected", [
    ("قال رئيس الوزراء نوري المالكي إن", ("رئيس الوزراء نوري المالكي", "IRQGOV")),  # the full name
    ("قال الرئيس باراك أوباما إن", ("الرئيس باراك أوباما", "USAGOV")),
    ("قال الرئيس أوباما إن", ("الرئيس أوباما", "USAGOV")),  # a title and a listed surname alone
    ("قال العقيد التركي أحمد إن", ("العقيد التركي", "TURMIL")),  # a definite nisba still qualifies
    ("وقال وزير الخارجية السعودي عادل الجبير إن", ("عادل الجبير", "SAUGOV")),
])
def test_titles_with_dictionary_names_still_resolve(text, expected):
    assert expected in actors_of(text)


def test_the_person_named_last_wins_a_shared_surname():
    text = ("وكان وزير الخارجية الفلسطيني رياض المالكي قدم طلبا للمحكمة. "
            "وأضافت الوزارة في بيان بذل الوزير المالكي الجهد الكبير.")
    assert [c for t, c in actors_of(text) if "المالكي" in t] == ["PSEGOV", "PSEGOV"]
