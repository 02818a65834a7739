"""QA4's summary findings: hidden cells given back by combining tables, mention sides of 0, a
scores file with empty values, a closed stdout and ``-b`` on a contact column.

All data here is team-written: small frames built in the tests.
"""

from __future__ import annotations

import itertools
from pathlib import Path

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


# --------------------------------------------------------------------------- --scores files

ITEM = "Miten arvioit yhteistyön toimivuutta kuntasi ja hyvinvointialueen välillä?"
WORKS = "Mikä toimii yhteistyössä?"
DEVELOP = "Mitä pitäisi kehittää?"
DEVELOPS = [
    "Tiedonkulkua pitäisi kehittää paljon enemmän.",
    "Päätöksenteon avoimuutta pitää lisätä selvästi.",
    "Yhteisiä tapaamisia tarvitaan useammin kuin nyt.",
]
SCALE = {1: "Erittäin huonosti", 2: "Melko huonosti", 3: "Ei hyvin eikä huonosti"}
SCALE.update({4: "Melko hyvin", 5: "Erittäin hyvin"})


@pytest.fixture
def export(tmp_path: Path) -> Path:
    """16 team-written respondents; every fourth answers "En osaa sanoa" on the scale and the
    last gives no score at all; the first 8 praise the perhekeskus."""
    rows = []
    for i in range(16):
        score = 1 + (i * 3) % 5
        rows.append(
            {
                "Vastaajan tunnus": f"R{i:02d}",
                "Tehtävänimike": "sivistysjohtaja",
                "Kunta": "Kuopio",
                ITEM: "" if i == 15 else ("En osaa sanoa" if i % 4 == 3 else SCALE[score]),
                WORKS: f"Perhekeskus toimii hyvin, kiitos {i}. tiimin."
                if i < 8
                else f"Tiedonkulku toimii {i} kertaa paremmin kuin ennen.",
                DEVELOP: DEVELOPS[i % 3],
            }
        )
    path = tmp_path / "kysely.csv"
    pd.DataFrame(rows).to_csv(path, sep=";", index=False, encoding="utf-8-sig")
    return path


def test_qa4_scores_file_of_survey_o_with_empty_values_reads_as_missing_answers(
    export: Path, tmp_path: Path
) -> None:
    from vastausanalyysi.cli import main

    tidy = tmp_path / "tidy"
    assert main(["survey", str(export), "-o", str(tidy)]) == 0
    scores_csv = tidy / "scores.csv"
    written = pd.read_csv(scores_csv, keep_default_na=False, dtype=str)
    assert (written["value"] == "").sum() == 4  # 3 "En osaa sanoa" and one empty
    tagged = tmp_path / "tagged.jsonl"
    assert main(["tag", str(export), "-o", str(tagged)]) == 0
    options = ["--mention-scores", "--code", "perhekeskus", "--min-cell", "3"]
    from_file = tmp_path / "from_file.csv"
    args = ["summary", str(tagged), *options, "--scores", str(scores_csv), "-o", str(from_file)]
    assert main(args) == 0
    from_export = tmp_path / "from_export.csv"
    assert main(["summary", str(export), *options, "-o", str(from_export)]) == 0
    assert from_file.read_bytes() == from_export.read_bytes()
    table = pd.read_csv(from_file)
    assert table.loc[0, "n_mention"] + table.loc[0, "n_no_mention"] == 16 - 4


