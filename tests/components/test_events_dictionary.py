"""Ontology tables and trigger dictionary: codes, conventions, morphology, argument patterns."""

from __future__ import annotations

import pytest

from marsad.components.events.dictionary import default_dictionary, match_words, parse_line
from marsad.core.errors import ResourceError
from marsad.resources.ontology import cameo, cameo_codes, plover_for, plover_types, quad_class
from marsad.text.morph import analyses as candidates
from marsad.text.tokens import token_norms, tokenize


def codes(sentence: str) -> list[str]:
    return [m.entry.cameo for m in match_words(token_norms(sentence), surfaces=sentence.split())]


def test_ontology_conventions() -> None:
    assert len(cameo_codes()) == 311
    assert len(plover_types()) == 16
    assert plover_for("010") == (None, None) and plover_for("0231") == (None, None)
    assert cameo("173").plover_type == "COERCE" and cameo("173").goldstein == -5.0
    assert cameo("163").plover_type == "COERCE"  # the 2021 table and the coding guide
    assert cameo("161").plover_type == "SANCTION"
    assert [quad_class(c) for c in ("05", "061", "13", "14")] == [1, 2, 3, 4]
    assert all(c.quad_class == quad_class(c.code) for c in cameo_codes().values())


def test_every_root_has_triggers() -> None:
    roots = {e.cameo[:2] for e in default_dictionary().entries}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


@pytest.mark.parametrize("word,stem,kind", [
    ("وتظاهروا", "تظاهر", "V"), ("المظاهرات", "مظاهره", "N"), ("يلتقي", "لتقي", "V"),
    ("سيعقد", "عقد", "V"), ("اعتقلت", "اعتقل", "*"), ("احتجاجا", "احتجاج", "*"),
])
def test_morphology_candidates(word: str, stem: str, kind: str) -> None:
    assert (stem, kind) in candidates(word) or (stem, "*") in candidates(word) or (stem, "V") in candidates(word)


@pytest.mark.parametrize("sentence,code", [
    ("اعتقلت الشرطة خمسة أشخاص", "173"),  # perfect, feminine
    ("تعتقل قوات الأمن المحتجين", "173"),  # imperfect
    ("وتظاهر آلاف الطلاب أمام الوزارة", "141"),  # conjunction + verb
    ("قُتل ثلاثة جنود في قصف", "190"),  # passive with diacritics
    ("سيلتقي الرئيس نظيره الفرنسي", "040"),  # future prefix
    ("أدانت الخارجية الهجوم", "111"),
    ("فرضت الولايات المتحدة عقوبات على إيران", "163"),  # sanction needs its argument
    ("فرضت السلطات حظر التجول في المدينة", "1723"),  # curfew is not a sanction
])
def test_triggers_match_inflected_forms(sentence: str, code: str) -> None:
    assert code in codes(sentence)


def test_argument_patterns_and_exclusions() -> None:
    assert "163" not in codes("فرضت السلطات حظر التجول في المدينة")
    assert codes("منظمة التعاون الإسلامي") == []  # a name, not cooperation
    assert "141" not in codes("انطلقت تظاهرة ثقافية في المدينة")  # a cultural event
    assert codes("اجتماع") == ["040"]


def test_bad_dictionary_lines_say_what_is_wrong() -> None:
    with pytest.raises(ResourceError, match="unknown CAMEO code '999'"):
        parse_line("999\tV\tقتل\tw=0.5", 3)
    with pytest.raises(ResourceError, match="part of speech"):
        parse_line("190\tQ\tقتل", 4)
    with pytest.raises(ResourceError, match="unknown trigger flag"):
        parse_line("190\tV\tقتل\tfoo", 5)
    with pytest.raises(ResourceError, match="needs an actor code in capitals"):
        parse_line("195\tX\tغصن الزيتون\tdoer=tur", 6)
    assert parse_line("195\tX\tغصن الزيتون\tdoer=TURMIL", 7).doer == "TURMIL"  # type: ignore[union-attr]
    assert parse_line("# comment", 1) is None


def test_arrest_nouns_with_prepositions_and_campaigns() -> None:
    # ANT dev: "قال ممثلو ادعاء ألمان إنهم أمروا باعتقال ستة رجال"
    assert "173" in codes("قال ممثلو ادعاء ألمان إنهم أمروا باعتقال ستة رجال")
    assert "173" in codes("شنت السلطات حملة اعتقالات واسعة في المدينة")


