"""Event types that depend on the words around the trigger: agreements named as objects, claimed
attacks, legal charges, material support and state boycotts (sentences from ANT news)."""

from __future__ import annotations

import pytest

import marsad
from marsad.coding import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _codes(nlp, text: str) -> list[str]:
    doc = nlp(marsad.Article(id="t", text=text, published="2018-05-10"))
    return [e.cameo for e in doc.events]


# Alarabia, May 2018 (AL-internationalNews-1117-20180511)
NUCLEAR_DEAL = ("وذلك بعد أن قال الرئيس حسن روحاني إن طهران ستبقى في الاتفاق النووي المبرم في 2015 "
                "حتى بعد انسحاب الولايات المتحدة منه.")
# Alarabia, 2018: an agreement reached on something
AGREED_ON = "وأضاف أنه تم الاتفاق على ضرورة عدم تصعيد الوضع في أوروبا."


def test_a_definite_agreement_noun_names_a_known_agreement(nlp):
    assert not [c for c in _codes(nlp, NUCLEAR_DEAL) if c.startswith("03")]


def test_agreeing_on_something_is_still_an_agreement(nlp):
    assert [c for c in _codes(nlp, AGREED_ON) if c.startswith("03")]


# SkyNews Arabia, August 2018
CLAIM = "وتبنى تنظيم داعش الهجمات الثلاث."
# the attack is told first, then claimed by "this attack"
CLAIM_BACK = ("ووزارات الدفاع تعرض لهجوم انتحاري اسفر عن سقوط ستة قتلى في 25 يناير، "
              "وقد تبنى تنظيم داعش هذا الهجوم.")


def test_a_claimed_attack_is_coded_with_the_claimer_as_attacker(nlp):
    doc = nlp(marsad.Article(id="t", text=CLAIM, published="2018-08-01"))
    claims = [e for e in doc.events if e.cameo == "015"]
    attacks = [e for e in doc.events if e.event_type == "ASSAULT"]
    assert claims and attacks, [(e.cameo, e.trigger.text) for e in doc.events]
    assert attacks[0].source is not None and "داعش" in attacks[0].source.text


def test_a_claim_of_an_attack_told_in_its_sentence_adds_no_attack(nlp):
    doc = nlp(marsad.Article(id="t", text=CLAIM_BACK, published="2018-08-01"))
    assert len([e for e in doc.events if e.cameo[:2] == "18"]) == 1, [(e.cameo, e.trigger.text) for e in doc.events]


# Alarabia 2018: a charge brought against two soldiers
CHARGE = "وذكرت وسائل إعلام تركية أن الجنديين المحتجزين في محافظة أدرنة التركية وجهت إليهما تهمة التجسس."


def test_a_charge_is_a_legal_measure_not_a_verbal_accusation(nlp):
    codes = _codes(nlp, CHARGE)
    assert "173" in codes and "1121" not in codes, codes


# BBC Arabic, July 2018 (BB-internationalNews-900-20180730): the Houthis are no role of دعم here
CONDITIONS = ("وفي مايو/أيار، وضع بومبيو 12 شرطاً للتوصل لأي اتفاق جديد مع إيران، من بينها سحب قواتها من "
              "سوريا ووضع حد لدعمها للحوثيين في اليمن.")
# Alarabia 2018
TERROR_BACKING = ("لافتا إلى أن على طهران أن تتوقف عن انتهاك القوانين الدولية ودعم الإرهاب والتدخل في شؤون "
                  "دول المنطقة.")


def test_backing_an_armed_group_is_material_aid(nlp):
    codes = _codes(nlp, CONDITIONS)
    assert "070" in codes and "050" not in codes, codes


def test_backing_terrorism_is_an_accusation(nlp):
    codes = _codes(nlp, TERROR_BACKING)
    assert "112" in codes and "050" not in codes, codes


# SkyNews Arabia, October 2018 (SK-economy-1418-20181010)
STATE_BOYCOTT = ("قطاع اقتصادي آخر في قطر، يدفع ثمنا باهظا ويمنى بخسائر فادحة، من جراء سياسات نظام الدوحة المصمم "
                 "على دعم الإرهاب، وسط توقعات بأن السياحة هناك تحتاج إلى سنوات حتى تتعافى من جراء الضربة التي "
                 "تعرضت لها، عقب مقاطعة أربع دول عربية لقطر في 2017.")


def test_a_boycott_of_a_state_is_a_sanction_and_one_by_activists_a_protest(nlp):
    from dataclasses import replace

    from marsad.components.events.coder import state_boycotts
    from marsad.core.types import Actor

    doc = nlp(marsad.Article(id="t", text=STATE_BOYCOTT, published="2018-10-10"))
    boycotts = [e for e in doc.events if "مقاطعة" in e.trigger.text]
    assert boycotts and boycotts[0].cameo == "163" and boycotts[0].event_type == "COERCE", \
        [(e.cameo, e.trigger.text) for e in doc.events]
    assert boycotts[0].goldstein < 0
    activists = replace(boycotts[0].source, actor=Actor(id="OPP", code="OPP", name_ar="ناشطون", agent="OPP"))
    protest = replace(boycotts[0], cameo="143", source=activists)
    assert state_boycotts([protest])[0].cameo == "143"
    assert state_boycotts([replace(protest, source=None)])[0].cameo == "163"


IMPOSED = "في أعقاب المقاطعة التي فرضتها عدة دول عربية على الدوحة"  # Alarabia, May 2018


def test_a_boycott_imposed_is_a_sanction():
    from marsad.components.events.dictionary import match_words
    from marsad.text.normalize import norm_word

    words = [norm_word(w) for w in IMPOSED.split()]
    assert [m.entry.cameo for m in match_words(words)] == ["163"]


# ANT news, 2018: the charge is the ground of the arrest, one COERCE event
ARREST_CHARGE = ("أعلنت الشرطة الإسرائيلية، الجمعة، أنها اعتقلت 3 مسؤولين بتهمة التسبب بإهمال أدى إلى مقتل 10 "
                 "طلاب نتيجة الفيضانات والسيول.")
# SkyNews Arabia, 2018: the agreement just reported is the subject of its sentence
AGREEMENT_SUBJECT = ("وقالت المصادر لـ\"سكاي نيوز عربية\" إن الاتفاق جاء بالتزامن مع إعادة المدنيين إلى مناطقهم "
                     "في درعا ومحيطها.")


def test_a_charge_beside_an_arrest_is_no_second_measure(nlp):
    codes = _codes(nlp, ARREST_CHARGE)
    assert codes.count("173") == 1 and "1121" not in codes, codes


def test_an_agreement_as_the_subject_of_its_sentence_is_the_agreement_reported(nlp):
    assert "030" in _codes(nlp, AGREEMENT_SUBJECT)
