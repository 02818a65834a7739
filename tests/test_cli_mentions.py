"""``summary --mention-scores`` on team-written files (real reader, tagger, writer)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

import vastausanalyysi as va
from documents import README
from vastausanalyysi.cli import main

ITEM = "Miten arvioit yhteistyön toimivuutta kuntasi ja hyvinvointialueen välillä?"
LABELS = {1: "Erittäin huonosti", 2: "Melko huonosti", 3: "Ei hyvin eikä huonosti"}
LABELS.update({4: "Melko hyvin", 5: "Erittäin hyvin"})
WORKS = "Mikä toimii yhteistyössä?"
DEVELOP = "Mitä pitäisi kehittää?"
MENTIONS = [
    "Perhekeskus toimii hyvin meidän kunnassamme.",
    "Perhekeskuksen kanssa yhteistyö on sujuvaa ja säännöllistä.",
    "Perhekeskus ja neuvola toimivat yhdessä arjessa.",
    "Perhekeskustoiminta on parantunut selvästi viime vuodesta.",
    "Perhekeskus, oppilashuolto ja nuorisotyö toimivat.",
    "Yhteistyö perhekeskuksessa sujuu todella hyvin.",
]
OTHERS = [
    "Tiedonkulku on parantunut viime aikoina selvästi.",
    "Säännölliset tapaamiset johdon kesken toimivat.",
    "Varautumisessa on tehty hyvää yhteistyötä pelastuslaitoksen kanssa.",
    "Hyte-työ etenee yhdessä hyvinvointialueen kanssa.",
    "Työllisyyspalvelujen siirto on sujunut kohtuullisesti.",
    "Kiinteistöasioissa on päästy hyvin eteenpäin.",
]
DEVELOPS = [
    "Tiedonkulkua pitäisi kehittää paljon enemmän.",
    "Päätöksenteon avoimuutta pitää lisätä selvästi.",
    "Yhteisiä tapaamisia tarvitaan useammin kuin nyt.",
]


def export_rows() -> list[dict]:
    """24 team-written respondents in two municipalities; the first 6 in Kuopio and 4 in Tampere
    praise the perhekeskus in 'what works' (and rate higher), every fifth answers 'En osaa
    sanoa' there, and the last has no score."""
    rows = []
    for m, municipality in enumerate(("Kuopio", "Tampere")):
        for i in range(12):
            mentions = i < (6 if municipality == "Kuopio" else 4)
            score = min(2 + (i * 5 + m) % 3 + (1 if mentions else 0), 5)
            works = MENTIONS[i % 6] if mentions else OTHERS[i % 6]
            rows.append(
                {
                    "Vastaajan tunnus": f"R{m}{i:02d}",
                    "Tehtävänimike": "sivistysjohtaja",
                    "Kunta": municipality,
                    ITEM: "En osaa sanoa" if i == 11 else LABELS[score],
                    WORKS: "En osaa sanoa" if i % 5 == 4 else works,
                    # the other question mentions perhekeskus too: --question leaves it out
                    DEVELOP: "Perhekeskuksen tilat pitäisi saada kuntoon pian."
                    if i == 10
                    else DEVELOPS[i % 3],
                    "_score": np.nan if i == 11 else score,
                    "_mentions": mentions and i % 5 != 4,
                }
            )
    return rows


@pytest.fixture
def export(tmp_path: Path) -> Path:
    frame = pd.DataFrame(export_rows()).drop(columns=["_score", "_mentions"])
    path = tmp_path / "kysely.csv"
    frame.to_csv(path, sep=";", index=False, encoding="utf-8-sig")
    return path


def expected(by_municipality: bool) -> pd.DataFrame:
    data = pd.DataFrame(export_rows()).dropna(subset=["_score"])
    keys = ["Kunta", "_mentions"] if by_municipality else ["_mentions"]
    return data.groupby(keys)["_score"].agg(["count", "mean"])


