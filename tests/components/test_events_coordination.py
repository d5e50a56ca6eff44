"""Coordinated actors: one event per actor of a coordination (``السعودية والإمارات والبحرين ومصر``)."""

from __future__ import annotations

import pytest

import marsad
from marsad.coding import build_pipeline

# Sentences of ANT articles (2018): SkyNews SK-middleEast-941-20180411, BBC BB-economy-155-20180603,
# France24 FR-internationalNews-722-20180413, FR-middleEast-249-20180410, BBC BB-middleEast-603-20180609,
# France24 FR-internationalNews-1169-20180510 and FR-middleEast-249-20180410, BBC BB-middleEast-80-20180223.
BOYCOTT = ("وقطعت السعودية والإمارات والبحرين ومصر علاقاتها مع قطر بسبب إصرار النظام القطري على دعم الإرهاب "
           "والتعامل مع قوى خارجية لضرب أمن المنطقة وزعزعة استقرارها.")
CRITICISED = "انتقد زعماء الاتحاد الأوروبي وكندا والمكسيك الخطوة."
DENIED = "ونفت روسيا ودمشق استخدام السلاح الكيميائي في مدينة دوما بالغوطة الشرقية في السابع من نيسان/أبريل."
DISCUSSED = ('وقال قصر الإليزيه إن ماكرون وترامب ناقشا "التطورات التي حصلت منذ الهجوم الكيميائي الذي استهدف في 7 '
             'نيسان/أبريل سكان دوما في الغوطة الشرقية".')
INVITED = ("دعت السعودية إلى اجتماع استثنائي يضم الإمارات والكويت والأردن الأحد في مكة لبحث سبل دعم الأردن "
           "اقتصاديا، بحسب بيان للديوان الملكي.")
BETWEEN = ('دعا الرئيس الفرنسي إيمانويل ماكرون في بيان الخميس، إلى "نزع فتيل التصعيد" بين إسرائيل وإيران، في '
           "أعقاب الضربات الإسرائيلية التي استهدفت عشرات المواقع الإيرانية في سوريا.")
HEADLINE = "ضربات جوية تستهدف مطار التيفور العسكري السوري وواشنطن تنفي تنفيذها"
ONE_STATE = "وقتل المئات من أفراد الجيش والشرطة والمدنيين، راح غالبيتهم ضحايا هجمات شنتها جماعة ولاية سيناء."


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _at(doc, cameo_root: str) -> list:
    return [e for e in doc.events if e.cameo.startswith(cameo_root)]


def _country(am) -> str | None:
    return am.actor.country if am is not None else None


def test_each_state_of_a_coordinated_subject_is_an_event_of_its_own(nlp):
    doc = nlp(marsad.Article(id="boycott", text=BOYCOTT))
    cut = _at(doc, "16")
    assert [_country(e.source) for e in cut] == ["SAU", "ARE", "BHR", "EGY"], [(e.source, e.target) for e in cut]
    assert len({e.trigger.start for e in cut}) == 1 and len({e.evidence for e in cut}) == 1
    assert len({e.event_id for e in cut}) == 4 and len({e.id for e in cut}) == 4
    assert not any(_country(e.target) in ("SAU", "ARE", "BHR", "EGY") for e in cut)  # no co-actor as target


def test_an_organisation_and_states_criticising_together(nlp):
    doc = nlp(marsad.Article(id="criticised", text=CRITICISED))
    assert [e.source.actor.code[:3] for e in _at(doc, "11")] == ["IGO", "CAN", "MEX"]


def test_a_second_subject_is_no_object(nlp):
    doc = nlp(marsad.Article(id="denied", text=DENIED))
    denials = _at(doc, "01")
    assert sorted(_country(e.source) for e in denials) == ["RUS", "SYR"]
    assert all(e.target is None or _country(e.target) not in ("RUS", "SYR") for e in denials)


def test_two_who_meet_are_source_and_target(nlp):
    doc = nlp(marsad.Article(id="discussed", text=DISCUSSED))
    talks = _at(doc, "04")
    assert len(talks) == 1 and (_country(talks[0].source), _country(talks[0].target)) == ("FRA", "USA")


def test_each_state_of_a_coordinated_object_is_an_event_of_its_own(nlp):
    doc = nlp(marsad.Article(id="invited", text=INVITED))
    calls = _at(doc, "02")
    assert [_country(e.target) for e in calls] == ["ARE", "KWT", "JOR"]
    assert {_country(e.source) for e in calls} == {"SAU"}


