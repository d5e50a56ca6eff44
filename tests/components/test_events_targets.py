"""Targets after a clitic ب/ل must name an actor: manner adverbs (بسرعة) are no targets."""

from __future__ import annotations

import pytest

import marsad
from marsad.coding import build_pipeline

# CNN Arabic, 18 October 2018 (the shipped ANT sample CN-middleEast-1601-20181018), one sentence.
POMPEO = 'واشنطن (سي ان ان) -- وأضاف بومبيو أنه يعتقد أن "الصورة الكاملة ستظهر" وتتطلع إلى إجراء تحقيقات "بسرعة".'


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def test_manner_adverb_is_no_target(nlp):
    doc = nlp(marsad.Article(id="pompeo", text=POMPEO))
    probe = [e for e in doc.events if e.cameo.startswith("09")]
    assert probe, [(e.cameo, e.trigger.text) for e in doc.events]
    assert all(e.target is None or "سرعة" not in e.target.text for e in probe)
    assert probe[0].source is not None and "بومبيو" in probe[0].source.text


def test_clitic_target_that_names_an_actor_stays(nlp):
    doc = nlp(marsad.Article(id="sanction", text="فرضت الولايات المتحدة عقوبات جديدة على إيران اليوم."))
    sanctions = [e for e in doc.events if e.cameo.startswith("16")]
    assert sanctions and sanctions[0].target is not None and sanctions[0].target.actor.code.startswith("IRN")


def test_clitic_lam_target_that_names_a_country_stays(nlp):
    doc = nlp(marsad.Article(id="aid", text="قدمت السعودية مساعدات لليمن أمس."))
    aid = [e for e in doc.events if e.cameo.startswith("07")]
    assert aid and aid[0].target is not None and aid[0].target.actor.code == "YEM"
    assert aid[0].target.text == "اليمن"  # لليمن: the article's alef restored


def test_manner_adverb_is_no_object_but_a_town_is(nlp):
    doc = nlp(marsad.Article(id="criticise", text="انتقد الرئيس الفرنسي إسرائيل بشدة."))
    crit = [e for e in doc.events if e.cameo.startswith("11")]
    assert crit and (crit[0].target is None or "شدة" not in crit[0].target.text)
    doc = nlp(marsad.Article(id="attack", text="هاجم مسلحون بلدة قرب الموصل."))
    attack = [e for e in doc.events if e.cameo.startswith("18")]
    assert attack and attack[0].target is not None and attack[0].target.text == "بلدة"


# Sentences from ANT articles (CNN Arabic, 2018).
GAZA = "وقتل عشرات الفلسطينيين برصاص القوات الإسرائيلية في ذات اليوم جراء احتجاجات عارمة على نقل السفارة."
GHOUTA = ("قال المرصد السوري لحقوق الإنسان، الجمعة، إن 42 مدنيا قتلوا من جراء الغارات التي يشنها الطيران "
          "الحربي السوري والروسي على الغوطة الشرقية المحاصرة قرب دمشق.")


def test_a_nationality_noun_names_the_people_targeted(nlp):
    doc = nlp(marsad.Article(id="gaza", text=GAZA))
    killing = [e for e in doc.events if e.event_type == "ASSAULT"]
    assert killing and killing[0].target is not None, [(e.cameo, e.trigger.text, e.target) for e in doc.events]
    assert killing[0].target.actor.country == "PSE" and "الفلسطينيين" in killing[0].target.text
    assert killing[0].source is not None and killing[0].source.actor.country == "ISR"


def test_a_place_on_the_map_stands_for_its_people(nlp):
    doc = nlp(marsad.Article(id="ghouta", text=GHOUTA))
    strikes = [e for e in doc.events if e.event_type == "ASSAULT"]
    assert strikes, [(e.cameo, e.trigger.text) for e in doc.events]
    assert any(e.target is not None and e.target.actor.country == "SYR" for e in strikes), \
        [(e.trigger.text, e.target) for e in strikes]


def test_an_object_that_names_no_actor_is_no_target(nlp):
    doc = nlp(marsad.Article(id="unesco", text="وطالبت اليونسكو بحماية التراث الإنساني في اليمن."))
    asks = [e for e in doc.events if e.cameo.startswith("1")]
    assert asks, [(e.cameo, e.trigger.text) for e in doc.events]
    assert all(e.target is None or "حماية" not in e.target.text for e in asks)


# ANT lead sentences (Sky News Arabia and Al Arabiya, 2018): the object comes after the time and
# place adverbials, and after an apposition of the subject.
HARIRI = ("استقبل العاهل السعودي، الملك سلمان بن عبد العزيز، الأربعاء، في مكتبه بقصر اليمامة في الرياض، "
          "رئيس الوزراء اللبناني، سعد الحريري.")