def test_stems_made_for_the_imperfect_need_its_prefix() -> None:
    # اعدم -> (ي)عدم, اوقف -> (ي)وقف: the bare stems are other words (عدم "lack", وقفوا "they stood")
    assert "1823" not in codes("احتجاجا على عدم إدراج أسماء المرشحين")
    assert "173" not in codes("ووقفوا دقيقة صمت")
    assert "1823" in codes("وتعدم السلطات ثلاثة مدانين")
    assert "173" in codes("وتوقف الشرطة المشتبه بهم")


def test_forbidden_right_after_operator() -> None:
    entry = parse_line("183\tV\tفجر\tw=0.7 ~امس|اليوم", 1)
    assert entry is not None and entry.rest[0].op == "~"
    assert "183" not in codes("أصيب فجر أمس ثلاثة جنود")
    assert "183" in codes("فجر مسلحون عبوة قرب دورية أمس")


def test_trigger_of_a_split_light_verb_pattern_is_its_noun() -> None:
    from marsad.components.events.coder import trigger_words
    from marsad.components.events.words import Word
    from marsad.text.morph import reading

    text = "ألقت المخابرات التركية القبض على المتهم"
    norms = token_norms(text)
    words = [Word(i, 0, 0, t, n, "word", reading(n)) for i, (t, n) in enumerate(zip(text.split(), norms, strict=True))]
    m = next(m for m in match_words(norms) if m.entry.cameo == "173")
    assert trigger_words(m, words) == (3, 3)


@pytest.mark.parametrize("sentence,code", [  # ANT sentences
    ("وتخوض أميركا والصين حرباً تجارية عبر فرض رسوم جمركية على الواردات", "163"),
    ("وبدأ ترامب في فرض ضرائب جمركية جديدة على عدد من البضائع التي تستوردها الولايات المتحدة", "163"),
    ("قبضت الشرطة العراقية على شاب عراقي اغتصب وقتل فتاة في ألمانيا", "173"),
    ("وسط أنباء عن نية إسرائيل طرد القنصل التركي في تل أبيب", "166"),
    ("مستشار الرئيس الإيراني حميد أبو طالبي الذي وضع شروطا مقابلة للقاء ترامب", "100"),
    ("تضمن بيان لبيونغ يانغ الأربعاء تهديدات بإلغاء اللقاء التاريخي المرتقب", "130"),
    ("إيران تزعزع أمن المنطقة من خلال دعم ميليشيات الحوثي ومدها بالسلاح في اليمن", "072"),
    ("بعد سيطرة الميليشيات الحوثية على الأسلحة الثقيلة والنوعية", "192"),
    ("أعلنت الدول الأربع قطع علاقاتها الاقتصادية والدبلوماسية مع قطر", "163"),
    ("وقال نتنياهو إن إسرائيل لن تسمح لإيران بترسيخ وجودها العسكري في سوريا", "130"),
    ("والمدافعون عنها على أسوارها ولن يسمحوا باقتراب الجيش التركي", "130"),
])
def test_coercion_threats_demands_and_arms_supply(sentence: str, code: str) -> None:
    assert code in codes(sentence)


def test_trade_and_control_words_keep_their_other_senses() -> None:
    assert "163" not in codes("ما يعني فرض ضرائب على ما سيجنيه الاتحاد من البطولة")  # a tax, no trade
    assert "192" not in codes("البلدات الواقعة تحت سيطرة فصيل فيلق الرحمن")  # a state, not a taking
    assert "161" in codes("أعلنت البحرين قطع العلاقات الدبلوماسية مع إيران")  # diplomatic only


@pytest.mark.parametrize("sentence,code", [  # ANT sentences
    ("قضت محكمة باكستانية بسجن رئيس الوزراء السابق نواز شريف عشرة أعوام", "173"),
    ("أصدرت السلطات الإندونيسية حكما يقضي بسجن مصممة أزياء المحجبات الشهيرة", "173"),
    ("وتعيش ميليشيا الحوثي حالة من الهلع والذعر مع تقدم الجيش اليمني بإسناد من التحالف العربي", "190"),
    ("ووفقا لمصادر عسكرية تقدمت القوات نحو مركز كتاف بعمق أكثر من عشرة كيلو مترات", "190"),
    ("وضغط ترامب على الحلفاء الأوروبيين للعمل مع واشنطن على إصلاح الاتفاق", "170"),
    ("إن بلاده لا تمانع من دخول القوات السورية عفرين لطرد الفصائل الكردية هناك", "154"),
    ("وقال السفير البريطاني إن للنظام السوري سمعة مشينة عن استخدام أسلحة كيميائية ضد شعبه", "2041"),
    ("أن الفظائع التي ارتكبها الجنود دفعت نحو 700 ألف من أبناء الروهينغا للفرار", "200"),
])
def test_sentences_advances_pressure_entry_and_chemical_use(sentence: str, code: str) -> None:
    assert code in codes(sentence)


