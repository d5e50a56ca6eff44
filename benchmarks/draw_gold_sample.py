"""Draw (and assemble) the random dev gold sample of ANT sentences for event coding.

Two sub-commands:

``draw``  reads the ANT archive, keeps the middleEast and internationalNews articles,
          splits their <TEXT> into sentences and draws N sentences uniformly at random
          (fixed seed) from the whole pool. Writes one JSON object a line.
``stats`` prints the counts per type of a built gold file.
``build`` merges the drawn sentences with the hand annotations (``*.ann`` file, format in
          data/gold/README.md) into the gold XML file.

Usage:
    python benchmarks/draw_gold_sample.py draw --out /tmp/draw.jsonl
    python benchmarks/draw_gold_sample.py build --draw /tmp/draw.jsonl \
        --ann data/gold/events-dev-ant.ann --out data/gold/events-dev-ant.xml
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tarfile
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path
from xml.sax.saxutils import quoteattr

SEED = 20261127
N_DRAW = 400
CATEGORIES = ("middleEast", "internationalNews")
MIN_WORDS = 4
MAX_WORDS = 120
REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", REPO / ".." / "shared"))
ARCHIVE = SHARED / "data" / "corpus" / "ant-v2.1-multisource.tar.gz"

# Sentence end: . ! ? or U+061F ARABIC QUESTION MARK, followed by whitespace.
_SENT_END = re.compile(r"(?<=[.!?\u061F])\s+")
# Arabic letters U+0621..U+064A.
_ARABIC = re.compile(r"[\u0621-\u064A]")


def _field(doc: str, tag: str) -> str:
    m = re.search(rf"<{tag}>(.*?)</{tag}>", doc, re.S)
    return m.group(1).strip() if m else ""


def _split(text: str) -> list[str]:
    """Split <TEXT> into sentences: per line, then at . ! ? U+061F followed by whitespace.

    Deliberately frozen (not marsad's splitter, which did not exist when the set was drawn
    and may change): the draw must stay reproducible.
    """
    out: list[str] = []
    for line in text.splitlines():
        out.extend(p.strip() for p in _SENT_END.split(line) if p.strip())
    return out


def _date(raw: str) -> str:
    try:
        return parsedate_to_datetime(raw).strftime("%Y%m%d")
    except (TypeError, ValueError):
        return ""


def iter_pool(archive: Path) -> Iterator[dict]:
    """Yield every eligible sentence of the pool, in a fixed (sorted) order."""
    with tarfile.open(archive) as tar:
        members = sorted(
            (m for m in tar.getmembers() if m.isfile() and m.name.endswith(".txt")),
            key=lambda m: m.name,
        )
        for m in members:
            parts = m.name.split("/")
            if len(parts) < 3 or parts[-2] not in CATEGORIES:
                continue
            doc = tar.extractfile(m).read().decode("utf-8", "replace")  # type: ignore[union-attr]
            docno, date = _field(doc, "DOCNO"), _date(_field(doc, "TIME"))
            for i, sent in enumerate(_split(_field(doc, "TEXT"))):
                n = len(sent.split())
                if MIN_WORDS <= n <= MAX_WORDS and _ARABIC.search(sent):
                    yield {"docno": docno, "date": date, "source": parts[-3],
                           "category": parts[-2], "sent_index": i, "text": sent}


def draw(archive: Path, n: int, seed: int) -> list[dict]:
    pool = list(iter_pool(archive))
    picked = random.Random(seed).sample(range(len(pool)), n)
    print(f"pool: {len(pool)} sentences; drew {n} with seed {seed}", file=sys.stderr)
    return [dict(pool[i], draw_rank=r) for r, i in enumerate(picked)]


def parse_ann(path: Path) -> dict[int, list[list[str]]]:
    """Read the annotation file: '#RANK' opens a sentence, 'E ...' lines are events."""
    ann: dict[int, list[list[str]]] = {}
    cur: int | None = None
    for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        if line.startswith("#"):
            cur = int(line[1:].split()[0])
            ann[cur] = []
        elif line.startswith("E ") and cur is not None:
            fields = [f.strip() for f in line[2:].split("|")]
            if len(fields) != 8:
                raise ValueError(f"{path}:{ln}: expected 8 fields, got {len(fields)}")
            ann[cur].append(fields)
        else:
            raise ValueError(f"{path}:{ln}: cannot read {line!r}")
    return ann


def _category(events: list[list[str]]) -> str:
    labels = []
    for plover, cameo, *_ in events:
        label = plover or ("STATEMENT" if cameo.startswith("01") else "APPEAL")
        if label not in labels:
            labels.append(label)
    return ";".join(labels) or "NONE"


def _event_xml(eid: int, ev: list[str]) -> str:
    plover, cameo, trig, src, tgt, scode, tcode, mod = ev
    return (
        f'<Event eid="{eid}">\n'
        f"<EventText eid=\"{eid}\" eventtext={quoteattr(trig)} sourcetext={quoteattr(src)}"
        f" targettext={quoteattr(tgt)} />\n"
        f"<EventCoding eid=\"{eid}\" eventcode={quoteattr(cameo)} plover={quoteattr(plover)}"
        f" sourcecode={quoteattr(scode or 'None None')} targetcode={quoteattr(tcode or 'None None')}"
        f" modality={quoteattr('' if mod == '-' else mod)} />\n"
        "</Event>\n"
    )


def build(draw_rows: list[dict], ann: dict[int, list[list[str]]]) -> str:
    out = ["<?xml version='1.0' encoding='utf-8'?>\n<Validation>\n<Sentences>\n"]
    for row in draw_rows:
        rank = row["draw_rank"]
        if rank not in ann:
            continue
        events = ann[rank]
        out.append(
            f"<Sentence category={quoteattr(_category(events))} date=\"{row['date']}\""
            f" evaluate=\"true\" id=\"{row['docno']}:{row['sent_index']}\""
            f" docno={quoteattr(row['docno'])} sent_index=\"{row['sent_index']}\""
            f" draw_rank=\"{rank}\" outlet={quoteattr(row['source'])}"
            f" section={quoteattr(row['category'])} n_events=\"{len(events)}\" >\n"
        )
        out.extend(_event_xml(i, ev) for i, ev in enumerate(events))
        text = row["text"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        out.append(f"<Text>\n{text}\n</Text>\n</Sentence>\n\n")
    out.append("</Sentences>\n</Validation>\n")
    return "".join(out)


def stats(gold: Path) -> str:
    """A Markdown table of events per type (PLOVER, or the CAMEO 01/02 label) and modality."""
    import xml.etree.ElementTree as ET
    from collections import Counter

    sents = ET.parse(gold).getroot().findall("./Sentences/Sentence")
    events, in_sents, mods = Counter(), Counter(), Counter()
    for s in sents:
        labels = set()
        for ev in s.findall("Event"):
            coding = ev.find("EventCoding")
            label = _category([[coding.get("plover", ""), coding.get("eventcode", "")]])
            events[label] += 1
            labels.add(label)
            mods.update(m for m in coding.get("modality", "").split(";") if m)
        in_sents.update(labels)
    no_event = sum(1 for s in sents if not s.findall("Event"))
    lines = [f"sentences: {len(sents)}; with no event: {no_event}; events: {sum(events.values())}",
             "", "| type | events | sentences |", "|---|---:|---:|"]
    lines += [f"| {k} | {v} | {in_sents[k]} |" for k, v in events.most_common()]
    lines += ["", "modality: " + ", ".join(f"{k} {v}" for k, v in mods.most_common())]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--archive", type=Path, default=ARCHIVE)
    d.add_argument("--n", type=int, default=N_DRAW)
    d.add_argument("--seed", type=int, default=SEED)
    d.add_argument("--out", type=Path, required=True)
    b = sub.add_parser("build")
    b.add_argument("--draw", type=Path, required=True)
    b.add_argument("--ann", type=Path, required=True)
    b.add_argument("--out", type=Path, required=True)
    st = sub.add_parser("stats")
    st.add_argument("--gold", type=Path, default=REPO / "data" / "gold" / "events-dev-ant.xml")
    args = ap.parse_args(argv)
    if args.cmd == "stats":
        print(stats(args.gold))
        return 0
    if args.cmd == "draw":
        rows = draw(args.archive, args.n, args.seed)
        with args.out.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        return 0
    rows = [json.loads(x) for x in args.draw.read_text(encoding="utf-8").splitlines()]
    args.out.write_text(build(rows, parse_ann(args.ann)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
