"""Actor dictionaries, clitic-aware matching, resolve_span, lookup and the CLI."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import datetime

import pytest

from marsad.cli.main import main
from marsad.components.actors.lexicon import lexicon, lookup_exact, nisba_forms
from marsad.components.actors.stage import ActorsStage, lookup, resolve_span
from marsad.components.places.stage import PlacesStage
from marsad.core.types import Article, Document, Mention
from marsad.text.morph import reading
from marsad.text.normalize import normalize


def doc_of(text: str, published: datetime | None = None) -> Document:
    return Document(article=Article(id="t", text=text, published=published), norm=normalize(text))


def code_of(text: str) -> str | None:
    found = lookup(text)
    return found[0].actor.code if found and found[0].actor else None


def test_every_country_has_an_arabic_name():
    lex = lexicon()
    missing = [iso3 for iso3, (_, ar) in lex.countries.items() if not ar]
    assert not missing
    assert len(lex.countries) >= 240


def test_clitic_readings():
    forms = {f for f, _, _ in reading("للامم").bare_forms}
    assert "امم" in forms
    assert ("جيهان", 1, False) in reading("وجيهان").bare_forms
    assert "تونسيين" in set(nisba_forms("تونسي")) and "تونسيه" in set(nisba_forms("تونسي"))


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("الجيش الإسرائيلي", "ISRMIL"),
        ("والجيش الاسرائيلى", "ISRMIL"),
        ("قوات الأمن العراقية", "IRQCOP"),
        ("الحكومة اللبنانية", "LBNGOV"),
        ("حكومة لبنان", "LBNGOV"),
        ("المتظاهرون", "CVL"),
        ("المتظاهرين التونسيين", "TUNCVL"),
        ("أفغان متظاهرون", "AFGCVL"),
        ("الشعب الصومالي", "SOMCVL"),
        ("المسلحون", "UAF"),
        ("المعارضة", "OPP"),
        ("الأمم المتحدة", "IGOUNO"),
        ("للأمم المتحدة", "IGOUNO"),
        ("برنامج الأمم المتحدة الإنمائي", "IGOUNODEV"),
        ("منظمة التعاون الإسلامى", "IGOOIC"),
        ("حزب الله", "LBNPTYHEZ"),
        ("واشنطن", "USAGOV"),
        ("الكرملين", "RUSGOV"),
        ("البنتاغون", "USAMIL"),
        ("التونسيين", "TUN"),
        ("الإسرائيلية", "ISR"),
        ("إسطنبول", None),
    ],
)
def test_lookup_codes(phrase, code):
    assert code_of(phrase) == code


def test_parents_and_types():
    lex = lexicon()
    assert lex.orgs["UNDP"].parent == "UN" and lex.orgs["IRCICA"].parent == "OIC"
    assert lex.orgs["UN"].code == "IGOUNO"
    assert lookup_exact(lex, "السلطان")[0].need_det  # السلطان is a title; سلطان alone may be a name
    assert not [e for e in lookup_exact(lex, "سلطان") if e.kind == "role" and not e.need_det]


def test_resolve_span_in_context():
    """The country of a bare agent comes from the actors and the places the document holds."""
    text = "وفرقت الشرطة المتظاهرين في أنقرة أمس."
    doc = PlacesStage().pipe([doc_of(text)])[0]
    s = text.index("المتظاهرين")
    m = resolve_span(doc, s, s + len("المتظاهرين"))
    assert m is not None and m.actor.code == "TURCVL" and "sentence" in m.why
    bare = resolve_span(doc, s, s + len("المتظاهرين"), infer_country=False)
    assert bare is not None and bare.actor.code == "CVL"
    assert resolve_span(doc, 0, 1) is None


def test_office_holder_by_date_and_reference():
    text = "وقال الأمين العام للأمم المتحدة إن المنظمة الدولية تدعم الحل."
    when = ActorsStage().pipe([doc_of(text, datetime(2019, 3, 1))])[0].actors
    assert when[0].actor.id == "antonio_guterres"
    undated = ActorsStage().pipe([doc_of(text)])[0].actors
    assert undated[0].actor.code == "IGOUNO" and undated[0].actor.type == "agent"


def test_person_from_text_coded_by_country():
    text = "وقال السفير السوداني جون أكيج إن بلاده ترحب بالقرار."
    actors = ActorsStage().pipe([doc_of(text)])[0].actors
    people = [m for m in actors if m.actor.type == "person"]
    assert people and people[0].actor.code == "SDNGOV" and people[0].actor.name_ar == "جون أكيج"


def test_country_after_preposition_is_a_place_not_an_actor():
    actors = ActorsStage().pipe([doc_of("وصل الوفد إلى تونس أمس، وقالت تونس إنها ترحب.")])[0].actors
    assert [m.text for m in actors if m.actor.code == "TUN"] == ["تونس"]
    assert actors[0].start > 20


def test_cli_lookup():
    out, err = io.StringIO(), io.StringIO()
    assert main(["actors", "lookup", "الجيش", "الإسرائيلي"], stdout=out, stderr=err) == 0
    assert "ISRMIL" in out.getvalue() and "why:" in out.getvalue()
    out = io.StringIO()
    assert main(["actors", "lookup", "qqq"], stdout=out, stderr=err) == 1


def test_ner_person_mentions_are_names():
    text = "وقال السفير الإيراني كاظمي إن بلاده ترفض القرار."
    plain = ActorsStage().pipe([doc_of(text)])[0].actors
    assert not [m for m in plain if m.actor.type == "person"]
    s = text.index("كاظمي")
    doc = replace(doc_of(text), mentions=(Mention(s, s + 5, "PERS", "كاظمي"),))
    people = [m for m in ActorsStage().pipe([doc])[0].actors if m.actor.type == "person"]
    assert people and people[0].actor.code == "IRNGOV" and people[0].actor.name_ar == "كاظمي"


def test_adjectives_and_common_nouns_are_not_actors():
    text = "غير الطيران الروسي موازين القوى في الأزمة السورية. ودعا الرئيس للبرلمان جلسة تجديد الثقة. وطالب الوزير بقوة."
    actors = ActorsStage().pipe([doc_of(text)])[0].actors
    codes = {m.text: m.actor.code for m in actors}
    assert codes.get("الطيران الروسي") == "RUSMIL"
    assert "السورية" not in codes
    assert not [m for m in actors if m.actor.type == "person"]
    assert not [m for m in actors if m.actor.agent in ("EDU", "MIL") and m.text in ("طالب", "قوة")]


def test_newer_leaders_resolved_by_date():
    text = ("التقى الرئيس الأمريكي دونالد ترامب الزعيم الكوري الشمالي كيم جونغ أون في سنغافورة، "
            "وقال رئيس كوريا الجنوبية مون جاي-إن إن القمة تاريخية.")
    found = {m.actor.id: m.actor.code for m in ActorsStage().pipe([doc_of(text, datetime(2018, 6, 12))])[0].actors}
    assert found["kim_jong_un"] == "PRKGOV" and found["moon_jae_in"] == "KORGOV" and found["donald_trump"] == "USAGOV"
    text = "قال ترامب إن الولايات المتحدة ستفرض رسوما جمركية جديدة."
    terms = {year: ActorsStage().pipe([doc_of(text, datetime(year, 3, 1))])[0].actors[0].actor for year in (2018, 2022, 2025)}
    assert terms[2018].code == "USAGOV" and terms[2025].code == "USAGOV"
    assert terms[2022].code == "USAELI" and terms[2022].role == "Former President, USA"


def test_office_holder_and_armed_group_leader_of_the_2020s():
    text = "وقال الرئيس الروسي إن بلاده مستعدة للحوار."
    assert ActorsStage().pipe([doc_of(text, datetime(2010, 6, 1))])[0].actors[0].actor.id == "dmitry_medvedev"
    assert ActorsStage().pipe([doc_of(text, datetime(2018, 6, 1))])[0].actors[0].actor.id == "vladimir_putin"
    text = "واتهم محمد حمدان دقلو الجيش بقصف المدينة، وقال رئيس الوزراء العراقي محمد شياع السوداني إن بغداد تتابع."
    found = {m.actor.id: m.actor.code for m in ActorsStage().pipe([doc_of(text, datetime(2023, 6, 1))])[0].actors}
    assert found["hemedti"] == "SDNUAF" and found["mohammed_shia_sudani"] == "IRQGOV"
    early = ActorsStage().pipe([doc_of("وقال محمد حمدان دقلو إن الاتفاق نهائي.", datetime(2020, 1, 1))])[0].actors
    assert early[0].actor.code == "SDNGOV"


def test_a_preposition_and_its_noun_before_a_title_are_no_name():
    # CNN Arabic, 1 October 2018 (ANT CN-middleEast-1382-20181001).
    import marsad
    from marsad.coding import build_pipeline
    text = ('عبرت وزارة الخارجية الكويتية عن أسفها لما تم تداوله من معلومات وصفتها بـ"المغلوطة" تتعلق بزيارة '
            'ولي العهد السعودي، الأمير محمد بن سلمان للكويت.')
    doc = build_pipeline()(marsad.Article(id="visit", text=text))
    assert not any("بزيارة" in am.text for am in doc.actors), [am.text for am in doc.actors]
    assert any(am.text.startswith("ولي العهد") and am.actor.country == "SAU" for am in doc.actors)


def test_a_chinese_name_is_short_for_its_family_name():
    # After Al Arabiya, 25 June 2018 (ANT AL-economy-889-20180625): Liu He, then ليو alone.
    import marsad
    from marsad.coding import build_pipeline
    text = ("وصرح نائب رئيس الوزراء الصيني ليو هي بأن المحادثات كانت مثمرة. "
            "وأجرى ليو ثلاث جولات مفاوضات مع واشنطن مؤخرا.")
    doc = build_pipeline()(marsad.Article(id="liu", text=text))
    assert [am.actor.country for am in doc.actors if am.text == "ليو"] == ["CHN"]


def test_an_occupation_with_a_nationality_before_a_name_is_a_title():
    # BBC Arabic, 7 May 2018 (ANT BB-middleEast-466-20180507), and CNN Arabic, October 2018.
    import marsad
    from marsad.coding import build_pipeline
    nlp = build_pipeline()
    text = ("وتعتزم إيطاليا إرسال وفد إلى القاهرة في قضية مقتل الباحث الإيطالي جوليو ريجيني. "
            "وعثر على جثة ريجيني قرب القاهرة.")
    doc = nlp(marsad.Article(id="regeni", text=text))
    assert {am.text: am.actor.code for am in doc.actors if "ريجيني" in am.text} == {"جوليو ريجيني": "ITAEDU",
                                                                                     "ريجيني": "ITAEDU"}
    doc = nlp(marsad.Article(id="presser", text="وقال الوزير في المؤتمر الصحفي إن العمل مستمر."))
    assert not any("title 'الصحفي'" in am.why for am in doc.actors)  # an adjective after a noun is no title
    doc = nlp(marsad.Article(id="child", text="واعتقلت القوات الإسرائيلية الطفل عبد الرؤوف البلعاوي."))
    assert not any(am.actor.agent == "CVL" and am.actor.country for am in doc.actors)  # no nationality: no title


def test_a_word_with_a_conjunction_after_a_title_starts_no_name():
    # Sky News Arabia, 11 August 2018 (ANT SK-internationalNews-2954-20180811): Trump's tweet.
    import marsad
    from marsad.coding import build_pipeline
    text = ('وقال ترامب على تويتر "أجريت اتصالا هاتفيا طيبا للغاية مع إيمانويل ماكرون رئيس فرنسا '
            'وناقشنا موضوعات شتى ولاسيما الأمن والتجارة".')
    doc = build_pipeline()(marsad.Article(id="tweet", text=text))
    assert not any("ناقشنا" in am.text for am in doc.actors), [am.text for am in doc.actors]
    assert any("ماكرون" in am.text and am.actor.country == "FRA" for am in doc.actors)