def test_material_entries_keep_their_other_senses() -> None:
    # a demand for a death sentence is no sentence (nor an execution)
    got = codes("وتجمع المتظاهرون أمام مبنى الادعاء العام مطالبين بإعدام رئيس البنك المركزي")
    assert "173" not in got and "1823" not in got
    assert "190" not in codes("نأمل أن تحقق المحادثات تقدما نحو مستقبل من السلام والازدهار")  # progress
    assert "170" not in codes("مما يضغط على مواردها المحدودة")  # a strain on resources, no actor pressed
    assert "170" not in codes("أسرع سيباستيان ثم ضغط على المكابح وكنت على وشك الاصطدام به")  # the brakes
    assert "2041" not in codes("للتحقيق حول استخدام السلاح الكيمياوي في سوريا")  # an inquiry, no use told


@pytest.mark.parametrize("sentence,code", [  # ANT sentences
    ("هاجم الرئيس الأمريكي، دونالد ترامب، رئيس شبكة سي إن إن الإخبارية، جيف زوكر، على موقع تويتر", "111"),
    ("وفى تغريدة له فى وقت متأخر من يوم السبت، هاجم ترامب الديمقراطيين واتهمهم بعدم إقرار تشريع", "111"),
    ("شن رئيس الوزراء الإسرائيلي بنيامين نتنياهو هجوما حادا على إيران", "111"),
    ("وتابع \"نعتقد أن ما قامت به كندا أمر غير مقبول", "111"),
    ("مشددا على أن الخطوة الأميركية مرفوضة وتدخل المنطقة في حالة توتر", "120"),
    ("قائلا إن الإيرانيين لن يرضخوا للضغوط الأميركية، وسيدافعون عن استقلالهم وقيمهم", "124"),
    ("إن رئيس الوزراء الإسرائيلي، بنيامين نتنياهو، تحدث هاتفياً مع موريسون", "041"),
    ("شدد الرئيسان الفرنسي إيمانويل ماكرون والأمريكي دونالد ترامب خلال مكالمة هاتفية", "041"),
    ("ونقلت صحيفة لو موند الفرنسية عن ماكرون قوله إنه تحدث مع رئيسة الوزراء البريطانية تيريزا ماي", "040"),
    ("وقالت المحكمة العليا الكرواتية إن المحكمة قبلت استئناف المتهم، ورفضت طلب التسليم الذي أصدرته تونس", "1013"),
    ("ألغت كوريا الشمالية محادثات رفيعة المستوى مع كوريا الجنوبية", "164"),
    ("ومنذ أسبوعين ألغى ترامب القمة المقرر انعقادها في 12 يونيو/حزيران الجاري", "164"),
])
def test_verbal_and_diplomatic_acts(sentence: str, code: str) -> None:
    assert code in aligned_codes(sentence)


def aligned_codes(sentence: str) -> list[str]:
    """The codes matched in a sentence with punctuation (surfaces aligned with the tokens)."""
    toks = [t for t in tokenize(sentence) if t.norm]
    return [m.entry.cameo for m in match_words([t.norm for t in toks], surfaces=[t.text for t in toks])]


def test_verbal_words_keep_their_other_senses() -> None:
    # armed men attacking a building: an attack, not criticism
    assert "111" not in aligned_codes("هاجم مسلحون مكتب الإدارة التعليمية في مدينة جلال آباد شرق أفغانستان")
    assert "111" not in aligned_codes("مسلحين إرهابيين هاجموا نقطة تفتيش وفتحوا النار على مدنيين")
    # talking to reporters is no consultation
    assert "040" not in aligned_codes("وجدد جيفري، الذي تحدث مع الصحفيين للمرة الأولى منذ تعيينه في المنصب")
    # giving in is no refusal
    assert "124" not in aligned_codes("ويبدو أن أردوغان، الذي تراجع عن مواقفه بشأن برانسون ورضخ للضغوط الأميركية")


# Conflictual acts with both parties (ANT news sentences, 2018)
@pytest.fixture(scope="module")
def pipeline():
    from marsad.coding import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline


