"""The exception tree. Every message names the offending value and what to do next."""

from __future__ import annotations


class MarsadError(Exception):
    """Base class for marsad's errors."""


class ConfigError(MarsadError):
    """A setting, option or argument is invalid."""


class PipelineError(MarsadError):
    """A pipeline was built wrongly (unknown stage, stages out of order)."""


class StageError(MarsadError):
    """A stage failed on one document."""

    def __init__(self, stage: str, doc_id: str, cause: BaseException) -> None:
        super().__init__(f"stage '{stage}' failed on article '{doc_id}': {type(cause).__name__}: {cause}")
        self.stage = stage
        self.doc_id = doc_id
        self.cause = cause


class StoreUnavailable(MarsadError):
    """The event store stopped working during a run (disk full, database gone, connection lost):
    the run stops at once and is marked ``failed``; what was stored before is kept."""

    #: the command's exit status: the run did not finish (1), not a usage error (2)
    exit_status = 1


class InputError(MarsadError):
    """An input path or format cannot be read."""


class ResourceError(MarsadError):
    """A shipped resource (model, dictionary, table) is missing or malformed."""


class MissingExtra(MarsadError):
    """An optional dependency is not installed."""

    def __init__(self, module: str, extra: str) -> None:
        super().__init__(
            f"this feature needs the Python package '{module}', which is not installed. "
            f"Install it with: pip install 'marsad[{extra}]'"
        )
        self.module = module
        self.extra = extra


def require(module: str, extra: str):  # type: ignore[no-untyped-def]
    """Import ``module`` or raise :class:`MissingExtra` naming the extra to install."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingExtra(module, extra) from exc
