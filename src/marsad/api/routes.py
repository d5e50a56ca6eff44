"""The API's routes. Thin: parse and validate parameters, call :mod:`marsad.api.queries`."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse
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
from marsad.store.query import EventFilter, FilterError
from marsad.store.runs import recorded_min_confidence

router = APIRouter(prefix="/api", responses={
    422: {"model": ErrorBody, "description": "invalid parameters"},
    429: {"model": ErrorBody, "description": "rate limited"},
})

_SAFE = r"^[^\x00]*$"  # no NUL (PostgreSQL cannot store it)


def connection(request: Request) -> Iterator[Connection]:
    with request.app.state.engine.connect() as conn:
        yield conn


_TEXT = {"max_length": 300, "pattern": _SAFE}
_NAME = r"^[^\x00,]*$"
_FLAGS = "(negated|hypothetical|future|historical|incomplete|all)"


def _shape(pattern: str) -> dict[str, Any]:
    """Documents the shape of a value in the schema; the value itself is checked by EventFilter.parse,
    whose messages say what is wrong (a failed regular expression would not)."""
    return {"json_schema_extra": {"pattern": pattern}}
_ACTOR_HELP = "CAMEO actor code or its prefix, any case (sau matches SAUGOV), or an actor id"


def _plover_types() -> frozenset[str]:
    from marsad.resources.ontology import plover_types

    return frozenset(plover_types())


def confidence_floor(state: Any, conn: Connection) -> float:
    """The server's default ``min_confidence``: its setting, else the threshold of the detector that
    coded the store (recorded with its runs), else the shipped detector's (read once per server)."""
    if state.settings.min_confidence is not None:
        return float(state.settings.min_confidence)
    if getattr(state, "floor", None) is None:
        recorded = recorded_min_confidence(conn)
        if recorded is None:
            from marsad.components.events.detector import default_threshold

            recorded = default_threshold()
        state.floor = float(recorded)
    return float(state.floor)


_ALLOWED: dict[int, frozenset[str]] = {}


def _query_names(dependant: Any) -> set[str]:
    """The query parameters a route declares, its dependencies' included."""
    names = {p.alias for p in getattr(dependant, "query_params", [])}
    for sub in getattr(dependant, "dependencies", []):
        names |= _query_names(sub)
    return names


def _refuse_unknown(request: Request) -> None:
    """A query parameter the route does not know (a typo such as ``sorce``) is an error, not ignored."""
    route = request.scope.get("route")
    if route is None or not hasattr(route, "dependant"):
        return
    allowed = _ALLOWED.get(id(route))
    if allowed is None:
        allowed = frozenset(_query_names(route.dependant))
        _ALLOWED[id(route)] = allowed
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        raise HTTPException(422, f"unknown parameter {unknown[0]!r}; this endpoint takes: {', '.join(sorted(allowed))}")


