"""``marsad parse``: JSON per article, one stderr line per bad item, exit codes."""

from __future__ import annotations

import io
import json
import os
import sys
import tarfile
from pathlib import Path

import pytest

from marsad.cli.main import main
from marsad.cli.parse import format_published
from marsad.text.normalize import normalize_text

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("MARSAD_SHARED", REPO / ".." / "shared")).resolve()
SEED = SHARED / "seed" / "000_cf51298b20422178.txt"

GOOD = "<DOC>\n<DOCNO>T-1</DOCNO>\n<TIME>Sun, 15 Jul 2018 21:56:56 +0400</TIME>\n<AUTHOR>دبي - وكالة</AUTHOR>\n<TEXT>\nقال الوزير أمس إن الاجتماع نجح.\n</TEXT>\n</DOC>\n"


def _run(*argv: str) -> tuple[int, list[dict], list[str]]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["parse", *argv], stdout=out, stderr=err)
    text, docs, pos = out.getvalue(), [], 0
    decoder = json.JSONDecoder()
    while text[pos:].strip():
        doc, pos = decoder.raw_decode(text, len(text) - len(text[pos:].lstrip()))
        docs.append(doc)
    return code, docs, err.getvalue().splitlines()


def test_seed_golden() -> None:
    if not SEED.exists():
        pytest.skip(f"seed not found at {SEED}; set MARSAD_SHARED")
    code, [doc], errors = _run(str(SEED))
    assert code == 0 and errors == []
    assert doc["title"] == "منظمة التعاون الإسلامى تبحث مع الأمم المتحدة سبل تعزيز التعاون الثنائى"
    assert (doc["published"], doc["published_precision"], doc["timezone"]) == ("2014-05-22T19:14", "minute", None)
    text = doc["text"]
    assert len(doc["sentences"]) >= 8
    for s in doc["sentences"]:
        assert text[s["start"]:s["end"]] == s["text"]
    assert doc["tokens"]
    for t in doc["tokens"]:
        assert text[t["start"]:t["end"]] == t["text"]
        for g in t["segments"]:
            assert t["start"] <= g["start"] < g["end"] <= t["end"] and text[g["start"]:g["end"]] == g["text"]
    fi = [t["norm"] for t in doc["tokens"] if t["text"] in ("فى", "في")]
    assert len(fi) > 5 and len(set(fi)) == 1 and fi[0] == normalize_text("في")  # فى and في alike
    years = [d for d in doc["dates"] if d["precision"] == "year"]
    assert any(d["value"] == "2012-01-01" and text[d["start"]:d["end"]] == d["text"] for d in years)


def test_archive_with_a_bad_member(tmp_path: Path) -> None:
    archive = tmp_path / "in.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for name, body in (("a/T-1.txt", GOOD), ("a/T-2.txt", GOOD[:60]), ("README.md", "# docs")):
            data = body.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    code, docs, errors = _run(str(archive), "--no-tokens")
    assert code == 1
    assert [d["id"] for d in docs] == ["T-1"]
    assert docs[0]["published"] == "2018-07-15T21:56:56+04:00" and docs[0]["timezone"] == "+04:00"
    assert docs[0]["dateline"] == "دبي - وكالة" and "tokens" not in docs[0]
    assert any(d["text"] == "أمس" and d["value"] == "2018-07-14" for d in docs[0]["dates"])
    assert len(errors) == 1 and f"{archive}:a/T-2.txt" in errors[0] and "truncated" in errors[0]


def test_missing_path_and_bad_format(tmp_path: Path) -> None:
    code, docs, errors = _run(str(tmp_path / "nope.txt"))
    assert code == 2 and docs == [] and len(errors) == 1 and "nope.txt" in errors[0]
    code, _, _ = _run(str(tmp_path), "--input-format", "pdf")
    assert code == 2


def test_stdin_and_forced_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    line = json.dumps({"id": "j1", "text": "خبر قصير.", "published": "2018-07-15"}, ensure_ascii=False)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line.encode())))
    code, [doc], _ = _run("-", "--pretty")
    assert code == 0 and doc["id"] == "j1" and doc["published"] == "2018-07-15" and doc["timezone"] is None
    p = tmp_path / "lines.txt"
    p.write_text(line + "\n", "utf-8")
    assert _run(str(p), "--input-format", "jsonl")[1][0]["id"] == "j1"
    code, [doc], _ = _run(str(p))  # detected by content
    assert doc["id"] == "j1"


def test_format_published_cuts_to_precision() -> None:
    from datetime import datetime, timedelta, timezone

    aware = datetime(2018, 7, 15, 21, 56, 56, tzinfo=timezone(timedelta(hours=4)))
    assert format_published(aware, "second") == ("2018-07-15T21:56:56+04:00", "+04:00")
    assert format_published(aware, "day") == ("2018-07-15", "+04:00")
    assert format_published(datetime(2014, 5, 1), "month") == ("2014-05", None)
    assert format_published(None, None) == (None, None)
