"""Readers: turn files, folders, archives, feeds and stdin into :class:`~marsad.core.types.Article`\\ s.

``read(paths, input_format="auto", mapping=None)`` yields an Article for each article found
and a :class:`~marsad.core.types.ReadError` (item, reason) for each item that cannot be read;
it never raises for one bad item. Formats (``FORMATS``): ``seed`` (plain text, the seed
article's layout detected), ``jsonl`` (JSON Lines and JSON arrays), ``csv`` (a header row,
then one article per row), ``ant`` (TREC-style ``<DOC>`` files), ``html``, ``rss`` (RSS and
Atom), ``warc``; ``auto`` picks one per item by name and content. Folders and ``.tar``,
``.tar.gz``, ``.tgz``, ``.zip``, ``.gz`` files of these are read as streams, member by member.
HTML, feeds and WARC need the ``ingest`` extra (``pip install 'marsad[ingest]'``).

For JSON and CSV, ``mapping`` names the input field of some Article fields
(``{"text": "content", "published": "date_extracted"}``); the others are found by their
common names (:mod:`marsad.readers.fields`). ``date_order`` (``DMY``, the default, ``MDY`` or
``YMD``) reads their ambiguous numeric dates such as ``01/03/2020``. ``on_fields`` is called
with the mapping each JSON or CSV file uses, ``warn`` with one line per file whose records had
dates that cannot be read (those records are read without a date).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from marsad.core.errors import ConfigError, InputError
from marsad.core.types import Article, ReadError
from marsad.readers._dates import DATE_ORDERS
from marsad.readers.containers import folder_files, read_path, read_stream
from marsad.readers.detect import FORMATS, detect
from marsad.readers.fields import TARGETS, ReadOptions, check_mapping, parse_field_option


def read(
    paths: Iterable[str | Path] | str | Path,
    input_format: str = "auto",
    mapping: Mapping[str, str] | None = None,
    *,
    date_order: str = "DMY",
    on_fields: Callable[[str], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[Article | ReadError]:
    """Articles and read errors from files, folders, archives or '-' (stdin), in order."""
    if input_format not in FORMATS:
        raise ConfigError(
            f"unknown input format {input_format!r}; choose one of: {', '.join(FORMATS)}"
        )
    options = ReadOptions(check_mapping(mapping), date_order, on_fields, warn)
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    return _read_all(items, input_format, options)


def _read_all(paths: list[str | Path], input_format: str, options: ReadOptions) -> Iterator[Article | ReadError]:
    for path in paths:
        yield from read_path(path, input_format, options)


def check_inputs(paths: Iterable[str | Path]) -> None:
    """Raise :class:`InputError` (one line naming it) for a path that does not exist or a folder
    with nothing to read; '-' (stdin) always passes. Commands call it before any work."""
    for path in paths:
        name = str(path)
        if name == "-":
            continue
        p = Path(name)
        if p.is_dir():
            if next(folder_files(p), None) is None:
                raise InputError(f"{name}: the folder has no files to read (it is empty, or holds only "
                                 "hidden files, README or LICENSE); give a folder with articles in it")
        elif not p.exists():
            raise InputError(f"no such file or directory: {name} (check the path)")


__all__ = ["DATE_ORDERS", "FORMATS", "TARGETS", "check_inputs", "check_mapping", "detect", "parse_field_option",
           "read", "read_path", "read_stream"]
