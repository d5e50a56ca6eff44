"""Plain-text articles, with the layout detected rather than assumed.

Recognised layouts (lines, blank lines ignored):

* ``body...``, ``headline``, ``dateline``: Youm7 pages saved as text (the seed article);
* ``headline``, ``dateline``, ``body...``;
* anything else: the whole text is the body, with no title and no date.

A headline is one short line (at most 30 words) that does not end like a sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from marsad.core.types import Article, ReadError
from marsad.readers._dates import looks_like_dateline, parse_published
from marsad.readers.base import Result, clean, content_id, read_text

_SENTENCE_END = (".", "!", "؟", "?", "…", ":", "»", '"')  # ؟ U+061F


def read_seed(stream: BinaryIO, item: str) -> Iterator[Result]:
    """Yield the one article of a plain-text file (or a ReadError)."""
    text = read_text(stream, item)
    yield text if isinstance(text, ReadError) else parse_plain(clean(text), item)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, with surrounding spaces excluded."""
    spans, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped)
            spans.append((start, start + len(stripped)))
        pos += len(raw) + 1
    return spans


def is_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 30 and not line.rstrip().endswith(_SENTENCE_END) and not looks_like_dateline(line)


def parse_plain(text: str, item: str) -> Article | ReadError:
    """Split a plain text into body, headline and dateline where the layout shows them."""
    spans = _lines(text)
    if not spans:
        return ReadError(item, "empty: no text")
    line = [text[a:b] for a, b in spans]
    title = dateline = None
    body_start, body_end, layout = spans[0][0], spans[-1][1], "body"
    if len(spans) >= 3 and looks_like_dateline(line[-1]) and is_headline(line[-2]):
        title, dateline, body_end, layout = line[-2], line[-1], spans[-3][1], "body-headline-dateline"
    elif len(spans) >= 3 and is_headline(line[0]) and looks_like_dateline(line[1]):
        title, dateline, body_start, layout = line[0], line[1], spans[2][0], "headline-dateline-body"
    elif len(spans) >= 2 and looks_like_dateline(line[-1]):
        dateline, body_end, layout = line[-1], spans[-2][1], "body-dateline"
    body = text[body_start:body_end]
    published, precision = parse_published(dateline)
    return Article(
        id=content_id(item, body),
        text=body,
        title=title,
        published=published,
        published_precision=precision,
        source=None,
        origin=item,
        meta={"layout": layout, "dateline_text": dateline} if dateline else {"layout": layout},
    )
