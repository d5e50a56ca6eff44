"""Main event, sources and context filters on real sentences (UP Arabic dev, ANT dev and ANT
culture/technology articles), through the default pipeline (text, NER, actors, places, events)."""

from __future__ import annotations

from datetime import datetime

import pytest

from marsad.coding import build_pipeline
from marsad.components.events.dictionary import match_words
from marsad.core.types import Article, Event
from marsad.text.normalize import norm_word

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipe():
    return build_pipeline(detector=False)  # the rule coder's own ranking


def code(pipe, text: str) -> list[Event]:
    doc = list(pipe.pipe([Article(id="t", text=text, published=datetime(2008, 1, 1))]))[0]
    return list(doc.events)


def top(evs: list[Event], event_type: str) -> Event:
    of_type = [e for e in evs if e.event_type == event_type]
    assert of_type, [(e.cameo, e.trigger.text) for e in evs]
    return max(of_type, key=lambda e: e.confidence)


def test_verbal_noun_in_a_prepositional_phrase_is_background(pipe) -> None:
    # the killing is the news; the suicide bombing is where it happened
    evs = code(pipe, "وقال المتحدث العسكري الميجر جنرال وحيد ارشاد ان 11 مدنيا وأربعة من رجال الشرطة قتلوا "
                     "في التفجير الانتحاري الذي وقع في البلدة الموجودة في الإقليم الحدودي الشمالي الغربي.")
    assert top(evs, "ASSAULT").trigger.text == "قتلوا"


def test_protesters_as_subject_make_a_gathering_the_protest(pipe) -> None:
    evs = code(pipe, "تجمع آلاف المتظاهرين القادمين من ولايات أميركية متباعدة بالقرب من مبنى وزارة الدفاع "
                     "الأميركية البنتاغون ظهر أمس، تعبيرا عن احتجاجهم على استمرار حرب العراق.")
    e = top(evs, "PROTEST")
    assert e.trigger.text == "تجمع" and e.source and "المتظاهرين" in e.source.text


def test_adjectives_and_time_words_are_no_sources(pipe) -> None:
    evs = code(pipe, "وكانت فرقة مظلية من قوات مكافحة الإرهاب قد قتلت أول من أمس أربعة من المتهمين.")
    e = top(evs, "ASSAULT")
    assert e.source is not None and "أول" not in e.source.text
    evs = code(pipe, "وجرت تظاهرة ضخمة امام السفارة امس.")
    assert all(e.source is None or e.source.text != "ضخمة" for e in evs)


def test_coordinated_plural_verb_shares_the_subject(pipe) -> None:
    evs = code(pipe, "كما اقتحم مسلحون الاسبوع الماضي مهبطا للطائرات في وسط الصومال وخطفوا أربعة أوروبيين "
                     "يعملون في مجال المساعدات.")
    kidnap = [e for e in evs if e.cameo.startswith("181")]
    assert kidnap and kidnap[0].source and "مسلحون" in kidnap[0].source.text
    assert kidnap[0].target and "أوروبيين" in kidnap[0].target.text


def test_victims_take_the_attacker_of_the_strike_they_died_in(pipe) -> None:
    evs = code(pipe, "وقتل 150 مدنيا افغانيا على الاقل في سلسلة من الضربات الجوية الاميركية التي اخطأت اهدافها.")
    killing = [e for e in evs if e.trigger.text == "وقتل"]
    assert killing and killing[0].source and killing[0].source.actor.code.startswith("USA")


def norms(text: str) -> list[str]:
    return [norm_word(w) for w in text.split()]


def test_dawn_is_no_bombing() -> None:
    found = match_words(norms("أصيب فجر أمس ثلاثة من عناصر القوة التنفيذية في انفجار عبوة جانبية"))
    assert not [m for m in found if m.entry.cameo == "183" and m.head == 1]
    assert [m for m in match_words(norms("فجر انتحاري نفسه قرب موكب الشيخ")) if m.entry.cameo.startswith("183")]


def test_a_negation_noun_is_no_execution() -> None:
    found = match_words(norms("احتجاجاً على عدم إدراج أسماء مرشحي الجماعة"))
    assert not [m for m in found if m.entry.cameo.startswith("182")]
    assert [m for m in match_words(norms("وتعدم السلطات ثلاثة أشخاص")) if m.entry.cameo == "1823"]


@pytest.mark.parametrize("text", [
    # a film's plot (culture), animals hunting (technology), cyber attacks (technology)
    "وكانت جولي قد أخرجت فيلما بعنوان \"قتلوا أبي أولا\" تناولت قصته تأثير الحرب على فتاة صغيرة في كمبوديا.",
    "وفي المرحلة الأخيرة من الدرس، كانت الأمهات تحضر الصيد حيا حتى يتعلم الصغار الصيد ثم القتل ثم الأكل.",
    "واستناداً على النتائج التي حصل عليها خبراء كاسبرسكي لاب، فقد تسلل المهاجمون إلى ضحاياهم مستخدمين برمجية خبيثة.",
    "خطف المغنيان برونو مارس وكيندريك لامار الأضواء في حفل توزيع جوائز غرامي.",
])
def test_figurative_and_fictional_violence_is_no_event(pipe, text: str) -> None:
    assert not [e for e in code(pipe, text) if e.event_type in ("ASSAULT", "PROTEST", "COERCE")]


def test_real_attack_next_to_a_film_word_stays(pipe) -> None:
    evs = code(pipe, "وفي نفس الوقت قال مقيمون امس ان هجوما بقنبلة يدوية ادى الى قتل 4 اشخاص واصابة 6 اخرين، "
                     "اثناء مشاهدتهم فيلم فيديو اجنبيا في مدينة بيدوة غرب الصومال.")
    assert [e for e in evs if e.event_type == "ASSAULT"]


def test_one_statement_and_none_when_the_content_is_an_event(pipe) -> None:
    evs = code(pipe, "وقالت الشرطة في بيان إنها اعتقلت خمسة أشخاص في مدينة الموصل.")
    assert not [e for e in evs if e.cameo.startswith("01")] and [e for e in evs if e.cameo == "173"]
    evs = code(pipe, "وقال الجيش في بيان رسمي إن الوضع هادئ.")
    assert len([e for e in evs if e.cameo.startswith("01")]) == 1


def test_forces_with_a_possessive_belong_to_the_speaker(pipe) -> None:
    evs = code(pipe, "وأعلن الجيش الامريكي في وقت لاحق أن قواته قتلت مسلحا خلال عمليات في العاصمة.")
    e = top(evs, "ASSAULT")
    assert e.source and "الجيش" in e.source.text and e.source.actor.code.startswith("USA")


def test_participants_take_their_plural_verb_over_a_phrase(pipe) -> None:
    evs = code(pipe, "وكان متظاهرون بمدينة العريش قد حطموا يوم الأحد مقر الحزب الوطني الديمقراطي الحاكم.")
    assert any(e.trigger.text == "حطموا" and e.event_type == "PROTEST" for e in evs)