HADI = ("استقبل الشيخ محمد بن زايد آل نهيان ولي عهد أبوظبي نائب القائد الأعلى للقوات المسلحة مساء الثلاثاء، "
        "رئيس الجمهورية اليمنية عبدربه منصور هادي.")


@pytest.mark.parametrize(("text", "source", "target"), [(HARIRI, "SAU", "LBN"), (HADI, "ARE", "YEM")])
def test_the_object_after_adverbials_is_the_target(nlp, text, source, target):
    doc = nlp(marsad.Article(id="visit", text=text))
    received = [e for e in doc.events if e.cameo == "043"]
    assert received, [(e.cameo, e.trigger.text) for e in doc.events]
    e = received[0]
    assert e.source is not None and e.source.actor.country == source
    assert e.target is not None and e.target.actor.country == target and e.target.basis == "text"


# ANT (2018): the wish to meet is the intent to meet (CAMEO 036, AGREE), not a meeting.
PUTIN = 'كما أكد بوتين الأحد استعداده للقاء نظيره الأمريكي دونالد ترامب "ما إن" تصبح واشنطن مستعدة لذلك.'


def test_willingness_to_meet_is_intent_not_a_meeting(nlp):
    doc = nlp(marsad.Article(id="putin", text=PUTIN))
    codes = {e.cameo for e in doc.events}
    assert "036" in codes and not any(c.startswith("04") for c in codes), codes


# Sky News Arabia, April 2018: backing an armed group is material aid, and the reported clause's own
# subject (إيران), not the speaker (بومبيو), backs it.
HOUTHI = "وأكد بومبيو أن إيران مستمرة بدعم الميليشيات الحوثية في اليمن، والتي تهدد بدورها الملاحة البحرية."


def test_backing_an_armed_group_is_aid_by_the_clause_subject(nlp):
    doc = nlp(marsad.Article(id="houthi", text=HOUTHI))
    backing = [e for e in doc.events if "دعم" in e.trigger.text]
    assert backing and backing[0].cameo == "070", [(e.cameo, e.trigger.text) for e in doc.events]
    assert backing[0].source is not None and backing[0].source.actor.country == "IRN"


# ANT (2018): the institution that announces an arrest made it; a call received comes from the
# phrase after من.
YEMEN_ARREST = ("أعلنت وزارة الداخلية اليمنية، اليوم السبت، القبض على أمير في تنظيم #داعش الإرهابي بمحافظة لحج، "
                "جنوب البلاد.")
LAVROV = ("وتابع لافروف أنه تلقى اتصالا هاتفيا من نظيره الهولندي، غداة نشر نتائج التحقيق الدولي الذي يتهم "
          "روسيا بالقضية.")


def test_the_announcer_of_an_arrest_made_it(nlp):
    doc = nlp(marsad.Article(id="lahj", text=YEMEN_ARREST))
    arrest = [e for e in doc.events if e.cameo == "173"]
    assert arrest and arrest[0].source is not None and arrest[0].source.actor.code == "YEMGOV", \
        [(e.cameo, e.source) for e in doc.events]


def test_a_received_call_comes_from_the_caller(nlp):
    doc = nlp(marsad.Article(id="lavrov", text=LAVROV))
    call = [e for e in doc.events if e.cameo == "041"]
    assert call and call[0].source is not None and call[0].source.actor.country == "NLD", \
        [(e.cameo, e.trigger.text, e.source) for e in doc.events]


# CNN Arabic, 2018: the visited country is the visit's target; a phrase behind ب after a title
# ("بألفاظ قاطعة") is no person's name.
VISIT = ("وقام الأمير محمد بن سلمان بزيارة قصيرة للكويت الأحد، هي الرسمية الثانية له، ووجه الشكر بعد "
         "مغادرته لأمير الكويت في برقية قبل أن يرد عليه الشيخ صباح الأحمد الصباح ببرقية مماثلة.")
TITLE_THEN_MANNER = 'وأكد الرئيس الأميركي بألفاظ قاطعة أن الواقعة "لم تحدث".'  # Al Arabiya, 2018


def test_a_visit_targets_the_country_visited(nlp):
    doc = nlp(marsad.Article(id="visit", text=VISIT))
    visit = [e for e in doc.events if e.cameo == "042"]
    assert visit and visit[0].source is not None and visit[0].source.actor.country == "SAU"
    assert visit[0].target is not None and visit[0].target.actor.country == "KWT" and visit[0].target.basis == "text"
    doc = nlp(marsad.Article(id="title", text=TITLE_THEN_MANNER))
    assert all(a.text != "بألفاظ قاطعة" for a in doc.actors), [(a.text, a.actor.code) for a in doc.actors]


