"""A hostile corpus: every bad item becomes a failure with a reason; everything else is stored."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

from marsad.cli.main import main
from marsad.store import open_store

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>x</title>
<description>&lol3;</description></item></channel></rss>"""

PAGE = """<html><head><title>اجتماع وزراء الخارجية العرب</title>
<script>var x = "<p>evil payload</p>"; alert(1)</script></head><body><article>
<h1>اجتماع وزراء الخارجية العرب</h1>
<p>عقد وزراء الخارجية العرب اجتماعا طارئا في القاهرة لبحث الأوضاع في سوريا، وقال الأمين العام إن
الاجتماع ناقش الأزمة الإنسانية وسبل وقف القتال.</p>
<script>document.write("injected text")</script>
<p>ودعا الوزراء الأمم المتحدة إلى التحرك العاجل لوقف القتال في سوريا والعراق.</p>
</article></body></html>"""


def build(src: Path, ant_dir: Path) -> None:
    src.mkdir()
    (src / "binary.bin").write_bytes(os.urandom(4096))
    (src / "empty.txt").write_bytes(b"")
    line = "الأمم المتحدة تدعو إلى اجتماع في جنيف لبحث الأزمة. " * 20 + "\n"
    with open(src / "big.txt", "w", encoding="utf-8") as fh:
        fh.write(line * (50 * 2**20 // len(line.encode()) + 1))
    (src / "invalid-utf8.txt").write_bytes("اجتماع في القاهرة".encode() + b"\xff\xfe\xc3\x28\n")
    (src / "bomb.rss").write_text(BOMB, "utf-8")
    data = gzip.compress("".join(f'{{"id": "gz{i}", "text": "اجتماع مصر وتركيا رقم {i}"}}\n'
                                 for i in range(2000)).encode())
    (src / "truncated.jsonl.gz").write_bytes(data[: len(data) // 2])
    (src / "page.html").write_text(PAGE, "utf-8")
    for p in sorted((ant_dir / "BBC" / "middleEast").iterdir())[:3]:
        (src / p.name).write_bytes(p.read_bytes())


def test_hostile_corpus(tmp_path: Path, ant_dir: Path) -> None:
    src, db = tmp_path / "hostile", tmp_path / "h.db"
    build(src, ant_dir)
    err = io.StringIO()
    rc = main(["ingest", str(src), "--db", str(db), "--pipeline", "store_toy:load"],
              stdout=io.StringIO(), stderr=err)
    assert rc == 1
    with open_store(db) as store:
        fails = {Path(f["item"].split(" ")[0]).name: f for f in store.failures()}
        arts = store.articles()
    bad = {"binary.bin", "empty.txt", "big.txt", "invalid-utf8.txt", "bomb.rss", "truncated.jsonl.gz"}
    assert set(fails) == bad, fails
    assert all(f["reason"] and f["stage"] == "read" for f in fails.values())
    ids = {a.id for a in arts}
    assert sum(1 for i in ids if i.startswith("BB-middleEast")) == 3
    gz = [i for i in ids if i.startswith("gz")]
    assert gz  # the lines before the truncation are kept
    page = [a for a in arts if "وزراء الخارجية" in a.text]
    assert len(page) == 1 and "evil" not in page[0].text and "injected" not in page[0].text
    assert len(ids) == 3 + len(gz) + 1
    with open_store(db) as store:
        before = store.counts()
    rc = main(["ingest", str(src), "--db", str(db), "--pipeline", "store_toy:load"],
              stdout=io.StringIO(), stderr=io.StringIO())
    with open_store(db) as store:
        assert rc == 1 and store.counts() == before
