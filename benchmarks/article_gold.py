"""Article-level event gold: build the JSONL gold from annotation files, coder agreement, counts.

    .venv/bin/python benchmarks/article_gold.py draw --ant-dir /tmp/ant --classes data/gold/articles-dev-ant-raw/classes.tsv
    R=data/gold/articles-dev-ant-raw
    .venv/bin/python benchmarks/article_gold.py build --articles $R/articles.jsonl --ann $R/out*.ann
    .venv/bin/python benchmarks/article_gold.py agree --articles $R/articles.jsonl --ann $R/out*.ann
    .venv/bin/python benchmarks/article_gold.py stats [--gold data/gold/articles-dev-ant.jsonl]

``draw`` (ANT extracted in ``--ant-dir``) shuffles the news files (middleEast, internationalNews) and
the sport, culture and economy files with seed 20261206, keeps articles of 3 to 20 sentences, and
fills the quotas: 21 conflict, 21 diplomacy and 11 domestic news articles in draw order, classified
by content by a reader (``--classes``: the first 160 candidates, ``ID<TAB>class``), and the first 11
sport/culture/economy articles. It writes the article list (``articles.jsonl``) and, with
``--classify-sheet``, the sheet a reader classifies.

Annotation files (``.ann``): ``@ARTICLE <ID>`` opens an article; ``#S<k>`` (k indexes the article's
``sentences``; anything after it on the line is ignored) opens a sentence; each following line
``E eid|PLOVER|CAMEO|trigger|source text|target text|source code|target code|modality|date|place``
is one mention (``eid`` groups the mentions of one event within the article; PLOVER empty for CAMEO
01x/02x; modality ``-`` or ``;``-joined flags; date ``YYYY[-MM[-DD]]`` or ``-``; place text or ``-``).
Blank lines, ``//`` comments and the batch headers (``TITLE:`` ``PUBLISHED:`` ``DATELINE:``
``OUTLET:``) are skipped; any other line is reported.

Who codes what: ``batches.json`` (``--batches``) lists each annotator's batch and the two articles
of the next batch each annotator codes again for agreement. ``outN.ann`` (or ``outNa.ann``,
``outN-part2.ann`` ...) is annotator N. The coding
by the annotator whose batch holds an article is the gold; the other is used by ``agree`` only.
Files whose name gives no annotator number count in the order given (first coding of an article
wins).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.evaluation.articles import gold_first_field, label_of, read_article_gold
from marsad.resources.ontology import cameo_codes, plover_types

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "data" / "gold" / "articles-dev-ant.jsonl"
RAW = ROOT / "data" / "gold" / "articles-dev-ant-raw"
DEFAULT_BATCHES = RAW / "batches.json"
SHARED_CAMEO = ROOT.parent / "shared" / "data" / "ontology" / "cameo_event_codes.tsv"
MODALITY = frozenset({"negated", "future", "hypothetical", "historical", "attributed"})
AGENTS = frozenset(["GOV", "MIL", "COP", "REB", "OPP", "CVL", "JUD", "LEG", "PTY", "BUS", "MED", "REL", "EDU",
                    "HLH", "CRM", "SPY", "LAB", "ELI", "REF", "UAF", "AGR", "DEV", "HRI", "ENV", "MNC", "RAD",
                    "SET", "INS", "MOD", "None"])
HEADERS = ("TITLE:", "PUBLISHED:", "DATELINE:", "OUTLET:")
N_FIELDS = 11
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
FIRST_FIELD = re.compile(r"[A-Z]{3}|None")
ORG_FIELD = re.compile(r"[A-Z0-9]{2,4}|None")


def warn(msg: str) -> None:
    print(f"warning: {msg}", file=sys.stderr)


def note(msg: str) -> None:
    print(f"note: {msg}", file=sys.stderr)


# --------------------------------------------------------------------------- inputs


def read_articles(path: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def shared_plover() -> dict[str, set[str]]:
    """CAMEO code -> the PLOVER types the 2021 table allows (``CONCEDE|RETREAT`` gives both)."""
    out: dict[str, set[str]] = {}
    if not SHARED_CAMEO.is_file():
        return out
    lines = SHARED_CAMEO.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    ci, pi = head.index("cameo_code"), head.index("plover_type_2021")
    for line in lines[1:]:
        row = line.split("\t")
        if len(row) > max(ci, pi):
            out[row[ci]] = {p for p in row[pi].split("|") if p}
    return out


@dataclass
class Mention:
    line: str  # where: file:line
    raw: str
    eid: str
    plover: str
    cameo: str
    trigger: str
    source_text: str
    target_text: str
    source_code: str
    target_code: str
    modality: list[str]
    date: str | None
    place: str | None


@dataclass
class Coding:
    """One annotator's coding of one article."""

    article: str
    file: str
    annotator: int | None
    order: int  # position of the file on the command line
    sentences: dict[int, list[Mention]] = field(default_factory=dict)
    sentence_order: list[int] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    orphans: int = 0  # mentions before any #S line


