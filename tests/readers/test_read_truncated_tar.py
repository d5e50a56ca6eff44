"""A cut compressed tar keeps every member whose bytes are all there and reports the cut once."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import tarfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from marsad.core.types import Article, ReadError
from marsad.readers import read

DOC = "<DOC>\n<DOCNO>{id}</DOCNO>\n<TIME>Sun, 15 Jul 2018 21:56:56 +0400</TIME>\n<TEXT>\nنص الخبر {id} {pad}.\n</TEXT>\n</DOC>\n"
UNPACK: dict[str, Callable[[bytes], bytes]] = {
    "gz": lambda data: zlib.decompressobj(31).decompress(data),
    "bz2": lambda data: bz2.BZ2Decompressor().decompress(data),
    "xz": lambda data: lzma.LZMADecompressor().decompress(data),
}


def _archive(tmp_path: Path, kind: str, n: int) -> tuple[bytes, dict[str, int]]:
    """The archive's bytes and, for each member's DOCNO, where its data ends in the tar."""
    path = tmp_path / f"full.tar.{kind}"
    with tarfile.open(path, f"w:{kind}") as tar:
        for i in range(n):
            data = DOC.format(id=f"D-{i}", pad="كلمة " * (i * 37 % 300)).encode()
            info = tarfile.TarInfo(f"SRC/cat/D-{i}.txt")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    with tarfile.open(path) as tar:
        ends = {f"D-{i}": m.offset_data + m.size for i, m in enumerate(tar.getmembers())}
    return path.read_bytes(), ends


@pytest.mark.parametrize("kind", ["gz", "bz2", "xz"])
def test_cut_tar_keeps_every_complete_member(tmp_path: Path, kind: str) -> None:
    data, ends = _archive(tmp_path, kind, 300)
    cuts = sorted({len(data) * k // 23 for k in range(1, 23)} | {len(data) - 30, len(data) - 1})
    for cut in cuts:
        path = tmp_path / f"cut-{cut}.tar.{kind}"
        path.write_bytes(data[:cut])
        there = len(UNPACK[kind](data[:cut]))  # the tar bytes that survive the cut
        complete = [doc for doc, end in ends.items() if end <= there]
        results = list(read(path))
        assert [r.id for r in results if isinstance(r, Article)] == complete, cut
        errors = [r for r in results if isinstance(r, ReadError)]
        assert len(errors) == 1 and errors[0] is results[-1], (cut, errors)
        assert errors[0].item == str(path)
        # a cut before the first decompressed bytes leaves nothing to recognise as a tar
        assert "truncated" in errors[0].reason if there else "EOFError" in errors[0].reason


def test_last_complete_member_before_the_cut_is_read(tmp_path: Path) -> None:
    data, ends = _archive(tmp_path, "gz", 40)
    # cut the compressed stream just before its end: the tar's zero blocks are lost, every member is there
    path = tmp_path / "cut.tgz"
    path.write_bytes(data[:-12])
    results = list(read(path))
    assert [r.id for r in results if isinstance(r, Article)] == list(ends)
    assert [type(r).__name__ for r in results].count("ReadError") == 1


def test_whole_archive_and_cut_single_file_unchanged(tmp_path: Path) -> None:
    data, ends = _archive(tmp_path, "gz", 20)
    results = list(read(tmp_path / "full.tar.gz"))
    assert [r.id for r in results] == list(ends)
    packed = gzip.compress(" ".join(f"نص {i}." for i in range(20000)).encode())
    gz = tmp_path / "cut.txt.gz"
    gz.write_bytes(packed[: len(packed) // 2])
    [err] = list(read(gz))
    assert isinstance(err, ReadError) and "EOFError" in err.reason
