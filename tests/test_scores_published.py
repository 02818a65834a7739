"""The 2026 report's published tables: every cell against the report's text, the totals, the
respondent counts, the corpus copy and the codebook's item ids."""

from __future__ import annotations

import math
import os
import re
from pathlib import Path

import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi.respondents import COUNTY_CODES, GROUPS
from vastausanalyysi.summary import (
    load_published_counts,
    load_published_items,
    load_published_scores,
)

ROOT = Path(__file__).resolve().parents[1]
SEED_NAME = "yhdyspintakysely-2026.txt"


def seed_path() -> Path:
    """The report's text in the team's shared seed folder (beside the repository or its parent,
    or ``$VASTAUSANALYYSI_SEED``)."""
    candidates = [os.environ.get("VASTAUSANALYYSI_SEED")]
    candidates += [str(base / "shared" / "seed" / SEED_NAME) for base in ROOT.parents]
    for candidate in filter(None, candidates):
        if Path(candidate).is_file():
            return Path(candidate)
    raise AssertionError(
        f"the source text {SEED_NAME} was not found in shared/seed/ beside the repository; set "
        "VASTAUSANALYYSI_SEED to its path"
    )


def number(cell: str) -> float:
    cell = re.sub(r"</?b>", "", cell).strip()
    return math.nan if cell == "-" else float(cell.replace(",", "."))


LABELS = {"Kaikki vastaajat", "Vaihteluväli", "N"}


def seed_tables() -> list[dict[str, object]]:
    """The two tables of means as printed: header items, county rows, total, range and N rows."""
    lines = seed_path().read_text(encoding="utf-8").splitlines()
    tables = []
    for i, line in enumerate(lines):
        if not line.startswith("Hyvinvointialue\t"):
            continue
        items = line.split("\t")[1:-1]
        rows = []
        for row in lines[i + 1 :]:
            if "\t" not in row:
                break
            rows.append([re.sub(r"</?b>", "", c).strip() for c in row.split("\t")])
        by_label = {r[0]: r for r in rows}
        tables.append(
            {
                "items": items,
                "counties": [r for r in rows if r[0] not in LABELS],
                "total": by_label["Kaikki vastaajat"],
                "range": by_label["Vaihteluväli"],
                "N": by_label["N"],
            }
        )
    return tables


TABLES = ("yhteistyo", "tyonjako")


def test_shape_22_counties_with_codes_and_9_plus_7_items() -> None:
    scores = load_published_scores()
    assert list(scores.columns) == [
        "table",
        "region",
        "region_code",
        "item_id",
        "item",
        "mean",
        "n",
    ]
    items = scores.groupby("table", sort=False)["item_id"].nunique()
    assert items.to_dict() == {"yhteistyo": 9, "tyonjako": 7}
    counties = scores.dropna(subset=["region_code"])
    assert counties["region"].nunique() == 22
    assert sorted(counties["region_code"].unique()) == sorted(COUNTY_CODES)
    pairs = counties[["region", "region_code"]].drop_duplicates()
    for region, code in pairs.itertuples(index=False):
        assert va.resolve_region(region) == code
    total = scores[scores["region_code"].isna()]
    assert set(total["region"]) == {"Kaikki vastaajat"} and len(total) == 16
    assert len(scores) == (22 + 1) * (9 + 7)


def test_every_cell_matches_the_source_text() -> None:
    scores = load_published_scores()
    items = load_published_items()
    tables = seed_tables()
    assert len(tables) == 2
    checked = 0
    for table, printed in zip(TABLES, tables, strict=True):
        part = scores[scores["table"] == table]
        ids = items.loc[items["table"] == table, "item_id"].tolist()
        assert part["item"].drop_duplicates().tolist() == printed["items"]
        for row in printed["counties"]:
            got = part[part["region"] == row[0]]
            assert got["item_id"].tolist() == ids, row[0]
            for value, mean in zip(row[1:-1], got["mean"], strict=True):
                expected = number(value)
                assert (math.isnan(mean) and math.isnan(expected)) or mean == expected, row[0]
                checked += 1
            assert (got["n"] == int(row[-1])).all()
        total = part[part["region"] == "Kaikki vastaajat"]
        assert total["mean"].tolist() == [number(v) for v in printed["total"][1:-1]]
        assert total["n"].tolist() == [int(v) for v in printed["N"][1 : len(ids) + 1]]
        table_items = items[items["table"] == table]
        assert table_items["n"].tolist() == total["n"].tolist()
        printed_ranges = printed["range"][1 : len(ids) + 1]
        ranges = [tuple(number(x) for x in v.split("-")) for v in printed_ranges]
        assert list(zip(table_items["range_low"], table_items["range_high"], strict=True)) == ranges
    assert checked == 22 * 16
    # the per-item N that the first transcription dropped
    n_of = dict(zip(items["item_id"], items["n"], strict=True))
    assert n_of["yhteistyo_luottamushenkilot"] == 236
    assert n_of["tyonjako_ymparistoterveys"] == 208
    # "-" in the report: Helsinki's two division-of-labour items
    missing = scores[scores["mean"].isna()]
    assert set(missing["region"]) == {"Helsinki"} and len(missing) == 2


