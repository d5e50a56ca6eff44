"""Verbal acts between two actors told with a circumstantial participle (منددا، متهما، مطالبا،
رافضا), with a violation named as the act (يعد انتهاكا، انتهاكات الحكومة) or an involvement (تورط X
في), and the object of اتهم that stands after an adverbial (sentences from ANT news)."""

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


# SkyNews Arabia, June 2018 (SK-middleEast-2395-20180615)
SYRIA_VIOLATIONS = ("أعلنت الولايات المتحدة أنها ستتخذ إجراءات صارمة وملائمة ردا على انتهاكات الحكومة السورية في "
                    "منطقة خفض التصعيد، وفقا ذكر بيان لوزارة الخارجية الأميركية، الجمعة.")
# SkyNews Arabia, May 2018 (SK-middleEast-1546-20180508)
MOSCOW = ("أعربت موسكو عن \"خيبة أملها العميقة\" لقرار الرئيس الأميركي دونالد ترامب الانسحاب من الاتفاق النووي "
          "الإيراني، وهو ما اعتبرته انتهاكا صارخا للقانون الدولي.")
# SkyNews Arabia, July 2018 (SK-middleEast-2843-20180711)
HEZBOLLAH = ("وأشار الوزير اليمني إلى تورط حزب الله في دعم ميليشيات الحوثي الإيرانية، فضلا عن تحريضه على قتال القوات "
             "الحكومية اليمنية في تدخل سافر في شؤون اليمن.")
# BBC Arabic, September 2018 (BB-internationalNews-1046-20180906): a denied involvement
DENIED = "ولاتزال روسيا تنفي أي تورط في الحادث."


def test_violations_named_as_the_act_are_an_accusation(nlp):
    acc = _events(nlp, SYRIA_VIOLATIONS, "112")
    assert acc and _country(acc[0].source) == "USA" and _country(acc[0].target) == "SYR", acc
    assert [e for e in _events(nlp, MOSCOW, "112") if "انتهاكا" in e.trigger.text]


def test_involvement_is_an_accusation_unless_denied(nlp):
    acc = [e for e in _events(nlp, HEZBOLLAH, "112") if "تورط" in e.trigger.text]
    assert acc and _country(acc[0].source) == "YEM" and _country(acc[0].target) == "LBN", acc
    assert not [e for e in _events(nlp, DENIED, "112") if "تورط" in e.trigger.text]


# BBC Arabic, April 2018 (BB-middleEast-416-20180428) and Alarabia, March 2018
# (AL-internationalNews-468-20180314): the accused is اتهم's object, the charge after ب is none
HOUTHIS = "ويتهم الحوثيون السعودية والتحالف بتدمير بنية اليمن التحتية واستهداف المدنيين."
BRITAIN = ("وتتهم بريطانيا روسيا بالمسؤولية عن الهجوم على سيرجي سكريبال وابنته في سالزبري بجنوب لندن، غير أن روسيا "
           "تنفي ضلوعها في الأمر وتقول إن بريطانيا مسؤولة عن تدهور العلاقات بين البلدين.")


def test_the_accused_is_the_object_not_the_charge(nlp):
    houthis = [e for e in _events(nlp, HOUTHIS, "112") if "يتهم" in e.trigger.text]
    assert houthis and _country(houthis[0].target) == "SAU", houthis
    britain = [e for e in _events(nlp, BRITAIN, "112") if "تتهم" in e.trigger.text]
    assert britain and _country(britain[0].source) == "GBR" and _country(britain[0].target) == "RUS", britain


# SkyNews Arabia, May 2018 (SK-middleEast-1472-20180506)
EMIRATES = ("وعبرت وزارة الخارجية والتعاون الدولي عن استغرابها للبيان الصادر باسم رئيس الوزراء اليمني أحمد بن دغر، "
            "والذي تم نشره على حسابه الرسمي في وسائل التواصل الاجتماعي، والتصعيد الذي تناول دولة الإمارات ودورها "
            "بشكل يخالف الواقع والمنطق، ولا ينصف الجهود الكبيرة التي تبذلها ضمن التحالف العربي الذي تقوده المملكة "
            "العربية السعودية لدعم اليمن واستقراره وأمنه.")


def test_astonishment_expressed_is_disapproval(nlp):
    assert [e for e in _events(nlp, EMIRATES, "111") if "استغرابها" in e.trigger.text]


# France24, May 2018 (FR-middleEast-427-20180508, a headline) and Alarabia, May 2018
# (AL-internationalNews-1003-20180504): تدين/ندين condemn, ندين لهم بشيء is owing
SYRIA_CONDEMNS = "سوريا تدين بشدة قرار ترامب حول النووي الإيراني"
OWING = "وأكد راخوي أنه \"لم يحصل ولن يحصل إفلات من العقاب، لا ندين لهم بشيء\"."


def test_condemning_in_the_second_and_first_person(nlp):
    cond = _events(nlp, SYRIA_CONDEMNS, "111")
    assert cond and _country(cond[0].source) == "SYR" and _country(cond[0].target) == "USA", cond
    assert not _events(nlp, OWING, "111")


# SkyNews Arabia, June 2018 (SK-internationalNews-2326-20180626)
NO_YIELD = ("انتقد الرئيس الإيراني حسن روحاني، الثلاثاء، قرار الرئيس الأميركي دونالد ترامب الانسحاب من الاتفاق "
            "النووي بين طهران والقوى العالمية، قائلا إن الإيرانيين لن يرضخوا للضغوط الأميركية، وسيدافعون عن "
            "استقلالهم وقيمهم.")


def test_refusing_to_give_in_names_whom_with_lam(nlp):
    rej = _events(nlp, NO_YIELD, "124")
    assert rej and _country(rej[0].target) == "USA" and "الضغوط الأميركية" in rej[0].target.text, rej


# BBC Arabic, February 2018 (BB-middleEast-32-20180212) and SkyNews Arabia, May 2018
# (SK-internationalNews-1800-20180526): a refusal in the future tense, a standing policy in the present
ABBAS = ("وأعلن رئيس السلطة الفلسطينية، محمود عباس، أنه لن يقبل بالولايات المتحدة وسيطا في عملية السلام، بعد "
         "اعترافها المثير للجدل بالقدس عاصمة لإسرائيل.")
DUAL_NATIONALITY = ("ولا تعترف إيران بالجنسية المزدوجة وهو ما يحد من تواصل السفارات الأجنبية مع مواطني بلدانها "
                    "المحتجزين هناك.")


def test_a_refusal_in_the_future_tense_is_a_rejection(nlp):
    rej = [e for e in _events(nlp, ABBAS, "120") if "لن" in e.trigger.text]
    assert rej and _country(rej[0].source) == "PSE" and _country(rej[0].target) == "USA", rej
    assert not _events(nlp, DUAL_NATIONALITY, "12")
