"""A national outlet's bare titles and institutions are its country's; pan-Arab outlets give none."""

from __future__ import annotations

import pytest

import marsad
from marsad.coding import build_pipeline
from marsad.components.actors import outlet_country

# A sentence from an ANT article (arrests over false WhatsApp messages, 2018): the police are
# named without a country.
POLICE = "واعتقلت الشرطة كذلك المشرف على مجموعة على واتساب نشرت الرسائل الكاذبة."


@pytest.mark.parametrize(("source", "url", "country"), [
    ("okaz", None, "SAU"),
    ("Al-Riyadh", None, "SAU"),
    (None, "https://www.alriyadh.com/1234", "SAU"),
    (None, "https://sabq.org/abc", "SAU"),
    (None, "https://www.spa.gov.sa/viewstory.php?newsid=1", "SAU"),
    (None, "https://www.youm7.com/story/2018/1/1/x", "EGY"),
    ("aawsat", "http://aawsat.com/home/article/410826", None),  # pan-Arab
    ("alarabiya", "https://www.alarabiya.net/x", None),
    ("BBC", "https://www.bbc.com/arabic/x", None),
    ("/data/news/okaz-2015.json", None, None),  # a file name is no outlet
    (None, "http://[abc/news", None),  # a malformed address (urlsplit refuses it) names none
    (None, None, None),
    ("صحيفة عكاظ", None, "SAU"),  # Arabic names, with or without the kind of outlet
    ("الرياض", None, "SAU"),
    ("وكالة الأنباء السعودية", None, "SAU"),
    ("الأهرام", None, "EGY"),
    ("الجزيرة", None, None),  # Al-Jazirah (Riyadh) or Al Jazeera (Doha): left out
    ("صحيفة الوطن", None, None),  # papers of several countries carry the name
])
def test_outlet_country(source, url, country):
    assert outlet_country(marsad.Article(id="a", text="نص", source=source, url=url)) == country


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _speaker(nlp, source):
    doc = nlp(marsad.Article(id="police", text=POLICE, source=source))
    said = [e for e in doc.events if e.source is not None and "الشرطة" in e.source.text]
    assert said, [(e.cameo, e.trigger.text, e.source) for e in doc.events]
    return said[0].source


def test_a_national_outlet_gives_its_country_to_bare_institutions(nlp):
    police = _speaker(nlp, "okaz")
    assert police.actor.code == "SAUCOP" and police.basis == "outlet"


def test_a_pan_arab_outlet_gives_no_country(nlp):
    police = _speaker(nlp, "aawsat")
    assert police.actor.country is None and police.basis == "text"