# ANT sentences (Alarabiya and Reuters Arabic, 2018).
@pytest.mark.parametrize("text, cameo, source, target", [
    ("وطردت أستراليا دبلوماسيين روسيين اثنين بعد اتهام لندن لموسكو بتسميم سكريبال وابنته.", "112", "GBR", None),
    ("والبلدان العضوان في حلف شمال الأطلسي على خلاف أيضا بسبب دعم واشنطن لوحدات حماية الشعب الكردية السورية.",
     "070", "USA", "KUR"),
])
def test_a_verbal_noun_with_a_lam_object_is_done_by_its_genitive(nlp, text, cameo, source, target):
    doc = nlp(marsad.Article(id="lam", text=text))
    found = [e for e in doc.events if e.cameo == cameo]
    assert found and found[0].source is not None and found[0].source.basis == "text", \
        [(e.cameo, e.source) for e in doc.events]
    assert found[0].source.actor.code.startswith(source)
    assert target is None or (found[0].target is not None and found[0].target.actor.code.startswith(target))


def test_a_withdrawal_is_done_by_its_genitive(nlp):
    text = ("وقال المبعوث الخاص للرئيس الروسي إلى سوريا، ألكسندر لافرينتييف، إن الاتفاق يقضي بانسحاب القوات "
            "الإيرانية لمسافة 85 كيلومترا من مواقعها في الجنوب السوري.")
    doc = nlp(marsad.Article(id="retreat", text=text))
    found = [e for e in doc.events if e.cameo.startswith("087")]
    assert found and found[0].source is not None and found[0].source.actor.code == "IRNMIL", \
        [(e.cameo, e.source) for e in doc.events]
    assert found[0].source.basis == "text"


@pytest.mark.parametrize("text, source", [
    ("وتزايدت المخاوف في الشارع الإيراني من التبعات الاقتصادية لقرار الولايات المتحدة الأمريكية الانسحاب من "
     "الاتفاق النووي الموقع مع طهران.", "USA"),
    ("وقال لو دريان إن الاتفاق النووي الإيراني لم يمت رغم قرار الرئيس ترمب الانسحاب منه.", "USAGOV"),
])
def test_who_decided_an_act_does_it(nlp, text, source):
    doc = nlp(marsad.Article(id="decision", text=text))
    found = [e for e in doc.events if e.trigger.text.startswith("الانسحاب")]  # الانسحاب منه: from the deal
    assert found and found[0].source is not None and found[0].source.basis == "text", \
        [(e.cameo, e.source) for e in doc.events]
    assert found[0].source.actor.code == source


# Sanctions on envoys (ANT, Sky News Arabia and CNN Arabic, 2018): whose envoy is the target.
RECALL = ("وكانت تركيا قد استدعت سفيريها من إسرائيل والولايات المتحدة، وطردت السفير الإسرائيلي في أنقرة، "
          "بينما طردت إسرائيل القنصل العام التركي.")
SUMMON = "وكانت الخارجية الجزائرية استدعت اليوم السفير المغربي في الجزائر."
EXPEL_FROM_HOME = "وقد ردت روسيا بقرار مثيل، إذ طردت 23 دبلوماسياً من موسكو."


def test_a_diplomatic_sanction_targets_the_envoys_country(nlp):
    doc = nlp(marsad.Article(id="recall", text=RECALL))
    pairs = {(e.cameo, e.source.actor.country if e.source else None, e.target.actor.country if e.target else None)
             for e in doc.events if e.cameo.startswith("16")}
    assert {("161", "TUR", "ISR"), ("161", "TUR", "USA"), ("166", "TUR", "ISR"), ("166", "ISR", "TUR")} <= pairs, pairs
    doc = nlp(marsad.Article(id="summon", text=SUMMON))
    summon = [e for e in doc.events if e.cameo == "161"]
    assert summon and summon[0].target is not None and summon[0].target.actor.country == "MAR"


def test_an_expulsion_from_ones_capital_does_not_target_it(nlp):
    doc = nlp(marsad.Article(id="expel", text=EXPEL_FROM_HOME))
    expel = [e for e in doc.events if e.cameo == "166"]
    assert expel and all(e.target is None or e.target.actor.country != "RUS" or e.target.basis == "implied"
                         for e in expel)


def test_a_capital_after_lam_is_an_actor(nlp):
    doc = nlp(marsad.Article(id="lam", text="وطردت أستراليا دبلوماسيين روسيين اثنين بعد اتهام لندن لموسكو بتسميم سكريبال."))
    assert any(am.text == "موسكو" and am.actor.country == "RUS" for am in doc.actors), [a.text for a in doc.actors]
    doc = nlp(marsad.Article(id="in", text="وعقد الاجتماع بموسكو أمس."))
    assert not any(am.actor.country == "RUS" for am in doc.actors)


