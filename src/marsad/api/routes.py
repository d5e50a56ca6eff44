"""The API's routes. Thin: parse and validate parameters, call :mod:`marsad.api.queries`."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from sqlalchemy import Connection

from marsad.api import queries
from marsad.api.models import (
    ActorList,
    ArticleIn,
    ArticleOut,
    CodeRequest,
    CodeResponse,
    ErrorBody,
    EventPage,
    Graph,
    IngestResult,
    Meta,
    PlaceList,
    Timeline,
)
from marsad.core.version import __version__

router = APIRouter(prefix="/api", responses={
    422: {"model": ErrorBody, "description": "invalid parameters"},
    429: {"model": ErrorBody, "description": "rate limited"},
})

_SAFE = r"^[^\x00]*$"  # no NUL (PostgreSQL cannot store it)


def connection(request: Request) -> Iterator[Connection]:
    with request.app.state.engine.connect() as conn:
        yield conn


def event_filter(
    start: Annotated[date | None, Query(description="first event date (YYYY-MM-DD)")] = None,
    end: Annotated[date | None, Query(description="last event date (YYYY-MM-DD)")] = None,
    actor: Annotated[str | None, Query(min_length=1, max_length=200, pattern=_SAFE,
                                       description="CAMEO actor code (IGOUNO) or actor id, as source or target")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,3}$",
                                         description="country code: actor code prefix or place country")] = None,
    event_type: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{1,32}$", description="PLOVER event type")] = None,
    cameo: Annotated[str | None, Query(pattern=r"^[0-9]{1,4}$", description="CAMEO code or prefix")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="1 verbal coop, 2 material coop, "
                                                                     "3 verbal conflict, 4 material conflict")] = None,
    place: Annotated[str | None, Query(min_length=1, max_length=300, pattern=_SAFE, description="place name")] = None,
    q: Annotated[str | None, Query(max_length=200, pattern=_SAFE,
                                   description="words that must all occur in the evidence sentence")] = None,
) -> queries.EventFilter:
    return queries.EventFilter(start, end, actor, country, event_type, cameo, quad_class, place, q)


Conn = Annotated[Connection, Depends(connection)]
Filter = Annotated[queries.EventFilter, Depends(event_filter)]


def cached(request: Request, conn: Connection, key: tuple[Any, ...], compute: Any) -> Any:
    return request.app.state.cache.get(conn, key, compute)


#: What the dashboard asks for first (same keys as its routes): computed when the server starts.
DASHBOARD_DEFAULTS: list[tuple[tuple[Any, ...], Any]] = [
    (("meta",), queries.meta),
    (("timeline", queries.EventFilter(), "auto"), lambda c: queries.timeline(c, queries.EventFilter(), "auto")),
    (("graph", queries.EventFilter(), 60), lambda c: queries.graph(c, queries.EventFilter(), 60)),
    (("places", queries.EventFilter(), 300), lambda c: queries.top_places(c, queries.EventFilter(), 300)),
    (("actors", queries.EventFilter(), 200), lambda c: queries.top_actors(c, queries.EventFilter(), 200)),
    (("events", queries.EventFilter(), 25, 0), lambda c: queries.list_events(c, queries.EventFilter(), 25, 0)),
]


def warm(state: Any) -> None:
    """Fill the answer cache with the dashboard's first view (run in a background thread)."""
    try:
        with state.engine.connect() as conn:
            for key, compute in DASHBOARD_DEFAULTS:
                state.cache.get(conn, key, lambda compute=compute: compute(conn))
    except Exception:  # noqa: BLE001 - warming is an optimisation; requests report real errors
        return


@router.get("/meta", response_model=Meta, summary="Totals and filter values")
def get_meta(request: Request, conn: Conn) -> dict[str, Any]:
    return {**cached(request, conn, ("meta",), lambda: queries.meta(conn)), "version": __version__, "writable": bool(request.app.state.settings.token)}


@router.get("/events", response_model=EventPage, summary="Events matching the filters, newest first")
def get_events(request: Request, conn: Conn, f: Filter, limit: Annotated[int, Query(ge=1, le=500)] = 50,
               offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> dict[str, Any]:
    total, items = cached(request, conn, ("events", f, limit, offset), lambda: queries.list_events(conn, f, limit, offset))
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/actors", response_model=ActorList, summary="Actors by number of events")
def get_actors(request: Request, conn: Conn, f: Filter,
               limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict[str, Any]:
    return {"items": cached(request, conn, ("actors", f, limit), lambda: queries.top_actors(conn, f, limit))}


@router.get("/graph", response_model=Graph, summary="Actor network: edges weighted by events and mean Goldstein")
def get_graph(request: Request, conn: Conn, f: Filter,
              limit: Annotated[int, Query(ge=1, le=1000, description="edges")] = 100) -> dict[str, Any]:
    return cached(request, conn, ("graph", f, limit), lambda: queries.graph(conn, f, limit))


@router.get("/timeline", response_model=Timeline, summary="Event counts by period and quad class")
def get_timeline(request: Request, conn: Conn, f: Filter,
                 interval: Annotated[str, Query(pattern=r"^(auto|day|week|month|year)$")] = "auto") -> dict[str, Any]:
    chosen, items = cached(request, conn, ("timeline", f, interval), lambda: queries.timeline(conn, f, interval))
    return {"interval": chosen, "items": items}


@router.get("/places", response_model=PlaceList, summary="Places by number of events")
def get_places(request: Request, conn: Conn, f: Filter,
               limit: Annotated[int, Query(ge=1, le=2000)] = 200) -> dict[str, Any]:
    return {"items": cached(request, conn, ("places", f, limit), lambda: queries.top_places(conn, f, limit))}


@router.get("/articles/{article_id}", response_model=ArticleOut, summary="An article with its mentions and events",
            responses={404: {"model": ErrorBody}})
def get_article(conn: Conn, article_id: Annotated[str, Path(max_length=200, pattern=_SAFE)]) -> dict[str, Any]:
    found = queries.article(conn, article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}; list events to find article ids")
    return found


@router.post("/code", response_model=CodeResponse, summary="Code posted text (nothing is stored)",
             responses={413: {"model": ErrorBody}, 503: {"model": ErrorBody, "description": "no pipeline here"}})
def post_code(request: Request, body: CodeRequest) -> dict[str, Any]:
    from marsad.api.coding import code_text

    return {"events": code_text(request.app.state, body.text, body.title, body.published)}


def require_token(request: Request) -> None:
    token = request.app.state.settings.token
    if not token:
        raise HTTPException(403, "this server is read-only; start it with --token (or MARSAD_API_TOKEN) to enable writes")
    given = request.headers.get("authorization", "")
    if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        raise HTTPException(401, "missing or wrong token; send 'Authorization: Bearer <token>'")


@router.post("/articles", response_model=IngestResult, status_code=201, dependencies=[Depends(require_token)],
             summary="Code an article and store it (needs the token)",
             responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 413: {"model": ErrorBody}})
def post_article(request: Request, body: ArticleIn) -> dict[str, Any]:
    from marsad.api.coding import ingest_one

    out = ingest_one(request.app.state, body)
    request.app.state.cache.clear()
    return out
