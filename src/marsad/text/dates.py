"""Date expressions in article bodies, resolved against the publication date.

``find_dates(text, published)`` returns :class:`~marsad.core.types.DateExpr` spans of ``text``
(offsets index the original text; matching runs on the normalised text, so diacritics,
tatweel, Arabic-Indic digits and alef/ى/ة spellings do not matter). Each has a value, a
precision (day, month, year) and a kind:

* ``absolute``: ``15 مارس 2012``, ``الأول من مايو 2018``, ``22/05/2014``, ``23 رجب 1435 هـ``
  (tabular Hijri, see :mod:`marsad.text.caltables`; ``العاشر من رمضان`` without a year: the
  nearest to publication; صفر only after من/شهر, since "3 صفر" is a score), and
  ``في 15 مارس الماضي`` (a day and
  month without a year: the year comes from the publication date; الماضي = on or before it,
  المقبل = on or after, no marker = the nearest);
* ``month``: ``مارس/آذار 2017``, ``شهر يناير من هذا العام``, ``يناير الماضي`` (strictly
  before the publication month), ``شهر يناير`` (nearest); the value is the first of the month;
* ``year``: ``عام 2012``, ``في 2012`` (a bare year after في, منذ, حتى, خلال ... counts only
  before punctuation, the end, و or an era mark, since "في 2000 مدينة" is a count); the
  value is 1 January;
* ``relative``: ``اليوم`` (``اليوم "الخميس"``, ``اليوم الخميس``), ``أمس``, ``أول أمس``,
  ``غدا``, ``بعد غد``, ``15 من الشهر الجاري`` (day; a weekday named with them, as in
  ``اليوم الأربعاء``, wins over the publication date by up to two days); ``الشهر الماضي`` (month); ``العام الماضي``, ``هذا العام``,
  ``منذ عامين``, ``قبل ثلاثة أعوام`` (year); ``منذ شهرين`` (month); ``منذ ثلاثة أيام`` (day).
  Weeks (``الأسبوع الماضي``, ``منذ أسبوعين``) have no precision of their own: they resolve to
  the month that holds the Thursday of that week, with precision "month" (ISO's rule for
  the month a week belongs to), rather than to a day the text does not give;
* ``weekday``: ``يوم الاثنين``, ``الخميس``, ``مساء الجمعة`` -> the nearest such day on or
  before publication; with الماضي strictly before (1-7 days); with المقبل/القادم after
  (1-7 days); after a future cue in the same sentence (``من المقرر``, ``سوف``, see
  ``resources/calendar/future_cues.tsv``) the nearest on or after publication. الأحد, الاثنين and الجمعة are also common words and count only after يوم,
  صباح, مساء, ليلة ... or before a marker.

A day and month without a year after a name head (``ثورة 25 يناير``, ``مدينة 6 أكتوبر``, see
``resources/calendar/name_heads.tsv``) is a name, not a date.
``اليوم`` followed by another ال-word (``اليوم العالمي``, ``اليوم السابع``) or after نفس/ذات/ذلك/مدار/طوال
is not today (nor after هذا: "في مثل هذا اليوم"). Without a publication date, every
expression that needs one has value None.
The dateline functions live in :mod:`marsad.text.datelines` and are re-exported here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from marsad.core.types import DateExpr, NormText
from marsad.text import dateres as R
from marsad.text.caltables import (
    alternation,
    markers,
    month_names,
    number_words,
    ordinals,
    relative_days,
    units,
    weekdays,
)
from marsad.text.datelines import looks_like_dateline, parse_dateline
from marsad.text.normalize import normalize, to_original

__all__ = ["find_dates", "looks_like_dateline", "parse_dateline"]

# Start of a word, or right after one attached clitic و ف ب ل (U+0648 U+0641 U+0628 U+0644),
# which stays outside the span: "وأمس", "بعام 2012", "لشهر يناير".
_START = r"(?:(?<!\w)|(?<=(?<!\w)[\u0648\u0641\u0628\u0644]))"

_WORD = re.compile(r"\w+")
_CLITICS = "\u0648\u0641\u0628\u0644"  # و ف ب ل
# Small closed word lists of the grammar (normalised spelling), not calendar data.
_YEAR_WORDS = ("عام", "العام", "سنه", "السنه", "عامي")
_YEAR_PREPS = ("في", "منذ", "حتي", "خلال", "مطلع", "اوائل", "اواخر", "اواسط", "منتصف", "نهايه", "بدايه", "مع")
_PERIOD_FIRST = ("هذا", "هذه", "العام", "السنه", "الشهر", "الاسبوع")
_DAY_PARTS = ("يوم", "صباح", "مساء", "ليله", "فجر", "ظهر", "عصر", "نهار")
# Anchors besides numbers, markers and weekdays, with how many words before them an
# expression may start: "شهر يناير من هذا العام" (4), "هذا الشهر" (1), "أول أمس" (1).
_AL_ANCHORS = ((("اليوم", "الامس", "البارحه"), 0), (("الاسبوع", "الشهر"), 1), (("العام", "السنه"), 4))
_PLAIN_ANCHORS = (("امس", 1), ("غد", 1), ("منذ", 0), ("قبل", 0), ("شهر", 0), ("ميلادي", 3))  # عام 284 ميلاديا

Resolver = Callable[[re.Match[str], date | None], tuple[date | None, str, str] | None]


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    first: frozenset[str]  # words a match can start with; "#" for a number


def find_dates(text: str, published: datetime | None, norm: NormText | None = None) -> list[DateExpr]:
    """Date expressions in ``text``, resolved against ``published`` (its local date).

    ``norm`` is ``normalize(text)`` when the caller already has it (``analyze`` does).
    """
    if norm is None:
        norm = normalize(text)
    pub = published.date() if published is not None else None
    rules = _rules()
    taken: list[tuple[int, int]] = []
    found: list[DateExpr] = []
    for idx, m in sorted(_candidates(norm.text), key=lambda c: (c[0], c[1].start())):
        rule = rules[idx]
        a, b = m.span("x") if "x" in rule.pattern.groupindex else m.span()
        if any(a < tb and ta < b for ta, tb in taken):
            continue
        resolved = rule.resolve(m, pub)
        if resolved is None:
            continue
        taken.append((a, b))
        start, end = to_original(norm, a, b)
        found.append(DateExpr(start, end, text[start:end], *resolved))
    return sorted(found, key=lambda d: d.start)


def _candidates(nt: str) -> list[tuple[int, re.Match[str]]]:
    """(rule index, match) for every rule that matches at a word start near an anchor.

    Every date expression holds an anchor (a number, one of a few ال-words, امس, غد, منذ,
    قبل, شهر) that fast literal or charset scans find; rules are then tried only at the
    starts of the anchor's word and of the five words before it, picked by their first word.
    """
    rules = _rules()
    tried: set[int] = set()
    out: list[tuple[int, re.Match[str]]] = []
    for end, back, start in _anchor_points(nt):
        if back == 0 and start >= 0:
            starts = [start]
        else:
            lo = max(0, end - 14 * back - 24)
            starts = [w.start() for w in _WORD.finditer(nt, lo, end)][-(back + 1):]
        for s in starts:
            word = _WORD.match(nt, s).group()  # type: ignore[union-attr]
            for pos, idxs in _dispatch(s, word):
                if pos in tried:
                    continue
                tried.add(pos)
                out.extend((i, m) for i in idxs if (m := rules[i].pattern.match(nt, pos)))
    return out


def _anchor_points(nt: str) -> list[tuple[int, int, int]]:
    """(end of an anchor, how many words before it a date expression may start, start of
    the anchor's word or -1 when not known).

    Numbers of three or five and more digits are not anchors; a plain literal counts only at
    the start of a word or after one clitic (not غد in بغداد, not قبل in المقبل).
    """
    digits, al, al_back, plain = _anchors()
    points = []
    for m in digits.finditer(nt):
        if m.end() - m.start() == 4:
            points.append((m.end(), 5, -1))
        else:
            points.append((m.end(), 0, m.start()))
    points.extend((m.end(), al_back[m.group()], -1) for m in al.finditer(nt))
    for pattern, back in plain:
        for m in pattern.finditer(nt):
            ws = _word_start(nt, m.start())
            if ws >= 0:
                points.append((m.end(), back, ws))
    return points


def _word_start(nt: str, i: int) -> int:
    """The start of the word when ``i`` begins it or follows one clitic, else -1."""
    if i == 0 or not nt[i - 1].isalnum():
        return i
    if nt[i - 1] in _CLITICS and (i == 1 or not nt[i - 2].isalnum()):
        return i - 1
    return -1


def _dispatch(s: int, word: str) -> list[tuple[int, list[int]]]:
    """Start positions with the rules that may match there: the word, or after its clitic."""
    first = _first_words()
    if word[0].isdigit():
        return [(s, first["#"])]
    out = [(s, first[word])] if word in first else []
    if len(word) > 2 and word[0] in _CLITICS and word[1:] in first:
        out.append((s + 1, first[word[1:]]))
    return out


@lru_cache(maxsize=1)
def _first_words() -> dict[str, list[int]]:
    table: dict[str, list[int]] = {}
    for i, rule in enumerate(_rules()):
        for w in rule.first:
            table.setdefault(w, []).append(i)
    return table


@lru_cache(maxsize=1)
def _anchors() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int], list[tuple[re.Pattern[str], int]]]:
    """Fast scans (a charset for digits, the literal prefix ال, plain literals), each with how
    many words before the anchor an expression may start ("يوم الاثنين الماضي": 2)."""
    al_back = {w: back for words, back in _AL_ANCHORS for w in words}
    al_back.update({w: 3 for w in markers()})  # "تشرين الثاني/نوفمبر المقبل"
    al_back.update({w: 1 for w in weekdays() if w.startswith("ال")})  # "يوم الاثنين"
    al_back.update({w.split()[0]: 0 for w in ordinals()})  # "الأول من مايو"
    al = re.compile("\u0627\u0644(?:" + alternation(w[2:] for w in al_back) + r")(?!\w)")  # ال + stem
    plain = [(re.compile(w), back) for w, back in _PLAIN_ANCHORS]
    # Runs of 1, 2 or 4 digits: a digit not after a digit, then one more, three more or none,
    # and no digit after (the charset comes first, so the scan is fast).
    numbers = re.compile(r"\d(?<!\d\d)(?:\d(?!\d)|\d{3}(?!\d)|(?!\d))")
    return numbers, al, al_back, plain


@lru_cache(maxsize=1)
def _rules() -> list[_Rule]:
    """The patterns, fullest first; a later match that overlaps an earlier one is dropped."""
    p = _pieces()
    digit = frozenset({"#"})
    day_start = digit | {n.split()[0] for n in ordinals()}
    month_first = frozenset({"شهر", "شهري"} | {n.split()[0] for n in month_names("gregorian")})
    hijri_first = frozenset({"شهر", "شهري"} | {n.split()[0] for n in month_names("hijri")})
    day_first = frozenset(n.split()[0] for n in relative_days())
    weekday_first = frozenset(_DAY_PARTS) | frozenset(n.split()[0] for n in weekdays())
    return [
        _Rule("full", re.compile(rf"{p['day_num']}\s*{p['of_month']}{p['greg']}{p['of_year']}"),
              R.full, day_start),
        _Rule("hijri", re.compile(rf"{p['day_num']}\s*{p['of_month']}{p['hij']}{p['hij_year']}"),
              R.hijri, day_start),
        _Rule("numeric", re.compile(R.NUMERIC), R.numeric, digit),
        _Rule("hijri_daymonth", re.compile(rf"{p['day_num']}\s*(?P<of>من\s+|شهر\s+)?(?:شهر\s+)?{p['hij']}"
                                           rf"(?!\s*,?\s*\d)"), R.hijri_day_month, day_start),
        _Rule("daymonth", re.compile(rf"{p['day_num']}\s*{p['of_month']}{p['greg']}{p['marker']}"),
              R.day_month, day_start),
        _Rule("day_of_month", re.compile(rf"{p['day_num']}{p['of_this_month']}"), R.day_of_month, day_start),
        _Rule("range_start", re.compile(rf"(?<!\d)(?P<x>(?P<d>\d{{1,2}}))\s*{p['range_to']}{p['greg']}"
                                        rf"(?:{p['of_year']}|{p['marker']})"), R.range_start, digit),
        _Rule("monthyear", re.compile(rf"{_START}{p['month_word']}{p['greg']}{p['of_year']}"),
              R.month_year, month_first),
        _Rule("hijri_month", re.compile(rf"{_START}{p['month_word']}{p['hij']}{p['hij_year']}"),
              R.hijri_month, hijri_first),
        _Rule("monthrel", re.compile(rf"{_START}{p['month_word']}{p['greg']}{p['month_rel']}"),
              R.month_rel, month_first),
        _Rule("year", re.compile(rf"{_START}(?:{alternation(_YEAR_WORDS)})\s+(?P<y>\d{{3,4}})(?!\d)"),
              R.year, frozenset(_YEAR_WORDS)),
        _Rule("bare_year", re.compile(p["bare_year"]), R.year, frozenset(_YEAR_PREPS)),
        _Rule("period", re.compile(p["period"]), R.period, frozenset(_PERIOD_FIRST)),
        _Rule("ago", re.compile(p["ago"]), R.ago, frozenset({"منذ", "قبل"})),
        _Rule("day", re.compile(p["day"]), R.rel_day, day_first),
        _Rule("weekday", re.compile(p["weekday"]), R.weekday, weekday_first),
    ]


@lru_cache(maxsize=1)
def _pieces() -> dict[str, str]:
    """Regex pieces built from the calendar tables (all on normalised text)."""
    greg = alternation(month_names("gregorian"))
    hij = alternation(month_names("hijri"))
    mk = alternation(markers())
    wd = alternation(weekdays())
    q = "[\"'\u00ab\u00bb\u201c\u201d]?"  # optional quote: " ' « » “ ” (U+00AB U+00BB U+201C U+201D)
    rel_year = r"هذا\s+العام|هذه\s+السنه|العام\s+(?:" + mk + r")|السنه\s+(?:" + mk + ")"
    return {
        "greg": rf"(?P<m>{greg})(?:\s*[/(\-]?\s*(?:{greg})(?:\s*\))?)?(?!\w)",
        "hij": rf"(?P<m>{hij})(?!\w)",
        "of_month": r"(?:من\s+)?(?:شهر\s+)?",
        "of_this_month": rf"\s+من\s+(?:(?P<this>هذا)\s+)?الشهر(?:\s+(?P<mk>{mk}))?(?!\w)",
        "range_to": r"(?:-|\u2013|الي|حتي|و)\s*(?P<d2>\d{1,2})\s*(?:من\s+)?(?:شهر\s+)?",  # - – إلى حتى و
        "day_num": rf"(?:(?<!\d)(?P<d>\d{{1,2}})|(?<!\w)(?P<o>{alternation(ordinals())}))",
        "of_year": r"\s*,?\s*(?:من\s+)?(?:عام\s+|العام\s+|سنه\s+)?(?P<y>\d{4})(?!\d)",
        "hij_year": r"\s*,?\s*(?P<y>1[3-5]\d\d)(?!\d)(?:\s*(?:هـ|ه|للهجره|هجريه|هجري)(?!\w))?",
        "marker": rf"(?:\s+(?P<mk>{mk}))?(?!\w)",
        "month_word": r"(?:(?P<sh>شهر|شهري)\s+)?",
        "month_rel": rf"(?:\s+(?P<mk>{mk})|\s+من\s+(?P<yr>{rel_year}))?(?!\w)",
        "bare_year": _START + rf"(?:{alternation(_YEAR_PREPS)})\s+"
        r"(?P<x>(?P<y>(?:19|20)\d\d))(?=\s*(?:[^\w\s]|$|و|م(?!\w)))",
        "period": rf"{_START}(?:(?P<this>هذا|هذه)\s+)?(?P<u>{alternation(_PERIOD_FIRST[2:])})"
        rf"(?:\s+(?P<mk>{mk}))?(?!\w)",
        "ago": rf"{_START}(?:منذ|قبل)\s+(?:(?P<n>\d{{1,3}}|{alternation(number_words())})\s+)?"
        rf"(?P<u>{alternation(u for u in units() if not u.startswith('ال'))})(?!\w)"
        rf"(?!\s*\d|\s+من(?!\w)|\s+(?:{greg}|{hij})(?!\w))",  # not "منذ عام 2012", "قبل شهر رمضان"
        "day": rf"{_START}(?P<x>(?P<rel>{alternation(relative_days())})"
        rf"(?:\s+(?:يوم\s+)?{q}(?P<wd>{wd}){q})?)(?!\w)",
        "weekday": rf"{_START}(?:(?P<pre>{alternation(_DAY_PARTS)})\s+)?{q}(?P<wd>{wd}){q}"
        rf"(?:\s+(?P<mk>{mk}))?(?!\w)",
    }