def test_ranges_are_the_county_extremes() -> None:
    scores = load_published_scores()
    counties = scores.dropna(subset=["region_code"])
    extremes = counties.groupby("item_id")["mean"].agg(["min", "max"])
    items = load_published_items().set_index("item_id").reindex(extremes.index)
    assert len(extremes) == 16
    assert extremes["min"].tolist() == items["range_low"].tolist()
    assert extremes["max"].tolist() == items["range_high"].tolist()


def test_n_weighted_county_means_give_the_printed_totals() -> None:
    scores = load_published_scores()
    counties = scores.dropna(subset=["region_code", "mean"])
    weighted = counties.assign(w=counties["mean"] * counties["n"].astype(float))
    sums = weighted.groupby("item_id")[["w", "n"]].sum()
    computed = sums["w"] / sums["n"].astype(float)
    printed = scores[scores["region_code"].isna()].set_index("item_id")["mean"]
    gaps = (computed - printed.reindex(computed.index)).abs()
    assert len(gaps) == 16
    assert gaps.max() <= 0.06, gaps.sort_values().tail(3)
    # the counties' respondents add up to the 486 municipal respondents
    per_county = counties.drop_duplicates("region")["n"].sum()
    assert per_county == 486


def test_respondent_counts_match_the_source_text() -> None:
    text = seed_path().read_text(encoding="utf-8")
    counts = load_published_counts()
    line = next(x for x in text.splitlines() if "Kuntavastauksia yhteensä" in x)
    organisation = [(int(n), int(p)) for n, p in re.findall(r"(\d+) \((\d+) %\)", line)]
    line = next(x for x in text.splitlines() if "Kuntapuheenjohtajia" in x)
    groups = [(int(n), int(p)) for n, p in re.findall(r"(\d+) \((\d+) %\)", line)]
    assert organisation == [(486, 96), (19, 4)]
    assert groups == [(60, 12), (47, 9), (52, 10), (237, 47), (109, 22)]
    got = {
        b: list(zip(part["n"], part["percent"], strict=True))
        for b, part in counts.groupby("breakdown", sort=False)
    }
    assert got == {"organisaatio": organisation, "vastaajaryhma": groups}
    total = int(re.search(r"Kyselyyn saatiin (\d+) vastausta", text).group(1))
    assert counts.groupby("breakdown")["n"].sum().tolist() == [total, total]
    # the groups are the library's respondent group ids
    ids = counts.loc[counts["breakdown"] == "vastaajaryhma", "group"]
    assert set(ids) <= set(GROUPS)
    assert {va.group_name(g) for g in ids} >= {"Kuntajohtajat", "Muu yleisjohto"}


def test_corpus_copy_equals_the_package_data() -> None:
    scores = load_published_scores()
    files = {
        "yhteistyo": ROOT / "corpus" / "report_2026" / "cooperation_scores.csv",
        "tyonjako": ROOT / "corpus" / "report_2026" / "division_of_labour_scores.csv",
    }
    for table, path in files.items():
        corpus = pd.read_csv(path, keep_default_na=False, na_values=[""])
        part = scores[scores["table"] == table].reset_index(drop=True)
        assert list(corpus.columns) == ["county", "item_id", "item", "mean", "n"]
        assert corpus["county"].tolist() == part["region"].tolist()
        assert corpus["item_id"].tolist() == part["item_id"].tolist()
        assert corpus["item"].tolist() == part["item"].tolist()
        pd.testing.assert_series_equal(corpus["mean"], part["mean"], check_names=False)
        counties = part["region_code"].notna()
        # the county's respondents; the corpus keeps 486 on the all-respondents row
        assert corpus.loc[counties, "n"].tolist() == part.loc[counties, "n"].tolist()
        assert set(corpus.loc[~counties, "n"]) == {486}


def test_codebook_links_use_the_published_item_ids() -> None:
    scores = load_published_scores()
    published = dict(zip(scores["item_id"], scores["item"], strict=False))
    codebook = va.load_codebook()
    linked = {}
    for code in [*codebook.areas.values(), *codebook.mechanisms.values()]:
        for item in code.items:
            linked[item.id] = " ".join(item.text.split())
    # every published item is linked by some code, under the same id and text
    assert set(published) <= set(linked)
    for item_id, text in published.items():
        assert linked[item_id] == text
    # every linked id is a published one, except the general division-of-labour question
    assert set(linked) - set(published) == {"tyonjako"}


@pytest.mark.parametrize("loader", [load_published_scores, load_published_counts])
def test_loaders_return_copies(loader) -> None:
    first = loader()
    first.iloc[0, 0] = "muutettu"
    assert loader().iloc[0, 0] != "muutettu"


def test_loads_from_package_data_anywhere(tmp_path: Path) -> None:
    """The tables come from the package, not from corpus/ or the working directory."""
    import subprocess
    import sys

    code = (
        "from vastausanalyysi.summary import load_published_scores as load; s = load(); "
        "print(len(s), s['region_code'].nunique())"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["368", "22"]