def coded(pipeline, text: str) -> list:
    import marsad

    return pipeline(marsad.Article(id="t", text=text)).events


def country(role) -> str | None:
    return role.actor.country if role is not None else None


@pytest.mark.parametrize("text,cameo,source,target", [
    # a missile named before the relative clause that launched it: the clause's agent fired at the place after على
    ("واعترضت القوات السعودية، يوم الأحد، سبعة صواريخ أطلقتها ميليشيات الحوثي على السعودية.", "195", "YEM", "SAU"),
    # leaving an agreement named by its verbal noun: the genitive left it
    ("مع خروج الولايات المتحدة من الاتفاق النووي بين طهران والدول الكبرى، أصبح الرئيس الايراني حسن روحاني "
     "عرضة لانتقادات المحافظين في بلاده.", "127", "USA", "IRN"),
    # barrels dropped on an area
    ("قال المرصد السوري لحقوق الإنسان، الجمعة، إن الجيش السوري ألقى أكثر من 12 برميلا متفجرا على مناطق تسيطر "
     "عليها المعارضة في جنوب غرب البلاد، في أول استخدام لهذا النوع من الذخيرة هناك منذ نحو عام.", "195", "SYR", "SYR"),
])
def test_conflictual_acts_with_both_parties(pipeline, text: str, cameo: str, source: str, target: str) -> None:
    got = [e for e in coded(pipeline, text) if e.cameo == cameo]
    assert got, [(e.cameo, e.trigger.text) for e in coded(pipeline, text)]
    assert (country(got[0].source), country(got[0].target)) == (source, target)


def test_blame_deportation_and_disapproval() -> None:
    # blaming: the phrase after على is the one blamed
    mattis = ('وكان ماتيس أكد أنه لا يستبعد "أي شيء" بشأن سوريا، ملقيا باللوم على روسيا لأنها لم تف بالتزاماتها '
              'لضمان تخلي النظام السوري عن أسلحته الكيماوية')
    assert "112" in aligned_codes(mattis)
    # deporting migrants; a conviction with its charge
    assert "174" in aligned_codes("قال وزير الداخلية الجزائري نور الدين بدوي إن بلاده رحلت 27 ألف مهاجر من منطقة "
                                  "أفريقيا جنوبي الصحراء إلى بلدانهم منذ عام 2015")
    assert "116" in aligned_codes("وأدانت المحكمة نورة بجريمة القتل العمد الشهر الماضي")
    assert "111" in aligned_codes("واستهجنت الخارجية السعودية مطالبة كندا \"بالإفراج الفوري\" عن الموقوفين.")


def test_blame_target_is_after_ala(pipeline) -> None:
    mattis = ('وكان ماتيس أكد أنه لا يستبعد "أي شيء" بشأن سوريا، ملقيا باللوم على روسيا لأنها لم تف بالتزاماتها '
              'لضمان تخلي النظام السوري عن أسلحته الكيماوية، وقال إنه سيتعامل مع هذه القضية بالتعاون مع الحلفاء '
              'والشركاء في حلف شمال الأطلسي.')
    blame = [e for e in coded(pipeline, mattis) if e.cameo == "112"]
    assert blame and country(blame[0].target) == "RUS"


def test_conflictual_entries_keep_their_other_senses() -> None:
    # a town left (منها) is a retreat, not leaving an agreement (منه)
    assert "127" not in aligned_codes("وتسيطر وحدات حماية الشعب الكردية على مناطق واسعة من عفرين منذ انسحبت منها "
                                      "القوات الحكومية عام 2012.")
    # a campaign launched is no missile
    assert "195" not in aligned_codes("حتى إن الحملة التي أطلقتها منظمة بتسليم، اعتبرت تمردا وتحريضا للجنود على "
                                      "رفض أوامر قادتهم العسكريين.")
    # رحل: a singer died
    assert "174" not in aligned_codes("رحلت الفنانة الفلسطينية #ريم_بنا السبت، بعد صراع طويل مع مرض السرطان، رحل "
                                      "جسدها لكن صوتها وغناؤها الوطني لن يرحل عن المشهد الفلسطيني.")
    # condemning an act is no conviction; a warning of a bomb received is no bombing
    assert "116" not in aligned_codes("وأدان الرئيس الفرنسي الهجوم بشدة")
    assert "195" not in aligned_codes("قال المكتب الإعلامي لمنطقة روستوف في بيان، اليوم الأربعاء، إن الشرطة الروسية "
                                      "تلقت عدة تهديدات بوجود قنابل، أمس الثلاثاء، تتعلق بأماكن في مدينة روستوف")

