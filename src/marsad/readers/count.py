"""How many articles a set of inputs holds, counted cheaply before reading them (for a progress
bar's total): one per HTML or plain-text file, one per line of a JSON Lines file, one per record
of a CSV file, one per ``<DOC>`` of an ANT/TREC file. Inputs whose count is not cheap to know
(stdin, archives, compressed files, feeds, WARC, JSON arrays) make the total unknown (None).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from marsad.readers.containers import folder_files
from marsad.readers.detect import container_kind, detect

#: Above this many bytes of input the count is not cheap any more: the total stays unknown.
MAX_BYTES = 2 * 1024**3
_DOC = re.compile(rb"<DOC>", re.I)


def _count_file(path: Path, fmt: str) -> int | None:
    with path.open("rb") as fh:
        head = fh.read(4096)
        if container_kind(head):
            return None
        kind = detect(path.name, head) if fmt == "auto" else fmt
        if kind in ("html", "seed"):
            return 1
        fh.seek(0)
        if kind == "jsonl":
            if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
                return None  # a JSON array: counting it means parsing it
            return sum(1 for line in fh if line.strip())
        if kind == "ant":
            return sum(len(_DOC.findall(line)) for line in fh)
        if kind == "csv":
            text = io.TextIOWrapper(fh, encoding="utf-8", errors="replace", newline="")
            delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
            return max(sum(1 for _ in csv.reader(text, delimiter=delimiter)) - 1, 0)
    return None


def count_articles(paths: Iterable[str | Path], input_format: str = "auto") -> int | None:
    """The number of articles under ``paths`` when it is cheap to know, else None."""
    files: list[Path] = []
    for path in paths:
        name = str(path)
        if name == "-":
            return None
        p = Path(name)
        files.extend(folder_files(p) if p.is_dir() else [p])
    try:
        if sum(f.stat().st_size for f in files) > MAX_BYTES:
            return None
        total = 0
        for f in files:
            n = _count_file(f, input_format)
            if n is None:
                return None
            total += n
    except OSError:
        return None  # the reader reports the unreadable file
    return total
