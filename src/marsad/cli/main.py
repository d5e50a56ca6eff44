"""The ``marsad`` command line: a thin dispatcher over one module per command.

Every module in :mod:`marsad.cli` (other than this one) that defines ``COMMAND``
is a command. A module defines:

* ``COMMAND``: a tuple naming the command path, e.g. ``("code",)`` or ``("eval", "ner")``
* ``HELP``: one line of help
* ``add_arguments(parser)``: its options
* ``run(args, stdout, stderr) -> int``: does the work and returns the exit code

Exit codes: 0 success, 1 some items failed, 2 usage or input error, 3 internal error.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import pkgutil
import sys
import traceback
from collections.abc import Iterator, Sequence
from types import ModuleType
from typing import TextIO

from marsad.cli.status import ExitStatus
from marsad.core.errors import MarsadError
from marsad.core.version import __version__

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_INTERNAL = (ExitStatus.OK, ExitStatus.PARTIAL, ExitStatus.USAGE,
                                                 ExitStatus.INTERNAL)


def _command_modules() -> list[ModuleType]:
    from marsad import cli

    mods = []
    for info in sorted(pkgutil.iter_modules(cli.__path__), key=lambda m: m.name):
        if info.name.startswith("_") or info.name == "main":
            continue
        mod = importlib.import_module(f"{cli.__name__}.{info.name}")
        if hasattr(mod, "COMMAND"):
            mods.append(mod)
    return mods


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="marsad", description="Arabic news to political event data (CAMEO and PLOVER)."
    )
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    parser.add_argument("--debug", action="store_true", help="print the traceback of an internal error")
    top = parser.add_subparsers(dest="command", metavar="COMMAND")
    groups: dict[str, argparse._SubParsersAction] = {}  # type: ignore[type-arg]
    for mod in _command_modules():
        path: tuple[str, ...] = mod.COMMAND
        if len(path) == 1:
            sub = top.add_parser(path[0], help=mod.HELP, description=mod.HELP)
        else:
            if path[0] not in groups:
                grp = top.add_parser(path[0], help=f"{path[0]} commands")
                groups[path[0]] = grp.add_subparsers(dest="subcommand", metavar="SUBCOMMAND")
            sub = groups[path[0]].add_parser(path[1], help=mod.HELP, description=mod.HELP)
        mod.add_arguments(sub)
        sub.set_defaults(_module=mod, _parser=sub)
    return parser


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run one command; returns its :class:`ExitStatus`."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = build_parser()
    try:
        with _stdio(stdout, stderr):
            args, unknown = parser.parse_known_args(argv)
            if unknown:  # the command's usage, not the top level's
                getattr(args, "_parser", parser).error(f"unrecognized arguments: {' '.join(unknown)}")
    except SystemExit as exc:  # argparse exits on --help, --version and usage errors
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    mod = getattr(args, "_module", None)
    if mod is None:
        parser.print_help(stdout)
        return EXIT_USAGE
    name = getattr(args, "_parser", parser).prog
    try:
        return int(mod.run(args, stdout, stderr))
    except MarsadError as exc:  # the user's to fix: one line (the traceback with --debug)
        if getattr(args, "debug", False):
            traceback.print_exc(file=stderr)
        print(f"{name}: error: {exc}", file=stderr)
        return int(getattr(exc, "exit_status", EXIT_USAGE))
    except KeyboardInterrupt:
        print("marsad: interrupted", file=stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - a bug: one line, the traceback on request
        if getattr(args, "debug", False):
            traceback.print_exc(file=stderr)
        print(f"marsad: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback "
              "and report it)", file=stderr)
        return EXIT_INTERNAL


@contextlib.contextmanager
def _stdio(stdout: TextIO, stderr: TextIO) -> Iterator[None]:
    """argparse writes usage, help and errors to sys.stdout/sys.stderr: point them at ours."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = stdout, stderr
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
