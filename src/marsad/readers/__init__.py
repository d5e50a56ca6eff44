"""Readers: turn files, folders, archives, feeds and stdin into :class:`~marsad.core.types.Article`\\ s.

``read(paths, input_format="auto")`` yields an Article for each article found and a
:class:`~marsad.core.types.ReadError` (item, reason) for each item that cannot be read; it never
raises for one bad item. Formats (``FORMATS``): ``seed`` (plain text, the seed article's
layout detected), ``jsonl``, ``ant`` (TREC-style ``<DOC>`` files), ``html``, ``rss`` (RSS and
Atom), ``warc``; ``auto`` picks one per item by name and content. Folders and ``.tar``,
``.tar.gz``, ``.tgz``, ``.zip``, ``.gz`` files of these are read as streams, member by member.
HTML, feeds and WARC need the ``ingest`` extra (``pip install 'marsad[ingest]'``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.core.errors import ConfigError
from marsad.core.types import Article, ReadError
from marsad.readers.containers import read_path, read_stream
from marsad.readers.detect import FORMATS, detect


def read(
    paths: Iterable[str | Path] | str | Path, input_format: str = "auto"
) -> Iterator[Article | ReadError]:
    """Articles and read errors from files, folders, archives or '-' (stdin), in order."""
    if input_format not in FORMATS:
        raise ConfigError(
            f"unknown input format {input_format!r}; choose one of: {', '.join(FORMATS)}"
        )
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    return _read_all(items, input_format)


def _read_all(paths: list[str | Path], input_format: str) -> Iterator[Article | ReadError]:
    for path in paths:
        yield from read_path(path, input_format)


__all__ = ["FORMATS", "detect", "read", "read_path", "read_stream"]