# Subjects set off by commas, objects after an SVO verb, and "his country" (ANT, Sky News Arabia 2018).
APPOSED = "وكان الرئيس الأميركي، دونالد ترامب، انتقد إيران بشدة."
HIS_COUNTRY = "وقال وزير الخارجية الأمريكي، مايك بومبيو، إن بلاده ستفرض عقوبات جديدة على إيران."
TOWN = "وانسحب مقاتلو المعارضة من بلدة حمورية في الغوطة."


def test_a_subject_between_commas_acts_on_the_object_after_its_verb(nlp):
    doc = nlp(marsad.Article(id="apposed", text=APPOSED))
    crit = [e for e in doc.events if e.cameo.startswith("11")]
    assert crit and crit[0].source is not None and crit[0].source.actor.country == "USA"
    assert crit[0].target is not None and crit[0].target.actor.country == "IRN" and crit[0].target.basis == "text"


def test_his_country_is_the_country_of_the_person_before(nlp):
    doc = nlp(marsad.Article(id="his", text=HIS_COUNTRY))
    own = [am for am in doc.actors if am.text == "بلاده"]
    assert own and own[0].actor.country == "USA"
    sanction = [e for e in doc.events if e.cameo == "163"]
    assert sanction and sanction[0].source is not None and sanction[0].source.text == "بلاده"
    doc = nlp(marsad.Article(id="town", text=TOWN))
    assert not any(am.text.startswith("بلد") for am in doc.actors)  # بلدة is a town, not "his country"


def test_close_triggers_of_one_root_but_two_types_are_two_events(nlp):
    # Sky News Arabia, 16 March 2018: air strikes (ASSAULT) after the taking of the Ghouta (COERCE), both root 19.
    text = "وتأتي هذه الغارات غداة سيطرة القوات السورية الحكومية والميليشيات الموالية لها على نحو 70 في المئة من مساحة الغوطة."
    doc = nlp(marsad.Article(id="ghouta", text=text))
    assert {"ASSAULT", "COERCE"} <= {e.event_type for e in doc.events}, [(e.cameo, e.trigger.text) for e in doc.events]


def test_the_subject_ends_where_the_next_actor_begins(nlp):
    doc = nlp(marsad.Article(id="accuse", text="اتهمت السعودية إيران بدعم الإرهاب."))
    accuse = [e for e in doc.events if e.cameo == "112" and e.trigger.text == "اتهمت"]
    assert accuse and accuse[0].source is not None and accuse[0].source.actor.country == "SAU"
    assert accuse[0].target is not None and accuse[0].target.actor.country == "IRN"


def test_an_unnamed_target_of_a_verbal_act_is_the_latest_named_target(nlp):
    text = "اتهمت السعودية إيران بتهريب الأسلحة إلى الحوثيين. وطالبت الرياض بوقف هذا التدخل فورا."
    doc = nlp(marsad.Article(id="focus", text=text))
    demand = [e for e in doc.events if e.event_type == "REQUEST"]
    assert demand and demand[0].target is not None and demand[0].target.actor.country == "IRN"
    assert demand[0].target.basis == "implied"


def test_civilians_acted_on_at_a_place_are_people_of_that_place(nlp):
    # After Sky News Arabia, 28 March 2018 (ANT SK-middleEast-622-20180328): an Israeli-led article.
    # The place's country must be one the article names more than once (here Hebron and the West Bank).
    text = ("قالت وزارة الخارجية الإسرائيلية إن الجيش الإسرائيلي سيواصل عملياته في إسرائيل. "
            "واعتقلت القوات الإسرائيلية الطفل البلعاوي أمام منزله في مدينة الخليل بالضفة الغربية.")
    doc = nlp(marsad.Article(id="hebron", text=text))
    arrest = [e for e in doc.events if e.cameo == "173"]
    assert arrest and arrest[0].target is not None and arrest[0].target.actor.country == "PSE"


def test_a_place_named_once_in_passing_gives_civilians_no_country(nlp):
    # France 24, 7 May 2018 (ANT FR-internationalNews-1116-20180507): London is Amnesty's seat.
    text = ("قالت منظمة العفو الدولية والتي تتخذ من لندن مقرا لها، إن السلطات المصرية تحتجز سجناء بتهم ذات "
            "طابع سياسي في الحبس الانفرادي. وتنفي الحكومة المصرية ذلك.")
    doc = nlp(marsad.Article(id="amnesty", text=text))
    held = [e for e in doc.events if e.trigger.text == "تحتجز"]
    assert held and held[0].target is not None and held[0].target.actor.country != "GBR"


def test_a_bare_title_is_the_person_the_article_named_with_it(nlp):
    # CNN Arabic, 11 October 2018 (ANT CN-middleEast-1489-20181011), first and third sentences.
    text = ("قالت المتحدثة باسم وزارة الخارجية الأمريكية، هيذر نويرت، الخميس، إن السفير السعودي لدى الولايات "
            "المتحدة، الأمير خالد بن سلمان، في طريق عودته إلى المملكة. "
            "ولم تذكر من كان من وزارة الخارجية قد تحدث مع السفير.")
    doc = nlp(marsad.Article(id="envoy", text=text))
    talk = [e for e in doc.events if e.event_type == "CONSULT"]
    assert talk and talk[-1].target is not None and talk[-1].target.text == "السفير"
    assert talk[-1].target.actor.country == "SAU" and talk[-1].target.basis == "coreference"


