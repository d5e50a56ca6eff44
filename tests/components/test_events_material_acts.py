"""Material political acts named by fixed Arabic phrases: a call between two parties, a delegation
sent, an ambassador summoned or recalled, relations cut with someone, a place closed, a licence
revoked, a military campaign, a ballistic missile launched; and the look-alikes that are none
(publishing a report, recalling cars, closing polling stations, missile tests). Sentences from ANT."""

from __future__ import annotations

import pytest

import marsad
from marsad.coding import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _events(nlp, text: str, published: str = "2018-05-10"):
    return nlp(marsad.Article(id="t", text=text, published=published)).events


def _country(side) -> str | None:
    return side.actor.code[:3] if side is not None and side.actor.code else None


def _show(events) -> list:
    return [(e.cameo, e.trigger.text, _country(e.source), _country(e.target)) for e in events]


# CNN Arabic, October 2018 (CN-middleEast-1541-20181015)
CALL_BETWEEN = ("ويعد هذا أول اجتماع بين الجانبين منذ الإعلان عن مجموعة العمل الأولية، الخميس الماضي، "
                "وأعيد تأسيسها خلال مكالمة هاتفية بين العاهل السعودي، الملك سلمان بن عبدالعزيز، "
                "والرئيس التركي رجب طيب أردوغان، الأحد.")


def test_a_call_between_two_leaders_is_a_phone_consultation(nlp):
    evs = _events(nlp, CALL_BETWEEN, "2018-10-15")
    calls = [e for e in evs if e.cameo == "041"]
    assert calls, _show(evs)
    assert {_country(calls[0].source), _country(calls[0].target)} == {"SAU", "TUR"}, _show(evs)


# SkyNews Arabia, June 2018 (SK-internationalNews-2248-20180621); BBC Arabic, July 2018 (BB-internationalNews-865-20180726)
DELEGATION_FUTURE = ("في أول تعليق على اعتراف إثيوبيا باتفاقية السلام بين البلدين، أعلن الرئيس الإريتري، "
                     "أسياس أفورقي، ليلة الأربعاء، أن بلاده سترسل وفدا إلى العاصمة الأثيوبية قريبا لبحث التفاصيل.")
DELEGATION_SENT = ("وقامت الولايات المتحدة بمبادرة وساطة مطلع الشهر نفسه، إذ أرسلت وفدا فنيا ودبلوماسيا "
                   "إلى عواصم الدول الثلاث من أجل تقريب وجهات النظر.")


@pytest.mark.parametrize("text", [DELEGATION_FUTURE, DELEGATION_SENT], ids=["future", "sent"])
def test_a_delegation_sent_is_a_visit(nlp, text):
    evs = _events(nlp, text)
    assert [e for e in evs if e.cameo == "042"], _show(evs)


def test_the_sender_of_a_delegation_is_the_visitor(nlp):
    evs = [e for e in _events(nlp, DELEGATION_SENT) if e.cameo == "042"]
    assert evs and _country(evs[0].source) == "USA", _show(evs)


# Alarabia, March 2018 (AL-internationalNews-447-20180312); BBC Arabic, October 2018 (BB-internationalNews-1157-20181006)
SUMMONED = ("وقالت ماي إنه جرى استدعاء السفير الروسي لدى المملكة المتحدة، لتوضيح الكيفية التي تم بها "
            "إحضار غاز أعصاب روسي إلى سالزبيري.")
SUMMONED_BY = "وأشارت تقارير من موسكو الجمعة إلى استدعاء الخارجية الروسية للسفير الهولندي فيها."


def test_summoning_an_ambassador_named_by_its_verbal_noun_reduces_relations(nlp):
    evs = [e for e in _events(nlp, SUMMONED, "2018-03-12") if e.cameo == "161"]
    assert evs and _country(evs[0].target) == "RUS", _show(evs)


def test_the_ministry_after_the_summons_is_its_source(nlp):
    evs = [e for e in _events(nlp, SUMMONED_BY, "2018-10-06") if e.cameo == "161"]
    assert evs, _show(evs)
    assert (_country(evs[0].source), _country(evs[0].target)) == ("RUS", "NLD"), _show(evs)