def test_qa4_scores_file_with_a_value_that_is_not_a_number_names_file_row_and_column(
    export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from vastausanalyysi.cli import main
    from vastausanalyysi.errors import SummaryError
    from vastausanalyysi.summary.scores import check_scores

    bad = tmp_path / "scores.csv"
    lines = ["respondent_id,item,value", "R00,Kohta,3", "R01,Kohta,", "R02,Kohta,kolme"]
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tagged = tmp_path / "tagged.jsonl"
    assert main(["tag", str(export), "-o", str(tagged)]) == 0
    capsys.readouterr()
    assert main(["summary", str(tagged), "--mention-scores", "--scores", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "row 4" in err and "'value'" in err and "'kolme'" in err
    frame = pd.read_csv(bad, keep_default_na=False, dtype=str)
    with pytest.raises(SummaryError, match=r"scores row 2: value 'kolme' is not a number"):
        check_scores(frame)
    assert check_scores(frame.iloc[:2])["value"].isna().tolist() == [False, True]


# --------------------------------------------------------------------------- the command line


def test_qa4_closed_stdout_pipe_ends_quietly_with_0(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    import vastausanalyysi

    tagged = tmp_path / "tagged.jsonl"
    records = [
        {
            "respondent_id": f"R{i}",
            "ryhma": f"ryhmä {i // 5}",
            "text": "Perhekeskus toimii.",
            "areas": ["perhekeskus"] if i % 2 else ["hyte"],
            "mechanisms": [],
            "polarity": "works",
        }
        for i in range(2500)
    ]
    pd.DataFrame(records).to_json(tagged, orient="records", lines=True, force_ascii=False)
    env = {**os.environ, "PYTHONPATH": str(Path(vastausanalyysi.__file__).parents[1])}
    command = [sys.executable, "-m", "vastausanalyysi", "summary", str(tagged), "-b", "ryhma"]
    process = subprocess.Popen(
        [*command, "-o", "-"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert process.stdout is not None and process.stderr is not None
    header = process.stdout.readline()  # as `| head -1` does: read a line, then close
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=300) == 0, err
    assert header.startswith(b"ryhma,layer,code")
    assert "Broken pipe" not in err and "Exception" not in err and "error" not in err
    # the whole table is far more than a pipe holds, so the writer did meet the closed pipe
    full = subprocess.run([*command, "-o", "-"], capture_output=True, env=env, check=True)
    assert len(full.stdout) > 256 * 1024


def test_qa4_by_a_contact_column_is_refused_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from vastausanalyysi.cli import main

    tagged = tmp_path / "tagged.jsonl"
    first = ["Aino", "Eero", "Helmi", "Ilmari", "Kaarina", "Lauri"]
    records = [
        {
            "respondent_id": f"R{i}",
            "Sähköposti": f"{first[i % 6].lower()}.virtanen{i}@kunta.fi",
            "yhteys": f"040 {1234500 + i * 7}",
            "tehtava": "rehtori" if i % 2 else "sivistysjohtaja",
            "text": "Perhekeskus toimii.",
            "areas": ["perhekeskus"],
            "mechanisms": [],
            "polarity": "works",
        }
        for i in range(24)
    ]
    pd.DataFrame(records).to_json(tagged, orient="records", lines=True, force_ascii=False)
    out = tmp_path / "freq.csv"
    for column, label in (("Sähköposti", "[EMAIL]"), ("yhteys", "[PUHELIN]")):
        capsys.readouterr()
        assert main(["summary", str(tagged), "-b", column, "-o", str(out)]) == 2
        err = capsys.readouterr().err
        assert f"-b/--by {column!r}" in err and "contact data" in err and repr(label) in err
        assert not out.exists()
    # an ordinary column still groups
    assert main(["summary", str(tagged), "-b", "tehtava", "-o", str(out)]) == 0
    assert set(pd.read_csv(out)["tehtava"]) == {"rehtori", "sivistysjohtaja"}


def scored_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """SIZES' respondents; every other mentions perhekeskus; everyone scores one item."""
    tagged, scores = tagged_of(SIZES), []
    tagged["areas"] = [["perhekeskus"] if i % 2 == 0 else [] for i in range(len(tagged))]
    tagged["text"] = "Perhekeskus toimii."
    for i, rid in enumerate(tagged["respondent_id"]):
        scores.append({"respondent_id": rid, "item": "Yhteistyö", "value": 1 + (i * 3) % 5})
    return tagged, pd.DataFrame(scores)


def hidden_keys(table: pd.DataFrame, by: list[str], flag: str) -> set[tuple[object, ...]]:
    return set(table.loc[table[flag].astype(bool), by].itertuples(index=False, name=None))


def test_qa4_mean_tables_by_two_columns_hide_what_their_one_way_tables_hide() -> None:
    from vastausanalyysi.summary import linked_scores, scores_by_mention

    tagged, scores = scored_frames()
    respondents = tagged[["respondent_id", *BY]]
    links = {"perhekeskus": "Yhteistyö"}
    tables = {
        "mention": lambda by: scores_by_mention(
            tagged, scores, by=by, code_ids="perhekeskus", respondents=respondents
        ),
        "means": lambda by: linked_scores(
            scores, by=by, code_items=links, respondents=respondents, min_cell=5
        ),
    }
    for name, make in tables.items():
        flag = "suppressed" if name == "mention" else "score_suppressed"
        two_way = make(list(BY))
        shown_pairs = set(
            two_way.loc[~two_way[flag].astype(bool), list(BY)].itertuples(index=False, name=None)
        )
        for column in BY:
            one_way = make([column])
            hidden = {key[0] for key in hidden_keys(one_way, [column], flag)}
            assert hidden or column == "coarse_group", name
            position = BY.index(column)
            leaked = {pair for pair in shown_pairs if pair[position] in hidden}
            assert not leaked, (name, column, leaked)
        assert (two_way[flag].astype(bool)).any() and not two_way[flag].astype(bool).all()


def test_qa4_report_score_table_by_two_levels_hides_what_its_one_level_tables_hide() -> None:
    from vastausanalyysi.report.labels import Names
    from vastausanalyysi.report.scores import prepare_survey_scores

    tagged, scores = scored_frames()
    names = Names(None)

    def table(levels: list[str]) -> dict[str, list[str]]:
        made = prepare_survey_scores(scores, tagged, levels, names, 5).tables[0]
        rows = zip(made.codes, made.total, made.flags, strict=True)
        return {code: flags for code, total, flags in rows if not total}

    two_way = table(list(BY))
    assert any(f for flags in two_way.values() for f in flags)
    for position, column in enumerate(BY):
        hidden = {code for code, flags in table([column]).items() if any(flags)}
        assert hidden or column == "coarse_group"
        for code, flags in two_way.items():
            if code.split(" / ")[position] in hidden:
                assert all(flags), (column, code)
    # and along each level, no line of the two-way table has exactly one hidden mean
    for position in range(len(BY)):
        lines: dict[str, list[bool]] = {}
        for code, flags in two_way.items():
            parts = code.split(" / ")
            other = " / ".join(p for k, p in enumerate(parts) if k != position)
            lines.setdefault(other, []).append(bool(flags[0]))
        assert all(sum(line) != 1 for line in lines.values()), lines
