"""The input options of the commands that read articles (code, ingest, parse) and the reading.

``--input-format``, ``--field ARTICLE=INPUT`` (repeatable) and ``--date-order`` go to
:func:`marsad.readers.read`; :func:`read_inputs` prints the field mapping each distinct JSON
or CSV layout uses once, and the readers' warnings, on stderr as ``marsad COMMAND: ...``.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import TextIO

from marsad.core.errors import ConfigError
from marsad.core.types import Article, ReadError
from marsad.readers import DATE_ORDERS, FORMATS

FIELD_HELP = (
    "ARTICLE=INPUT: the JSON or CSV field that fills an article field, e.g. --field text=content "
    "--field published=date_extracted --field dateline=author (repeatable; article fields: text, published, "
    "title, url, source, dateline, id, category, language). Without it common names are recognised: the text "
    "from text, content, body, article or story; the date from published, date, pubDate, published_at or "
    "date_extracted; title or headline; url or link; source or outlet; dateline or author. The fields used "
    "are printed on stderr"
)
DATE_ORDER_HELP = (
    "how to read an all-numeric date such as 01/03/2020 in JSON and CSV records: DMY (day first, as Arabic "
    "news writes it; the default: 1 March 2020), MDY (month first: 3 January 2020) or YMD (20/03/01 is "
    "1 March 2020). A date only one order can read (13/03/2020) is read that way; 2020/03/01 is always "
    "year-month-day. A record whose date cannot be read is kept without a date, with one warning per file"
)


def _field(spec: str) -> tuple[str, str]:
    from marsad.readers.fields import parse_field_option

    try:
        return parse_field_option(spec)
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _order(value: str) -> str:
    order = value.strip().upper()
    if order not in DATE_ORDERS:
        raise argparse.ArgumentTypeError(f"choose one of {', '.join(DATE_ORDERS)}, not {value!r}")
    return order


def add_input_arguments(parser: argparse.ArgumentParser, format_help: str) -> None:
    """``--input-format``, ``--field`` and ``--date-order``."""
    parser.add_argument("--input-format", default="auto", choices=list(FORMATS), help=format_help)
    parser.add_argument("--field", dest="fields", action="append", type=_field, default=[],
                        metavar="ARTICLE=INPUT", help=FIELD_HELP)
    parser.add_argument("--date-order", type=_order, default="DMY", metavar="DMY|MDY|YMD", help=DATE_ORDER_HELP)


def mapping(args: argparse.Namespace) -> dict[str, str]:
    """The ``--field`` options as {article field: input field}; a field named twice is a usage error."""
    out: dict[str, str] = {}
    for target, name in getattr(args, "fields", None) or []:
        if target in out and out[target] != name:
            raise ConfigError(f"--field {target}= is given twice ({out[target]} and {name}); give it once")
        out[target] = name
    return out


def read_inputs(args: argparse.Namespace, command: str, stderr: TextIO) -> Iterator[Article | ReadError]:
    """The readers' items for the command's paths and input options; notes go to ``stderr``."""
    from marsad.readers import read

    seen: set[str] = set()

    def on_fields(described: str) -> None:
        if described not in seen:
            seen.add(described)
            print(f"marsad {command}: fields: {described}", file=stderr)

    def warn(message: str) -> None:
        print(f"marsad {command}: warning: {message}", file=stderr)

    return read(args.paths, args.input_format, mapping(args), date_order=getattr(args, "date_order", "DMY"),
                on_fields=on_fields, warn=warn)


def check_inputs(args: argparse.Namespace) -> None:
    """An InputError (exit 2, one line) for a missing path or an empty folder, before any work."""
    from marsad.readers import check_inputs as check

    mapping(args)  # a conflicting --field is a usage error too
    check(args.paths)
