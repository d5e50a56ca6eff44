"""A small in-process cache of aggregate answers, dropped whenever the store changes.

The store's version is read at most every ``check_every`` seconds: the largest run id, the
last finish time and the number of events (an ingest in progress adds events; a finished
run or a re-code bumps the runs). So an answer is at most that many seconds stale.

The cache is capped by the memory its answers take (``max_bytes``, 64 MiB by default, measured
as the sizes of the Python objects of each answer), not only by their number: a page of events
weighs far more than a count. The least recently used answers go first, and an answer larger
than a quarter of the cap is returned without being kept.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy import Connection, func, select

from marsad.store import schema as S

DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def answer_bytes(answer: Any) -> int:
    """The memory an answer takes: its objects and everything they hold, each counted once."""
    seen: set[int] = set()
    total, todo = 0, [answer]
    while todo:
        obj = todo.pop()
        if id(obj) in seen or obj is None or isinstance(obj, (bool, type)):
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj)
        if isinstance(obj, (str, bytes, bytearray, int, float)):
            continue
        if isinstance(obj, dict):
            todo.extend(obj.keys())
            todo.extend(obj.values())
        elif isinstance(obj, (list, tuple, set, frozenset)):
            todo.extend(obj)
        else:  # dataclasses, models: what their __dict__ and __slots__ hold
            if hasattr(obj, "__dict__"):
                todo.append(vars(obj))
            for cls in type(obj).__mro__:
                for slot in getattr(cls, "__slots__", ()):
                    if hasattr(obj, slot):
                        todo.append(getattr(obj, slot))
    return total


def store_version(conn: Connection) -> tuple[Any, ...]:
    runs = conn.execute(select(func.max(S.runs.c.id), func.max(S.runs.c.finished_at))).one()
    events = conn.execute(select(func.count()).select_from(S.events)).scalar_one()
    return (*runs, events)


class AnswerCache:
    """Answers by key, the least recently used dropped first when they take more than ``max_bytes``
    or number more than ``size`` (``size`` 0 or ``max_bytes`` 0: nothing is kept)."""

    def __init__(self, size: int = 256, check_every: float = 5.0, clock: Callable[[], float] = time.monotonic,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.size, self.check_every, self.clock, self.max_bytes = size, check_every, clock, max_bytes
        self.answers: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self.bytes = 0  # the sizes of the answers kept
        self.version: tuple[Any, ...] | None = None
        self.checked = float("-inf")
        self.lock = threading.Lock()

    def _refresh(self, conn: Connection) -> None:
        now = self.clock()
        if now - self.checked < self.check_every:
            return
        version = store_version(conn)
        with self.lock:
            self.checked = now
            if version != self.version:
                self.version = version
                self.answers.clear()
                self.bytes = 0

    def get(self, conn: Connection, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached answer for ``key``, computing (and keeping, when it fits) it when missing."""
        if self.size <= 0 or self.max_bytes <= 0:
            return compute()
        self._refresh(conn)
        with self.lock:
            if key in self.answers:
                self.answers.move_to_end(key)
                return self.answers[key][0]
        answer = compute()
        weight = answer_bytes(answer)
        if weight > self.max_bytes // 4:
            return answer  # not kept: it would push out a large part of the others
        with self.lock:
            old = self.answers.pop(key, None)
            if old is not None:
                self.bytes -= old[1]
            self.answers[key] = (answer, weight)
            self.bytes += weight
            while len(self.answers) > self.size or self.bytes > self.max_bytes:
                self.bytes -= self.answers.popitem(last=False)[1][1]
        return answer

    def clear(self) -> None:
        with self.lock:
            self.answers.clear()
            self.bytes = 0
            self.version = None