def test_a_person_read_with_a_bare_title_has_no_country(nlp):
    # BBC Arabic, 18 June 2018 (ANT): a former minister named from the text, no country in his title.
    doc = nlp(marsad.Article(id="minister", text="وقال غونين سيغيف الوزير السابق إنه بريء."))
    named = [am for am in doc.actors if "سيغيف" in am.text]
    assert named and all(am.actor.country != "GOV" for am in named)


def test_who_uses_a_veto_casts_it(nlp):
    # Sky News Arabia, 10 April 2018 (ANT SK-middleEast-916-20180410).
    doc = nlp(marsad.Article(id="veto", text="استخدمت روسيا حق الفيتو، الثلاثاء، في مجلس الأمن ضد مشروع قرار أميركي."))
    veto = [e for e in doc.events if e.event_type == "REJECT"]
    assert veto and veto[0].source is not None and veto[0].source.actor.country == "RUS"
    # the day between commas does not end the search for the target after ضد
    assert veto[0].target is not None and veto[0].target.actor.country == "USA"


def test_a_visit_noun_with_lam_and_a_person_is_that_persons_visit(nlp):
    # Sky News Arabia, 2018 (ANT): "the visit of the Iranian defence minister to Damascus".
    doc = nlp(marsad.Article(id="visit", text="وتأتي هذه التصريحات خلال زيارة لوزير الدفاع الإيراني أمير حاتمي إلى دمشق."))
    visit = [e for e in doc.events if e.cameo == "042"]
    assert visit and visit[0].source is not None and visit[0].source.actor.country == "IRN"
    assert visit[0].target is None or visit[0].target.actor.country == "SYR"
    doc = nlp(marsad.Article(id="visit2", text="وصل الرئيس إلى بغداد في زيارة للكويت."))
    visit = [e for e in doc.events if e.cameo == "042"]
    assert visit and visit[0].target is not None and visit[0].target.actor.country == "KWT"


def test_an_agency_is_an_actor_and_its_name_holds_no_trigger(nlp):
    # Sky News Arabia, 18 February 2018 (ANT SK-internationalNews-7-20180218).
    text = "انتقد الرئيس الأميركي، دونالد ترامب، مكتب التحقيقات الاتحادي (إف.بي.آي) بشأن أسلوب تعامله مع المراهق."
    doc = nlp(marsad.Article(id="fbi", text=text))
    assert [e.trigger.text for e in doc.events] == ["انتقد"]
    assert doc.events[0].target is not None and doc.events[0].target.actor.code == "USACOP"


def test_close_attacks_by_two_doers_are_two_events(nlp):
    # Sky News Arabia, 22 April 2018 (ANT SK-middleEast-1190-20180422), typo of the source mended.
    text = ("قال المتحدث الرسمي باسم قوات التحالف العربي، العقيد تركي المالكي، الأحد، إن قوات الدفاع الجوي "
            "السعودية اعترضت صاروخا باليستيا أطلقته ميليشيات الحوثي الإيرانية باتجاه المملكة.")
    doc = nlp(marsad.Article(id="missile", text=text))
    doers = {e.source.actor.country for e in doc.events if e.event_type == "ASSAULT" and e.source is not None}
    assert {"SAU", "YEM"} <= doers, [(e.trigger.text, e.source and e.source.text) for e in doc.events]


def test_a_dual_noun_refers_to_the_two_sides_named_before(nlp):
    # Sky News Arabia, 11 August 2018 (ANT SK-internationalNews-2954-20180811), first and third sentences.
    text = ("قال البيت الأبيض إن الرئيس دونالد ترامب تحدث هاتفيا مع نظيره الفرنسي إيمانويل ماكرون. "
            "وذكر قصر الاليزيه في بيان مقتضب أن الزعيمين ناقشا الأوضاع في سوريا وإيران.")
    doc = nlp(marsad.Article(id="leaders", text=text, published="2018-08-11"))
    talks = [e for e in doc.events if e.trigger.text == "ناقشا"]
    assert talks and talks[0].source is not None and talks[0].target is not None
    assert {talks[0].source.actor.country, talks[0].target.actor.country} == {"USA", "FRA"}


def test_the_object_may_come_before_a_context_word_of_the_pattern(nlp):
    # the pattern هدد +بالرد: the threatened country stands between the subject and بالرد
    doc = nlp(marsad.Article(id="threat", text="هدد الرئيس الأمريكي كوريا الشمالية بالرد."))
    threat = [e for e in doc.events if e.event_type == "THREATEN"]
    assert threat and threat[0].target is not None and threat[0].target.actor.country == "PRK"