def _annotator(path: str) -> int | None:
    m = re.fullmatch(r"out(\d+)(?:[a-z_-][\w-]*)?\.ann", Path(path).name)
    return int(m.group(1)) if m else None


def _field(x: str) -> str:
    return x.strip()


def parse_mention(body: str, where: str, raw: str, problems: list[str]) -> Mention | None:
    f = [_field(x) for x in body.split("|")]
    if len(f) != N_FIELDS:
        problems.append(f"{where}: {len(f)} fields instead of {N_FIELDS}, line skipped: {raw}")
        return None
    eid, plover, cameo, trig, st, tt, sc, tc, mod, date, place = f
    flags = [] if mod in ("", "-") else [m.strip() for m in mod.split(";") if m.strip()]
    return Mention(where, raw, eid, plover, cameo, trig, st, tt, sc, tc, flags,
                   None if date in ("", "-") else date, None if place in ("", "-") else place)


def parse_ann(path: str, order: int, problems: list[str]) -> list[Coding]:
    """The codings of one file, in file order; problems go to ``problems``."""
    out: list[Coding] = []
    cur: Coding | None = None
    sent: int | None = None
    ann = _annotator(path)
    name = Path(path).name
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        where = f"{name}:{n}"
        s = line.strip()
        if s.startswith("@ARTICLE"):
            parts = s.split()
            if len(parts) < 2:
                problems.append(f"{where}: @ARTICLE without an id")
                cur = None
                continue
            cur = Coding(parts[1], name, ann, order)
            cur.raw.append(line)
            out.append(cur)
            sent = None
            continue
        if cur is not None and (s or cur.raw):
            cur.raw.append(line)
        if not s or s.startswith("//") or s.startswith(HEADERS):
            continue
        if cur is None:
            problems.append(f"{where}: line before any @ARTICLE, skipped: {line}")
            continue
        m = re.match(r"#S(\d+)(?:\s|$)", s)
        if m:
            sent = int(m.group(1))
            if sent in cur.sentences:
                problems.append(f"{where}: {cur.article} #S{sent} opened twice; mentions merged")
            else:
                cur.sentences[sent] = []
                cur.sentence_order.append(sent)
            continue
        m = re.match(r"E(?:\s+|\|)(.*)$", s)
        if m:
            body = m.group(1) if s[1] != "|" else s[2:]
            mention = parse_mention(body, where, line, problems)
            if mention is None:
                continue
            if sent is None:
                cur.orphans += 1
                problems.append(f"{where}: {cur.article}: event before any #S line, skipped: {line}")
                continue
            cur.sentences[sent].append(mention)
            continue
        problems.append(f"{where}: unparsed line, skipped: {line}")
    for c in out:
        while c.raw and not c.raw[-1].strip():
            c.raw.pop()
    return out


