"""``marsad actors lookup TEXT``: what a phrase resolves to, and why."""

from __future__ import annotations

import argparse
from typing import TextIO

from marsad.cli.status import ExitStatus

COMMAND = ("actors", "lookup")
HELP = "show what an Arabic phrase resolves to in the actor dictionaries, and why"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="+", help="the phrase, e.g. الجيش الإسرائيلي")
    parser.add_argument("--all", action="store_true", help="also list every dictionary entry matched inside it")


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from marsad.components.actors.stage import lookup

    text = " ".join(args.text).strip()
    if not text:
        print("error: give a phrase to look up, e.g. marsad actors lookup 'الجيش الإسرائيلي'", file=stderr)
        return ExitStatus.USAGE
    found = lookup(text)
    if not found or found[0].kind != "result":
        print(f"{text}: no actor (no dictionary phrase matched; add one to resources/actors/*.tsv)", file=stdout)
        return ExitStatus.PARTIAL
    best = found[0]
    a = best.actor
    assert a is not None
    print(f"{best.text} -> {a.code}  [{a.type}] {a.name_en or a.name_ar}", file=stdout)
    for label, value in (("role", a.role), ("parent", a.parent), ("country", a.country), ("agent", a.agent)):
        if value:
            print(f"  {label}: {value}", file=stdout)
    print(f"  why: {best.why}", file=stdout)
    if args.all:
        for c in found[1:]:
            print(f"  entry: {c.text} = {c.kind} {c.key} ({c.why})", file=stdout)
    return ExitStatus.OK