def event_filter(
    request: Request,
    conn: Annotated[Connection, Depends(connection)],
    start: Annotated[date | None, Query(description="first event date (YYYY-MM-DD)")] = None,
    end: Annotated[date | None, Query(description="last event date (YYYY-MM-DD)")] = None,
    source: Annotated[str | None, Query(max_length=200, **_shape(_NAME), description="the source actor: " + _ACTOR_HELP)] = None,
    target: Annotated[str | None, Query(max_length=200, **_shape(_NAME), description="the target actor: " + _ACTOR_HELP)] = None,
    actor: Annotated[str | None, Query(max_length=200, **_shape(_NAME),
                                       description="an actor on either side: " + _ACTOR_HELP)] = None,
    dyad: Annotated[str | None, Query(max_length=300, **_shape(r"^[A-Za-z0-9:_.\-]{1,64},[A-Za-z0-9:_.\-]{1,64}$"),
                                      description="A,B: A acts on B (each as for source)")] = None,
    country: Annotated[str | None, Query(max_length=10, **_shape("^[A-Za-z]{2,3}$"),
                                         description="country code: actor code prefix or place country")] = None,
    event_type: Annotated[str | None, Query(max_length=40, json_schema_extra={"enum": sorted(_plover_types())},
                                            description="PLOVER event type (any case)")] = None,
    cameo: Annotated[str | None, Query(max_length=10, **_shape("^[0-9]{1,4}$"), description="CAMEO code or prefix")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="1 verbal coop, 2 material coop, "
                                                                     "3 verbal conflict, 4 material conflict")] = None,
    place: Annotated[str | None, Query(**_TEXT, description="place name")] = None,
    place_id: Annotated[str | None, Query(max_length=300, **_shape(r"^(gn:[0-9]{1,12}|name:[A-Za-z]{0,3}:[^\x00]+)$"),
                                          description="gn:<GeoNames id> or name:<country>:<name> "
                                                      "(the id /api/places gives)")] = None,
    outlet: Annotated[str | None, Query(**_TEXT, description="an outlet (article source) that reported it")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="lowest confidence kept (default: "
                                                                         "the event detector's threshold)")] = None,
    include: Annotated[str | None, Query(max_length=200, **_shape(f"^{_FLAGS}(,{_FLAGS})*$"), description=(
        "comma list of negated, hypothetical, future, historical, incomplete (or all): events to count "
        "besides the complete, asserted ones"))] = None,
    q: Annotated[str | None, Query(max_length=200, pattern=_SAFE,
                                   description="words that must all occur in the article")] = None,
) -> EventFilter:
    _refuse_unknown(request)
    try:
        f = EventFilter.parse(start=start, end=end, source=source, target=target, actor=actor, dyad=dyad,
                              country=country, event_type=event_type, cameo=cameo, quad_class=quad_class,
                              place=place, place_id=place_id, outlet=outlet, min_confidence=min_confidence,
                              include=include, q=q)
    except FilterError as exc:
        raise HTTPException(422, str(exc)) from None
    if f.event_type and f.event_type not in _plover_types():
        raise HTTPException(422, f"event_type: unknown PLOVER type {f.event_type!r}; use one of: "
                                 f"{', '.join(sorted(_plover_types()))}")
    return f.with_defaults(confidence_floor(request.app.state, conn))


def no_other_parameters(request: Request) -> None:
    _refuse_unknown(request)


Conn = Annotated[Connection, Depends(connection)]
Filter = Annotated[EventFilter, Depends(event_filter)]


def cached(request: Request, conn: Connection, key: tuple[Any, ...], compute: Any) -> Any:
    return request.app.state.cache.get(conn, key, compute)


def dashboard_defaults(f: EventFilter) -> list[tuple[tuple[Any, ...], Any]]:
    """What the dashboard asks for first (same keys as its routes), for the default filter ``f``."""
    return [
        (("meta", f), lambda c: queries.meta(c, f)),
        (("timeline", f, "auto"), lambda c: queries.timeline(c, f, "auto")),
        (("graph", f, 60), lambda c: queries.graph(c, f, 60)),
        (("places", f, 300), lambda c: queries.top_places(c, f, 300)),
        (("actors", f, 200), lambda c: queries.top_actors(c, f, 200)),
        (("events", f, 25, 0, None), lambda c: queries.list_events(c, f, 25, 0)),
    ]


def warm(state: Any) -> None:
    """Fill the answer cache with the dashboard's first view (run in a background thread)."""
    try:
        with state.engine.connect() as conn:
            f = EventFilter().with_defaults(confidence_floor(state, conn))
            for key, compute in dashboard_defaults(f):
                state.cache.get(conn, key, lambda compute=compute: compute(conn))
    except Exception:  # noqa: BLE001 - warming is an optimisation; requests report real errors
        return


@router.get("/meta", response_model=Meta, summary="What the filters select, and the filters' values")
def get_meta(request: Request, conn: Conn, f: Filter) -> dict[str, Any]:
    return {**cached(request, conn, ("meta", f), lambda: queries.meta(conn, f)), "version": __version__,
            "writable": bool(request.app.state.settings.token)}


@router.get("/events", response_model=EventPage, summary="Events matching the filters, newest first")
def get_events(request: Request, conn: Conn, f: Filter, limit: Annotated[int, Query(ge=1, le=500)] = 50,
               offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
               after: Annotated[str | None, Query(max_length=300, pattern=_SAFE, description=(
                   "an event_id: the page that follows it (the previous page's `next`); deep pages "
                   "cost what the first does, unlike a large offset"))] = None) -> dict[str, Any]:
    after = after or None
    if after is not None and offset:
        raise HTTPException(422, "offset: give either offset or after (the previous page's next), not both")
    try:
        total, items = cached(request, conn, ("events", f, limit, offset, after),
                              lambda: queries.list_events(conn, f, limit, offset, after))
    except queries.UnknownCursor:
        raise HTTPException(422, f"after: no event with id {after!r}; start again from the first page") from None
    more = len(items) == limit
    return {"total": total, "limit": limit, "offset": offset, "items": items,
            "next": items[-1]["event_id"] if more and items else None}


