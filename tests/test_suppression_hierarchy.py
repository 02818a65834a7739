"""Small-cell suppression that knows nested groupings (QA 5 #3): a job-title group lies in one
coarse group, a municipality in one county, and the table by the coarser column is published by
the same tool. Frames, titles and answers are team-written for these tests.

The audit (:func:`derivable`) is plain linear algebra: the hidden cells of the table by group and
of the table by coarse group are unknowns, each coarse group is the sum of its groups and the
total the sum of either table; a hidden cell is derivable when its unit vector lies in the row
space of those equations.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from documents import README, flat
from vastausanalyysi.cli import main
from vastausanalyysi.report.labels import Names
from vastausanalyysi.report.narrative import NESTED_TEXT
from vastausanalyysi.report.scores import prepare_survey_scores
from vastausanalyysi.respondents import coarse_group
from vastausanalyysi.summary import linked_scores, scores_by_mention, theme_frequencies
from vastausanalyysi.summary.hierarchy import data_hierarchy
from vastausanalyysi.summary.suppression import (
    NESTED_REASON,
    SECONDARY_REASON,
    Nesting,
    secondary_mask,
)

ORDER = {"areas": ["hyte", "varautuminen"], "mechanisms": ["tapaamiset"]}
ITEM = "Yhteistyö toimii"
#: the groups of the QA file's shape: muu_yleisjohto (3) is small, kuntajohtaja (8) beside it
#: under yleisjohto; muu_organisaatio and puheenjohtaja are their coarse groups' only groups
SIZES = {
    "kuntajohtaja": 8,
    "muu_yleisjohto": 3,
    "sivistysjohto": 9,
    "muu_toimialajohto": 7,
    "puheenjohtaja": 6,
    "muu_organisaatio": 6,
}


def tagged_of(sizes: dict[str, int], column: str = "group", parent: str = "coarse_group"):
    """``size`` respondents per group; every third mentions hyte, every other tapaamiset; the
    parent column from the package's groups (or, for municipalities, given as "m:county")."""
    rows = []
    for key, size in sizes.items():
        value, _, county = key.partition(":")
        for i in range(size):
            rows.append(
                {
                    column: value,
                    parent: county if county else coarse_group(value),
                    "respondent_id": f"{value}-{i}",
                    "text": "vastaus",
                    "areas": ["hyte"] if i % 3 == 0 else [],
                    "mechanisms": ["tapaamiset"] if i % 2 == 0 else [],
                }
            )
    return pd.DataFrame(rows)


def derivable(
    fine: pd.DataFrame,
    coarse: pd.DataFrame,
    column: str,
    parent: str,
    parent_of: dict[str, str],
    code: str,
    value: str = "n",
) -> list[str]:
    """The hidden cells of ``code`` (in either table) that the published cells give back."""
    f = fine[fine["code"] == code].set_index(column)
    c = coarse[coarse["code"] == code].set_index(parent)
    unknown = [("f", g) for g in f.index if f.at[g, "suppressed"]]
    unknown += [("c", p) for p in c.index if c.at[p, "suppressed"]]
    where = {u: i for i, u in enumerate(unknown)}
    rows = []

    def equation(terms: list[tuple[tuple[str, str], int]]) -> None:
        row = np.zeros(len(unknown))
        for key, sign in terms:
            if key in where:
                row[where[key]] += sign
        rows.append(row)

    for p in c.index:  # a coarse group is the sum of its groups
        equation([(("c", p), 1), *((("f", g), -1) for g in f.index if parent_of[g] == p)])
    equation([(("f", g), 1) for g in f.index] + [(("c", p), -1) for p in c.index])  # totals
    matrix = np.array(rows) if rows else np.zeros((0, len(unknown)))
    rank = np.linalg.matrix_rank(matrix) if len(unknown) else 0
    out = []
    for key, i in where.items():
        unit = np.zeros(len(unknown))
        unit[i] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            out.append(f"{key[0]}:{key[1]}")
    assert value in f.columns  # the audit is of the table's own published figure
    return out


