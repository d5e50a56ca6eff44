"""Pydantic shapes of the API's requests and responses (they make the OpenAPI schema)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

MAX_CODE_CHARS = 20_000


class ErrorDetail(BaseModel):
    status: int = Field(description="HTTP status code")
    code: str = Field(description="machine-readable reason, e.g. not_found, invalid, rate_limited")
    message: str = Field(description="what went wrong and what to do")
    details: Any = None


class ErrorBody(BaseModel):
    """Every error the API returns has this shape."""

    error: ErrorDetail


class EventPage(BaseModel):
    total: int = Field(description="events matching the filters")
    limit: int
    offset: int
    items: list[dict[str, Any]] = Field(description="events as `marsad export --format jsonl` prints them")
    next: str | None = Field(default=None, description="the `after` that asks for the next page (the last "
                                                       "item's event_id); null on the last page")


class ActorCount(BaseModel):
    code: str
    name_ar: str | None = None
    name_en: str | None = None
    events: int


class ActorList(BaseModel):
    items: list[ActorCount]


class GraphNode(BaseModel):
    id: str = Field(description="CAMEO actor code")
    label: str
    name_ar: str | None = None
    name_en: str | None = None
    events: int = Field(description="events on the edges shown that touch this actor")


class GraphEdge(BaseModel):
    source: str
    target: str
    events: int
    goldstein: float | None = Field(description="mean Goldstein score of the edge's events")


class Graph(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class TimelinePoint(BaseModel):
    period: str = Field(description="2014-05-22, 2014-W21 (ISO week), 2014-05 or 2014")
    quad_class: int | None = Field(description="null (with 0 events) for a period without events")
    events: int


class Timeline(BaseModel):
    interval: str
    items: list[TimelinePoint]


class PlaceCount(BaseModel):
    id: str = Field(description="the place_id filter that selects this place's events")
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    events: int


class PlaceList(BaseModel):
    items: list[PlaceCount]


class Meta(BaseModel):
    version: str
    events: int = Field(description="events the filters select")
    mentions: int = Field(description="their event mentions (each report of one of them in one article)")
    articles: int = Field(description="articles that report them")
    stored_articles: int = Field(description="every article in the store, with or without events")
    first_date: str | None = Field(description="the first event date of the selection")
    last_date: str | None
    event_types: list[str] = Field(description="PLOVER types present in the store (for a filter menu)")
    writable: bool = Field(description="whether write endpoints are enabled (a token was set)")


class ArticleOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    title: str | None = None
    text: str
    published: str | None = None
    source: str | None = None
    url: str | None = None
    mentions: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    places: list[dict[str, Any]]
    events: list[dict[str, Any]]


class CodeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_CODE_CHARS, description="Arabic article text")
    title: str | None = Field(default=None, max_length=1000)
    published: datetime | None = Field(default=None, description="publication time (ISO 8601)")


class CodeResponse(BaseModel):
    events: list[dict[str, Any]]


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1, max_length=MAX_CODE_CHARS * 5)
    title: str | None = Field(default=None, max_length=1000)
    published: datetime | None = None
    source: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)


class IngestResult(BaseModel):
    model_config = ConfigDict(extra="allow")
    article_id: str
