"""Which reader fits an item: by its name first, then by its first bytes."""

from __future__ import annotations

import re

FORMATS = ("auto", "seed", "jsonl", "csv", "ant", "html", "rss", "warc")

_BY_EXTENSION = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".warc": "warc", ".arc": "warc",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".rss": "rss", ".atom": "rss", ".rdf": "rss",
    ".sgml": "ant", ".trec": "ant",
}
_SKIP = re.compile(r"^(readme|license|licence|copying|notice|changelog|authors)(\.[\w.]+)?$", re.I)
_COMPRESSED = {b"\x1f\x8b": "gzip", b"BZh": "bz2", b"\xfd7zXZ\x00": "xz"}
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]", re.I)
_TREC = re.compile(rb"<DOC>\s*<DOCNO>|<DOCNO>", re.I)


def skip_member(name: str) -> bool:
    """Members of folders and archives that are never articles (README, LICENSE, hidden files)."""
    parts = re.split(r"[/\\]", name.strip("/"))
    base = parts[-1]
    return (
        not base
        or any(p.startswith(".") and p not in (".", "..") for p in parts)
        or "__MACOSX" in parts
        or bool(_SKIP.match(base))
    )


def container_kind(head: bytes) -> str | None:
    """'gzip', 'bz2', 'xz', 'zip' or 'tar' when ``head`` starts a compressed stream or an archive."""
    for magic, kind in _COMPRESSED.items():
        if head.startswith(magic):
            return kind
    if head.startswith(_ZIP):
        return "zip"
    if len(head) >= 262 and head[257:262] == b"ustar":
        return "tar"
    return None


def _strip_compression(name: str) -> str:
    lower = name.lower()
    for ext in (".gz", ".bz2", ".xz", ".tgz"):
        if lower.endswith(ext):
            return name[: -len(ext)] + (".tar" if ext == ".tgz" else "")
    return name


def inner_name(name: str) -> str:
    """The name of what a compressed file holds: ``a.jsonl.gz`` -> ``a.jsonl``, ``b.tgz`` -> ``b.tar``."""
    return _strip_compression(name)


def detect(name: str, head: bytes) -> str:
    """The reader for a leaf item: one of FORMATS other than 'auto' ('seed' is plain text)."""
    base = re.split(r"[/\\]", name)[-1].lower()
    for ext, fmt in _BY_EXTENSION.items():
        if base.endswith(ext):
            return fmt
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"WARC/"):
        return "warc"
    if _TREC.search(head[:2048]):
        return "ant"
    if _FEED.search(head):
        return "rss"
    if _HTML.search(head):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    if base.endswith(".xml") and start.startswith(b"<"):
        return "rss" if _FEED.search(head) else "ant"
    return "seed"
