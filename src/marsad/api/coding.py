"""The API's two endpoints that run the pipeline: code posted text, and store a posted article.

The pipeline is loaded once per app, on first use, and runs one request at a time (it is CPU
bound; parallel requests would only share the same cores). Coding requests never starve the
reading ones: at most :data:`QUEUE` of them wait for the pipeline (each holds a worker thread
that GET requests share), any more get 503 at once, and one that waits longer than
:data:`WAIT_S` seconds gets 503 too.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from fastapi import HTTPException

from marsad.core.errors import MarsadError, MissingExtra, PipelineError, ResourceError, StageError
from marsad.core.pipeline import Pipeline
from marsad.core.types import Article

_LOCK = threading.Lock()
_LOG = logging.getLogger(__name__)
QUEUE = 4  # coding requests that may wait for the pipeline besides the one it is coding
WAIT_S = 30.0  # how long one may wait
_SLOTS = threading.BoundedSemaphore(QUEUE + 1)
BUSY = "the coder is busy with other requests; retry in a few seconds"


@contextmanager
def _turn() -> Iterator[None]:
    """The pipeline to oneself, or 503 when too many requests wait or the wait is too long."""
    if not _SLOTS.acquire(blocking=False):
        raise HTTPException(503, BUSY)
    try:
        if not _LOCK.acquire(timeout=WAIT_S):
            raise HTTPException(503, BUSY)
        try:
            yield
        finally:
            _LOCK.release()
    finally:
        _SLOTS.release()


def _pipeline(state: Any) -> Pipeline:
    """The app's pipeline, built once on first use (a stage that cannot run is logged and left out)."""
    if getattr(state, "pipeline", None) is None:
        from marsad.coding import build_pipeline

        try:
            state.pipeline = build_pipeline(warn=lambda m: _LOG.warning("marsad api: %s", m))
        except MarsadError as exc:
            raise _as_http(exc) from exc
    pipeline: Pipeline = state.pipeline
    return pipeline


def code_text(state: Any, text: str, title: str | None, published: datetime | None) -> list[dict[str, Any]]:
    """Code one posted text and return its events as ``marsad code`` prints them."""
    from marsad.store.rows import event_dict

    article = Article(id="posted", text=text, title=title, published=published, source="api")
    with _turn():
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
    import marsad.jobs.ingest as store_ingest

    article = Article(id=body.id, text=body.text, title=body.title, published=body.published,
                      source=body.source, url=body.url)
    with _turn():
        summary = store_ingest.ingest_articles(state.store, [article], pipeline=_pipeline(state))
    return {"article_id": body.id, "summary": getattr(summary, "__dict__", str(summary))}
