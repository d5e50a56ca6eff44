"""``marsad serve``: the HTTP API and the dashboard over an event store."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from marsad.cli.status import ExitStatus
from marsad.core.errors import ConfigError, require

COMMAND = ("serve",)
HELP = "serve the HTTP API and the offline dashboard over an event store"
_OR_CREATE = ", or serve a new empty one with --create"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default="marsad.db",
                        help="SQLite file or postgresql:// URL (default: marsad.db); a SQLite file must exist "
                             "(build one with marsad ingest) unless --create is given")
    parser.add_argument("--create", action="store_true",
                        help="create an empty store when the SQLite file --db names does not exist")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--token", default=None,
                        help="enable write endpoints for clients sending this bearer token (visible to other "
                             "users in the process list: prefer --token-file or $MARSAD_API_TOKEN; none: read-only)")
    parser.add_argument("--token-file", default=None, metavar="FILE",
                        help="read the token from the first line of FILE (default: $MARSAD_API_TOKEN_FILE)")
    parser.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                        help="a host name the server answers to besides localhost, 127.0.0.1 and --host "
                             "(repeatable; * for any; also $MARSAD_ALLOWED_HOSTS)")
    parser.add_argument("--trusted-proxy", action="append", default=[], metavar="ADDR",
                        help="a reverse proxy address whose X-Forwarded-For is believed (repeatable; "
                             "also $MARSAD_TRUSTED_PROXIES; default: none)")
    parser.add_argument("--rate", type=float, default=20.0, help="API requests per second per client (0: no limit)")
    parser.add_argument("--max-body", type=int, default=256 * 1024, help="largest request body in bytes")
    parser.add_argument("--min-confidence", type=_confidence, default=None, metavar="X",
                        help="the views' default minimum confidence, 0 to 1 (a request's min_confidence still "
                             "overrides it; default: the threshold of the event detector that coded the store)")


def _confidence(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number; give one from 0 to 1") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"{value!r} is not between 0 and 1")
    return x


def make_app(args: argparse.Namespace) -> Any:
    from marsad.api.app import Settings, create_app, read_token_file, token_from_env
    from marsad.api.db import read_engine
    from marsad.cli._db import open_db

    token_file = getattr(args, "token_file", None)
    token = args.token or (read_token_file(token_file) if token_file else token_from_env())
    defaults = Settings(token=None)
    store = open_db(args.db, create=getattr(args, "create", False), or_else=_OR_CREATE)  # upgrades the schema
    settings = Settings(token=token, max_body_bytes=args.max_body, rate=args.rate, burst=max(1, int(args.rate * 6)),
                        allowed_hosts=(*defaults.allowed_hosts, *getattr(args, "allow_host", [])),
                        trusted_proxies=(*defaults.trusted_proxies, *getattr(args, "trusted_proxy", [])),
                        min_confidence=getattr(args, "min_confidence", None))
    return create_app(read_engine(store.url, read_only=token is None), settings, store=store)


def _check_port(port: int) -> None:
    if not 0 < port < 65536:
        raise ConfigError(f"port {port} is out of range; give 1-65535")


def serve(app: Any, host: str, port: int, stderr: TextIO) -> int:
    uvicorn = require("uvicorn", "web")
    _check_port(port)
    print(f"marsad: serving http://{host}:{port}/ (API docs at /api/docs); Ctrl-C stops", file=stderr)
    from marsad.api.server import server_config

    uvicorn.Server(server_config(app, host, port)).run()
    return ExitStatus.OK


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from marsad.cli._db import check_db

    _check_port(args.port)
    for module in ("uvicorn", "fastapi"):
        require(module, "web")  # before any database is opened or created
    check_db(args.db, create=args.create, or_else=_OR_CREATE)
    return serve(make_app(args), args.host, args.port, stderr)
