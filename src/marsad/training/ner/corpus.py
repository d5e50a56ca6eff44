"""Reading the NER training data: CoNLL files and the ANT news corpus text."""

from __future__ import annotations

import re
import tarfile
from collections.abc import Iterator
from pathlib import Path

Sentence = list[tuple[str, str]]  # (token, IOB tag)

# Words: runs of Arabic letters and marks (U+0621-U+064A, U+064B-U+065F, U+0660-U+0669 digits,
# U+066E-U+06D3, U+06FA-U+06FF), Latin letters, or digits; anything else is one punctuation token.
_TOKEN = re.compile(r"[\u0621-\u065F\u066E-\u06D3\u06FA-\u06FF]+|[A-Za-z\u00C0-\u024F]+|[0-9\u0660-\u0669]+(?:[.,][0-9]+)*|\S")
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


def read_conll(path: str | Path) -> list[Sentence]:
    """Sentences of (token, tag) pairs from a two-column CoNLL file (blank line between sentences)."""
    sents: list[Sentence] = []
    cur: Sentence = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            cur.append((parts[0], parts[-1] if len(parts) > 1 else "O"))
    if cur:
        sents.append(cur)
    return sents


def split_words(text: str) -> list[str]:
    """Split raw text the way ANERcorp is tokenised: punctuation apart, clitics left attached."""
    return _TOKEN.findall(text)


def ant_articles(archive: str | Path, categories: tuple[str, ...] = ()) -> Iterator[str]:
    """The ``<TEXT>`` of every ANT article in the archive (or in ``categories``), in archive order."""
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".txt") or "/" not in member.name:
                continue
            if categories and member.name.split("/")[-2] not in categories:
                continue
            fh = tar.extractfile(member)
            if fh is None:
                continue
            raw = fh.read().decode("utf-8", errors="replace")
            match = _TEXT.search(raw)
            if match and match.group(1).strip():
                yield match.group(1)


def ant_sentences(archive: str | Path) -> Iterator[list[str]]:
    """ANT text as lists of tokens, one list per line of each article."""
    for text in ant_articles(archive):
        for line in text.splitlines():
            words = split_words(line)
            if len(words) > 2:
                yield words