def test_what_makes_no_separate_actors(nlp):
    doc = nlp(marsad.Article(id="between", text=BETWEEN))
    assert len(_at(doc, "02")) == 1  # بين إسرائيل وإيران: the two sides of one escalation
    doc = nlp(marsad.Article(id="headline", text=HEADLINE))
    assert all(_country(e.source) != "USA" for e in _at(doc, "18"))  # وواشنطن تنفي: a clause of its own
    doc = nlp(marsad.Article(id="one-state", text=ONE_STATE))
    killed = [e for e in doc.events if e.trigger.text == "وقتل"]
    assert len(killed) == 1  # the army, the police and civilians of one country: one party


def test_a_reciprocal_verb_gives_each_party_the_other_as_target(nlp):
    # CNN Arabic, 16 May 2018 (ANT CN-middleEast-948-20180516).
    text = ("وتبادل رئيس الوزراء الإسرائيلي بنيامين نتنياهو والرئيس التركي رجب طيب أردوغان الانتقادات الحادة، "
            "بعد مقتل عشرات الفلسطينيين.")
    doc = nlp(marsad.Article(id="each-other", text=text))
    pairs = {(e.source.actor.country, e.target.actor.country) for e in doc.events
             if e.cameo.startswith("11") and e.source is not None and e.target is not None}
    assert pairs == {("ISR", "TUR"), ("TUR", "ISR")}, pairs


def test_a_second_party_with_its_own_title_is_a_conjunct(nlp):
    # the office, its holder's name, then و + the other party's title and name
    text = "وقع رئيس مجلس القيادة الرئاسي اليمني رشاد العليمي ووزير الخارجية الصيني وانغ يي اتفاقية للتعاون الاقتصادي."
    doc = nlp(marsad.Article(id="sign", text=text, published="2023-05-14"))
    signed = [e for e in doc.events if e.cameo == "057"]
    assert signed and signed[0].source is not None and signed[0].target is not None
    assert (signed[0].source.actor.country, signed[0].target.actor.country) == ("YEM", "CHN")


# ANT: France24 FR-middleEast-286-20180415, SkyNews SK-middleEast-1764-20180517, France24
# FR-internationalNews-2186-20180706, France24 FR-middleEast-300-20180416.
ANNOUNCED_BEFORE = ('وكانت الولايات المتحدة وفرنسا وبريطانيا قد أعلنت فجر السبت عن ضربات جوية استهدفت عدة مواقع '
                    'للنظام السوري، ردا على اتهامه باستخدام سلاح كيميائي في دوما، مهددين بضربات جديدة إذا تجاوز '
                    '"الخط الأحمر".')
EACH_OF = ('أعلنت كل من السعودية، والإمارات والكويت والبحرين، عن فرض عقوبات اقتصادية على قيادات في "مجلس الشورى" '
           "لحزب اللبناني المدعوم من إيران.")
TARIFFS = "وكانت الولايات المتحدة قد أعلنت فرض رسوم جمركية إضافية على أكثر من 800 منتج صيني، بقيمة 25%."
CARRIED_OUT = ("ويأتي الاجتماع بعد يومين على ضربات نفذتها الولايات المتحدة وفرنسا وبريطانيا فجر السبت ودمرت ثلاثة "
               "مواقع يشتبه بأنها مرتبطة ببرنامج السلاح الكيميائي السوري.")


def test_states_that_had_announced_an_act_each_do_it(nlp):
    doc = nlp(marsad.Article(id="announced", text=ANNOUNCED_BEFORE))
    strikes = [e for e in doc.events if e.trigger.text == "ضربات جوية"]
    assert [_country(e.source) for e in strikes] == ["USA", "FRA", "GBR"]
    assert all(e.source.basis == "text" for e in strikes)


def test_each_of_the_states_listed_after_announced_imposes_sanctions(nlp):
    # كل من ... and a comma inside the list; عن between the list and the act noun
    doc = nlp(marsad.Article(id="each-of", text=EACH_OF))
    sanctions = _at(doc, "163")
    assert [_country(e.source) for e in sanctions] == ["SAU", "ARE", "KWT", "BHR"]


def test_a_verb_form_after_an_announcing_verb_is_its_verbal_noun(nlp):
    # أعلنت فرض: no finite verb follows أعلنت without و; the announcer before قد does the act
    doc = nlp(marsad.Article(id="tariffs", text=TARIFFS))
    tariffs = _at(doc, "163")
    assert tariffs and _country(tariffs[0].source) == "USA" and _country(tariffs[0].target) == "CHN"


def test_the_doers_of_a_relative_clause_without_a_relative_pronoun(nlp):
    # ضربات نفذتها X و Y و Z: the clause names who struck, not whom
    doc = nlp(marsad.Article(id="carried-out", text=CARRIED_OUT))
    strikes = [e for e in doc.events if e.trigger.text == "ضربات"]
    assert [_country(e.source) for e in strikes] == ["USA", "FRA", "GBR"]
    assert not any(_country(e.target) in ("USA", "FRA", "GBR") for e in strikes)

