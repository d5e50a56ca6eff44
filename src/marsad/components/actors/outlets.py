"""The country of a national news outlet, from the article's ``source`` or its web address.

A national outlet's bare titles and institutions (الوزير, وزارة الداخلية, الجيش) are its own
country's unless the article names another; pan-Arab and international outlets are never given a
country. The outlets are listed in ``resources/outlets/outlets.tsv``; an address under a national
country-code domain (``.sa``, ``.eg``, ...) names its country too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from marsad.core.types import Article
from marsad.resources import read_text
from marsad.text.normalize import norm_word

# country-code top-level domains of the region: a site under one is a national outlet
NATIONAL_DOMAINS = {
    "sa": "SAU", "eg": "EGY", "ae": "ARE", "kw": "KWT", "qa": "QAT", "bh": "BHR", "om": "OMN",
    "jo": "JOR", "lb": "LBN", "iq": "IRQ", "sy": "SYR", "ps": "PSE", "ye": "YEM", "ma": "MAR",
    "dz": "DZA", "tn": "TUN", "ly": "LBY", "sd": "SDN", "mr": "MRT",
}
_NOT_KEY = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=1)
def outlets() -> dict[str, str]:
    """Outlet key -> ISO-3 country."""
    out = {}
    for line in read_text("outlets", "outlets.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            key, country = line.split("\t")[:2]
            out[outlet_key(key.strip())] = country.strip()
    return out


_KIND_WORDS = frozenset({"صحيفه", "جريده", "وكاله", "موقع", "قناه"})  # صحيفة عكاظ is عكاظ


def outlet_key(name: str) -> str:
    """``Al-Riyadh`` -> ``alriyadh``; an Arabic name without its kind (صحيفة عكاظ -> عكاظ), folded."""
    if any("\u0600" <= ch <= "\u06ff" for ch in name):
        words = [norm_word(w) for w in re.findall(r"[\u0600-\u06ff]+", name)]
        return "".join(w for w in words if w not in _KIND_WORDS)
    return _NOT_KEY.sub("", name.lower())


def outlet_country(article: Article) -> str | None:
    """The country of the article's outlet when it is a national one, else None."""
    table = outlets()
    if article.source and (country := table.get(outlet_key(article.source))):
        return country
    try:
        host = urlsplit(article.url or "").hostname or ""
    except ValueError:  # "http://[abc": a malformed address names no outlet
        return None
    labels = [x for x in host.lower().split(".") if x and x != "www"]
    if not labels:
        return None
    if labels[-1] in NATIONAL_DOMAINS:
        return NATIONAL_DOMAINS[labels[-1]]
    return table.get(outlet_key(labels[0]))


__all__ = ["NATIONAL_DOMAINS", "outlet_country", "outlet_key", "outlets"]