def reasons(freqs: pd.DataFrame, column: str = "group", code: str = "hyte") -> dict[str, str]:
    rows = freqs[(freqs["code"] == code) & freqs["suppressed"]]
    return dict(zip(rows[column], rows["suppression_reason"], strict=True))


def test_the_coarse_table_minus_the_shown_groups_gives_no_hidden_group() -> None:
    tagged = tagged_of(SIZES)
    fine = theme_frequencies(tagged, "group", codes_order=ORDER)
    coarse = theme_frequencies(tagged, "coarse_group", codes_order=ORDER)
    assert not coarse["suppressed"].any()  # yleisjohto (11) is shown
    parent_of = {g: coarse_group(g) for g in SIZES}
    for code in ("hyte", "varautuminen", "tapaamiset"):
        hidden = reasons(fine, code=code)
        # the small group's sibling under yleisjohto, not muu_organisaatio (6, the next
        # smallest overall), which the table by coarse group shows as "muut" anyway
        assert hidden == {"muu_yleisjohto": "base < min_cell 5", "kuntajohtaja": NESTED_REASON}
        assert derivable(fine, coarse, "group", "coarse_group", parent_of, code) == []
    # the subtraction of the QA report: yleisjohto minus kuntajohtaja is no longer possible
    kj = fine[(fine["group"] == "kuntajohtaja") & (fine["code"] == "hyte")].iloc[0]
    assert pd.isna(kj["n"]) and pd.isna(kj["base"])


def test_without_the_rule_the_audit_finds_the_leak() -> None:
    """The audit can fail: the table by group of the old rule (a frame without the coarse
    column has no nesting) hides muu_organisaatio, and yleisjohto minus kuntajohtaja gives
    muu_yleisjohto."""
    tagged = tagged_of(SIZES)
    old = theme_frequencies(tagged.drop(columns="coarse_group"), "group", codes_order=ORDER)
    assert reasons(old) == {
        "muu_yleisjohto": "base < min_cell 5",
        "muu_organisaatio": SECONDARY_REASON,
    }
    coarse = theme_frequencies(tagged, "coarse_group", codes_order=ORDER)
    parent_of = {g: coarse_group(g) for g in SIZES}
    leaks = derivable(old, coarse, "group", "coarse_group", parent_of, "hyte")
    assert leaks == ["f:muu_organisaatio", "f:muu_yleisjohto"]


def test_a_county_that_the_coarser_table_hides_has_a_municipality_hidden() -> None:
    """Lappi (3) is small and Pirkanmaa (7) hidden beside it in the table by county; by
    municipality, the old rule hid Nokia (5, the next smallest overall),
    leaving Tampere (Pirkanmaa's only municipality) shown: Pirkanmaa = Tampere, and Lappi =
    total - the shown counties - Pirkanmaa. Now Tampere is hidden for its county."""
    sizes = {"Rovaniemi:21": 3, "Tampere:06": 7, "Nokia:08": 5, "Kuopio:08": 12}
    tagged = tagged_of(sizes, "municipality", "region")
    fine = theme_frequencies(tagged, "municipality", codes_order=ORDER)
    coarse = theme_frequencies(tagged, "region", codes_order=ORDER)
    assert set(reasons(coarse, "region")) == {"21", "06"}
    hidden = reasons(fine, "municipality")
    assert hidden == {"Rovaniemi": "base < min_cell 5", "Tampere": NESTED_REASON}
    parent_of = {"Rovaniemi": "21", "Tampere": "06", "Nokia": "08", "Kuopio": "08"}
    for code in ("hyte", "tapaamiset"):
        assert derivable(fine, coarse, "municipality", "region", parent_of, code) == []