@router.get("/actors", response_model=ActorList, summary="Actors by number of events")
def get_actors(request: Request, conn: Conn, f: Filter,
               limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict[str, Any]:
    return {"items": cached(request, conn, ("actors", f, limit), lambda: queries.top_actors(conn, f, limit))}


@router.get("/graph", response_model=Graph, summary="Actor network: edges weighted by events and mean Goldstein")
def get_graph(request: Request, conn: Conn, f: Filter,
              limit: Annotated[int, Query(ge=1, le=1000, description="edges")] = 100) -> dict[str, Any]:
    return cached(request, conn, ("graph", f, limit), lambda: queries.graph(conn, f, limit))


@router.get("/timeline", response_model=Timeline,
            summary="Event counts by period and quad class, every period from the first event to the last")
def get_timeline(request: Request, conn: Conn, f: Filter,
                 interval: Annotated[str, Query(pattern=r"^(auto|day|week|month|year)$")] = "auto") -> dict[str, Any]:
    try:
        chosen, items = cached(request, conn, ("timeline", f, interval), lambda: queries.timeline(conn, f, interval))
    except ValueError as exc:  # too many periods
        raise HTTPException(422, f"interval: {exc}; choose a longer interval or fewer dates") from None
    return {"interval": chosen, "items": items}


@router.get("/places", response_model=PlaceList, summary="Places by number of events")
def get_places(request: Request, conn: Conn, f: Filter,
               limit: Annotated[int, Query(ge=1, le=2000)] = 200) -> dict[str, Any]:
    return {"items": cached(request, conn, ("places", f, limit), lambda: queries.top_places(conn, f, limit))}


@router.get("/articles/{article_id:path}", response_model=ArticleOut, summary="An article with its mentions and events",
            responses={404: {"model": ErrorBody}})
def get_article(conn: Conn, _: Annotated[None, Depends(no_other_parameters)],
                article_id: Annotated[str, Path(max_length=2000, pattern=_SAFE,
                                                description="the article id; it may hold '/' (a feed item's URL), "
                                                            "as it is or percent-encoded")]) -> dict[str, Any]:
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


EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
                "plover": "application/json", "parquet": "application/vnd.apache.parquet"}


@router.get("/export", summary="The events the filters select (or their mentions) as CSV, JSON Lines, "
                               "PLOVER JSON or Parquet: what `marsad export` writes",
            response_class=StreamingResponse,
            responses={200: {"description": "the export file",
                             "content": {t.split(";")[0]: {} for t in EXPORT_TYPES.values()}}})
def get_export(request: Request, f: Filter,
               format: Annotated[str, Query(pattern=r"^(csv|jsonl|plover|parquet)$")] = "jsonl",
               table: Annotated[str, Query(pattern=r"^(events|mentions)$",
                                           description="events, or the mentions of the selected events")] = "events",
               ) -> Any:
    from marsad.store import export as store_export

    if table == "mentions" and format == "plover":
        raise HTTPException(422, "format: PLOVER records are events; export mentions as csv, jsonl or parquet")
    engine = request.app.state.engine
    name = f"marsad-{table}.{format if format != 'plover' else 'json'}"
    headers = {"content-disposition": f'attachment; filename="{name}"'}
    if format == "parquet":
        import os
        import tempfile

        from starlette.background import BackgroundTask
        from starlette.responses import FileResponse

        fd, path = tempfile.mkstemp(prefix="marsad-export-", suffix=".parquet")
        os.close(fd)
        try:
            store_export.write_parquet(engine, path, f, table)
        except BaseException:
            os.unlink(path)
            raise
        return FileResponse(path, media_type=EXPORT_TYPES[format], headers=headers,
                            background=BackgroundTask(os.unlink, path))
    chunks = (c.encode("utf-8") for c in store_export.iter_text(engine, format, f, table))
    return StreamingResponse(chunks, media_type=EXPORT_TYPES[format], headers=headers)