def load_codings(ann_paths: list[str], batches_path: str | None, articles: list[dict[str, Any]],
                 problems: list[str]) -> tuple[dict[str, Coding], dict[str, Coding]]:
    """(first coding, second coding) of each article id."""
    index = {a["id"]: i for i, a in enumerate(articles)}
    owner: dict[int, int] = {}
    double: dict[int, set[int]] = {}
    if batches_path and Path(batches_path).is_file():
        b = json.loads(Path(batches_path).read_text(encoding="utf-8"))
        owner = {i: k for k, batch in enumerate(b.get("batches", [])) for i in batch}
        double = {int(k): set(v) for k, v in (b.get("double") or {}).items()}
    elif batches_path:
        note(f"no batches file {batches_path}: the first coding of an article in the files' order is the gold")
    first: dict[str, Coding] = {}
    second: dict[str, Coding] = {}
    extra: list[Coding] = []
    for order, path in enumerate(ann_paths):
        if not Path(path).is_file():
            warn(f"no such annotation file: {path}")
            continue
        seen: set[str] = set()
        for c in parse_ann(path, order, problems):
            if c.article not in index:
                problems.append(f"{c.file}: article {c.article} is not in the article list; skipped")
                continue
            if c.article in seen:
                problems.append(f"{c.file}: article {c.article} coded twice in the file; the first is kept")
                continue
            seen.add(c.article)
            i = index[c.article]
            if owner and c.annotator is not None:
                slot = (first if owner.get(i) == c.annotator
                        else second if i in double.get(c.annotator, set()) else None)
                if slot is not None and c.article in slot:
                    problems.append(f"{c.file}: article {c.article} was already coded by annotator "
                                    f"{c.annotator} in {slot[c.article].file}; that coding is kept")
                elif slot is not None:
                    slot[c.article] = c
                else:
                    problems.append(f"{c.file}: article {c.article} is in neither annotator {c.annotator}'s "
                                    "batch nor their agreement list")
                    extra.append(c)
            else:
                extra.append(c)
    for c in sorted(extra, key=lambda c: c.order):
        if c.article not in first:
            first[c.article] = c
        elif c.article not in second:
            second[c.article] = c
    return first, second


# --------------------------------------------------------------------------- build


def locate(text: str, start: int, end: int, phrase: str) -> int | None:
    """Offset of the first occurrence of ``phrase`` in text[start:end], else of the phrase without
    surrounding quotes and punctuation; None when neither is found."""
    if not phrase:
        return None
    for p in (phrase, phrase.strip(" \"'«»“”.,،:؛()")):
        if p:
            k = text.find(p, start, end)
            if k >= 0:
                return k
    return None


def check_code(code: str) -> bool:
    """``FIRST AGENT [ORG]``: ``SAU GOV``, ``None MIL``, ``IGO None UNO``."""
    parts = code.split()
    return (len(parts) in (2, 3) and bool(FIRST_FIELD.fullmatch(parts[0])) and parts[1] in AGENTS
            and all(ORG_FIELD.fullmatch(p) for p in parts[2:]))


def article_gold(art: dict[str, Any], c: Coding, problems: list[str], notes: Counter[str],
                 plover2021: dict[str, set[str]]) -> dict[str, Any]:
    text = art["text"]
    spans = art["sentences"]
    cameos = cameo_codes()
    ptypes = plover_types()
    missing = [k for k in range(len(spans)) if k not in c.sentences]
    if missing:
        problems.append(f"{c.file}: {c.article}: sentences missing (scored as without events): "
                        + ", ".join(f"#S{k}" for k in missing))
    for k in c.sentences:
        if not 0 <= k < len(spans):
            problems.append(f"{c.file}: {c.article}: #S{k} is beyond the article's {len(spans)} sentences; "
                            f"its {len(c.sentences[k])} mentions are dropped")
    sentences = []
    eid_labels: dict[str, set[str]] = {}
    for k, (s0, s1) in enumerate(spans):
        events = []
        for m in c.sentences.get(k, []):
            where = f"{m.line} ({c.article} #S{k})"
            plover = m.plover
            if m.cameo not in cameos:
                problems.append(f"{where}: unknown CAMEO code '{m.cameo}'")
            if plover and plover not in ptypes:
                problems.append(f"{where}: unknown PLOVER type '{plover}'")
            if not plover and m.cameo in cameos and not m.cameo.startswith(("01", "02")):
                plover = cameos[m.cameo].plover_type or ""
                problems.append(f"{where}: PLOVER empty for CAMEO {m.cameo}; filled in as {plover}")
            if plover and m.cameo.startswith(("01", "02")):
                problems.append(f"{where}: PLOVER {plover} given for CAMEO {m.cameo} (01x/02x have none)")
            allowed = plover2021.get(m.cameo)
            if plover and allowed and plover not in allowed:
                notes[f"PLOVER {plover} for CAMEO {m.cameo} (2021 table: {'|'.join(sorted(allowed))})"] += 1
            marsad_type = cameos[m.cameo].plover_type if m.cameo in cameos else None
            if plover and marsad_type and plover != marsad_type:
                notes[f"PLOVER {plover} for CAMEO {m.cameo}, marsad codes it as {marsad_type}"] += 1
            ts = locate(text, s0, s1, m.trigger)
            if ts is None:
                problems.append(f"{where}: trigger '{m.trigger}' not in the sentence; trigger_start = sentence start")
                ts = s0
            for what, phrase in (("source text", m.source_text), ("target text", m.target_text)):
                if phrase and locate(text, s0, s1, phrase) is None:
                    problems.append(f"{where}: {what} '{phrase}' not in the sentence")
            if m.place and locate(text, s0, s1, m.place) is None:
                notes[f"{where}: place '{m.place}' is not in the sentence (from the context?)"] += 1
            for what, code in (("source code", m.source_code), ("target code", m.target_code)):
                if code and not check_code(code):
                    problems.append(f"{where}: malformed {what} '{code}'")
            bad = [f for f in m.modality if f not in MODALITY]
            if bad:
                problems.append(f"{where}: unknown modality {bad}")
            date = m.date
            if date and not DATE.fullmatch(date):
                problems.append(f"{where}: malformed date '{date}'; dropped")
                date = None
            eid_labels.setdefault(m.eid, set()).add(label_of(plover or None, m.cameo))
            events.append({
                "eid": m.eid, "plover": plover or None, "cameo": m.cameo, "trigger": m.trigger,
                "trigger_start": ts, "source_text": m.source_text, "target_text": m.target_text,
                "source_code": m.source_code, "target_code": m.target_code, "modality": m.modality,
                "date": date, "place": m.place,
            })
        sentences.append({"index": k, "start": s0, "end": s1, "events": events})
    for eid, labels in eid_labels.items():
        if len(labels) > 1:
            notes[f"{c.article}: event {eid} has mentions of several labels: {', '.join(sorted(labels))}"] += 1
    return {
        "id": art["id"], "title": art.get("title"), "published": art.get("published"),
        "dateline": art.get("dateline"), "source": art.get("source"), "category": art.get("category"),
        "class": art.get("class"), "text": text, "sentences": sentences,
    }


