"""``marsad code --actors FILE``: the user's actors file codes the events and names the coder."""

from __future__ import annotations

import hashlib
import io
import json

from marsad.cli.main import main
from marsad.coding import build_pipeline

ROW = "id\tname_en\tnames\tcode\trole\taffiliation\tstart\tend\nup0617\tMohammed Dahlan\tمحمد دحلان\tPSEOPP\t\tPSE\t\t\n"


def test_code_with_an_actors_file(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("اتهم محمد دحلان الرئيس الفلسطيني محمود عباس بالفساد في رام الله أمس.", encoding="utf-8")
    actors = tmp_path / "actors.tsv"
    actors.write_text(ROW, encoding="utf-8")
    out = io.StringIO()
    assert main(["code", str(article)], out, io.StringIO()) == 0
    before = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [e["source"]["code"] for e in before] == ["PSEREB"]
    out = io.StringIO()
    assert main(["code", str(article), "--actors", str(actors)], out, io.StringIO()) == 0
    after = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [e["source"]["code"] for e in after] == ["PSEOPP"]
    pipeline = build_pipeline(actors=actors)  # the store records this identity with every run
    assert pipeline.coder["actors_file"] == hashlib.sha256(actors.read_bytes()).hexdigest()[:16]
    assert "actors_file" not in build_pipeline().coder


def test_a_malformed_actors_file_is_a_usage_error(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("اتهم محمد دحلان الرئيس محمود عباس بالفساد.", encoding="utf-8")
    actors = tmp_path / "actors.tsv"
    actors.write_text("x\tX\tنوري\n", encoding="utf-8")
    err = io.StringIO()
    assert main(["code", str(article), "--actors", str(actors)], io.StringIO(), err) == 2
    assert "line 1" in err.getvalue()
    err = io.StringIO()
    assert main(["ingest", str(article), "--db", str(tmp_path / "m.db"), "--actors", str(actors)],
                io.StringIO(), err) == 2


def test_the_actors_file_reaches_the_places_stage(tmp_path):
    """A person the file adds is a person to the places stage too: دمشق in his name is no city."""
    article = tmp_path / "a.txt"
    article.write_text("التقى الوزير كريم دمشق بالسفير المصري أمس.", encoding="utf-8")
    actors = tmp_path / "actors.tsv"
    actors.write_text(ROW.splitlines()[0] + "\nkarim_dimashq\tKarim Dimashq\tكريم دمشق\tSYRGOV\tminister\tSYR\t\t\n",
                      encoding="utf-8")
    places = []
    for extra in ([], ["--actors", str(actors)]):
        out = io.StringIO()
        assert main(["code", "--min-confidence", "0", str(article), *extra], out, io.StringIO()) == 0
        places.append([(e["place"] or {}).get("name") for e in map(json.loads, out.getvalue().splitlines())])
    assert places[0] == ["دمشق"]
    assert places[1] == [None]
    alone = build_pipeline(actors=actors, stages=["text", "ner", "places"])
    assert [p.text for d in alone.pipe(["التقى الوزير كريم دمشق بالسفير المصري في القاهرة أمس."]) for p in d.places] == ["القاهرة"]
