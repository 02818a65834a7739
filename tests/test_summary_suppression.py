"""Secondary suppression in theme_frequencies: no suppressed count can be derived from a total."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from vastausanalyysi.summary import theme_frequencies

ORDER = {"areas": ["hyte", "varautuminen"], "mechanisms": ["tapaamiset"]}


def tagged_of(
    sizes: dict[tuple[str, ...], int], columns: tuple[str, ...] = ("group",)
) -> pd.DataFrame:
    """``size`` respondents per group key; every third mentions hyte, every other tapaamiset."""
    rows = []
    for key, size in sizes.items():
        for i in range(size):
            rows.append(
                {
                    **dict(zip(columns, key, strict=True)),
                    "respondent_id": f"{key}-{i}",
                    "text": "vastaus",
                    "areas": ["hyte"] if i % 3 == 0 else [],
                    "mechanisms": ["tapaamiset"] if i % 2 == 0 else [],
                }
            )
    return pd.DataFrame(rows)


def hidden_groups(freqs: pd.DataFrame, code: str = "hyte") -> dict[str, str]:
    rows = freqs[(freqs["code"] == code) & freqs["suppressed"]]
    return dict(zip(rows["group"], rows["suppression_reason"], strict=True))


def test_one_small_group_hides_the_next_smallest() -> None:
    tagged = tagged_of({("a",): 30, ("b",): 12, ("c",): 3, ("d",): 8, ("e",): 8})
    freqs = theme_frequencies(tagged, "group", codes_order=ORDER)
    for code in ("hyte", "varautuminen", "tapaamiset"):
        hidden = hidden_groups(freqs, code)
        # c is primary; d and e tie at 8: the first in order (d) is hidden
        assert sorted(hidden) == ["c", "d"]
        assert hidden["c"] == "base < min_cell 5"
        assert hidden["d"].startswith("secondary")
    d = freqs[(freqs["group"] == "d") & (freqs["code"] == "hyte")].iloc[0]
    assert pd.isna(d["n"]) and np.isnan(d["share"]) and pd.isna(d["base"])
    # the total minus the visible groups gives only the sum of c and d
    total = theme_frequencies(tagged, None, codes_order=ORDER)
    all_hyte = total.loc[total["code"] == "hyte", "n"].item()
    visible = freqs.loc[(freqs["code"] == "hyte") & ~freqs["suppressed"], "n"].sum()
    assert all_hyte - visible == 1 + 3  # c: 1 of 3, d: 3 of 8


def test_two_small_groups_need_no_secondary_and_empty_groups_do_not_count() -> None:
    two = theme_frequencies(tagged_of({("a",): 30, ("b",): 2, ("c",): 4}), "group")
    assert sorted(hidden_groups(two)) == ["b", "c"]
    assert not any(r.startswith("secondary") for r in hidden_groups(two).values())
    tagged = tagged_of({("a",): 30, ("b",): 12, ("c",): 3})
    tagged["group"] = pd.Categorical(tagged["group"], categories=["a", "b", "c", "tyhjä"])
    freqs = theme_frequencies(tagged, "group", codes_order=ORDER)
    hidden = hidden_groups(freqs)
    # the empty category (base 0) is suppressed but discloses nothing: b is still hidden for c
    assert sorted(hidden) == ["b", "c", "tyhjä"]
    assert hidden["b"].startswith("secondary")
    # a single group: nothing to protect against
    alone = theme_frequencies(tagged_of({("a",): 3}), "group")
    assert hidden_groups(alone) == {"a": "base < min_cell 5"}


def test_secondary_can_be_turned_off() -> None:
    tagged = tagged_of({("a",): 30, ("b",): 12, ("c",): 3})
    freqs = theme_frequencies(tagged, "group", codes_order=ORDER, secondary=False)
    assert sorted(hidden_groups(freqs)) == ["c"]


def test_small_counts_in_large_groups_get_a_partner_cell() -> None:
    tagged = tagged_of({("a",): 30, ("b",): 9, ("c",): 12})
    freqs = theme_frequencies(tagged, "group", codes_order=ORDER, suppress="base_and_n")
    hyte = freqs[freqs["code"] == "hyte"].set_index("group")
    # hyte: a 10, b 3 (< 5, primary), c 4 (< 5, primary): two hidden, no secondary needed
    assert hyte["suppressed"].to_dict() == {"a": False, "b": True, "c": True}
    tagged = tagged_of({("a",): 30, ("b",): 9, ("c",): 15})
    freqs = theme_frequencies(tagged, "group", codes_order=ORDER, suppress="base_and_n")
    hyte = freqs[freqs["code"] == "hyte"].set_index("group")
    # b 3 is primary; c (5 of 15) is the next smallest group and is hidden for it
    assert hyte["suppressed"].to_dict() == {"a": False, "b": True, "c": True}
    assert hyte.loc["c", "suppression_reason"].startswith("secondary")
    tap = freqs[freqs["code"] == "tapaamiset"].set_index("group")
    assert not tap["suppressed"].any()  # 15, 5, 8: nothing small


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_no_line_of_a_two_way_table_has_a_single_hidden_cell(seed: int) -> None:
    rng = np.random.default_rng(seed)
    sizes = {
        (g, r): int(rng.choice([0, 2, 3, 4, 6, 9, 15, 30]))
        for g in ("g1", "g2", "g3", "g4")
        for r in ("r1", "r2", "r3", "r4", "r5")
    }
    tagged = tagged_of({k: v for k, v in sizes.items() if v}, ("group", "region"))
    freqs = theme_frequencies(tagged, ["group", "region"], codes_order=ORDER)
    size = pd.Series([sizes[k] for k in zip(freqs["group"], freqs["region"], strict=True)])
    informative = (size > 0).to_numpy()
    for fixed in ("group", "region"):
        for _, line in freqs[informative].groupby(["code", fixed]):
            n_hidden = int(line["suppressed"].sum())
            # a line has no hidden cell, or at least two, or nothing visible is left
            assert n_hidden != 1 or line["suppressed"].all(), line
    primary = freqs["suppression_reason"].str.startswith("base").fillna(False).to_numpy()
    assert (size[primary] < 5).all()
    secondary = freqs["suppression_reason"].str.startswith("secondary").fillna(False).to_numpy()
    assert (size[secondary] > 0).all()
    # no hidden cell shows its base, every shown one does
    assert freqs.loc[freqs["suppressed"], "base"].isna().all()
    assert (freqs.loc[~freqs["suppressed"], "base"] == size[~freqs["suppressed"].to_numpy()]).all()
