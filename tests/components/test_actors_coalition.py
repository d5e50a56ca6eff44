"""التحالف stands for the coalition the article means, and الحوثية is the Houthis' adjective
(real ANT sentences from BBC and Sky News)."""

from marsad.components.actors import lexicon, resolve_document
from marsad.core.types import Article
from marsad.text import analyze

YEMEN = ("قُتل قادة حوثيون في غارات شنتها طائرات التحالف بقيادة السعودية بالعاصمة اليمنية، "
         "حسب وسائل إعلام سعودية.")
WEDDING = ("وجاء مقتل الصماد بعد ساعات من إعلان مسؤولين يمنيين أن عشرات الأشخاص قد قتلوا وجرحوا في غارة "
           "جوية لطائرات التحالف على حفل زفاف في اليمن.")
SYRIA = "أعلن التحالف الدولي ضد تنظيم داعش أنه نفذ غارات في سوريا. وقال التحالف إن الغارات دمرت مواقع للتنظيم."
HOUTHI = ("ذكر المتحدث باسم التحالف، في مؤتمر صحفي، أن \"الميليشيات الحوثية أطلقت 95 صاروخا باليستيا "
          "باتجاه المملكة\".")


def _codes(text: str) -> dict[str, str]:
    doc = analyze(Article(id="c", text=text))
    return {am.text: am.actor.code for am in resolve_document(lexicon(), doc)}


def test_the_coalition_in_yemen_news_is_saudi_led():
    assert _codes(YEMEN).get("طائرات التحالف") == "SAUMIL"
    assert _codes(WEDDING).get("لطائرات التحالف", _codes(WEDDING).get("طائرات التحالف")) == "SAUMIL"


def test_a_named_coalition_is_referred_to_and_none_is_guessed():
    assert _codes(SYRIA).get("التحالف") == "IGOMIL"
    assert "التحالف" not in _codes("قال المتحدث باسم التحالف إن الغارات دمرت مواقع.")


def test_houthi_adjective():
    assert _codes(HOUTHI).get("الميليشيات الحوثية", "")[:3] == "YEM"


def test_a_terrorist_adjective_qualifies_the_attack():
    # ANT (Sky News, 2018): الإرهابي describes the attack; nobody named الإرهابي acts here
    text = ("وقال المتحدث إن \"المملكة العربية السعودية تدين بأقوى العبارات هذا الهجوم الإرهابي على ناقلة نفط "
            "سعودية\".")
    assert "الإرهابي" not in _codes(text)
    assert _codes("وقتل الإرهابي في اشتباك مع قوات الأمن.").get("الإرهابي") == "REB"  # a noun here
