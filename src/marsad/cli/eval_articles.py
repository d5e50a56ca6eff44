"""``marsad eval articles --gold FILE.jsonl``: code whole gold articles and score their event mentions."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from marsad.cli.status import ExitStatus
from marsad.core.errors import InputError

COMMAND = ("eval", "articles")
HELP = "code whole gold articles (JSONL from benchmarks/article_gold.py) and score their event mentions"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", required=True, metavar="FILE.jsonl",
                        help="article gold: one article a line with its sentences and their events")
    parser.add_argument("--format", default="table", choices=["table", "json"], help="output format")
    parser.add_argument("--details", default=None, metavar="FILE.jsonl",
                        help="also write each sentence's gold and coded mentions here, for error analysis")
    parser.add_argument("--min-confidence", type=float, default=None, metavar="X",
                        help="score only coded mentions whose confidence is at least X (default: marsad code's, "
                             "the detector's threshold; 0 scores every candidate)")


def _num(x: Any) -> str:
    return "-" if x is None else f"{x:.3f}" if isinstance(x, float) else str(x)


def _prf_line(name: str, r: dict[str, Any]) -> str:
    return (f"{name:<12} {r['gold']:>5} {r['coded']:>6} {r['tp']:>5} {r['precision']:>9.3f} {r['recall']:>7.3f} "
            f"{r['f1']:>6.3f}")


def _rate_line(name: str, r: dict[str, Any]) -> str:
    return f"{name:<36} {_num(r['rate']):>6} ({r['hits']}/{r['n']})"


def _block(rep: dict[str, Any], per_type: bool) -> list[str]:
    head = f"{'':<12} {'gold':>5} {'coded':>6} {'tp':>5} {'precision':>9} {'recall':>7} {'f1':>6}"
    lines = [head, _prf_line("typed", rep["typed"]), _prf_line("untyped", rep["untyped"])]
    if per_type:
        lines += ["", "per type:", head]
        lines += [_prf_line(lab, r) for lab, r in rep["per_type"].items()]
    fa = rep["false_alarms"]
    lines += [
        "",
        _rate_line("source country (matched)", rep["source_country"]),
        _rate_line("target country (matched)", rep["target_country"]),
        _rate_line("dyad recall (type + both countries)", rep["dyad_recall"]),
        _rate_line("date (matched, gold date given)", rep["date"]),
        "",
        f"false alarms in {fa['sentences']} sentences without a gold event: {_num(fa['per_sentence'])} coded "
        f"mentions per sentence ({fa['coded']}; in {fa['sentences_with_any']} sentences), "
        f"typed {_num(fa['typed_per_sentence'])} ({fa['typed']}; in {fa['sentences_with_typed']} sentences)",
        "",
        "events per article (distinct events; coded: distinct event_id, else one per mention):",
        f"  {'class':<12} {'articles':>8} {'gold':>7} {'coded':>7}",
    ]
    epa = rep["events_per_article"]
    for name, r in [("all", epa["all"]), *epa["by_class"].items()]:
        lines.append(f"  {name:<12} {r['articles']:>8} {_num(r['gold_mean']):>7} {_num(r['coded_mean']):>7}")
    return lines


def format_table(report: dict[str, Any], gold: str) -> str:
    mc = report["min_confidence"]
    lines = [
        f"gold: {gold} ({report['articles']} articles, {report['sentences']} sentences)"
        + (f"; coded mentions with confidence >= {mc}" if mc is not None else ""),
        f"coded mentions outside every gold sentence (ignored): {report['ignored_mentions']}",
        "a coded mention matches a gold mention of its sentence with the same label (PLOVER type, or "
        "STATEMENT/APPEAL for CAMEO 01x/02x), most confident first",
        "",
        *_block(report, per_type=True),
        "",
        f"lead: the first {report['lead']['first_sentences']} sentences of each article "
        f"({report['lead']['sentences']} sentences)",
        *_block(report["lead"], per_type=False),
    ]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from marsad.coding import build_pipeline
    from marsad.evaluation.articles import code_gold, read_article_gold, score_articles

    if not Path(args.gold).is_file():
        raise InputError(f"no such gold file: {args.gold}; build one with benchmarks/article_gold.py build")
    articles = read_article_gold(args.gold)
    if not articles:
        raise InputError(f"{args.gold} holds no articles; build it with benchmarks/article_gold.py build")
    failed: list[str] = []
    pipe = build_pipeline(warn=lambda m: print(f"marsad eval articles: warning: {m}", file=stderr))
    pipe.on_error = lambda doc, err: failed.append(f"{doc.article.id}: {err}")
    coded = code_gold(articles, pipe)
    for f in failed:
        print(f"marsad eval articles: failed: {f} (scored with no coded events)", file=stderr)
    from marsad.components.events.detector import default_threshold

    floor = default_threshold() if args.min_confidence is None else args.min_confidence
    report = score_articles(articles, coded, min_confidence=floor, details=args.details)
    if args.format == "json":
        stdout.write(json.dumps({"gold": args.gold, "failed": failed, **report}, ensure_ascii=False, indent=1) + "\n")
    else:
        stdout.write(format_table(report, args.gold))
    return ExitStatus.of(len(failed))
