"""Folders, archives and compressed files, read as streams, member by member.

``.tar``/``.tar.gz``/``.tgz`` (and bz2/xz) are read in tarfile's stream mode, so an archive of
any size is read without being unpacked or held in memory; ``.zip`` is read member by member
(from the file itself, or spooled to a temporary file when it arrives as a stream); a lone
``.gz``/``.bz2``/``.xz`` is decompressed on the fly. Archives may nest. A member names its
item as ``archive:member``. A truncated or corrupt archive yields one ReadError after the members
that could be read: every member whose bytes are all there is read, a compressed tar included
(its decompressor's end-of-data error is held back until tar has read what came before it).
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import importlib
import io
import lzma
import os
import shutil
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from marsad.core.errors import MissingExtra
from marsad.core.types import ReadError
from marsad.readers.base import MAX_BYTES, READ_ERRORS, Reader, Result, describe, over_limit, with_head
from marsad.readers.detect import container_kind, detect, inner_name, skip_member
from marsad.readers.fields import ReadOptions

MAX_DEPTH = 4
_ZIP_OPEN_ERRORS: tuple[type[BaseException], ...] = (NotImplementedError, *READ_ERRORS)
_READERS = {
    "seed": ("seed", "read_seed"),
    "jsonl": ("jsonl", "read_jsonl"),
    "csv": ("csvfile", "read_csv"),
    "ant": ("ant", "read_ant"),
    "html": ("html", "read_html"),
    "rss": ("feeds", "read_feed"),
    "warc": ("warc", "read_warc"),
}
_STREAMED = ("jsonl", "csv", "warc")  # formats whose size limit applies per line / record
_MAPPED = ("jsonl", "csv")  # formats read with a field mapping (ReadOptions)
_DECOMPRESS: dict[str, Callable[[BinaryIO], BinaryIO]] = {
    "gzip": lambda f: cast(BinaryIO, gzip.GzipFile(fileobj=f, mode="rb")),
    "bz2": lambda f: cast(BinaryIO, bz2.BZ2File(f, "rb")),
    "xz": lambda f: cast(BinaryIO, lzma.LZMAFile(f, "rb")),  # noqa: SIM115
}


def get_reader(fmt: str) -> Reader:
    module, func = _READERS[fmt]
    return getattr(importlib.import_module(f"marsad.readers.{module}"), func)  # type: ignore[no-any-return]


def read_path(path: str | Path, fmt: str = "auto", options: ReadOptions | None = None) -> Iterator[Result]:
    """Every article under one path: a file, a folder, an archive, or '-' for stdin."""
    name = str(path)
    if name == "-":
        yield from read_stream("<stdin>", sys.stdin.buffer, fmt, options=options)
        return
    p = Path(name)
    if p.is_dir():
        yield from _read_dir(p, fmt, options)
    elif p.exists():
        yield from _read_file(p, name, fmt, options)
    else:
        yield ReadError(name, "no such file or directory")


def folder_files(root: Path) -> Iterator[Path]:
    """The files of a folder that are read, in order (hidden files, README, LICENSE ... left out)."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for fname in sorted(files):
            path = Path(folder) / fname
            if not skip_member(str(path.relative_to(root))):
                yield path


def _read_dir(root: Path, fmt: str, options: ReadOptions | None) -> Iterator[Result]:
    for path in folder_files(root):
        yield from _read_file(path, str(path), fmt, options)


def _read_file(path: Path, name: str, fmt: str, options: ReadOptions | None) -> Iterator[Result]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield ReadError(name, f"cannot open: {describe(exc)}")
        return
    with handle:
        try:
            size = os.fstat(handle.fileno()).st_size
        except OSError:
            size = None
        yield from read_stream(name, handle, fmt, size=size, path=path, options=options)  # type: ignore[arg-type]


def read_stream(
    name: str, raw: BinaryIO, fmt: str = "auto", depth: int = 0, size: int | None = None,
    path: Path | None = None, hint: str | None = None, options: ReadOptions | None = None,
    cut: _Cut | None = None,
) -> Iterator[Result]:
    """Articles from one stream: unpack it if it is compressed or an archive, else read it.

    ``name`` names the items in results; ``hint`` is the name used for detection (``a.jsonl``
    inside ``a.jsonl.gz``); ``options`` (field mapping, date order, callbacks) go to the JSON
    and CSV readers; ``cut`` is the decompressed stream ``raw`` reads, when it is one.
    """
    hint = hint or name
    if depth > MAX_DEPTH:
        yield ReadError(name, f"archives nested more than {MAX_DEPTH} deep; unpack it first")
        return
    head, stream = with_head(raw)
    kind = container_kind(head)
    if cut is not None and kind != "tar":
        cut.strict = True  # only tar reads up to the cut; anything else reports it where it is read
    if kind in _DECOMPRESS:
        # .warc.gz too: gzip reports a truncated stream, which warcio would pass over silently
        unpacked = _Cut(_DECOMPRESS[kind](stream))
        yield from read_stream(name, cast(BinaryIO, io.BufferedReader(unpacked)), fmt, depth + 1,
                               hint=inner_name(hint), options=options, cut=unpacked)
    elif kind == "tar":
        yield from _read_tar(name, stream, fmt, depth, options, cut)
    elif kind == "zip":
        yield from _read_zip(name, stream, fmt, depth, path, options)
    else:
        leaf = detect(hint, head) if fmt == "auto" else fmt
        yield from _read_leaf(name, stream, leaf, size, options)


