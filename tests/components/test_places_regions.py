"""Regions (states, provinces, governorates, named areas) in the gazetteer: ANT sentences."""

from __future__ import annotations

from marsad.components.places.gazetteer import gazetteer
from marsad.components.places.stage import PlacesStage
from marsad.core.types import Article, Document
from marsad.text.normalize import normalize


def places(text: str) -> list:
    doc = Document(article=Article(id="t", text=text), norm=normalize(text), mentions=())
    return [(p.text, p.place.name_en, p.place.country, p.place.precision) for p in PlacesStage().pipe([doc])[0].places]


def test_a_us_state_after_a_region_noun_with_a_proclitic():
    found = places("منتصف نهار اليوم الأحد وصلت العاصفة إلى مسافة نحو 386 كيلومترا شمال غربي كيوست بولاية فلوريدا")
    assert ("فلوريدا", "Florida", "USA", "region") in found


def test_a_state_is_taken_over_a_small_town_of_its_name():
    found = places("وانطلق الصاروخ من موقع لإطلاق الصواريخ في فلوريدا بدأت منه البعثات الفضائية إلى القمر")
    assert [p[1:] for p in found if p[0] == "فلوريدا"] == [("Florida", "USA", "region")]


def test_an_iraqi_governorate():
    found = places("وذلك بعد يومين من إعلان ذويه ومجلس محافظة الأنبار عن اختفائه في تركيا")
    assert ("الأنبار", "Al Anbar Governorate", "IRQ", "region") in found


def test_a_big_city_stays_the_city_unless_a_region_noun_says_otherwise():
    city = places("مصرعه في غارة لتحالف دعم الشرعية باليمن، استهدفت اجتماعا للحوثيين في الحديدة")
    assert ("الحديدة", "Al Ḩudaydah", "YEM", "city") in city
    assert places("توفي الكاتب الاثنين في نيويورك عن 88 عاماً")[0][3] == "city"
    state = places("الواقعة حول بينغهامتون في ولاية نيويورك قرب حدود بنسلفانيا")
    assert ("نيويورك", "New York", "USA", "region") in state and ("بنسلفانيا", "Pennsylvania", "USA", "region") in state


def test_a_governorate_named_after_its_seat_needs_the_noun():
    assert places("نظمت قوات الأمن الخاصة اليمنية في محافظة مأرب مناورة عسكرية")[0][1:] == ("Marib Governorate", "YEM", "region")
    assert places("أطلقت عملية عسكرية لتحرير مدينة الحديدة ومينائها الاستراتيجي")[0][3] == "city"
    assert places("ويقصف الطيران مدينة مأرب")[0][1:] == ("Ma'rib", "YEM", "city")


def test_named_areas_and_a_country_alias_that_is_a_region():
    found = places("الهجوم المفترض بأسلحة كيمياوية على الغوطة الشرقية، محذرا بأن دمشق ستدفع ثمنا باهظاً")
    assert ("الغوطة الشرقية", "Eastern Ghouta", "SYR", "region") in found
    found = places("قتل 39 فلسطينيا برصاص الجيش الإسرائيلي في الضفة الغربية وقطاع غزة.")
    assert {p[1:] for p in found} == {("West Bank", "PSE", "region"), ("Gaza Strip", "PSE", "region")}


def test_a_state_that_shares_a_country_name_needs_the_noun():
    assert places("وصل الرئيس إلى جورجيا")[0][1:] == ("Georgia", "GEO", "country")
    assert places("في ولاية جورجيا الأمريكية")[0][1:] == ("Georgia", "USA", "region")


def test_region_ids_never_collide_with_cities():
    g = gazetteer()
    regions = [c for c in g.cities.values() if c.region]
    assert len(regions) > 400
    assert all(c.geonameid < 0 or c.country == "USA" for c in regions)


def test_a_homonym_in_a_neighbour_of_the_articles_country_wins():
    # Sky News Arabia, 28 March 2018 (ANT SK-middleEast-622-20180328): the article names Israel, not
    # Palestine; Bethlehem in Palestine borders it, Bethlehem in Pennsylvania does not.
    import marsad
    from marsad.coding import build_pipeline
    nlp = build_pipeline()
    doc = nlp(marsad.Article(id="bethlehem", text="واعتقلت القوات الإسرائيلية الطفل البلعاوي خلال مظاهرة سلمية "
                                                  "في مخيم الدهيشة بمدينة بيت لحم."))
    assert [(p.text, p.place.country) for p in doc.places] == [("بيت لحم", "PSE")]
