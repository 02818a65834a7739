"""QA4's summary findings: hidden cells given back by combining tables, mention sides of 0, a
scores file with empty values, a closed stdout and ``-b`` on a contact column.

All data here is team-written: small frames built in the tests.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from vastausanalyysi.summary import theme_frequencies

ORDER = {"areas": ["hyte", "perhekeskus"], "mechanisms": ["tapaamiset"]}
BY = ("coarse_group", "region")


def tagged_of(sizes: dict[tuple[str, str], int]) -> pd.DataFrame:
    """``size`` respondents per (group, region); a pattern of codes that differs by position."""
    rows = []
    for (group, region), size in sizes.items():
        for i in range(size):
            rows.append(
                {
                    "coarse_group": group,
                    "region": region,
                    "respondent_id": f"{group}-{region}-{i}",
                    "text": "Ei kommentteja." if i % 7 == 6 else "vastaus",
                    "areas": ["hyte"] if i % 3 == 0 else (["perhekeskus"] if i % 4 == 1 else []),
                    "mechanisms": ["tapaamiset"] if i % 2 == 0 else [],
                }
            )
    return pd.DataFrame(rows)


# region 21 has 3 respondents (hidden), region 03 is the smallest other one (hidden beside it in
# the table by region), but in the two-way table region 02's cells are the smallest of their
# lines: before the fix, every cell of region 03 was shown there (as in QA4's data)
SIZES = {
    ("A", "01"): 12,
    ("B", "01"): 11,
    ("C", "01"): 10,
    ("D", "01"): 9,
    ("A", "02"): 5,
    ("B", "02"): 5,
    ("C", "02"): 5,
    ("D", "02"): 20,
    ("A", "03"): 6,
    ("B", "03"): 6,
    ("C", "03"): 6,
    ("A", "21"): 1,
    ("B", "21"): 1,
    ("C", "21"): 1,
}


def tables(tagged: pd.DataFrame, **options: object) -> dict[tuple[str, ...], pd.DataFrame]:
    """The table of every subset of BY, as ``summary`` writes them with ``-b``."""
    out = {}
    for k in range(len(BY) + 1):
        for by in itertools.combinations(BY, k):
            out[by] = theme_frequencies(tagged, list(by) or None, codes_order=ORDER, **options)
    return out


def true_cells(tagged: pd.DataFrame, **options: object) -> pd.DataFrame:
    """The two-way table without any suppression: the unknowns an intruder wants."""
    return theme_frequencies(
        tagged, list(BY), codes_order=ORDER, min_cell=1, secondary=False, **options
    )


def recoverable(
    published: dict[tuple[str, ...], pd.DataFrame], truth: pd.DataFrame
) -> list[tuple[tuple[str, ...], tuple[object, ...], str, str]]:
    """Every hidden value (n, base, non_answers) of every table that a linear combination of the
    shown values of all the tables gives exactly: every differencing of margins and cells.

    The unknowns are the cells of the two-way table; a value of a table by fewer columns is the
    sum of its cells. A hidden value is recoverable when its vector is in the span of the shown
    ones (the rank does not grow)."""
    cells = truth[list(BY)].drop_duplicates().reset_index(drop=True)
    found = []
    for layer, code in truth[["layer", "code"]].drop_duplicates().itertuples(index=False):
        for value in ("n", "base", "non_answers"):
            shown, hidden = [], []
            for by, table in published.items():
                rows = table[(table["layer"] == layer) & (table["code"] == code)]
                for _, row in rows.iterrows():
                    vector = np.ones(len(cells))
                    for column in by:
                        vector *= (cells[column] == row[column]).to_numpy()
                    key = (by, tuple(row[c] for c in by), code, value)
                    (hidden if row["suppressed"] else shown).append((key, vector))
                    if not row["suppressed"]:
                        total = truth[(truth["code"] == code)].copy()
                        mask = np.ones(len(total), dtype=bool)
                        for column in by:
                            mask &= (total[column] == row[column]).to_numpy()
                        assert row[value] == total.loc[mask, value].sum()  # sums as assumed
            matrix = np.array([v for _, v in shown]) if shown else np.zeros((0, len(cells)))
            rank = np.linalg.matrix_rank(matrix) if len(shown) else 0
            for key, vector in hidden:
                if vector.sum() == 0:
                    continue  # a group of no respondents: nothing to disclose
                if np.linalg.matrix_rank(np.vstack([matrix, vector])) == rank:
                    found.append(key)
    return found


def test_qa4_derive_hidden_two_way_table_hides_the_levels_its_one_way_tables_hide() -> None:
    tagged = tagged_of(SIZES)
    published = tables(tagged)
    by_region = published[("region",)]
    hidden_regions = set(by_region.loc[by_region["suppressed"], "region"])
    assert hidden_regions == {"03", "21"}  # 21 for its base, 03 beside it
    two_way = published[BY]
    for region in hidden_regions:
        rows = two_way[two_way["region"] == region]
        assert rows["suppressed"].all() and rows["base"].isna().all()
    reasons = set(two_way.loc[two_way["region"] == "03", "suppression_reason"])
    assert reasons == {
        "secondary: hidden in the table by fewer group columns, which would give it away"
    }
    # derive_hidden.py's method: total minus the shown regions minus region 03's cells of the
    # two-way table gives region 21 only together with 03
    overall = published[()]
    for code in ("hyte", "perhekeskus", "tapaamiset"):
        total = overall.loc[overall["code"] == code, "n"].item()
        shown = by_region.loc[(by_region["code"] == code) & ~by_region["suppressed"], "n"].sum()
        cells = two_way[(two_way["code"] == code) & (two_way["region"] == "03")]["n"]
        assert cells.isna().all()
        truth = true_cells(tagged)
        hidden_sum = truth[(truth["code"] == code) & truth["region"].isin(["03", "21"])]["n"]
        assert total - shown == hidden_sum.sum()


@pytest.mark.parametrize("suppress", ["base", "base_and_n"])
def test_qa4_no_hidden_value_follows_from_any_differencing_of_the_tables(suppress: str) -> None:
    tagged = tagged_of(SIZES)
    published = tables(tagged, suppress=suppress)
    assert recoverable(published, true_cells(tagged)) == []
    # the check finds such a value: with region 03's cells of the two-way table shown (as
    # before the fix), region 21 follows
    truth = true_cells(tagged)
    leaky = published[BY].copy()
    shown03 = (leaky["region"] == "03").to_numpy()
    for column in ("n", "base", "non_answers"):
        leaky.loc[shown03, column] = truth.loc[shown03, column].to_numpy()
    leaky.loc[shown03, "suppressed"] = False
    naive = {**published, BY: leaky}
    assert any(key[1] == ("21",) for key in recoverable(naive, truth))


def test_qa4_one_way_tables_are_unchanged_and_one_way_rule_is_the_same() -> None:
    tagged = tagged_of(SIZES)
    one = theme_frequencies(tagged, "region", codes_order=ORDER)
    again = theme_frequencies(tagged, ["region"], codes_order=ORDER)
    pd.testing.assert_frame_equal(one, again)
    # a three-way table hides what each of its two-way tables hides
    three = tagged.assign(wave=np.where(np.arange(len(tagged)) % 2 == 0, "2025", "2026"))
    full = theme_frequencies(three, ["coarse_group", "region", "wave"], codes_order=ORDER)
    for pair in itertools.combinations(["coarse_group", "region", "wave"], 2):
        sub = theme_frequencies(three, list(pair), codes_order=ORDER)
        hidden = sub.loc[sub["suppressed"], [*pair, "code"]].drop_duplicates()
        merged = full.merge(hidden, on=[*pair, "code"], how="inner")
        assert merged["suppressed"].all()


# --------------------------------------------------------------------------- scores by mention


def mention_data() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Group A: all 6 mention perhekeskus (the other side is 0); B and C: 6 and 6 of 12."""
    rows, scores = [], []
    for group, size, mentioners in (("A", 6, 6), ("B", 12, 6), ("C", 12, 6)):
        for i in range(size):
            rid = f"{group}{i}"
            rows.append(
                {
                    "respondent_id": rid,
                    "coarse_group": group,
                    "text": "Perhekeskus toimii." if i < mentioners else "Tapaamiset toimivat.",
                    "areas": ["perhekeskus"] if i < mentioners else [],
                    "mechanisms": [] if i < mentioners else ["tapaamiset"],
                }
            )
            scores.append({"respondent_id": rid, "item": "Yhteistyö", "value": 1 + (i * 7) % 5})
    return pd.DataFrame(rows), pd.DataFrame(scores)


def test_qa4_mention_side_of_zero_is_hidden_and_the_difference_too() -> None:
    from vastausanalyysi.summary import scores_by_mention

    tagged, scores = mention_data()
    table = scores_by_mention(tagged, scores, by="coarse_group", code_ids="perhekeskus")
    zero = table["coarse_group"] == "A"  # no one of A is on the side of no mention
    assert table.loc[zero.to_numpy(), "suppressed"].all()
    hidden = table[zero.to_numpy()]
    for column in ("n_mention", "n_no_mention", "mean_mention", "mean_no_mention", "difference"):
        assert hidden[column].isna().all()
    assert (hidden["suppression_reason"] == "n < min_cell 5").all()
    # across the groups a second row is hidden: the table without by minus the shown rows
    # gives only a sum of hidden rows
    assert table["suppressed"].sum() >= 2
    # a table of no small side hides nothing
    overall = scores_by_mention(tagged, scores, code_ids="perhekeskus")
    assert not overall["suppressed"].any()