# BBC Arabic, July 2018 (BB-internationalNews-766-20180708); SkyNews Arabia, September 2018 (SK-economy-1270-20180907)
CALLED_OUT = "ورجحت تقارير الشرطة أيضا أنهما ظلا في المنزل حتى استدعاء خدمات الطواريء السبت."
CARS_RECALLED = ("قالت فورد موتور إنها بصدد استدعاء مليوني سيارة من طراز إف-150، لمعالجة مخاوف حريق "
                 "مرتبطة بأحزمة المقاعد.")


@pytest.mark.parametrize("text", [CALLED_OUT, CARS_RECALLED], ids=["services", "cars"])
def test_calling_out_services_or_recalling_cars_is_no_sanction(nlp, text):
    evs = _events(nlp, text)
    assert not [e for e in evs if e.cameo.startswith("16")], _show(evs)


# SkyNews Arabia, May 2018 (SK-middleEast-1376-20180501); SkyNews Arabia, April 2018 (SK-internationalNews-818-20180406)
CUT_WITH_IRAN = ("وفي وقت سابق الثلاثاء، أعلن وزير الخارجية المغربي ناصر بوريطة أن المملكة ستقطع علاقاتها "
                 "مع إيران وستغلق سفارتها في طهران، وستطرد السفير الإيراني في الرباط.")
CUT_TRADE = ("أعلنت فنزويلا، الخميس، قطع العلاقات التجارية مع مسؤولين وشركات بنمية بما في ذلك شركة "
             "الطيران الإقليمية كوبا لتورطهم المزعوم في غسيل الأموال.")


def test_relations_are_cut_with_the_party_after_mae(nlp):
    cut = [e for e in _events(nlp, CUT_WITH_IRAN, "2018-05-01") if e.cameo == "161"]
    assert cut and _country(cut[0].target) == "IRN", _show(cut)


def test_trade_relations_cut_with_someone_are_an_embargo_on_them(nlp):
    cut = [e for e in _events(nlp, CUT_TRADE, "2018-04-06") if e.cameo == "163"]
    assert cut and _country(cut[0].source) == "VEN", _show(cut)
    assert cut[0].target is not None and cut[0].target.text.startswith("مسؤولين"), _show(cut)


# BBC Arabic, June 2018 (BB-internationalNews-631-20180610); France24, April 2018 (FR-internationalNews-821-20180420)
MOSQUES_CLOSED = ("وكان المستشار النمساوي، سيباستيان كورتس، أعلن قرار حكومته بإغلاق مساجد وإبعاد عدد من "
                  "الأئمة الأسبوع الماضي قائلا إنه يأتي في سياق حملة ضد \"الإسلام السياسي\".")
MOSQUE_CLOSED = ("واتخذت مديرية شرطة منطقة بوش دو رون (جنوب شرق) في 11 كانون الأول/ديسمبر 2017 قرارا "
                 "بغلق مسجد السنة ستة أشهر.")
# SkyNews Arabia, October 2018 (SK-internationalNews-3298-20181005)
LICENCE = ("وتنتظر سفينة أكواريوس، التابعة للمنظمة، في مارسيليا علما جديدا بعد أن سحبت هيئة الملاحة "
           "في بنما ترخيصها للسفينة.")


@pytest.mark.parametrize("text", [MOSQUES_CLOSED, MOSQUE_CLOSED, LICENCE],
                         ids=["mosques", "mosque", "licence"])
def test_closing_a_mosque_or_revoking_a_licence_is_an_administrative_sanction(nlp, text):
    evs = _events(nlp, text)
    assert [e for e in evs if e.cameo == "172"], _show(evs)


# France24, April 2018 (FR-internationalNews-628-20180408)
POLLS_CLOSE = "وأفادت تقارير نشرت قبيل إغلاق مكاتب الاقتراع أن نسبة المشاركة تجاوزت 64%."


def test_polling_stations_closing_is_no_sanction(nlp):
    evs = _events(nlp, POLLS_CLOSE)
    assert not [e for e in evs if e.cameo.startswith("17")], _show(evs)


# SkyNews Arabia, September 2018 (SK-internationalNews-3109-20180901)
REPORT_ON_MISSILES = "وكانت وكالة رويترز قد نشرت تقريرا يكشف أن طهران نقلت صواريخ إلى العراق، فيما نفت إيران ذلك."
# SkyNews Arabia, July 2018 (SK-middleEast-2853-20180712)
VIDEO_OF_MISSILES = ("ونشرت إسرائيل فيديو باللون الأبيض والأسود لصواريخ تصيب مابدا، وكأنه كوخ وهيكل من "
                     "طابقين وآخر من خمسة طوابق وسط تضاريس تكثر بها التلال.")