def test_an_actor_in_the_genitive_of_a_verbal_noun_is_no_subject(nlp):
    # France 24 via ANT (SK-internationalNews-1026-20180419): the woman refused to shake officials'
    # hands; the officials are part of the object of رفضت, not who refused.
    text = ("وافقت أعلى محكمة إدارية في فرنسا، على قرار يقضي بحرمان جزائرية مسلمة من جواز السفر الفرنسي "
            "بعدما رفضت مصافحة مسؤولين خلال مراسم حصولها على الجنسية.")
    doc = nlp(marsad.Article(id="handshake", text=text))
    refused = [e for e in doc.events if e.trigger.text.startswith("رفضت")]
    assert refused
    assert refused[0].source is None or "مسؤولين" not in refused[0].source.text


def test_a_title_after_its_verb_is_the_subject(nlp):
    # CNN Arabic via ANT (CN-middleEast-1610-20181019): the title's words are no actor mention of
    # their own, yet وزير heads the subject.
    text = "نفى وزير الخارجية الأمريكي مايك بومبيو أن يكون قد استمع إلى تسجيلات عن عملية القتل."
    doc = nlp(marsad.Article(id="denial", text=text))
    denial = [e for e in doc.events if e.trigger.text == "نفى"]
    assert denial and denial[0].source is not None and denial[0].source.actor.country == "USA"
    assert denial[0].coder.get("roles", "").startswith("source:vso")


def test_a_shooter_named_by_a_common_noun_fires_and_kills(nlp):
    # Sky News Arabia, 18 February 2018 (ANT SK-internationalNews-7-20180218): the Parkland shooting.
    # فتح النار is an attack; the relative clause's antecedent (المراهق) is its doer, and the killing
    # joined to it by ف has the same doer.
    text = ("انتقد الرئيس الأميركي، دونالد ترامب، مكتب التحقيقات الاتحادي (إف.بي.آي) بشأن أسلوب تعامله مع "
            "المراهق، الذي فتح النار في مدرسة ثانوية بولاية فلوريدا فقتل 17 شخصا.")
    doc = nlp(marsad.Article(id="parkland", text=text))
    fired = [e for e in doc.events if e.trigger.text == "فتح النار"]
    killed = [e for e in doc.events if e.trigger.text == "فقتل"]
    assert fired and fired[0].source is not None and fired[0].source.text == "المراهق"
    assert killed and killed[0].source is not None and killed[0].source.text == "المراهق"
    assert killed[0].target is not None and killed[0].target.actor.agent == "CVL"


def test_the_accused_is_the_doer_of_the_charge(nlp):
    # CNN Arabic, 16 May 2018 (ANT CN-middleEast-948-20180516). The accusation's object comes before
    # its charge (ب...), also over a day set off by commas, and the accused did what the charge names.
    # The article's next two sentences name Israel and Egypt again ("كلتا الدولتين"): neither
    # co-doer becomes the other's implied target.
    text = ("اتهمت الحكومة التركية، الأربعاء، إسرائيل ومصر برفض هبوط الطائرات التركية في مطاراتهما "
            "لنقل المصابين الفلسطينيين، الذين أصيبوا في مواجهات مع الجيش الإسرائيلي، إلى تركيا لتلقي العلاج. "
            "وقال نائب رئيس الوزراء التركي رجب أقداغ إن \"تركيا هي أكثر دولة رفعت صوتها بالعالم ضد "
            "مجزرة القوات الإسرائيلية بحق الفلسطينيين في قطاع غزة (الاثنين)، وستواصل فعل ذلك في "
            "المرحلة المقبلة\"، وفقا لما نقلته وكالة أنباء \"الأناضول\" التركية الرسمية. "
            "وأضاف أن \"الطائرات التركية مضطرة للهبوط في مطارات إسرائيل أو مصر لنقل المصابين "
            "الفلسطينيين إلى تركيا، إلا أن كلتا الدولتين لم تسمحا بذلك حتى الوقت الراهن\". وتابع "
            "بالقول إن \"الوقوف إلى جانب أشقائنا المظلومين والضحايا في غزة، دَيْن في أعناقنا\".")
    doc = nlp(marsad.Article(id="landing", text=text))
    accused = sorted(e.target.actor.country for e in doc.events if e.cameo == "112" and e.target is not None)
    assert accused == ["EGY", "ISR"]
    refusals = [e for e in doc.events if e.trigger.text == "برفض"]
    assert sorted(e.source.actor.country for e in refusals if e.source is not None) == ["EGY", "ISR"]
    # neither refusal takes the other co-doer as its target: both are aimed at Turkey
    assert [e.target.actor.country if e.target else None for e in refusals] == ["TUR", "TUR"]


