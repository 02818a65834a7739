"""The 2026 report's published score tables and respondent counts, shipped as package data.

Source: Suomen Kuntaliitto, *Selvitys kuntien ja hyvinvointialueiden yhdyspinnoista* (municipal
leaders' survey of February–March 2026, presented 7.5.2026); see ``data/README.md``. The files
under ``data/published_2026/`` hold the two tables of means as printed (one row per county and
the all-respondents row, one column per item), the per-item N and range rows (``items.csv``) and
the respondent counts by organisation and respondent group (``respondents.csv``).
"""

from __future__ import annotations

import io
from functools import lru_cache

import pandas as pd

from vastausanalyysi import _resources
from vastausanalyysi.errors import SummaryError
from vastausanalyysi.respondents import resolve_region

#: the folder of the published tables in the package data
PUBLISHED_DIR = "published_2026"
#: table id -> the question as published
PUBLISHED_TABLES: dict[str, str] = {
    "yhteistyo": "Miten seuraavat asiat ovat toteutuneet hyvinvointialueen kanssa tapahtuneessa "
    "yhdyspintayhteistyössä?",
    "tyonjako": "Miten selkeänä pidät työnjakoa kuntasi/organisaatiosi ja hyvinvointialueen "
    "välillä?",
}
#: the label of the all-respondents row
ALL_RESPONDENTS = "Kaikki vastaajat"

_COLUMNS = ["table", "region", "region_code", "item_id", "item", "mean", "n"]


def _read(name: str) -> pd.DataFrame:
    path = f"{PUBLISHED_DIR}/{name}"
    try:  # one path segment at a time: namespace-package resources join one name per step
        text = _resources.data_file(PUBLISHED_DIR).joinpath(name).read_text(encoding="utf-8")
    except OSError as exc:  # a broken installation
        raise SummaryError(f"the package data file {path!r} cannot be read: {exc}") from exc
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


@lru_cache(maxsize=1)
def _items() -> pd.DataFrame:
    items = _read("items.csv")
    out = items[["table", "item_id", "item"]].copy()
    out["n"] = pd.array(items["n"].astype(int), dtype="Int64")
    out["range_low"] = items["range_low"].astype(float)
    out["range_high"] = items["range_high"].astype(float)
    return out


def load_published_items() -> pd.DataFrame:
    """The items of the two published tables: ``table``, ``item_id``, ``item`` (as printed),
    ``n`` (the printed N row: municipal respondents who answered the item) and the printed range
    of the county means (``range_low``, ``range_high``)."""
    return _items().copy()


@lru_cache(maxsize=1)
def _scores() -> pd.DataFrame:
    items = _items()
    frames = []
    for table in PUBLISHED_TABLES:
        wide = _read(f"{table}.csv")
        table_items = items[items["table"] == table]
        ids = table_items["item_id"].tolist()
        if list(wide.columns) != ["region", *ids, "n"]:
            raise SummaryError(
                f"package data {PUBLISHED_DIR}/{table}.csv: columns {list(wide.columns)} do not "
                f"match the items of items.csv {ids}"
            )
        long = wide.melt(id_vars=["region", "n"], var_name="item_id", value_name="mean")
        # keep the printed order: regions as rows, items within each region
        long["_r"] = long["region"].map({r: i for i, r in enumerate(wide["region"])})
        long["_i"] = long["item_id"].map({r: i for i, r in enumerate(ids)})
        long = long.sort_values(["_r", "_i"]).reset_index(drop=True)
        long["table"] = table
        long["item"] = long["item_id"].map(dict(zip(ids, table_items["item"], strict=True)))
        long["n"] = long["n"].astype(int)
        total = long["region"] == ALL_RESPONDENTS
        per_item = dict(zip(ids, table_items["n"].astype(int), strict=True))
        long.loc[total, "n"] = long.loc[total, "item_id"].map(per_item)
        frames.append(long)
    out = pd.concat(frames, ignore_index=True)
    codes = {r: (None if r == ALL_RESPONDENTS else resolve_region(r)) for r in out["region"]}
    if unresolved := [r for r, c in codes.items() if c is None and r != ALL_RESPONDENTS]:
        raise SummaryError(f"published region(s) {unresolved!r} do not resolve to a county code")
    out["region_code"] = out["region"].map(codes).astype(object)
    out["mean"] = pd.to_numeric(out["mean"].replace("", None), errors="raise").astype(float)
    out["n"] = pd.array(out["n"], dtype="Int64")
    return out[_COLUMNS]


def load_published_scores() -> pd.DataFrame:
    """Both tables of means of the 2026 report, in one tidy frame.

    Columns: ``table`` (``"yhteistyo"`` or ``"tyonjako"``, see :data:`PUBLISHED_TABLES`),
    ``region`` (as printed), ``region_code`` (the county code of
    :func:`~vastausanalyysi.respondents.resolve_region`; missing on the all-respondents row),
    ``item_id`` (the codebook's item ids), ``item`` (as printed), ``mean`` (1–5, municipal
    respondents; missing where the report prints "-") and ``n`` (the county's number of
    municipal respondents; on the all-respondents row the item's printed N, i.e. those who
    answered it). 22 counties (21 wellbeing services counties and Helsinki) plus the
    all-respondents row; 9 cooperation items and 7 division-of-labour items.
    """
    return _scores().copy()


def load_published_counts() -> pd.DataFrame:
    """The report's respondent counts: ``breakdown`` (``"organisaatio"``: 486 municipal answers
    and 19 from other municipal-sector organisations; ``"vastaajaryhma"``: the five respondent
    groups of all 505 answers), ``group`` (the library's group id), ``label``, ``n`` and
    ``percent`` (as printed, of the 505 answers). Each breakdown sums to 505."""
    counts = _read("respondents.csv")
    counts["n"] = pd.array(counts["n"].astype(int), dtype="Int64")
    counts["percent"] = pd.array(counts["percent"].astype(int), dtype="Int64")
    return counts


__all__ = [
    "ALL_RESPONDENTS",
    "PUBLISHED_TABLES",
    "load_published_counts",
    "load_published_items",
    "load_published_scores",
]