@pytest.mark.parametrize("text", [REPORT_ON_MISSILES, VIDEO_OF_MISSILES], ids=["report", "video"])
def test_publishing_a_report_or_a_video_about_missiles_deploys_none(nlp, text):
    evs = _events(nlp, text)
    assert not [e for e in evs if e.cameo == "154"], _show(evs)


def test_missiles_moved_to_another_country_are_weapons_given(nlp):
    evs = [e for e in _events(nlp, REPORT_ON_MISSILES, "2018-09-01") if e.cameo == "072"]
    assert evs and _country(evs[0].source) == "IRN", _show(evs)


# BBC Arabic, April 2018 (BB-middleEast-419-20180428)
CAMPAIGN = ("وتقود المملكة حملة عسكرية في اليمن ضد المتمردين الحوثيين المدعومين من طهران، كما يطالب "
            "الرئيس الأمريكي دونالد ترامب الرياض ببذل مزيد من الجهود.")


def test_a_military_campaign_is_a_fight(nlp):
    evs = _events(nlp, CAMPAIGN, "2018-04-28")
    assert [e for e in evs if e.cameo == "190" and "حملة" in e.trigger.text], _show(evs)


# CNN Arabic, May 2018 (CN-middleEast-986-20180521)
LAUNCH = ("وقال المتحدث الرسمي باسم قوات التحالف، تركي المالكي، إن قوات الدفاع الجوي للتحالف رصدت "
          "إطلاق صاروخ بالستي من قبل القوات الحوثية من داخل الأراضي اليمنية باتجاه أراضي المملكة.")
# BBC Arabic, June 2018 (BB-internationalNews-641-20180612); France24, April 2018 (FR-internationalNews-836-20180421)
TESTS = ("ففي العام الماضي تبادل الاثنان الشتائم، وأجرت كوريا الشمالية عددا من تجارب إطلاق صواريخ "
         "باليستية في تحد واضح للمجتمع الدولي.")
ICBM = ("وصرح كيم بحسب ما نقلت عنه وكالة الأنباء الكورية الشمالية الرسمية إنه \"اعتبارا من 21 نيسان/أبريل "
        "ستوقف كوريا الشمالية التجارب النووية وإطلاق الصواريخ البالستية العابرة للقارات\".")


def test_a_ballistic_missile_launched_at_a_country_is_a_missile_strike(nlp):
    evs = [e for e in _events(nlp, LAUNCH, "2018-05-21") if e.cameo == "195"]
    assert evs, _show(evs)
    assert (_country(evs[0].source), _country(evs[0].target)) == ("YEM", "SAU"), _show(evs)


@pytest.mark.parametrize("text", [TESTS, ICBM], ids=["tests", "icbm"])
def test_missile_tests_are_no_strike(nlp, text):
    evs = _events(nlp, text)
    assert not [e for e in evs if e.cameo == "195"], _show(evs)


# SkyNews Arabia, June 2018 (SK-middleEast-2181-20180606); France24, April 2018 (FR-internationalNews-836-20180421)
ADVANCE = ("حققت قوات المقاومة اليمنية المشتركة تقدما كبيرا باتجاه مدينة الحديدة على الساحل الغربي لليمن، "
           "ودمر التحالف العربي لدعم الشرعية تحصينات لميليشيات الحوثي.")
PROGRESS = ("وقال مكتب الرئاسة الكورية الجنوبية في بيان إن \"قرار كوريا الشمالية يمثل تقدما مهما نحو نزع "
            "السلاح النووي من شبه الجزيرة الكورية\".")


def test_an_advance_towards_a_city_is_a_fight(nlp):
    evs = _events(nlp, ADVANCE, "2018-06-06")
    assert [e for e in evs if e.cameo == "190" and "تقدم" in e.trigger.text], _show(evs)


def test_progress_towards_disarmament_is_no_advance(nlp):
    evs = _events(nlp, PROGRESS, "2018-04-21")
    assert not [e for e in evs if e.cameo.startswith("19")], _show(evs)
