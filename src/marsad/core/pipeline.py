"""The Stage protocol and the Pipeline that runs stages over batches of documents.

A stage declares the :class:`~marsad.core.types.Document` fields it ``requires`` and
``produces``; :class:`Pipeline` checks at build time that every requirement is
produced by an earlier stage (``article`` is always present). A document on which
a stage raises is handed to the error handler and dropped from the batch; the
other documents go on.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Protocol, runtime_checkable

from marsad.core.errors import PipelineError, StageError
from marsad.core.types import Article, Document

ErrorHandler = Callable[[Document, StageError], None]

#: Fields of a Document that stages may require or produce.
FIELDS = ("article", "norm", "sentences", "tokens", "dates", "mentions", "actors", "places", "events")


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: frozenset[str]
    produces: frozenset[str]

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        """Process a batch and return the documents in the same order."""
        ...


def _raise(doc: Document, err: StageError) -> None:
    raise err


class Pipeline:
    """An ordered list of stages, checked when built."""

    def __init__(
        self,
        stages: Sequence[Stage],
        on_error: ErrorHandler | None = None,
        batch_size: int = 64,
        freeze_gc: bool = False,
        coder: dict[str, str] | None = None,
    ) -> None:
        self.stages = list(stages)
        #: What codes the events beyond the stages themselves (an edited dictionary's digest, ...):
        #: part of the coder version a store records for each run.
        self.coder: dict[str, str] = dict(coder or {})
        self.on_error: ErrorHandler = on_error or _raise
        self.batch_size = batch_size
        # After the first batch (when the stages have loaded their models and word tables),
        # gc.freeze() moves every object alive into the collector's permanent generation, so
        # full collections stop walking the ~150k objects of the loaded models (10-15% of the
        # pipeline's time, docs/speed.md). Frozen objects are still freed by reference counting.
        # It changes the whole process, so only the command line turns it on; a library user
        # (a notebook, the HTTP server) asks for it with ``freeze_gc=True``.
        self.freeze_gc = freeze_gc
        self._frozen = False
        self._check()

    def _check(self) -> None:
        have = {"article"}
        seen: set[str] = set()
        for stage in self.stages:
            if stage.name in seen:
                raise PipelineError(f"stage '{stage.name}' appears twice; give each stage once.")
            seen.add(stage.name)
            unknown = (set(stage.requires) | set(stage.produces)) - set(FIELDS)
            if unknown:
                raise PipelineError(
                    f"stage '{stage.name}' names unknown document fields {sorted(unknown)}; "
                    f"known fields: {', '.join(FIELDS)}."
                )
            missing = set(stage.requires) - have
            if missing:
                raise PipelineError(
                    f"stage '{stage.name}' requires {sorted(missing)}, which no earlier stage produces; "
                    f"order so far: {', '.join(s.name for s in self.stages[: self.stages.index(stage)]) or '(none)'}."
                )
            have |= set(stage.produces)

    @property
    def names(self) -> list[str]:
        """The names of the pipeline's stages, in the order they run."""
        return [s.name for s in self.stages]

    def run_batch(self, docs: Sequence[Document]) -> list[Document]:
        """Run every stage over one batch; failing documents go to the error handler."""
        batch = list(docs)
        for stage in self.stages:
            if not batch:
                break
            try:
                batch = list(stage.pipe(batch))
            except Exception:  # noqa: BLE001 - isolate the failing document(s)
                batch = self._one_by_one(stage, batch)
        if self.freeze_gc and not self._frozen:
            self._frozen = True
            gc.freeze()
        return batch

    def _one_by_one(self, stage: Stage, batch: list[Document]) -> list[Document]:
        kept: list[Document] = []
        for doc in batch:
            try:
                kept.extend(stage.pipe([doc]))
            except Exception as exc:  # noqa: BLE001
                self.on_error(doc, StageError(stage.name, doc.article.id, exc))
        return kept

    def pipe(self, items: Iterable[Article | Document | str]) -> Iterator[Document]:
        """Run over a stream of articles, documents or raw texts (ids ``text-0``, ``text-1`` ...),
        batch by batch, lazily."""
        it = iter(items)
        n = 0
        while True:
            chunk = list(islice(it, self.batch_size))
            if not chunk:
                return
            docs = []
            for x in chunk:
                if isinstance(x, str):
                    x = Article(id=f"text-{n}", text=x)
                docs.append(x if isinstance(x, Document) else Document(article=x))
                n += 1
            yield from self.run_batch(docs)

    def __call__(self, item: Article | Document | str) -> Document:
        """Process one article (or raw text) and return its document; raises on failure."""
        if isinstance(item, str):
            item = Article(id="text", text=item)
        doc = item if isinstance(item, Document) else Document(article=item)
        out = self.run_batch([doc])
        if not out:  # pragma: no cover - only with a non-raising handler
            raise PipelineError(f"article '{doc.article.id}' was dropped by a failing stage.")
        return out[0]
