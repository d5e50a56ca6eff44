"""المملكة refers to the kingdom the article has named last (real ANT sentences, CNN and Sky News)."""

import marsad
from marsad.components.actors import lexicon, resolve_document
from marsad.core.types import Article
from marsad.text import analyze

CNN = ("دبي، الإمارات العربية المتحدة (CNN) – أيدت السعودية قرار الرئيس الأمريكي دونالد ترامب، بانسحاب أمريكا "
       "من الاتفاق النووي الإيراني وفرض عقوبات اقتصادية على إيران، وفقا لبيان نشرته وكالة الأنباء السعودية (واس).\n"
       "وقالت المملكة في بيانها إنها تؤيد قرار ترامب بالانسحاب من الاتفاق النووي وفرض العقوبات التي رفعت عن "
       "إيران بموجبه، مجددا.")
BAHRAIN = ("ودانت البحرين بشدة، اقتراب مقاتلتين قطريتين بصورة خطيرة من طائرتين مدنيتين مسجلتين في دولة الإمارات.\n"
           "وأكدت المملكة أن تكرار هذه التصرفات الاستفزازية، يعكس إصرارا واضحا من دولة قطر على الاستهتار "
           "بسلامة الطائرات المدنية والملاحة الجوية.")
BARE = "وأكدت المملكة أن تكرار هذه التصرفات الاستفزازية يعكس إصرارا واضحا من دولة قطر على الاستهتار بسلامة الطائرات."


def _kingdom(text: str, source: str | None = None) -> list[str]:
    doc = analyze(Article(id="k", text=text, source=source))
    return [am.actor.code for am in resolve_document(lexicon(), doc) if am.text == "المملكة"]


def test_the_kingdom_named_last():
    assert _kingdom(CNN) == ["SAU"]
    assert _kingdom(BAHRAIN) == ["BHR"]


def test_a_national_outlets_kingdom_before_any_is_named():
    assert _kingdom(BARE) == []  # nothing named, an outlet that reports on every country
    assert _kingdom(BARE, source="Al Jazeera") == []
    assert _kingdom(BARE, source="Okaz") == ["SAU"]
    assert _kingdom(BARE, source="Ahram") == []  # a republic's paper: no kingdom of its own


def test_the_united_kingdom_is_a_name():
    assert _kingdom("قالت المملكة المتحدة إنها تدعم الحكومة.") == []
    doc = marsad.load()(Article(id="k", text="قالت المملكة المتحدة إنها تدعم الحكومة."))
    assert [am.actor.code for am in doc.actors][:1] == ["GBR"]
