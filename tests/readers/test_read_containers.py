from __future__ import annotations

import gzip
import io
import json
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from marsad.core.errors import ConfigError
from marsad.core.types import Article, ReadError
from marsad.readers import read

ANT_DOC = "<DOC>\n<DOCNO>{id}</DOCNO>\n<TIME>Sun, 15 Jul 2018 21:56:56 +0400</TIME>\n<TEXT>\nنص الخبر {id}.\n</TEXT>\n</DOC>\n"


def _tar_bytes(members: dict[str, bytes], mode: str = "w:gz") -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode) as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _members(n: int) -> dict[str, bytes]:
    out = {"README.md": b"# not an article\n"}
    for i in range(n):
        out[f"SRC/cat/D-{i}.txt"] = ANT_DOC.format(id=f"D-{i}").encode()
    return out


def test_tar_gz_stream_skips_readme(tmp_path: Path) -> None:
    path = tmp_path / "corpus.tar.gz"
    path.write_bytes(_tar_bytes(_members(5)))
    results = list(read(path))
    assert [r.id for r in results] == [f"D-{i}" for i in range(5)]
    assert results[0].origin == f"{path}:SRC/cat/D-0.txt"


def test_truncated_tar_gz_reads_what_it_can(tmp_path: Path) -> None:
    data = _tar_bytes(_members(200))
    path = tmp_path / "cut.tgz"
    path.write_bytes(data[: len(data) // 2])
    results = list(read(path))
    arts = [r for r in results if isinstance(r, Article)]
    errors = [r for r in results if isinstance(r, ReadError)]
    assert 0 < len(arts) < 200
    assert errors and errors[-1].item == str(path)
    assert "truncated" in errors[-1].reason or "cannot read" in errors[-1].reason


def test_zip_nested_and_forced_format(tmp_path: Path) -> None:
    inner = _tar_bytes({"a/X-1.txt": ANT_DOC.format(id="X-1").encode()}, mode="w")
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("docs/Z-1.txt", ANT_DOC.format(id="Z-1"))
        zf.writestr("docs/", "")
        zf.writestr("inner.tar", inner)
        zf.writestr("__MACOSX/docs/._Z-1.txt", b"\x00\x05junk")
        zf.writestr("lines.jsonl", json.dumps({"id": "J-1", "text": "خبر."}))
    results = list(read(path))
    assert sorted(r.id for r in results) == ["J-1", "X-1", "Z-1"]
    assert {r.origin for r in results if r.id == "X-1"} == {f"{path}:inner.tar:a/X-1.txt"}
    forced = list(read(path, "ant"))
    assert sorted(type(r).__name__ for r in forced) == ["Article", "Article", "ReadError"]


def test_folder_order_hidden_files_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("الثاني.", "utf-8")
    (tmp_path / "a.txt").write_text("الأول.", "utf-8")
    (tmp_path / ".hidden.txt").write_text("مخفي.", "utf-8")
    (tmp_path / "LICENSE").write_text("licence text", "utf-8")
    results = list(read([tmp_path, tmp_path / "missing.txt"]))
    assert [r.text for r in results[:2]] == ["الأول.", "الثاني."]
    assert results[2] == ReadError(str(tmp_path / "missing.txt"), "no such file or directory")


def test_single_gz_and_truncated_gz(tmp_path: Path) -> None:
    full = gzip.compress(("نص طويل. " * 20000).encode())
    (tmp_path / "ok.txt.gz").write_bytes(full)
    (tmp_path / "cut.txt.gz").write_bytes(full[: len(full) // 2])
    by_name = {Path((r.item if isinstance(r, ReadError) else r.origin) or "").name: r for r in read(tmp_path)}
    assert isinstance(by_name["ok.txt.gz"], Article)
    bad = by_name["cut.txt.gz"]
    assert isinstance(bad, ReadError) and "EOFError" in bad.reason


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.dumps({"id": "s1", "text": "من المدخل القياسي."}, ensure_ascii=False).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(data))))
    [art] = list(read("-"))
    assert isinstance(art, Article) and art.id == "s1" and art.origin == "<stdin>"


def test_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(ConfigError, match="auto, seed, jsonl"):
        read("x", "pdf")
