"""Write the training inputs of the character-LM tagger to one folder.

    python -m marsad.training.neural.prepare OUT_DIR [--shared ../shared]

* ``lm.txt.gz``: the ANT corpus, normalised (``normalize_text``), one paragraph a line, spaces
  collapsed: the character language models learn from it;
* ``train.txt`` / ``test.txt``: ANERcorp CAMeL tokens, normalised, with their tags.

The folder is what ``train.py`` reads, so training can run on a machine without marsad installed.
"""

from __future__ import annotations

import argparse
import gzip
import re
from pathlib import Path

from marsad.core.types import Article
from marsad.readers import read
from marsad.text.normalize import normalize_text

_SPACES = re.compile(r"[ \t\r\f\v]+")


def write_lm_text(corpus: Path, out: Path) -> int:
    n = 0
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=6) as f:
        for a in read(corpus, "auto"):
            if not isinstance(a, Article):
                continue
            for para in normalize_text(a.text).split("\n"):
                para = _SPACES.sub(" ", para).strip()
                if len(para) > 20:
                    f.write(para + "\n")
                    n += len(para) + 1
    return n


def write_conll(src: Path, out: Path) -> None:
    lines = []
    for line in src.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        lines.append(f"{normalize_text(parts[0])}\t{parts[-1]}" if parts else "")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[4].parent / "shared")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    ner = args.shared / "data" / "ner" / "anercorp-camel"
    for name in ("train", "test"):
        write_conll(ner / f"{name}.txt", args.out / f"{name}.txt")
    n = write_lm_text(args.shared / "data" / "corpus" / "ant-v2.1-multisource.tar.gz", args.out / "lm.txt.gz")
    print(f"{n:,} characters of ANT text")


if __name__ == "__main__":
    main()