def cmd_build(args: argparse.Namespace) -> int:
    articles = read_articles(args.articles)
    problems: list[str] = []
    first, second = load_codings(args.ann, args.batches, articles, problems)
    notes: Counter[str] = Counter()
    plover2021 = shared_plover()
    out: list[dict[str, Any]] = []
    raw: list[str] = []
    skipped = []
    for art in articles:
        c = first.get(art["id"])
        if c is None:
            continue
        if args.drop_incomplete and any(k not in c.sentences for k in range(len(art["sentences"]))):
            skipped.append(art["id"])
            continue
        out.append(article_gold(art, c, problems, notes, plover2021))
    for c in sorted(first.values(), key=lambda c: (c.order, c.file)):
        if c.article not in skipped:
            raw.extend([*c.raw, ""])
    for p in problems:
        warn(p)
    for msg, n in sorted(notes.items()):
        note(f"{msg}" + (f" (x{n})" if n > 1 else ""))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        for a in out:
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    ann_out = Path(args.out).with_suffix(".ann")
    ann_out.write_text("\n".join(raw), encoding="utf-8")
    missing = [a["id"] for a in articles if a["id"] not in first]
    print(f"{len(out)} articles written to {args.out} (raw first codings: {ann_out}); "
          f"{len(second)} second codings kept for agreement; {len(missing)} of {len(articles)} articles "
          f"have no first coding yet" + (f"; {len(skipped)} incomplete articles dropped" if skipped else ""))
    print(f"{len(problems)} warnings")
    return 0


# --------------------------------------------------------------------------- agree


def _label(m: Mention) -> str:
    if not m.plover and m.cameo in cameo_codes() and not m.cameo.startswith(("01", "02")):
        return label_of(None, m.cameo)
    return label_of(m.plover or None, m.cameo)


def _pairs(a: list[Mention], b: list[Mention], text: str, s0: int, s1: int) -> list[tuple[Mention, Mention]]:
    """Mentions of two coders in one sentence paired by label (nearest trigger, then order)."""
    used = [False] * len(b)
    out = []
    for m in a:
        ta = locate(text, s0, s1, m.trigger)
        cands = [j for j, x in enumerate(b) if not used[j] and _label(x) == _label(m)]
        if not cands:
            continue

        def dist(j: int, ta: int | None = ta) -> tuple[int, int]:
            tb = locate(text, s0, s1, b[j].trigger)
            return (abs(ta - tb) if ta is not None and tb is not None else 0, j)

        j = min(cands, key=dist)
        used[j] = True
        out.append((m, b[j]))
    return out