def test_two_small_groups_under_one_parent_need_nothing_more() -> None:
    sizes = {**SIZES, "kuntajohtaja": 4}  # both of yleisjohto's groups small (7 together)
    tagged = tagged_of(sizes)
    fine = theme_frequencies(tagged, "group", codes_order=ORDER)
    coarse = theme_frequencies(tagged, "coarse_group", codes_order=ORDER)
    assert reasons(fine) == {
        "muu_yleisjohto": "base < min_cell 5",
        "kuntajohtaja": "base < min_cell 5",
    }
    parent_of = {g: coarse_group(g) for g in sizes}
    assert derivable(fine, coarse, "group", "coarse_group", parent_of, "hyte") == []


def test_small_counts_get_a_sibling_too() -> None:
    """``suppress="base_and_n"``: a cell of a small count is a line member like a group. Of
    hyte, muu_yleisjohto has 3 of 9 (hidden) and kuntajohtaja 6 of 18: the old rule hid
    muu_toimialajohto (base 15, the smallest shown), and yleisjohto's 9 minus 6 gave the 3."""
    sizes = {"kuntajohtaja": 18, "muu_yleisjohto": 9, "sivistysjohto": 30, "muu_toimialajohto": 15}
    tagged = tagged_of(sizes)
    options = {"codes_order": ORDER, "suppress": "base_and_n"}
    fine = theme_frequencies(tagged, "group", **options)
    coarse = theme_frequencies(tagged, "coarse_group", **options)
    assert reasons(fine) == {"muu_yleisjohto": "n < min_cell 5", "kuntajohtaja": NESTED_REASON}
    assert not fine.loc[fine["code"] == "tapaamiset", "suppressed"].any()
    parent_of = {g: coarse_group(g) for g in sizes}
    for code in ("hyte", "varautuminen", "tapaamiset"):
        assert derivable(fine, coarse, "group", "coarse_group", parent_of, code) == []


def test_two_columns_with_a_nested_one() -> None:
    """By group and county: every county's groups under one coarse group follow the rule
    against the table by coarse group and county."""
    rows = []
    for county, sizes in (("06", SIZES), ("08", {**SIZES, "muu_yleisjohto": 9})):
        part = tagged_of(sizes)
        part["region"] = county
        part["respondent_id"] = county + part["respondent_id"]
        rows.append(part)
    tagged = pd.concat(rows, ignore_index=True)
    fine = theme_frequencies(tagged, ["group", "region"], codes_order=ORDER)
    coarse = theme_frequencies(tagged, ["coarse_group", "region"], codes_order=ORDER)
    parent_of = {g: coarse_group(g) for g in SIZES}
    for county in ("06", "08"):
        f = fine[fine["region"] == county]
        c = coarse[coarse["region"] == county]
        for code in ("hyte", "tapaamiset"):
            assert derivable(f, c, "group", "coarse_group", parent_of, code) == []


def test_the_hierarchy_comes_from_the_data() -> None:
    tagged = tagged_of(SIZES)
    hierarchy = data_hierarchy(["group"], tagged)
    assert hierarchy["group"][0] == "coarse_group"
    assert hierarchy["group"][1]["muu_yleisjohto"] == "yleisjohto"
    assert data_hierarchy(["coarse_group"], tagged) == {}  # no parent of its own
    assert data_hierarchy(["group", "coarse_group"], tagged) == {}  # its parent is a by column
    assert data_hierarchy(["group"], tagged.drop(columns="coarse_group")) == {}
    mixed = tagged.copy()
    mixed.loc[0, "coarse_group"] = "muut"  # one kuntajohtaja under "muut": not nested here
    assert data_hierarchy(["group"], mixed) == {}
    missing = tagged.copy()
    missing.loc[0, "group"] = None  # a missing group has no parent; the others keep theirs
    assert None not in data_hierarchy(["group"], missing)["group"][1]


