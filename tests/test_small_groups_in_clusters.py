"""A group of four whose answers all fall in one cluster (QA 4, 2026-12-07): the tables hide its
counts, and neither the cluster table nor the report may give them back — no label, words,
codes or size of its cluster, no evidence words or counts of its answers.

Team-written answers; real Voikko and the shipped model through the command line.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from vastausanalyysi.cli import main

SMALL_TOPIC = "Varautumisharjoitukset sirkusteltassa olivat hyödyllisiä."
ANSWERS = {
    "B": "Tiedonkulku ei toimi lainkaan.",
    "C": "Hyten koordinaattori tekee hyvää työtä.",
    "E": "Perhekeskus toimii hyvin.",
    "D": SMALL_TOPIC,  # four respondents only
}


@pytest.fixture(scope="module")
def survey(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("small") / "survey.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["respondent_id", "group", "text"])
        for group, text in ANSWERS.items():
            for i in range(4 if group == "D" else 6):
                writer.writerow([f"{group}{i}", group, text])
    return path


def test_the_cluster_table_gives_nothing_of_the_small_group(survey: Path, tmp_path: Path) -> None:
    out = tmp_path / "clusters.csv"
    assert main(["-q", "cluster", str(survey), "-o", str(out)]) == 0
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    closed = table[table["label"] == "pienten ryhmien vastauksia"]
    assert len(closed) == 1
    assert closed.iloc[0][["size", "respondents", "share"]].tolist() == ["", "", ""]
    assert closed.iloc[0]["codes"] == "[]" and closed.iloc[0]["by_group"] == '{"D": null}'
    text = out.read_text(encoding="utf-8").lower()
    assert "sirku" not in text and "varautu" not in text
    assert sorted(table.loc[table["label"] != "pienten ryhmien vastauksia", "size"]) == ["6"] * 3


def test_the_report_gives_nothing_of_the_small_group(survey: Path, tmp_path: Path) -> None:
    folder = tmp_path / "report"
    assert main(["-q", "report", str(survey), "-b", "group", "--out", str(folder)]) == 0
    md = (folder / "report.md").read_text(encoding="utf-8")
    # one line for the small groups' cluster, without counts; the tables hide the topic's count
    line = next(x for x in md.splitlines() if "Pienten ryhmien vastauksia" in x)
    assert line.count("| – |") >= 2 and "Varautuminen" not in line
    # the evidence table counts and words come only from the answers the report shows
    evidence = md.split("## Koodien yleisimmät perusteet", 1)[1].split("\n## ", 1)[0]
    assert "Hyvinvoinnin ja terveyden edistäminen | 6 |" in evidence
    assert "Varautuminen" not in evidence and "sirkus" not in evidence.lower()
    html = (folder / "report.html").read_text(encoding="utf-8").lower()
    assert "sirkusteltta" not in html and "sirkusteltassa" not in html


def test_a_group_column_of_any_name_and_left_out_statements_are_said(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA 4: ``cluster`` protected only columns named group/county (a column "ryhma" gave a
    one-person group's quote and id), and left statements out without a word."""
    renamed = tmp_path / "renamed.csv"
    renamed.write_text(
        survey.read_text(encoding="utf-8").replace("respondent_id;group;", "respondent_id;ryhma;"),
        encoding="utf-8",
    )
    out = tmp_path / "clusters.csv"
    args = ["cluster", str(renamed), "-o", str(out)]
    assert main([*args, "--group-column", "ryhma"]) == 0
    assert "sirku" not in out.read_text(encoding="utf-8").lower()
    capsys.readouterr()
    assert main([*args, "--group-column", "ryhmä"]) == 2
    assert "'ryhmä' is not in the data; available columns: 'respondent_id', 'ryhma'" in (
        capsys.readouterr().err
    )
    assert main([*args, "--group-column", "ryhma", "--polarity", "problem"]) == 0
    said = capsys.readouterr().err
    assert "left out of the clustering" in said and "of another polarity" in said
