"""Write a hostile corpus into a folder: bad items every reader must survive, beside good ones.

Used by tests (``write_hostile(tmp_path)``) and by hand: ``python tests/data/hostile/make.py OUT``.
``EXPECTED`` says, per file, whether it must be read as articles (how many) or be a failure
record whose reason contains the given words. Nothing is stored in the repository: the 50 MB
file and the rest are generated.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

SECRET = "SCRIPT_MUST_NOT_LEAK"
PARAGRAPH = "قال وزير الخارجية إن المحادثات مع الوفد الزائر تناولت سبل تعزيز التعاون بين البلدين. "

# file name -> ("articles", count) or ("error", words in the reason)
EXPECTED: dict[str, tuple[str, int | str]] = {
    "binary.bin": ("error", "binary"),
    "empty.txt": ("error", "empty"),
    "huge.txt": ("error", "20 MB"),
    "invalid_utf8.txt": ("error", "UTF-8"),
    "bomb.rss": ("error", "XML bomb"),
    "truncated.jsonl.gz": ("error", "EOFError"),
    "scripts_only.html": ("error", "no article text"),
    "scripts.html": ("articles", 1),
    "good.txt": ("articles", 1),
    "good.jsonl": ("articles", 2),
    "good.rss": ("articles", 1),
    "good_ant.txt": ("articles", 1),
}


def _bomb() -> str:
    levels = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [' + "".join(levels) + "]>\n"
        "<rss version=\"2.0\"><channel><title>bomb</title><item><title>x</title>"
        "<description>&lol9;</description></item></channel></rss>\n"
    )


def _page(body: str) -> str:
    return (
        "<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'><title>خبر</title>"
        f"<script>var leak = '{SECRET}'; document.write(leak);</script>"
        f"<style>body {{ content: '{SECRET}'; }}</style></head><body>"
        f"<nav>الرئيسية | أخبار</nav>{body}"
        f"<script type='text/javascript'>console.log('{SECRET}')</script><noscript>{SECRET}</noscript>"
        "</body></html>"
    )


def write_hostile(root: Path, huge_mb: int = 50) -> dict[str, tuple[str, int | str]]:
    """Write every hostile and good item under ``root``; returns :data:`EXPECTED`."""
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(6)
    (root / "binary.bin").write_bytes(b"\x00\x01" + rng.randbytes(4096))
    (root / "empty.txt").write_bytes(b"")
    with (root / "huge.txt").open("wb") as out:
        block = (PARAGRAPH * 1000).encode()
        for _ in range(huge_mb * 1024 * 1024 // len(block) + 1):
            out.write(block)
    (root / "invalid_utf8.txt").write_bytes(PARAGRAPH.encode() + b"\xff\xfe\xc3(" + PARAGRAPH.encode())
    (root / "bomb.rss").write_text(_bomb(), "utf-8")
    lines = "".join(json.dumps({"id": f"t{i}", "text": PARAGRAPH}, ensure_ascii=False) + "\n" for i in range(500))
    packed = gzip.compress(lines.encode())
    (root / "truncated.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    (root / "scripts_only.html").write_text(_page(""), "utf-8")
    article = "<article><h1>خبر</h1>" + "".join(f"<p>{PARAGRAPH * 3}</p>" for _ in range(4)) + "</article>"
    (root / "scripts.html").write_text(_page(article), "utf-8")
    (root / "good.txt").write_text(PARAGRAPH * 3 + "\nعنوان الخبر\nالخميس، 22 مايو 2014 07:14 م\n", "utf-8")
    good = [{"id": "g1", "text": PARAGRAPH}, {"id": "g2", "text": PARAGRAPH * 2, "published": "2018-07-15"}]
    (root / "good.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in good), "utf-8")
    (root / "good.rss").write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>وكالة</title><item>'
        f"<title>خبر</title><guid>r1</guid><description>{PARAGRAPH}</description>"
        "<pubDate>Sun, 15 Jul 2018 21:56:56 +0400</pubDate></item></channel></rss>",
        "utf-8",
    )
    (root / "good_ant.txt").write_text(
        "<DOC>\n<DOCNO>H-1</DOCNO>\n<SRC>test</SRC>\n<TITLE>S&P</TITLE>\n"
        f"<TIME>Sun, 15 Jul 2018 21:56:56 +0400</TIME>\n<TEXT>\n{PARAGRAPH}\n</TEXT>\n</DOC>\n",
        "utf-8",
    )
    return EXPECTED


if __name__ == "__main__":  # pragma: no cover
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/data/hostile/make.py OUTPUT_DIR")
    write_hostile(Path(sys.argv[1]))
    print(f"wrote {len(EXPECTED)} items to {sys.argv[1]}")
