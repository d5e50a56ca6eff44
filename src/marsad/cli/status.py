"""The exit status every ``marsad`` command returns."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """0 done; 1 some items failed (the rest were processed); 2 usage or missing input;
    3 internal error (a bug: the message asks for a report, ``--debug`` shows the traceback)."""

    OK = 0
    PARTIAL = 1
    USAGE = 2
    INTERNAL = 3

    @classmethod
    def of(cls, failures: int) -> ExitStatus:
        """OK when nothing failed, else PARTIAL."""
        return cls.PARTIAL if failures else cls.OK
