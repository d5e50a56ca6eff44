"""The hostile corpus: each bad item is one ReadError with a reason, everything else is read."""

from __future__ import annotations

import importlib.util
import tarfile
from collections import defaultdict
from pathlib import Path

import pytest

from marsad.core.types import Article, ReadError
from marsad.readers import read

_MAKE = Path(__file__).resolve().parents[1] / "data" / "hostile" / "make.py"
_spec = importlib.util.spec_from_file_location("hostile_make", _MAKE)
assert _spec and _spec.loader
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    hostile.write_hostile(root)
    return root


def _by_file(results: list[Article | ReadError], root: Path) -> dict[str, list[Article | ReadError]]:
    out: dict[str, list[Article | ReadError]] = defaultdict(list)
    for r in results:
        where = r.item if isinstance(r, ReadError) else r.origin or ""
        name = where.split(str(root), 1)[-1].lstrip("/").split(":")[0].split(" ")[0]
        out[name].append(r)
    return out


def _check(results: list[Article | ReadError], root: Path) -> None:
    got = _by_file(results, root)
    assert set(got) == set(hostile.EXPECTED)
    for name, (kind, value) in hostile.EXPECTED.items():
        items = got[name]
        if kind == "articles":
            assert [type(r) for r in items] == [Article] * int(value), (name, items)
        else:
            errors = [r for r in items if isinstance(r, ReadError)]
            assert len(errors) == 1 and str(value) in errors[0].reason, (name, items)
    for art in (r for r in results if isinstance(r, Article)):
        assert hostile.SECRET not in art.text and "document.write" not in art.text


def test_hostile_folder(corpus: Path) -> None:
    _check(list(read(corpus)), corpus)


def test_hostile_in_a_tar_archive(corpus: Path, tmp_path: Path) -> None:
    archive = tmp_path / "hostile.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=1) as tar:
        tar.add(corpus, arcname=".")
    results = list(read(archive))
    _check([_relocate(r, str(archive), str(corpus)) for r in results], corpus)


def _relocate(r: Article | ReadError, archive: str, root: str) -> Article | ReadError:
    if isinstance(r, ReadError):
        return ReadError(r.item.replace(archive + ":", root + "/"), r.reason)
    from dataclasses import replace

    return replace(r, origin=(r.origin or "").replace(archive + ":", root + "/"))
