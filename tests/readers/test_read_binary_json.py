"""A binary file named .json (an image, a database) is one read error for the file, not one per
"line" of it; a text file in another encoding likewise."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from pathlib import Path

from marsad.cli.main import main
from marsad.core.types import ReadError
from marsad.readers import read

IMG = sorted((Path(__file__).parents[2] / "docs" / "img").glob("*.png"))[0]


def _files(tmp_path: Path) -> dict[str, Path]:
    png = tmp_path / "image.json"
    shutil.copy(IMG, png)
    db = tmp_path / "store.json"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.executemany("INSERT INTO t VALUES (?)", [(f"سطر\n{i}",) for i in range(2000)])
    cp1256 = tmp_path / "cp1256.jsonl"
    cp1256.write_bytes("\n".join(json.dumps({"text": "خبر عاجل من بغداد"}, ensure_ascii=False)
                                 for _ in range(50)).encode("cp1256"))
    utf16 = tmp_path / "utf16.jsonl"
    utf16.write_bytes("\n".join(json.dumps({"text": "خبر عاجل من بغداد"}, ensure_ascii=False)
                                for _ in range(50)).encode("utf-16"))
    return {"png": png, "sqlite": db, "cp1256": cp1256, "utf16": utf16}


def test_one_error_per_binary_file(tmp_path: Path) -> None:
    for name, path in _files(tmp_path).items():
        assert path.read_bytes().count(b"\n") > 3, name  # many "lines": each used to be an error
        got = list(read([path]))
        assert len(got) == 1 and isinstance(got[0], ReadError), (name, got[:3])
        assert got[0].item == str(path)
        assert got[0].reason.split(" (")[0].split(":")[0] == {
            "png": "binary content", "sqlite": "binary content", "cp1256": "not valid UTF-8",
            "utf16": "UTF-16 text; JSON is read as UTF-8"}[name], got[0].reason


def test_good_json_beside_them_is_read(tmp_path: Path) -> None:
    files = _files(tmp_path)
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "g1", "text": "اجتمع وزير الخارجية مع نظيره."}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    got = list(read([*files.values(), good]))
    assert [type(x).__name__ for x in got] == ["ReadError"] * 4 + ["Article"]


def test_marsad_parse_prints_one_line_for_the_file(tmp_path: Path) -> None:
    png = _files(tmp_path)["png"]
    err = io.StringIO()
    main(["parse", str(png)], stdout=io.StringIO(), stderr=err)
    assert sum(str(png) in line for line in err.getvalue().splitlines()) == 1
