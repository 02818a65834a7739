"""QA3 note 5: a file that ``tag`` wrote goes to ``summary`` and ``cluster`` without warnings;
a JSON array or object in another column is reported once per column, not once per cell.
Team-written answers."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pandas as pd
import pytest

from vastausanalyysi.cli import main
from vastausanalyysi.survey.tables import read_raw_table, read_table

TEXTS = [
    "Perhekeskus toimii hyvin ja neuvola on lähellä.",
    "Oppilashuolto toimii hyvin yhdessä sivistystoimen kanssa.",
    "Tiedonkulku ei toimi ja kiinteistöasiat ovat jumissa.",
    "Perhekeskus ja neuvola toimivat hyvin.",
    "Oppilashuolto ja hyte-työ sujuvat.",
    "Tiedonkulku takkuaa ja tapaamisia on liian vähän.",
]


@pytest.fixture
def tagged(tmp_path: Path) -> Path:
    source = tmp_path / "vastaukset.csv"
    pd.DataFrame(
        {
            "respondent_id": [f"R{i}" for i in range(len(TEXTS))],
            "ryhma": ["a", "a", "a", "b", "b", "b"],
            "text": TEXTS,
        }
    ).to_csv(source, index=False)
    out = tmp_path / "tagged.jsonl"
    assert main(["-q", "tag", str(source), "-o", str(out)]) == 0
    return out


def test_summary_and_cluster_read_a_tagged_file_without_warnings(
    tagged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    freq = tmp_path / "freq.csv"
    args = ["summary", str(tagged), "-b", "ryhma", "--min-cell", "1", "-o", str(freq)]
    assert main(args) == 0
    assert main(["cluster", str(tagged), "-o", str(tmp_path / "clusters.csv")]) == 0
    err = capsys.readouterr().err
    assert "JSON" not in err and "WARNING" not in err, err
    # the codes were read as lists: the frequencies count codes, not JSON text
    frame = pd.read_csv(freq)
    assert "perhekeskus" in set(frame["code"]) and not frame["code"].str.startswith("[").any()


def test_tag_columns_are_no_issue_of_the_table_reader(
    tagged: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert read_raw_table(tagged).issues == []
    with caplog.at_level(logging.WARNING, logger="vastausanalyysi.survey"):
        frame = read_table(tagged)
    assert caplog.records == []
    assert json.loads(frame.loc[0, "areas"]) == ["perhekeskus"]


def test_another_structured_column_is_one_line_per_column(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "t.jsonl"
    objects = [{"text": t, "meta": {"n": i}, "tags": ["x"]} for i, t in enumerate(TEXTS)]
    path.write_text("".join(json.dumps(o) + "\n" for o in objects), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="vastausanalyysi.survey"):
        read_table(path)
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 2, lines
    assert "column 'meta': 6 cells hold a JSON array or object" in lines[0]
    assert "the first in row 1" in lines[0] and "column 'tags': 6 cells" in lines[1]


def test_streamed_tag_reports_a_structured_column_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.jsonl"
    objects = [{"text": t, "meta": [i]} for i, t in enumerate(TEXTS)]
    path.write_text("".join(json.dumps(o) + "\n" for o in objects), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["tag", str(path), "-o", str(out), "--chunk-size", "2"]) == 0
    err = [line for line in capsys.readouterr().err.splitlines() if "JSON" in line]
    assert len(err) == 1 and "column 'meta': 6 cells" in err[0], err
    # a streamed re-tag of the tagged file: its tag columns raise nothing ("meta" is text now)
    again = tmp_path / "again.jsonl"
    assert main(["tag", str(out), "-o", str(again), "--chunk-size", "2"]) == 0
    assert [line for line in capsys.readouterr().err.splitlines() if "JSON" in line] == []
