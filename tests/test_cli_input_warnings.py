"""What ``tag`` says about an input's own columns (QA 4, 2026-12-07): columns named like its
output ("language", "areas") were replaced without a word, and a second "text" column was
renamed "text (2)" and left untagged without a word. Team-written rows; real pipeline."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from vastausanalyysi.cli import main


def test_own_columns_named_like_the_output_are_said_to_be_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.csv"
    src.write_text(
        "respondent_id;language;areas;text\n1;sv;Espoo;Perhekeskus toimii hyvin.\n"
        "2;sv;Vantaa;Tiedonkulku takkuaa.\n",
        encoding="utf-8",
    )
    for extra in ([], ["--jobs", "2"]):  # the whole-file and the streamed path
        out = tmp_path / f"out{len(extra)}.csv"
        assert main(["tag", str(src), "-o", str(out), *extra]) == 0
        err = capsys.readouterr().err
        assert "'language', 'areas' are replaced by the tagger's output" in err, err
        assert pd.read_csv(out, dtype=str)["language"].tolist() == ["fi", "fi"]
    # a tagged file tagged again says so in its own words, not twice
    assert main(["tag", str(tmp_path / "out0.csv"), "-o", str(tmp_path / "again.csv")]) == 0
    err = capsys.readouterr().err
    assert "tagged already" in err and "replaced by the tagger's output" not in err


def test_a_duplicate_text_header_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "dup.csv"
    src.write_text("respondent_id;text;text\n1;Hyvä;Toinen\n", encoding="utf-8")
    assert main(["tag", str(src), "-o", str(tmp_path / "out.csv")]) == 0
    assert "duplicate header in column 3 renamed to 'text (2)'" in capsys.readouterr().err