def cmd_agree(args: argparse.Namespace) -> int:
    articles = read_articles(args.articles)
    by_id = {a["id"]: a for a in articles}
    problems: list[str] = []
    first, second = load_codings(args.ann, args.batches, articles, problems)
    for p in problems:
        warn(p)
    both = [i for i in second if i in first]
    if not both:
        print("no article has both codings yet")
        return 0
    n1 = n2 = m = t1 = t2 = tm = 0
    same_status = n_sent = 0
    src = [0, 0]
    tgt = [0, 0]
    cameo_same = [0, 0]
    print(f"{'article':<40} {'gold coder':>10} {'second':>10} {'A':>4} {'B':>4} {'match':>5}")
    for aid in both:
        art, a, b = by_id[aid], first[aid], second[aid]
        am = 0
        na = sum(len(v) for v in a.sentences.values())
        nb = sum(len(v) for v in b.sentences.values())
        for k, (s0, s1) in enumerate(art["sentences"]):
            ea, eb = a.sentences.get(k, []), b.sentences.get(k, [])
            n_sent += 1
            same_status += bool(ea) == bool(eb)
            pairs = _pairs(ea, eb, art["text"], s0, s1)
            am += len(pairs)
            n1, n2, m = n1 + len(ea), n2 + len(eb), m + len(pairs)
            t1 += sum(1 for x in ea if _label(x) not in ("STATEMENT", "APPEAL", "NONE"))
            t2 += sum(1 for x in eb if _label(x) not in ("STATEMENT", "APPEAL", "NONE"))
            for x, y in pairs:
                tm += _label(x) not in ("STATEMENT", "APPEAL", "NONE")
                cameo_same[0] += x.cameo == y.cameo
                cameo_same[1] += 1
                for acc, cx, cy in ((src, x.source_code, y.source_code), (tgt, x.target_code, y.target_code)):
                    fx, fy = gold_first_field(cx), gold_first_field(cy)
                    if fx is not None or fy is not None:
                        acc[0] += fx == fy
                        acc[1] += 1
        print(f"{aid:<40} {a.file:>10} {b.file:>10} {na:>4} {nb:>4} {am:>5}")

    def f1(x: int, y: int, z: int) -> str:
        return f"{2 * z / (x + y):.3f}" if x + y else "-"

    def rate(r: list[int]) -> str:
        return f"{r[0] / r[1]:.3f} ({r[0]}/{r[1]})" if r[1] else "- (0/0)"

    print()
    print(f"double-coded articles with both codings: {len(both)}; sentences {n_sent}")
    print(f"mentions: gold coder {n1}, second coder {n2}, matched by label {m}; F1 {f1(n1, n2, m)}")
    print(f"typed (PLOVER only): {t1} vs {t2}, matched {tm}; F1 {f1(t1, t2, tm)}")
    print(f"same event / no-event status of a sentence: {same_status / n_sent:.3f} ({same_status}/{n_sent})")
    print(f"source country agreement on matched mentions (either coder gave one): {rate(src)}")
    print(f"target country agreement on matched mentions (either coder gave one): {rate(tgt)}")
    print(f"same CAMEO code on matched mentions: {rate(cameo_same)}")
    return 0


# --------------------------------------------------------------------------- stats


def cmd_stats(args: argparse.Namespace) -> int:
    arts = read_article_gold(args.gold)
    classes = Counter(a.cls for a in arts)
    n_sent = sum(len(a.sentences) for a in arts)
    no_event = sum(1 for a in arts for s in a.sentences if not s.mentions)
    mentions: Counter[str] = Counter()
    events: Counter[str] = Counter()
    modality: Counter[str] = Counter()
    per_article: Counter[str] = Counter()
    n_events = 0
    for a in arts:
        first_label: dict[str, str] = {}
        for s in a.sentences:
            for g in s.mentions:
                mentions[g.label] += 1
                first_label.setdefault(g.eid, g.label)
                modality.update(g.modality)
        events.update(first_label.values())
        n_events += len(first_label)
        per_article[a.cls] += len(first_label)
    print(f"gold: {args.gold}")
    print(f"articles {len(arts)}: " + ", ".join(f"{c} {n}" for c, n in classes.most_common()))
    print(f"sentences {n_sent}; with no event {no_event}")
    print(f"events (distinct eids per article) {n_events}; mentions {sum(mentions.values())}")
    print("events per article: " + ", ".join(f"{c} {per_article[c] / n:.2f}" for c, n in classes.most_common())
          + (f"; all {n_events / len(arts):.2f}" if arts else ""))
    print(f"\n{'type':<12} {'events':>6} {'mentions':>8}")
    for lab, n in mentions.most_common():
        print(f"{lab:<12} {events[lab]:>6} {n:>8}")
    print("\nmodality (mentions): " + ", ".join(f"{k} {v}" for k, v in modality.most_common()))
    return 0