def _read_leaf(name: str, stream: BinaryIO, fmt: str, size: int | None,
               options: ReadOptions | None) -> Iterator[Result]:
    if size is not None and size > MAX_BYTES and fmt not in _STREAMED:
        yield over_limit(name, size)
        return
    try:
        if fmt in _MAPPED and options is not None:
            yield from get_reader(fmt)(stream, name, options)  # type: ignore[call-arg]
        else:
            yield from get_reader(fmt)(stream, name)
    except MissingExtra as exc:
        yield ReadError(name, str(exc))
    except Exception as exc:  # a reader must never stop the run; report and go on
        yield ReadError(name, f"reader '{fmt}' failed: {describe(exc)}")


def _member_name(archive: str, member: str) -> str:
    return f"{archive}:{member.lstrip('./') or member}"


class _Cut(io.RawIOBase):
    """A decompressed stream that ends where its data ends, remembering why.

    A decompressor raises at the end of a truncated stream, and a buffered reader above it (or
    tar's own) drops the bytes it had read before: the last complete members would be lost.
    Here the bytes before the cut come out, then the end; ``error`` says what cut it short.
    ``strict`` re-raises the error instead, for readers that must fail on a cut file.
    """

    def __init__(self, inner: BinaryIO) -> None:
        super().__init__()
        self.inner, self.strict = inner, False
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self.error is None:
            try:
                data = self.inner.read1(len(buffer))  # type: ignore[attr-defined]  # one read: nothing held back
            except READ_ERRORS as exc:
                self.error = exc
            else:
                buffer[: len(data)] = data
                return len(data)
        if self.strict:
            raise self.error
        return 0


class _Counted:
    """The stream tar reads, counting its bytes: a member is complete when they reach its end."""

    def __init__(self, inner: BinaryIO) -> None:
        self.inner, self.pos, self.ended = inner, 0, False

    def read(self, size: int = -1) -> bytes:
        data = self.inner.read(size)
        self.pos += len(data)
        self.ended = self.ended or not data or (size >= 0 and len(data) < size)
        return data

    def lost(self, member: tarfile.TarInfo) -> bool:
        """Whether the stream ended before the member's last byte."""
        return self.ended and member.offset_data + member.size > self.pos


def _read_tar(name: str, stream: BinaryIO, fmt: str, depth: int, options: ReadOptions | None,
              cut: _Cut | None = None) -> Iterator[Result]:
    counted = _Counted(stream)
    lost: str | None = None  # the first member cut short
    error: BaseException | None = None
    try:
        tar = tarfile.open(fileobj=cast(BinaryIO, counted), mode="r|")  # noqa: SIM115 - closed by the with below
    except READ_ERRORS as exc:
        if cut is None or cut.error is None:
            yield ReadError(name, f"not a readable tar archive: {describe(exc)}")
            return
        tar = None
    if tar is not None:
        with tar:
            try:
                while (member := tar.next()) is not None:
                    tar.members.clear()  # type: ignore[attr-defined]  # stream mode keeps every header otherwise: memory would grow
                    if not member.isfile() or skip_member(member.name):
                        continue
                    handle = tar.extractfile(member)
                    if handle is None:
                        continue
                    item = _member_name(name, member.name)
                    for result in read_stream(item, cast(BinaryIO, handle), fmt, depth + 1, member.size,
                                              options=options):
                        if counted.lost(member):  # what is read from here on is cut short: one error says so
                            lost = member.name
                            break
                        yield result
                    if lost is not None:
                        break
            except READ_ERRORS as exc:
                error = exc
    if cut is not None and cut.error is not None:
        error = cut.error
    if error is not None or lost is not None:
        what = f"'{lost}' and the members after it" if lost is not None else "members after this point"
        reason = describe(error) if error is not None else "the archive ends inside it"
        yield ReadError(name, f"truncated or corrupt archive; {what} lost: {reason}")


def _read_zip(name: str, stream: BinaryIO, fmt: str, depth: int, path: Path | None,
              options: ReadOptions | None) -> Iterator[Result]:
    with contextlib.ExitStack() as stack:
        try:
            if path is None:  # zip needs random access: spool the stream to a temporary file
                spool = stack.enter_context(tempfile.TemporaryFile())
                shutil.copyfileobj(stream, spool, 1 << 20)
                spool.seek(0)
            archive = stack.enter_context(zipfile.ZipFile(path if path is not None else spool))
        except READ_ERRORS as exc:
            yield ReadError(name, f"not a readable zip archive: {describe(exc)}")
            return
        for info in archive.infolist():
            yield from _read_zip_member(name, archive, info, fmt, depth, options)


def _read_zip_member(name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, fmt: str, depth: int,
                     options: ReadOptions | None) -> Iterator[Result]:
    if info.is_dir() or skip_member(info.filename):
        return
    item = _member_name(name, info.filename)
    if info.flag_bits & 0x1:
        yield ReadError(item, "encrypted zip member; decrypt the archive first")
        return
    try:
        handle = archive.open(info)
    except _ZIP_OPEN_ERRORS as exc:
        yield ReadError(item, f"cannot open zip member: {describe(exc)}")
        return
    with handle:
        yield from read_stream(item, handle, fmt, depth + 1, info.file_size, options=options)  # type: ignore[arg-type]
