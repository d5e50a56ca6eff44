"""The columns of CSV and Parquet exports (GDELT 2.0 event-table names where GDELT has the field,
then marsad's), their types, and the row of an event or a mention under those names.

Kept apart from :mod:`marsad.store.export` so that the store's Python API
(:meth:`~marsad.store.queries.QueryMixin.events_df`) builds the same rows without importing the
export writers.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from marsad import resources

#: CSV/Parquet columns: GDELT 2.0 event-table names where GDELT has the field, then marsad's.
COLUMNS: list[tuple[str, str]] = [
    ("GlobalEventID", "string"), ("SQLDATE", "int"), ("DatePrecision", "string"),
    ("Actor1Code", "string"), ("Actor1Name", "string"), ("Actor1Text", "string"),
    ("Actor1ActorID", "string"), ("Actor1Role", "string"),
    ("Actor2Code", "string"), ("Actor2Name", "string"), ("Actor2Text", "string"),
    ("Actor2ActorID", "string"), ("Actor2Role", "string"),
    ("IsRootEvent", "int"), ("EventCode", "string"), ("EventBaseCode", "string"),
    ("EventRootCode", "string"), ("QuadClass", "int"), ("GoldsteinScale", "float"),
    ("NumMentions", "int"), ("NumSources", "int"), ("NumArticles", "int"),
    ("ActionGeo_Type", "int"), ("ActionGeo_FullName", "string"), ("ActionGeo_CountryCode", "string"),
    ("ActionGeo_CountryISO3", "string"), ("ActionGeo_Lat", "float"), ("ActionGeo_Long", "float"),
    ("ActionGeo_FeatureID", "int"), ("ActionGeo_Precision", "string"),
    ("PloverType", "string"), ("PloverMode", "string"), ("Negated", "bool"), ("Hypothetical", "bool"),
    ("Future", "bool"), ("Historical", "bool"), ("Attributed", "bool"), ("Complete", "bool"),
    ("Asserted", "bool"), ("Confidence", "float"),
    ("TriggerText", "string"), ("Evidence", "string"), ("ArticleIDs", "string"),
    ("SOURCEURL", "string"), ("FirstPublished", "string"), ("CoderVersion", "string"),
]
_PER_EVENT = {"NumMentions", "NumSources", "NumArticles", "ArticleIDs", "FirstPublished"}
#: Columns of a mentions export: the mention, its merged event and its article, then the event columns.
MENTION_COLUMNS: list[tuple[str, str]] = [
    ("MentionID", "string"), ("GlobalEventID", "string"), ("ArticleID", "string"), ("Outlet", "string"),
    ("Published", "string"),
    *((c, t) for c, t in COLUMNS if c != "GlobalEventID" and c not in _PER_EVENT),
]


#: pandas dtype of each column type: codes stay strings ("040" is not 40), integers stay integers
#: where a value is missing (SQLDATE of an undated event), booleans read from True/False.
PANDAS_DTYPES = {"string": "string", "int": "Int64", "float": "float64", "bool": "boolean"}


def pandas_dtypes(table: str = "events") -> dict[str, str]:
    """The ``dtype=`` for ``pandas.read_csv`` of a CSV export, so that it reads back as written:
    ``pd.read_csv("events.csv", dtype=pandas_dtypes())``."""
    return {c: PANDAS_DTYPES[t] for c, t in columns(table)}


#: GDELT's ``ActionGeo_Type``: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
_GEO_TYPE = {"country": (1, 1), "region": (2, 5), "state": (2, 5), "city": (3, 4)}


def geo_type(precision: str | None, iso3: str | None) -> int | None:
    """GDELT's integer geo type of a place of marsad's ``precision`` in country ``iso3``."""
    us_other = _GEO_TYPE.get(precision or "")
    if us_other is None:
        return None
    return us_other[0] if iso3 == "USA" else us_other[1]


@lru_cache(maxsize=1)
def _fips_table() -> dict[str, str]:
    rows = resources.read_text("export", "fips.tsv").splitlines()[1:]
    return dict(line.split("\t")[:2] for line in rows if line.strip())


def fips(iso3: str | None) -> str | None:
    """The FIPS 10-4 code GDELT uses for an ISO 3166 alpha-3 country (``IRQ`` -> ``IZ``); None if none."""
    return _fips_table().get(iso3) if iso3 else None


def columns(table: str = "events") -> list[tuple[str, str]]:
    """The CSV/Parquet columns of a table's export: (name, type)."""
    return MENTION_COLUMNS if table == "mentions" else COLUMNS



def event_columns(r: dict[str, Any]) -> dict[str, Any]:
    """The columns an event and its mentions share (GDELT-like names)."""
    cameo = r["cameo"] or ""
    out: dict[str, Any] = {
        "SQLDATE": int(r["date"].strftime("%Y%m%d")) if r["date"] else None,
        "DatePrecision": r["date_precision"], "IsRootEvent": int(r["sentence"] == 0),
        "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": r["quad_class"], "GoldsteinScale": r["goldstein"],
        "ActionGeo_Type": geo_type(r["place_precision"], r["place_country"]),
        "ActionGeo_FullName": r["place_name"], "ActionGeo_CountryCode": fips(r["place_country"]),
        "ActionGeo_CountryISO3": r["place_country"],
        "ActionGeo_Lat": r["place_lat"], "ActionGeo_Long": r["place_lon"],
        "ActionGeo_FeatureID": r["place_geonameid"], "ActionGeo_Precision": r["place_precision"],
        "PloverType": r["event_type"], "PloverMode": r["mode"], "Confidence": r["confidence"],
        "TriggerText": r["trigger_text"], "Evidence": r["evidence"], "CoderVersion": r["coder_version"],
    }
    for flag in ("negated", "hypothetical", "future", "historical", "attributed", "complete", "asserted"):
        out[flag.capitalize()] = bool(r[flag])
    for n, side in ((1, "source"), (2, "target")):
        out[f"Actor{n}Code"] = r[f"{side}_code"]
        out[f"Actor{n}Name"] = r[f"{side}_name_en"]
        out[f"Actor{n}Text"] = r[f"{side}_text"]
        out[f"Actor{n}ActorID"] = r[f"{side}_actor_id"]
        out[f"Actor{n}Role"] = r[f"{side}_role"]
    return out


def flat_row(ev: Any, url: str | None = None) -> dict[str, Any]:
    """One CSV/Parquet row of a :class:`~marsad.store.queries.StoredEvent` (GDELT-like column names)."""
    r = ev.row
    return {
        "GlobalEventID": ev.id, **event_columns(r), "NumMentions": r["num_mentions"],
        "NumSources": r["num_sources"], "NumArticles": r["num_articles"],
        "ArticleIDs": " ".join(ev.article_ids), "SOURCEURL": url,
        "FirstPublished": r["first_published"].isoformat() if r["first_published"] else None,
    }


def mention_row(r: dict[str, Any], url: str | None = None) -> dict[str, Any]:
    """One CSV/Parquet row of an event mention."""
    return {"MentionID": r["id"], "GlobalEventID": r["event_id"], "ArticleID": r["article_id"],
            "Outlet": r["source"], "Published": r["published"].isoformat() if r["published"] else None,
            **event_columns(r), "SOURCEURL": url}
