"""``vastausanalyysi cluster``: --polarity, --question, --split/--no-split and --assignments.

Input: the team-written answers of ``corpus/answers.csv`` (real Voikko, real model; no mocks).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from vastausanalyysi.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tagged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Team-written answers (two questions) tagged once by the CLI."""
    folder = tmp_path_factory.mktemp("cluster")
    with (ROOT / "corpus" / "answers.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["origin"] == "team-written"][:240]
    src = folder / "answers.csv"
    with src.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["respondent_id", "question", "text"])
        for i, r in enumerate(rows):
            writer.writerow([f"R{i:04d}", r["question"], r["text"]])
    out = folder / "tagged.csv"
    assert main(["-q", "tag", str(src), "-o", str(out)]) == 0
    return out


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_polarity_keeps_only_those_statements(tagged: Path, tmp_path: Path) -> None:
    clusters, assignments = tmp_path / "c.csv", tmp_path / "a.csv"
    argv = ["-q", "cluster", str(tagged), "-o", str(clusters), "--assignments", str(assignments)]
    assert main([*argv, "--polarity", "works,mixed"]) == 0
    table = _read(assignments)
    assert len(table) > 0
    assert set(table["polarity"]) <= {"works", "mixed"}
    answers = _read(tagged)
    assert len(table) == int(answers["polarity"].isin(["works", "mixed"]).sum())
    assert {"source_index", "respondent_id", "text", "cluster"} <= set(table.columns)
    sizes = _read(clusters)["size"].astype(int)
    assert sizes.sum() == len(table)


def test_question_filters_the_answers(tagged: Path, tmp_path: Path) -> None:
    answers = _read(tagged)
    question = answers["question"].value_counts().index[0]
    out = tmp_path / "a.csv"
    argv = ["-q", "cluster", str(tagged), "-o", str(tmp_path / "c.csv"), "--assignments", str(out)]
    assert main([*argv, "--question", question]) == 0
    ids = set(_read(out)["respondent_id"])
    assert ids == set(answers.loc[answers["question"] == question, "respondent_id"])


def test_split_gives_statements_that_point_to_their_rows(tagged: Path, tmp_path: Path) -> None:
    whole, split = tmp_path / "whole.csv", tmp_path / "split.csv"
    base = ["-q", "cluster", str(tagged), "-o", str(tmp_path / "c.csv")]
    assert main([*base, "--no-split", "--assignments", str(whole)]) == 0
    assert main([*base, "--split", "--assignments", str(split)]) == 0
    n_whole, statements = len(_read(whole)), _read(split)
    assert len(statements) > n_whole
    answers = _read(tagged)
    ids = answers["respondent_id"].tolist()
    for src, rid in zip(statements["source_index"], statements["respondent_id"], strict=True):
        assert ids[int(src)] == rid


def test_assignments_are_masked_and_formula_safe(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    texts = [
        "Perhekeskus toimii hyvin, kiitos Matti Meikäläinen 040 1234567.",
        "=HYPERLINK(1) oppilashuolto toimii hyvin yhdessä.",
        *[f"Neuvolan yhteistyö toimii hyvin {k}. kerran." for k in range(6)],
    ]
    with src.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["respondent_id", "text"])
        writer.writerows([f"R{i}", t] for i, t in enumerate(texts))
    out = tmp_path / "a.csv"
    assert (
        main(["-q", "cluster", str(src), "-o", str(tmp_path / "c.csv"), "--assignments", str(out)])
        == 0
    )
    written = out.read_text(encoding="utf-8")
    assert "040 1234567" not in written
    assert "'=HYPERLINK" in written


def test_an_unknown_polarity_is_an_error(tagged: Path, tmp_path: Path, capsys) -> None:
    argv = ["-q", "cluster", str(tagged), "-o", str(tmp_path / "c.csv"), "--polarity", "good"]
    assert main(argv) == 2
    assert "--polarity 'good'" in capsys.readouterr().err