@pytest.mark.parametrize("sentence,code,source,target", [  # ANT sentences
    ("ويعتقد أن الروس عرضوا خلال الاجتماع مساعدة حملة ترامب بإعطائها معلومات عن منافسته هيلاري كلينتون.",
     "033", "RUS", "USA"),
    ("أعلن وزير الخارجية الإيراني، جواد ظريف وقوف بلاده إلى جانب تركيا، بعد العقوبات الجديدة التي فرضتها "
     "إدارة الرئيس الأمريكي دونالد ترامب.", "051", "IRN", "TUR"),
    ("ونقل بيان أعلنه القصر الملكي عن الملك عبد الله قوله إن الرياض تقف إلى جانب الأردن في جميع الأحوال.",
     "051", "SAU", "JOR"),
    ("أكدت وزارة الخارجية البحرينية، وقوف البحرين إلى جانب المملكة العربية السعودية في وجه من يحاول \"النيل منها\".",
     "051", "BHR", "SAU"),
    ("ردود الفعل العربية بشأن التصعيد العسكري بين إيران وإسرائيل، أعربت المنامة الخميس عن تأييدها للضربات "
     "الإسرائيلية في سوريا.", "051", "BHR", "ISR"),
])
def test_offers_support_and_standing_by_an_actor(nlp, sentence: str, code: str, source: str, target: str) -> None:
    import marsad

    doc = nlp(marsad.Article(id="x", text=sentence))
    got = [(e.cameo, e.source and e.source.actor.code[:3], e.target and e.target.actor.code[:3]) for e in doc.events]
    assert (code, source, target) in got, got


def test_support_entries_keep_their_other_senses() -> None:
    # تعرض لـ: suffering an act, no offer
    assert "033" not in aligned_codes("رسلة تقول إنه تعرض للاعتقال مناشدا المساعدة")
    # a one-sided ceasefire or halt (من جانب واحد) and standing on both sides of a road are no stance
    assert "051" not in aligned_codes(
        "أعلن الرئيس الأفغاني، أشرف غني، الأحد، وقفا لإطلاق النار من جانب واحد مع مقاتلي حركة طالبان لمدة 10 أيام")
    assert "051" not in aligned_codes("أعلنت جماعة الحوثي اليمنية الثلاثاء أنها ستوقف الهجمات من جانب واحد في البحر الأحمر")
    assert "051" not in aligned_codes("وقف آلاف الإريتريين على جانبي الطرق في العاصمة أسمرة لتحية ضيف")


def test_a_named_operation_gives_its_doer(nlp):
    # Sky News Arabia, 27 March 2018 (ANT SK-middleEast-583-20180327); CNN Arabic, 19 February 2018.
    doers = {e.trigger.text: e.source.actor.country for e in coded(nlp, "وأضاف: هذا الأمر يهدد مستقبل اليمن، ولهذه "
             "الأسباب جاءت عاصفة الحزم لحماية حقوق الإنسان.") if e.source is not None}
    assert doers.get("عاصفة الحزم") == "SAU"
    doers = {e.trigger.text: e.source.actor.country for e in coded(nlp, "نحن موقفنا واضح منذ بداية عملية غصن "
             "الزيتون ودرع الفرات.") if e.source is not None}
    assert doers.get("غصن الزيتون") == "TUR"


def test_thanks_without_a_subject_thank_the_actor_after_lam(nlp):
    # Al Arabiya, 14 April 2018 (ANT AL-internationalNews-915-20180414), Trump's tweet after the strikes.
    thanked = {e.target.actor.country for e in coded(nlp, "وقال ترامب: شكرا لفرنسا وبريطانيا على حكمتهم وقوة جيوشهم.")
               if e.event_type == "SUPPORT" and e.target is not None}
    assert thanked == {"FRA", "GBR"}


def test_the_noun_after_a_verb_of_expressing_is_the_trigger(nlp):
    # after Sky News Arabia, October 2018 (ANT): thanks expressed through أعرب/عبر عن
    thanks = [e for e in coded(nlp, "وعبر الرئيس التركي فيه عن شكره لأردوغان.") if e.event_type == "SUPPORT"]
    assert thanks and "شكره" in thanks[0].trigger.text and "عبر" not in thanks[0].trigger.text
