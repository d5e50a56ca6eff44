"""A small in-process cache of aggregate answers, dropped whenever the store changes.

The store's version is read at most every ``check_every`` seconds: the largest run id, the
last finish time and the number of events (an ingest in progress adds events; a finished
run or a re-code bumps the runs). So an answer is at most that many seconds stale.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy import Connection, func, select

from marsad.store import schema as S


def store_version(conn: Connection) -> tuple[Any, ...]:
    runs = conn.execute(select(func.max(S.runs.c.id), func.max(S.runs.c.finished_at))).one()
    events = conn.execute(select(func.count()).select_from(S.events)).scalar_one()
    return (*runs, events)


class AnswerCache:
    def __init__(self, size: int = 256, check_every: float = 5.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.size, self.check_every, self.clock = size, check_every, clock
        self.answers: OrderedDict[Hashable, Any] = OrderedDict()
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

    def get(self, conn: Connection, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached answer for ``key``, computing (and keeping) it when missing."""
        if self.size <= 0:
            return compute()
        self._refresh(conn)
        with self.lock:
            if key in self.answers:
                self.answers.move_to_end(key)
                return self.answers[key]
        answer = compute()
        with self.lock:
            self.answers[key] = answer
            while len(self.answers) > self.size:
                self.answers.popitem(last=False)
        return answer

    def clear(self) -> None:
        with self.lock:
            self.answers.clear()
            self.version = None
