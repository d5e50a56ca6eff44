"""Shared pieces of the readers: size limit, decoding, binary sniffing, ids, peekable streams.

A reader is a function ``(stream, item) -> Iterator[Article | ReadError]`` where ``stream`` is
a binary stream and ``item`` names where it came from (``path`` or ``path:member``). Readers
never raise for one bad item: they yield a :class:`~marsad.core.types.ReadError` and go on.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import lzma
import re
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

from marsad.core.types import Article, ReadError

MAX_BYTES = 20 * 1024 * 1024  # one article (file, archive member, JSON line, WARC record)
MAX_LABEL = "20 MB"

Result = Article | ReadError
Reader = Callable[[BinaryIO, str], Iterator[Result]]

CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # C0 controls except TAB LF CR, and DEL
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13))  # C0 controls except TAB LF CR
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"MZ", "an executable (Windows)"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 audio file"),
)


# What reading a (possibly compressed, possibly truncated) stream may raise.
READ_ERRORS: tuple[type[BaseException], ...] = (
    OSError, EOFError, ValueError, zlib.error, lzma.LZMAError, tarfile.TarError, zipfile.BadZipFile
)


def read_limited(stream: BinaryIO, item: str, limit: int = MAX_BYTES) -> bytes | ReadError:
    """All bytes of ``stream``, or a ReadError when it is over ``limit`` or cannot be read."""
    try:
        data = stream.read(limit + 1)
    except READ_ERRORS as exc:
        return ReadError(item, f"cannot read: {describe(exc)}")
    if data is None:
        return ReadError(item, "cannot read: the stream gave no data")
    if len(data) > limit:
        return over_limit(item)
    return data


def over_limit(item: str, size: int | None = None) -> ReadError:
    got = f" ({size / 1048576:.1f} MB)" if size is not None else ""
    return ReadError(item, f"over the {MAX_LABEL} limit for one article{got}; split the file")


def describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def sniff_binary(data: bytes) -> str | None:
    """Why ``data`` looks like a binary file rather than text, or None."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"binary content ({what}), not text"
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in head:
        return "binary content (NUL bytes), not text"
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > 0.05:
        return "binary content (many control bytes), not text"
    return None


def refuse(data: bytes, item: str, empty: str = "empty: no text") -> ReadError | None:
    """A ReadError when ``data`` is empty (reason ``empty``) or binary, else None."""
    if not data.strip():
        return ReadError(item, empty)
    why = sniff_binary(data)
    return ReadError(item, why) if why else None


def read_bytes(stream: BinaryIO, item: str, empty: str = "empty: no text") -> bytes | ReadError:
    """The bytes of one text item (a feed, a page): read within the limit, not empty, not binary.

    The caller decodes them (feeds and pages declare their own encodings).
    """
    data = read_limited(stream, item)
    if isinstance(data, ReadError):
        return data
    return refuse(data, item, empty) or data


def read_text(stream: BinaryIO, item: str) -> str | ReadError:
    """The text of one item: read within the limit, not empty or binary, decoded (see :func:`decode`).

    Every failure is a ReadError naming ``item``.
    """
    data = read_limited(stream, item)
    return data if isinstance(data, ReadError) else decode(data, item)


def decode(data: bytes, item: str) -> str | ReadError:
    """Text of ``data`` (UTF-8, or UTF-8/UTF-16 with a BOM), or a ReadError saying why not."""
    refused = refuse(data, item)
    if refused:
        return refused
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    encoding = "utf-16" if utf16 else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        return ReadError(
            item,
            f"not valid {'UTF-16' if utf16 else 'UTF-8'}: bad byte at offset {exc.start}; "
            "re-encode the file as UTF-8 (e.g. iconv -f WINDOWS-1256 -t UTF-8)",
        )


def clean(text: str) -> str:
    """Unify line ends and drop control characters (keeps TAB and LF)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL_CHARS.sub("", text) if CONTROL_CHARS.search(text) else text


def stem(item: str) -> str:
    """The file stem of an item name: ``a/b/AL-1.txt.gz`` -> ``AL-1``."""
    name = item.rsplit(":", 1)[-1] if ":" in item.rsplit("/", 1)[-1] else item
    name = re.split(r"[/\\]", name)[-1].strip("<>") or "article"
    while "." in name.strip("."):
        head, _, ext = name.rpartition(".")
        if not head or len(ext) > 5:
            break
        name = head
    return name


def content_id(item: str, text: str, salt: str = "") -> str:
    """A stable id from the item's file stem and a hash of the content."""
    digest = hashlib.sha1((salt + "\x00" + text).encode("utf-8")).hexdigest()[:12]
    return f"{stem(item)}-{digest}"


class _Replay(io.RawIOBase):
    """A raw stream that first replays bytes already read from ``raw``, then reads on.

    If reading the head failed (a truncated gzip ...), the error is raised again once the
    replayed bytes are used up, so a reader sees the data before the damage and then the error.
    """

    def __init__(self, head: bytes, raw: BinaryIO, error: BaseException | None = None) -> None:
        super().__init__()
        self._raw = raw
        self._buf = head
        self._error = error

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def, override]
        if self._buf:
            n = min(len(b), len(self._buf))
            b[:n] = self._buf[:n]
            self._buf = self._buf[n:]
            return n
        if self._error is not None:
            raise self._error
        chunk = self._raw.read(len(b))
        if not chunk:
            return 0
        b[: len(chunk)] = chunk
        return len(chunk)


def with_head(raw: BinaryIO, size: int = 4096) -> tuple[bytes, BinaryIO]:
    """The first ``size`` bytes of ``raw`` (fewer at its end) and a stream that still starts with them."""
    head, error = b"", None
    try:
        while len(head) < size:
            chunk = raw.read(size - len(head))
            if not chunk:
                break
            head += chunk
    except READ_ERRORS as exc:
        error = exc
    return head, io.BufferedReader(_Replay(head, raw, error), buffer_size=65536)  # type: ignore[return-value]
