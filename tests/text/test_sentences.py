"""Sentence splitting: cases from news, the seed article, and the coverage invariant."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.text.sentences import split_sentences

INVISIBLE = set("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff")


def texts(s: str) -> list[str]:
    return [x.text for x in split_sentences(s)]


def check_cover(text: str) -> None:
    """Spans are trimmed, index ``text``, are in order, and cover every visible character once."""
    sents = split_sentences(text)
    covered = [False] * len(text)
    prev_end = 0
    for i, s in enumerate(sents):
        assert s.index == i
        assert prev_end <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text and s.text[0] not in INVISIBLE and s.text[-1] not in INVISIBLE
        covered[s.start:s.end] = [True] * (s.end - s.start)
        prev_end = s.end
    assert all(covered[i] or ch.isspace() or ch in INVISIBLE for i, ch in enumerate(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال إنه وصل. وأضاف أنه سيغادر.", ["قال إنه وصل.", "وأضاف أنه سيغادر."]),
        ("هل وصل؟ نعم! وصل.", ["هل وصل؟", "نعم!", "وصل."]),
        ("ماذا؟! لا أعرف", ["ماذا؟!", "لا أعرف"]),
        ("بلغ النمو 3.5 بالمئة. وقال", ["بلغ النمو 3.5 بالمئة.", "وقال"]),
        ("بلغ النمو ٣٫٥ بالمئة. وقال", ["بلغ النمو ٣٫٥ بالمئة.", "وقال"]),
        ("في 22.05.2014 وقع الحادث. ثم", ["في 22.05.2014 وقع الحادث.", "ثم"]),
        ("قال د. محمد إن م. أحمد وصل. ثم", ["قال د. محمد إن م. أحمد وصل.", "ثم"]),
        ("انظر ص. 15 من التقرير. ثم", ["انظر ص. 15 من التقرير.", "ثم"]),
        ("قال أ.د. علي إنه وصل.", ["قال أ.د. علي إنه وصل."]),
        ("U.S. officials met Mr. Smith. They left.", ["U.S. officials met Mr. Smith.", "They left."]),
        ("apples, pears etc. and more. Then", ["apples, pears etc. and more.", "Then"]),
        ('قال: «انتهى الأمر.» وغادر.', ['قال: «انتهى الأمر.»', "وغادر."]),
        ('قال "انتهى الأمر." وغادر.', ['قال "انتهى الأمر."', "وغادر."]),
        ('قال " إنه ملائم . " . وأضاف', ['قال " إنه ملائم . " .', "وأضاف"]),
        ("والازدهار؟ .\nما هذه", ["والازدهار؟ .", "ما هذه"]),
        ('قال (وهو يبتسم.) ثم', ["قال (وهو يبتسم.)", "ثم"]),
        ("عبر تويتر.بعد الجدل", ["عبر تويتر.", "بعد الجدل"]),
        ('لسلطات بلاده.. إن وزارة الخارجية', ["لسلطات بلاده..", "إن وزارة الخارجية"]),
        ("قال... ثم سكت… وغادر.", ["قال...", "ثم سكت…", "وغادر."]),
        ('"...بتقووني" قالت', ['"...بتقووني" قالت']),
        ("الوقت المناسب...هذه الدعوى", ["الوقت المناسب...هذه الدعوى"]),
        ("على لبنان و... بعد «الربيع العربي»", ["على لبنان و... بعد «الربيع العربي»"]),
        ("يحرز الأهداف؟!.. وإذا كان", ["يحرز الأهداف؟!..", "وإذا كان"]),
        ("وقع في عام 1990 م. وقال", ["وقع في عام 1990 م.", "وقال"]),
        ("البنود:\n1. الأمن\n2. الاقتصاد\n١٠. التعليم", ["البنود:", "1. الأمن", "2. الاقتصاد", "١٠. التعليم"]),
        ("16. إيذاء النفس. 17. الذهاب إلى السقف.", ["16. إيذاء النفس.", "17. الذهاب إلى السقف."]),
        ("بلغ عددهم 17. وقال", ["بلغ عددهم 17.", "وقال"]),
        ("عنوان بلا نقطة\nنص الخبر هنا.", ["عنوان بلا نقطة", "نص الخبر هنا."]),
        ("سطر أول\r\n\r\n  سطر ثان  ", ["سطر أول", "سطر ثان"]),
        ("زيارة www.example.com اليوم.", ["زيارة www.example.com اليوم."]),
        ("وقال لشبكة سي. إن. إن. الأمريكية إنه وصل. ثم", ["وقال لشبكة سي. إن. إن. الأمريكية إنه وصل.", "ثم"]),
        ('وقالت "سي.إن.بي.سي" إن الرئيس وصل. ثم', ['وقالت "سي.إن.بي.سي" إن الرئيس وصل.', "ثم"]),
        ("أطفالهم. \u200f\nومن وسط", ["أطفالهم.", "ومن وسط"]),
        ("\ufeffالعنوان\u200f", ["العنوان"]),
        ("نقلا عن موقع العربية.نت اليوم. وقال", ["نقلا عن موقع العربية.نت اليوم.", "وقال"]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_split_cases(text: str, expected: list[str]) -> None:
    assert texts(text) == expected
    check_cover(text)


def test_seed_sentences(seed_text: str) -> None:
    sents = split_sentences(seed_text)
    assert len(sents) == 13  # 11 body sentences, the headline line, the dateline line
    assert sents[4].text.startswith("وأوضح الأمين العام للمنظمة - فى بيان وزعته المنظمة اليوم")
    assert 'اليوم "الخميس"' in sents[4].text
    assert sents[7].text.endswith("فى جنيف عام 2012.")
    assert sents[10].text.endswith('على نحو ملائم " .')
    assert sents[11].text == "منظمة التعاون الإسلامى تبحث مع الأمم المتحدة سبل تعزيز التعاون الثنائى"
    assert sents[12].text == "الخميس، 22 مايو 2014 07:14 م"
    check_cover(seed_text)


_ALPHABET = st.sampled_from(
    list("ابتدمصوقلن abcUS0123٣٫.!?؟۔…\"'«»“”()\n\r\t ")
    + ["\u00a0", "\u2028", "\u0640", "\u064e", "\u200f", "\ufeff", "سي", "إن", "نت"]
)


@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_cover_property(text: str) -> None:
    check_cover(text)


@given(st.text(max_size=200))
def test_cover_property_any_text(text: str) -> None:
    check_cover(text)


@pytest.mark.slow
def test_cover_on_ant(ant_path: Path) -> None:
    """The coverage invariant on the <TEXT> of the first 3,000 ANT articles."""
    import re
    import tarfile

    body = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
    seen = 0
    with tarfile.open(ant_path, "r|gz") as tar:
        for member in tar:
            f = tar.extractfile(member) if member.isfile() and member.name.endswith(".txt") else None
            m = body.search(f.read().decode("utf-8", "replace")) if f else None
            if m:
                check_cover(m.group(1))
                seen += 1
            if seen == 3000:
                break
    assert seen == 3000
