"""Text tables that line up in a terminal that shows Arabic.

A terminal lays out a line in display cells: combining marks (Arabic harakat) take none, wide
East Asian characters two, format characters none. Arabic runs are shown right to left inside a
left-to-right line; without a boundary, a run of Arabic can pull a neighbouring number or
punctuation across a column gap (the Unicode bidi algorithm treats digits next to Arabic as part
of it). Each cell with right-to-left letters is therefore wrapped in FIRST STRONG ISOLATE ... POP
DIRECTIONAL ISOLATE (U+2068 ... U+2069), which keeps its text in its own column; every cell is
padded outside the isolate to its column's width.
"""

from __future__ import annotations

import unicodedata

FSI, PDI = "\u2068", "\u2069"
ELLIPSIS = "…"


def char_width(ch: str) -> int:
    """Display cells of one character: 0 for combining marks and format/control characters,
    2 for wide and fullwidth East Asian characters, else 1."""
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me", "Cf", "Cc"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width(text: str) -> int:
    """Display cells of a string."""
    return sum(char_width(c) for c in text)


def truncate(text: str, cells: int) -> str:
    """``text`` cut to at most ``cells`` display cells, with an ellipsis when cut."""
    if width(text) <= cells:
        return text
    out, used = [], 0
    for ch in text:
        w = char_width(ch)
        if used + w > cells - 1:
            break
        out.append(ch)
        used += w
    while out and unicodedata.category(out[-1]) in ("Mn", "Me"):  # a mark never ends a cut word
        out.pop()
    return "".join(out) + ELLIPSIS


def cell(text: str, cells: int) -> str:
    """``text`` in a column of ``cells`` display cells: cut if longer, isolated, padded after."""
    clean = " ".join(text.split())  # no tabs or line breaks inside a cell
    fitted = truncate(clean, cells)
    pad = " " * (cells - width(fitted))
    return FSI + fitted + PDI + pad if has_rtl(fitted) else fitted + pad


def has_rtl(text: str) -> bool:
    """Whether ``text`` has a right-to-left letter (Arabic, Hebrew, Syriac, Thaana...)."""
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def row(values: list[str], widths: list[int], gap: str = "  ") -> str:
    """One line of a table: each value in its column (the last one not padded)."""
    parts = [cell(v, w) for v, w in zip(values, widths, strict=True)]
    return gap.join(parts).rstrip()
