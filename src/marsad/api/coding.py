"""The API's two endpoints that run the pipeline: code posted text, and store a posted article.

The pipeline is loaded once per app, on first use, and runs one request at a time (it is CPU
bound; parallel requests would only share the same cores).
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any

from fastapi import HTTPException

from ..errors import MarsadError, MissingExtra, PipelineError, ResourceError, StageError
from ..types import Article

_LOCK = threading.Lock()


def _pipeline(state: Any) -> Any:
    if getattr(state, "pipeline", None) is None:
        import marsad

        load = getattr(marsad, "load", None)
        if load is None:
            raise HTTPException(501, "this marsad build has no pipeline (marsad.load); coding is unavailable")
        try:
            state.pipeline = load()
        except MarsadError as exc:
            raise _as_http(exc) from exc
    return state.pipeline


def code_text(state: Any, text: str, title: str | None, published: datetime | None) -> list[dict[str, Any]]:
    """Code one posted text and return its events as ``marsad code`` prints them."""
    from ..store.rows import event_dict

    article = Article(id="posted", text=text, title=title, published=published, source="api")
    with _LOCK:
        try:
            doc = _pipeline(state)(article)
        except MarsadError as exc:
            raise _as_http(exc) from exc
    return [event_dict(e) for e in doc.events]


def _as_http(exc: MarsadError) -> HTTPException:
    """A missing model or extra is the server's state (503); anything else, this text (422)."""
    cause = exc.cause if isinstance(exc, StageError) else exc
    if isinstance(cause, ResourceError | MissingExtra | PipelineError):
        return HTTPException(503, f"coding is unavailable on this server: {cause}")
    return HTTPException(422, f"this text could not be coded: {exc}")


def ingest_one(state: Any, body: Any) -> dict[str, Any]:
    """Code and store one article (the write endpoint; the route checks the token)."""
    from ..store import ingest as store_ingest

    article = Article(id=body.id, text=body.text, title=body.title, published=body.published,
                      source=body.source, url=body.url)
    with _LOCK:
        summary = store_ingest.ingest_articles(state.store, [article], pipeline=_pipeline(state))
    return {"article_id": body.id, "summary": getattr(summary, "__dict__", str(summary))}
