"""Fast constructors for the frozen, slotted core types, for code that makes many of them.

A frozen dataclass sets each field through ``object.__setattr__`` in its ``__init__``, which on
CPython 3.11 costs several times a plain attribute store: building the ~200 tokens and segments
of an article that way is a large share of the text layer's time. :func:`fast_constructor`
returns a twin class with the same slots and an ordinary ``__init__`` that stores them and then
re-labels the object as the real class (``__class__`` assignment between classes with the same
slots), so a call gives an instance of the real class. The object is an ordinary instance of the real class afterwards: equal, hashable and
picklable as usual. Arguments are positional and every field must be given.

Where the trick does not apply (no slots, a ``__post_init__``, a layout CPython refuses, a result
that differs from the class's own constructor), the class itself is returned, so callers never
depend on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass
from typing import Any, TypeVar

T = TypeVar("T")


def _twin(cls: type, names: tuple[str, ...]) -> type:
    """A class with the slots of ``cls`` whose ``__init__`` stores them and re-labels the object."""
    args = ", ".join(names)
    body = "".join(f"    self.{n} = {n}\n" for n in names)
    namespace: dict[str, Any] = {"_cls": cls}
    exec(f"def __init__(self, {args}):\n{body}    self.__class__ = _cls\n", namespace)  # noqa: S102 - names are dataclass fields
    return type(f"_Fast{cls.__name__}", (), {"__slots__": names, "__init__": namespace["__init__"]})


def fast_constructor(cls: type[T]) -> Callable[..., T]:
    """A positional constructor for ``cls`` that gives the same object as ``cls(*args)``, faster."""
    if not is_dataclass(cls) or hasattr(cls, "__post_init__"):
        return cls
    names = tuple(f.name for f in fields(cls))
    if not names or getattr(cls, "__slots__", None) != names or cls.__bases__ != (object,):
        return cls
    build = _twin(cls, names)
    probe = tuple(range(len(names)))
    try:
        made = build(*probe)
        same = type(made) is cls and made == cls(*probe) and repr(made) == repr(cls(*probe))
    except (TypeError, AttributeError):
        return cls
    return build if same else cls
