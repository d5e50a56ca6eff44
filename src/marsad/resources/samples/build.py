"""Rebuild ``ant-sample.jsonl.gz``: a fixed, seeded sample of the ANT v2.1 corpus and the seed article.

Run from the repository root::

    python src/marsad/resources/samples/build.py ../shared/data/corpus/ant-v2.1-multisource.tar.gz \
        ../shared/seed/000_cf51298b20422178.txt

ANT v2.1 is Apache-2.0 (antcorpus/antcorpus.multisource.data @ f117ce4) with a citation request; the
articles belong to their outlets. The sample is 85% middleEast/internationalNews and 15% other
categories (so the dashboard also shows how little sport and culture news yields).
"""

from __future__ import annotations

import gzip
import html
import json
import random
import re
import sys
import tarfile
from email.utils import parsedate_to_datetime
from pathlib import Path

SEED = 20180215
N_NEWS = 255  # middleEast + internationalNews
N_OTHER = 45  # economy, culture, sport, technology
OUT = Path(__file__).with_name("ant-sample.jsonl.gz")
_FIELD = re.compile(r"<(DOCNO|URL|SRC|CAT|TITLE|TIME|AUTHOR|TEXT)>(.*?)</\1>", re.S)


def parse_trec(raw: str) -> dict[str, str]:
    """The fields of one ANT file, tolerant of the corpus's malformed XML."""
    return {k: html.unescape(v.strip()) for k, v in _FIELD.findall(raw)}


def to_record(fields: dict[str, str]) -> dict[str, object] | None:
    if not fields.get("TEXT") or "DOCNO" not in fields:
        return None
    try:
        published = parsedate_to_datetime(fields["TIME"]).isoformat()
    except (KeyError, TypeError, ValueError):
        published = None
    return {
        "id": fields["DOCNO"], "title": fields.get("TITLE"), "published": published,
        "source": fields.get("SRC"), "url": fields.get("URL"), "category": fields.get("CAT"),
        "dateline": fields.get("AUTHOR"), "text": fields["TEXT"],
    }


def sample_members(tar: tarfile.TarFile) -> list[tarfile.TarInfo]:
    files = sorted((m for m in tar.getmembers() if m.isfile() and m.name.endswith(".txt")), key=lambda m: m.name)
    news = [m for m in files if "/middleEast/" in m.name or "/internationalNews/" in m.name]
    other = [m for m in files if m not in set(news) and m.name.count("/") >= 2]
    rng = random.Random(SEED)
    return sorted(rng.sample(news, N_NEWS) + rng.sample(other, N_OTHER), key=lambda m: m.name)


def seed_record(path: Path) -> dict[str, object]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return {
        "id": path.stem, "title": lines[-2].strip(), "published": "2014-05-22T19:14:00",
        "source": "youm7", "url": None, "category": "seed", "dateline": None,
        "text": "\n".join(lines[:-2]),
    }


def main(corpus: str, seed: str) -> None:
    records = [seed_record(Path(seed))]
    with tarfile.open(corpus) as tar:
        for member in sample_members(tar):
            handle = tar.extractfile(member)
            rec = to_record(parse_trec(handle.read().decode("utf-8", "replace"))) if handle else None
            if rec:
                records.append(rec)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(records)} articles -> {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main(*sys.argv[1:3])
