"""Duplicates at the level of the corpus: near-duplicate articles and events reported twice.

**Near-duplicate articles** (syndicated copies, updated versions). Each article gets a
MinHash signature (datasketch, 64 permutations, seed 1, CRC-32) over the word 3-grams of
``normalize_text(text)``, cut into 16 bands of 4 rows; each band's hash is stored in
``article_bands``. Two articles sharing a band hash are candidates; a candidate pair is a
duplicate when the signatures agree on at least ``THRESHOLD`` (0.6) of their positions (the
estimated Jaccard similarity of their 3-gram sets) and, when both dates are known, the two
were published at most ``MAX_DAYS`` (3) days apart: a story from September that repeats the
background paragraphs of one from May is a new story, not a copy. Clusters are the connected components of
the duplicate pairs; a cluster is named by its smallest article id. Signatures depend only
on the article, and components only on the set of pairs, so the clusters are the same
whatever the order or partitioning of the input.

**The same event in several articles** (GDELT's events and mentions). Every coded event is
an *event mention*; mentions with the same *merge key* are one event. The key is:

* the event's date at its precision (``2014-05-22``, ``2014-05``, ``2014``), or the article's
  publication day when the event has no date (when neither is known, the article id, so such
  events never merge across articles);
* the CAMEO code;
* the source and the target actor (actor id, else actor code); when either is unidentified
  (missing, or a bare agent such as ``:GOV``), the article id too, so that such events merge
  only within their article;
* the country of the event's place (empty when unknown);
* the modality that changes what happened: negated, hypothetical, future.

The merge starts from *article events*, not single mentions: the coder's article assembly
gives every mention of one event in one article the same ``event_id`` (the id of its first
mention), and the mentions with the same article and ``event_id`` (``article_event_id`` in the
store) always go to the same corpus event, the one of the key of the article event's
representative mention: its most confident one (the smallest id among equals). The key of
a mention that lacks a role its article event has elsewhere is therefore never used alone.

The event's id is a hash of the key; its fields are those of its representative mention,
the most confident of all its mentions (the smallest id among equals), which is also the
representative of its article event; ``num_mentions``, ``num_articles`` and ``num_sources``
count its mentions (one per sentence that reports it), their articles and their outlets. All of
this is a function of the set of mentions, so the events are the same whatever the order or
partitioning of the input.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from marsad.core.errors import require

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.6
MAX_DAYS = 3  # copies and updated versions appear within days; shared background text does not make one
SEED = 1
_WORD = re.compile(r"\w+")  # letters and digits of any script


def shingles(norm: str, n: int = 3) -> list[bytes]:
    """Word ``n``-grams of an already normalised text."""
    words = _WORD.findall(norm)
    if len(words) < n:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + n]).encode() for i in range(len(words) - n + 1)]


@lru_cache(maxsize=1)
def _template() -> Any:
    """An empty MinHash (building the permutations once, not per article)."""
    datasketch = require("datasketch", "store")
    return datasketch.MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32)


def signature(norm: str) -> Any:
    """The MinHash signature (numpy uint64 array) of a normalised text; None without words.

    Shingles are hashed with CRC-32 (deterministic, fast); MinHash's random permutations
    then spread the values.
    """
    grams = shingles(norm)
    if not grams:
        return None
    mh = _template().copy()
    mh.update_batch(grams)
    return mh.hashvalues


def band_rows(article_id: str, sig: Any) -> list[dict[str, Any]]:
    rows = []
    for b in range(BANDS):
        chunk = sig[b * ROWS : (b + 1) * ROWS].astype("<u4").tobytes()
        rows.append({"article_id": article_id, "band": b,
                     "hash": hashlib.blake2b(chunk, digest_size=8).hexdigest()})
    return rows


def sig_bytes(sig: Any) -> bytes | None:
    """A signature as bytes (MinHash values are below 2**32: little-endian uint32)."""
    return None if sig is None else sig.astype("<u4").tobytes()


def sig_array(blob: bytes) -> Any:
    import numpy as np

    return np.frombuffer(blob, dtype="<u4")


def similarity(a: bytes, b: bytes) -> float:
    import numpy as np

    x, y = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
    return float(np.mean(x == y)) if len(x) == len(y) and len(x) else 0.0


def is_duplicate(sim: float, pub_a: datetime | None, pub_b: datetime | None,
                 threshold: float = THRESHOLD) -> bool:
    """The rule for one candidate pair (see the module's docstring)."""
    if sim < threshold:
        return False
    if pub_a is None or pub_b is None:
        return True
    return abs((pub_a - pub_b).total_seconds()) <= MAX_DAYS * 86400


# -- events ---------------------------------------------------------------------------------

def _date_key(row: dict[str, Any]) -> str:
    d, prec = row.get("date"), row.get("date_precision") or "day"
    if d is not None:
        iso = d.isoformat()
        return iso[:4] if prec == "year" else iso[:7] if prec == "month" else iso[:10]
    pub = row.get("published")
    if isinstance(pub, datetime):
        return pub.date().isoformat()
    return "article:" + str(row["article_id"])


def _actor_key(row: dict[str, Any], side: str) -> str:
    """The actor id, else its code; empty when unidentified (none, or a bare agent such as ``:GOV``)."""
    for f in ("actor_id", "code"):
        value = row.get(f"{side}_{f}")
        if value and not str(value).startswith(":"):
            return str(value)
    return ""


def merge_key(row: dict[str, Any]) -> str:
    """The key under which event mentions are one event (see the module's docstring)."""
    flags = "".join(c for c, f in (("n", "negated"), ("h", "hypothetical"), ("f", "future")) if row.get(f))
    source, target = _actor_key(row, "source"), _actor_key(row, "target")
    parts = [_date_key(row), row.get("cameo") or "", source, target, row.get("place_country") or "", flags]
    if not (source and target):  # "someone attacked Yemen on 9 June" is not one event across articles
        parts.insert(0, "article:" + str(row["article_id"]))
    return "|".join(parts)


def event_id(key: str) -> str:
    return "ev-" + hashlib.sha256(key.encode()).hexdigest()[:24]


def _rank(m: dict[str, Any]) -> tuple[float, str]:
    conf = m.get("confidence")
    return (-float(conf) if conf is not None else 0.0, str(m["id"]))


def representative(mentions: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The most confident mention (the smallest id among equals)."""
    return min(mentions, key=_rank)


def article_event_of(row: dict[str, Any]) -> tuple[str, str]:
    """(article id, article event id) of a mention row; a mention without one is its own event."""
    return str(row["article_id"]), str(row.get("article_event_id") or row["id"])


def article_event_keys(mentions: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Mention id -> merge key, one key per article event: its representative's."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for m in mentions:
        groups.setdefault(article_event_of(m), []).append(m)
    out: dict[str, str] = {}
    for ms in groups.values():
        key = merge_key(representative(ms))
        out.update((str(m["id"]), key) for m in ms)
    return out


def merged_event(key: str, mentions: Sequence[dict[str, Any]], columns: Iterable[str]) -> dict[str, Any]:
    """The ``events`` row for one key from all its mention rows."""
    rep = representative(mentions)
    row = {c: rep.get(c) for c in columns}
    pubs = [m["published"] for m in mentions if m.get("published")]
    row.update(
        id=event_id(key), merge_key=key, mention_id=rep["id"], num_mentions=len(mentions),
        num_articles=len({m["article_id"] for m in mentions}),
        num_sources=max(1, len({m["source"] for m in mentions if m.get("source")})),
        first_published=min(pubs) if pubs else None,
    )
    return row


# -- article clusters -------------------------------------------------------------------------

def components(pairs: Iterable[tuple[str, str, float]]) -> dict[str, tuple[str, int, float]]:
    """Connected components: article id -> (cluster id = smallest id, size, best similarity)."""
    parent: dict[str, str] = {}
    best: dict[str, float] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, sim in pairs:
        best[a], best[b] = max(best.get(a, 0.0), sim), max(best.get(b, 0.0), sim)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    out = {}
    for members in groups.values():
        cid = min(members)
        for m in members:
            out[m] = (cid, len(members), best[m])
    return out
