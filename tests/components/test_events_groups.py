"""Phrases that count states named before (الدول الأربع, كلتا الدولتين): one event per state."""

from __future__ import annotations

import pytest

import marsad
from marsad.coding import build_pipeline
from marsad.components.events.groups import phrase_size

# CNN CN-middleEast-1111-20180604: its first sentence names three states against Qatar, its third
# four states, its fourth refers to "the four".
THREE = ("مع مرور عام على الأزمة الخليجية بين السعودية والإمارات والبحرين من جهة وقطر من جهة أخرى والتي "
         "بدأت في السادس من يونيو/ حزيران الماضي، وعدم وجود أي بوادر لحل يلوح في الأفق، نقدم لكم نبذة.")
FOUR = ("أصدرت السعودية والبحرين والإمارات ومصر في الـ5 يونيو/ حزيران بيانات متزامنة أعلنت فيها قطع العلاقات مع "
        "قطر وإغلاق المنافذ الحدودية معها، إلى جانب وقف مشاركتها العسكرية ضمن قوات التحالف المشاركة في عمليات "
        "دعم الشرعية في اليمن.")
THE_FOUR = "واتهمت الدول الأربع الدوحة بدعم الإرهاب وتمويله."
# SkyNews SK-internationalNews-394-20180316, first two sentences.
E3 = ("اقترحت بريطانيا وفرنسا وألمانيا، عقوبات جديدة من الاتحاد الأوروبي على إيران لإبقاء الولايات المتحدة "
      "ملتزمة بالاتفاق النووي، وفق ما كشفت وثيقة سرية نشر مضمونها، الجمعة. وقالت وكالة \"رويترز\" التي اطلعت "
      "على الوثيقة إن الدول الثلاث تقترح فرض عقوبات على إيران بسبب برنامجها الصاروخي ودورها في الحرب "
      "المشتعلة في سوريا منذ 7 سنوات.")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _countries(events, role: str) -> list[str | None]:
    return [getattr(e, role).actor.country if getattr(e, role) is not None else None for e in events]


def test_the_phrases_that_count_states():
    assert phrase_size("هذه الدول الأربعة") == 4
    assert phrase_size("البلدان الثلاثة") == 3
    assert phrase_size("كلتا الدولتين") == 2
    assert phrase_size("الثلاثة") == 3
    assert phrase_size("الدول الأوروبية") is None
    assert phrase_size("البلدين") is None  # a bare dual: العلاقات بين البلدين, حل الدولتين
    assert phrase_size("الثلاثة عشر") is None


def test_the_four_are_the_latest_four_named(nlp):
    doc = nlp(marsad.Article(id="four", text=" ".join((THREE, FOUR, THE_FOUR))))
    accused = [e for e in doc.events if e.trigger.text == "واتهمت"]
    assert _countries(accused, "source") == ["SAU", "BHR", "ARE", "EGY"]
    assert set(_countries(accused, "target")) == {"QAT"}
    assert all(e.source.basis == "coreference" for e in accused)
    assert len({e.id for e in accused}) == 4


def test_a_list_of_another_size_is_not_the_group(nlp):
    # only three states named before: "the four" names no one, and no state of the three is taken
    doc = nlp(marsad.Article(id="three", text=" ".join((THREE, THE_FOUR))))
    accused = [e for e in doc.events if e.trigger.text == "واتهمت"]
    assert len(accused) == 1
    assert accused[0].source is None or accused[0].source.actor.country not in ("SAU", "ARE", "BHR")


def test_the_three_in_the_next_sentence(nlp):
    doc = nlp(marsad.Article(id="e3", text=E3))
    sanctions = [e for e in doc.events if e.cameo == "163" and e.sentence == 1]
    assert _countries(sanctions, "source") == ["GBR", "FRA", "DEU"]
    assert set(_countries(sanctions, "target")) == {"IRN"}


def test_a_numeral_after_a_noun_counts_that_noun(nlp):
    # BBC BB-internationalNews-1157-20181006: الرجال الأربعة are four men, not the four states before
    men = ("وعندما أُوقف الرجال الأربعة صادرت السلطات منهم كمية كبيرة من المعدات التقنية، وأجهزة الهاتف النقال، "
           "وجهاز حاسوب محمول، بيد أن الرجال الأربعة نُقلوا الى المطار واعيدوا إلى بلادهم على متن رحلة جوية بدلا "
           "من اعتقالهم.")
    doc = nlp(marsad.Article(id="men", text=" ".join((FOUR, men))))
    assert not any(e.sentence == 1 and "named before" in getattr(am, "why", "")
                   for e in doc.events for am in (e.source, e.target) if am is not None)
