"""``marsad parse FILE|DIR|ARCHIVE|-``: read articles and print each as JSON with its text analysis.

One JSON object per line (``--pretty`` indents them): id, title, published (ISO 8601, cut to
its precision, with the time zone when the source gives one), dateline, source, url, text,
sentences and tokens with offsets into ``text``, and the date expressions found. Each item
that cannot be read is one line on stderr naming it; the exit code is 1 if any item failed,
2 if a path does not exist or a folder has nothing to read.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import Any, TextIO

from marsad.cli.status import ExitStatus
from marsad.core.types import Article, DateExpr, Document, ReadError, Sentence, Token

COMMAND = ("parse",)
HELP = "read articles (text, JSON Lines, ANT/TREC, HTML, RSS, WARC, archives) and print each as JSON"

_ISO_CUT = {"year": 4, "month": 7, "day": 10, "minute": 16}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from marsad.cli._inputs import add_input_arguments

    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files, folders, archives (.tar.gz, .tgz, .tar, .zip, .gz) or - for stdin")
    add_input_arguments(parser, "reader to use (default: detected per item from its name and content)")
    parser.add_argument("--pretty", action="store_true", help="indent the JSON (default: one line per article)")
    parser.add_argument("--no-tokens", action="store_true", help="leave the tokens out of the output")


def format_published(dt: datetime | None, precision: str | None) -> tuple[str | None, str | None]:
    """(ISO 8601 text cut to the precision, UTC offset such as '+04:00' or None when unknown)."""
    if dt is None:
        return None, None
    offset = dt.strftime("%z") if dt.tzinfo is not None else ""
    zone = f"{offset[:3]}:{offset[3:]}" if offset else None
    text = dt.replace(tzinfo=None).isoformat(timespec="seconds")
    cut = _ISO_CUT.get(precision or "second")
    if cut is not None:
        text = text[:cut]
    if zone and (cut is None or cut > 10):
        text += zone
    return text, zone


def _sentence(s: Sentence) -> dict[str, Any]:
    return {"index": s.index, "start": s.start, "end": s.end, "text": s.text}


def _token(t: Token) -> dict[str, Any]:
    return {
        "text": t.text, "start": t.start, "end": t.end, "norm": t.norm, "kind": t.kind, "sentence": t.sentence,
        "segments": [{"text": g.text, "start": g.start, "end": g.end, "kind": g.kind} for g in t.segments],
    }


def _date(d: DateExpr) -> dict[str, Any]:
    return {"text": d.text, "start": d.start, "end": d.end, "value": d.value.isoformat() if d.value else None,
            "precision": d.precision, "kind": d.kind}


def document_to_dict(doc: Document, tokens: bool = True) -> dict[str, Any]:
    """The JSON shape ``marsad parse`` prints for one analysed article."""
    a: Article = doc.article
    published, zone = format_published(a.published, a.published_precision)
    out: dict[str, Any] = {
        "id": a.id, "title": a.title, "published": published,
        "published_precision": a.published_precision if published else None, "timezone": zone,
        "dateline": a.dateline, "source": a.source, "url": a.url, "category": a.category,
        "language": a.language, "origin": a.origin, "text": a.text,
        "sentences": [_sentence(s) for s in doc.sentences],
    }
    if tokens:
        out["tokens"] = [_token(t) for t in doc.tokens]
    out["dates"] = [_date(d) for d in doc.dates]
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from marsad.cli._inputs import check_inputs, read_inputs
    from marsad.text import analyze

    check_inputs(args)  # a missing path or an empty folder: one line, exit 2
    failed = 0
    for item in read_inputs(args, "parse", stderr):
        if isinstance(item, ReadError):
            failed += 1
            print(f"marsad parse: error: {_one_line(item.item)}: {_one_line(item.reason)}", file=stderr)
            continue
        try:
            doc = analyze(item)
        except Exception as exc:  # one article's failure must not stop the others
            failed += 1
            where = _one_line(item.origin or item.id)
            print(f"marsad parse: error: {where}: text analysis failed: {type(exc).__name__}: {exc}", file=stderr)
            continue
        data = document_to_dict(doc, tokens=not args.no_tokens)
        stdout.write(json.dumps(data, ensure_ascii=False, indent=2 if args.pretty else None) + "\n")
    return ExitStatus.of(failed)