def cmd_draw(args: argparse.Namespace) -> int:
    import random

    from marsad.core.types import Article
    from marsad.readers import read
    from marsad.text.sentences import split_sentences

    by_cat: dict[str, list[Path]] = {}
    for f in sorted(Path(args.ant_dir).glob("*/*/*")):
        by_cat.setdefault(f.parent.name, []).append(f)
    rng = random.Random(20261206)
    pools = {"political": by_cat["middleEast"] + by_cat["internationalNews"],
             "nonpolitical": by_cat["sport"] + by_cat["culture"] + by_cat["economy"]}
    rng.shuffle(pools["political"])
    rng.shuffle(pools["nonpolitical"])
    cands: list[dict[str, Any]] = []
    for kind, size in (("political", 400), ("nonpolitical", 100)):
        for f in pools[kind][:size]:
            for a in read([f]):
                if not isinstance(a, Article):
                    continue
                sents = list(split_sentences(a.text))
                if 3 <= len(sents) <= 20:
                    cands.append({"kind": kind, "path": str(f.relative_to(args.ant_dir)), "id": a.id,
                                  "title": a.title, "published": a.published.isoformat() if a.published else None,
                                  "dateline": a.dateline, "category": a.category, "source": a.source,
                                  "text": a.text, "sentences": [[s.start, s.end] for s in sents]})
    if args.classify_sheet:
        pol = [c for c in cands if c["kind"] == "political"][:160]
        Path(args.classify_sheet).write_text("".join(
            f"== {c['id']}\nTITLE: {c['title']}\nSTART: {c['text'][:400]}\n\n" for c in pol), encoding="utf-8")
        return 0
    classes = dict(line.split("\t") for line in Path(args.classes).read_text("utf-8").split("\n") if "\t" in line)
    quota, have, chosen = {"conflict": 21, "diplomacy": 21, "domestic": 11}, Counter(), []
    for c in cands:
        k = classes.get(c["id"])
        if c["kind"] == "political" and k in quota and have[k] < quota[k]:
            have[k] += 1
            chosen.append(c | {"class": k})
    chosen += [c | {"class": "other"} for c in cands if c["kind"] == "nonpolitical"][:11]
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(c, ensure_ascii=False) + "\n" for c in chosen)
    print(f"{len(chosen)} articles, {sum(len(c['sentences']) for c in chosen)} sentences -> {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("build", "agree"):
        p = sub.add_parser(name)
        p.add_argument("--articles", required=True, help="the article list (JSONL with text and sentences)")
        p.add_argument("--ann", required=True, nargs="+", help="annotation files (outN.ann = annotator N)")
        p.add_argument("--batches", default=str(DEFAULT_BATCHES), help="batches.json (who codes what)")
        if name == "build":
            p.add_argument("--out", default=str(DEFAULT_GOLD), help="the gold JSONL (a .ann copy goes beside it)")
            p.add_argument("--drop-incomplete", action="store_true",
                           help="leave out articles whose coding lacks a sentence (a file still being written)")
    p = sub.add_parser("stats")
    p.add_argument("--gold", default=str(DEFAULT_GOLD))
    p = sub.add_parser("draw")
    p.add_argument("--ant-dir", required=True, help="the ANT v2.1 archive, extracted")
    p.add_argument("--classes", default=str(RAW / "classes.tsv"), help="a reader's classes of the news candidates")
    p.add_argument("--classify-sheet", default=None, help="write the sheet to classify instead")
    p.add_argument("--out", default=str(RAW / "articles.jsonl"))
    args = ap.parse_args(argv)
    return {"build": cmd_build, "agree": cmd_agree, "stats": cmd_stats, "draw": cmd_draw}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
