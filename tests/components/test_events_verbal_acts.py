"""Verbal acts between two actors told with a circumstantial participle (منددا، متهما، مطالبا،
رافضا) (sentences from ANT news)."""

from __future__ import annotations

import pytest

import marsad
from marsad.coding import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _events(nlp, text: str, root: str):
    doc = nlp(marsad.Article(id="t", text=text, published="2018-06-01"))
    return [e for e in doc.events if e.cameo.startswith(root)]


def _country(am) -> str | None:
    return am and (am.actor.country or am.actor.code[:3])


# France24, August 2018 (FR-internationalNews-2601-20180808)
SAUDI_CANADA = ("وكانت الحكومة السعودية قد استدعت يوم الأحد سفيرها في أوتاوا ومنعت سفير كندا من العودة إلى الرياض "
                "وفرضت حظرا على التعاملات التجارية والاستثمارات الجديدة، منددة بكندا لحثها على الإفراج عن نشطاء "
                "حقوقيين.")
# CNN Arabic, September 2018 (CN-middleEast-1345-20180910)
EGYPT_UN = ("أدانت مصر  البيان الصادر عن ميشيل باشليه، مفوضة الأمم المتحدة لحقوق الإنسان، بشأن الأحكام الصادرة في "
            "قضية فض اعتصام رابعة العدوية، الأحد مستنكرة بـ\"أشد العبارات\" ما جاء فيه.")
# France24, August 2018 (FR-middleEast-874-20180803)
COALITION = ("بالمقابل نفى المتحدث باسم التحالف الذي تقوده السعودية العقيد تركي المالكي القيام بأية عمليات في "
             "المدينة الساحلية، متهما الحوثيين بالوقوف وراء الهجمات التي أسقطت عشرات المدنيين بين قتيل وجريح.")
# BBC Arabic, May 2018 (BB-internationalNews-528-20180518): one accused, not accusing
BISHOP = "وتعرض البابا فرنسيس لانتقادات في تشيلي بعدما عين أسقفا متهما بالتستر على اعتداءات جنسية ارتكبها قس."
# SkyNews Arabia, May 2018 (SK-middleEast-1703-20180514)
GUTERRES = ("ودعا غوتيريش إلى ضرورة احتواء الأوضاع، مطالبًا قوات الاحتلال الإسرائيلية بممارسة أقصى درجات ضبط "
            "النفس في استخدام الذخيرة الحية.")
# SkyNews Arabia, October 2018 (SK-internationalNews-3567-20181019): declining to be named is no rejection
UNNAMED = ("وقالت صديقته السابقة لتلفزيون \"آر تي\" رافضة كشف هويتها، إن الشاب كان يقول إنه \"لم يعد يثق بالناس "
           "منذ بدأ أشخاص في صفه بإذلاله لأنه لم يكن كالآخرين\".")
# France24, July 2018 (FR-internationalNews-2222-20180709)
TURKEY = ("منذ اندلاع الأزمة السورية التي تحولت إلى نزاع دام عام 2011، دعمت تركيا بقوة المعارضين لنظام الرئيس "
          "بشار الأسد، رافضة أي حوار مباشر مع دمشق.")


def test_a_participle_after_a_clause_is_done_by_its_subject(nlp):
    denounce = _events(nlp, SAUDI_CANADA, "111")
    assert denounce, [(e.cameo, e.trigger.text) for e in nlp(marsad.Article(id="t", text=SAUDI_CANADA)).events]
    assert _country(denounce[0].source) == "SAU" and _country(denounce[0].target) == "CAN"
    assert any(_country(e.source) == "EGY" for e in _events(nlp, EGYPT_UN, "111"))


def test_accusing_participle_names_the_accused(nlp):
    accuse = [e for e in _events(nlp, COALITION, "112") if "متهما" in e.trigger.text]
    assert accuse and _country(accuse[0].source) == "SAU", accuse
    assert accuse[0].target is not None and "الحوثيين" in accuse[0].target.text


def test_an_accused_participle_is_no_accusation(nlp):
    assert not [e for e in _events(nlp, BISHOP, "112") if "متهما" in e.trigger.text]


def test_demanding_and_rejecting_participles(nlp):
    demand = _events(nlp, GUTERRES, "10")
    assert demand and _country(demand[0].target) == "ISR", demand
    reject = _events(nlp, TURKEY, "12")
    assert reject and _country(reject[0].source) == "TUR", reject
    assert not _events(nlp, UNNAMED, "12")
