"""Actor coding on the UniversalPetrarch Arabic gold dev set: first field and agent of each side.

    .venv/bin/python benchmarks/actors_gold_dev.py [--xml PATH] [--show-errors]

For every gold side (source, target) whose code is not ``None None``, the gold words (a bag of
words, sometimes reordered) are located in the sentence as the shortest window of words that holds
all of them (compared as normalised, clitic-free words); that window is resolved with
:func:`marsad.components.actors.stage.resolve_span`. The phrase alone is resolved when no window is found.
Scores: the first field (country, IGO, INT, IMG, KUR ...) on sides where the gold first field is not
None, and the agent on sides where the gold agent is not None; each over all such sides and over
those with gold text (an empty text cannot be resolved from the phrase).
"""

from __future__ import annotations

import argparse
import os
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from marsad.components.actors import doc_words, lexicon
from marsad.components.actors.build import agent_of
from marsad.components.actors.stage import resolve_span
from marsad.core.types import Article, Document
from marsad.text.morph import reading
from marsad.text.normalize import norm_word, normalize

SHARED = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
XML = SHARED / "data" / "events" / "up-arabic-gold-dev.xml"


def sides(xml: Path) -> list[tuple[str, str, str, str]]:
    """(sentence text, side, gold text, gold code) for every coded side."""
    out = []
    for s in ET.parse(xml).getroot().iter("Sentence"):
        et, ec = s.find("EventText"), s.find("EventCoding")
        text = (s.findtext("Text") or "").strip()
        for side in ("source", "target"):
            code = (ec.get(side + "code") or "None None").strip()
            if code != "None None":
                out.append((text, side, (et.get(side + "text") or "").strip(), code))
    return out


def _forms(word: str) -> set[str]:
    return {f for f, _, _ in reading(norm_word(word)).bare_forms}


def window(doc: Document, phrase: str) -> tuple[int, int] | None:
    """Original offsets of the shortest window of words holding every word of ``phrase``."""
    words = doc_words(doc)
    need = [_forms(w) for w in phrase.replace("»", " ").replace("«", " ").split() if any(c.isalpha() for c in w)]
    if not need:
        return None
    have = [{f for f, _, _ in w.cands} for w in words]
    best: tuple[int, int] | None = None
    for i in range(len(words)):
        if not any(have[i] & n for n in need):
            continue
        left = list(need)
        for j in range(i, min(len(words), i + 15)):
            left = [n for n in left if not (have[j] & n)] if any(have[j] & n for n in left) else left
            if not left:
                if best is None or j - i < best[1] - best[0]:
                    best = (i, j)
                break
    if best is None:
        return None
    norm = doc.norm
    assert norm is not None
    return norm.starts[words[best[0]].start], norm.ends[words[best[1]].end - 1]


def code_side(sentence: str, phrase: str, context: bool = True) -> tuple[str | None, str | None, str]:
    doc = Document(article=Article(id="gold", text=sentence), norm=normalize(sentence))
    span = window(doc, phrase) if phrase else None
    if span is None:
        if not phrase:
            return None, None, ""
        doc = Document(article=Article(id="gold", text=phrase), norm=normalize(phrase))
        span = (0, len(phrase))
    m = resolve_span(doc, *span, infer_country=context)
    if m is None:
        return None, None, ""
    code = m.actor.code
    first = code[:3] if len(code) >= 3 and not (len(code) == 3 and agent_of("XXX" + code)) else None
    return first, m.actor.agent or agent_of("XXX" + code), f"{code} ({m.why})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--xml", type=Path, default=XML)
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--no-context", action="store_true", help="do not take a country from the sentence")
    args = ap.parse_args(argv)
    lexicon()
    c: Counter[str] = Counter()
    for sentence, _side, phrase, gold in sides(args.xml):
        g_first, g_agent = (gold.split() + ["None"])[:2]
        first, agent, why = code_side(sentence, phrase, not args.no_context)
        for field, g, got in (("first", g_first, first), ("agent", g_agent, agent)):
            if g == "None":
                c[f"{field} gold-none"] += bool(phrase)
                c[f"{field} gold-none filled"] += bool(phrase) and got is not None
                continue
            ok = got == g
            c[f"{field} all"] += 1
            c[f"{field} all ok"] += ok
            if phrase:
                c[f"{field} text"] += 1
                c[f"{field} text ok"] += ok
            if args.show_errors and phrase and not ok:
                print(f"{field}: gold {g} got {got} | {phrase} | {why}", file=sys.stderr)
    print("| field | sides with gold text | right | % | all sides | right | % |")
    print("|---|---|---|---|---|---|---|")
    for field in ("first", "agent"):
        t, tok, a, aok = c[f"{field} text"], c[f"{field} text ok"], c[f"{field} all"], c[f"{field} all ok"]
        print(f"| {field} | {t} | {tok} | {100 * tok / max(t, 1):.1f} | {a} | {aok} | {100 * aok / max(a, 1):.1f} |")
    for field in ("first", "agent"):
        print(f"\n{field}: gold None on {c[field + ' gold-none']} sides with text; "
              f"a value was given on {c[field + ' gold-none filled']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
