"""CSV and Parquet exports read back in pandas as written, with GDELT's meaning in GDELT's names:
codes stay strings ("040"), SQLDATE is an integer with undated events empty, ActionGeo_CountryCode
holds FIPS 10-4 codes (ISO-3 in ActionGeo_CountryISO3) and ActionGeo_Type is GDELT's integer."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from marsad.cli.demo import sample_articles
from marsad.cli.main import main
from marsad.core.errors import ConfigError
from marsad.core.pipeline import Pipeline
from marsad.core.types import Actor, ActorMention, Document, Event, Place, PlaceMention, Span
from marsad.jobs.ingest import ingest
from marsad.store import open_store
from marsad.store.export import fips, geo_type, pandas_dtypes

pd = pytest.importorskip("pandas")

ARTICLE = "000_cf51298b20422178"  # the UN-OIC meeting in Istanbul (ANT sample)
# (trigger word, CAMEO, PLOVER, quad, place (name, ISO-3, precision) or None, date or None)
CODED = [
    ("الاجتماع", "040", "CONSULT", 1, ("اسطنبول", "TUR", "city"), date(2014, 5, 22)),
    ("التعاون", "036", "CONSULT", 1, ("العراق", "IRQ", "country"), None),
    ("عقد", "190", "ASSAULT", 4, ("واشنطن", "USA", "city"), date(2014, 5, 21)),
]


class Coded:
    """A stage that codes the events of CODED in the sample article (real text, real offsets)."""

    name = "coded"
    requires: frozenset[str] = frozenset()
    produces = frozenset({"actors", "places", "events"})

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        return [self.one(d) if d.article.id == ARTICLE else d for d in docs]

    def one(self, doc: Document) -> Document:
        text = doc.article.text
        un = text.index("الأمم المتحدة")
        oic = text.index("منظمة التعاون")
        src = ActorMention(un, un + 13, text[un:un + 13], Actor("un", "IGOUNO", "الأمم المتحدة", "United Nations"), 0)
        tgt = ActorMention(oic, oic + 13, text[oic:oic + 13],
                           Actor("oic", "IGOOIC", "منظمة التعاون", "Organisation of Islamic Cooperation"), 0)
        events = []
        for n, (word, cameo, plover, quad, (pname, iso3, prec), day) in enumerate(CODED):
            at = text.index(word)
            place = PlaceMention(-1, -1, pname, Place(pname, iso3, 1.0, 2.0, None, prec), 0)
            events.append(Event(
                id=f"{ARTICLE}:c{n}", article_id=ARTICLE, sentence=0, cameo=cameo, event_type=plover, mode=None,
                quad_class=quad, goldstein=1.0, trigger=Span(at, at + len(word), word), source=src,
                target=tgt, place=place, date=day, date_precision="day" if day else None, confidence=0.9,
                evidence=text[:80]))
        return replace(doc, events=tuple(events), actors=(src, tgt))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("gdelt") / "g.db")
    arts = [a for a in sample_articles() if a.id == ARTICLE]
    with open_store(path) as store:
        ingest(store, arts, pipeline=Pipeline([Coded()]))
    return path


def _export(db: str, tmp_path: Path, fmt: str, *extra: str) -> Path:
    out = tmp_path / f"e.{fmt}"
    err = io.StringIO()
    rc = main(["export", "--db", db, "--format", fmt, "-o", str(out), "--min-confidence", "0", *extra],
              stdout=io.StringIO(), stderr=err)
    assert rc == 0, err.getvalue()
    return out


def test_the_fips_table_and_geo_types() -> None:
    assert [fips(c) for c in ("IRQ", "SYR", "LBN", "GBR", "PSE", "USA")] == ["IZ", "SY", "LE", "UK", "WE", "US"]
    assert fips("XXX") is None and fips(None) is None
    assert [geo_type(p, c) for p, c in (("country", "IRQ"), ("city", "USA"), ("city", "IRQ"),
                                        ("region", "USA"), ("region", "SYR"), ("unknown", "SYR"))] == [
        1, 3, 4, 2, 5, None]


def test_csv_reads_back_in_pandas_with_gdelt_semantics(db: str, tmp_path: Path) -> None:
    out = _export(db, tmp_path, "csv")
    df = pd.read_csv(out, dtype=pandas_dtypes()).set_index("EventCode")
    assert sorted(df.index) == ["036", "040", "190"]  # "040" stays "040"
    assert df.loc["040", "EventRootCode"] == "04" and df.loc["040", "EventBaseCode"] == "040"
    assert str(df["SQLDATE"].dtype) == "Int64"
    assert df.loc["040", "SQLDATE"] == 20140522 and pd.isna(df.loc["036", "SQLDATE"])
    assert df.loc["040", "ActionGeo_CountryCode"] == "TU" and df.loc["040", "ActionGeo_CountryISO3"] == "TUR"
    assert df.loc["036", "ActionGeo_CountryCode"] == "IZ" and df.loc["190", "ActionGeo_CountryCode"] == "US"
    assert [df.loc[c, "ActionGeo_Type"] for c in ("040", "036", "190")] == [4, 1, 3]  # world city, country, US city
    assert df.loc["040", "Actor1Code"] == "IGOUNO" and bool(df.loc["040", "Complete"]) is True
    # without the dtypes, a missing date is an empty field, not "nan" or "20140522.0"
    raw = out.read_text("utf-8").splitlines()
    assert sorted(r["SQLDATE"] for r in csv.DictReader(raw)) == ["", "20140521", "20140522"]
    assert any(',"040","040","04",' in line for line in raw)  # codes are quoted text


def test_parquet_has_the_same_columns_and_types(db: str, tmp_path: Path) -> None:
    df = pd.read_parquet(_export(db, tmp_path, "parquet")).set_index("EventCode")
    csv_df = pd.read_csv(_export(db, tmp_path, "csv"), dtype=pandas_dtypes()).set_index("EventCode")
    assert list(df.columns) == list(csv_df.columns)
    assert df.loc["036", "ActionGeo_CountryCode"] == "IZ" and pd.isna(df.loc["036", "SQLDATE"])
    assert df.loc["190", "SQLDATE"] == 20140521 and df.loc["190", "ActionGeo_Type"] == 3


def test_mentions_csv_uses_the_same_types(db: str, tmp_path: Path) -> None:
    out = _export(db, tmp_path, "csv", "--mentions")
    df = pd.read_csv(out, dtype=pandas_dtypes("mentions"))
    assert sorted(df["EventCode"]) == ["036", "040", "190"] and set(df["ActionGeo_CountryCode"]) == {"TU", "IZ", "US"}


def test_events_df_has_datetime64_dates_and_the_export_columns_on_request(db: str, tmp_path: Path) -> None:
    with open_store(db) as store:
        df = store.events_df(include="all", min_confidence=0)
        ex = store.events_df(include="all", min_confidence=0, columns="export")
        with pytest.raises(ConfigError, match="columns="):
            store.events_df(columns="gdelt")
        mentions = store.event_mentions_df()
    assert df["date"].dtype.kind == "M" and df["first_published"].dtype.kind == "M"
    assert mentions["date"].dtype.kind == "M" and mentions["published"].dtype.kind == "M"
    assert sorted(df["date"].dropna().dt.strftime("%Y%m%d")) == ["20140521", "20140522"]
    csv_df = pd.read_csv(_export(db, tmp_path, "csv", "--include", "all"), dtype=pandas_dtypes())
    assert list(ex.columns) == list(csv_df.columns)
    assert ex["FirstPublished"].dtype.kind == "M"
    pd.testing.assert_frame_equal(ex.drop(columns="FirstPublished").sort_values("GlobalEventID").reset_index(drop=True),
                                  csv_df.drop(columns="FirstPublished").sort_values("GlobalEventID")
                                  .reset_index(drop=True))
    # the documented mapping: store column -> export column, same values
    by_id = ex.set_index("GlobalEventID")
    for store_name, export_name in (("cameo", "EventCode"), ("source_code", "Actor1Code"),
                                    ("target_code", "Actor2Code"), ("place_country", "ActionGeo_CountryISO3")):
        assert df.set_index("id")[store_name].to_dict() == by_id[export_name].to_dict()