def test_an_imperfect_light_verb_in_a_relative_clause_names_the_attackers(nlp):
    # Sky News Arabia, 9 May 2018 (ANT SK-middleEast-1537-20180509): تشنه is the imperfect of شن;
    # the Russian and Syrian jets are two attackers.
    text = ("وتتزامن هذه الاشتباكات مع قصف جوي وصاروخي تشنه مقاتلات حربية روسية وسورية على الأحياء "
            "السكنية في منطقتي اليرموك والحجر الأسود، جنوبي دمشق.")
    doc = nlp(marsad.Article(id="yarmouk", text=text))
    shelling = [e for e in doc.events if e.trigger.text.startswith("قصف")]
    assert sorted(e.source.actor.country for e in shelling if e.source is not None) == ["RUS", "SYR"]


def test_people_a_state_arrests_are_held_in_its_country(nlp):
    # CNN Arabic, 2 March 2018 (ANT CN-middleEast-147-20180302): a Kuwaiti article; the suspects
    # were arrested in Lebanon, and nothing gives them another country.
    text = ("أعلنت الخارجية الكويتية مقتل العاملة في الكويت. "
            "ونقلت وكالة الأنباء الكويتية عن الحمد قوله إن الانتربول أبلغ الجانب الكويتي أن السلطات "
            "اللبنانية المختصة ألقت القبض على المتهمين.")
    doc = nlp(marsad.Article(id="interpol", text=text))
    arrest = [e for e in doc.events if e.cameo.startswith("173")]
    assert arrest and arrest[0].source is not None and arrest[0].source.actor.country == "LBN"
    assert arrest[0].target is not None and arrest[0].target.actor.country == "LBN"


def test_between_two_sides_the_target_is_the_other_side(nlp):
    # France 24, 15 May 2018 (ANT FR-internationalNews-1271-20180515): North Korea threatens the
    # summit between its own leader and the US president; the threat is aimed at the other side.
    text = ("هددت كوريا الشمالية بإلغاء القمة المرتقبة بين زعيمها كيم جونغ أون والرئيس الأمريكي دونالد "
            "ترامب، بسبب المناورات العسكرية الأمريكية الكورية الجنوبية.")
    doc = nlp(marsad.Article(id="summit", text=text))
    threat = [e for e in doc.events if e.event_type == "THREATEN"]
    assert threat and threat[0].source is not None and threat[0].source.actor.country == "PRK"
    assert threat[0].target is not None and threat[0].target.actor.country == "USA"


KATHUA = ("دفع ثمانية رجال متهمين باغتصاب طفلة مسلمة من قبيلة من الرحل وقتلها في الهند، ببراءتهم الاثنين. "
          "وسلطت هذه الجريمة الضوء على التوتر الطائفي في الهند.")


def test_people_accused_of_an_act_are_its_alleged_doers(nlp):
    # France 24, 16 April 2018 (ANT FR-internationalNews-748-20180416): the Kathua case.
    doc = nlp(marsad.Article(id="kathua", text=KATHUA))
    rape = [e for e in doc.events if e.trigger.text == "باغتصاب"]
    assert rape and rape[0].source is not None and rape[0].source.text == "ثمانية رجال"
    assert rape[0].source.actor.agent == "CRM" and rape[0].source.actor.country == "IND"


def test_the_crime_referred_back_to_is_a_mention_of_the_act(nlp):
    doc = nlp(marsad.Article(id="kathua", text=KATHUA))
    crime = [e for e in doc.events if "الجريمة" in e.trigger.text]
    assert crime and crime[0].event_type == "ASSAULT" and crime[0].sentence == 1
    # organised crime, or a crime fought, is no act; nor is a crime where the article tells none
    doc = nlp(marsad.Article(id="crime", text="وسلطت هذه الجريمة الضوء على التوتر الطائفي في الهند."))
    assert not [e for e in doc.events if "الجريمة" in e.trigger.text]
    doc = nlp(marsad.Article(id="organised", text="قتل شرطي في المدينة. وتعمل الشرطة على مكافحة الجريمة المنظمة."))
    assert not [e for e in doc.events if "الجريمة" in e.trigger.text]


def test_a_nationality_of_the_victim_is_not_the_attacker(nlp):
    # CNN Arabic, 2 March 2018 (ANT CN-middleEast-147-20180302): the adjective agrees with the
    # genitive (the worker), not with the indefinite act noun.
    text = "أعلن وزير الخارجية الكويتي أن السلطات اللبنانية ألقت القبض على المتهمين بقتل العاملة الفلبينية."
    doc = nlp(marsad.Article(id="worker", text=text))
    killing = [e for e in doc.events if e.trigger.text == "بقتل"]
    assert killing and killing[0].source is not None and killing[0].source.text == "المتهمين"
    assert killing[0].target is not None and killing[0].target.actor.country == "PHL"


