"""The FastAPI application: the JSON API under ``/api``, the dashboard at ``/``, offline docs.

``create_app(engine)`` builds it over a SQLAlchemy engine of the event store. Errors of every
kind (validation, not found, rate limit, size limit, internal) share one JSON shape::

    {"error": {"status": 404, "code": "not_found", "message": "..."}}
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.core.errors import ConfigError, require

log = logging.getLogger("marsad.api")

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         408: "timeout", 413: "too_large", 421: "misdirected", 422: "invalid", 429: "rate_limited",
         501: "not_implemented", 503: "unavailable"}


def read_token_file(path: str) -> str:
    """The token in a file (its first line, spaces stripped): keeps it out of the command line
    and the process list."""
    try:
        token = Path(path).read_text(encoding="utf-8").strip().splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read the token file {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"cannot read the token file {path}: not UTF-8 text") from exc
    if not token or not token[0].strip():
        raise ConfigError(f"the token file {path} is empty; write the token on its first line")
    return token[0].strip()


def token_from_env() -> str | None:
    """``$MARSAD_API_TOKEN``, else the token in the file ``$MARSAD_API_TOKEN_FILE``, else None."""
    token = os.environ.get("MARSAD_API_TOKEN") or None
    path = os.environ.get("MARSAD_API_TOKEN_FILE")
    return token or (read_token_file(path) if path else None)


def _env_list(name: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in os.environ.get(name, "").split(",") if x.strip())


@dataclass(frozen=True)
class Settings:
    """Limits and secrets of one server. ``token=None`` keeps it read-only."""

    token: str | None = field(default_factory=token_from_env)
    max_body_bytes: int = 256 * 1024
    rate: float = 20.0  # API requests per second per client, sustained
    burst: int = 120
    cache_size: int = 256  # aggregate answers kept in memory (0: no cache)
    cache_bytes: int = 64 * 1024 * 1024  # and the memory they may take, least recently used dropped first
    #: the default ``min_confidence`` of every filter; None: the detector threshold the store
    #: recorded with its runs, else the shipped detector's
    min_confidence: float | None = None
    #: Host names (``name`` or ``name:port``) the server answers to besides localhost, 127.0.0.1,
    #: ::1 and the address it is bound to; ``*``: any (default: ``$MARSAD_ALLOWED_HOSTS``, comma list)
    allowed_hosts: tuple[str, ...] = field(default_factory=lambda: _env_list("MARSAD_ALLOWED_HOSTS"))
    #: Reverse proxies whose X-Forwarded-For is believed (default: ``$MARSAD_TRUSTED_PROXIES``; none)
    trusted_proxies: tuple[str, ...] = field(default_factory=lambda: _env_list("MARSAD_TRUSTED_PROXIES"))
    body_timeout: float = 30.0  # seconds a request body may stall between two reads (408 after)


def web_dir() -> Path:
    return Path(str(resources.files("marsad.web")))


def _error_handlers(app: Any) -> None:
    from fastapi import Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse
    from starlette.exceptions import HTTPException

    from marsad.api.security import error_body

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        body = error_body(exc.status_code, CODES.get(exc.status_code, "error"), str(exc.detail))
        return JSONResponse(body, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    async def invalid(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        first = details[0] if details else {"loc": [], "msg": "invalid request"}
        where = ".".join(str(x) for x in first["loc"])
        return JSONResponse(error_body(422, "invalid", f"{where}: {first['msg']}", details), status_code=422)

    async def internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s", request.url.path)
        return JSONResponse(error_body(500, "internal", "internal error; see the server log"), status_code=500)

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(Exception, internal)


def _pages(app: Any) -> None:
    from fastapi.responses import HTMLResponse
    from fastapi.staticfiles import StaticFiles

    templates = web_dir() / "templates"
    index = (templates / "index.html").read_text(encoding="utf-8")
    docs = (templates / "docs.html").read_text(encoding="utf-8")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard() -> HTMLResponse:
        return HTMLResponse(index)

    @app.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return HTMLResponse(docs)

    app.mount("/static", StaticFiles(directory=str(web_dir() / "static")), name="static")


def create_app(engine: Any, settings: Settings | None = None, store: Any = None) -> Any:
    """The ASGI app over ``engine`` (a SQLAlchemy engine of a marsad store)."""
    fastapi = require("fastapi", "web")
    from marsad.api.cache import AnswerCache
    from marsad.api.routes import router, warm
    from marsad.api.security import BodyLimit, ClientAddress, HostAllowList, RateLimit, SecurityHeaders
    from marsad.core.version import __version__

    settings = settings or Settings()

    @contextlib.asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        if settings.cache_size > 0 and settings.cache_bytes > 0:
            threading.Thread(target=warm, args=(app.state,), name="marsad-warm", daemon=True).start()
        yield

    app = fastapi.FastAPI(
        lifespan=lifespan,
        title="marsad API", version=__version__, openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,
        description="Arabic news as political event data (CAMEO and PLOVER): events, actors, the actor "
                    "network, timelines, places and articles. Read-only unless the server has a token.",
    )
    app.state.engine, app.state.settings, app.state.store, app.state.pipeline = engine, settings, store, None
    app.state.cache = AnswerCache(settings.cache_size, max_bytes=settings.cache_bytes)
    _error_handlers(app)
    app.include_router(router)
    _pages(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes, timeout=settings.body_timeout)
    app.add_middleware(RateLimit, rate=settings.rate, burst=settings.burst)
    app.add_middleware(ClientAddress, trusted=settings.trusted_proxies)
    app.add_middleware(HostAllowList, allowed=settings.allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app