def test_secondary_mask_without_nesting_is_unchanged_and_with_it_stays_under_the_parent() -> None:
    frame = pd.DataFrame({"g": ["a", "b", "c", "d"], "code": "x"})
    size = np.array([3, 8, 6, 9])
    small = size < 5
    legacy = secondary_mask(frame, ["g"], small, size, cell_keys=["code"])
    assert frame["g"][legacy].tolist() == ["c"]  # the next smallest overall
    nest = Nesting(
        "g",
        np.array(["P", "P", "Q", "R"], dtype=object),
        np.ones(4, dtype=bool),
        np.zeros(4, dtype=bool),
    )
    nested = secondary_mask(frame, ["g"], small, size, cell_keys=["code"], nested=[nest])
    assert frame["g"][nested].tolist() == ["b"]  # a's sibling under P


def _scores_frame(sizes: dict[str, int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The tagged answers and one Likert item of every respondent (values 1–5 in turn)."""
    tagged = tagged_of(sizes)
    scores = pd.DataFrame(
        {
            "respondent_id": tagged["respondent_id"],
            "item": ITEM,
            "value": [1 + i % 5 for i in range(len(tagged))],
            "group": tagged["group"],
            "coarse_group": tagged["coarse_group"],
        }
    )
    return tagged, scores


def _check_lines(fine: pd.DataFrame, coarse: pd.DataFrame, hidden: str, keys: list[str]) -> None:
    """Under a shown coarse group never exactly one hidden group; under a hidden one, one."""
    fine = fine.assign(_parent=[coarse_group(g) for g in fine["group"]])
    shown = coarse.set_index(["coarse_group", *keys])[hidden].astype(bool)
    for (parent, *key), part in fine.groupby(["_parent", *keys]):
        count = int(part[hidden].astype(bool).sum())
        if shown.get((parent, *key), False):
            assert count >= 1, (parent, key)
        else:
            assert count != 1, (parent, key)


def test_means_by_group_follow_the_rule() -> None:
    _, scores = _scores_frame(SIZES)
    items = {"tapaamiset": ITEM}
    fine = linked_scores(scores, by="group", code_items=items)
    coarse = linked_scores(scores, by="coarse_group", code_items=items)
    hidden = set(fine.loc[fine["score_suppressed"], "group"])
    assert hidden == {"muu_yleisjohto", "kuntajohtaja"}
    _check_lines(fine, coarse, "score_suppressed", ["code", "item"])


def test_scores_by_mention_by_group_follow_the_rule() -> None:
    tagged, scores = _scores_frame({**SIZES, "kuntajohtaja": 14, "sivistysjohto": 14})
    options = {"items": ITEM, "code_ids": "tapaamiset"}
    fine = scores_by_mention(tagged, scores, by="group", **options)
    coarse = scores_by_mention(tagged, scores, by="coarse_group", **options)
    why = dict(zip(fine["group"], fine["suppression_reason"], strict=True))
    assert why["muu_yleisjohto"].startswith("n < min_cell")
    assert why["kuntajohtaja"] == NESTED_REASON
    _check_lines(fine, coarse, "suppressed", ["layer", "code", "item"])


def test_the_reports_means_by_group_follow_the_rule() -> None:
    tagged, scores = _scores_frame(SIZES)
    table = prepare_survey_scores(scores, tagged, ["group"], Names(None), 5).tables[0]
    flags = {code: row[0] for code, row in zip(table.codes, table.flags, strict=True) if code}
    assert flags["muu_yleisjohto"] == "primary" and flags["kuntajohtaja"] == "secondary"
    assert flags["muu_organisaatio"] == ""  # the only group of "muut": shown in either table
    shown_n = dict(zip(table.codes, table.row_n, strict=True))
    assert shown_n["kuntajohtaja"] is None  # its N would give the small group's too
    coarse = prepare_survey_scores(scores, tagged, ["coarse_group"], Names(None), 5).tables[0]
    assert dict(zip(coarse.codes, coarse.row_n, strict=True))["yleisjohto"] == 11


def _survey_csv(path: Path) -> Path:
    """A survey export of the QA file's shape: titles, municipalities, a Likert item and an
    open question."""
    titles = [
        ("kunnanjohtaja", 8),
        ("hallintojohtaja", 3),
        ("sivistysjohtaja", 9),
        ("tekninen johtaja", 7),
        ("kunnanhallituksen puheenjohtaja", 6),
        ("kuntayhtymän johtaja", 6),
    ]
    places = ["Tampere", "Kuopio", "Oulu", "Espoo"]
    texts = [
        "Perhekeskuksen yhteistyö toimii hyvin.",
        "Säännölliset tapaamiset auttavat.",
        "Varautumisen harjoitukset ovat toimineet.",
    ]
    likert = ["Erittäin hyvin", "Melko hyvin", "Melko huonosti"]
    lines = ["Vastaajan tunnus;Tehtävänimike;Kunta;Miten yhteistyö toimii?;Mikä toimii hyvin?"]
    i = 0
    for title, n in titles:
        for _ in range(n):
            i += 1
            row = [f"V{i:03d}", title, places[i % 4], likert[i % 3], texts[i % 3]]
            lines.append(";".join(row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_summaries_by_group_and_coarse_group_give_no_hidden_group(tmp_path: Path) -> None:
    survey = _survey_csv(tmp_path / "kysely.csv")
    tables = {}
    for by in ("group", "coarse_group"):
        out = tmp_path / f"{by}.csv"
        assert main(["summary", str(survey), "-b", by, "-q", "-o", str(out)]) == 0
        tables[by] = pd.read_csv(out, dtype={by: str})
    fine, coarse = tables["group"], tables["coarse_group"]
    assert fine.groupby("group")["suppressed"].all().to_dict()["muu_yleisjohto"]
    parent_of = {g: coarse_group(g) for g in fine["group"].unique()}
    for code in fine["code"].unique():
        assert derivable(fine, coarse, "group", "coarse_group", parent_of, code) == [], code
    kj = fine[fine["group"] == "kuntajohtaja"]
    assert kj["suppressed"].all() and (kj["suppression_reason"] == NESTED_REASON).all()


def _readme_sentence(start: str) -> str:
    text = flat(README)
    match = re.search(re.escape(start) + r".*?\.(?= [A-Z`]|$)", text)
    assert match, start
    return match.group(0)


def test_readme_states_the_nested_rule() -> None:
    """README, "Small groups and personal data": the nested rule, as the tests above hold it:
    the hierarchy from the data's own columns (``test_the_hierarchy_comes_from_the_data``,
    ``test_a_frame_without_the_parent_column_keeps_the_old_rule``), the next smallest under the
    same coarse group and not a group alone in its coarse group
    (``test_the_coarse_table_minus_the_shown_groups_gives_no_hidden_group``, the CLI test), a
    hidden coarse group's group hidden (``test_a_county_that_the_coarser_table_hides_...``), a
    cluster's make-up (``test_a_clusters_make_up_by_group_follows_the_rule``)."""
    sentence = _readme_sentence("Groupings nest, and the tables know it")
    for words in (
        "`group` and `coarse_group` (`municipality` and `region`) columns",
        "the next smallest under the same coarse group is hidden too",
        "a coarse group that `-b coarse_group` hides has one of its groups hidden",
        "`-b coarse_group` minus the shown groups gives no hidden group",
        "alone in its shown coarse group is not the one chosen",
        "a cluster's make-up by group, `cluster --group-column group`, against its make-up by",
    ):
        assert words in sentence, words
    assert NESTED_REASON.split(" so that")[0] in sentence


@pytest.mark.parametrize("by", ["group", "municipality"])
def test_a_frame_without_the_parent_column_keeps_the_old_rule(by: str) -> None:
    """The README: the hierarchy is read from the data's own columns; without them the table
    is suppressed as before (no reason of the nested rule)."""
    sizes = {"a": 3, "b": 8, "c": 6, "d": 9}
    tagged = tagged_of(sizes, by, "_unused").drop(columns="_unused")
    freqs = theme_frequencies(tagged, by, codes_order=ORDER)
    assert set(reasons(freqs, by).values()) == {"base < min_cell 5", SECONDARY_REASON}


def test_the_report_by_group_hides_the_sibling_and_says_why(tmp_path: Path) -> None:
    """The report by group: kuntajohtaja's column is hidden beside muu_yleisjohto's (its
    frequencies and its means), and the footnote and the method text name the nested rule; the
    report by coarse group, with nothing hidden that way, does not."""
    survey = _survey_csv(tmp_path / "kysely.csv")
    texts = {}
    for by in ("group", "coarse_group"):
        out = tmp_path / by
        assert main(["report", str(survey), "-b", by, "-q", "--out", str(out)]) == 0
        texts[by] = " ".join((out / "report.md").read_text(encoding="utf-8").split())
    assert "Kuntajohtajat (piilotettu)" in texts["group"]
    assert "Muu yleisjohto (n \\< 5)" in texts["group"]
    assert texts["group"].count(NESTED_TEXT) == 3  # under both frequency tables, and the method
    assert NESTED_TEXT not in texts["coarse_group"]


def test_a_clusters_make_up_by_group_follows_the_rule() -> None:
    """``cluster --group-column group``: one cluster's respondents by group hide kuntajohtaja
    beside muu_yleisjohto (the make-up by coarse group shows yleisjohto's 11), not
    puheenjohtaja or muu_organisaatio, each alone in its coarse group; without the coarse
    column, the old rule, which hid puheenjohtaja (6, the last of the smallest)."""
    from vastausanalyysi.clusters import cluster_statements
    from vastausanalyysi.clusters.describe import composition

    tagged = tagged_of(SIZES)
    tagged["text"] = [
        f"Neuvolan ja perhekeskuksen yhteistyö toimii hyvin {i}. kerralla."
        for i in range(len(tagged))
    ]
    options = {"group_column": "group", "county_column": None, "n_clusters": 1}
    row = cluster_statements(tagged, **options).clusters.iloc[0]
    assert row["respondents"] == sum(SIZES.values())
    hidden = {g for g, n in row["by_group"].items() if n is None}
    assert hidden == {"muu_yleisjohto", "kuntajohtaja"}
    assert row["by_group"]["muu_organisaatio"] == row["by_group"]["puheenjohtaja"] == 6
    values = tagged["group"].to_numpy(dtype=object)
    who = tagged["respondent_id"].to_numpy(dtype=object)
    old = composition(values, who, 5)
    assert {g for g, n in old.items() if n is None} == {"muu_yleisjohto", "puheenjohtaja"}


def test_groups_without_a_parent_stay_outside_the_parent_lines() -> None:
    """Respondents without a group (and so without a coarse group) are a group of their own in
    the table, in no coarse group's line; the rule holds for the others."""
    tagged = tagged_of(SIZES)
    extra = tagged_of({"x": 4}).assign(group=None, coarse_group=None)
    extra["respondent_id"] = [f"none-{i}" for i in range(len(extra))]
    tagged = pd.concat([extra, tagged], ignore_index=True)  # the missing group first
    fine = theme_frequencies(tagged, "group", codes_order=ORDER)
    hidden = fine[(fine["code"] == "hyte") & fine["suppressed"]]
    why = dict(zip(hidden["group"].fillna("(puuttuu)"), hidden["suppression_reason"], strict=True))
    assert why["muu_yleisjohto"] == "base < min_cell 5"
    assert why["kuntajohtaja"] == NESTED_REASON
    assert why["(puuttuu)"] == "base < min_cell 5"