def test_survey_export_overall_and_by_region(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "mentions.csv"
    args = ["summary", str(export), "--question", "toimii", "--mention-scores"]
    args += ["--item", "toimivuutta", "--code", "perhekeskus", "-o", str(out)]
    assert main(args) == 0
    table = pd.read_csv(out)
    assert len(table) == 1 and table.loc[0, "item"] == ITEM
    want = expected(False)
    assert table.loc[0, "n_mention"] == want.loc[True, "count"]
    assert table.loc[0, "mean_mention"] == pytest.approx(want.loc[True, "mean"])
    assert table.loc[0, "n_no_mention"] == want.loc[False, "count"]
    assert table.loc[0, "mean_no_mention"] == pytest.approx(want.loc[False, "mean"])

    xlsx = tmp_path / "alueittain.xlsx"
    assert main([*args[:-2], "-b", "region", "--min-cell", "3", "-o", str(xlsx)]) == 0
    sheet = openpyxl.load_workbook(xlsx).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    table = pd.DataFrame(rows, columns=header)
    assert table["region"].tolist() == ["08", "13"]  # Pirkanmaa (Tampere), Pohjois-Savo (Kuopio)
    want = expected(True)
    for region, municipality in (("08", "Tampere"), ("13", "Kuopio")):
        row = table[table.region == region].iloc[0]
        assert row["n_mention"] == want.loc[(municipality, True), "count"]
        assert row["mean_no_mention"] == pytest.approx(want.loc[(municipality, False), "mean"])


def test_default_min_cell_hides_small_regions(
    export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mentions.csv"
    args = ["summary", str(export), "--question", "toimii", "--mention-scores", "-b", "region"]
    assert main([*args, "--item", "toimivuutta", "--code", "perhekeskus", "-o", str(out)]) == 0
    table = pd.read_csv(out, dtype={"region": str})
    # 4 mention in Tampere, 5 in Kuopio (6 minus a non-answer): Tampere is hidden, and Kuopio
    # with it, or the overall table (9 mention) minus Kuopio would give Tampere's 4
    assert table["region"].tolist() == ["08", "13"]
    assert table["suppression_reason"].tolist()[0] == "n < min_cell 5"
    assert table["suppression_reason"].tolist()[1].startswith("secondary")
    assert table[["n_mention", "mean_mention", "n_no_mention", "difference"]].isna().all().all()
    assert "all 2 rows are suppressed" in capsys.readouterr().err


def test_tagged_file_with_scores_file_is_formula_safe(tmp_path: Path) -> None:
    tagged = tmp_path / "tagged.jsonl"
    records, scores = [], []
    for i in range(12):
        group = "=HYPERLINK(1)" if i % 2 else "@ryhmä"
        mentions = i < 6
        records.append(
            {
                "respondent_id": i,  # numbers here, text in the scores CSV: they still meet
                "ryhmä": group,
                "text": "Perhekeskus toimii." if mentions else "Tiedonkulku toimii.",
                "areas": ["perhekeskus"] if mentions else [],
                "mechanisms": [],
                "polarity": "works",
            }
        )
        scores.append({"respondent_id": str(i), "item": ITEM, "value": 1 + i % 5})
    tagged.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    scores_csv = tmp_path / "scores.csv"
    pd.DataFrame(scores).to_csv(scores_csv, index=False)
    out = tmp_path / "out.csv"
    args = ["summary", str(tagged), "--mention-scores", "--scores", str(scores_csv)]
    assert main([*args, "-b", "ryhmä", "--min-cell", "1", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "'=HYPERLINK(1)" in text and "'@ryhmä" in text
    table = pd.read_csv(out)
    values = pd.DataFrame(scores)["value"]
    odd = table[table["ryhmä"] == "'=HYPERLINK(1)"].iloc[0]
    assert odd["n_mention"] == 3
    assert odd["mean_mention"] == pytest.approx(values[[1, 3, 5]].mean())
    assert odd["mean_no_mention"] == pytest.approx(values[[7, 9, 11]].mean())


def test_bad_options_are_one_line_errors(
    export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.csv")
    assert main(["summary", str(export), "--item", "toimivuutta", "-o", out]) == 2
    assert "--item: only with --mention-scores" in capsys.readouterr().err
    plain = tmp_path / "plain.csv"
    pd.DataFrame({"text": ["Perhekeskus toimii."], "respondent_id": ["a"]}).to_csv(plain)
    assert main(["summary", str(plain), "--mention-scores", "-o", out]) == 2
    assert "give --scores FILE" in capsys.readouterr().err
    args = ["summary", str(export), "--question", "toimii", "--mention-scores", "-o", out]
    assert main([*args, "--item", "ei tällaista"]) == 2
    err = capsys.readouterr().err
    assert "item 'ei tällaista' is not an item of the scores" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert main([*args, "--code", "perhekeskusx"]) == 2
    assert "code 'perhekeskusx' is not a code" in capsys.readouterr().err


def test_the_readme_example_runs_as_described(export: Path) -> None:
    call = re.search(r"`(va\.scores_by_mention\(.*?\))`", README, flags=re.DOTALL)[1]
    survey = va.read_survey(export)
    answers = survey.answers_with_respondents()
    tagged = va.tag(answers[answers["question"] == WORKS])
    out = eval(call, {"va": va, "tagged": tagged, "survey": survey})
    assert out[["region", "code", "item"]].values.tolist() == [
        ["08", "perhekeskus", ITEM],
        ["13", "perhekeskus", ITEM],
    ]
    # Tampere's 4 mentioners hidden, and Kuopio with it
    assert out["suppressed"].tolist() == [True, True]
    everyone = eval(
        call.replace('by="region",', ""), {"va": va, "tagged": tagged, "survey": survey}
    )
    want = expected(False)
    assert everyone["n_mention"].tolist() == [want.loc[True, "count"]]
    assert everyone["mean_no_mention"].tolist() == [pytest.approx(want.loc[False, "mean"])]
