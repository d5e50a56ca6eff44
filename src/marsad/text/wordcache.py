"""Memo caches for functions of one word, kept out of the garbage collector's way.

``functools.lru_cache(maxsize=N)`` keeps a linked-list node (a GC-tracked object) per entry, so a
cache of a few hundred thousand words adds that many objects to every full collection, and the
full collections of a long run slow down as the caches fill. :func:`word_cache` uses the
unbounded C cache instead (a plain dict keyed on the word: a dict of strings and numbers is not
tracked at all) and bounds it by dropping everything when it has grown past ``maxsize``;
:func:`trim_caches` does that check, and :func:`marsad.text.tokens.tokenize` calls it once per
article. Results are unchanged either way: only the time to recompute differs.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_CACHES: list[tuple[Any, int]] = []


def word_cache(maxsize: int) -> Callable[[F], F]:
    """Memoise a function of one hashable argument; see the module docstring for the bound."""

    def wrap(fn: F) -> F:
        cached = cache(fn)
        _CACHES.append((cached, maxsize))
        return cached  # type: ignore[return-value]

    return wrap


def trim_caches() -> None:
    """Empty every word cache that has grown past its bound."""
    for fn, maxsize in _CACHES:
        if fn.cache_info().currsize > maxsize:
            fn.cache_clear()