def test_the_sanctions_referred_back_to_are_the_ones_imposed(nlp):
    # BBC Arabic, 16 May 2018 (ANT BB-middleEast-506-20180516).
    text = ("أعلنت وزارة الخزانة الأمريكية فرض عقوبات على الأمين العام لحزب الله السيد حسن نصرالله وعدد من القادة "
            "البارزين بالحزب. وأفادت في بيان بأن العقوبات تشمل أيضا نائب نصر الله نعيم قاسم.")
    doc = nlp(marsad.Article(id="sanctions", text=text))
    later = [e for e in doc.events if e.sentence == 1 and e.event_type == "COERCE"]
    assert later and later[0].source is not None and later[0].source.actor.country == "USA"
    assert later[0].target is not None and later[0].target.actor.country == "LBN"
    first = [e for e in doc.events if e.sentence == 0 and e.event_type == "COERCE"]
    assert first and later[0].event_id == first[0].event_id  # one event, two mentions
    doc = nlp(marsad.Article(id="lifted", text="وطالبت طهران برفع العقوبات عن قطاع النفط."))
    assert not [e for e in doc.events if e.cameo.startswith("163")]


def test_a_warning_about_another_actors_conduct_is_disapproval(nlp):
    # Al Arabiya, 27 March 2018 (ANT AL-internationalNews-663-20180327); the coding guide codes
    # concern about another actor's conduct as ACCUSE 110. A warning to the public stays 012.
    text = ("وحذرت وزارة الثقافة اليمنية، في بيان، من حملات التشويه والتدمير المتعمد والممنهج الذي تمارسه "
            "ميليشيا الحوثي، بحق آثار صنعاء ومعالمها التاريخية.")
    doc = nlp(marsad.Article(id="heritage", text=text))
    warning = [e for e in doc.events if e.trigger.text == "وحذرت"]
    assert warning and warning[0].cameo == "110" and warning[0].event_type == "ACCUSE"
    doc = nlp(marsad.Article(id="migrants", text=(
        "وحذر مايك بنس، متحدثا في مؤتمر صحفي في البرازيل، المهاجرين الذين لا يحملون وثائق بألا "
        "يهددوا حياة أبنائهم.")))
    assert all(e.cameo != "110" for e in doc.events if e.trigger.text == "وحذر")


def test_the_accuseds_own_support_in_the_charge_is_theirs(nlp):
    # After Sky News Arabia, 29 April 2018 (ANT SK-middleEast-1325-20180429): دعمها is Iran's support.
    text = "واتهم بومبيو إيران بزعزعة استقرار المنطقة عبر دعمها لميليشيات الحوثي ومدها بالسلاح."
    doc = nlp(marsad.Article(id="support", text=text))
    aid = [e for e in doc.events if e.event_type == "AID"]
    assert aid and all(e.source is not None and e.source.actor.country == "IRN" for e in aid)
    assert any(e.cameo == "072" for e in aid)  # supplying weapons is military aid


def test_a_coercive_act_promised_on_a_condition_is_a_threat(nlp):
    # France 24, 16 May 2018 (ANT FR-internationalNews-1264-20180516).
    text = ("قالت بيونغ يانغ الأربعاء إنها ستلغي القمة المرتقبة بين الزعيم الكوري الشمالي كيم جونغ-أون "
            "والرئيس الأمريكي دونالد ترامب إذا ما ضغطت واشنطن عليها من أجل التخلي عن ترسانتها النووية.")
    doc = nlp(marsad.Article(id="cancel", text=text))
    threat = [e for e in doc.events if e.trigger.text.startswith("ستلغي")]
    assert threat and threat[0].event_type == "THREATEN" and not threat[0].future
    assert threat[0].source is not None and threat[0].source.actor.country == "PRK"
    doc = nlp(marsad.Article(id="plan", text="ستفرض الولايات المتحدة عقوبات جديدة على إيران الشهر المقبل."))
    assert [e.event_type for e in doc.events if e.trigger.text == "ستفرض"] == ["COERCE"]  # no condition: a plan


def test_a_plural_head_in_construct_after_the_subject_starts_the_object(nlp):
    # Sky News Arabia, 11 August 2018 (ANT SK-internationalNews-2954-20180811).
    text = ("وكان ترامب وماكرون قد التقيا خلال اجتماع قمة لحلف شمال الأطلسي في بروكسل حيث انتقد الرئيس "
            "الأميركي أعضاء الحلف الذين لم يلتزموا بتعهداتهم.")
    doc = nlp(marsad.Article(id="nato", text=text))
    criticism = [e for e in doc.events if e.trigger.text == "انتقد"]
    assert criticism and criticism[0].source is not None and criticism[0].source.actor.country == "USA"
    assert criticism[0].target is not None and criticism[0].target.actor.code.startswith("IGO")
